#include "devices/firmware/model_store.h"

#include <cstring>

#include "core/crc32.h"
#include "devices/firmware/board_port.h"

namespace dlm::firmware {

namespace {

using protocol::AckCode;
using protocol::TransferReply;
using State = protocol::ModelReceiver::State;

TransferReply reply(AckCode code, std::uint32_t value) {
  TransferReply r;
  r.code = code;
  r.value = value;
  return r;
}

std::uint32_t readU32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

void writeU32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Newer in serial-number arithmetic, so the generation may wrap.
bool newer(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) > 0; }

} // namespace

void ModelStore::attach(BoardPort& port, const FrontEndConfig& frontEnd) {
  m_port = &port;
  m_frontEnd = &frontEnd;
  m_active = -1;
  m_generation = 0;
  abortPush();
  networkCleared();
}

std::uint32_t ModelStore::modelCapacity() const {
  const std::uint32_t cap = m_port != nullptr ? m_port->storageCapacity() : 0;
  return cap > kHeaderBytes ? cap - kHeaderBytes : 0;
}

const std::uint8_t* ModelStore::modelData(std::uint8_t slot) const {
  const std::uint8_t* base = m_port->storageData(slot);
  return base != nullptr ? base + kHeaderBytes : nullptr;
}

bool ModelStore::readHeader(std::uint8_t slot, SlotHeader& out) const {
  const std::uint8_t* base = m_port->storageData(slot);
  if (base == nullptr || modelCapacity() == 0) return false;
  out.magic = readU32(base);
  out.generation = readU32(base + 4);
  out.bytes = readU32(base + 8);
  out.crc = readU32(base + 12);
  if (out.magic != kMagic || out.bytes == 0 || out.bytes > modelCapacity()) return false;
  return crc32(base + kHeaderBytes, out.bytes) == out.crc;
}

bool ModelStore::tryLoad(std::uint8_t slot, const SlotHeader& header, Network& network,
                         ClassName* names) {
  const std::uint8_t* bytes = modelData(slot);
  ModelInfo info;
  if (inspectModel(bytes, header.bytes, &info) != Status::Ok ||
      !modelFitsFrontEnd(info, *m_frontEnd)) {
    return false;
  }
  if (loadModel(bytes, header.bytes, network, names) != Status::Ok) return false;
  m_active = slot;
  m_generation = header.generation;
  m_current = Location::Active;
  m_identityKnown = true;
  m_identity.crc = info.crc;
  m_identity.bytes = header.bytes;
  return true;
}

bool ModelStore::boot(Network& network, ClassName* names) {
  abortPush();
  networkCleared();
  m_active = -1;
  m_generation = 0;
  if (m_port == nullptr) return false;
  SlotHeader h[2];
  const bool valid[2] = {readHeader(0, h[0]), readHeader(1, h[1])};
  // Newest first; the older one is the fallback if the newest fails the loader.
  std::uint8_t order[2] = {0, 1};
  if (valid[0] && valid[1] && newer(h[1].generation, h[0].generation)) {
    order[0] = 1;
    order[1] = 0;
  }
  for (std::uint8_t slot : order) {
    if (valid[slot] && tryLoad(slot, h[slot], network, names)) {
      // Keep generations increasing past the other slot too.
      const std::uint8_t other = static_cast<std::uint8_t>(1 - slot);
      if (valid[other] && newer(h[other].generation, m_generation))
        m_generation = h[other].generation;
      return true;
    }
  }
  return false;
}

void ModelStore::abortPush() {
  m_push = State::Idle;
  m_pushTotal = 0;
  m_pushCrc = 0;
  m_pushExpected = 0;
}

std::uint32_t ModelStore::pushExpectedOffset() const {
  return m_push == State::Idle ? protocol::kNoTransfer : m_pushExpected;
}

TransferReply ModelStore::pushBegin(std::uint32_t totalBytes, std::uint32_t crc) {
  if (totalBytes == 0) return reply(AckCode::BadArguments, 0);
  if (totalBytes > modelCapacity()) return reply(AckCode::TooLarge, modelCapacity());
  if (m_push != State::Idle && totalBytes == m_pushTotal && crc == m_pushCrc)
    return reply(AckCode::Ok, m_pushExpected);  // the same transfer: resume
  // The staging slot is about to be overwritten: no snapshot or serialization survives.
  m_snapshot = nullptr;
  if (m_current == Location::Staging) m_current = Location::None;
  abortPush();
  if (!m_port->storageErase(stagingSlot())) return reply(AckCode::InternalError, 0);
  m_pushTotal = totalBytes;
  m_pushCrc = crc;
  m_push = State::Receiving;
  return reply(AckCode::Ok, 0);
}

TransferReply ModelStore::pushChunk(std::uint32_t offset, const std::uint8_t* data,
                                    std::size_t length) {
  if (m_push == State::Idle) return reply(AckCode::OutOfOrder, protocol::kNoTransfer);
  if (m_push == State::Complete || offset != m_pushExpected)
    return reply(AckCode::OutOfOrder, m_pushExpected);
  if (data == nullptr || length == 0 || length > m_pushTotal - m_pushExpected)
    return reply(AckCode::BadArguments, m_pushExpected);
  const std::uint32_t n = static_cast<std::uint32_t>(length);
  if (!m_port->storageWrite(stagingSlot(), kHeaderBytes + offset, data, n))
    return reply(AckCode::InternalError, m_pushExpected);
  m_pushExpected += n;
  return reply(AckCode::Ok, m_pushExpected);
}

TransferReply ModelStore::activate(std::uint32_t crc, Network& network, ClassName* names) {
  if (m_push == State::Idle) return reply(AckCode::OutOfOrder, protocol::kNoTransfer);
  if (m_pushExpected != m_pushTotal) return reply(AckCode::OutOfOrder, m_pushExpected);
  if (crc != m_pushCrc) return reply(AckCode::CrcMismatch, m_pushCrc);
  const std::uint8_t slot = stagingSlot();
  const std::uint8_t* bytes = modelData(slot);
  // Recomputed over the stored bytes: what gets activated is what was verified.
  const std::uint32_t actual = bytes != nullptr ? crc32(bytes, m_pushTotal) : 0;
  if (bytes == nullptr || actual != m_pushCrc) {
    abortPush();
    return reply(AckCode::CrcMismatch, actual);
  }
  ModelInfo info;
  Status s = inspectModel(bytes, m_pushTotal, &info);
  if (s == Status::Ok && info.dims != m_frontEnd->dims()) s = Status::DimsMismatch;
  if (s == Status::Ok && !modelFitsFrontEnd(info, *m_frontEnd)) s = Status::FrontEndMismatch;
  if (s == Status::Ok) s = loadModel(bytes, m_pushTotal, network, names);
  if (s != Status::Ok) {
    abortPush();
    return reply(AckCode::InternalError, static_cast<std::uint32_t>(s));
  }
  // The network runs the new model from here on; the header makes it survive a reboot.
  const std::uint32_t total = m_pushTotal;
  if (!commit(slot, total, m_pushCrc))
    m_port->log(kLogWarning, "model active but not persisted (storage write failed)");
  m_active = slot;
  abortPush();
  m_snapshot = nullptr;
  m_current = Location::Active;
  m_identityKnown = true;
  m_identity.crc = info.crc;
  m_identity.bytes = total;
  return reply(AckCode::Ok, total);
}

bool ModelStore::commit(std::uint8_t slot, std::uint32_t bytes, std::uint32_t crc) {
  std::uint8_t header[kHeaderBytes] = {};
  writeU32(header, kMagic);
  writeU32(header + 4, m_generation + 1);
  writeU32(header + 8, bytes);
  writeU32(header + 12, crc);
  if (!m_port->storageWrite(slot, 0, header, kHeaderBytes)) return false;
  ++m_generation;
  return true;
}

void ModelStore::networkChanged() {
  m_identityKnown = false;
  m_current = Location::None;
}

void ModelStore::networkCleared() {
  m_identityKnown = true;
  m_identity = ModelIdentity();
  m_current = Location::None;
  m_snapshot = nullptr;
}

bool ModelStore::serializeIntoStaging(const Network& network, const ClassName* names) {
  if (pushInProgress()) return false;
  // A pull still being read from staging must stay consistent until its last chunk.
  if (m_snapshot != nullptr && m_snapshotInStaging && !m_snapshotServed) return false;
  const std::uint8_t slot = stagingSlot();
  std::uint8_t* ram = m_port->storageRam(slot);
  if (ram == nullptr || modelCapacity() == 0) return false;
  if (m_snapshotInStaging) m_snapshot = nullptr;
  std::size_t written = 0;
  ModelInfo info;
  if (saveModel(network, names, ram + kHeaderBytes, modelCapacity(), &written, m_frontEnd) !=
          Status::Ok ||
      inspectModel(ram + kHeaderBytes, written, &info) != Status::Ok) {
    m_current = Location::None;
    return false;
  }
  m_current = Location::Staging;
  m_stagedBytes = static_cast<std::uint32_t>(written);
  m_stagedCrc = crc32(ram + kHeaderBytes, written);
  m_identityKnown = true;
  m_identity.crc = info.crc;
  m_identity.bytes = m_stagedBytes;
  return true;
}

ModelIdentity ModelStore::identity(const Network& network, const ClassName* names) {
  if (m_identityKnown || serializeIntoStaging(network, names)) return m_identity;
  ModelIdentity unknown;
  unknown.bytes = static_cast<std::uint32_t>(modelBytes(network, m_frontEnd));
  return unknown;
}

TransferReply ModelStore::pullBegin(const Network& network, const ClassName* names) {
  if (pushInProgress()) return reply(AckCode::Busy, m_pushExpected);
  m_snapshot = nullptr;
  m_snapshotServed = false;
  if (m_identityKnown && m_identity.bytes == 0) return reply(AckCode::Ok, 0);  // no model
  if (m_current == Location::None && !serializeIntoStaging(network, names))
    return reply(AckCode::NotSupported, 0);  // a changed model on flash-only storage
  if (m_current == Location::Active) {
    SlotHeader h;
    const std::uint8_t slot = static_cast<std::uint8_t>(m_active);
    if (!readHeader(slot, h)) return reply(AckCode::InternalError, 0);
    m_snapshot = modelData(slot);
    m_snapshotBytes = h.bytes;
    m_snapshotCrc = h.crc;
    m_snapshotInStaging = false;
  } else {
    m_snapshot = modelData(stagingSlot());
    m_snapshotBytes = m_stagedBytes;
    m_snapshotCrc = m_stagedCrc;
    m_snapshotInStaging = true;
  }
  return reply(AckCode::Ok, m_snapshotBytes);
}

TransferReply ModelStore::pullChunk(std::uint32_t offset, std::uint16_t length,
                                    protocol::ModelData& out) {
  if (m_snapshot == nullptr) return reply(AckCode::OutOfOrder, protocol::kNoTransfer);
  if (offset >= m_snapshotBytes || length == 0) return reply(AckCode::BadArguments, 0);
  std::uint32_t n = m_snapshotBytes - offset;
  if (n > length) n = length;
  if (n > protocol::kMaxModelChunk) n = static_cast<std::uint32_t>(protocol::kMaxModelChunk);
  out.offset = offset;
  out.totalBytes = m_snapshotBytes;
  out.crc = m_snapshotCrc;
  out.length = static_cast<std::uint16_t>(n);
  std::memcpy(out.data, m_snapshot + offset, n);
  if (offset + n == m_snapshotBytes) m_snapshotServed = true;
  return reply(AckCode::Ok, n);
}

} // namespace dlm::firmware
