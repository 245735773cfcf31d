#pragma once

// Chunked model transfer with resume (docs/protocol.md, "Model push and pull"). The receiver
// writes only into the staging buffer it is given, so the caller's active model is never
// touched by a transfer, whatever happens to it; activation is the caller's atomic swap
// after finish() reports the staged bytes complete and verified.

#include <cstddef>
#include <cstdint>

#include "core/protocol/messages.h"
#include "core/protocol/types.h"

namespace dlm {
namespace protocol {

/// \brief Ack value meaning "no transfer in progress: send ModelPushBegin first".
constexpr std::uint32_t kNoTransfer = 0xFFFFFFFFu;

/// \brief The receiver's answer to one step: what the board puts in its Ack.
struct TransferReply {
  AckCode code = AckCode::Ok;
  std::uint32_t value = 0;  ///< next expected offset, capacity, or CRC (see each step)
};

/// \brief Receiving side of a model transfer (the board for a push, the studio for a pull).
class ModelReceiver {
public:
  /// \brief Where a transfer stands.
  enum class State : std::uint8_t { Idle, Receiving, Complete };

  ModelReceiver() = default;
  /// \brief Receive into \p staging (\p capacity bytes, caller-owned).
  ModelReceiver(std::uint8_t* staging, std::size_t capacity) { setStaging(staging, capacity); }

  /// \brief Give another staging buffer (e.g. the old active one after a swap); back to Idle.
  void setStaging(std::uint8_t* staging, std::size_t capacity);

  /// \brief Start a transfer of \p totalBytes whose CRC-32 is \p crc. Ok with value = offset
  /// to send next: 0 for a fresh transfer, or the resume point when the same transfer
  /// (same size and CRC) is already in progress. TooLarge (value = capacity) beyond the
  /// staging capacity; BadArguments for 0 bytes. A failed begin changes nothing.
  TransferReply begin(std::uint32_t totalBytes, std::uint32_t crc);

  /// \brief Stage \p length bytes at \p offset. Only offset == expectedOffset() is accepted
  /// (Ok, value = the next expected offset); any other gets OutOfOrder with value = the expected
  /// offset (kNoTransfer when idle), so the sender resumes from there.
  TransferReply chunk(std::uint32_t offset, const std::uint8_t* data, std::size_t length);

  /// \brief Verify length and whole-model CRC. Ok (value = size) makes the staged model
  /// available through data(); OutOfOrder (value = expected offset) if bytes are missing;
  /// CrcMismatch if \p crc differs from begin()'s (state kept, value = declared CRC) or the
  /// staged bytes do not match it (transfer dropped, value = computed CRC).
  TransferReply finish(std::uint32_t crc);

  /// \brief Drop any transfer (e.g. the staged model failed the caller's own validation).
  void abort();

  State state() const { return m_state; }
  std::uint32_t expectedOffset() const { return m_expected; }
  std::uint32_t totalBytes() const { return m_total; }
  std::uint32_t crc() const { return m_crc; }
  std::size_t capacity() const { return m_capacity; }
  /// \brief The verified model once state() is Complete, else null.
  const std::uint8_t* data() const { return m_state == State::Complete ? m_staging : nullptr; }

private:
  std::uint8_t* m_staging = nullptr;
  std::size_t m_capacity = 0;
  std::uint32_t m_total = 0;
  std::uint32_t m_crc = 0;
  std::uint32_t m_expected = 0;
  State m_state = State::Idle;
};

/// \brief A contiguous piece of a model.
struct ChunkView {
  std::uint32_t offset = 0;
  const std::uint8_t* data = nullptr;
  std::uint16_t length = 0;  ///< 0 when there is nothing left to send
};

/// \brief Sending side of a model transfer over caller-owned bytes: the studio for a push
/// (makes the commands, follows the board's acks, resumes), the board for a pull (fills
/// ModelData replies).
class ModelSender {
public:
  /// \brief Send \p size bytes of \p model in chunks of \p chunkSize (1..kMaxModelChunk).
  ModelSender(const std::uint8_t* model, std::uint32_t size,
              std::uint16_t chunkSize = static_cast<std::uint16_t>(kMaxModelChunk));

  std::uint32_t totalBytes() const { return m_size; }
  std::uint32_t crc() const { return m_crc; }
  /// \brief Offset of the next chunk to send.
  std::uint32_t offset() const { return m_offset; }
  /// \brief True when every byte has been acknowledged: send ModelActivate.
  bool done() const { return m_offset >= m_size; }
  /// \brief True when the receiver has no transfer and ModelPushBegin must be (re)sent.
  bool needsBegin() const { return m_needsBegin; }

  /// \brief The chunk at offset().
  ChunkView next() const;
  /// \brief Continue from \p offset (the receiver's expected offset). False beyond the end.
  bool resumeFrom(std::uint32_t offset);
  /// \brief Follow the receiver's answer to a ModelPushBegin or ModelChunk: Ok or OutOfOrder
  /// move to the offset in \p value (kNoTransfer asks to begin again). False when the
  /// transfer cannot go on (any other code, or a value beyond the end).
  bool onAck(AckCode code, std::uint32_t value);

  /// \brief The ModelPushBegin command for this model.
  void makeBegin(Command& out) const;
  /// \brief The ModelChunk command for next(); false when done().
  bool makeChunk(Command& out) const;
  /// \brief The ModelActivate command for this model.
  void makeActivate(Command& out) const;
  /// \brief The ModelData reply to a ModelPullChunk; false if the range is not in the model.
  bool makeModelData(std::uint32_t offset, std::uint16_t length, ModelData& out) const;

private:
  const std::uint8_t* m_model;
  std::uint32_t m_size;
  std::uint32_t m_crc;
  std::uint32_t m_offset = 0;
  std::uint16_t m_chunk;
  bool m_needsBegin = true;
};

} // namespace protocol
} // namespace dlm
