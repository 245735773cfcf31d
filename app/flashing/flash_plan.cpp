#include "app/flashing/flash_plan.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace dlm::app {

namespace {

constexpr const char* kImagePrefix = "dlm-firmware-";
constexpr const char* kShareDir = "../share/deeplomath/firmware";

QString hexAddress(quint32 address) {
  return QStringLiteral("0x%1").arg(address, 8, 16, QLatin1Char('0'));
}

// openocd reads its -c argument as Tcl: a path with spaces or Tcl's special characters is
// braced, any other is passed as it is (what a user would type).
QString tclWord(const QString& text) {
  static const QString kSpecial = QStringLiteral(" \t\"{}[]$;\\");
  for (const QChar c : text)
    if (kSpecial.contains(c)) return QStringLiteral("{%1}").arg(text);
  return text;
}

QString shellWord(const QString& text) {
  if (!text.isEmpty() && !text.contains(QRegularExpression(QStringLiteral("[^\\w@%+=:,./-]"))))
    return text;
  QString quoted = text;
  quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
  return QStringLiteral("'%1'").arg(quoted);
}

bool isBin(const QString& path) {
  return path.endsWith(QStringLiteral(".bin"), Qt::CaseInsensitive);
}

} // namespace

const QVector<FlashBoard>& flashBoards() {
  // One entry per firmware port with an image; the emulated boards run theirs under QEMU.
  static const QVector<FlashBoard> kBoards = {
      {QStringLiteral("nucleo-f446re"), QStringLiteral("ST Nucleo-F446RE"),
       QStringLiteral("board/st_nucleo_f4.cfg"), 0x08000000u},
  };
  return kBoards;
}

const FlashBoard* findFlashBoard(const QString& id) {
  for (const FlashBoard& b : flashBoards())
    if (b.id.compare(id, Qt::CaseInsensitive) == 0) return &b;
  return nullptr;
}

QString flashToolProgram(FlashTool tool) {
  switch (tool) {
  case FlashTool::OpenOcd: return QStringLiteral("openocd");
  case FlashTool::StFlash: return QStringLiteral("st-flash");
  case FlashTool::Auto: break;
  }
  return QString();
}

bool parseFlashTool(const QString& text, FlashTool* tool) {
  const QString t = text.trimmed().toLower();
  if (t == QLatin1String("openocd")) *tool = FlashTool::OpenOcd;
  else if (t == QLatin1String("st-flash") || t == QLatin1String("stlink"))
    *tool = FlashTool::StFlash;
  else if (t == QLatin1String("auto")) *tool = FlashTool::Auto;
  else return false;
  return true;
}

QString findFlashTool(FlashTool tool) {
  const QString program = flashToolProgram(tool);
  return program.isEmpty() ? QString() : QStandardPaths::findExecutable(program);
}

FlashTool resolveFlashTool(FlashTool wanted) {
  if (wanted != FlashTool::Auto) return wanted;
  // openocd first: it programs the ELF, so the image says where it goes, and it verifies.
  for (FlashTool t : {FlashTool::OpenOcd, FlashTool::StFlash})
    if (!findFlashTool(t).isEmpty()) return t;
  return FlashTool::Auto;
}

QStringList firmwareImageNames(const FlashBoard& board, FlashTool tool) {
  const QString base = QLatin1String(kImagePrefix) + board.id;
  if (tool == FlashTool::StFlash) return {base + QStringLiteral(".bin")};
  return {base + QStringLiteral(".elf"), base + QStringLiteral(".bin")};
}

QStringList firmwareSearchDirs(const FlashBoard& board, const QString& applicationDir,
                               const QString& envDir) {
  QStringList dirs;
  if (!envDir.isEmpty()) dirs << QDir::cleanPath(envDir);
  if (!applicationDir.isEmpty())
    dirs << QDir::cleanPath(QDir(applicationDir).filePath(QLatin1String(kShareDir)));
  dirs << QDir::cleanPath(QStringLiteral(DLM_BUILD_TREE "/devices/boards/") + board.id);
  dirs.removeDuplicates();
  return dirs;
}

ImageLookup findFirmwareImage(const FlashBoard& board, FlashTool tool,
                              const QString& explicitImage, const QString& applicationDir,
                              const QString& envDir) {
  ImageLookup out;
  if (!explicitImage.isEmpty()) {
    const QFileInfo file(explicitImage);
    if (!file.isFile())
      out.error = FlashText::tr("The image %1 does not exist.").arg(explicitImage);
    else if (tool == FlashTool::StFlash && !isBin(explicitImage))
      out.error = FlashText::tr("st-flash writes raw .bin images only; %1 is not one: give the "
                                ".bin, or use openocd for an .elf.")
                      .arg(file.fileName());
    else
      out.path = file.absoluteFilePath();
    return out;
  }
  const QStringList names = firmwareImageNames(board, tool);
  const QStringList dirs = firmwareSearchDirs(board, applicationDir, envDir);
  for (const QString& dir : dirs) {
    for (const QString& name : names) {
      const QFileInfo file(QDir(dir).filePath(name));
      if (file.isFile()) {
        out.path = file.absoluteFilePath();
        return out;
      }
    }
  }
  const QString where = envDir.isEmpty()
                            ? FlashText::tr("%1 ($DLM_FIRMWARE_DIR is not set)")
                                  .arg(dirs.join(QStringLiteral(", ")))
                            : dirs.join(QStringLiteral(", "));
  out.error = FlashText::tr("No firmware image %1 found: looked in %2. Build the board's "
                            "firmware, install the package, or give the image's path.")
                  .arg(names.join(FlashText::tr(" or ")), where);
  return out;
}

QString FlashCommand::display() const {
  QStringList words{shellWord(program)};
  for (const QString& a : arguments) words << shellWord(a);
  return words.join(QLatin1Char(' '));
}

FlashCommand flashCommand(FlashTool tool, const FlashBoard& board, const QString& image,
                          const QString& program) {
  FlashCommand c;
  c.program = program.isEmpty() ? flashToolProgram(tool) : program;
  if (tool == FlashTool::StFlash) {
    c.arguments = {QStringLiteral("--reset"), QStringLiteral("write"), image,
                   hexAddress(board.flashAddress)};
    return c;
  }
  // An ELF carries its load addresses; a raw image needs the flash's base.
  const QString where = isBin(image) ? QStringLiteral(" ") + hexAddress(board.flashAddress)
                                     : QString();
  c.arguments = {QStringLiteral("-f"), board.openOcdConfig, QStringLiteral("-c"),
                 QStringLiteral("program %1%2 verify reset exit").arg(tclWord(image), where)};
  return c;
}

bool planFlash(const FlashRequest& request, FlashPlan* plan, QString* error) {
  const FlashBoard* board = findFlashBoard(request.boardId);
  if (board == nullptr) {
    QStringList ids;
    for (const FlashBoard& b : flashBoards()) ids << b.id;
    *error = FlashText::tr("Unknown board '%1': the boards that can be flashed are %2.")
                 .arg(request.boardId, ids.join(QStringLiteral(", ")));
    return false;
  }
  const FlashTool tool = resolveFlashTool(request.tool);
  const QString program = findFlashTool(tool);
  if (tool == FlashTool::Auto) {
    *error = FlashText::tr("Neither openocd nor st-flash is installed: install one "
                           "(sudo apt-get install openocd, or stlink-tools) and try again.");
    return false;
  }
  if (program.isEmpty()) {
    *error = FlashText::tr("%1 is not installed: install it (sudo apt-get install %2) or "
                           "choose the other probe tool.")
                 .arg(flashToolProgram(tool), tool == FlashTool::OpenOcd
                                                  ? QStringLiteral("openocd")
                                                  : QStringLiteral("stlink-tools"));
    return false;
  }
  const ImageLookup image = findFirmwareImage(*board, tool, request.image,
                                              request.applicationDir, request.envDir);
  if (image.path.isEmpty()) {
    *error = image.error;
    return false;
  }
  plan->board = *board;
  plan->tool = tool;
  plan->image = image.path;
  plan->command = flashCommand(tool, *board, image.path, program);
  return true;
}

} // namespace dlm::app
