#pragma once

// The virtual boards a gateway runs for demos and tests (--virtual N): dlm-board processes on
// pseudo-terminals, their model slots in the state directory so that a pushed model survives
// a restart as it would in a real board's flash. A board that exits is started again.

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dlm::board {
class BoardProcess;
}

namespace dlm {
namespace gateway {

class VirtualBoards {
public:
  VirtualBoards();
  ~VirtualBoards();

  /// \brief Start \p count boards (ids v00, v01, ...). False with \p error set.
  bool start(int count, const QString& stateDir, const QStringList& extraArgs, quint32 seedBase,
             QString* error);
  int count() const { return static_cast<int>(m_boards.size()); }
  static QString idOf(int index);
  QString port(int index) const;
  /// \brief Restart the boards that exited; returns their indices (their ports changed).
  QList<int> restartExited();
  void stop();

private:
  bool startOne(int index, QString* error);

  std::vector<std::unique_ptr<board::BoardProcess>> m_boards;
  QString m_program;
  QString m_stateDir;
  QStringList m_args;
  quint32 m_seedBase = 0;
};

} // namespace gateway
} // namespace dlm
