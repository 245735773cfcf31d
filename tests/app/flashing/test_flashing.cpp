// The flashing library: boards, probe tools, image lookup, command lines, the reading of
// openocd's and st-flash's output, and a run of FlashJob against the fake tools of
// fake_tools/ (put first on the PATH, as the CLI test does).
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include "app/flashing/flash_job.h"
#include "app/flashing/flash_output.h"
#include "app/flashing/flash_plan.h"

using namespace dlm::app;

namespace {

void touch(const QString& path) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("\x7f" "ELF");
}

FlashOutputParser parse(FlashTool tool, const QString& output) {
  FlashOutputParser parser(tool);
  for (const QString& line : output.split(QRegularExpression(QStringLiteral("[\r\n]"))))
    parser.addLine(line);
  return parser;
}

const FlashBoard& nucleo() { return *findFlashBoard(QStringLiteral("nucleo-f446re")); }

} // namespace

class TestFlashing : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    // The fake tools first on the PATH: openocd and st-flash are both "installed".
    m_path = qgetenv("PATH");
    qputenv("PATH", QByteArray(DLM_FAKE_TOOLS_DIR) + ':' + m_path);
  }
  void cleanupTestCase() { qputenv("PATH", m_path); }

  void boardsAndTools() {
    QVERIFY(findFlashBoard(QStringLiteral("NUCLEO-F446RE")) != nullptr);
    QVERIFY(findFlashBoard(QStringLiteral("uno")) == nullptr);
    QCOMPARE(nucleo().openOcdConfig, QStringLiteral("board/st_nucleo_f4.cfg"));
    FlashTool tool = FlashTool::Auto;
    QVERIFY(parseFlashTool(QStringLiteral("st-flash"), &tool));
    QCOMPARE(tool, FlashTool::StFlash);
    QVERIFY(parseFlashTool(QStringLiteral("OpenOCD"), &tool));
    QCOMPARE(tool, FlashTool::OpenOcd);
    QVERIFY(!parseFlashTool(QStringLiteral("jlink"), &tool));
    QCOMPARE(resolveFlashTool(FlashTool::Auto), FlashTool::OpenOcd);  // openocd first
    QCOMPARE(findFlashTool(FlashTool::StFlash), QStringLiteral(DLM_FAKE_TOOLS_DIR "/st-flash"));
  }

  void commandLines() {
    const FlashCommand elf = flashCommand(FlashTool::OpenOcd, nucleo(), QStringLiteral("/f/a.elf"),
                                          QStringLiteral("openocd"));
    QCOMPARE(elf.arguments, (QStringList{"-f", "board/st_nucleo_f4.cfg", "-c",
                                         "program /f/a.elf verify reset exit"}));
    const FlashCommand bin = flashCommand(FlashTool::OpenOcd, nucleo(),
                                          QStringLiteral("/my images/a.bin"), QString());
    QCOMPARE(bin.arguments.last(),
             QStringLiteral("program {/my images/a.bin} 0x08000000 verify reset exit"));
    const FlashCommand st = flashCommand(FlashTool::StFlash, nucleo(), QStringLiteral("/f/a.bin"),
                                         QStringLiteral("/usr/bin/st-flash"));
    QCOMPARE(st.program, QStringLiteral("/usr/bin/st-flash"));
    QCOMPARE(st.arguments, (QStringList{"--reset", "write", "/f/a.bin", "0x08000000"}));
    QCOMPARE(st.display(), QStringLiteral("/usr/bin/st-flash --reset write /f/a.bin 0x08000000"));
    QCOMPARE(elf.display(),
             QStringLiteral("openocd -f board/st_nucleo_f4.cfg -c 'program /f/a.elf verify reset exit'"));
  }

  void imagesAreLookedUpInOrder() {
    QTemporaryDir root;
    const QString env = root.filePath(QStringLiteral("env"));
    const QString appDir = root.filePath(QStringLiteral("usr/bin"));
    const QString share = root.filePath(QStringLiteral("usr/share/deeplomath/firmware"));
    QDir().mkpath(appDir);
    const QStringList dirs = firmwareSearchDirs(nucleo(), appDir, env);
    QCOMPARE(dirs.size(), 3);
    QCOMPARE(dirs.at(0), env);
    QCOMPARE(dirs.at(1), share);
    QVERIFY(dirs.at(2).endsWith(QStringLiteral("/devices/boards/nucleo-f446re")));

    // Nothing anywhere (the build tree may hold a real image: look in the first two only).
    ImageLookup none = findFirmwareImage(nucleo(), FlashTool::OpenOcd, QString(), appDir, env);
    if (none.path.isEmpty()) {
      QVERIFY2(none.error.contains(env) && none.error.contains(share), qPrintable(none.error));
      QVERIFY(none.error.contains(QStringLiteral("dlm-firmware-nucleo-f446re.elf")));
    }
    // The installed share folder, then $DLM_FIRMWARE_DIR before it; openocd prefers the ELF.
    touch(share + QStringLiteral("/dlm-firmware-nucleo-f446re.bin"));
    QCOMPARE(findFirmwareImage(nucleo(), FlashTool::OpenOcd, QString(), appDir, env).path,
             share + QStringLiteral("/dlm-firmware-nucleo-f446re.bin"));
    touch(env + QStringLiteral("/dlm-firmware-nucleo-f446re.elf"));
    QCOMPARE(findFirmwareImage(nucleo(), FlashTool::OpenOcd, QString(), appDir, env).path,
             env + QStringLiteral("/dlm-firmware-nucleo-f446re.elf"));
    // st-flash writes raw images only: it skips the ELF.
    QCOMPARE(findFirmwareImage(nucleo(), FlashTool::StFlash, QString(), appDir, env).path,
             share + QStringLiteral("/dlm-firmware-nucleo-f446re.bin"));
    // An explicit image wins, and must exist and suit the tool.
    const ImageLookup missing = findFirmwareImage(nucleo(), FlashTool::OpenOcd,
                                                  root.filePath(QStringLiteral("no.elf")), appDir, env);
    QVERIFY(missing.path.isEmpty() && missing.error.contains(QStringLiteral("no.elf")));
    const ImageLookup elfForSt = findFirmwareImage(
        nucleo(), FlashTool::StFlash, env + QStringLiteral("/dlm-firmware-nucleo-f446re.elf"), appDir, env);
    QVERIFY(elfForSt.path.isEmpty() && elfForSt.error.contains(QStringLiteral(".bin")));
  }

  void planSaysWhatIsMissing() {
    FlashRequest request;
    request.boardId = QStringLiteral("nucleo-f446re");
    request.image = QStringLiteral("/nowhere/x.elf");
    FlashPlan plan;
    QString error;
    QVERIFY(!planFlash(request, &plan, &error));
    QVERIFY2(error.contains(QStringLiteral("/nowhere/x.elf")), qPrintable(error));
    request.boardId = QStringLiteral("uno");
    QVERIFY(!planFlash(request, &plan, &error));
    QVERIFY2(error.contains(QStringLiteral("nucleo-f446re")), qPrintable(error));
    // No tool at all on the PATH.
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    request.boardId = QStringLiteral("nucleo-f446re");
    const bool planned = planFlash(request, &plan, &error);
    qputenv("PATH", path);
    QVERIFY(!planned);
    QVERIFY2(error.contains(QStringLiteral("apt-get install openocd")), qPrintable(error));
  }

  void openOcdOutputs_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("advice");
    QTest::newRow("ok") << "ok" << int(FlashProblem::None) << "verified";
    QTest::newRow("no probe") << "noprobe" << int(FlashProblem::NoProbe) << "plug the board in";
    QTest::newRow("permission") << "permission" << int(FlashProblem::Permission) << "udev";
    QTest::newRow("0 V") << "novoltage" << int(FlashProblem::NoTargetVoltage) << "JP5";
    QTest::newRow("CMSIS-DAP") << "cmsisdap" << int(FlashProblem::NoCmsisDap) << "CMSIS-DAP";
  }
  // The fake tools print what the real ones print; the parser reads their output.
  void openOcdOutputs() {
    QFETCH(QString, scenario);
    QFETCH(int, problem);
    QFETCH(QString, advice);
    const auto [output, code] = runFake(QStringLiteral("openocd"), scenario);
    const FlashOutputParser parser = parse(FlashTool::OpenOcd, output);
    QCOMPARE(int(parser.problem()), problem);
    bool ok = false;
    const QString message = parser.outcome(code, &ok);
    QCOMPARE(ok, problem == int(FlashProblem::None));
    QVERIFY2(message.contains(advice), qPrintable(message));
    if (ok) {
      QVERIFY(parser.verified());
      QVERIFY(parser.percent() >= 90);
    } else {
      QVERIFY2(message.contains(QStringLiteral("openocd said: Error")), qPrintable(message));
    }
  }

  void stFlashOutputs() {
    const auto [good, code] = runFake(QStringLiteral("st-flash"), QStringLiteral("ok"));
    FlashOutputParser parser(FlashTool::StFlash);
    QList<int> percents;
    for (const QString& line : good.split(QRegularExpression(QStringLiteral("[\r\n]"))))
      if (parser.addLine(line)) percents << parser.percent();
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QVERIFY2(percents.contains(80), "3/3 pages written reaches the end of writing");
    QVERIFY(parser.verified());
    bool ok = false;
    parser.outcome(code, &ok);
    QVERIFY(ok);
    const auto [none, noneCode] = runFake(QStringLiteral("st-flash"), QStringLiteral("noprobe"));
    const FlashOutputParser noProbe = parse(FlashTool::StFlash, none);
    QCOMPARE(noProbe.problem(), FlashProblem::NoProbe);
    QVERIFY(!noProbe.outcome(noneCode, &ok).isEmpty() && !ok);
    const auto [denied, deniedCode] = runFake(QStringLiteral("st-flash"), QStringLiteral("permission"));
    QCOMPARE(parse(FlashTool::StFlash, denied).problem(), FlashProblem::Permission);
    Q_UNUSED(deniedCode);
  }

  void jobRunsAndReports() {
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("argv.log"));
    qputenv("FAKE_FLASH_LOG", log.toLocal8Bit());
    qputenv("FAKE_FLASH_SCENARIO", "ok");
    FlashPlan plan;
    plan.board = nucleo();
    plan.tool = FlashTool::StFlash;
    plan.image = QStringLiteral("/f/a.bin");
    plan.command = flashCommand(plan.tool, plan.board, plan.image, findFlashTool(plan.tool));
    FlashJob job;
    QSignalSpy progress(&job, &FlashJob::progress);
    QSignalSpy finished(&job, &FlashJob::finished);
    QVERIFY(job.start(plan));
    QVERIFY(!job.start(plan));  // one run at a time
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed(), QByteArray("st-flash [--reset] [write] [/f/a.bin] [0x08000000]"));

    // Cancelled while the tool hangs: stopped, and said so.
    qputenv("FAKE_FLASH_SCENARIO", "hang");
    QVERIFY(job.start(plan));
    QTest::qWait(200);
    job.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(0).toBool(), false);
    QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("Cancelled")));
    qunsetenv("FAKE_FLASH_SCENARIO");
    qunsetenv("FAKE_FLASH_LOG");
  }

private:
  static std::pair<QString, int> runFake(const QString& tool, const QString& scenario) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FAKE_FLASH_SCENARIO"), scenario);
    env.remove(QStringLiteral("FAKE_FLASH_LOG"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(DLM_FAKE_TOOLS_DIR "/") + tool, {});
    p.waitForFinished(10000);
    return {QString::fromLocal8Bit(p.readAll()), p.exitCode()};
  }

  QByteArray m_path;
};

QTEST_GUILESS_MAIN(TestFlashing)
#include "test_flashing.moc"
