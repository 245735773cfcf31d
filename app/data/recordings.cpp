// Recordings to descriptors: the boards' energy trigger, then the front-end, per file.
#include "app/data/recordings.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "devices/firmware/event_detector.h"
#include "devices/textstream/host_events.h"

namespace dlm::data {

namespace {

firmware::TriggerConfig triggerFor(double rateHz, int channels, float threshold) {
  firmware::TriggerConfig t = textstream::defaultTrigger(rateHz);
  if (threshold > 0.0f) t.threshold = threshold;
  t.channels = static_cast<std::uint8_t>(std::clamp(channels, 1, kMaxSensorChannels));
  t.sampleRateHz = static_cast<std::uint16_t>(std::clamp(std::round(rateHz), 1.0, 65535.0));
  return t;
}

// The trigger as the detector runs it (frame counts clamped to its ring).
firmware::TriggerConfig clampedTrigger(double rateHz, int channels, float threshold) {
  const auto detector = std::make_unique<firmware::EventDetector>();  // 30 KB: not on the stack
  detector->configure(triggerFor(rateHz, channels, threshold));
  return detector->config();
}

std::string describeSignal(const Signal& s) {
  return std::to_string(static_cast<long long>(std::lround(s.rateHz))) + " Hz, " +
         std::to_string(s.channels) + (s.channels == 1 ? " channel" : " channels");
}

// The front-end \p choice gives for signals like \p s (Auto: sound for WAV, motion for CSV).
bool chooseFrontEnd(FrontEndChoice choice, const Signal& s, float threshold,
                    FrontEndConfig& out, std::string& why) {
  if (choice == FrontEndChoice::Auto)
    choice = s.audio ? FrontEndChoice::Sound : FrontEndChoice::Motion;
  if (s.channels > kMaxSensorChannels) {
    why = describeSignal(s) + ": boards read at most " + std::to_string(kMaxSensorChannels) +
          " channels";
    return false;
  }
  if (choice == FrontEndChoice::Sound) {
    if (std::lround(s.rateHz) != 16000 || s.channels != 1) {
      why = describeSignal(s) + ": the sound front-end reads 16 kHz mono; convert with: sox " +
            "IN.wav -r 16000 -c 1 -b 16 OUT.wav";
      return false;
    }
    out = spectralFrontEnd(soundSpectral(1));
  } else if (choice == FrontEndChoice::Vibration) {
    out = spectralFrontEnd(
        vibrationSpectral(static_cast<std::uint32_t>(std::lround(s.rateHz)), s.channels));
  } else {
    out = motionFrontEnd(s.channels);
    // The duration is relative to the longest window, as on a board (host_events.cpp).
    out.motion.maxFrames = clampedTrigger(s.rateHz, s.channels, threshold).maxFrames;
  }
  if (checkFrontEnd(out) != Status::Ok) {
    why = describeSignal(s) + ": no descriptor of this front-end fits";
    return false;
  }
  return true;
}

bool signalFits(const FrontEndConfig& fe, const Signal& s, std::string& why) {
  if (s.channels != fe.channels()) {
    why = describeSignal(s) + ", the front-end reads " + std::to_string(fe.channels()) +
          (s.audio ? "; convert with: sox IN.wav -c " + std::to_string(fe.channels()) +
                         " OUT.wav"
                   : std::string());
    return false;
  }
  if (fe.kind == FrontEndKind::Spectral &&
      std::lround(s.rateHz) != static_cast<long>(fe.spectral.sampleRateHz)) {
    why = describeSignal(s) + ", the front-end reads " +
          std::to_string(fe.spectral.sampleRateHz) + " Hz" +
          (s.audio ? "; convert with: sox IN.wav -r " +
                         std::to_string(fe.spectral.sampleRateHz) + " OUT.wav"
                   : std::string());
    return false;
  }
  return true;
}

std::uint32_t oneEventFrames(const FrontEndConfig& fe) {
  return fe.kind == FrontEndKind::Spectral ? fe.spectral.maxFrames : fe.motion.maxFrames;
}

// The front-end and its work memory, set up once the first file says what it is.
struct Describer {
  FrontEndConfig config;
  EventFrontEnd runner;
  std::vector<unsigned char> work;
  bool ready = false;

  bool init(const FrontEndConfig& fe) {
    config = fe;
    work.assign(EventFrontEnd::workBytes(fe) + 1, 0);
    ready = runner.init(fe, work.data(), work.size()) == Status::Ok;
    return ready;
  }
};

// Every event of one file into \p out; a file without events only gives a warning. The
// options' describer, when set, describes the events in place of the front-end.
void describeFile(const RecordingFile& file, int label, const Signal& s, Describer& d,
                  const RecordingOptions& options, Recordings& out) {
  const std::vector<EventSpan> spans =
      findEvents(s, oneEventFrames(d.config), options.triggerThreshold);
  if (spans.empty()) out.warnings.push_back(file.path + ": no event");
  Dataset& data = out.data;
  EventDescriber* other = options.describer;
  std::vector<float> row(other != nullptr ? std::size_t(other->dims(s.channels, s.rateHz))
                                          : std::size_t(d.config.dims()));
  for (const EventSpan& e : spans) {
    const std::int16_t* first = s.samples.data() + std::size_t(e.start) * std::size_t(s.channels);
    const bool ok = other != nullptr
                        ? other->describe(first, e.frames, s.channels, s.rateHz, row.data())
                        : d.runner.compute(first, e.frames, row.data(), row.size()) == Status::Ok;
    if (!ok) continue;
    data.features.insert(data.features.end(), row.begin(), row.end());
    data.labels.push_back(label);
    out.rowFiles.push_back(file.path);
    ++data.rows;
  }
}

// Leave out classes whose folders gave no event: a class without examples cannot be learned.
void dropEmptyClasses(Dataset& data, std::vector<std::string>& warnings) {
  std::vector<int> count(data.classNames.size(), 0);
  for (const int l : data.labels) if (l >= 0) ++count[std::size_t(l)];
  std::vector<int> newIndex(count.size(), -1);
  std::vector<std::string> kept;
  for (std::size_t c = 0; c < count.size(); ++c) {
    if (count[c] == 0) {
      warnings.push_back("class " + data.classNames[c] + " left out: no event in its files");
      continue;
    }
    newIndex[c] = static_cast<int>(kept.size());
    kept.push_back(data.classNames[c]);
  }
  for (int& l : data.labels) l = l >= 0 ? newIndex[std::size_t(l)] : -1;
  data.classNames = std::move(kept);
}

} // namespace

std::vector<EventSpan> findEvents(const Signal& signal, std::uint32_t oneEventFrames,
                                  float threshold) {
  const std::uint32_t n = signal.frames;
  const auto ch = static_cast<std::size_t>(signal.channels);
  std::vector<EventSpan> spans;
  if (n == 0 || ch == 0 || signal.samples.size() < std::size_t(n) * ch) return spans;
  const auto detector = std::make_unique<firmware::EventDetector>();
  detector->configure(triggerFor(signal.rateHz, signal.channels, threshold));
  bool lastCut = false;
  auto take = [&]() {
    const firmware::DetectedEvent& e = detector->lastEvent();
    if (e.start >= n) return;
    spans.push_back({e.start, std::min(e.frames, n - e.start)});
    lastCut = e.truncated;
  };
  for (std::uint32_t f = 0; f < n; ++f) {
    if (detector->push(&signal.samples[std::size_t(f) * ch])) take();
  }
  // After the file, the last frame held: an event still open ends (quiet or cut) as it would
  // in a stream that went on unchanged.
  const firmware::TriggerConfig& t = detector->config();
  const std::uint32_t flush = std::uint32_t(t.maxFrames) + t.holdOffFrames +
                              firmware::EventDetector::kEnergyWindow;
  const std::int16_t* last = &signal.samples[std::size_t(n - 1) * ch];
  for (std::uint32_t f = 0; f < flush; ++f) {
    if (detector->push(last)) take();
  }
  if (n > oneEventFrames) return spans;
  // A short file is one example: the span of its events, or the whole file.
  if (spans.empty()) return {{0, n}};
  const std::uint32_t start = spans.front().start;
  const std::uint32_t end = lastCut ? n : spans.back().start + spans.back().frames;
  return {{start, end - start}};
}

bool loadRecordings(const std::string& dir, const RecordingOptions& options, Recordings& out,
                    std::string& error) {
  RecordingFolder folder;
  if (!scanRecordings(dir, folder, error)) return false;
  if (!options.includeUnknown && folder.classes.empty()) {
    error = dir + ": no class folder besides " + kUnknownFolder + "/";
    return false;
  }
  Recordings r;
  r.warnings = folder.warnings;
  r.data.classNames = folder.classes;
  Describer d;
  std::string why;
  for (const RecordingFile& file : folder.files) {
    if (file.unknown && !options.includeUnknown) continue;
    Signal s;
    bool skip = false;
    if (!readSignal(file.path, s, skip, why)) {
      if (!skip) {
        error = why;
        return false;
      }
      r.warnings.push_back("ignored " + why);
      continue;
    }
    if (!d.ready) {
      FrontEndConfig fe = options.frontEnd;
      const bool given = options.useFrontEnd && fe.kind != FrontEndKind::Motion;
      if ((!given && !chooseFrontEnd(options.useFrontEnd ? FrontEndChoice::Motion
                                                         : options.choice,
                                     s, options.triggerThreshold, fe, why)) ||
          !d.init(fe)) {
        error = file.path + ": " + (why.empty() ? "the front-end cannot run" : why);
        return false;
      }
    }
    if (!signalFits(d.config, s, why)) {
      error = file.path + ": " + why + " (every file of a folder must fit one front-end)";
      return false;
    }
    if (s.frames == 0) {
      r.warnings.push_back(file.path + ": no samples");
      continue;
    }
    const int label = file.unknown ? -1 : r.data.classIndex(file.className);
    describeFile(file, label, s, d, options, r);
    ++r.files;
  }
  if (!d.ready || r.data.rows == 0) {
    error = dir + ": no event in any recording";
    return false;
  }
  dropEmptyClasses(r.data, r.warnings);
  if (options.describer != nullptr) {
    r.data.dims = int(r.data.features.size() / std::size_t(r.data.rows));
  } else {
    r.data.dims = d.config.dims();
    if (d.config.kind == FrontEndKind::Motion)
      r.data.descriptorChannels = d.config.motion.channels;
  }
  r.frontEnd = d.config;
  out = std::move(r);
  return true;
}

} // namespace dlm::data
