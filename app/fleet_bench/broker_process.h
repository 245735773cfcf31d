#pragma once

// A private mosquitto broker for a test or a benchmark: a free localhost port, a
// configuration and its persistence in a temporary directory, stopped (and restartable on the
// same port) by its owner. The executable comes from $DLM_MOSQUITTO, else
// /usr/sbin/mosquitto (Debian's).

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dlm::fleetbench {

/// \brief A mosquitto process of our own on 127.0.0.1.
class BrokerProcess {
public:
  BrokerProcess() = default;
  BrokerProcess(const BrokerProcess&) = delete;
  BrokerProcess& operator=(const BrokerProcess&) = delete;
  ~BrokerProcess() { stop(); }

  static QString executable() {
    const QString fromEnv = qEnvironmentVariable("DLM_MOSQUITTO");
    if (!fromEnv.isEmpty()) return fromEnv;
    return QStringLiteral("/usr/sbin/mosquitto");
  }
  static bool available() { return QFile::exists(executable()); }

  /// Before start(): configuration lines for the listener (e.g. TLS: cafile, certfile,
  /// keyfile), and whether clients without a user name are let in (else \p passwordFile).
  void configure(const QString& listenerLines, bool anonymous, const QString& passwordFile = {}) {
    m_listenerLines = listenerLines;
    m_anonymous = anonymous;
    m_passwordFile = passwordFile;
  }

  /// Start on a free port (first call) or on the same port again (after stop()); waits until
  /// the broker accepts connections. False with \p error set.
  bool start(QString* error, int timeoutMs = 15000) {
    if (!m_dir) {
      m_dir = std::make_unique<QTemporaryDir>();
      if (!m_dir->isValid()) return fail(error, QStringLiteral("no temporary directory"));
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (m_port == 0 || attempt > 0) m_port = freePort();
      if (!writeConfig()) return fail(error, QStringLiteral("cannot write the configuration"));
      m_process = std::make_unique<QProcess>();
      m_process->setProcessChannelMode(QProcess::MergedChannels);
      m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("broker.out")),
                                       QIODevice::Append);
      m_process->start(executable(), {QStringLiteral("-c"), configPath()});
      if (!m_process->waitForStarted(5000))
        return fail(error, QStringLiteral("cannot start %1").arg(executable()));
      if (waitAccepting(timeoutMs)) return true;
      terminate();
      if (m_keepPort) break; // a restart must reuse its port: do not wander off
    }
    return fail(error, QStringLiteral("mosquitto did not accept connections; its log:\n%1")
                           .arg(log()));
  }

  /// SIGTERM (mosquitto saves its persistence), wait; SIGKILL after 5 s.
  void stop() {
    if (!m_process) return;
    terminate();
    m_keepPort = true;
  }

  /// SIGKILL: nothing saved since the last autosave (1 s).
  void kill() {
    if (!m_process) return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
    m_keepPort = true;
  }

  int port() const { return m_port; }
  /// The running broker's process id (0 when stopped).
  qint64 pid() const { return m_process ? m_process->processId() : 0; }
  QString dir() const { return m_dir ? m_dir->path() : QString(); }
  QString log() const {
    QFile f(m_dir ? m_dir->filePath(QStringLiteral("broker.out")) : QString());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
  }

private:
  void terminate() {
    if (m_process->state() != QProcess::NotRunning) {
      m_process->terminate();
      if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
      }
    }
    m_process.reset();
  }

  static bool fail(QString* error, const QString& why) {
    if (error != nullptr) *error = why;
    return false;
  }

  static sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
  }

  static int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(0);
    socklen_t size = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) == 0)
      port = ntohs(a.sin_port);
    ::close(fd);
    return port;
  }

  static bool accepting(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in a = loopback(port);
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
  }

  QString configPath() const { return m_dir->filePath(QStringLiteral("mosquitto.conf")); }

  bool writeConfig() {
    QFile f(configPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    // Run as root, mosquitto drops to the user "mosquitto", who cannot write in our private
    // temporary directory: its persistence would silently fail. Stay who we are.
    const QString user = geteuid() == 0 ? QStringLiteral("user root\n") : QString();
    QString access = m_anonymous ? QStringLiteral("allow_anonymous true\n")
                                 : QStringLiteral("allow_anonymous false\n");
    if (!m_passwordFile.isEmpty()) access += QStringLiteral("password_file %1\n").arg(m_passwordFile);
    const QString text = user + QStringLiteral("listener %1 127.0.0.1\n").arg(m_port) +
                         m_listenerLines + access +
                         QStringLiteral(
                             "persistence true\n"
                             "persistence_location %1/\n"
                             "autosave_interval 1\n"
                             "max_queued_messages 100000\n"
                             "log_type error\nlog_type warning\nlog_type notice\n"
                             "log_dest stdout\n")
                             .arg(m_dir->path());
    return f.write(text.toUtf8()) == text.toUtf8().size();
  }

  bool waitAccepting(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
      if (m_process->state() == QProcess::NotRunning) return false;
      if (accepting(m_port)) return true;
      QThread::msleep(50);
    }
    return false;
  }

  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<QProcess> m_process;
  int m_port = 0;
  bool m_keepPort = false;
  QString m_listenerLines;
  bool m_anonymous = true;
  QString m_passwordFile;
};

} // namespace dlm::fleetbench
