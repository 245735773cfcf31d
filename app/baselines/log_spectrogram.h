#pragma once

// A plain log-spectrogram of an event: the representation the spectral front-end's bands are
// measured against (issue 13). Every FFT bin of every frame is kept (no mel or band
// reduction, no per-event normalisation), so kNN-1 on it says what the bands give up.

#include <cstdint>
#include <vector>

#include "core/real_fft.h"

namespace dlm::bench {

/// \brief Log-power STFT of an event with a fixed number of frames and every bin.
///
/// Per channel: the event's mean removed, samples scaled by 1/32768; \c frames Hann-windowed
/// frames of \c frameLength samples, each giving log10(|X[k]|² / Σw² + 1e-10) for the
/// frameLength / 2 + 1 bins k (-100 dB floor, as the front-end's). Where the frames are:
/// Spread puts their starts evenly from the event's first sample to its last frame (time
/// normalised, as the front-end's slices: a word said slower lands on the same frames);
/// Hop puts them frameLength / 2 apart from the event's start, zero past its end (the
/// fixed-length clip of classic keyword spotting). Layout: channel-major, then frame, then bin.
class LogSpectrogram {
public:
  enum class Timing { Spread, Hop };

  /// \brief \p frameLength a power of two (isFftLength()), \p frames >= 1; otherwise the
  /// object is not ready() and dims() is 0.
  explicit LogSpectrogram(int frameLength = 512, int frames = 32, Timing timing = Timing::Spread);

  bool ready() const { return m_fft.length() != 0; }
  int frameLength() const { return m_fft.length(); }
  int frames() const { return m_frames; }
  Timing timing() const { return m_timing; }
  /// \brief channels x frames x (frameLength / 2 + 1); 0 when not ready().
  int dims(int channels) const;

  /// \brief Describe \p eventFrames frames of \p channels interleaved samples into \p out
  /// (dims(channels) floats). False when not ready(), or for no frames or channels.
  bool compute(const std::int16_t* samples, std::uint32_t eventFrames, int channels,
               float* out);

private:
  std::uint32_t frameStart(int t, std::uint32_t eventFrames) const;

  std::vector<float> m_table;
  std::vector<float> m_frame;
  RealFft m_fft;
  int m_frames = 0;
  Timing m_timing = Timing::Spread;
  float m_windowEnergy = 0.0f;
};

} // namespace dlm::bench
