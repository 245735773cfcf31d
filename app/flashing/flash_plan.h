#pragma once

// What flashing a board takes, decided before anything runs: which board, which probe tool
// (openocd or st-flash, the one installed when not chosen), which image (looked up in a fixed
// order) and the exact command line. Pure functions of their inputs and the file system, so
// `dlm flash` and the studio decide alike, and a test can check every decision.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace dlm::app {

/// \brief A program that writes an image into a board's flash through its debug probe.
enum class FlashTool {
  Auto,    ///< the one installed (openocd first: it verifies against the ELF)
  OpenOcd, ///< Debian's openocd
  StFlash, ///< Debian's stlink-tools (st-flash)
};

/// \brief A board the studio can flash.
struct FlashBoard {
  QString id;            ///< as `dlm flash --board` takes it, e.g. "nucleo-f446re"
  QString name;          ///< e.g. "ST Nucleo-F446RE"
  QString openOcdConfig; ///< openocd's board script, e.g. "board/st_nucleo_f4.cfg"
  quint32 flashAddress = 0; ///< where a raw .bin image goes
};

/// \brief Every board that can be flashed (the firmware ports with an image).
const QVector<FlashBoard>& flashBoards();
/// \brief The board called \p id, or nullptr.
const FlashBoard* findFlashBoard(const QString& id);

/// \brief "openocd" or "st-flash" (the executable's name); empty for Auto.
QString flashToolProgram(FlashTool tool);
/// \brief Reads "openocd", "st-flash" (or "stlink"), "auto"; false for anything else.
bool parseFlashTool(const QString& text, FlashTool* tool);
/// \brief The executable of \p tool on the PATH, or empty when it is not installed.
QString findFlashTool(FlashTool tool);
/// \brief \p wanted itself, or for Auto the installed tool (Auto again when none is).
FlashTool resolveFlashTool(FlashTool wanted);

/// \brief The image file names of \p board, best first for \p tool: openocd takes the ELF
/// (it knows where each section goes) or the raw .bin, st-flash only the .bin.
QStringList firmwareImageNames(const FlashBoard& board, FlashTool tool);
/// \brief The folders an image is looked for in, in order: $DLM_FIRMWARE_DIR (\p envDir),
/// the installed share folder relative to \p applicationDir (../share/deeplomath/firmware),
/// then the build tree's folder of the board's port.
QStringList firmwareSearchDirs(const FlashBoard& board, const QString& applicationDir,
                               const QString& envDir);

/// \brief The image to write, or why there is none.
struct ImageLookup {
  QString path;  ///< empty when not found
  QString error; ///< in plain words, naming every place looked in
};
/// \brief The image for \p board and \p tool: \p explicitImage when given (it must exist and
/// suit the tool), else the first of firmwareImageNames() in firmwareSearchDirs().
ImageLookup findFirmwareImage(const FlashBoard& board, FlashTool tool,
                              const QString& explicitImage, const QString& applicationDir,
                              const QString& envDir);

/// \brief A program and its arguments (run without a shell).
struct FlashCommand {
  QString program;
  QStringList arguments;
  /// \brief The command as a user would type it (for logs and the dialog).
  QString display() const;
};
/// \brief The command writing \p image into \p board with \p tool (OpenOcd or StFlash),
/// resetting the board after: `openocd -f board/… -c "program IMAGE verify reset exit"` or
/// `st-flash --reset write IMAGE.bin 0x08000000`. \p program is the tool's path.
FlashCommand flashCommand(FlashTool tool, const FlashBoard& board, const QString& image,
                          const QString& program);

/// \brief Everything decided before flashing starts.
struct FlashPlan {
  FlashBoard board;
  FlashTool tool = FlashTool::Auto; ///< resolved
  QString image;
  FlashCommand command;
};
/// \brief What the user asked for.
struct FlashRequest {
  QString boardId;
  FlashTool tool = FlashTool::Auto;
  QString image;          ///< empty: look it up
  QString applicationDir; ///< QCoreApplication::applicationDirPath() of the caller
  QString envDir;         ///< $DLM_FIRMWARE_DIR
};
/// \brief Decide \p request; false with a one-line actionable \p error (unknown board, no
/// tool installed, no image).
bool planFlash(const FlashRequest& request, FlashPlan* plan, QString* error);

/// \brief The translation context of the flashing library's messages.
class FlashText {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::FlashText)
};

} // namespace dlm::app
