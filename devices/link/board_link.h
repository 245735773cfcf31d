#pragma once

// The studio's link to one board. BoardLink lives on the GUI thread and only forwards: a
// worker on its own QThread owns the port, decodes frames (core/protocol), keeps the session
// alive and reconnects. Requests go to the worker and results come back through queued
// signals, so nothing here ever blocks the GUI.

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

#include "devices/link/link_types.h"
#include "devices/link/transport.h"

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace dlm {
namespace protocol {
struct Command;
} // namespace protocol
namespace link {

class LinkControl;
class LinkWorker;
struct SharedLinkState;

/// \brief The link to one board: handshake, heartbeat, automatic reconnection, commands with
/// acknowledgement and retries, model push and pull, live samples and events, statistics.
///
/// Every signal is delivered on the thread BoardLink lives on. Commands return at once; a
/// command that fails (refused, unanswered after 3 tries, link lost) is reported by
/// commandFailed(). Destroying a BoardLink stops its worker within kShutdownTimeoutMs.
class BoardLink : public QObject {
  Q_OBJECT
public:
  /// \brief Baud rate used when none is given.
  static constexpr qint32 kDefaultBaud = 921600;
  /// \brief Longest the destructor waits for the worker thread to stop.
  static constexpr int kShutdownTimeoutMs = 2000;

  explicit BoardLink(QObject* parent = nullptr);
  ~BoardLink() override;

  /// \brief Use \p factory to make the transport (default: SerialTransport). Call it before
  /// the first connectTo(); the factory runs on the worker thread.
  void setTransportFactory(TransportFactory factory);

  /// \brief Open \p portName and handshake; keeps trying (with backoff) until a board
  /// answers or disconnect() is called. Replaces any current connection.
  void connectTo(const QString& portName, qint32 baud = kDefaultBaud);
  /// \brief Close the port and stop reconnecting. Pending commands and transfers fail.
  /// (Hides QObject::disconnect(); use QObject::disconnect explicitly for connections.)
  void disconnect();

  /// \brief Where the link stands (read from the worker's atomic state).
  LinkState state() const;
  /// \brief True while the handshake is done and the link alive.
  bool isConnected() const { return state() == LinkState::Connected; }
  /// \brief The board of the last connected() (model fields follow pushes and status).
  BoardInfo boardInfo() const { return m_info; }
  /// \brief The port of the last connectTo().
  QString portName() const { return m_portName; }
  /// \brief True while a model push or pull runs.
  bool transferActive() const;

  /// \brief Change the board's event trigger.
  void setTrigger(const TriggerConfig& trigger);
  /// \brief Set the board's rejection threshold: \p share in [0, 1] is the estimated share of
  /// known events the board rejects as unknown (0 rejects nothing, 1 everything). It applies
  /// to the board's predictions until a model is activated or the board restarts, when the
  /// model's own default returns; statusReceived() reports the value in force.
  void setRejection(float share);
  /// \brief Tag event \p eventId with class \p classIndex (below dlm::kMaxClasses); the board
  /// learns it.
  void labelEvent(quint32 eventId, int classIndex);
  /// \brief Make the board forget event \p eventId.
  void forgetEvent(quint32 eventId);
  /// \brief Ask an emulated board to perform gesture \p gestureId (0..255).
  void performGesture(int gestureId);
  /// \brief Ask an emulated board to perform gestures of its own, \p perMinute on average
  /// (0 turns them off; at most protocol::kMaxSpontaneousRate). Boards with a real sensor,
  /// and boards of protocol version 2, refuse it: commandFailed().
  void setSpontaneousGestures(float perMinute);
  /// \brief Ask for a statusReceived().
  void requestStatus();
  /// \brief Send recorded samples (frame-major, \p channels per frame) into the board's
  /// event pipeline; split into as many commands as needed.
  void injectSamples(int channels, const QVector<qint16>& interleaved);
  /// \brief Restart the board; the link handshakes again by itself.
  void resetBoard();

  /// \brief Push \p modelBytes to the board: pushProgress(), then pushFinished(). Resumes
  /// after a lost link; the board activates the model only after verifying its CRC-32.
  void pushModel(const QByteArray& modelBytes);
  /// \brief Pull the board's active model: pullProgress(), then pullFinished().
  void pullModel();

signals:
  /// \brief The state changed; \p detail says what is going on, in words for a status bar.
  void stateChanged(dlm::link::LinkState state, const QString& detail);
  /// \brief The handshake is done.
  void connected(const dlm::link::BoardInfo& info);
  /// \brief The session ended: the link was lost (reconnection follows by itself), closed by
  /// disconnect(), or the board cannot talk to this studio (state Incompatible).
  void disconnected(const QString& reason);
  /// \brief Consecutive samples from \p firstIndex, frame-major, \p channels per frame.
  void samplesReceived(quint32 firstIndex, int channels, const QVector<qint16>& values);
  void eventReceived(const dlm::link::BoardEvent& event);
  void statusReceived(const dlm::link::BoardStatus& status);
  void logReceived(dlm::link::LogLevel level, const QString& text);
  /// \brief A command was refused, went unanswered, or could not be sent.
  void commandFailed(dlm::link::CommandKind command, const QString& message);
  /// \brief The board acknowledged a command with Ok; \p value is the Ack's (docs/protocol.md
  /// §4.3). Every command ends in exactly one commandSucceeded() or commandFailed(), in the
  /// order the commands were given (one is outstanding at a time).
  void commandSucceeded(dlm::link::CommandKind command, quint32 value);
  void pushProgress(qint64 sent, qint64 total);
  /// \brief The push ended; \p message says how, in words for the user.
  void pushFinished(bool ok, const QString& message);
  void pullProgress(qint64 received, qint64 total);
  /// \brief The pull ended; \p bytes is the verified model when \p ok.
  void pullFinished(bool ok, const QByteArray& bytes, const QString& message);
  /// \brief The board's active model changed (after a push).
  void boardModelChanged(quint32 identity, quint32 bytes);
  /// \brief Once a second while a port is wanted.
  void statisticsUpdated(const dlm::link::LinkStatistics& statistics);

private:
  void ensureWorker();
  void failLater(CommandKind kind, const QString& message);
  void send(CommandKind kind, const protocol::Command& command);

  QThread* m_thread = nullptr;
  LinkWorker* m_worker = nullptr;
  LinkControl* m_control = nullptr;
  std::shared_ptr<SharedLinkState> m_shared;
  TransportFactory m_factory;
  BoardInfo m_info;
  QString m_portName;
};

} // namespace link
} // namespace dlm
