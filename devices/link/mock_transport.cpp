#include "devices/link/mock_transport.h"

#include <QMutexLocker>

namespace dlm {
namespace link {

MockPort::MockPort(QObject* parent) : QObject(parent), m_random(1) {
  m_stallUntil = QDeadlineTimer(0);
}

MockPort::~MockPort() = default;

void MockPort::sendToStudio(const QByteArray& bytes) {
  QByteArray out;
  {
    QMutexLocker lock(&m_mutex);
    if (!m_present.load() || m_openCount.load() == 0 || !m_stallUntil.hasExpired()) return;
    out = corrupt(bytes, m_corruptToStudio);
  }
  emit bytesToStudio(out);
}

void MockPort::setCorruption(double toStudio, double toBoard, quint32 seed) {
  QMutexLocker lock(&m_mutex);
  m_corruptToStudio = toStudio;
  m_corruptToBoard = toBoard;
  m_random.seed(seed);
}

void MockPort::stall(int ms) {
  QMutexLocker lock(&m_mutex);
  m_stallUntil = QDeadlineTimer(ms);
}

bool MockPort::stalled() const {
  QMutexLocker lock(&m_mutex);
  return !m_stallUntil.hasExpired();
}

void MockPort::dropNextWrites(int count) {
  QMutexLocker lock(&m_mutex);
  m_dropWrites = count;
}

void MockPort::unplug() {
  m_present.store(false);
  emit unplugged();
}

void MockPort::replug() { m_present.store(true); }

QList<QByteArray> MockPort::written() const {
  QMutexLocker lock(&m_mutex);
  return m_written;
}

qint64 MockPort::bytesWritten() const {
  QMutexLocker lock(&m_mutex);
  return m_bytesWritten;
}

void MockPort::clearWritten() {
  QMutexLocker lock(&m_mutex);
  m_written.clear();
}

void MockPort::receiveFromStudio(const QByteArray& bytes) {
  QByteArray out;
  {
    QMutexLocker lock(&m_mutex);
    m_written.append(bytes);
    m_bytesWritten += bytes.size();
    if (!m_present.load() || !m_stallUntil.hasExpired()) return;
    if (m_dropWrites > 0) {
      --m_dropWrites;
      return;
    }
    out = corrupt(bytes, m_corruptToBoard);
  }
  emit bytesToBoard(out);
}

void MockPort::transportOpened() {
  m_openCount.fetch_add(1);
  emit opened();
}

void MockPort::transportClosed() { m_openCount.fetch_sub(1); }

QByteArray MockPort::corrupt(const QByteArray& bytes, double fraction) {
  if (fraction <= 0.0) return bytes;
  QByteArray out = bytes;
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  std::uniform_int_distribution<int> mask(1, 255);
  for (char& c : out) {
    if (chance(m_random) < fraction) c = static_cast<char>(c ^ static_cast<char>(mask(m_random)));
  }
  return out;
}

MockTransport::MockTransport(MockPort* port, QObject* parent) : Transport(parent), m_port(port) {
  // Queued: the port lives with the board side, this transport on the link's worker thread.
  connect(m_port, &MockPort::bytesToStudio, this, &MockTransport::onBytes, Qt::QueuedConnection);
  connect(m_port, &MockPort::unplugged, this, &MockTransport::onUnplugged, Qt::QueuedConnection);
}

MockTransport::~MockTransport() { close(); }

bool MockTransport::open(const QString& portName, qint32 baud) {
  Q_UNUSED(baud);
  close();
  if (!m_port->isPresent()) {
    m_error = tr("Cannot open %1: no such device").arg(portName);
    return false;
  }
  m_error.clear();
  m_name = portName;
  m_open = true;
  m_port->transportOpened();
  return true;
}

void MockTransport::close() {
  if (!m_open) return;
  m_open = false;
  m_port->transportClosed();
}

qint64 MockTransport::write(const QByteArray& bytes) {
  if (!m_open) return -1;
  m_port->receiveFromStudio(bytes);
  return bytes.size();
}

TransportFactory MockTransport::factory(MockPort* port) {
  return [port]() -> std::unique_ptr<Transport> { return std::make_unique<MockTransport>(port); };
}

void MockTransport::onBytes(const QByteArray& bytes) {
  if (m_open) emit bytesReceived(bytes);
}

void MockTransport::onUnplugged() {
  if (!m_open) return;
  close();
  m_error = tr("The port %1 is gone: the device was removed.").arg(m_name);
  emit errorOccurred(m_error);
  emit closed();
}

} // namespace link
} // namespace dlm
