#pragma once

// What the gateway tests start: dlm-gateway processes (killable, restartable with the same
// state directory), dlm-board processes outside any gateway (so that they outlive one, as
// boards on cables do), and a publisher for the test's own commands, pushes and garbage.
// Executables come from the environment CTest sets: DLM_GATEWAY_EXE, DLM_BOARD_EXE.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "devices/boards/virtual/board_process.h"

namespace dlm::testing {

inline QString gatewayExe() { return qEnvironmentVariable("DLM_GATEWAY_EXE"); }
inline QString boardExe() { return qEnvironmentVariable("DLM_BOARD_EXE"); }

/// \brief One dlm-gateway run after another, with the same arguments and state directory.
class GatewayProcess {
public:
  GatewayProcess(QString name, QStringList arguments, QString logPath)
      : m_name(std::move(name)), m_arguments(std::move(arguments)), m_log(std::move(logPath)) {}
  ~GatewayProcess() { stop(); }

  const QString& name() const { return m_name; }

  bool start() {
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DLM_BOARD_EXECUTABLE"), boardExe());
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_log, QIODevice::Append);
    m_process->start(gatewayExe(), m_arguments);
    return m_process->waitForStarted(10000);
  }
  /// \brief SIGKILL: no last words, no clean disconnect (the broker sends the last will).
  void kill() {
    if (!m_process) return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
  }
  /// \brief SIGTERM, as systemd stops it; false unless it exits 0 within \p timeoutMs.
  bool stop(int timeoutMs = 15000) {
    if (!m_process) return true;
    m_process->terminate();
    const bool ok = m_process->waitForFinished(timeoutMs) &&
                    m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    if (!ok) kill();
    m_process.reset();
    return ok;
  }
  bool running() const { return m_process && m_process->state() == QProcess::Running; }
  QString log() const {
    QFile f(m_log);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(6000)) : QString();
  }

private:
  QString m_name;
  QStringList m_arguments;
  QString m_log;
  std::unique_ptr<QProcess> m_process;
};

/// \brief dlm-board processes of the test's own, each with its model slots in a file.
class ExternalBoards {
public:
  bool start(int count, const QString& dir, const QStringList& extra, quint32 seed,
             QString* error) {
    QDir().mkpath(dir);
    for (int i = 0; i < count; ++i) {
      std::vector<std::string> args = {
          "--quiet", "--storage",
          QDir(dir).filePath(QStringLiteral("b%1.slots").arg(i)).toStdString(), "--seed",
          std::to_string(seed + static_cast<quint32>(i))};
      for (const QString& a : extra) args.push_back(a.toStdString());
      auto b = std::make_unique<board::BoardProcess>();
      std::string why;
      if (!b->start(boardExe().toStdString(), args, 10000, why)) {
        if (error != nullptr) *error = QString::fromStdString(why);
        return false;
      }
      m_boards.push_back(std::move(b));
    }
    return true;
  }
  QString port(int i) const { return QString::fromStdString(m_boards[static_cast<std::size_t>(i)]->port()); }
  /// \brief True while every board still runs.
  bool allRunning() {
    for (auto& b : m_boards)
      if (!b->poll()) return false;
    return true;
  }

private:
  std::vector<std::unique_ptr<board::BoardProcess>> m_boards;
};

} // namespace dlm::testing
