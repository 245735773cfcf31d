#include "app/flashing/flash_output.h"

#include <QRegularExpression>

namespace dlm::app {

namespace {

// Below this the probe reads no supply on the target (a powered Nucleo reads about 3.2 V).
constexpr double kMinTargetVolts = 1.5;

bool has(const QString& line, const char* text) {
  return line.contains(QLatin1String(text), Qt::CaseInsensitive);
}

// Failures both tools report alike (libusb's wording).
FlashProblem commonProblem(const QString& line) {
  if (has(line, "LIBUSB_ERROR_ACCESS") || has(line, "permission denied") ||
      has(line, "insufficient permissions") || has(line, "access error"))
    return FlashProblem::Permission;
  static const QRegularExpression kVoltage(QStringLiteral("target voltage:?\\s*([0-9.]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
  const QRegularExpressionMatch m = kVoltage.match(line);
  if (m.hasMatch() && m.captured(1).toDouble() < kMinTargetVolts)
    return FlashProblem::NoTargetVoltage;
  if (has(line, "target voltage may be too low")) return FlashProblem::NoTargetVoltage;
  return FlashProblem::None;
}

} // namespace

QString flashProblemMessage(FlashProblem problem) {
  switch (problem) {
  case FlashProblem::None: return QString();
  case FlashProblem::NoProbe:
    return FlashText::tr("No ST-LINK probe found: plug the board in by its ST-LINK USB port "
                         "with a data cable (lsusb should list 0483:374b), then try again.");
  case FlashProblem::NoCmsisDap:
    return FlashText::tr("No CMSIS-DAP probe found: plug the board in with a data cable, or "
                         "flash through its ST-LINK (openocd's st_nucleo_f4.cfg, or st-flash).");
  case FlashProblem::Permission:
    return FlashText::tr("The probe is plugged in but this user may not open it: install its "
                         "udev rules (Debian's openocd and stlink-tools packages ship them), "
                         "then unplug and replug the board.");
  case FlashProblem::NoTargetVoltage:
    return FlashText::tr("The probe reads no voltage on the microcontroller: check the board's "
                         "power jumper (JP5 on U5V) and that both CN2 jumpers are on.");
  case FlashProblem::NoTarget:
    return FlashText::tr("The probe cannot reach the microcontroller: check that both CN2 "
                         "jumpers are on, then hold RESET, start flashing and release it.");
  case FlashProblem::ImageUnreadable:
    return FlashText::tr("The probe tool could not read the image: check the file and its "
                         "permissions.");
  case FlashProblem::VerifyFailed:
    return FlashText::tr("The image was written but does not read back the same: flash "
                         "again; if it persists, the flash may be write-protected.");
  case FlashProblem::WriteFailed:
    return FlashText::tr("Erasing or writing the flash failed: flash again; if it persists, "
                         "the flash may be write-protected (option bytes).");
  }
  return QString();
}

FlashOutputParser::FlashOutputParser(FlashTool tool)
    : m_tool(tool), m_stage(FlashText::tr("Starting %1").arg(flashToolProgram(tool))) {}

bool FlashOutputParser::addLine(const QString& raw) {
  const QString line = raw.trimmed();
  if (line.isEmpty()) return false;
  const int percent = m_percent;
  const QString stage = m_stage;
  if (has(line, "error") || has(line, "failed") || has(line, "couldn't") ||
      has(line, "unable to")) {
    // st-flash stamps its lines with the time: not what a user needs to read.
    static const QRegularExpression kStamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+\\s+"));
    if (m_errorLine.isEmpty()) m_errorLine = QString(line).remove(kStamp);
  }
  noteProblem(commonProblem(line));
  if (m_tool == FlashTool::StFlash) readStFlash(line);
  else readOpenOcd(line);
  return percent != m_percent || stage != m_stage;
}

void FlashOutputParser::advance(int percent, const QString& stage) {
  m_percent = qBound(m_percent, percent, 100);  // never backwards
  if (!stage.isEmpty()) m_stage = stage;
}

void FlashOutputParser::noteProblem(FlashProblem problem) {
  if (m_problem == FlashProblem::None) m_problem = problem;
}

void FlashOutputParser::readOpenOcd(const QString& line) {
  if (has(line, "unable to find a matching CMSIS-DAP device"))
    noteProblem(FlashProblem::NoCmsisDap);
  // With the probe absent openocd says "open failed" (hla and dapdirect alike); when the
  // probe was found but not opened, libusb's access error came first and is kept.
  if (has(line, "Error: open failed") || has(line, "No ST-LINK") ||
      has(line, "unable to open ST-Link device"))
    noteProblem(FlashProblem::NoProbe);
  if (has(line, "init mode failed") || has(line, "unable to connect to the target") ||
      has(line, "examination failed"))
    noteProblem(FlashProblem::NoTarget);
  if (has(line, "couldn't open") && m_problem == FlashProblem::None)
    noteProblem(FlashProblem::ImageUnreadable);
  if (has(line, "** Programming Failed **")) noteProblem(FlashProblem::WriteFailed);
  if (has(line, "** Verify Failed **")) noteProblem(FlashProblem::VerifyFailed);

  if (has(line, "Info : clock speed")) advance(5, FlashText::tr("Connecting to the probe"));
  else if (has(line, "Target voltage")) advance(10, FlashText::tr("Probe found"));
  else if (has(line, "processor detected")) advance(15, FlashText::tr("Microcontroller found"));
  else if (has(line, "** Programming Started **"))
    advance(20, FlashText::tr("Erasing and writing"));
  else if (has(line, "flash size")) advance(30, QString());
  else if (has(line, "** Programming Finished **")) advance(75, FlashText::tr("Written"));
  else if (has(line, "** Verify Started **")) advance(80, FlashText::tr("Verifying"));
  else if (has(line, "** Verified OK **")) {
    m_verified = true;
    advance(92, FlashText::tr("Verified"));
  } else if (has(line, "** Resetting Target **")) advance(96, FlashText::tr("Resetting the board"));
}

void FlashOutputParser::readStFlash(const QString& line) {
  if (has(line, "Couldn't find any ST-Link") || has(line, "No ST-LINK"))
    noteProblem(FlashProblem::NoProbe);
  if (has(line, "Unknown chip id") || has(line, "Failed to enter SWD mode") ||
      has(line, "Failed to connect to target"))
    noteProblem(FlashProblem::NoTarget);
  if (has(line, "Verification of flash failed")) noteProblem(FlashProblem::VerifyFailed);
  if (has(line, "Failed to erase") || has(line, "write_buffer_to_sram() == -1") ||
      has(line, "stlink_fwrite_flash() == -1"))
    noteProblem(FlashProblem::WriteFailed);
  if (has(line, "Couldn't open") || has(line, "map_file() =="))
    noteProblem(FlashProblem::ImageUnreadable);

  static const QRegularExpression kPages(QStringLiteral("(\\d+)\\s*/\\s*(\\d+)\\s+pages written"));
  const QRegularExpressionMatch pages = kPages.match(line);
  if (pages.hasMatch()) {
    const int done = pages.captured(1).toInt();
    const int total = qMax(1, pages.captured(2).toInt());
    advance(30 + 50 * qMin(done, total) / total, FlashText::tr("Writing"));
  } else if (has(line, "chip id") || has(line, "KiB flash")) {
    advance(10, FlashText::tr("Microcontroller found"));
  } else if (has(line, "Attempting to write") || has(line, "erased")) {
    advance(has(line, "erased") ? 20 : 15, FlashText::tr("Erasing"));
  } else if (has(line, "Starting Flash write") || has(line, "Flash written")) {
    if (has(line, "verified")) {
      m_verified = true;
      advance(95, FlashText::tr("Verified"));
    } else {
      advance(30, FlashText::tr("Writing"));
    }
  } else if (has(line, "Starting verification")) {
    advance(85, FlashText::tr("Verifying"));
  }
}

QString FlashOutputParser::outcome(int exitCode, bool* ok) const {
  *ok = exitCode == 0 && m_problem == FlashProblem::None;
  if (*ok) {
    return m_verified ? FlashText::tr("Flashed and verified; the board restarted.")
                      : FlashText::tr("Flashed; the board restarted.");
  }
  QString message = flashProblemMessage(m_problem);
  if (message.isEmpty()) {
    message = FlashText::tr("%1 failed (exit code %2).")
                  .arg(flashToolProgram(m_tool))
                  .arg(exitCode);
  }
  if (!m_errorLine.isEmpty())
    message += FlashText::tr(" (%1 said: %2)").arg(flashToolProgram(m_tool), m_errorLine);
  return message;
}

} // namespace dlm::app
