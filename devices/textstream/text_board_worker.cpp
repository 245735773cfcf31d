#include "devices/textstream/text_board_worker.h"

#include <algorithm>
#include <cmath>

#include "devices/textstream/textstream_logging.h"

namespace dlm::textstream {

namespace {

firmware::TriggerConfig toFirmware(const link::TriggerConfig& t) {
  firmware::TriggerConfig c;
  c.threshold = t.threshold;
  c.preTriggerFrames = static_cast<std::uint16_t>(std::clamp(t.preTriggerFrames, 0, 65535));
  c.holdOffFrames = static_cast<std::uint16_t>(std::clamp(t.holdOffFrames, 0, 65535));
  c.minFrames = static_cast<std::uint16_t>(std::clamp(t.minFrames, 1, 65535));
  c.maxFrames = static_cast<std::uint16_t>(std::clamp(t.maxFrames, 1, 65535));
  return c;
}

} // namespace

TextBoardWorker::TextBoardWorker(link::TransportFactory factory,
                                 std::shared_ptr<std::atomic<int>> state)
    : m_factory(std::move(factory)), m_state(std::move(state)), m_flushTimer(this),
      m_statisticsTimer(this), m_reopenTimer(this) {
  // Parented so that moveToThread() takes them along to the worker's thread.
  m_clock.start();
  m_flushTimer.setInterval(static_cast<int>(kBatchMs));
  connect(&m_flushTimer, &QTimer::timeout, this, [this] { flushBatch(false); });
  m_statisticsTimer.setInterval(1000);
  connect(&m_statisticsTimer, &QTimer::timeout, this, &TextBoardWorker::emitStatistics);
  m_reopenTimer.setSingleShot(true);
  connect(&m_reopenTimer, &QTimer::timeout, this, &TextBoardWorker::openPort);
}

TextBoardWorker::~TextBoardWorker() { closeTransport(); }

void TextBoardWorker::connectTo(const QString& portName, qint32 baud,
                                const ParserOptions& options) {
  closeTransport();
  m_portName = portName;
  m_baud = baud;
  m_wanted = true;
  m_openFailures = 0;
  TextStreamSink& sink = *this; // a private base: convertible here only
  m_parser = std::make_unique<TextStreamParser>(sink, options);
  m_format = StreamFormat{};
  m_batch.clear();
  m_batchFrames = 0;
  m_bytesIn = 0;
  m_lastBytesIn = 0;
  m_lastStatisticsMs = m_clock.elapsed();
  m_statisticsTimer.start();
  m_flushTimer.start();
  setState(link::LinkState::Connecting, tr("Opening %1").arg(portName));
  openPort();
}

void TextBoardWorker::disconnectFromBoard() {
  m_wanted = false;
  m_reopenTimer.stop();
  m_statisticsTimer.stop();
  m_flushTimer.stop();
  flushBatch(true);
  closeTransport();
  setState(link::LinkState::Disconnected, tr("Disconnected"));
  emit disconnected(tr("Disconnected."));
}

void TextBoardWorker::finishStream() {
  if (m_parser) m_parser->finish(nowUs());
  flushBatch(true);
  emit finished(statistics());
}

void TextBoardWorker::setTrigger(const link::TriggerConfig& trigger) {
  m_userTrigger = toFirmware(trigger);
  if (m_format.segment > 0) configureDetector();
}

void TextBoardWorker::openPort() {
  if (!m_wanted) return;
  if (!m_transport) {
    m_transport = m_factory();
    connect(m_transport.get(), &link::Transport::bytesReceived, this, &TextBoardWorker::onBytes);
    connect(m_transport.get(), &link::Transport::closed, this, &TextBoardWorker::onClosed);
  }
  if (m_transport->open(m_portName, m_baud)) {
    m_openFailures = 0;
    const bool learning = m_parser == nullptr || !m_parser->locked();
    setState(learning ? link::LinkState::Connecting : link::LinkState::Connected,
             learning ? tr("Reading %1: learning the format of its lines").arg(m_portName)
                      : tr("Reading %1").arg(m_portName));
    return;
  }
  // Back off as BoardLink does: 0.25 s, doubling up to 4 s.
  const int delay = std::min(kBackoffMaxMs, kBackoffBaseMs << std::min(m_openFailures, 4));
  ++m_openFailures;
  setState(m_format.segment > 0 ? link::LinkState::Reconnecting : link::LinkState::Connecting,
           m_transport->errorString());
  m_reopenTimer.start(delay);
}

void TextBoardWorker::onBytes(const QByteArray& bytes) {
  m_bytesIn += static_cast<quint64>(bytes.size());
  if (m_parser) m_parser->feed(bytes.constData(), static_cast<std::size_t>(bytes.size()), nowUs());
  flushBatch(false);
}

void TextBoardWorker::onClosed() {
  flushBatch(true);
  const QString reason = m_transport ? m_transport->errorString() : QString();
  qCDebug(lcTextStream) << "text board lost:" << reason;
  emit disconnected(reason.isEmpty() ? tr("The port %1 closed.").arg(m_portName) : reason);
  if (!m_wanted) return;
  setState(link::LinkState::Reconnecting, reason);
  m_reopenTimer.start(kBackoffBaseMs);
}

void TextBoardWorker::closeTransport() {
  if (!m_transport) return;
  m_transport->disconnect(this);
  m_transport->close();
  m_transport.reset();
}

void TextBoardWorker::setState(link::LinkState state, const QString& detail) {
  m_state->store(static_cast<int>(state));
  emit stateChanged(state, detail);
}

void TextBoardWorker::configureDetector() {
  // A rate the parser could not tell (no time span yet) leaves the firmware's 1 kHz default.
  const double rate = m_format.rateHz > 0.0 ? m_format.rateHz : 1000.0;
  m_detector.configure(m_format.channels, rate,
                       m_userTrigger ? *m_userTrigger : defaultTrigger(rate));
}

void TextBoardWorker::onFormat(const StreamFormat& format) {
  flushBatch(true); // the previous segment's samples go out under its format
  m_format = format;
  configureDetector();
  link::BoardInfo info;
  info.portName = m_portName;
  info.boardName = tr("Text board");
  info.sampleRateHz = static_cast<int>(std::lround(format.rateHz));
  info.channels = format.channels;
  info.descriptorDims = m_detector.descriptorConfig().dims();
  qCDebug(lcTextStream) << "segment" << format.segment << ":" << format.channels << "channels at"
                       << format.rateHz << "Hz (" << rateSourceName(format.rateSource)
                       << "), timestamp" << unitName(format.timestamp) << ", scale"
                       << format.scale;
  emit formatChanged(format);
  emit connected(info);
  setState(link::LinkState::Connected,
           tr("Text board on %1: %n channel(s) at %2 Hz", "", format.channels)
               .arg(m_portName)
               .arg(format.rateHz, 0, 'f', format.rateHz == std::floor(format.rateHz) ? 0 : 1));
}

void TextBoardWorker::onFrame(const Frame& frame) {
  if (m_batchFrames == 0) {
    m_batchFirst = static_cast<quint32>(frame.index);
    m_batchOpenedMs = m_clock.elapsed();
  }
  for (int c = 0; c < frame.channels; ++c) m_batch.append(frame.counts[static_cast<std::size_t>(c)]);
  ++m_batchFrames;
  if (m_batchFrames >= kBatchFrames) flushBatch(true);
  if (!m_detector.push(frame.counts.data())) return;
  // An event goes out after its own samples, as a firmware board sends it.
  flushBatch(true);
  const HostEvent& found = m_detector.lastEvent();
  link::BoardEvent e;
  e.id = m_nextEventId++;
  e.startSample = found.start;
  e.frames = static_cast<int>(found.frames);
  e.descriptor = QVector<float>(found.descriptor.begin(), found.descriptor.end());
  ++m_events;
  emit eventReceived(e);
}

void TextBoardWorker::flushBatch(bool force) {
  if (m_batchFrames == 0) return;
  if (!force && m_clock.elapsed() - m_batchOpenedMs < kBatchMs) return;
  emit samplesReceived(m_batchFirst, m_format.channels, m_batch);
  m_batch.clear();
  m_batchFrames = 0;
}

TextStatistics TextBoardWorker::statistics() const {
  TextStatistics s;
  if (m_parser) {
    s.counters = m_parser->counters();
    s.segments = m_parser->segments();
    s.recentRateHz = m_parser->recentRateHz();
  }
  s.bytesInPerSecond = m_bytesPerSecond;
  s.events = m_events;
  return s;
}

void TextBoardWorker::emitStatistics() {
  const qint64 now = m_clock.elapsed();
  const qint64 interval = std::max<qint64>(1, now - m_lastStatisticsMs);
  m_bytesPerSecond = static_cast<double>(m_bytesIn - m_lastBytesIn) * 1000.0 /
                     static_cast<double>(interval);
  m_lastBytesIn = m_bytesIn;
  m_lastStatisticsMs = now;
  const TextStatistics s = statistics();
  link::LinkStatistics l;
  l.bytesIn = m_bytesIn;
  l.bytesInPerSecond = m_bytesPerSecond;
  l.framesOk = s.counters.frames;
  l.otherFrameErrors = s.counters.garbage.total(); // garbage lines are the frame errors here
  emit statisticsUpdated(l);
  emit textStatisticsUpdated(s);
}

} // namespace dlm::textstream
