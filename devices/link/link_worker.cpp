#include "devices/link/link_worker.h"

#include <algorithm>

#include "devices/link/link_logging.h"
#include "devices/link/message_convert.h"

namespace dlm {
namespace link {

using protocol::AckCode;
using protocol::CommandId;
using protocol::MessageType;

namespace {

int backoffMs(int failures) {
  const int shift = std::min(failures, 8);
  return std::min(LinkWorker::kBackoffBaseMs << shift, LinkWorker::kBackoffMaxMs);
}

// Wrap-aware "now is at or after then" on a 32-bit millisecond clock.
bool reached(std::uint32_t now, std::uint32_t then) {
  return static_cast<std::int32_t>(now - then) >= 0;
}

QString secondsText(int ms) { return QString::number(ms / 1000.0, 'f', 1); }

} // namespace

LinkWorker::LinkWorker(TransportFactory factory, std::shared_ptr<SharedLinkState> shared)
    : m_factory(std::move(factory)),
      m_shared(std::move(shared)),
      m_tick(this),
      m_statisticsTimer(this),
      m_reopenTimer(this) {
  m_clock.start();
  m_tick.setInterval(kTickMs);
  m_statisticsTimer.setInterval(kStatisticsIntervalMs);
  m_reopenTimer.setSingleShot(true);
  connect(&m_tick, &QTimer::timeout, this, &LinkWorker::onTick);
  connect(&m_statisticsTimer, &QTimer::timeout, this, &LinkWorker::emitStatistics);
  connect(&m_reopenTimer, &QTimer::timeout, this, &LinkWorker::openPort);
}

// Runs on the worker thread when BoardLink stops it: close quietly, BoardLink is going away.
LinkWorker::~LinkWorker() {
  m_tick.stop();
  m_statisticsTimer.stop();
  m_reopenTimer.stop();
  // The transport goes first, while the members its signals touch still exist.
  if (m_transport) {
    QObject::disconnect(m_transport.get(), nullptr, this, nullptr);
    m_transport->close();
    m_transport.reset();
  }
}

// --- session lifecycle -------------------------------------------------------------------

void LinkWorker::connectTo(const QString& portName, qint32 baud) {
  if (m_phase != Phase::Idle)
    endSession(tr("Switching to %1.").arg(portName), LinkState::Disconnected);
  m_portName = portName;
  m_baud = baud;
  m_everConnected = false;
  m_openFailures = 0;
  m_handshakeFailures = 0;
  m_stats = LinkStatistics();
  m_decoder.resetStats();
  m_undecodable = 0;
  m_lastBytesIn = m_lastBytesOut = 0;
  m_lastStatisticsMs = m_clock.elapsed();
  m_phase = Phase::Opening;
  m_tick.start();
  m_statisticsTimer.start();
  setState(LinkState::Connecting, tr("Opening %1…").arg(portName));
  openPort();
}

void LinkWorker::disconnectFromBoard() {
  if (m_phase == Phase::Idle) return;
  endSession(tr("Disconnected from %1.").arg(m_portName), LinkState::Disconnected);
}

void LinkWorker::openPort() {
  if (m_phase != Phase::Opening) return;
  if (!m_transport) {
    m_transport = m_factory();
    connect(m_transport.get(), &Transport::bytesReceived, this, &LinkWorker::onTransportBytes);
    connect(m_transport.get(), &Transport::closed, this, &LinkWorker::onTransportClosed);
    connect(m_transport.get(), &Transport::errorOccurred, this, [this](const QString& message) {
      m_lastError = message;
      qCInfo(lcLink) << message;
    });
  }
  if (!m_transport->open(m_portName, m_baud)) {
    scheduleReopen(m_transport->errorString());
    return;
  }
  qCDebug(lcLink) << "opened" << m_portName;
  m_lastError.clear();
  beginHandshake();
}

void LinkWorker::scheduleReopen(const QString& why) {
  const int delay = backoffMs(m_openFailures++);
  m_phase = Phase::Opening;
  setState(waitingState(), tr("%1 Trying again in %2 s.").arg(why, secondsText(delay)));
  m_reopenTimer.start(delay);
}

void LinkWorker::beginHandshake() {
  m_phase = Phase::Handshaking;
  m_decoder.reset();
  m_monitor = protocol::LinkMonitor();
  m_helloSeq = m_nextSeq++;
  setState(waitingState(), tr("Waiting for the board on %1 to answer…").arg(m_portName));
  m_helloRetry.start(m_helloSeq, nowMs());
  // One delimiter first (docs/protocol.md 1.2): it ends whatever partial frame the board's
  // decoder holds from before, so the HelloRequest is not lost with it.
  writeFrame(QByteArray(1, '\0'));
  sendHelloRequest();
}

void LinkWorker::sendHelloRequest() {
  // Sent with our highest version in the header: HelloRequest is version-stable, so a board
  // of any version reads it and can say whether we can talk.
  const protocol::HelloRequest request;
  QByteArray frame(static_cast<qsizetype>(protocol::kMaxWireFrame), Qt::Uninitialized);
  frame.resize(static_cast<qsizetype>(
      protocol::encodeMessage(request, m_helloSeq, reinterpret_cast<std::uint8_t*>(frame.data()),
                              static_cast<std::size_t>(frame.size()))));
  writeFrame(frame);
}

void LinkWorker::pollHandshake(std::uint32_t now) {
  switch (m_helloRetry.poll(now)) {
  case protocol::RetryAction::Wait: return;
  case protocol::RetryAction::Resend: sendHelloRequest(); return;
  case protocol::RetryAction::GiveUp: break;
  }
  // The board may be slow to start (an emulator's pty) or not a board at all: back off so a
  // silent port costs little, and keep trying until the user disconnects.
  const int delay = backoffMs(m_handshakeFailures++);
  m_phase = Phase::HandshakePause;
  m_pauseUntilMs = now + static_cast<std::uint32_t>(delay);
  setState(waitingState(), tr("No answer from a board on %1. Trying again in %2 s.")
                               .arg(m_portName, secondsText(delay)));
}

void LinkWorker::establish(const protocol::Hello& hello, std::uint8_t version) {
  const std::uint32_t now = nowMs();
  m_phase = Phase::Connected;
  m_version = version;
  m_handshakeFailures = 0;
  m_openFailures = 0;
  m_monitor.onValidFrame(now);
  m_monitor.onSent(now);
  m_batcher.restart();
  m_info = toBoardInfo(hello, m_portName, version);
  if (m_everConnected) ++m_stats.reconnects;
  m_everConnected = true;
  m_sessionUp = true;
  setState(LinkState::Connected, tr("Connected to %1 on %2.").arg(m_info.boardName, m_portName));
  emit connected(m_info);
  if (m_push) handlePushStep(m_push->onBoardModel(hello.modelCrc, hello.modelBytes));
  feedTransfers();
  pumpCommands();
}

void LinkWorker::loseLink(const QString& reason) {
  qCInfo(lcLink) << "link lost:" << reason;
  flushSamples(true);
  failUserCommands(tr("The link to the board was lost before the command was acknowledged."));
  // Transfers wait for the reconnection and resume from where the board stands.
  if (m_push) m_push->onLinkLost();
  if (m_pull) m_pull->onLinkLost();
  closeTransport();
  m_sessionUp = false;
  emit disconnected(reason);
  m_openFailures = 0;
  m_phase = Phase::Opening;
  scheduleReopen(reason);
}

void LinkWorker::endSession(const QString& reason, LinkState finalState) {
  const bool wasUp = m_sessionUp;
  if (wasUp) flushSamples(true);
  failUserCommands(tr("The command was cancelled: %1").arg(reason));
  if (m_push)
    finishPush(
        false,
        tr("The model push was stopped: %1 The board keeps its previous model.").arg(reason));
  if (m_pull) finishPull(false, QByteArray(), tr("The model pull was stopped: %1").arg(reason));
  closeTransport();
  m_tick.stop();
  m_reopenTimer.stop();
  m_statisticsTimer.stop();
  if (m_phase != Phase::Idle) emitStatistics();
  m_phase = Phase::Idle;
  m_sessionUp = false;
  if (wasUp || finalState == LinkState::Incompatible) emit disconnected(reason);
  setState(finalState, reason);
}

void LinkWorker::closeTransport() {
  if (m_transport) m_transport->close();
  m_decoder.reset();
}

void LinkWorker::setState(LinkState state, const QString& detail) {
  m_shared->state.store(static_cast<int>(state));
  emit stateChanged(state, detail);
}

LinkState LinkWorker::waitingState() const {
  return m_everConnected ? LinkState::Reconnecting : LinkState::Connecting;
}

// --- timers and transport ----------------------------------------------------------------

void LinkWorker::onTick() {
  const std::uint32_t now = nowMs();
  switch (m_phase) {
  case Phase::Handshaking: pollHandshake(now); break;
  case Phase::HandshakePause:
    if (reached(now, m_pauseUntilMs)) beginHandshake();
    break;
  case Phase::Connected: serviceSession(now); break;
  case Phase::Idle:
  case Phase::Opening: break;
  }
}

void LinkWorker::onTransportBytes(const QByteArray& bytes) {
  m_stats.bytesIn += static_cast<quint64>(bytes.size());
  for (const char c : bytes) {
    if (m_decoder.push(static_cast<std::uint8_t>(c)) != protocol::DecodeEvent::Frame) continue;
    handleFrame(m_decoder.frame());
    // The frame may have ended the session (incompatible board): drop the rest.
    if (m_phase == Phase::Idle || m_phase == Phase::Opening) break;
  }
  pumpCommands();
}

void LinkWorker::onTransportClosed() {
  const QString reason =
      m_lastError.isEmpty() ? tr("The port %1 closed.").arg(m_portName) : m_lastError;
  if (m_phase == Phase::Connected) {
    loseLink(reason);
  } else if (m_phase == Phase::Handshaking || m_phase == Phase::HandshakePause) {
    closeTransport();
    scheduleReopen(reason);
  }
}

void LinkWorker::emitStatistics() {
  const qint64 now = m_clock.elapsed();
  const double seconds =
      static_cast<double>(std::max<qint64>(now - m_lastStatisticsMs, 1)) / 1000.0;
  const protocol::DecoderStats& d = m_decoder.stats();
  LinkStatistics s = m_stats;
  s.bytesInPerSecond = static_cast<double>(s.bytesIn - m_lastBytesIn) / seconds;
  s.bytesOutPerSecond = static_cast<double>(s.bytesOut - m_lastBytesOut) / seconds;
  s.framesOk = d.framesOk;
  s.crcErrors = d.crcErrors;
  s.cobsErrors = d.cobsErrors;
  s.otherFrameErrors = quint64{d.oversize} + d.malformed + d.versionMismatches + m_undecodable;
  s.lostSampleFrames = m_batcher.lostFrames();
  s.sampleGaps = m_batcher.gaps();
  s.latencyMs = m_latencyCount > 0 ? m_latencySum / m_latencyCount : -1.0;
  s.latencyMaxMs = static_cast<double>(m_latencyMax);
  m_lastBytesIn = s.bytesIn;
  m_lastBytesOut = s.bytesOut;
  m_lastStatisticsMs = now;
  m_latencySum = 0.0;
  m_latencyCount = 0;
  m_latencyMax = -1;
  emit statisticsUpdated(s);
}

// --- frames ------------------------------------------------------------------------------

void LinkWorker::handleFrame(const protocol::FrameView& frame) {
  if (m_phase == Phase::Handshaking || m_phase == Phase::HandshakePause) {
    handleHandshakeFrame(frame);
    return;
  }
  if (m_phase != Phase::Connected) return;
  m_monitor.onValidFrame(nowMs());
  bool decoded = true;
  switch (frame.type) {
  case MessageType::Samples: onSamples(frame); return;
  case MessageType::Event: {
    protocol::Event event;
    decoded = protocol::decodeMessage(frame, event);
    if (decoded) emit eventReceived(toBoardEvent(event));
    break;
  }
  case MessageType::Ack: {
    protocol::Ack ack;
    decoded = protocol::decodeMessage(frame, ack);
    if (decoded) onAck(ack);
    break;
  }
  case MessageType::ModelData: {
    protocol::ModelData data;
    decoded = protocol::decodeMessage(frame, data);
    if (decoded) onModelData(data);
    break;
  }
  case MessageType::Status: {
    protocol::BoardStatus status;
    decoded = protocol::decodeMessage(frame, status);
    if (decoded) emit statusReceived(toBoardStatus(status));
    break;
  }
  case MessageType::Log: {
    protocol::Log log;
    decoded = protocol::decodeMessage(frame, log);
    if (decoded) emit logReceived(toLogLevel(log.level), QString::fromUtf8(log.text));
    break;
  }
  case MessageType::Hello: break; // a late answer to a resent HelloRequest
  case MessageType::HelloRequest:
  case MessageType::Command: decoded = false; break; // studio-to-board types
  }
  if (!decoded) ++m_undecodable;
}

void LinkWorker::handleHandshakeFrame(const protocol::FrameView& frame) {
  // Samples or events the board streams before the handshake belong to no session.
  if (frame.type == MessageType::Hello) {
    onHello(frame);
    return;
  }
  if (frame.type == MessageType::Log) {
    protocol::Log log; // e.g. the board's own words on a version mismatch
    if (protocol::decodeMessage(frame, log))
      emit logReceived(toLogLevel(log.level), QString::fromUtf8(log.text));
    return;
  }
  protocol::Ack ack;
  if (frame.type != MessageType::Ack || !protocol::decodeMessage(frame, ack) ||
      ack.seq != m_helloSeq || ack.code != AckCode::NotSupported)
    return;
  // The board's refusal carries its version range: value = lowest | highest << 8.
  const auto theirMin = static_cast<std::uint8_t>(ack.value & 0xFFu);
  const auto theirMax = static_cast<std::uint8_t>((ack.value >> 8) & 0xFFu);
  refuseVersions(theirMin, theirMax);
}

void LinkWorker::onHello(const protocol::FrameView& frame) {
  std::uint8_t theirMax = 0;
  std::uint8_t theirMin = 0;
  if (!protocol::decodeHandshakeVersions(frame.payload, frame.length, theirMax, theirMin)) {
    ++m_undecodable;
    return;
  }
  const std::uint8_t version = protocol::negotiateVersion(
      protocol::kMinProtocolVersion, protocol::kProtocolVersion, theirMin, theirMax);
  if (version == 0) {
    refuseVersions(theirMin, theirMax);
    return;
  }
  protocol::Hello hello;
  if (!protocol::Hello::decode(frame.payload, frame.length, hello, version)) {
    ++m_undecodable; // keep retrying: the next Hello may arrive intact
    return;
  }
  establish(hello, version);
}

void LinkWorker::refuseVersions(std::uint8_t theirMin, std::uint8_t theirMax) {
  const auto range = [](int low, int high) {
    return low == high ? QString::number(low) : QStringLiteral("%1–%2").arg(low).arg(high);
  };
  QString fix = tr("Update the board's firmware or Deeplomath Studio so that both support the "
                   "same protocol version.");
  if (theirMin >= 1 && theirMax >= theirMin) {
    if (theirMax < protocol::kMinProtocolVersion)
      fix = tr("Update the board's firmware.");
    else if (theirMin > protocol::kProtocolVersion)
      fix = tr("Update Deeplomath Studio.");
  }
  const QString ours = range(protocol::kMinProtocolVersion, protocol::kProtocolVersion);
  const QString reason =
      theirMin >= 1 && theirMax >= theirMin
          ? tr("The board on %1 uses protocol version %2, but this studio uses protocol version "
               "%3, so they cannot communicate. %4")
                .arg(m_portName, range(theirMin, theirMax), ours, fix)
          : tr("The board on %1 uses a protocol version this studio does not recognise (this "
               "studio uses protocol version %2), so they cannot communicate. %3")
                .arg(m_portName, ours, fix);
  endSession(reason, LinkState::Incompatible);
}

void LinkWorker::onAck(const protocol::Ack& ack) {
  if (!m_commands.hasInFlight()) return;
  // A pull chunk is answered by its data; an Ok ack of it adds nothing.
  if (m_commands.inFlight().command.id == CommandId::ModelPullChunk &&
      ack.commandId == CommandId::ModelPullChunk && ack.code == AckCode::Ok)
    return;
  QueuedCommand done;
  qint64 latency = -1;
  if (!m_commands.complete(ack.seq, ack.commandId, nowMs(), done, latency)) return;
  if (latency >= 0) {
    m_latencySum += static_cast<double>(latency);
    ++m_latencyCount;
    m_latencyMax = std::max(m_latencyMax, latency);
  }
  dispatchAck(done, ack);
}

void LinkWorker::onModelData(const protocol::ModelData& data) {
  if (!m_pull) return;
  if (m_commands.hasInFlight() && m_commands.inFlight().origin == CommandOrigin::Pull &&
      m_commands.inFlight().command.id == CommandId::ModelPullChunk &&
      m_commands.inFlight().command.args.modelPullChunk.offset == data.offset) {
    QueuedCommand done;
    qint64 latency = -1;
    m_commands.complete(m_commands.inFlightSeq(), CommandId::ModelPullChunk, nowMs(), done,
                        latency);
  }
  const TransferStep step = m_pull->onData(data);
  if (step != TransferStep::Failed) emit pullProgress(m_pull->received(), m_pull->total());
  handlePullStep(step);
}

void LinkWorker::onSamples(const protocol::FrameView& frame) {
  protocol::Samples samples;
  if (!protocol::decodeMessage(frame, samples)) {
    ++m_undecodable;
    return;
  }
  m_batcher.add(samples.firstSample, samples.channels, samples.data, samples.frames,
                m_clock.elapsed());
}

} // namespace link
} // namespace dlm
