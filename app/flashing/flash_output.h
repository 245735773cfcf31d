#pragma once

// Reading what openocd and st-flash print: how far the flashing is (a percentage and a stage
// in words) and, when it fails, which of the failures users meet it is, as one line that says
// what to do. The tools' wording is matched, not their exit codes: both exit 1 for everything.

#include <QString>

#include "app/flashing/flash_plan.h"

namespace dlm::app {

/// \brief The failures a user can do something about, recognised in a tool's output.
enum class FlashProblem {
  None,
  NoProbe,          ///< no ST-LINK on the USB bus
  NoCmsisDap,       ///< openocd looked for a CMSIS-DAP probe and found none
  Permission,       ///< the probe is there but this user may not open it (udev rules)
  NoTargetVoltage,  ///< the probe sees 0 V: the microcontroller is not powered or cut off
  NoTarget,         ///< the probe cannot talk to the microcontroller
  ImageUnreadable,  ///< the tool could not read the image
  VerifyFailed,     ///< written, but reading back differs
  WriteFailed,      ///< erasing or writing failed
};

/// \brief One line saying what \p problem means and what to do (None: empty).
QString flashProblemMessage(FlashProblem problem);

/// \brief Follows one run of a tool, line by line.
class FlashOutputParser {
public:
  explicit FlashOutputParser(FlashTool tool);

  /// \brief Read one line of the tool's output (stdout and stderr, merged); true when the
  /// progress or the stage changed.
  bool addLine(const QString& line);

  /// \brief 0 to 100, rising through the run (the tools print stages more than amounts).
  int percent() const { return m_percent; }
  /// \brief What the tool is doing, in words ("Writing", "Verifying"…).
  QString stage() const { return m_stage; }
  /// \brief The first failure recognised, None when none was.
  FlashProblem problem() const { return m_problem; }
  /// \brief True once the tool said the written image was read back identical.
  bool verified() const { return m_verified; }
  /// \brief The first line that looked like an error (the cause, usually; what follows
  /// is the tool giving up), for "the tool said…".
  QString errorLine() const { return m_errorLine; }

  /// \brief The outcome once the tool exited with \p exitCode: \p ok (exit 0, and no error
  /// seen) and a one-line message, actionable on failure.
  QString outcome(int exitCode, bool* ok) const;

private:
  void advance(int percent, const QString& stage);
  void noteProblem(FlashProblem problem);
  void readOpenOcd(const QString& line);
  void readStFlash(const QString& line);

  FlashTool m_tool;
  int m_percent = 0;
  QString m_stage;
  FlashProblem m_problem = FlashProblem::None;
  bool m_verified = false;
  QString m_errorLine;
};

} // namespace dlm::app
