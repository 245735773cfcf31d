#pragma once

// The board-independent firmware application (docs: devices/firmware/README.md).
// Portable C++17 for the host and the Cortex-M4F: no heap after init, no exceptions, no RTTI.

#include <cstddef>
#include <cstdint>

#include "core/descriptor.h"
#include "core/front_end.h"
#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/frame.h"
#include "core/protocol/link.h"
#include "core/protocol/messages.h"
#include "devices/firmware/app_front_end.h"
#include "devices/firmware/board_port.h"
#include "devices/firmware/event_ring.h"
#include "devices/firmware/firmware_limits.h"
#include "devices/firmware/model_store.h"
#include "devices/firmware/tx_queue.h"
#include "devices/firmware/event_detector.h"

namespace dlm::firmware {

/// \brief Counters of the application, for tests, the virtual board and the status line.
struct AppCounters {
  std::uint32_t samplesSent = 0;         ///< Samples messages queued
  std::uint32_t samplesDropped = 0;      ///< Samples messages dropped whole (TX queue full)
  std::uint32_t sampleFramesDropped = 0; ///< sample frames inside those messages
  std::uint32_t eventsDetected = 0;
  std::uint32_t eventsSent = 0;
  std::uint32_t eventsDropped = 0;       ///< Event messages that did not fit the TX queue
  std::uint32_t repliesDropped = 0;      ///< Ack/Hello/Status/ModelData/Log that did not fit
  std::uint32_t commands = 0;            ///< commands executed (duplicates excluded)
  std::uint32_t duplicates = 0;          ///< commands answered from the AckCache
  std::uint32_t injectedFrames = 0;      ///< frames taken from InjectSamples
  std::uint32_t bytesSent = 0;           ///< bytes the port took
};

/// \brief The firmware application: sample stream, event pipeline, on-board learning and the
/// command side of the wire protocol (docs/protocol.md).
///
/// Usage on any board: construct (statically), init(port, arena, size) once, then call poll()
/// from the main loop at least every few milliseconds. poll() never blocks.
class FirmwareApp {
public:
  /// \brief Kernel capacity on the board: the lean configuration. Four layers: the first
  /// layer of kAppMaxNeurons (256 unless the port's build sets DLM_FIRMWARE_MAX_NEURONS,
  /// firmware_limits.h) and three correction layers of 4 neurons each (a correction neuron
  /// sits only at an event the stack gets wrong). Four is what fits the firmware's RAM
  /// (<= 160 KiB; a deeper neuron costs 521 B); each also costs ~940 instructions per predict
  /// at 76 inputs (docs/benchmarks.md, Cortex-M4F).
  static constexpr Capacity kCapacity = {kAppMaxNeurons, kMaxDescriptorDims, 4, 12, 0, false, 4};
  /// \brief Arena a port must provide: >= Network::arenaBytes(kCapacity) on every target
  /// (checked by init() and by test_firmware_app). At 256 neurons compact metrics (the lean
  /// kernel on a device) need 122 592 B since the known-set scales (issue 10); float metrics
  /// (the virtual board's host kernel) fit 156 160 B. A build with another capacity sets it
  /// (DLM_FIRMWARE_ARENA_BYTES). init() logs the need when it grows.
  static constexpr std::size_t kArenaBytes =
      kAppArenaBytes != 0 ? kAppArenaBytes : (DLM_CORE_COMPACT_METRICS ? 122624u : 156160u);
  /// \brief Most channels the app accepts, a setting of the port's build because it sizes RAM
  /// (firmware_limits.h): 3 on the Cortex-M4F, 6 on the host (dlm-board --channels). Every
  /// count up to it gets a descriptor within kCapacity.maxDims (dlm::descriptorFor()).
  static constexpr std::uint8_t kMaxChannels = kAppMaxChannels;
  static_assert(kAppDescriptorDims <= kCapacity.maxDims, "descriptors beyond the kernel's dims");
  /// \brief Sample frames per Samples message (32 ms at 1 kHz; docs/protocol.md §7).
  static constexpr std::uint32_t kBatchFrames = 32;
  /// \brief Longest event window (the descriptor's maxFrames).
  static constexpr std::uint32_t kWindowFrames = kEventWindowFrames;
  /// \brief Frames of InjectSamples queued ahead of the stream.
  static constexpr std::uint32_t kInjectFrames = 512;
  /// \brief Frames taken from the port per pullSamples() call.
  static constexpr std::uint32_t kPullFrames = 32;
  /// \brief Bytes read from the port per readSerial() call.
  static constexpr std::size_t kRxChunk = 256;
  /// \brief TX space kept free for command replies: sample frames never take it.
  static constexpr std::size_t kReplyReserve = 1200;

  /// \brief Set up the app on \p port with the network carved from \p arena (kArenaBytes,
  /// aligned to 16). Loads the newest valid stored model. False if the arena is too small
  /// or the board's sample format is unsupported.
  bool init(BoardPort& port, void* arena, std::size_t arenaSize);
  /// \brief One pass of the main loop: serial in, samples, events, serial out.
  void poll();

  /// \brief True once init() succeeded.
  bool ready() const { return m_port != nullptr; }
  /// \brief True while a studio session is open (streaming).
  bool streaming() const { return m_session; }
  /// \brief Index of the next sample frame.
  std::uint32_t sampleIndex() const { return m_sampleIndex; }
  const AppCounters& counters() const { return m_counters; }
  const protocol::DecoderStats& decoderStats() const { return m_decoder.stats(); }
  const Network& network() const { return m_network; }
  /// \brief Identity of the running model (see ModelStore::identity()).
  ModelIdentity modelIdentity() { return m_store.identity(m_network, m_names); }
  /// \brief The front-end computing this board's descriptors (from BoardDescription::frontEnd).
  const FrontEndConfig& frontEnd() const { return m_frontEndConfig; }
  std::uint32_t uptimeMs() const { return static_cast<std::uint32_t>(m_uptimeUs / 1000u); }

private:
  // firmware_app.cpp: boot, samples, events, transmission.
  void boot();
  /// The known-set scales of a network starting empty: the descriptor prior.
  void startKnownScales();
  /// The front-end \p board asks for, checked against this build; logs why when it cannot run.
  bool chooseFrontEnd(BoardPort& port, const BoardDescription& board);
  /// Lowest protocol version this board speaks: a front-end other than motion needs Hello's
  /// front-end block (protocol::kFrontEndProtocolVersion).
  std::uint8_t minProtocolVersion() const;
  void updateClock();
  void receive();
  void pumpSamples();
  void processFrames(const std::int16_t* frames, std::uint32_t count);
  void appendToBatch(const std::int16_t* frames, std::uint32_t count);
  void flushBatch();
  void onEvent();
  std::uint8_t requestedGestureOf(std::uint32_t startSample, std::uint32_t frames) const;
  void sendEvent(const StoredEvent& e);
  void sendLog(BoardLogLevel level, const char* text);
  template <typename M>
  bool send(const M& message, std::size_t reserve, std::uint8_t version);
  bool sendPayload(protocol::MessageType type, std::size_t length, std::size_t reserve,
                   std::uint8_t version);
  std::uint32_t nowMs() const { return uptimeMs(); }

  // firmware_commands.cpp: HelloRequest and Command handling.
  void handleFrame(const protocol::FrameView& frame);
  void handleHello(const protocol::FrameView& frame);
  void handleCommand(const protocol::FrameView& frame);
  protocol::Ack execute(const protocol::Command& c);
  protocol::Ack setTrigger(const protocol::TriggerSettings& t);
  protocol::Ack setRejection(float share);
  protocol::Ack setSpontaneousGestures(float ratePerMinute);
  protocol::Ack labelEvent(const protocol::LabelEventArgs& args);
  protocol::Ack injectSamples(const protocol::InjectSamplesArgs& args);
  protocol::Ack pullChunk(const protocol::ModelPullChunkArgs& args);
  void sendAck(const protocol::Ack& ack);
  void sendHello();
  void sendStatus();
  void configureTrigger(const TriggerConfig& config);

  BoardPort* m_port = nullptr;
  BoardDescription m_board;
  FrontEndConfig m_frontEndConfig;
  AppFrontEnd m_frontEnd;
  Network m_network;
  ClassName m_names[kCapacity.maxClasses];
  ModelStore m_store;
  BasicEventDetector<kMaxChannels> m_detector;  // its ring also serves as the event window
  EventRing m_events;
  TxQueue m_tx;
  protocol::FrameDecoder m_decoder;
  protocol::AckCache m_acks;
  protocol::LinkMonitor m_link;
  AppCounters m_counters;

  // Session.
  bool m_session = false;
  std::uint8_t m_version = protocol::kProtocolVersion;
  std::uint16_t m_txSeq = 0;
  bool m_resetPending = false;

  // Clock.
  std::uint32_t m_lastMicros = 0;
  std::uint64_t m_uptimeUs = 0;
  std::uint32_t m_lastLearnUs = 0;
  std::uint32_t m_lastPredictUs = 0;

  // Sample stream.
  std::uint32_t m_sampleIndex = 0;
  std::uint32_t m_detectorBase = 0;  // stream index of the detector's frame 0
  std::uint32_t m_nextEventId = 1;
  protocol::Samples m_batch;
  std::int16_t m_pull[kPullFrames * kMaxChannels] = {};
  std::int16_t m_inject[kInjectFrames * kMaxChannels] = {};
  std::uint32_t m_injectHead = 0;   // frame slot of the oldest injected frame
  std::uint32_t m_injectCount = 0;  // injected frames waiting
  bool m_injectedSeen = false;        // some injected frame entered the stream since boot
  std::uint32_t m_lastInjectedEnd = 0;  // stream index just after the last injected frame

  // Serial in and message encoding (members, not stack: fixed and visible in the map file).
  std::uint8_t m_rx[kRxChunk] = {};
  std::size_t m_rxPos = 0;
  std::size_t m_rxLength = 0;
  protocol::Command m_command;
  protocol::ModelData m_modelData;
  std::uint8_t m_payload[protocol::kMaxPayload] = {};
  std::uint8_t m_wire[protocol::kMaxWireFrame] = {};
};

} // namespace dlm::firmware
