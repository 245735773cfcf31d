#pragma once
// Test harness shared by the firmware signal tests: drives a MotionSource into an EventDetector
// in chunks, as the firmware loop does, and matches detections to the source's ground truth.
// Test code: the heap is fine here.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "devices/firmware/event_detector.h"
#include "devices/simulator/motion_source.h"

namespace dlm::firmware::test {

struct Detection {
  DetectedEvent event;
  std::vector<std::int16_t> window;  // raw interleaved xyz, as copyWindow() returned it
};

struct StreamRun {
  std::vector<GestureTruth> truths;
  std::vector<Detection> detections;
  std::vector<std::int16_t> stream;  // whole stream, only when asked for
};

// Generates `frames` frames from `source` and feeds them to `detector`, 250 frames at a time.
inline void runStream(MotionSource& source, EventDetector& detector, std::uint32_t frames,
                      StreamRun& run, bool keepStream = false) {
  constexpr std::uint32_t kChunk = 250;
  std::vector<std::int16_t> chunk(kChunk * 3);
  std::vector<std::int16_t> window(EventDetector::kMaxWindowFrames * 3);
  for (std::uint32_t done = 0; done < frames;) {
    const std::uint32_t n = std::min(kChunk, frames - done);
    source.generate(chunk.data(), n);
    if (keepStream) run.stream.insert(run.stream.end(), chunk.begin(), chunk.begin() + n * 3);
    for (std::uint32_t used = 0; used < n;) {
      used += detector.process(chunk.data() + used * 3, n - used);
      if (detector.eventReady()) {
        const std::uint32_t copied =
            detector.copyWindow(window.data(), EventDetector::kMaxWindowFrames);
        Detection d;
        d.event = detector.lastEvent();
        // Constructed rather than assign()ed: GCC 12 -O3 warns falsely (-Wnonnull) on assign.
        d.window = std::vector<std::int16_t>(window.begin(), window.begin() + copied * 3);
        run.detections.push_back(std::move(d));
      }
    }
    GestureTruth t;
    while (source.popTruth(t)) run.truths.push_back(t);
    done += n;
  }
}

inline std::int64_t overlap(std::uint32_t aStart, std::uint32_t aFrames, std::uint32_t bStart,
                            std::uint32_t bFrames) {
  const std::int64_t lo = std::max<std::int64_t>(aStart, bStart);
  const std::int64_t hi = std::min<std::int64_t>(std::int64_t(aStart) + aFrames,
                                                 std::int64_t(bStart) + bFrames);
  return hi - lo;
}

// A detection belongs to a truth if it covers at least half of it.
inline bool covers(const DetectedEvent& e, const GestureTruth& t) {
  return overlap(e.start, e.frames, t.start, t.frames) * 2 >= std::int64_t(t.frames);
}

struct Score {
  int truths = 0;       // truths that ended early enough to be reported
  int found = 0;        // truths covered by exactly one or more detections
  int detections = 0;
  int falseEvents = 0;  // detections covering no truth, or a truth already covered
  double recall() const { return truths ? double(found) / truths : 1.0; }
  double falseRate() const { return detections ? double(falseEvents) / detections : 0.0; }
};

// Truths ending later than `endFrame` - `margin` are ignored (their event may not be reported yet).
inline Score score(const StreamRun& run, std::uint32_t endFrame, std::uint32_t margin = 2000) {
  Score s;
  std::vector<int> hits(run.truths.size(), 0);
  for (const Detection& d : run.detections) {
    ++s.detections;
    bool matched = false;
    for (std::size_t i = 0; i < run.truths.size(); ++i) {
      if (covers(d.event, run.truths[i])) {
        matched = hits[i]++ == 0;
        break;
      }
    }
    if (!matched) ++s.falseEvents;
  }
  for (std::size_t i = 0; i < run.truths.size(); ++i) {
    if (run.truths[i].start + run.truths[i].frames + margin > endFrame) continue;
    ++s.truths;
    if (hits[i] > 0) ++s.found;
  }
  return s;
}

} // namespace dlm::firmware::test
