#pragma once

// Helpers of the text-stream tests: a sink that keeps what the parser delivers, and a device
// simulator that prints lines at a given rate and delivers them in bursts, as a USB-serial
// bridge does, on a virtual clock (no sleeping).

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "devices/textstream/stream_parser.h"

namespace dlm::test {

class CollectingSink : public textstream::TextStreamSink {
public:
  void onFormat(const textstream::StreamFormat& format) override { formats.push_back(format); }
  void onFrame(const textstream::Frame& frame) override { frames.push_back(frame); }
  std::vector<textstream::StreamFormat> formats;
  std::vector<textstream::Frame> frames;
};

/// Prints line(i) for i in [0, count) at rateHz from startUs, delivering the lines printed
/// during each burstUs window together at its end plus a latency of up to jitterUs.
/// Returns the time after the last delivery.
inline std::int64_t playLines(textstream::TextStreamParser& parser, int count, double rateHz,
                              const std::function<std::string(int)>& line,
                              std::int64_t startUs = 0, std::int64_t burstUs = 16000,
                              std::int64_t jitterUs = 0, unsigned seed = 1) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::int64_t> jitter(0, jitterUs);
  std::string chunk;
  std::int64_t burstEnd = startUs + burstUs;
  std::int64_t lastDelivery = startUs;
  for (int i = 0; i < count; ++i) {
    const auto printed = startUs + static_cast<std::int64_t>(std::llround(i * 1e6 / rateHz));
    while (printed >= burstEnd) {
      if (!chunk.empty()) {
        lastDelivery = burstEnd + jitter(random);
        parser.feed(chunk.data(), chunk.size(), lastDelivery);
        chunk.clear();
      }
      burstEnd += burstUs;
    }
    chunk += line(i);
  }
  if (!chunk.empty()) {
    lastDelivery = burstEnd + jitter(random);
    parser.feed(chunk.data(), chunk.size(), lastDelivery);
  }
  return lastDelivery;
}

/// "v1,v2,...\n" with channels small sinusoids (floats, 3 decimals).
inline std::string floatLine(int i, int channels, const char* separator = ",") {
  std::string s;
  for (int c = 0; c < channels; ++c) {
    if (c > 0) s += separator;
    char value[32];
    std::snprintf(value, sizeof value, "%.3f", 0.5 * std::sin(0.05 * i + c));
    s += value;
  }
  return s + "\n";
}

} // namespace dlm::test
