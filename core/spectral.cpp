#include "core/spectral.h"

#include <cmath>

#include "core/arena.h"

namespace dlm {

namespace {

// Band power below -100 dB of full scale reads as silence: log10 stays finite, and the
// quantisation noise of an int16 sensor (about -101 dB a band) sits at the floor.
constexpr float kPowerFloor = 1.0e-10f;
// Cells are quarter-bels: the 80 dB between a whisper and a full-scale tone span 2 units.
constexpr float kLogScale = 0.25f;
// SpectralFrontEnd::binBands(): the bin is outside fmin..fmax.
constexpr std::int16_t kNoBand = -2;

double melOf(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }
double hzOfMel(double mel) { return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0); }

// Band points in double, so that the layout is the same on every target (the float result of
// a correctly rounded double computation).
double bandPoint(const SpectralConfig& c, int i) {
  const int intervals = c.scale == BandScale::Mel ? c.bands + 1 : c.bands;
  const double t = static_cast<double>(i) / static_cast<double>(intervals);
  const double lo = static_cast<double>(c.fminHz);
  const double hi = static_cast<double>(c.fmaxHz);
  if (i <= 0) return lo;  // exact ends: no round trip through the mel scale
  if (i >= intervals) return hi;
  if (c.scale == BandScale::Linear) return lo + (hi - lo) * t;
  const double mlo = melOf(lo);
  return hzOfMel(mlo + (melOf(hi) - mlo) * t);
}

// STFT frames of an event of \p frames samples: one per hop, the last zero-padded, so that
// every sample is in some frame; one for an event shorter than a frame.
std::uint32_t frameCount(std::uint32_t frames, const SpectralConfig& c) {
  if (frames <= c.frameLength) return 1;
  return 1 + (frames - c.frameLength + c.hop - 1) / c.hop;
}

} // namespace

Status checkSpectralConfig(const SpectralConfig& c) {
  const bool finite = std::isfinite(c.fminHz) && std::isfinite(c.fmaxHz) &&
                      std::isfinite(c.fullScale);
  const float nyquist = static_cast<float>(c.sampleRateHz) * 0.5f;
  if (c.channels < 1 || !isFftLength(c.frameLength) || c.hop < 1 ||
      c.hop > c.frameLength || c.bands < 1 || c.slices < 1 || c.sampleRateHz < 1 || !finite ||
      !(c.fminHz >= 0.0f) || !(c.fminHz < c.fmaxHz) || c.fmaxHz > nyquist ||
      !(c.fullScale > 0.0f) || c.maxFrames < 1 ||
      (c.scale != BandScale::Mel && c.scale != BandScale::Linear)) {
    return Status::InvalidArgument;
  }
  return Status::Ok;
}

float bandPointHz(const SpectralConfig& config, int i) {
  return static_cast<float>(bandPoint(config, i));
}

Status spectralFeatureWeights(const SpectralConfig& config, float statsWeight, float* out,
                              std::size_t outCapacity) {
  if (config.channels == 0 || config.bands == 0 || config.slices == 0 || out == nullptr ||
      !(statsWeight > 0.0f)) {
    return Status::InvalidArgument;
  }
  if (outCapacity < config.dims()) return Status::BufferTooSmall;
  const int cells = config.slices * config.bands;
  const int stride = cells + SpectralConfig::kStatsPerChannel;
  for (int c = 0; c < config.channels; ++c) {
    for (int k = 0; k < stride; ++k) out[c * stride + k] = k < cells ? 1.0f : statsWeight;
  }
  out[config.dims() - 1] = statsWeight;
  return Status::Ok;
}

std::size_t SpectralFrontEnd::workBytes(const SpectralConfig& config) {
  if (checkSpectralConfig(config) != Status::Ok) return 0;
  const std::size_t bins = config.frameLength / 2u + 1u;
  Arena dry;  // counts what init() carves, each piece aligned as there
  dry.take<float>(realFftTableFloats(config.frameLength));
  dry.take<float>(config.frameLength);
  dry.take<std::int16_t>(bins);
  dry.take<float>(bins);
  dry.take<float>(config.bands);
  dry.take<float>(static_cast<std::size_t>(config.slices) * config.bands);
  return dry.used() + 16;  // the caller's buffer may start anywhere in a 16-byte line
}

Status SpectralFrontEnd::init(const SpectralConfig& config, void* work, std::size_t workSize) {
  m_fft = RealFft();
  const Status valid = checkSpectralConfig(config);
  if (valid != Status::Ok) return valid;
  if (work == nullptr) return Status::InvalidArgument;
  const std::size_t bins = config.frameLength / 2u + 1u;
  Arena arena(work, workSize);
  float* table = arena.take<float>(realFftTableFloats(config.frameLength));
  m_frame = arena.take<float>(config.frameLength);
  m_binLower = arena.take<std::int16_t>(bins);
  m_binWeight = arena.take<float>(bins);
  m_bandPower = arena.take<float>(config.bands);
  m_cells = arena.take<float>(static_cast<std::size_t>(config.slices) * config.bands);
  if (arena.overflowed()) return Status::ArenaTooSmall;
  m_config = config;
  const Status s = m_fft.init(config.frameLength, table, realFftTableFloats(config.frameLength));
  if (s != Status::Ok) return s;
  float windowEnergy = 0.0f;
  for (int t = 0; t < config.frameLength; ++t) windowEnergy += m_fft.hann(t) * m_fft.hann(t);
  // Twice |X|^2 over n times the window's energy: the one-sided bins of a frame then add up
  // to its mean square (Parseval), whatever the frame length.
  m_powerScale = 2.0f / (static_cast<float>(config.frameLength) * windowEnergy);
  buildBandLayout();
  return Status::Ok;
}

void SpectralFrontEnd::buildBandLayout() {
  const SpectralConfig& c = m_config;
  const int bins = c.frameLength / 2 + 1;
  const double binHz = static_cast<double>(c.sampleRateHz) / c.frameLength;
  const double lo = bandPoint(c, 0);
  const double hi = bandPoint(c, c.scale == BandScale::Mel ? c.bands + 1 : c.bands);
  // Mel segment j lies between points j and j+1; bins rise in frequency, so j only advances
  // (a few dozen logarithms at init, not one per bin and point: they are soft-float on an M4F).
  int j = 0;
  double p0 = lo;
  double p1 = bandPoint(c, 1);
  for (int k = 0; k < bins; ++k) {
    const double f = binHz * k;
    m_binLower[k] = kNoBand;
    m_binWeight[k] = 0.0f;
    if (c.scale == BandScale::Linear) {
      if (f < lo || f > hi) continue;
      // The exact quotient of doubles: a bin on an edge goes to the same band on every target.
      int band = static_cast<int>(std::floor((f - lo) * c.bands / (hi - lo)));
      if (band >= c.bands) band = c.bands - 1;  // the top edge itself (e.g. Nyquist)
      m_binLower[k] = static_cast<std::int16_t>(band);
      continue;
    }
    if (f < lo || f >= hi) continue;
    while (j < c.bands && p1 <= f) {
      ++j;
      p0 = p1;
      p1 = bandPoint(c, j + 1);
    }
    // The falling side of filter j-1, the rising side of filter j.
    m_binLower[k] = static_cast<std::int16_t>(j - 1);
    m_binWeight[k] = static_cast<float>((f - p0) / (p1 - p0));
  }
}

void SpectralFrontEnd::binBands(int k, int* lower, float* w) const {
  const bool inRange = ready() && k >= 0 && k <= m_config.frameLength / 2;
  if (lower != nullptr) *lower = inRange ? m_binLower[k] : kNoBand;
  if (w != nullptr) *w = inRange ? m_binWeight[k] : 0.0f;
}

Status SpectralFrontEnd::compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                                 std::size_t outCapacity) {
  if (!ready()) return Status::NotInitialized;
  if (samples == nullptr || out == nullptr || frames == 0) return Status::InvalidArgument;
  if (outCapacity < m_config.dims()) return Status::BufferTooSmall;
  const int stride = m_config.slices * m_config.bands + SpectralConfig::kStatsPerChannel;
  for (int c = 0; c < m_config.channels; ++c) channelCells(samples, frames, c, out + c * stride);
  const float duration = static_cast<float>(frames) / static_cast<float>(m_config.maxFrames);
  out[m_config.channels * stride] = duration < 1.0f ? duration : 1.0f;
  return Status::Ok;
}

void SpectralFrontEnd::channelCells(const std::int16_t* samples, std::uint32_t frames,
                                    int channel, float* out) {
  const SpectralConfig& c = m_config;
  const std::size_t channels = c.channels;
  // The event's mean is removed first: a sensor's offset (gravity on an accelerometer, a
  // microphone's bias) is not part of the spectrum. Integer sum: exact on every target.
  std::int64_t sum = 0;
  for (std::uint32_t f = 0; f < frames; ++f) sum += samples[f * channels + std::size_t(channel)];
  const float mean = static_cast<float>(static_cast<double>(sum) / frames);
  const int cells = c.slices * c.bands;
  for (int i = 0; i < cells; ++i) m_cells[i] = 0.0f;
  const std::uint32_t count = frameCount(frames, c);
  for (std::uint32_t f = 0; f < count; ++f) {
    frameBandPower(samples, frames, channel, f * c.hop, mean);
    // Frame f belongs to every slice whose range holds it (integer edges, as the motion bins;
    // with fewer frames than slices a frame serves several).
    for (int s = 0; s < c.slices; ++s) {
      std::uint32_t begin = static_cast<std::uint32_t>(std::uint64_t(count) * s / c.slices);
      std::uint32_t end = static_cast<std::uint32_t>(std::uint64_t(count) * (s + 1) / c.slices);
      if (end <= begin) end = begin + 1;
      if (f < begin || f >= end) continue;
      float* row = m_cells + s * c.bands;
      for (int b = 0; b < c.bands; ++b) row[b] += m_bandPower[b];
    }
  }
  float level = 0.0f;
  for (int s = 0; s < c.slices; ++s) {
    std::uint32_t begin = static_cast<std::uint32_t>(std::uint64_t(count) * s / c.slices);
    std::uint32_t end = static_cast<std::uint32_t>(std::uint64_t(count) * (s + 1) / c.slices);
    if (end <= begin) end = begin + 1;
    const float inverse = 1.0f / static_cast<float>(end - begin);
    for (int b = 0; b < c.bands; ++b) {
      const float v = kLogScale * std::log10(m_cells[s * c.bands + b] * inverse + kPowerFloor);
      out[s * c.bands + b] = v;
      level += v;
    }
  }
  level /= static_cast<float>(cells);
  if (c.normalise) {
    for (int i = 0; i < cells; ++i) out[i] -= level;
  }
  out[cells] = level;
}

// Band powers of the frame starting at sample \p start into m_bandPower.
void SpectralFrontEnd::frameBandPower(const std::int16_t* samples, std::uint32_t frames,
                                      int channel, std::uint32_t start, float mean) {
  const SpectralConfig& c = m_config;
  const std::size_t channels = c.channels;
  const float scale = 1.0f / c.fullScale;
  for (int t = 0; t < c.frameLength; ++t) {
    const std::uint32_t i = start + static_cast<std::uint32_t>(t);
    const float v = i < frames
                        ? (static_cast<float>(samples[i * channels + std::size_t(channel)]) - mean)
                        : 0.0f;
    m_frame[t] = v * scale * m_fft.hann(t);
  }
  m_fft.forward(m_frame);
  m_fft.power(m_frame, m_frame);
  for (int b = 0; b < c.bands; ++b) m_bandPower[b] = 0.0f;
  const int bins = c.frameLength / 2 + 1;
  for (int k = 0; k < bins; ++k) {
    const int lower = m_binLower[k];
    if (lower == kNoBand) continue;
    const float p = m_frame[k] * m_powerScale;
    const float w = m_binWeight[k];
    if (lower >= 0) m_bandPower[lower] += (1.0f - w) * p;
    if (lower + 1 < c.bands && w > 0.0f) m_bandPower[lower + 1] += w * p;
  }
}

} // namespace dlm
