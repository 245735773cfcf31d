#pragma once

// Internal to devices/link: the object that runs one board link on its own thread. It owns
// the transport and the frame decoder, and does everything timing-related: handshake with
// retries and backoff, heartbeat, dead-link detection, reconnection, the stop-and-wait command
// queue, model transfers, sample batching and statistics. BoardLink talks to it only through
// queued signals; the few facts BoardLink reads directly are atomics in SharedLinkState.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <memory>

#include "core/protocol/frame.h"
#include "core/protocol/link.h"
#include "devices/link/command_queue.h"
#include "devices/link/link_types.h"
#include "devices/link/sample_batcher.h"
#include "devices/link/transfer_tasks.h"
#include "devices/link/transport.h"

namespace dlm {
namespace link {

/// State both threads read; only the worker writes it.
struct SharedLinkState {
  std::atomic<int> state{static_cast<int>(LinkState::Disconnected)};
  std::atomic<bool> transferActive{false};
};

/// BoardLink's side of the queued connections to the worker: requests as signals.
class LinkControl : public QObject {
  Q_OBJECT
public:
  using QObject::QObject;

signals:
  void connectRequested(const QString& portName, qint32 baud);
  void disconnectRequested();
  void commandRequested(const dlm::link::QueuedCommand& command);
  void pushRequested(const QByteArray& model);
  void pullRequested();
};

class LinkWorker : public QObject {
  Q_OBJECT
public:
  /// Tick of the worker's timing (handshake and command retries, heartbeat, liveness).
  static constexpr int kTickMs = 20;
  /// Delay before the first reopen or handshake retry; doubles on each failure...
  static constexpr int kBackoffBaseMs = 250;
  /// ...up to this.
  static constexpr int kBackoffMaxMs = 4000;
  static constexpr int kStatisticsIntervalMs = 1000;

  LinkWorker(TransportFactory factory, std::shared_ptr<SharedLinkState> shared);
  ~LinkWorker() override;

public slots:
  void connectTo(const QString& portName, qint32 baud);
  void disconnectFromBoard();
  void sendCommand(const dlm::link::QueuedCommand& command);
  void pushModel(const QByteArray& model);
  void pullModel();

signals:
  void stateChanged(dlm::link::LinkState state, const QString& detail);
  void connected(const dlm::link::BoardInfo& info);
  void disconnected(const QString& reason);
  void samplesReceived(quint32 firstIndex, int channels, const QVector<qint16>& values);
  void eventReceived(const dlm::link::BoardEvent& event);
  void statusReceived(const dlm::link::BoardStatus& status);
  void logReceived(dlm::link::LogLevel level, const QString& text);
  void commandFailed(dlm::link::CommandKind command, const QString& message);
  void commandSucceeded(dlm::link::CommandKind command, quint32 value);
  void pushProgress(qint64 sent, qint64 total);
  void pushFinished(bool ok, const QString& message);
  void pullProgress(qint64 received, qint64 total);
  void pullFinished(bool ok, const QByteArray& bytes, const QString& message);
  void boardModelChanged(quint32 crc, quint32 bytes);
  void statisticsUpdated(const dlm::link::LinkStatistics& statistics);

private:
  enum class Phase { Idle, Opening, Handshaking, HandshakePause, Connected };

  // Session lifecycle.
  void openPort();
  void scheduleReopen(const QString& why);
  void beginHandshake();
  void sendHelloRequest();
  void pollHandshake(std::uint32_t now);
  void establish(const protocol::Hello& hello, std::uint8_t version);
  void loseLink(const QString& reason);
  void endSession(const QString& reason, LinkState finalState);
  void closeTransport();
  void setState(LinkState state, const QString& detail);
  LinkState waitingState() const;

  // Timers and transport.
  void onTick();
  void onTransportBytes(const QByteArray& bytes);
  void onTransportClosed();
  void emitStatistics();

  // Frames.
  void handleFrame(const protocol::FrameView& frame);
  void handleHandshakeFrame(const protocol::FrameView& frame);
  void onHello(const protocol::FrameView& frame);
  void refuseVersions(std::uint8_t theirMin, std::uint8_t theirMax);
  void onAck(const protocol::Ack& ack);
  void onModelData(const protocol::ModelData& data);
  void onSamples(const protocol::FrameView& frame);

  // Commands and transfers.
  void serviceSession(std::uint32_t now);
  void pumpCommands();
  void pollCommands(std::uint32_t now);
  void dispatchAck(const QueuedCommand& done, const protocol::Ack& ack);
  void onGiveUp(const QueuedCommand& given);
  void feedTransfers();
  void handlePushStep(TransferStep step);
  void handlePullStep(TransferStep step);
  void finishPush(bool ok, const QString& message);
  void finishPull(bool ok, const QByteArray& bytes, const QString& message);
  void failUserCommands(const QString& message);
  void flushSamples(bool force);
  void writeFrame(const QByteArray& frame);
  std::uint32_t nowMs() const;

  TransportFactory m_factory;
  std::unique_ptr<Transport> m_transport;
  std::shared_ptr<SharedLinkState> m_shared;
  QString m_portName;
  qint32 m_baud = 0;
  Phase m_phase = Phase::Idle;
  bool m_sessionUp = false;
  bool m_everConnected = false;

  QElapsedTimer m_clock;
  QTimer m_tick;
  QTimer m_statisticsTimer;
  QTimer m_reopenTimer;

  protocol::FrameDecoder m_decoder;
  protocol::LinkMonitor m_monitor;
  protocol::CommandRetry m_helloRetry;
  std::uint16_t m_nextSeq = 1;
  std::uint16_t m_helloSeq = 0;
  std::uint8_t m_version = protocol::kProtocolVersion;
  int m_openFailures = 0;
  int m_handshakeFailures = 0;
  std::uint32_t m_pauseUntilMs = 0;
  QString m_lastError;

  CommandQueue m_commands;
  std::unique_ptr<PushTask> m_push;
  std::unique_ptr<PullTask> m_pull;
  SampleBatcher m_batcher;
  BoardInfo m_info;

  LinkStatistics m_stats;
  quint64 m_undecodable = 0;
  quint64 m_lastBytesIn = 0;
  quint64 m_lastBytesOut = 0;
  qint64 m_lastStatisticsMs = 0;
  double m_latencySum = 0.0;
  int m_latencyCount = 0;
  qint64 m_latencyMax = -1;
};

} // namespace link
} // namespace dlm

Q_DECLARE_METATYPE(dlm::link::QueuedCommand)
