#pragma once

// Typed messages of the wire protocol. Each has encode() into a caller-owned payload buffer
// (returns the bytes written, 0 if the message is invalid or does not fit; every valid
// message is at least one byte) and a strict static decode() that accepts exactly the bytes
// encode() produces for a valid message: exact lengths, enums and ranges checked, string
// fields NUL-terminated within their fixed size and zero-padded. Layouts: docs/protocol.md.

#include <cstddef>
#include <cstdint>

#include "core/descriptor.h"
#include "core/front_end.h"
#include "core/protocol/frame.h"
#include "core/protocol/types.h"

namespace dlm {
namespace protocol {

/// \brief Size of the board name field, terminator included.
constexpr std::size_t kBoardNameSize = 24;
/// \brief Size of a version text field ("1.2.3-rc1"), terminator included.
constexpr std::size_t kVersionTextSize = 16;
/// \brief Most channels a sample stream may have.
constexpr std::size_t kMaxChannels = 16;
/// \brief Most int16 values (frames x channels) in one Samples message.
constexpr std::size_t kMaxSampleValues = (kMaxPayload - 6) / 2;
/// \brief Most int16 values (frames x channels) in one InjectSamples command.
constexpr std::size_t kMaxInjectValues = (kMaxPayload - 3) / 2;
/// \brief Longest event descriptor carried by an Event (dlm::kMaxDescriptorDims).
constexpr std::size_t kMaxDescriptorDims = static_cast<std::size_t>(dlm::kMaxDescriptorDims);
/// \brief Longest Log text in bytes (UTF-8), terminator excluded.
constexpr std::size_t kMaxLogText = 120;
/// \brief Event::requestedGesture when no requested gesture caused the event (real sensors,
/// spontaneous demo gestures, version 2 sessions).
constexpr std::uint8_t kNoGesture = 0xFF;
/// \brief Highest rate SetSpontaneousGestures accepts: one gesture a tenth of a second.
constexpr float kMaxSpontaneousRate = 600.0f;

/// \brief studio -> board: opens a session with the protocol versions the studio speaks.
struct HelloRequest {
  static constexpr MessageType kType = MessageType::HelloRequest;
  std::uint8_t version = kProtocolVersion;        ///< highest version the studio speaks
  std::uint8_t minVersion = kMinProtocolVersion;  ///< lowest version the studio accepts

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, HelloRequest& out);
};

/// \brief The two leading bytes (highest, lowest version) that HelloRequest and Hello share
/// in every protocol version; reads a peer of any version. False if they are inconsistent.
bool decodeHandshakeVersions(const std::uint8_t* payload, std::size_t length,
                             std::uint8_t& version, std::uint8_t& minVersion);

/// \brief Kernel capacity a board was built with (see dlm::Capacity).
struct BoardCapacity {
  std::uint16_t maxNeurons = 0;
  std::uint16_t maxDims = 0;
  std::uint8_t maxLayers = 0;
  std::uint8_t maxClasses = 0;
  std::uint32_t maxEvents = 0;
  std::uint16_t maxDeepNeurons = 0;  ///< neurons per layer after the first; 0: maxNeurons
};

/// \brief board -> studio: identity, capacity, stream format and active model.
struct Hello {
  static constexpr MessageType kType = MessageType::Hello;
  std::uint8_t version = kProtocolVersion;        ///< highest version the board speaks
  std::uint8_t minVersion = kMinProtocolVersion;  ///< lowest version the board accepts
  char boardName[kBoardNameSize] = {};
  char firmwareVersion[kVersionTextSize] = {};
  char coreVersion[kVersionTextSize] = {};
  BoardCapacity capacity;
  std::uint16_t sampleRateHz = 0;   ///< at least 1
  std::uint8_t channels = 0;        ///< 1..kMaxChannels
  std::uint16_t descriptorDims = 0; ///< at most capacity.maxDims
  std::uint32_t modelCrc = 0;       ///< identity of the active model (0 when none)
  std::uint32_t modelBytes = 0;     ///< size of the active model (0 when none)
  std::uint16_t neurons = 0;
  std::uint8_t depth = 0;           ///< at most capacity.maxLayers
  /// Since version 4: the largest model the board can store, in bytes (what ModelPushBegin
  /// accepts); 0 when the board has no model storage. Read as 0 in a version 2 or 3 session.
  std::uint32_t modelCapacity = 0;
  /// Since version 5: the front-end that computes the board's event descriptors (a 32-byte
  /// block, dlm::encodeFrontEnd()); its channels and dims are \c channels and
  /// \c descriptorDims, and a spectral one reads the stream at \c sampleRateHz. Read as
  /// the motion front-end of \c channels (dlm::descriptorFor() within maxDims) before 5.
  FrontEndConfig frontEnd;

  /// \brief Encode in the layout of protocol \p sessionVersion (before 4: no modelCapacity;
  /// before 5: no frontEnd).
  std::size_t encode(std::uint8_t* payload, std::size_t cap,
                     std::uint8_t sessionVersion = kProtocolVersion) const;
  /// \brief Decode the layout of protocol \p sessionVersion (before 4: modelCapacity = 0;
  /// before 5: frontEnd motion).
  static bool decode(const std::uint8_t* payload, std::size_t length, Hello& out,
                     std::uint8_t sessionVersion = kProtocolVersion);
};

/// \brief board -> studio: consecutive frames of interleaved int16 samples.
struct Samples {
  static constexpr MessageType kType = MessageType::Samples;
  std::uint32_t firstSample = 0;  ///< index of the first frame in the board's stream
  std::uint8_t channels = 0;      ///< 1..kMaxChannels
  std::uint8_t frames = 0;        ///< at least 1; frames x channels <= kMaxSampleValues
  std::int16_t data[kMaxSampleValues] = {};  ///< frame-major: data[f * channels + c]

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, Samples& out);
};

/// \brief Bits of Event::flags.
enum EventFlag : std::uint8_t {
  kEventLearned = 0x01,   ///< the board learned this event (it carried a label)
  kEventHasLabel = 0x02,  ///< Event::label is meaningful
};

/// \brief board -> studio: one detected event, its prediction and its descriptor.
struct Event {
  static constexpr MessageType kType = MessageType::Event;
  std::uint32_t eventId = 0;
  std::uint32_t startSample = 0;
  std::uint16_t frames = 0;             ///< at least 1
  std::int16_t predictedClass = -1;     ///< -1: rejected as unknown
  std::int16_t bestClass = -1;          ///< class the readout favours, even when rejected
  float confidence = 0.0f;              ///< in [0, 1]
  float knownScore = 0.0f;              ///< finite
  std::uint8_t flags = 0;               ///< EventFlag bits only
  std::int16_t label = -1;              ///< >= 0 with kEventHasLabel, else -1
  std::uint16_t dims = 0;               ///< 0..kMaxDescriptorDims
  float descriptor[kMaxDescriptorDims] = {};  ///< finite values
  /// Since version 3: the PerformGesture id whose gesture the board was playing when this
  /// event was detected, or kNoGesture. Lets the studio suggest a tag from fact, not timing.
  std::uint8_t requestedGesture = kNoGesture;

  /// \brief Encode in the layout of protocol \p version (2 has no requestedGesture byte).
  std::size_t encode(std::uint8_t* payload, std::size_t cap,
                     std::uint8_t version = kProtocolVersion) const;
  /// \brief Decode the layout of protocol \p version (2: requestedGesture = kNoGesture).
  static bool decode(const std::uint8_t* payload, std::size_t length, Event& out,
                     std::uint8_t version = kProtocolVersion);
};

/// \brief Energy-trigger settings of the board's event detector.
struct TriggerSettings {
  float threshold = 0.0f;            ///< finite, >= 0
  std::uint16_t preTriggerFrames = 0;
  std::uint16_t holdOffFrames = 0;
  std::uint16_t minFrames = 1;       ///< >= 1
  std::uint16_t maxFrames = 1;       ///< >= minFrames
};

/// \brief The trigger a board starts with, and what the studio assumes until a board reports
/// its own: 600 counts of RMS energy, 100 frames of pre-trigger, 150 quiet frames to end an
/// event, windows of 120 to kEventWindowFrames frames (at 1 kHz: a tap to a slow circle). The
/// one definition: the firmware's detector, the importer, the studio's settings and its live
/// plot all start from it.
constexpr TriggerSettings kDefaultTrigger = {600.0f, 100, 150, 120,
                                             static_cast<std::uint16_t>(kEventWindowFrames)};

/// \brief Arguments of CommandId::LabelEvent.
struct LabelEventArgs {
  std::uint32_t eventId;
  std::uint8_t classIndex;
};
/// \brief Arguments of CommandId::ModelPushBegin.
struct ModelPushBeginArgs {
  std::uint32_t totalBytes;  ///< >= 1
  std::uint32_t crc;         ///< CRC-32 of all totalBytes bytes
};
/// \brief Arguments of CommandId::ModelChunk. The data length is implied by the payload.
struct ModelChunkArgs {
  std::uint32_t offset;
  std::uint16_t length;  ///< 1..kMaxModelChunk
  std::uint8_t data[kMaxModelChunk];
};
/// \brief Arguments of CommandId::ModelPullChunk.
struct ModelPullChunkArgs {
  std::uint32_t offset;
  std::uint16_t length;  ///< 1..kMaxModelChunk
};
/// \brief Arguments of CommandId::InjectSamples.
struct InjectSamplesArgs {
  std::uint8_t channels;  ///< 1..kMaxChannels
  std::uint8_t frames;    ///< >= 1, frames x channels <= kMaxInjectValues
  std::int16_t data[kMaxInjectValues];
};

/// \brief studio -> board: a CommandId and its arguments. Only the member of \c args that
/// \c id names is meaningful (GetStatus, ModelPullBegin, Heartbeat and Reset have none).
struct Command {
  static constexpr MessageType kType = MessageType::Command;
  CommandId id = CommandId::Heartbeat;
  union Args {
    TriggerSettings setTrigger;
    LabelEventArgs labelEvent;
    std::uint32_t forgetEventId;
    std::uint8_t gesture;       ///< PerformGesture
    ModelPushBeginArgs modelPushBegin;
    ModelChunkArgs modelChunk;
    std::uint32_t activateCrc;  ///< ModelActivate: CRC-32 of the staged model
    ModelPullChunkArgs modelPullChunk;
    InjectSamplesArgs injectSamples;
    /// SetRejection: the rejection threshold, in [0, 1]: the estimated share of known events
    /// the board rejects as unknown (0 rejects nothing, 1 everything).
    float rejectionShare;
    /// SetSpontaneousGestures: mean unrequested gestures per minute, finite, in
    /// [0, kMaxSpontaneousRate]; 0 turns them off.
    float spontaneousRate;
    Args() : injectSamples() {}  // zero the largest member, hence all of the storage
  } args;

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, Command& out);
};

/// \brief board -> studio: outcome of the command sent with sequence number \c seq.
struct Ack {
  static constexpr MessageType kType = MessageType::Ack;
  std::uint16_t seq = 0;
  CommandId commandId = CommandId::None;  ///< echoed as received, even if unknown
  AckCode code = AckCode::Ok;
  std::uint32_t value = 0;  ///< per command: next expected offset, bytes, capacity, ...

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, Ack& out);
};

/// \brief board -> studio: one chunk of a model pull, self-describing so the studio can
/// stage and verify it exactly as the board does a push.
struct ModelData {
  static constexpr MessageType kType = MessageType::ModelData;
  std::uint32_t offset = 0;
  std::uint32_t totalBytes = 0;  ///< size of the snapshot being pulled
  std::uint32_t crc = 0;         ///< CRC-32 of the whole snapshot
  std::uint16_t length = 0;      ///< 1..kMaxModelChunk; offset + length <= totalBytes
  std::uint8_t data[kMaxModelChunk] = {};

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, ModelData& out);
};

/// \brief board -> studio: counters, timings and settings (the Status message; named so as
/// not to collide with dlm::Status).
struct BoardStatus {
  static constexpr MessageType kType = MessageType::Status;
  std::uint32_t modelCrc = 0;
  std::uint32_t modelBytes = 0;
  std::uint16_t neurons = 0;
  std::uint8_t depth = 0;
  std::uint16_t freeNeurons = 0;
  std::uint32_t eventsLearned = 0;
  std::uint32_t lastLearnUs = 0;
  std::uint32_t lastPredictUs = 0;
  std::uint32_t framesOk = 0;     ///< frames the board decoded
  std::uint32_t frameErrors = 0;  ///< frames the board rejected (CRC, COBS, size, version)
  std::uint32_t uptimeMs = 0;
  TriggerSettings trigger;
  float rejectionThreshold = 0.0f;  ///< in force on the board, in [0, 1] (see SetRejection)

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, BoardStatus& out);
};

/// \brief board -> studio: a line of text for the user.
struct Log {
  static constexpr MessageType kType = MessageType::Log;
  LogLevel level = LogLevel::Info;
  char text[kMaxLogText + 1] = {};  ///< NUL-terminated; no NUL inside on the wire

  std::size_t encode(std::uint8_t* payload, std::size_t cap) const;
  static bool decode(const std::uint8_t* payload, std::size_t length, Log& out);
};

/// \brief Encode \p message's payload in the layout of protocol \p version. Only Event's and
/// Hello's layouts differ between the versions spoken; the others ignore \p version.
template <typename M>
std::size_t encodePayload(const M& message, std::uint8_t* payload, std::size_t cap,
                          std::uint8_t version) {
  static_cast<void>(version);
  return message.encode(payload, cap);
}
/// \brief Event: the layout of \p version.
inline std::size_t encodePayload(const Event& message, std::uint8_t* payload, std::size_t cap,
                                 std::uint8_t version) {
  return message.encode(payload, cap, version);
}
/// \brief Hello: the layout of \p version.
inline std::size_t encodePayload(const Hello& message, std::uint8_t* payload, std::size_t cap,
                                 std::uint8_t version) {
  return message.encode(payload, cap, version);
}

/// \brief Encode \p message as a complete wire frame (delimiter included) into \p out.
/// Returns the bytes written, or 0 if the message is invalid or \p cap too small
/// (kMaxWireFrame always suffices). Uses kMaxPayload bytes of stack.
template <typename M>
std::size_t encodeMessage(const M& message, std::uint16_t seq, std::uint8_t* out,
                          std::size_t cap, std::uint8_t version = kProtocolVersion) {
  std::uint8_t payload[kMaxPayload];
  const std::size_t n = encodePayload(message, payload, sizeof payload, version);
  if (n == 0) return 0;
  return encodeFrame(M::kType, seq, payload, n, out, cap, version);
}

/// \brief Decode \p frame as an M: false if its type is not M's or its payload is invalid.
template <typename M>
bool decodeMessage(const FrameView& frame, M& out) {
  return frame.type == M::kType && M::decode(frame.payload, frame.length, out);
}
/// \brief Event: decoded in the layout of the frame's version.
inline bool decodeMessage(const FrameView& frame, Event& out) {
  return frame.type == Event::kType &&
         Event::decode(frame.payload, frame.length, out, frame.version);
}
/// \brief Hello: decoded in the layout of the frame's version.
inline bool decodeMessage(const FrameView& frame, Hello& out) {
  return frame.type == Hello::kType &&
         Hello::decode(frame.payload, frame.length, out, frame.version);
}

} // namespace protocol
} // namespace dlm
