#include "core/protocol/types.h"

namespace dlm {
namespace protocol {

bool isValidMessageType(std::uint8_t value) {
  return value >= static_cast<std::uint8_t>(MessageType::HelloRequest) &&
         value <= static_cast<std::uint8_t>(MessageType::Log);
}

bool isVersionStable(MessageType type) {
  return type == MessageType::HelloRequest || type == MessageType::Hello ||
         type == MessageType::Ack || type == MessageType::Log;
}

bool isValidCommandId(std::uint8_t value) {
  return value >= static_cast<std::uint8_t>(CommandId::SetTrigger) &&
         value <= static_cast<std::uint8_t>(CommandId::SetSpontaneousGestures);
}

bool isValidAckCode(std::uint8_t value) {
  return value <= static_cast<std::uint8_t>(AckCode::InternalError);
}

const char* ackCodeText(AckCode code) {
  switch (code) {
  case AckCode::Ok: return "ok";
  case AckCode::UnknownCommand: return "unknown command";
  case AckCode::BadArguments: return "bad arguments";
  case AckCode::Busy: return "busy";
  case AckCode::OutOfOrder: return "out of order";
  case AckCode::CrcMismatch: return "CRC mismatch";
  case AckCode::TooLarge: return "too large";
  case AckCode::NoSuchEvent: return "no such event";
  case AckCode::NotSupported: return "not supported";
  case AckCode::InternalError: return "internal error";
  }
  return "unknown ack code";
}

} // namespace protocol
} // namespace dlm
