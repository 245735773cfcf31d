#include "app/controller/virtual_board_process.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace dlm::app {

namespace {

constexpr int kStopGraceMs = 1000;
constexpr char kProgram[] = "dlm-board";

} // namespace

VirtualBoardProcess::VirtualBoardProcess(QObject* parent) : QObject(parent) {
  m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  connect(&m_process, &QProcess::readyReadStandardOutput, this, &VirtualBoardProcess::readOutput);
  connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart) {
      emit failed(tr("The virtual board could not be started (%1). Reinstall Deeplomath "
                     "Studio, or connect a board from Board > Connect to.")
                      .arg(m_process.program()));
    }
  });
  connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
    if (!m_stopping && m_port.isEmpty()) {
      emit failed(tr("The virtual board stopped before opening its port (exit code %1). Start "
                     "it again from Board > Use the virtual board, or connect a board from "
                     "Board > Connect to.")
                      .arg(code));
    }
    m_port.clear();
    emit exited(code);
  });
}

VirtualBoardProcess::~VirtualBoardProcess() { stop(); }

QString VirtualBoardProcess::locateExecutable() {
  // Tests and packagers can point at a specific build.
  const QString overridden = qEnvironmentVariable("DLM_BOARD_EXECUTABLE");
  if (!overridden.isEmpty()) return overridden;
  const QString here = QCoreApplication::applicationDirPath();
  // Installed side by side, or the build tree's devices/boards/virtual next to app/.
  const QStringList candidates = {here + "/" + kProgram,
                                  here + "/../../devices/boards/virtual/" + kProgram,
                                  here + "/../devices/boards/virtual/" + kProgram};
  for (const QString& c : candidates) {
    const QFileInfo info(c);
    if (info.isFile() && info.isExecutable()) return info.canonicalFilePath();
  }
  return QStandardPaths::findExecutable(kProgram);
}

bool VirtualBoardProcess::start(const QString& program, const QStringList& arguments) {
  stop();
  const QString path = program.isEmpty() ? locateExecutable() : program;
  if (path.isEmpty()) {
    emit failed(tr("The virtual board (dlm-board) was not found next to the studio or on "
                   "the PATH."));
    return false;
  }
  m_stopping = false;
  m_pending.clear();
  m_port.clear();
  m_process.start(path, arguments);
  return true;
}

void VirtualBoardProcess::stop() {
  if (m_process.state() == QProcess::NotRunning) return;
  m_stopping = true;
  m_process.terminate();
  if (!m_process.waitForFinished(kStopGraceMs)) {
    m_process.kill();
    m_process.waitForFinished(kStopGraceMs);
  }
}

void VirtualBoardProcess::readOutput() {
  m_pending += m_process.readAllStandardOutput();
  if (!m_port.isEmpty()) {
    m_pending.clear(); // only the first line matters; the rest is the board's console
    return;
  }
  const qsizetype end = m_pending.indexOf('\n');
  if (end < 0) return;
  const QString line = QString::fromUtf8(m_pending.left(end)).trimmed();
  m_pending.clear();
  if (!line.startsWith(QLatin1String("port: "))) {
    emit failed(tr("The virtual board did not report its port (it printed “%1”). Reinstall "
                   "Deeplomath Studio, or connect a board from Board > Connect to.")
                    .arg(line));
    stop();
    return;
  }
  m_port = line.mid(6).trimmed();
  emit ready(m_port);
}

} // namespace dlm::app
