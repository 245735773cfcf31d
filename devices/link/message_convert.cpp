#include "devices/link/message_convert.h"

#include <QCoreApplication>

#include <cmath>
#include <cstring>

namespace dlm {
namespace link {

namespace {

// Fixed-size protocol text fields are NUL-terminated (the decoders check it).
QString fieldText(const char* field, std::size_t size) {
  return QString::fromUtf8(field, static_cast<qsizetype>(strnlen(field, size)));
}

bool fitsU16(int value) { return value >= 0 && value <= 0xFFFF; }

TriggerConfig toTriggerConfig(const protocol::TriggerSettings& t) {
  TriggerConfig c;
  c.threshold = t.threshold;
  c.preTriggerFrames = t.preTriggerFrames;
  c.holdOffFrames = t.holdOffFrames;
  c.minFrames = t.minFrames;
  c.maxFrames = t.maxFrames;
  return c;
}

} // namespace

BoardInfo toBoardInfo(const protocol::Hello& hello, const QString& portName, int version) {
  BoardInfo info;
  info.portName = portName;
  info.boardName = fieldText(hello.boardName, sizeof hello.boardName);
  info.firmwareVersion = fieldText(hello.firmwareVersion, sizeof hello.firmwareVersion);
  info.coreVersion = fieldText(hello.coreVersion, sizeof hello.coreVersion);
  info.protocolVersion = version;
  info.maxNeurons = hello.capacity.maxNeurons;
  info.maxDims = hello.capacity.maxDims;
  info.maxLayers = hello.capacity.maxLayers;
  info.maxClasses = hello.capacity.maxClasses;
  info.maxEvents = hello.capacity.maxEvents;
  info.maxDeepNeurons = hello.capacity.maxDeepNeurons != 0 ? hello.capacity.maxDeepNeurons
                                                           : hello.capacity.maxNeurons;
  info.sampleRateHz = hello.sampleRateHz;
  info.channels = hello.channels;
  info.descriptorDims = hello.descriptorDims;
  info.modelCrc = hello.modelCrc;
  info.modelBytes = hello.modelBytes;
  info.neurons = hello.neurons;
  info.depth = hello.depth;
  info.modelCapacity = hello.modelCapacity;
  info.frontEnd = hello.frontEnd;
  return info;
}

BoardEvent toBoardEvent(const protocol::Event& event) {
  BoardEvent e;
  e.id = event.eventId;
  e.startSample = event.startSample;
  e.frames = event.frames;
  e.predictedClass = event.predictedClass;
  e.bestClass = event.bestClass;
  e.confidence = event.confidence;
  e.knownScore = event.knownScore;
  e.learned = (event.flags & protocol::kEventLearned) != 0;
  e.label = (event.flags & protocol::kEventHasLabel) != 0 ? event.label : -1;
  e.descriptor.resize(event.dims);
  for (int i = 0; i < event.dims; ++i) e.descriptor[i] = event.descriptor[i];
  e.requestedGesture =
      event.requestedGesture == protocol::kNoGesture ? -1 : int(event.requestedGesture);
  return e;
}

BoardStatus toBoardStatus(const protocol::BoardStatus& status) {
  BoardStatus s;
  s.modelCrc = status.modelCrc;
  s.modelBytes = status.modelBytes;
  s.neurons = status.neurons;
  s.depth = status.depth;
  s.freeNeurons = status.freeNeurons;
  s.eventsLearned = status.eventsLearned;
  s.lastLearnUs = status.lastLearnUs;
  s.lastPredictUs = status.lastPredictUs;
  s.framesOk = status.framesOk;
  s.frameErrors = status.frameErrors;
  s.uptimeMs = status.uptimeMs;
  s.trigger = toTriggerConfig(status.trigger);
  s.rejectionThreshold = status.rejectionThreshold;
  return s;
}

LogLevel toLogLevel(protocol::LogLevel level) {
  switch (level) {
  case protocol::LogLevel::Debug: return LogLevel::Debug;
  case protocol::LogLevel::Info: return LogLevel::Info;
  case protocol::LogLevel::Warning: return LogLevel::Warning;
  case protocol::LogLevel::Error: return LogLevel::Error;
  }
  return LogLevel::Info;
}

QString ackCodeWords(protocol::AckCode code) {
  using protocol::AckCode;
  const char* text = nullptr;
  switch (code) {
  case AckCode::Ok: text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "ok"); break;
  case AckCode::UnknownCommand:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the board does not know this command");
    break;
  case AckCode::BadArguments:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "an argument is out of range for this board");
    break;
  case AckCode::Busy: text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the board is busy"); break;
  case AckCode::OutOfOrder:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the transfer is out of step");
    break;
  case AckCode::CrcMismatch:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the CRC-32 check failed");
    break;
  case AckCode::TooLarge:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the data is too large for this board");
    break;
  case AckCode::NoSuchEvent:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the board no longer holds this event");
    break;
  case AckCode::NotSupported:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "this board does not support this command");
    break;
  case AckCode::InternalError:
    text = QT_TRANSLATE_NOOP("dlm::link::AckCode", "the board failed internally");
    break;
  }
  if (text == nullptr) return QCoreApplication::translate("dlm::link::AckCode", "unknown reply");
  return QCoreApplication::translate("dlm::link::AckCode", text);
}

bool toTriggerSettings(const TriggerConfig& config, protocol::TriggerSettings& out) {
  if (!std::isfinite(config.threshold) || config.threshold < 0.0f) return false;
  if (!fitsU16(config.preTriggerFrames) || !fitsU16(config.holdOffFrames) ||
      !fitsU16(config.minFrames) || !fitsU16(config.maxFrames))
    return false;
  if (config.minFrames < 1 || config.minFrames > config.maxFrames) return false;
  out.threshold = config.threshold;
  out.preTriggerFrames = static_cast<std::uint16_t>(config.preTriggerFrames);
  out.holdOffFrames = static_cast<std::uint16_t>(config.holdOffFrames);
  out.minFrames = static_cast<std::uint16_t>(config.minFrames);
  out.maxFrames = static_cast<std::uint16_t>(config.maxFrames);
  return true;
}

} // namespace link
} // namespace dlm
