#include "core/descriptor.h"

#include <cmath>

namespace dlm {

namespace {

float sampleAt(const std::int16_t* samples, std::uint32_t frame, int channel, int channels) {
  return static_cast<float>(samples[static_cast<std::size_t>(frame) * channels + channel]);
}

// Mean of the channel over [begin, end) frames; end > begin is guaranteed by the caller.
float binMean(const std::int16_t* samples, std::uint32_t begin, std::uint32_t end, int channel,
              int channels) {
  float sum = 0.0f;
  for (std::uint32_t f = begin; f < end; ++f) sum += sampleAt(samples, f, channel, channels);
  return sum / static_cast<float>(end - begin);
}

void channelFeatures(const DescriptorConfig& config, const std::int16_t* samples,
                     std::uint32_t frames, int channel, float* out) {
  const int channels = config.channels;
  const float scale = 1.0f / config.fullScale;
  for (int b = 0; b < config.bins; ++b) {
    // Integer bin edges so the same window always gives the same bins on every target.
    std::uint32_t begin = static_cast<std::uint32_t>(static_cast<std::uint64_t>(frames) * b /
                                                     config.bins);
    std::uint32_t end = static_cast<std::uint32_t>(static_cast<std::uint64_t>(frames) * (b + 1) /
                                                   config.bins);
    if (end <= begin) end = begin + 1;
    if (begin >= frames) begin = frames - 1;
    if (end > frames) end = frames;
    out[b] = binMean(samples, begin, end, channel, channels) * scale;
  }
  const float first = sampleAt(samples, 0, channel, channels);
  const float last = sampleAt(samples, frames - 1, channel, channels);
  const float denom = frames > 1 ? static_cast<float>(frames - 1) : 1.0f;
  float sumSq = 0.0f;
  float peak = 0.0f;
  float sumDiff = 0.0f;
  float previous = first;
  for (std::uint32_t f = 0; f < frames; ++f) {
    const float v = sampleAt(samples, f, channel, channels);
    // Detrend against the line joining the window's ends: slow drift of the sensor's
    // bias must not look like motion.
    const float trend = first + (last - first) * (static_cast<float>(f) / denom);
    sumSq += (v - trend) * (v - trend);
    peak = std::fmax(peak, std::fabs(v));
    sumDiff += std::fabs(v - previous);
    previous = v;
  }
  const float n = static_cast<float>(frames);
  out[config.bins + 0] = std::sqrt(sumSq / n) * scale;
  out[config.bins + 1] = peak * scale;
  out[config.bins + 2] = sumDiff / n * scale * 8.0f; // differences are small; bring to range
}

} // namespace

Status computeDescriptor(const DescriptorConfig& config, const std::int16_t* samples,
                         std::uint32_t frames, float* out, std::size_t outCapacity) {
  if (samples == nullptr || out == nullptr || frames == 0 || config.channels == 0 ||
      config.bins == 0 || !(config.fullScale > 0.0f) || config.maxFrames == 0) {
    return Status::InvalidArgument;
  }
  if (outCapacity < config.dims()) return Status::BufferTooSmall;
  const int stride = config.bins + DescriptorConfig::kStatsPerChannel;
  for (int c = 0; c < config.channels; ++c) {
    channelFeatures(config, samples, frames, c, out + c * stride);
  }
  const float duration = static_cast<float>(frames) / static_cast<float>(config.maxFrames);
  out[config.channels * stride] = duration < 1.0f ? duration : 1.0f;
  return Status::Ok;
}

Status descriptorFeatureWeights(const DescriptorConfig& config, float statsWeight, float* out,
                                std::size_t outCapacity) {
  if (config.channels == 0 || config.bins == 0 || out == nullptr || !(statsWeight > 0.0f)) {
    return Status::InvalidArgument;
  }
  if (outCapacity < config.dims()) return Status::BufferTooSmall;
  // The layout computeDescriptor() writes: per channel the bins, then its statistics; the
  // duration last.
  const int perChannel = config.bins + DescriptorConfig::kStatsPerChannel;
  for (int c = 0; c < config.channels; ++c) {
    for (int k = 0; k < perChannel; ++k) {
      out[c * perChannel + k] = k < config.bins ? 1.0f : statsWeight;
    }
  }
  out[config.dims() - 1] = statsWeight;
  return Status::Ok;
}

} // namespace dlm
