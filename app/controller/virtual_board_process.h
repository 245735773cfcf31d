#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace dlm::board {
class BoardProcess;
}

namespace dlm::app {

/// \brief The studio's Qt face of the one virtual-board launcher (dlm::board::BoardProcess in
/// devices/boards/virtual): starts `dlm-board`, reports its port, and notices when it exits.
///
/// The board dies with the studio even when the studio is killed (the launcher asks the kernel
/// for it), and is stopped with SIGTERM, then killed, within two seconds.
class VirtualBoardProcess : public QObject {
  Q_OBJECT
public:
  explicit VirtualBoardProcess(QObject* parent = nullptr);
  ~VirtualBoardProcess() override;

  /// \brief The dlm-board executable: $DLM_BOARD_EXECUTABLE, next to the studio, in the build
  /// tree, or on the PATH (empty when none).
  static QString locateExecutable();

  /// \brief Start \p program (default: locateExecutable()) with \p arguments; ready() or
  /// failed() follows from the event loop.
  bool start(const QString& program = QString(), const QStringList& arguments = {});
  /// \brief Stop the board and wait for it (bounded).
  void stop();
  bool running() const;
  QString portPath() const { return m_port; }

signals:
  void ready(const QString& portPath);
  void failed(const QString& message);
  void exited(int exitCode);

private:
  void watch();

  std::unique_ptr<board::BoardProcess> m_board;
  QTimer m_watch; ///< polls the child: it drains its console and notices its exit
  QString m_port;
};

} // namespace dlm::app
