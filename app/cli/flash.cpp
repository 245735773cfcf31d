// dlm flash: write a board's firmware image through its probe (openocd or st-flash), with
// progress, and one actionable line when it fails. The decisions and the reading of the
// tools' output are the flashing library's (app/flashing), shared with the studio.
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/flashing/flash_job.h"
#include "app/flashing/flash_plan.h"

namespace dlm::cli {

namespace {

constexpr const char* kFlashUsage =
    "usage: dlm flash --board BOARD [--probe openocd|st-flash] [--image PATH] [--verbose]\n\n"
    "Writes the Deeplomath firmware into a board through its debug probe, verifies it and\n"
    "restarts the board. Close the studio's link to the board first (the studio's\n"
    "Board > Flash firmware does it by itself).\n"
    "  --board BOARD   the board: nucleo-f446re (ST Nucleo-F446RE)\n"
    "  --probe TOOL    openocd (Debian's openocd: -f board/st_nucleo_f4.cfg, program, verify)\n"
    "                  or st-flash (Debian's stlink-tools: st-flash --reset write IMAGE.bin);\n"
    "                  by default the one installed, openocd first\n"
    "  --image PATH    the image (.elf or .bin for openocd, .bin for st-flash); by default\n"
    "                  dlm-firmware-BOARD.elf or .bin, looked for in $DLM_FIRMWARE_DIR, in\n"
    "                  ../share/deeplomath/firmware next to dlm, then in the build tree\n"
    "  --verbose       print every line the probe tool prints\n\n"
    "Exits 0 when the tool wrote (and, openocd, verified) the image; otherwise prints one\n"
    "line saying what went wrong and what to do (no probe, USB permissions, no target\n"
    "voltage...) and exits 1.\n";

int fail(const QString& message) {
  std::fprintf(stderr, "dlm flash: %s\n", message.toLocal8Bit().constData());
  return 1;
}

} // namespace

const char* flashUsage() { return kFlashUsage; }

int runFlash(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.parse(argc, argv, 2, {"board", "probe", "image"}, {"verbose"}, error) ||
      !args.require("board", error))
    return fail(QString::fromStdString(error));
  app::FlashRequest request;
  request.boardId = QString::fromStdString(args.value("board"));
  request.image = QString::fromLocal8Bit(args.value("image").c_str());
  if (args.has("probe") &&
      !app::parseFlashTool(QString::fromStdString(args.value("probe")), &request.tool))
    return fail(QStringLiteral("--probe expects openocd or st-flash, got '%1'")
                    .arg(QString::fromStdString(args.value("probe"))));
  const bool verbose = args.has("verbose");
  // The library logs each run for the studio's log; here the output below says it all.
  if (!verbose) QLoggingCategory::setFilterRules(QStringLiteral("dlm.flash.info=false"));

  QCoreApplication application(argc, argv);  // the job's QProcess needs an event loop
  request.applicationDir = QCoreApplication::applicationDirPath();
  request.envDir = qEnvironmentVariable("DLM_FIRMWARE_DIR");
  app::FlashPlan plan;
  QString planError;
  if (!app::planFlash(request, &plan, &planError)) return fail(planError);

  QTextStream out(stdout);
  out << "Flashing " << plan.board.name << " with " << plan.image << "\n"
      << "  " << plan.command.display() << "\n";
  out.flush();
  app::FlashJob job;
  int lastPercent = -1;
  QObject::connect(&job, &app::FlashJob::progress, [&](int percent, const QString& stage) {
    if (percent == lastPercent) return;
    lastPercent = percent;
    out << QStringLiteral("[%1%] ").arg(percent, 3) << stage << "\n";
    out.flush();
  });
  if (verbose) {
    QObject::connect(&job, &app::FlashJob::outputLine, [&](const QString& line) {
      out << "  | " << line << "\n";
      out.flush();
    });
  }
  int status = 1;
  QObject::connect(&job, &app::FlashJob::finished, [&](bool ok, const QString& message) {
    if (ok) {
      out << message << "\n";
      out.flush();
      status = 0;
    } else {
      status = fail(message);
    }
    QCoreApplication::exit(status);
  });
  job.start(plan);
  if (!job.isRunning()) return status;  // failed to start: finished() has already said why
  return QCoreApplication::exec() == 0 ? status : 1;
}

} // namespace dlm::cli
