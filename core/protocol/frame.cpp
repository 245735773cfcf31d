#include "core/protocol/frame.h"

#include "core/crc32.h"

namespace dlm {
namespace protocol {

namespace {

std::uint16_t readU16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::uint32_t readU32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
  return v;
}

bool speaks(std::uint8_t version) {
  return version >= kMinProtocolVersion && version <= kProtocolVersion;
}

} // namespace

std::size_t encodeFrame(MessageType type, std::uint16_t seq, const std::uint8_t* payload,
                        std::size_t length, std::uint8_t* out, std::size_t cap,
                        std::uint8_t version) {
  if (length > kMaxPayload || (length != 0 && payload == nullptr) || out == nullptr || cap < 2)
    return 0;
  const std::uint8_t header[kFrameHeaderSize] = {
      version,
      static_cast<std::uint8_t>(type),
      static_cast<std::uint8_t>(seq),
      static_cast<std::uint8_t>(seq >> 8),
      static_cast<std::uint8_t>(length),
      static_cast<std::uint8_t>(length >> 8)};
  std::uint32_t crc = crc32(header, sizeof header);
  if (length != 0) crc = crc32(payload, length, crc);
  std::uint8_t trailer[kFrameCrcSize];
  for (std::size_t i = 0; i < kFrameCrcSize; ++i)
    trailer[i] = static_cast<std::uint8_t>(crc >> (8 * i));

  // Encode straight into the caller's buffer, keeping the last byte for the delimiter.
  CobsEncoder encoder(out, cap - 1);
  encoder.put(header, sizeof header);
  encoder.put(payload, length);
  encoder.put(trailer, sizeof trailer);
  const std::size_t n = encoder.finish();
  if (n == 0) return 0;
  out[n] = 0;
  return n + 1;
}

void FrameDecoder::reset() {
  if (!m_discarding) m_stats.bytesDiscarded += static_cast<std::uint32_t>(m_frameBytes);
  clearFrame();
}

void FrameDecoder::clearFrame() {
  m_length = 0;
  m_frameBytes = 0;
  m_blockLeft = 0;
  m_blockCode = 0;
  m_discarding = false;
}

bool FrameDecoder::append(std::uint8_t byte) {
  if (m_length >= sizeof m_buffer) return false;
  m_buffer[m_length++] = byte;
  return true;
}

DecodeEvent FrameDecoder::reject(DecodeEvent why, std::uint32_t& counter) {
  ++counter;
  m_stats.bytesDiscarded += static_cast<std::uint32_t>(m_frameBytes);
  clearFrame();
  return why;
}

DecodeEvent FrameDecoder::push(std::uint8_t byte) {
  ++m_stats.bytesReceived;
  if (byte == 0) return endFrame();
  if (m_discarding) {
    ++m_stats.bytesDiscarded;
    return DecodeEvent::None;
  }
  return pushData(byte);
}

DecodeEvent FrameDecoder::pushData(std::uint8_t byte) {
  ++m_frameBytes;
  bool fits = true;
  if (m_blockLeft == 0) {
    // A code byte. The block before it, unless it was a full one, stood for a trailing zero.
    if (m_blockCode != 0 && m_blockCode != 0xFF) fits = append(0);
    m_blockCode = byte;
    m_blockLeft = static_cast<std::uint8_t>(byte - 1u);
  } else {
    fits = append(byte);
    --m_blockLeft;
  }
  if (fits) return DecodeEvent::None;
  const DecodeEvent event = reject(DecodeEvent::Oversize, m_stats.oversize);
  m_discarding = true;  // everything up to the next delimiter belongs to this frame
  return event;
}

DecodeEvent FrameDecoder::endFrame() {
  if (m_discarding) {
    ++m_stats.bytesDiscarded;
    clearFrame();
    return DecodeEvent::None;
  }
  if (m_frameBytes == 0) {
    ++m_stats.idleDelimiters;
    return DecodeEvent::None;
  }
  ++m_frameBytes;  // the delimiter belongs to the frame it ends
  if (m_blockLeft != 0) return reject(DecodeEvent::CobsError, m_stats.cobsErrors);
  if (m_length < kFrameOverhead) return reject(DecodeEvent::Malformed, m_stats.malformed);
  const std::size_t crcAt = m_length - kFrameCrcSize;
  if (crc32(m_buffer, crcAt) != readU32(m_buffer + crcAt))
    return reject(DecodeEvent::CrcError, m_stats.crcErrors);
  const std::uint16_t length = readU16(m_buffer + 4);
  if (length != m_length - kFrameOverhead) return reject(DecodeEvent::Malformed, m_stats.malformed);

  const std::uint8_t version = m_buffer[0];
  const auto type = static_cast<MessageType>(m_buffer[1]);
  if (!speaks(version)) {
    // A peer of another version: drop what we cannot read, but let the frozen handshake
    // types through so that the application can report the mismatch in words.
    if (!isVersionStable(type)) return reject(DecodeEvent::VersionMismatch, m_stats.versionMismatches);
    ++m_stats.versionMismatches;
  } else {
    ++m_stats.framesOk;
  }
  m_frame.version = version;
  m_frame.type = type;
  m_frame.seq = readU16(m_buffer + 2);
  m_frame.payload = m_buffer + kFrameHeaderSize;
  m_frame.length = length;
  m_stats.bytesAccepted += static_cast<std::uint32_t>(m_frameBytes);
  clearFrame();
  return DecodeEvent::Frame;
}

std::size_t FrameDecoder::feed(const std::uint8_t* bytes, std::size_t n, FrameHandler handler,
                               void* context) {
  if (bytes == nullptr) return 0;
  std::size_t frames = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (push(bytes[i]) != DecodeEvent::Frame) continue;
    ++frames;
    if (handler != nullptr) handler(context, m_frame);
  }
  return frames;
}

} // namespace protocol
} // namespace dlm
