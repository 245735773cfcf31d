// Fuzz target: the text-stream parser (devices/textstream), the door of a board that prints
// numbers: whatever a serial port delivers, cut into lines, parsed, its format inferred, and
// its frames run through the host-side event pipeline (the firmware's trigger and the
// descriptor), as TextBoardWorker does. The input is what the port delivers (the seed corpus
// holds real board output: Arduino CSV, Serial Plotter "name:value", Edge Impulse's data
// forwarder, timestamps in s/ms/us, headers, noise, a column change, a rate change).
//
// By default each line arrives on its own, 10 ms after the one before. An input that starts
// with 0xFF carries 7 bytes of setup first: the line period (u16, x 100 us), jitter (% of the
// period), chunking (0: one line per read; n: reads of n bytes whatever the lines), a forced
// channel count, a forced rate, the timestamp option and the scale (ParserOptions).
//
// Checked: every line is accounted for (a frame, a header or garbage of a kind); every
// format is sane (1..16 channels, a name each, a finite non-negative rate, a finite positive
// scale); frames are numbered 0, 1, 2... within their segment with finite values; events
// from the frames have finite descriptors.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "devices/textstream/host_events.h"
#include "devices/textstream/stream_parser.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm::textstream;

namespace {

struct Setup {
  std::int64_t periodUs = 10000;
  std::uint32_t jitterPercent = 0;
  std::size_t chunk = 0;  // 0: one line per read
  ParserOptions options;
};

Setup readSetup(const std::uint8_t*& data, std::size_t& size) {
  Setup s;
  if (size < 8 || data[0] != 0xFF) return s;
  dlm::fuzz::Input in(data + 1, 7);
  s.periodUs = 100 * (1 + std::int64_t(in.u16() % 5000));
  s.jitterPercent = in.u8() % 51;
  s.chunk = in.u8();
  s.options.channels = in.u8() % (kMaxColumns + 1);
  constexpr double kRates[] = {0.0, 0.0, 50.0, 100.0, 200.0, 1000.0, 16000.0, 3.7};
  s.options.rateHz = kRates[in.u8() % 8];
  const std::uint8_t t = in.u8();
  s.options.timestamp = static_cast<ParserOptions::Timestamp>(t % 5);
  constexpr double kScales[] = {0.0, 1.0, 100.0, 1e-3};
  s.options.scale = kScales[(t / 5) % 4];
  data += 8;
  size -= 8;
  return s;
}

class Sink final : public TextStreamSink {
public:
  void onFormat(const StreamFormat& f) override {
    DLM_FUZZ_CHECK(f.channels >= 1 && f.channels <= kMaxColumns, "a format's channels");
    DLM_FUZZ_CHECK(f.names.size() == std::size_t(f.channels), "one name per channel");
    DLM_FUZZ_CHECK(std::isfinite(f.rateHz) && f.rateHz >= 0.0, "a format's rate");
    DLM_FUZZ_CHECK(std::isfinite(f.scale) && f.scale > 0.0, "a format's scale");
    DLM_FUZZ_CHECK(f.segment == m_segment + 1, "segments numbered in order");
    m_segment = f.segment;
    m_channels = f.channels;
    m_next = 0;
    const double rate = f.rateHz > 0.0 ? f.rateHz : 1000.0;  // as TextBoardWorker does
    m_detector.configure(f.channels, rate, defaultTrigger(rate));
  }
  void onFrame(const Frame& f) override {
    DLM_FUZZ_CHECK(f.segment == m_segment && f.channels == m_channels, "a frame's segment");
    DLM_FUZZ_CHECK(f.index == m_next++, "frames numbered in order");
    for (int c = 0; c < f.channels; ++c) {
      DLM_FUZZ_CHECK(std::isfinite(f.values[std::size_t(c)]), "a frame's value");
    }
    ++frames;
    if (!m_detector.push(f.counts.data())) return;
    for (float v : m_detector.lastEvent().descriptor) {
      DLM_FUZZ_CHECK(std::isfinite(v), "an event's descriptor");
    }
  }
  std::uint64_t frames = 0;

private:
  HostEventDetector m_detector;
  int m_segment = 0;
  int m_channels = 0;
  std::int64_t m_next = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Setup setup = readSetup(data, size);
  Sink sink;
  TextStreamParser parser(sink, setup.options);
  const char* text = reinterpret_cast<const char*>(data);
  std::int64_t now = 1'000'000;
  std::uint32_t random = 12345;
  std::size_t at = 0;
  while (at < size) {
    std::size_t n = setup.chunk;
    if (n == 0) {  // up to and including the next line end
      const std::uint8_t* end = std::find(data + at, data + size, std::uint8_t('\n'));
      n = std::size_t(end - (data + at)) + (end != data + size ? 1 : 0);
    }
    n = std::min(n, size - at);
    parser.feed(text + at, n, now);
    at += n;
    random = random * 1103515245u + 12345u;
    const std::int64_t jitter = setup.periodUs * setup.jitterPercent / 100;
    now += setup.periodUs + (jitter > 0 ? std::int64_t(random >> 8) % (2 * jitter + 1) - jitter
                                        : 0);
    parser.recentRateHz();
  }
  parser.finish(now);
  const ParserCounters& c = parser.counters();
  DLM_FUZZ_CHECK(c.bytes == size, "bytes counted");
  DLM_FUZZ_CHECK(c.frames == sink.frames, "frames counted");
  DLM_FUZZ_CHECK(c.lines == c.headerLines + c.frames + c.garbage.total(),
                 "a line neither a frame, a header nor garbage");
  DLM_FUZZ_CHECK(c.segments == parser.segments().size(), "segments counted");
  for (const SegmentReport& r : parser.segments()) {
    DLM_FUZZ_CHECK(std::isfinite(r.measuredHz) && r.measuredHz >= 0.0, "a segment's rate");
  }
  return 0;
}
