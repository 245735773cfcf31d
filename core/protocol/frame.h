#pragma once

// Frames: the unit of the wire protocol. A decoded frame is
//   version u8 | type u8 | sequence u16 | payload length u16 | payload | CRC-32 u32
// (little-endian; the CRC covers every byte before it), sent COBS-encoded and followed by 0x00.

#include <cstddef>
#include <cstdint>

#include "core/protocol/cobs.h"
#include "core/protocol/types.h"

namespace dlm {
namespace protocol {

/// \brief Bytes before the payload in a decoded frame.
constexpr std::size_t kFrameHeaderSize = 6;
/// \brief Bytes of the CRC-32 that ends a decoded frame.
constexpr std::size_t kFrameCrcSize = 4;
/// \brief Header plus CRC: a decoded frame is this plus its payload.
constexpr std::size_t kFrameOverhead = kFrameHeaderSize + kFrameCrcSize;
/// \brief Largest decoded frame.
constexpr std::size_t kMaxRawFrame = kMaxPayload + kFrameOverhead;

/// \brief Upper bound of the wire bytes (COBS and delimiter included) of a frame whose
/// payload is \p payloadLength bytes: the buffer encodeFrame() needs.
constexpr std::size_t wireFrameBound(std::size_t payloadLength) {
  return cobsMaxEncoded(payloadLength + kFrameOverhead) + 1;
}
/// \brief Largest frame on the wire: an output buffer of this size always suffices.
constexpr std::size_t kMaxWireFrame = wireFrameBound(kMaxPayload);

/// \brief A received frame. \c payload points into the decoder and stays valid until the
/// next byte is pushed into it.
struct FrameView {
  std::uint8_t version = 0;  ///< differs from kProtocolVersion only for version-stable types
  MessageType type = MessageType::Hello;
  std::uint16_t seq = 0;
  const std::uint8_t* payload = nullptr;
  std::uint16_t length = 0;
};

/// \brief Encode one frame, delimiter included, into \p out. Returns the bytes written, or 0
/// when \p length exceeds kMaxPayload or \p cap is too small (wireFrameBound(length) always
/// suffices). \p version is the header's version byte (the negotiated one after a handshake).
std::size_t encodeFrame(MessageType type, std::uint16_t seq, const std::uint8_t* payload,
                        std::size_t length, std::uint8_t* out, std::size_t cap,
                        std::uint8_t version = kProtocolVersion);

/// \brief Counters of a FrameDecoder. Every terminated, non-empty frame adds exactly one to
/// framesOk, versionMismatches, crcErrors, cobsErrors or malformed; an oversize frame adds
/// to oversize as soon as it overflows. Bytes: received = accepted + discarded + idle
/// delimiters + FrameDecoder::pendingBytes().
struct DecoderStats {
  std::uint32_t bytesReceived = 0;
  std::uint32_t bytesAccepted = 0;   ///< wire bytes of delivered frames, delimiters included
  std::uint32_t bytesDiscarded = 0;  ///< wire bytes of rejected frames, delimiters included
  std::uint32_t idleDelimiters = 0;  ///< 0x00 with no frame before it (harmless, e.g. a flush)
  std::uint32_t framesOk = 0;        ///< valid frames of a version this library speaks
  std::uint32_t crcErrors = 0;
  std::uint32_t cobsErrors = 0;       ///< a delimiter inside a COBS block
  std::uint32_t oversize = 0;         ///< more than kMaxRawFrame decoded bytes
  std::uint32_t versionMismatches = 0;  ///< valid CRC, foreign version (see isVersionStable)
  std::uint32_t malformed = 0;        ///< shorter than a header + CRC, or length field wrong
};

/// \brief What one pushed byte did.
enum class DecodeEvent : std::uint8_t {
  None = 0,         ///< nothing completed (mid-frame, idle delimiter, or discarding)
  Frame,            ///< a frame is ready: see FrameDecoder::frame()
  CrcError,
  CobsError,
  Oversize,         ///< reported once, when the frame overflows; it is discarded to the delimiter
  VersionMismatch,  ///< foreign version of a type that is not version-stable: dropped
  Malformed,
};

/// \brief Streaming frame decoder over a fixed internal buffer. Resynchronises at the next
/// 0x00 after anything invalid; bounds every access whatever bytes arrive.
class FrameDecoder {
public:
  /// \brief Plain callback for feed(): no allocation, no std::function.
  using FrameHandler = void (*)(void* context, const FrameView& frame);

  /// \brief Consume one byte. On DecodeEvent::Frame, frame() holds the frame.
  DecodeEvent push(std::uint8_t byte);
  /// \brief Consume \p n bytes, calling \p handler (may be null) for every valid frame.
  /// Returns the number of frames delivered.
  std::size_t feed(const std::uint8_t* bytes, std::size_t n, FrameHandler handler,
                   void* context);

  /// \brief The frame completed by the last push() that returned DecodeEvent::Frame.
  const FrameView& frame() const { return m_frame; }
  /// \brief Counters since construction or resetStats().
  const DecoderStats& stats() const { return m_stats; }
  /// \brief Wire bytes of the frame in progress (0 while discarding to a delimiter).
  std::size_t pendingBytes() const { return m_discarding ? 0 : m_frameBytes; }
  /// \brief True while an oversize frame is being skipped up to the next delimiter.
  bool discarding() const { return m_discarding; }

  /// \brief Drop any frame in progress (e.g. after reopening the port), counting its bytes
  /// as discarded.
  void reset();
  /// \brief Zero the counters.
  void resetStats() { m_stats = DecoderStats(); }

private:
  void clearFrame();
  DecodeEvent pushData(std::uint8_t byte);
  DecodeEvent endFrame();
  DecodeEvent reject(DecodeEvent why, std::uint32_t& counter);
  bool append(std::uint8_t byte);

  std::uint8_t m_buffer[kMaxRawFrame] = {};
  std::size_t m_length = 0;       // decoded bytes in m_buffer
  std::size_t m_frameBytes = 0;   // wire bytes of the current frame so far
  std::uint8_t m_blockLeft = 0;   // data bytes still due in the current COBS block
  std::uint8_t m_blockCode = 0;   // code of the current block, 0 before the first
  bool m_discarding = false;
  FrameView m_frame;
  DecoderStats m_stats;
};

} // namespace protocol
} // namespace dlm
