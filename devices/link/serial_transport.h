#pragma once

#include <QSerialPort>

#include "devices/link/transport.h"

namespace dlm {
namespace link {

/// \brief A Transport over QSerialPort: 8 data bits, no parity, one stop bit, no flow
/// control. A resource error (USB unplug, pseudo-terminal closed by the board) closes the
/// port and emits closed(), which the link treats as a disconnect.
class SerialTransport : public Transport {
  Q_OBJECT
public:
  /// \brief Baud rate of the boards (the wire protocol is sized for it).
  static constexpr qint32 kDefaultBaud = 921600;

  explicit SerialTransport(QObject* parent = nullptr);
  ~SerialTransport() override;

  bool open(const QString& portName, qint32 baud = kDefaultBaud) override;
  void close() override;
  bool isOpen() const override;
  qint64 write(const QByteArray& bytes) override;
  QString errorString() const override;

private:
  void onReadyRead();
  void onError(QSerialPort::SerialPortError error);

  QSerialPort m_port;
  QString m_name; // as given to open(): QSerialPort shortens "/dev/pts/3" to "pts/3"
  QString m_error;
  bool m_opening = false;
};

} // namespace link
} // namespace dlm
