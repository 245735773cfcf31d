#pragma once

// A pseudo-terminal for tests: the test holds the master side (the "board" end) and the link
// opens the slave path, exactly as with the virtual board.

#include <QByteArray>
#include <QSocketNotifier>
#include <QString>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <functional>
#include <memory>

namespace dlm {
namespace test {

class PtyPair {
public:
  PtyPair() {
    m_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || grantpt(m_master) != 0 || unlockpt(m_master) != 0) {
      closeMaster();
      return;
    }
    const char* name = ptsname(m_master);
    m_slavePath = name != nullptr ? QString::fromLocal8Bit(name) : QString();
    termios t{};
    if (tcgetattr(m_master, &t) == 0) { // raw: no echo, no line editing, before anyone opens
      cfmakeraw(&t);
      tcsetattr(m_master, TCSANOW, &t);
    }
    fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
    // Held open so the master never reads EIO while the link has the slave closed (between
    // reconnections); this descriptor itself never reads.
    m_keepAlive = ::open(name, O_RDWR | O_NOCTTY | O_NONBLOCK);
  }
  ~PtyPair() { closeMaster(); }
  PtyPair(const PtyPair&) = delete;
  PtyPair& operator=(const PtyPair&) = delete;

  bool isValid() const { return m_master >= 0 && !m_slavePath.isEmpty(); }
  QString slavePath() const { return m_slavePath; }

  /// Call \p sink with whatever the slave side writes.
  void onRead(std::function<void(const QByteArray&)> sink) {
    m_sink = std::move(sink);
    m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
      char buffer[4096];
      const ssize_t n = ::read(m_master, buffer, sizeof buffer);
      if (n > 0 && m_sink) m_sink(QByteArray(buffer, static_cast<qsizetype>(n)));
      if (n == 0 || (n < 0 && errno != EAGAIN)) m_notifier->setEnabled(false); // no spinning
    });
  }
  void write(const QByteArray& bytes) {
    if (m_master < 0) return;
    qsizetype done = 0;
    while (done < bytes.size()) {
      const ssize_t n =
          ::write(m_master, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
      if (n <= 0) return; // the test data is small: a full buffer means nobody reads
      done += n;
    }
  }
  /// The board goes away: the slave path disappears and its reader sees an error.
  void closeMaster() {
    m_notifier.reset();
    if (m_keepAlive >= 0) ::close(m_keepAlive);
    if (m_master >= 0) ::close(m_master);
    m_keepAlive = -1;
    m_master = -1;
  }

private:
  int m_master = -1;
  int m_keepAlive = -1;
  QString m_slavePath;
  std::function<void(const QByteArray&)> m_sink;
  std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace test
} // namespace dlm
