#include "core/protocol/model_transfer.h"

#include <cstring>

#include "core/crc32.h"

namespace dlm {
namespace protocol {

namespace {

TransferReply reply(AckCode code, std::uint32_t value) {
  TransferReply r;
  r.code = code;
  r.value = value;
  return r;
}

std::uint32_t clampToU32(std::size_t n) {
  return n > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(n);
}

} // namespace

void ModelReceiver::setStaging(std::uint8_t* staging, std::size_t capacity) {
  m_staging = staging;
  m_capacity = staging != nullptr ? capacity : 0;
  abort();
}

void ModelReceiver::abort() {
  m_total = 0;
  m_crc = 0;
  m_expected = 0;
  m_state = State::Idle;
}

TransferReply ModelReceiver::begin(std::uint32_t totalBytes, std::uint32_t crc) {
  if (totalBytes == 0) return reply(AckCode::BadArguments, 0);
  if (totalBytes > m_capacity) return reply(AckCode::TooLarge, clampToU32(m_capacity));
  // The same transfer again is a resume (the sender lost track after an interruption):
  // keep what is staged and tell it where to continue.
  if (m_state != State::Idle && totalBytes == m_total && crc == m_crc)
    return reply(AckCode::Ok, m_expected);
  m_total = totalBytes;
  m_crc = crc;
  m_expected = 0;
  m_state = State::Receiving;
  return reply(AckCode::Ok, 0);
}

TransferReply ModelReceiver::chunk(std::uint32_t offset, const std::uint8_t* data,
                                   std::size_t length) {
  if (m_state == State::Idle) return reply(AckCode::OutOfOrder, kNoTransfer);
  if (m_state == State::Complete || offset != m_expected)
    return reply(AckCode::OutOfOrder, m_expected);
  if (data == nullptr || length == 0 || length > m_total - m_expected)
    return reply(AckCode::BadArguments, m_expected);
  std::memcpy(m_staging + m_expected, data, length);
  m_expected += static_cast<std::uint32_t>(length);
  return reply(AckCode::Ok, m_expected);
}

TransferReply ModelReceiver::finish(std::uint32_t crc) {
  if (m_state == State::Idle) return reply(AckCode::OutOfOrder, kNoTransfer);
  if (m_expected != m_total) return reply(AckCode::OutOfOrder, m_expected);
  if (crc != m_crc) return reply(AckCode::CrcMismatch, m_crc);
  if (m_state == State::Complete) return reply(AckCode::Ok, m_total);  // a repeated finish
  // Recomputed over the staging buffer itself: what gets activated is what was verified.
  const std::uint32_t actual = crc32(m_staging, m_total);
  if (actual != m_crc) {
    abort();
    return reply(AckCode::CrcMismatch, actual);
  }
  m_state = State::Complete;
  return reply(AckCode::Ok, m_total);
}

ModelSender::ModelSender(const std::uint8_t* model, std::uint32_t size, std::uint16_t chunkSize)
    : m_model(model), m_size(model != nullptr ? size : 0), m_crc(0),
      m_chunk(chunkSize >= 1 && chunkSize <= kMaxModelChunk
                  ? chunkSize
                  : static_cast<std::uint16_t>(kMaxModelChunk)) {
  m_crc = m_size != 0 ? crc32(m_model, m_size) : 0;
}

ChunkView ModelSender::next() const {
  ChunkView view;
  view.offset = m_offset;
  if (done()) return view;
  const std::uint32_t left = m_size - m_offset;
  view.data = m_model + m_offset;
  view.length = left < m_chunk ? static_cast<std::uint16_t>(left) : m_chunk;
  return view;
}

bool ModelSender::resumeFrom(std::uint32_t offset) {
  if (offset > m_size) return false;
  m_offset = offset;
  return true;
}

bool ModelSender::onAck(AckCode code, std::uint32_t value) {
  if (code != AckCode::Ok && code != AckCode::OutOfOrder) return false;
  if (code == AckCode::OutOfOrder && value == kNoTransfer) {
    m_needsBegin = true;
    return true;
  }
  if (!resumeFrom(value)) return false;
  m_needsBegin = false;
  return true;
}

void ModelSender::makeBegin(Command& out) const {
  out.id = CommandId::ModelPushBegin;
  out.args.modelPushBegin.totalBytes = m_size;
  out.args.modelPushBegin.crc = m_crc;
}

bool ModelSender::makeChunk(Command& out) const {
  const ChunkView view = next();
  if (view.length == 0) return false;
  out.id = CommandId::ModelChunk;
  out.args.modelChunk.offset = view.offset;
  out.args.modelChunk.length = view.length;
  std::memcpy(out.args.modelChunk.data, view.data, view.length);
  return true;
}

void ModelSender::makeActivate(Command& out) const {
  out.id = CommandId::ModelActivate;
  out.args.activateCrc = m_crc;
}

bool ModelSender::makeModelData(std::uint32_t offset, std::uint16_t length,
                                ModelData& out) const {
  if (offset >= m_size || length == 0 || length > kMaxModelChunk) return false;
  const std::uint32_t left = m_size - offset;
  out.offset = offset;
  out.totalBytes = m_size;
  out.crc = m_crc;
  out.length = left < length ? static_cast<std::uint16_t>(left) : length;
  std::memcpy(out.data, m_model + offset, out.length);
  return true;
}

} // namespace protocol
} // namespace dlm
