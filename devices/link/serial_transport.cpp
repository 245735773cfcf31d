#include "devices/link/serial_transport.h"

#include "devices/link/link_logging.h"

namespace dlm {
namespace link {

SerialTransport::SerialTransport(QObject* parent) : Transport(parent), m_port(this) {
  connect(&m_port, &QSerialPort::readyRead, this, &SerialTransport::onReadyRead);
  connect(&m_port, &QSerialPort::errorOccurred, this, &SerialTransport::onError);
}

SerialTransport::~SerialTransport() {
  // close() may report an error; nobody must hear it from a half-destroyed transport.
  QObject::disconnect(&m_port, nullptr, this, nullptr);
  m_port.close();
}

bool SerialTransport::open(const QString& portName, qint32 baud) {
  if (m_port.isOpen()) m_port.close();
  m_error.clear();
  m_name = portName;
  m_port.setPortName(portName);
  m_opening = true;
  const bool opened = m_port.open(QIODevice::ReadWrite);
  m_opening = false;
  if (!opened) {
    m_error = tr("Cannot open %1: %2").arg(portName, m_port.errorString());
    return false;
  }
  // Settings after open: QSerialPort applies them to the open descriptor. A pseudo-terminal
  // ignores the baud rate, so a refusal there is only worth a debug line.
  const bool configured = m_port.setBaudRate(baud) && m_port.setDataBits(QSerialPort::Data8) &&
                          m_port.setParity(QSerialPort::NoParity) &&
                          m_port.setStopBits(QSerialPort::OneStop) &&
                          m_port.setFlowControl(QSerialPort::NoFlowControl);
  if (!configured)
    qCDebug(lcLink) << "port settings not fully applied on" << portName << m_port.errorString();
  m_port.clearError();
  // Whatever the board sent while nobody listened belongs to no session.
  m_port.clear(QSerialPort::Input);
  return true;
}

void SerialTransport::close() {
  if (m_port.isOpen()) m_port.close();
}

bool SerialTransport::isOpen() const { return m_port.isOpen(); }

qint64 SerialTransport::write(const QByteArray& bytes) {
  if (!m_port.isOpen()) return -1;
  return m_port.write(bytes);
}

QString SerialTransport::errorString() const { return m_error; }

void SerialTransport::onReadyRead() {
  const QByteArray bytes = m_port.readAll();
  if (!bytes.isEmpty()) emit bytesReceived(bytes);
}

void SerialTransport::onError(QSerialPort::SerialPortError error) {
  if (error == QSerialPort::NoError || error == QSerialPort::NotOpenError) return;
  // Errors raised by open() are reported through its return value.
  if (m_opening) return;
  m_error = m_port.errorString();
  qCDebug(lcLink) << "serial port error" << error << m_error;
  m_port.clearError();
  // A pseudo-terminal whose master closed reports ReadError (with a stale errno), a USB
  // bridge that vanished ResourceError: either way the descriptor is useless, and leaving
  // it open would raise the same error on every event loop turn.
  const bool lost = error == QSerialPort::ResourceError ||
                    error == QSerialPort::DeviceNotFoundError ||
                    error == QSerialPort::PermissionError || error == QSerialPort::ReadError ||
                    error == QSerialPort::WriteError;
  if (!lost) {
    emit errorOccurred(tr("Serial port error on %1: %2").arg(m_name, m_error));
    return;
  }
  // The device is gone (unplugged, or the board closed its pseudo-terminal): close now so
  // the port can be reopened when it reappears. Qt's text may carry a stale errno here, so
  // the user gets plain words instead.
  if (m_port.isOpen()) m_port.close();
  m_error = tr("The port %1 is gone: the board was unplugged or closed it.").arg(m_name);
  emit errorOccurred(m_error);
  emit closed();
}

} // namespace link
} // namespace dlm
