#pragma once

// A serial port without hardware, for tests and demos. MockPort is the board's end of the
// wire: whoever plays the board (a test, a MockBoard) lives with it, usually on the GUI or
// test thread. MockTransport is the studio's end: a BoardLink creates it on its worker thread
// through a TransportFactory. The two talk through queued signals only; the fault settings
// of MockPort are guarded by a mutex so a test may change them while bytes flow.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <random>

#include "devices/link/transport.h"

namespace dlm {
namespace link {

/// \brief The board's end of a mock serial port, with fault injection: corruption (a
/// fraction of bytes flipped), stalls (nothing delivered either way for a while), unplug and
/// replug. Records every byte the studio wrote. Must outlive the transports made on it.
class MockPort : public QObject {
  Q_OBJECT
public:
  explicit MockPort(QObject* parent = nullptr);
  ~MockPort() override;

  /// \brief Send \p bytes to the studio, through the fault settings. Thread-safe.
  void sendToStudio(const QByteArray& bytes);

  /// \brief Flip about \p fraction of the bytes going to the studio (\p toStudio) and to the
  /// board (\p toBoard), each flipped byte XORed with a random non-zero mask. Deterministic
  /// for a given \p seed.
  void setCorruption(double toStudio, double toBoard = 0.0, quint32 seed = 1);
  /// \brief Deliver nothing either way for \p ms milliseconds (bytes are lost, as on a hung
  /// USB bridge).
  void stall(int ms);
  /// \brief True while a stall is in effect.
  bool stalled() const;
  /// \brief Lose the next \p count writes of the studio.
  void dropNextWrites(int count);

  /// \brief The device disappears: an open transport closes with an error, and opening
  /// fails until replug().
  void unplug();
  /// \brief The device is back: the next open() succeeds.
  void replug();
  /// \brief False between unplug() and replug().
  bool isPresent() const { return m_present.load(); }
  /// \brief True while a transport has the port open.
  bool isOpen() const { return m_openCount.load() > 0; }

  /// \brief Every write the studio made (before any fault), in order.
  QList<QByteArray> written() const;
  /// \brief Total bytes the studio wrote.
  qint64 bytesWritten() const;
  /// \brief Forget the recorded writes.
  void clearWritten();

signals:
  /// \brief Bytes the studio wrote, after faults; the board side reads them here.
  void bytesToBoard(const QByteArray& bytes);
  /// \brief Bytes on their way to the studio, after faults (MockTransport listens).
  void bytesToStudio(const QByteArray& bytes);
  /// \brief The device disappeared (MockTransport listens).
  void unplugged();
  /// \brief A transport opened the port (e.g. a board may announce itself).
  void opened();

private:
  friend class MockTransport;
  // Called by MockTransport on the worker thread.
  void receiveFromStudio(const QByteArray& bytes);
  void transportOpened();
  void transportClosed();
  QByteArray corrupt(const QByteArray& bytes, double fraction);

  mutable QMutex m_mutex;
  double m_corruptToStudio = 0.0;
  double m_corruptToBoard = 0.0;
  std::mt19937 m_random;
  QDeadlineTimer m_stallUntil;
  int m_dropWrites = 0;
  QList<QByteArray> m_written;
  qint64 m_bytesWritten = 0;
  std::atomic<bool> m_present{true};
  std::atomic<int> m_openCount{0};
};

/// \brief The studio's end of a MockPort: a Transport a BoardLink can use.
class MockTransport : public Transport {
  Q_OBJECT
public:
  /// \brief A transport on \p port, which must outlive it.
  explicit MockTransport(MockPort* port, QObject* parent = nullptr);
  ~MockTransport() override;

  bool open(const QString& portName, qint32 baud) override;
  void close() override;
  bool isOpen() const override { return m_open; }
  qint64 write(const QByteArray& bytes) override;
  QString errorString() const override { return m_error; }

  /// \brief A TransportFactory making MockTransports on \p port.
  static TransportFactory factory(MockPort* port);

private:
  void onBytes(const QByteArray& bytes);
  void onUnplugged();

  MockPort* m_port;
  QString m_name;
  QString m_error;
  bool m_open = false;
};

} // namespace link
} // namespace dlm
