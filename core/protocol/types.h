#pragma once

// Constants and enumerations of the studio <-> board wire protocol (docs/protocol.md).
// Numeric values are part of the wire format: never renumber, only append.

#include <cstddef>
#include <cstdint>

namespace dlm {
namespace protocol {

/// \brief Highest protocol version this library speaks (the frame header's version byte).
constexpr std::uint8_t kProtocolVersion = 5;
/// \brief Lowest protocol version this library still speaks. Versions 2 to 5 differ only by
/// additions (an Event field, a command, Hello fields), so all are spoken; version 1 is not:
/// its Status is shorter and its Event knownScore is in another unit (docs/protocol.md §5.4).
constexpr std::uint8_t kMinProtocolVersion = 2;
/// \brief First version whose Hello names the board's front-end (issue 13). A board whose
/// front-end is not motion speaks no lower: an older studio would take its descriptors for
/// motion ones.
constexpr std::uint8_t kFrontEndProtocolVersion = 5;

/// \brief Largest payload a frame may carry, in bytes.
constexpr std::size_t kMaxPayload = 1024;
/// \brief Largest model chunk carried by ModelChunk / ModelData / ModelPullChunk.
constexpr std::size_t kMaxModelChunk = 512;

/// \brief What a frame's payload holds.
enum class MessageType : std::uint8_t {
  HelloRequest = 1,  ///< studio -> board: start of a session, versions the studio speaks
  Hello = 2,         ///< board -> studio: identity, capacity, model
  Samples = 3,       ///< board -> studio: raw sample stream
  Event = 4,         ///< board -> studio: a detected event and its prediction
  Command = 5,       ///< studio -> board: one CommandId and its arguments
  Ack = 6,           ///< board -> studio: outcome of one command
  ModelData = 7,     ///< board -> studio: one chunk of a model pull
  Status = 8,        ///< board -> studio: counters, timings and settings
  Log = 9,           ///< board -> studio: a line of text for the user
};

/// \brief True for the values MessageType defines.
bool isValidMessageType(std::uint8_t value);

/// \brief True for the types whose layout is frozen in every protocol version (HelloRequest,
/// Hello's two leading version bytes, Ack, Log). Frames of these types are delivered even when
/// their version differs, so that two peers that cannot talk can still say so.
bool isVersionStable(MessageType type);

/// \brief The command a Command message carries.
enum class CommandId : std::uint8_t {
  None = 0,  ///< never sent; echoed in an Ack that answers something other than a command
  SetTrigger = 1,
  LabelEvent = 2,
  ForgetEvent = 3,
  PerformGesture = 4,
  GetStatus = 5,
  ModelPushBegin = 6,
  ModelChunk = 7,
  ModelActivate = 8,
  ModelPullBegin = 9,
  ModelPullChunk = 10,
  InjectSamples = 11,
  Heartbeat = 12,
  Reset = 13,
  SetRejection = 14,  ///< since version 2
  SetSpontaneousGestures = 15,  ///< since version 3; emulated boards only
};

/// \brief True for the values a Command may carry (CommandId::None excluded).
bool isValidCommandId(std::uint8_t value);

/// \brief Outcome of a command, carried by Ack.
enum class AckCode : std::uint8_t {
  Ok = 0,
  UnknownCommand = 1,  ///< the command id is not one this board knows
  BadArguments = 2,    ///< the payload failed strict decoding or an argument is out of range
  Busy = 3,            ///< try again later (e.g. a pull while a push is staged)
  OutOfOrder = 4,      ///< model chunk offset not the expected one; value = expected offset
  CrcMismatch = 5,     ///< whole-model CRC differs from the declared one
  TooLarge = 6,        ///< model larger than the board can stage; value = capacity
  NoSuchEvent = 7,     ///< the event id is not (or no longer) known to the board
  NotSupported = 8,    ///< valid command the board cannot perform (or no common version)
  InternalError = 9,   ///< the board failed for a reason of its own (e.g. model rejected)
};

/// \brief True for the values AckCode defines.
bool isValidAckCode(std::uint8_t value);

/// \brief A short English name for an ack code, e.g. "out of order". Never null.
const char* ackCodeText(AckCode code);

/// \brief Severity of a Log message.
enum class LogLevel : std::uint8_t { Debug = 0, Info = 1, Warning = 2, Error = 3 };

} // namespace protocol
} // namespace dlm
