#include "app/gateway/virtual_boards.h"

#include <QDir>

#include "app/gateway/gateway_logging.h"
#include "devices/boards/virtual/board_process.h"

namespace dlm {
namespace gateway {

namespace {
constexpr int kStartTimeoutMs = 10000;
}

VirtualBoards::VirtualBoards() = default;
VirtualBoards::~VirtualBoards() { stop(); }

QString VirtualBoards::idOf(int index) { return QStringLiteral("v%1").arg(index, 2, 10, QLatin1Char('0')); }

bool VirtualBoards::start(int count, const QString& stateDir, const QStringList& extraArgs,
                          quint32 seedBase, QString* error) {
  m_program = QString::fromStdString(board::locateBoardExecutable());
  if (m_program.isEmpty()) {
    if (error != nullptr)
      *error = QStringLiteral("dlm-board not found (next to dlm-gateway, on the PATH, or "
                              "$DLM_BOARD_EXECUTABLE)");
    return false;
  }
  m_stateDir = QDir(stateDir).filePath(QStringLiteral("virtual"));
  if (!QDir().mkpath(m_stateDir)) {
    if (error != nullptr) *error = QStringLiteral("cannot create %1").arg(m_stateDir);
    return false;
  }
  m_args = extraArgs;
  m_seedBase = seedBase;
  m_boards.resize(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i)
    if (!startOne(i, error)) return false;
  return true;
}

bool VirtualBoards::startOne(int index, QString* error) {
  std::vector<std::string> args = {
      "--quiet", "--storage", QDir(m_stateDir).filePath(idOf(index) + QStringLiteral(".slots")).toStdString(),
      "--seed", std::to_string(m_seedBase + static_cast<quint32>(index))};
  for (const QString& a : m_args) args.push_back(a.toStdString());
  auto process = std::make_unique<board::BoardProcess>();
  std::string why;
  if (!process->start(m_program.toStdString(), args, kStartTimeoutMs, why)) {
    if (error != nullptr) *error = QStringLiteral("virtual board %1: %2").arg(idOf(index), QString::fromStdString(why));
    return false;
  }
  m_boards[static_cast<std::size_t>(index)] = std::move(process);
  return true;
}

QString VirtualBoards::port(int index) const {
  const auto& b = m_boards[static_cast<std::size_t>(index)];
  return b ? QString::fromStdString(b->port()) : QString();
}

QList<int> VirtualBoards::restartExited() {
  QList<int> restarted;
  for (int i = 0; i < count(); ++i) {
    auto& b = m_boards[static_cast<std::size_t>(i)];
    int status = 0;
    if (b && b->poll(&status)) continue;
    qCWarning(lcGateway).noquote() << "virtual board" << idOf(i) << "exited (" << status
                                   << "); starting it again";
    QString error;
    if (startOne(i, &error)) restarted << i;
    else qCWarning(lcGateway).noquote() << error;
  }
  return restarted;
}

void VirtualBoards::stop() {
  for (auto& b : m_boards)
    if (b) b->stop();
  m_boards.clear();
}

} // namespace gateway
} // namespace dlm
