#pragma once

// Deterministic test signals for the spectral front-end's host/board cross-check (issue 13):
// integer arithmetic only, so the Cortex-M4F image (spectral_main.cpp) and the host test
// (tests/devices/test_m4f_spectral_qemu.cpp) feed the front-end the very same samples.

#include <cstdint>

namespace dlm::bench {

/// \brief A parabolic approximation of a sine of \p amplitude counts at phase \p phase
/// (a full cycle is 2^32): exact integers on every target, harmonics included.
inline std::int32_t parabolicSine(std::uint32_t phase, std::int32_t amplitude) {
  const std::int64_t h = (phase >> 16) & 0x7FFF;  // position in the half cycle, 0..32767
  const std::int64_t y = h * (32768 - h);         // 0 .. 2^28
  const std::int64_t v = (y * amplitude) >> 28;
  return static_cast<std::int32_t>((phase & 0x80000000u) != 0 ? -v : v);
}

/// \brief Phase step of \p hz at \p rateHz.
inline std::uint32_t phaseStep(std::uint32_t hz, std::uint32_t rateHz) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(hz) << 32) / rateHz);
}

/// \brief A 1 s "word" at 16 kHz, mono: 500 Hz then 2 kHz at 8000 counts, a rising
/// envelope, and uniform noise of +-300 counts.
inline void soundSignal(std::int16_t* out, std::uint32_t frames) {
  std::uint32_t seed = 12345u;
  std::uint32_t phase = 0;
  for (std::uint32_t t = 0; t < frames; ++t) {
    phase += phaseStep(t < frames / 2 ? 500u : 2000u, 16000u);
    const std::int32_t envelope = 2000 + static_cast<std::int32_t>(6000u * t / frames);
    seed = seed * 1664525u + 1013904223u;
    const std::int32_t noise = static_cast<std::int32_t>(seed >> 23) - 256;  // -256..255
    out[t] = static_cast<std::int16_t>(parabolicSine(phase, envelope) + noise);
  }
}

/// \brief 3-axis vibration at 25.6 kHz: axis c carries (c + 1) x 1200 Hz at 5000 counts and
/// a 50 Hz shaft line at 2000, plus noise; frames interleaved.
inline void vibrationSignal(std::int16_t* out, std::uint32_t frames) {
  std::uint32_t seed = 777u;
  std::uint32_t phase[3] = {};
  std::uint32_t shaft = 0;
  for (std::uint32_t t = 0; t < frames; ++t) {
    shaft += phaseStep(50u, 25600u);
    for (std::uint32_t c = 0; c < 3; ++c) {
      phase[c] += phaseStep(1200u * (c + 1), 25600u);
      seed = seed * 1664525u + 1013904223u;
      const std::int32_t noise = static_cast<std::int32_t>(seed >> 24) - 128;
      out[t * 3 + c] = static_cast<std::int16_t>(parabolicSine(phase[c], 5000) +
                                                 parabolicSine(shaft, 2000) + noise);
    }
  }
}

} // namespace dlm::bench
