#include "app/controller/virtual_board_process.h"

#include <QFileInfo>

#include "devices/boards/virtual/board_process.h"

namespace dlm::app {

namespace {

// dlm-board prints its port as soon as its pseudo-terminal is open (milliseconds); the bound
// only matters for a broken installation.
constexpr int kPortLineTimeoutMs = 3000;
constexpr int kWatchIntervalMs = 250;

} // namespace

VirtualBoardProcess::VirtualBoardProcess(QObject* parent)
    : QObject(parent), m_board(std::make_unique<board::BoardProcess>()) {
  m_watch.setInterval(kWatchIntervalMs);
  connect(&m_watch, &QTimer::timeout, this, &VirtualBoardProcess::watch);
}

VirtualBoardProcess::~VirtualBoardProcess() { stop(); }

QString VirtualBoardProcess::locateExecutable() {
  return QString::fromStdString(board::locateBoardExecutable());
}

bool VirtualBoardProcess::start(const QString& program, const QStringList& arguments) {
  stop();
  const QString path = program.isEmpty() ? locateExecutable() : program;
  if (path.isEmpty() || !QFileInfo(path).isExecutable()) {
    const QString message = tr("The virtual board (dlm-board) was not found next to the studio "
                               "or on the PATH. Reinstall Deeplomath Studio, or connect a board "
                               "from Board > Connect to.");
    QTimer::singleShot(0, this, [this, message] { emit failed(message); });
    return false;
  }
  std::vector<std::string> args;
  for (const QString& a : arguments) args.push_back(a.toStdString());
  std::string error;
  if (!m_board->start(path.toStdString(), args, kPortLineTimeoutMs, error)) {
    const QString message = tr("The virtual board could not be started (%1). Start it again "
                               "from Board > Use the virtual board, or connect a board from "
                               "Board > Connect to.")
                                .arg(QString::fromStdString(error));
    QTimer::singleShot(0, this, [this, message] { emit failed(message); });
    return false;
  }
  m_port = QString::fromStdString(m_board->port());
  m_watch.start();
  // Asynchronous like a connection: the caller finishes its own set-up before the port opens.
  QTimer::singleShot(0, this, [this, port = m_port] {
    if (m_port == port) emit ready(port);
  });
  return true;
}

void VirtualBoardProcess::stop() {
  m_watch.stop();
  if (!running()) return;
  const int code = m_board->stop();
  m_port.clear();
  emit exited(code);
}

bool VirtualBoardProcess::running() const { return m_board->pid() > 0; }

void VirtualBoardProcess::watch() {
  int code = -1;
  if (m_board->poll(&code)) return;
  m_watch.stop();
  m_port.clear();
  emit exited(code);
}

} // namespace dlm::app
