// Writes the gesture files the export test needs, from the virtual board's own signal path:
//   OUT/train.csv         descriptors of the known gestures with their labels (seed 1)
//   OUT/test.csv          descriptors of every gesture, never-seen ones included (seed 2)
//   OUT/test_samples.csv  the raw event windows test.csv's rows come from, one per line
// Floats are written with 9 digits, so dlm reads back exactly the descriptor computed here.
#include <cstdio>
#include <string>
#include <vector>

#include "app/data/gestures.h"
#include "core/descriptor.h"
#include "devices/firmware/event_detector.h"
#include "devices/simulator/motion_source.h"

namespace {

using dlm::firmware::EventDetector;
using dlm::firmware::MotionSource;

constexpr int kChannels = 3;
constexpr std::uint32_t kFramesPerRequest = 2500;  // rest, the gesture and the hold-off
constexpr int kRequestsPerGesture = 15;

void writeHeader(std::FILE* f, int dims) {
  for (int i = 0; i < dims; ++i) std::fprintf(f, "f%d,", i);
  std::fprintf(f, "label\n");
}

void writeRow(std::FILE* f, const float* x, int dims, const char* label) {
  for (int i = 0; i < dims; ++i) std::fprintf(f, "%.9g,", double(x[i]));
  std::fprintf(f, "%s\n", label);
}

bool writeTrain(const std::string& dir) {
  dlm::data::GestureOptions o;
  o.seed = 1;
  o.perGesture = 30;
  const dlm::data::Dataset d = dlm::data::generateGestures(o);
  std::FILE* f = std::fopen((dir + "/train.csv").c_str(), "w");
  if (f == nullptr) return false;
  writeHeader(f, d.dims);
  for (int i = 0; i < d.rows; ++i) {
    const int label = d.labels[std::size_t(i)];
    if (label < dlm::data::kKnownGestureClasses) {
      writeRow(f, d.row(i), d.dims, d.classNames[std::size_t(label)].c_str());
    }
  }
  return std::fclose(f) == 0;
}

// Every gesture, known or not, kRequestsPerGesture times each; each detected window goes to both files.
bool writeTest(const std::string& dir) {
  dlm::firmware::MotionConfig motion;
  motion.seed = 2;
  motion.gestureRatePerMinute = 0.0f;
  MotionSource source(motion);
  dlm::firmware::TriggerConfig trigger;
  trigger.channels = kChannels;
  EventDetector detector;
  detector.configure(trigger);
  const dlm::DescriptorConfig config = dlm::descriptorFor(kChannels);
  std::FILE* rows = std::fopen((dir + "/test.csv").c_str(), "w");
  std::FILE* raw = std::fopen((dir + "/test_samples.csv").c_str(), "w");
  if (rows == nullptr || raw == nullptr) return false;
  writeHeader(rows, config.dims());
  std::vector<std::int16_t> chunk(250 * kChannels);
  std::vector<std::int16_t> window(EventDetector::kMaxWindowFrames * kChannels);
  std::vector<float> x(config.dims());
  for (int request = 0; request < kRequestsPerGesture * MotionSource::kGestureCount; ++request) {
    const auto id = static_cast<std::uint8_t>(request % MotionSource::kGestureCount);
    source.performGesture(id);
    for (std::uint32_t done = 0; done < kFramesPerRequest; done += 250) {
      source.generate(chunk.data(), 250);
      for (std::uint32_t used = 0; used < 250;) {
        used += detector.process(chunk.data() + used * kChannels, 250 - used);
        if (!detector.eventReady()) continue;
        const std::uint32_t frames =
            detector.copyWindow(window.data(), EventDetector::kMaxWindowFrames);
        if (frames == 0 || dlm::computeDescriptor(config, window.data(), frames, x.data(),
                                                  x.size()) != dlm::Status::Ok) {
          continue;
        }
        writeRow(rows, x.data(), config.dims(), MotionSource::gestureName(id));
        for (std::uint32_t s = 0; s < frames * kChannels; ++s) {
          std::fprintf(raw, s == 0 ? "%d" : ",%d", int(window[s]));
        }
        std::fprintf(raw, "\n");
      }
    }
  }
  return std::fclose(rows) == 0 && std::fclose(raw) == 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: export_gesture_csv OUTDIR\n");
    return 2;
  }
  if (!writeTrain(argv[1]) || !writeTest(argv[1])) {
    std::fprintf(stderr, "export_gesture_csv: cannot write into %s\n", argv[1]);
    return 1;
  }
  return 0;
}
