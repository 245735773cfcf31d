#include "core/front_end.h"

#include <cmath>
#include <cstring>

namespace dlm {

namespace {

// The block's offsets (docs/kernel.md, "Front-ends"). Unused fields of a kind are zero.
constexpr std::size_t kKindAt = 0;
constexpr std::size_t kChannelsAt = 1;
constexpr std::size_t kScaleAt = 2;
constexpr std::size_t kFlagsAt = 3;
constexpr std::size_t kBandsAt = 4;  // motion: its bins
constexpr std::size_t kSlicesAt = 5;
constexpr std::size_t kFrameLengthAt = 6;
constexpr std::size_t kHopAt = 8;
constexpr std::size_t kRateAt = 12;  // 10..11 reserved
constexpr std::size_t kFminAt = 16;
constexpr std::size_t kFmaxAt = 20;
constexpr std::size_t kMaxFramesAt = 24;
constexpr std::size_t kFullScaleAt = 28;
constexpr std::uint8_t kNormaliseFlag = 0x01;

void put(std::uint8_t* out, std::size_t at, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out[at + std::size_t(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}
void putF32(std::uint8_t* out, std::size_t at, float v) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  put(out, at, bits, 4);
}
std::uint32_t get(const std::uint8_t* in, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= std::uint32_t(in[at + std::size_t(i)]) << (8 * i);
  return v;
}
float getF32(const std::uint8_t* in, std::size_t at) {
  const std::uint32_t bits = get(in, at, 4);
  float v = 0.0f;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

bool validMotion(const DescriptorConfig& m) {
  return m.channels >= 1 && m.bins >= 1 && m.maxFrames >= 1 && std::isfinite(m.fullScale) &&
         m.fullScale > 0.0f;
}

} // namespace

bool sameFrontEnd(const FrontEndConfig& a, const FrontEndConfig& b) {
  std::uint8_t ea[kFrontEndBytes];
  std::uint8_t eb[kFrontEndBytes];
  // One definition of "every parameter": the bytes that record it.
  return encodeFrontEnd(a, ea, sizeof ea) == Status::Ok &&
         encodeFrontEnd(b, eb, sizeof eb) == Status::Ok && std::memcmp(ea, eb, sizeof ea) == 0;
}

Status checkFrontEnd(const FrontEndConfig& config) {
  if (config.kind == FrontEndKind::Motion) {
    return validMotion(config.motion) ? Status::Ok : Status::InvalidArgument;
  }
  if (config.kind == FrontEndKind::Spectral) return checkSpectralConfig(config.spectral);
  return Status::InvalidArgument;
}

Status encodeFrontEnd(const FrontEndConfig& config, std::uint8_t* out, std::size_t capacity) {
  if (out == nullptr || checkFrontEnd(config) != Status::Ok) return Status::InvalidArgument;
  if (capacity < kFrontEndBytes) return Status::BufferTooSmall;
  std::memset(out, 0, kFrontEndBytes);
  put(out, kKindAt, static_cast<std::uint32_t>(config.kind), 1);
  if (config.kind == FrontEndKind::Motion) {
    const DescriptorConfig& m = config.motion;
    put(out, kChannelsAt, m.channels, 1);
    put(out, kBandsAt, m.bins, 1);
    put(out, kMaxFramesAt, m.maxFrames, 4);
    putF32(out, kFullScaleAt, m.fullScale);
    return Status::Ok;
  }
  const SpectralConfig& s = config.spectral;
  put(out, kChannelsAt, s.channels, 1);
  put(out, kScaleAt, static_cast<std::uint32_t>(s.scale), 1);
  put(out, kFlagsAt, s.normalise ? kNormaliseFlag : 0u, 1);
  put(out, kBandsAt, s.bands, 1);
  put(out, kSlicesAt, s.slices, 1);
  put(out, kFrameLengthAt, s.frameLength, 2);
  put(out, kHopAt, s.hop, 2);
  put(out, kRateAt, s.sampleRateHz, 4);
  putF32(out, kFminAt, s.fminHz);
  putF32(out, kFmaxAt, s.fmaxHz);
  put(out, kMaxFramesAt, s.maxFrames, 4);
  putF32(out, kFullScaleAt, s.fullScale);
  return Status::Ok;
}

Status decodeFrontEnd(const std::uint8_t* bytes, std::size_t size, FrontEndConfig* out) {
  if (bytes == nullptr) return Status::InvalidArgument;
  if (size < kFrontEndBytes) return Status::Truncated;
  FrontEndConfig c;
  const std::uint32_t kind = get(bytes, kKindAt, 1);
  if (kind == static_cast<std::uint32_t>(FrontEndKind::Motion)) {
    c.motion.channels = static_cast<std::uint8_t>(get(bytes, kChannelsAt, 1));
    c.motion.bins = static_cast<std::uint8_t>(get(bytes, kBandsAt, 1));
    c.motion.maxFrames = get(bytes, kMaxFramesAt, 4);
    c.motion.fullScale = getF32(bytes, kFullScaleAt);
  } else if (kind == static_cast<std::uint32_t>(FrontEndKind::Spectral)) {
    SpectralConfig& s = c.spectral;
    c.kind = FrontEndKind::Spectral;
    s.channels = static_cast<std::uint8_t>(get(bytes, kChannelsAt, 1));
    s.scale = static_cast<BandScale>(get(bytes, kScaleAt, 1));
    s.normalise = (get(bytes, kFlagsAt, 1) & kNormaliseFlag) != 0;
    s.bands = static_cast<std::uint8_t>(get(bytes, kBandsAt, 1));
    s.slices = static_cast<std::uint8_t>(get(bytes, kSlicesAt, 1));
    s.frameLength = static_cast<std::uint16_t>(get(bytes, kFrameLengthAt, 2));
    s.hop = static_cast<std::uint16_t>(get(bytes, kHopAt, 2));
    s.sampleRateHz = get(bytes, kRateAt, 4);
    s.fminHz = getF32(bytes, kFminAt);
    s.fmaxHz = getF32(bytes, kFmaxAt);
    s.maxFrames = get(bytes, kMaxFramesAt, 4);
    s.fullScale = getF32(bytes, kFullScaleAt);
  } else {
    return Status::CorruptModel;
  }
  // Strict: the bytes must be exactly what encodeFrontEnd() writes for this config (unused
  // fields and flags zero), so that a block means one thing in every reader.
  std::uint8_t again[kFrontEndBytes];
  if (encodeFrontEnd(c, again, sizeof again) != Status::Ok ||
      std::memcmp(again, bytes, kFrontEndBytes) != 0) {
    return Status::CorruptModel;
  }
  if (out != nullptr) *out = c;
  return Status::Ok;
}

Status frontEndFeatureWeights(const FrontEndConfig& config, float statsWeight, float* out,
                              std::size_t outCapacity) {
  if (config.kind == FrontEndKind::Spectral) {
    return spectralFeatureWeights(config.spectral, statsWeight, out, outCapacity);
  }
  return descriptorFeatureWeights(config.motion, statsWeight, out, outCapacity);
}

std::size_t EventFrontEnd::workBytes(const FrontEndConfig& config) {
  return config.kind == FrontEndKind::Spectral ? SpectralFrontEnd::workBytes(config.spectral)
                                               : 0;
}

Status EventFrontEnd::init(const FrontEndConfig& config, void* work, std::size_t workSize) {
  m_ready = false;
  const Status valid = checkFrontEnd(config);
  if (valid != Status::Ok) return valid;
  if (config.kind == FrontEndKind::Spectral) {
    const Status s = m_spectral.init(config.spectral, work, workSize);
    if (s != Status::Ok) return s;
  }
  m_config = config;
  m_ready = true;
  return Status::Ok;
}

Status EventFrontEnd::compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                              std::size_t outCapacity) {
  if (!m_ready) return Status::NotInitialized;
  if (m_config.kind == FrontEndKind::Spectral) {
    return m_spectral.compute(samples, frames, out, outCapacity);
  }
  return computeDescriptor(m_config.motion, samples, frames, out, outCapacity);
}

} // namespace dlm
