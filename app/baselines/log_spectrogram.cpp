#include "app/baselines/log_spectrogram.h"

#include <cmath>

namespace dlm::bench {

namespace {

constexpr float kPowerFloor = 1.0e-10f;  // -100 dB of full scale, the front-end's floor
constexpr float kFullScale = 32768.0f;

} // namespace

LogSpectrogram::LogSpectrogram(int frameLength, int frames, Timing timing)
    : m_frames(frames), m_timing(timing) {
  if (!isFftLength(frameLength) || frames < 1) return;
  m_table.assign(realFftTableFloats(frameLength), 0.0f);
  if (m_fft.init(frameLength, m_table.data(), m_table.size()) != Status::Ok) return;
  m_frame.assign(std::size_t(frameLength), 0.0f);
  for (int t = 0; t < frameLength; ++t) m_windowEnergy += m_fft.hann(t) * m_fft.hann(t);
}

int LogSpectrogram::dims(int channels) const {
  if (!ready() || channels < 1) return 0;
  return channels * m_frames * (m_fft.length() / 2 + 1);
}

std::uint32_t LogSpectrogram::frameStart(int t, std::uint32_t eventFrames) const {
  const auto length = static_cast<std::uint32_t>(m_fft.length());
  if (m_timing == Timing::Hop) return std::uint32_t(t) * (length / 2);
  if (eventFrames <= length || m_frames == 1) return 0;
  const double span = double(eventFrames - length);
  return static_cast<std::uint32_t>(std::lround(span * t / double(m_frames - 1)));
}

bool LogSpectrogram::compute(const std::int16_t* samples, std::uint32_t eventFrames,
                             int channels, float* out) {
  if (!ready() || samples == nullptr || eventFrames == 0 || channels < 1) return false;
  const int length = m_fft.length();
  const int bins = length / 2 + 1;
  const auto stride = static_cast<std::size_t>(channels);
  for (int c = 0; c < channels; ++c) {
    double sum = 0.0;
    for (std::uint32_t i = 0; i < eventFrames; ++i) sum += samples[i * stride + std::size_t(c)];
    const auto mean = static_cast<float>(sum / eventFrames);
    for (int t = 0; t < m_frames; ++t) {
      const std::uint32_t start = frameStart(t, eventFrames);
      for (int k = 0; k < length; ++k) {
        const std::uint32_t at = start + std::uint32_t(k);
        const float v = at < eventFrames
                            ? (float(samples[at * stride + std::size_t(c)]) - mean) / kFullScale
                            : 0.0f;
        m_frame[std::size_t(k)] = v * m_fft.hann(k);
      }
      m_fft.forward(m_frame.data());
      m_fft.power(m_frame.data(), m_frame.data());
      float* row = out + (std::size_t(c) * std::size_t(m_frames) + std::size_t(t)) *
                             std::size_t(bins);
      for (int k = 0; k < bins; ++k)
        row[k] = std::log10(m_frame[std::size_t(k)] / m_windowEnergy + kPowerFloor);
    }
  }
  return true;
}

} // namespace dlm::bench
