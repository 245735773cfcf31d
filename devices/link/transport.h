#pragma once

// The byte pipe under a BoardLink. A transport lives on the link's worker thread and is only
// touched from there; it never blocks (no waitFor* calls), so the worker can always shut down
// within its bound.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace dlm {
namespace link {

/// \brief A byte stream to a board: a serial port, a pseudo-terminal, or a mock.
class Transport : public QObject {
  Q_OBJECT
public:
  explicit Transport(QObject* parent = nullptr) : QObject(parent) {}
  ~Transport() override;

  /// \brief Open \p portName at \p baud. False on failure, with errorString() saying why.
  /// A transport can be reopened after close() or after it closed by itself.
  virtual bool open(const QString& portName, qint32 baud) = 0;
  /// \brief Close the port; does not emit closed().
  virtual void close() = 0;
  /// \brief True while the port is open.
  virtual bool isOpen() const = 0;
  /// \brief Queue \p bytes for sending; returns the bytes accepted, -1 when not open.
  virtual qint64 write(const QByteArray& bytes) = 0;
  /// \brief Why the last open() or the port failed, in plain words.
  virtual QString errorString() const = 0;

signals:
  /// \brief Bytes arrived from the board, in order.
  void bytesReceived(const QByteArray& bytes);
  /// \brief The port reported an error; \p message is for the user.
  void errorOccurred(const QString& message);
  /// \brief The port closed by itself (unplugged, resource error); not emitted after close().
  void closed();
};

/// \brief Makes the transport of a BoardLink. Called on the link's worker thread.
using TransportFactory = std::function<std::unique_ptr<Transport>()>;

} // namespace link
} // namespace dlm
