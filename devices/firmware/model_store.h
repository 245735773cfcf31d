#pragma once

// The board's two model slots: boot selection, push (staging -> verify -> load -> commit),
// pull snapshots and the identity (modelCrc) of the running model. docs/protocol.md §6.

#include <cstddef>
#include <cstdint>

#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/messages.h"
#include "core/protocol/model_transfer.h"

namespace dlm::firmware {

class BoardPort;

/// \brief Identity of the running model as Hello and Status report it.
struct ModelIdentity {
  std::uint32_t crc = 0;    ///< dlm::ModelInfo::crc; 0 = no model, or not computable now
  std::uint32_t bytes = 0;  ///< model size (also when crc is 0 for a changed model)
};

/// \brief Model storage over the port's two slots.
///
/// Slot layout: a kHeaderBytes header at offset 0 (magic, generation, size, transfer CRC),
/// then the model bytes. The header is written last, after the model was verified and
/// loaded: it is the commit mark, so a power cut at any point leaves the previous slot the
/// newest valid one. At boot the valid slot with the highest generation is loaded.
///
/// The push side answers exactly as protocol::ModelReceiver does (same codes and values),
/// but writes through BoardPort::storageWrite(): ModelReceiver memcpy()s into a RAM buffer,
/// and a 150 KB model cannot be staged in RAM next to the network on the board.
class ModelStore {
public:
  /// \brief Bytes before the model in a slot (room for flash write alignment).
  static constexpr std::uint32_t kHeaderBytes = 32;
  static constexpr std::uint32_t kMagic = 0x534D4C44u;  // "DLMS"

  /// \brief Attach to \p port; a loadable model must fit \p frontEnd (modelFitsFrontEnd()),
  /// and the board's models are saved recording it. \p frontEnd must outlive the store (the
  /// app's own: a pointer, not a copy, in the board's tight RAM).
  void attach(BoardPort& port, const FrontEndConfig& frontEnd);
  /// \brief Load the newest valid slot into \p network. False when there is none (the
  /// network is then untouched). Drops any transfer and snapshot.
  bool boot(Network& network, ClassName* names);

  /// \brief Largest model a push can stage (slot size minus the header).
  std::uint32_t modelCapacity() const;

  /// \brief ModelPushBegin. Drops any pull snapshot.
  protocol::TransferReply pushBegin(std::uint32_t totalBytes, std::uint32_t crc);
  /// \brief ModelChunk.
  protocol::TransferReply pushChunk(std::uint32_t offset, const std::uint8_t* data,
                                    std::size_t length);
  /// \brief ModelActivate: verify, load into \p network (which keeps its model on any
  /// failure), commit the slot and make it the active one. Ok value = model bytes.
  protocol::TransferReply activate(std::uint32_t crc, Network& network, ClassName* names);
  /// \brief True while a push holds the staging slot.
  bool pushInProgress() const { return m_push != protocol::ModelReceiver::State::Idle; }
  /// \brief Offset the push expects next (kNoTransfer when none).
  std::uint32_t pushExpectedOffset() const;

  /// \brief The network learned on the board: its identity must be recomputed.
  void networkChanged();
  /// \brief The network was reset to empty (no model).
  void networkCleared();
  /// \brief Identity of \p network, computing it (serializing into the staging slot) when
  /// the staging slot is free and RAM; otherwise crc 0 with the size.
  ModelIdentity identity(const Network& network, const ClassName* names);

  /// \brief ModelPullBegin: snapshot the running model. Ok value = size (0: no model).
  protocol::TransferReply pullBegin(const Network& network, const ClassName* names);
  /// \brief ModelPullChunk: fill \p out. Ok value = bytes in \p out.
  protocol::TransferReply pullChunk(std::uint32_t offset, std::uint16_t length,
                                    protocol::ModelData& out);

  /// \brief Slot holding the running stored model, or -1.
  int activeSlot() const { return m_active; }
  /// \brief Slot a push writes into.
  std::uint8_t stagingSlot() const { return static_cast<std::uint8_t>(m_active == 0 ? 1 : 0); }

private:
  enum class Location : std::uint8_t { None, Active, Staging };
  struct SlotHeader {
    std::uint32_t magic = 0;
    std::uint32_t generation = 0;
    std::uint32_t bytes = 0;
    std::uint32_t crc = 0;  // CRC-32 of the model bytes (the transfer CRC)
  };

  bool readHeader(std::uint8_t slot, SlotHeader& out) const;
  bool tryLoad(std::uint8_t slot, const SlotHeader& header, Network& network, ClassName* names);
  bool commit(std::uint8_t slot, std::uint32_t bytes, std::uint32_t crc);
  bool serializeIntoStaging(const Network& network, const ClassName* names);
  const std::uint8_t* modelData(std::uint8_t slot) const;
  void abortPush();

  BoardPort* m_port = nullptr;
  const FrontEndConfig* m_frontEnd = nullptr;
  int m_active = -1;
  std::uint32_t m_generation = 0;

  // Push (mirror of protocol::ModelReceiver's state).
  protocol::ModelReceiver::State m_push = protocol::ModelReceiver::State::Idle;
  std::uint32_t m_pushTotal = 0;
  std::uint32_t m_pushCrc = 0;
  std::uint32_t m_pushExpected = 0;

  // Where bytes equal to the running network's serialization live, and its identity.
  Location m_current = Location::None;
  bool m_identityKnown = true;
  ModelIdentity m_identity;
  std::uint32_t m_stagedBytes = 0;  // serialization in the staging slot (m_current Staging)
  std::uint32_t m_stagedCrc = 0;

  // Pull snapshot: bytes that stay unchanged until the next pull/push begin or reset.
  const std::uint8_t* m_snapshot = nullptr;
  std::uint32_t m_snapshotBytes = 0;
  std::uint32_t m_snapshotCrc = 0;
  bool m_snapshotInStaging = false;
  bool m_snapshotServed = false;  // its last chunk was sent: staging may be reused
};

} // namespace dlm::firmware
