// FirmwareApp: boot, the sample stream, the event pipeline and transmission. The command side
// is in firmware_commands.cpp.

#include "devices/firmware/firmware_app.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace dlm::firmware {

namespace {

// Reads per poll(): bounds the time one poll() spends on a flood of input.
constexpr int kMaxReadsPerPoll = 8;
// pullSamples() calls per poll(): bounds a catch-up after a long stall (512 frames).
constexpr int kMaxPullsPerPoll = 16;
// Event's knownScore must be finite; an empty network scores -infinity.
constexpr float kUnknownScore = -1.0e6f;

float finiteOr(float v, float fallback) { return std::isfinite(v) ? v : fallback; }

float clamp01(float v) {
  if (!(v >= 0.0f)) return 0.0f;  // also NaN
  return v > 1.0f ? 1.0f : v;
}

} // namespace

bool FirmwareApp::init(BoardPort& port, void* arena, std::size_t arenaSize) {
  m_port = nullptr;
  const BoardDescription board = port.description();
  if (board.channels < 1 || board.channels > kMaxChannels || board.sampleRateHz == 0) {
    port.log(kLogError, "firmware app: unsupported sample format (too many channels)");
    return false;
  }
  if (!chooseFrontEnd(port, board)) return false;
  if (arena == nullptr || m_network.init(kCapacity, arena, arenaSize) != Status::Ok) {
    // Say how much is needed: a kernel change that grows the layout shows up here first.
    char text[96];
    std::snprintf(text, sizeof text, "firmware app: network arena too small (%lu B, needs %lu B)",
                  static_cast<unsigned long>(arenaSize),
                  static_cast<unsigned long>(Network::arenaBytes(kCapacity)));
    port.log(kLogError, text);
    return false;
  }
  m_board = board;
  m_store.attach(port, m_frontEndConfig);
  m_port = &port;
  boot();
  return true;
}

// Everything a power-on reset does after init(): also the Reset command.
void FirmwareApp::boot() {
  m_session = false;
  m_version = protocol::kProtocolVersion;
  m_resetPending = false;
  m_decoder.reset();
  m_decoder.resetStats();
  m_acks.clear();
  m_link = protocol::LinkMonitor();
  m_counters = AppCounters();
  m_lastMicros = m_port->micros();
  m_uptimeUs = 0;
  m_lastLearnUs = 0;
  m_lastPredictUs = 0;
  m_sampleIndex = 0;
  m_nextEventId = 1;
  m_events.clear();
  m_batch.frames = 0;
  m_injectHead = 0;
  m_injectCount = 0;
  m_injectedSeen = false;
  m_lastInjectedEnd = 0;
  m_rxPos = 0;
  m_rxLength = 0;

  TriggerConfig trigger;
  trigger.maxFrames = static_cast<std::uint16_t>(kWindowFrames);
  configureTrigger(trigger);

  for (ClassName& name : m_names) name = ClassName();
  if (m_store.boot(m_network, m_names)) {
    m_port->log(kLogInfo, "firmware app: stored model loaded");
  } else {
    m_network.reset(m_frontEndConfig.dims(), 0);
    startKnownScales();
    m_store.networkCleared();
    m_port->log(kLogInfo, "firmware app: no stored model, starting empty");
  }
}

void FirmwareApp::startKnownScales() {
  // Learning from nothing, the board has no statistics to standardise by: it starts from the
  // descriptor's prior (statistics and duration x3 against the time bins), which lifted the
  // board's never-seen AUROC on the studio-session protocol from 0.86 to 0.97. A model pushed
  // from the studio brings its own scales and keeps them while the board learns on.
  float weights[kCapacity.maxDims];
  if (frontEndFeatureWeights(m_frontEndConfig, kDescriptorStatsWeight, weights,
                             kCapacity.maxDims) == Status::Ok) {
    m_network.setKnownScales(weights);
  }
}

bool FirmwareApp::chooseFrontEnd(BoardPort& port, const BoardDescription& board) {
  FrontEndConfig config = board.frontEnd;
  if (config.kind == FrontEndKind::Motion) {
    // The descriptor follows the channel count, within the kernel's dims (the studio applies
    // the same rule to what it imports).
    config = motionFrontEnd(board.channels, kCapacity.maxDims);
    config.motion.maxFrames = kWindowFrames;
  }
  const bool fits = config.channels() == board.channels && config.dims() <= kAppDescriptorDims &&
                    (config.kind != FrontEndKind::Spectral ||
                     config.spectral.sampleRateHz == board.sampleRateHz);
  if (!fits || checkFrontEnd(config) != Status::Ok) {
    port.log(kLogError, "firmware app: front-end does not fit the board's channels, rate or dims");
    return false;
  }
  m_frontEndConfig = config;
  if (m_frontEnd.init(config) != Status::Ok) {
    char text[112];
    std::snprintf(text, sizeof text,
                  "firmware app: front-end needs %lu B of work memory, the build has %lu "
                  "(DLM_FIRMWARE_SPECTRAL_WORK_BYTES)",
                  static_cast<unsigned long>(EventFrontEnd::workBytes(config)),
                  static_cast<unsigned long>(kAppSpectralWorkBytes));
    port.log(kLogError, text);
    return false;
  }
  return true;
}

std::uint8_t FirmwareApp::minProtocolVersion() const {
  return m_frontEndConfig.kind == FrontEndKind::Motion ? protocol::kMinProtocolVersion
                                                       : protocol::kFrontEndProtocolVersion;
}

void FirmwareApp::configureTrigger(const TriggerConfig& config) {
  TriggerConfig c = config;
  c.channels = m_board.channels;
  c.sampleRateHz = m_board.sampleRateHz;
  if (c.maxFrames > kWindowFrames) c.maxFrames = static_cast<std::uint16_t>(kWindowFrames);
  if (c.minFrames > c.maxFrames) c.minFrames = c.maxFrames;
  m_detector.configure(c);
  m_detectorBase = m_sampleIndex;  // the detector counts its frames from here
}

void FirmwareApp::updateClock() {
  const std::uint32_t now = m_port->micros();
  m_uptimeUs += static_cast<std::uint32_t>(now - m_lastMicros);
  m_lastMicros = now;
}

void FirmwareApp::poll() {
  if (m_port == nullptr) return;
  updateClock();
  m_counters.bytesSent += static_cast<std::uint32_t>(m_tx.flush(*m_port));
  receive();
  if (m_session && !m_link.alive(nowMs())) {
    // Dead link (docs/protocol.md §4.4): stop streaming until the next HelloRequest.
    m_session = false;
    m_batch.frames = 0;
  }
  pumpSamples();
  m_counters.bytesSent += static_cast<std::uint32_t>(m_tx.flush(*m_port));
  if (m_resetPending && m_tx.empty()) boot();  // the Reset ack has left
}

void FirmwareApp::receive() {
  int reads = 0;
  while (!m_resetPending) {
    if (m_rxPos == m_rxLength) {
      if (reads++ == kMaxReadsPerPoll) return;
      m_rxPos = 0;
      m_rxLength = m_port->readSerial(m_rx, kRxChunk);
      if (m_rxLength > kRxChunk) m_rxLength = kRxChunk;  // a port bug must not overrun
      if (m_rxLength == 0) return;
    }
    while (m_rxPos < m_rxLength && !m_resetPending) {
      // Backpressure: a command is only decoded when its replies are sure to fit; the
      // remaining bytes wait here (and in the port) until the queue drains.
      if (m_tx.freeBytes() < kReplyReserve) return;
      if (m_decoder.push(m_rx[m_rxPos++]) == protocol::DecodeEvent::Frame)
        handleFrame(m_decoder.frame());
    }
  }
}

void FirmwareApp::pumpSamples() {
  const std::uint32_t channels = m_board.channels;
  for (int round = 0; round < kMaxPullsPerPoll; ++round) {
    std::uint32_t n = m_port->pullSamples(m_pull, kPullFrames);
    if (n > kPullFrames) n = kPullFrames;
    if (n == 0) return;
    // Injected recordings replace the board's own samples frame for frame, so they flow
    // through the same stream and detector at the board's sample rate.
    for (std::uint32_t f = 0; f < n && m_injectCount > 0; ++f) {
      std::memcpy(m_pull + f * channels, m_inject + m_injectHead * channels,
                  channels * sizeof(std::int16_t));
      m_injectHead = (m_injectHead + 1) % kInjectFrames;
      --m_injectCount;
      ++m_counters.injectedFrames;
      m_injectedSeen = true;
      m_lastInjectedEnd = m_sampleIndex + f + 1;
    }
    processFrames(m_pull, n);
    if (n < kPullFrames) return;
  }
}

void FirmwareApp::processFrames(const std::int16_t* frames, std::uint32_t count) {
  if (m_session) appendToBatch(frames, count);
  m_sampleIndex += count;
  std::uint32_t done = 0;
  while (done < count) {
    const std::uint32_t used = m_detector.process(frames + done * m_board.channels, count - done);
    if (used == 0) break;
    done += used;
    if (m_detector.eventReady()) onEvent();
  }
}

void FirmwareApp::appendToBatch(const std::int16_t* frames, std::uint32_t count) {
  const std::uint32_t channels = m_board.channels;
  for (std::uint32_t f = 0; f < count; ++f) {
    if (m_batch.frames == 0) m_batch.firstSample = m_sampleIndex + f;
    std::memcpy(m_batch.data + m_batch.frames * channels, frames + f * channels,
                channels * sizeof(std::int16_t));
    ++m_batch.frames;
    if (m_batch.frames >= kBatchFrames) flushBatch();
  }
}

void FirmwareApp::flushBatch() {
  if (m_batch.frames == 0) return;
  m_batch.channels = m_board.channels;
  // Sample messages never take the reply reserve: under overload whole messages are
  // dropped (the studio sees the gap in firstSample), never a partial frame.
  if (send(m_batch, kReplyReserve, m_version)) {
    ++m_counters.samplesSent;
  } else {
    ++m_counters.samplesDropped;
    m_counters.sampleFramesDropped += m_batch.frames;
  }
  m_batch.frames = 0;
}

void FirmwareApp::onEvent() {
  const DetectedEvent& detected = m_detector.lastEvent();
  ++m_counters.eventsDetected;
  std::uint32_t frames = 0;
  const std::int16_t* window = m_detector.windowInPlace(&frames);
  if (window == nullptr) return;  // configure() keeps frames <= kWindowFrames
  StoredEvent& e = m_events.add();
  if (m_frontEnd.compute(window, frames, e.descriptor, kAppDescriptorDims) != Status::Ok)
    return;  // e keeps id 0: not findable
  e.id = m_nextEventId++;
  if (m_nextEventId == 0) m_nextEventId = 1;  // 0 means "no event"
  e.startSample = m_detectorBase + detected.start;
  e.frames = static_cast<std::uint16_t>(frames);
  e.requestedGesture = requestedGestureOf(e.startSample, frames);

  Prediction p;
  const std::uint32_t t0 = m_port->micros();
  const Status s = m_network.predict(e.descriptor, p, m_network.scratch());
  m_lastPredictUs = m_port->micros() - t0;
  if (s == Status::Ok) {
    e.predictedClass = static_cast<std::int16_t>(p.classIndex);
    e.bestClass = static_cast<std::int16_t>(p.bestClass);
    e.confidence = clamp01(p.confidence);
    e.knownScore = finiteOr(p.knownScore, kUnknownScore);
  } else {
    e.knownScore = kUnknownScore;
  }
  if (m_session) {
    flushBatch();  // the event's own samples go out before it
    sendEvent(e);
  }
}

static_assert(kNoRequestedGesture == protocol::kNoGesture, "one value for 'no gesture'");

// The port knows which requested gesture it was playing; the app only knows its own stream
// index, which m_sampleIndex ends (processFrames() advances it before detecting). An event
// that overlaps injected samples shows a recording, not the source: no gesture.
std::uint8_t FirmwareApp::requestedGestureOf(std::uint32_t startSample,
                                             std::uint32_t frames) const {
  const std::uint32_t framesAgo = m_sampleIndex - startSample;  // wraps like the stream index
  if (m_injectedSeen && m_sampleIndex - m_lastInjectedEnd < framesAgo)
    return protocol::kNoGesture;
  return m_port->requestedGesture(framesAgo, frames);
}

void FirmwareApp::sendEvent(const StoredEvent& e) {
  protocol::Event m;
  m.eventId = e.id;
  m.startSample = e.startSample;
  m.frames = e.frames;
  m.predictedClass = e.predictedClass;
  m.bestClass = e.bestClass;
  m.confidence = e.confidence;
  m.knownScore = e.knownScore;
  m.flags = e.flags;
  m.label = e.label;
  m.dims = m_frontEndConfig.dims();
  std::memcpy(m.descriptor, e.descriptor, m.dims * sizeof(float));
  m.requestedGesture = e.requestedGesture;
  if (send(m, 0, m_version)) {
    ++m_counters.eventsSent;
  } else {
    ++m_counters.eventsDropped;
  }
}

void FirmwareApp::sendLog(BoardLogLevel level, const char* text) {
  m_port->log(level, text);
  if (!m_session) return;
  protocol::Log m;
  m.level = static_cast<protocol::LogLevel>(level);
  std::size_t n = 0;
  while (n < protocol::kMaxLogText && text[n] != '\0') {
    m.text[n] = text[n];
    ++n;
  }
  if (!send(m, 0, m_version)) ++m_counters.repliesDropped;
}

template <typename M>
bool FirmwareApp::send(const M& message, std::size_t reserve, std::uint8_t version) {
  const std::size_t n = protocol::encodePayload(message, m_payload, sizeof m_payload, version);
  return sendPayload(M::kType, n, reserve, version);
}

// Explicit instantiations: the command side (firmware_commands.cpp) sends these too.
template bool FirmwareApp::send(const protocol::Ack&, std::size_t, std::uint8_t);
template bool FirmwareApp::send(const protocol::Hello&, std::size_t, std::uint8_t);
template bool FirmwareApp::send(const protocol::BoardStatus&, std::size_t, std::uint8_t);
template bool FirmwareApp::send(const protocol::ModelData&, std::size_t, std::uint8_t);
template bool FirmwareApp::send(const protocol::Log&, std::size_t, std::uint8_t);

bool FirmwareApp::sendPayload(protocol::MessageType type, std::size_t length,
                              std::size_t reserve, std::uint8_t version) {
  if (length == 0) return false;
  const std::size_t n =
      protocol::encodeFrame(type, m_txSeq, m_payload, length, m_wire, sizeof m_wire, version);
  if (n == 0 || !m_tx.push(m_wire, n, reserve)) return false;
  ++m_txSeq;  // only frames that leave get a number: seq gaps are losses on the wire
  return true;
}

} // namespace dlm::firmware
