#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace dlm::app {

/// \brief Starts and stops the built-in virtual board (`dlm-board`) for the studio.
///
/// The board prints `port: /dev/pts/N` as its first line; ready() carries that path. The
/// process is stopped with SIGTERM, then killed if it has not exited within a second.
class VirtualBoardProcess : public QObject {
  Q_OBJECT
public:
  explicit VirtualBoardProcess(QObject* parent = nullptr);
  ~VirtualBoardProcess() override;

  /// \brief The dlm-board executable: next to the studio, in the build tree, or on PATH.
  static QString locateExecutable();

  /// \brief Start \p program (default: locateExecutable()) with \p arguments.
  bool start(const QString& program = QString(), const QStringList& arguments = {});
  /// \brief Stop the board and wait for it (bounded).
  void stop();
  bool running() const { return m_process.state() != QProcess::NotRunning; }
  QString portPath() const { return m_port; }

signals:
  void ready(const QString& portPath);
  void failed(const QString& message);
  void exited(int exitCode);

private:
  void readOutput();

  QProcess m_process;
  QString m_port;
  QByteArray m_pending;
  bool m_stopping = false;
};

} // namespace dlm::app
