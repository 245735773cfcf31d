#pragma once

// Which front-end turns a board's raw event window into its descriptor: the motion descriptor
// (core/descriptor.h) or the spectral one (core/spectral.h). A board chooses one, announces it
// in Hello (protocol version 5) and records it in the models it saves (model format 4), so a
// model is only ever run on descriptors of the kind it was learned from.

#include <cstddef>
#include <cstdint>

#include "core/descriptor.h"
#include "core/spectral.h"
#include "core/status.h"

namespace dlm {

/// \brief The front-end kinds. Numeric values are stored in models and sent in Hello.
enum class FrontEndKind : std::uint8_t { Motion = 0, Spectral = 1 };

/// \brief A front-end and its parameters: \c motion when kind is Motion, \c spectral when
/// Spectral (the other member is ignored).
struct FrontEndConfig {
  FrontEndKind kind = FrontEndKind::Motion;
  DescriptorConfig motion;
  SpectralConfig spectral;

  /// \brief Length of the descriptors it produces.
  constexpr std::uint16_t dims() const {
    return kind == FrontEndKind::Spectral ? spectral.dims() : motion.dims();
  }
  /// \brief Channels of the sample frames it reads.
  constexpr std::uint8_t channels() const {
    return kind == FrontEndKind::Spectral ? spectral.channels : motion.channels;
  }
};

/// \brief The motion front-end of \p channels channels within \p maxDims (descriptorFor()).
constexpr FrontEndConfig motionFrontEnd(int channels, int maxDims = kMaxDescriptorDims) {
  FrontEndConfig c;
  c.motion = descriptorFor(channels, maxDims);
  return c;
}

/// \brief The spectral front-end \p config.
constexpr FrontEndConfig spectralFrontEnd(const SpectralConfig& config) {
  FrontEndConfig c;
  c.kind = FrontEndKind::Spectral;
  c.spectral = config;
  return c;
}

/// \brief True when \p a and \p b compute the same descriptors (every parameter equal).
bool sameFrontEnd(const FrontEndConfig& a, const FrontEndConfig& b);

/// \brief Bytes of the serialized front-end (a model's front-end block, Hello's since
/// protocol version 5). Layout: docs/protocol.md §3.2 and docs/kernel.md.
constexpr std::size_t kFrontEndBytes = 32;

/// \brief Write \p config's kFrontEndBytes little-endian bytes to \p out. InvalidArgument for
/// a config that cannot run (checkFrontEnd()).
Status encodeFrontEnd(const FrontEndConfig& config, std::uint8_t* out, std::size_t capacity);
/// \brief Read kFrontEndBytes bytes; CorruptModel unless they are exactly what
/// encodeFrontEnd() writes for a valid config (reserved bytes zero, values in range).
Status decodeFrontEnd(const std::uint8_t* bytes, std::size_t size, FrontEndConfig* out);
/// \brief InvalidArgument unless \p config can run (a motion config with channels and bins,
/// a spectral one that passes checkSpectralConfig()).
Status checkFrontEnd(const FrontEndConfig& config);

/// \brief Prior weights of \p config's features for the known-set scales
/// (descriptorFeatureWeights() or spectralFeatureWeights()).
Status frontEndFeatureWeights(const FrontEndConfig& config, float statsWeight, float* out,
                              std::size_t outCapacity);

/// \brief Runs either front-end on event windows: what a board, the studio or an exported
/// library calls for each event.
///
/// init() with the caller's work memory (workBytes(): 0 for motion, which needs none);
/// compute() then allocates nothing.
class EventFrontEnd {
public:
  /// \brief Work memory init() needs for \p config.
  static std::size_t workBytes(const FrontEndConfig& config);
  /// \brief Check \p config and take \p work (workBytes(config) bytes; may be null for motion).
  Status init(const FrontEndConfig& config, void* work, std::size_t workSize);
  bool ready() const { return m_ready; }
  const FrontEndConfig& config() const { return m_config; }
  /// \brief Descriptor of \p frames frames of config().channels() interleaved int16 samples:
  /// config().dims() floats to \p out.
  Status compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                 std::size_t outCapacity);

private:
  FrontEndConfig m_config;
  SpectralFrontEnd m_spectral;
  bool m_ready = false;
};

} // namespace dlm
