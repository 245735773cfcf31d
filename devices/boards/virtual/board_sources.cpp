#include "devices/boards/virtual/board_sources.h"

#include <cerrno>
#include <cstdlib>

#include "core/front_end.h"
#include "devices/boards/virtual/wav_source.h"
#include "devices/simulator/clocked_motion_source.h"
#include "devices/simulator/frame_clock.h"
#include "devices/simulator/vibration_source.h"

namespace dlm::board {

namespace {

// A 50 ms backlog at any rate: a main-loop pass that computes an event's spectrum must not
// lose samples (the motion source's 250 frames are 16 ms at 16 kHz).
std::uint32_t backlogFor(std::uint32_t rateHz) { return rateHz / 20u + 64u; }

class MotionBoardSource final : public BoardSource {
public:
  explicit MotionBoardSource(const firmware::MotionConfig& config) : m_config(config) {}
  std::uint16_t sampleRateHz() const override { return m_motion.source().config().sampleRateHz; }
  std::uint8_t channels() const override { return m_motion.source().config().channels; }
  FrontEndConfig frontEnd() const override { return FrontEndConfig(); }  // motion: the app fits it
  void start(std::uint32_t now) override { m_motion.start(m_config, now); }
  std::uint32_t pull(std::uint32_t now, std::int16_t* out, std::uint32_t max) override {
    return m_motion.pull(now, out, max);
  }
  firmware::GestureRequest performGesture(std::uint8_t id) override {
    return m_motion.performGesture(id);
  }
  firmware::GestureRequest setSpontaneousGestures(float rate) override {
    return m_motion.setSpontaneousGestures(rate);
  }
  std::uint8_t requestedGesture(std::uint32_t ago, std::uint32_t frames) const override {
    return m_motion.requestedGesture(ago, frames);
  }
  std::uint32_t overruns() const override { return m_motion.overruns(); }

private:
  firmware::MotionConfig m_config;
  firmware::ClockedMotionSource m_motion;
};

// "Perform gesture" id = the fault to inject (MachineFault); the measurement windows are the
// machine's own rhythm, so the demo switch has nothing to start or stop.
class VibrationBoardSource final : public BoardSource {
public:
  explicit VibrationBoardSource(const firmware::VibrationConfig& config) : m_source(config) {}
  std::uint16_t sampleRateHz() const override { return m_source.config().sampleRateHz; }
  std::uint8_t channels() const override { return m_source.config().channels; }
  FrontEndConfig frontEnd() const override {
    return spectralFrontEnd(vibrationSpectral(sampleRateHz(), channels()));
  }
  void start(std::uint32_t now) override {
    m_clock.start(sampleRateHz(), now, backlogFor(sampleRateHz()));
  }
  std::uint32_t pull(std::uint32_t now, std::int16_t* out, std::uint32_t max) override {
    const std::uint32_t n = m_clock.take(now, max);
    m_source.generate(out, n);
    return n;
  }
  firmware::GestureRequest performGesture(std::uint8_t id) override {
    if (id >= firmware::kMachineFaultCount) return firmware::GestureRequest::Rejected;
    m_source.setFault(static_cast<firmware::MachineFault>(id));
    return firmware::GestureRequest::Queued;
  }
  firmware::GestureRequest setSpontaneousGestures(float) override {
    return firmware::GestureRequest::Queued;
  }
  std::uint32_t overruns() const override { return m_clock.overruns(); }

private:
  firmware::VibrationSource m_source;
  firmware::FrameClock m_clock;
};

// "Perform gesture" 0 = play the next file; the demo switch = loop over the files.
class WavBoardSource final : public BoardSource {
public:
  explicit WavBoardSource(WavSource&& wav) : m_wav(std::move(wav)) {}
  std::uint16_t sampleRateHz() const override { return WavSource::kSampleRateHz; }
  std::uint8_t channels() const override { return 1; }
  FrontEndConfig frontEnd() const override { return spectralFrontEnd(soundSpectral(1)); }
  void start(std::uint32_t now) override {
    m_clock.start(sampleRateHz(), now, backlogFor(sampleRateHz()));
  }
  std::uint32_t pull(std::uint32_t now, std::int16_t* out, std::uint32_t max) override {
    const std::uint32_t n = m_clock.take(now, max);
    m_wav.generate(out, n);
    return n;
  }
  firmware::GestureRequest performGesture(std::uint8_t id) override {
    if (id != 0) return firmware::GestureRequest::Rejected;
    return m_wav.playNext() ? firmware::GestureRequest::Queued : firmware::GestureRequest::Rejected;
  }
  firmware::GestureRequest setSpontaneousGestures(float rate) override {
    m_wav.setLooping(rate > 0.0f);
    return firmware::GestureRequest::Queued;
  }
  std::uint32_t overruns() const override { return m_clock.overruns(); }

private:
  WavSource m_wav;
  firmware::FrameClock m_clock;
};

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> parts;
  std::string::size_type at = 0;
  while (at <= text.size()) {
    const std::string::size_type comma = text.find(',', at);
    const std::string part =
        text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return parts;
}

bool number(const std::string& text, double lo, double hi, double& out) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == text.c_str() || *end != '\0' || !(v >= lo && v <= hi)) return false;
  out = v;
  return true;
}

bool applyVibrationKey(const std::string& key, const std::string& value,
                       firmware::VibrationConfig& c) {
  double x = 0.0;
  if (key == "fault") return firmware::VibrationSource::faultFromName(value.c_str(), c.fault);
  if (key == "severity" && number(value, 0.0, 1.0, x)) c.severity = static_cast<float>(x);
  else if (key == "shaft" && number(value, 5.0, 200.0, x)) c.shaftHz = static_cast<float>(x);
  else if (key == "load" && number(value, 0.1, 3.0, x)) c.load = static_cast<float>(x);
  else if (key == "rate" && number(value, 1000.0, 25600.0, x))
    c.sampleRateHz = static_cast<std::uint16_t>(x);
  else if (key == "period" && number(value, 0.5, 3600.0, x)) c.periodSeconds = static_cast<float>(x);
  else if (key == "drift" && number(value, 0.0, 1.0, x)) c.drift = static_cast<float>(x);
  else return false;
  return true;
}

std::unique_ptr<BoardSource> makeVibration(const SourceOptions& o, const std::string& keys,
                                           std::string& error) {
  firmware::VibrationConfig c;
  c.seed = o.motion.seed;
  c.channels = o.channelsGiven ? o.motion.channels : 1;
  if (c.channels > firmware::VibrationSource::kMaxChannels) {
    error = "the vibration source has 1 to 3 axes (--channels)";
    return nullptr;
  }
  for (const std::string& kv : splitList(keys)) {
    const std::string::size_type eq = kv.find('=');
    if (eq == std::string::npos || !applyVibrationKey(kv.substr(0, eq), kv.substr(eq + 1), c)) {
      error = "bad vibration setting: " + kv +
              " (fault=none|bearing|bearing-inner|imbalance|misalignment|looseness, "
              "severity=0..1, shaft=HZ, load=X, rate=HZ, period=S, drift=0..1)";
      return nullptr;
    }
  }
  return std::make_unique<VibrationBoardSource>(c);
}

} // namespace

std::unique_ptr<BoardSource> makeBoardSource(const SourceOptions& options, std::string& error) {
  const std::string& spec = options.spec;
  if (spec == "motion") return std::make_unique<MotionBoardSource>(options.motion);
  if (spec == "vibration") return makeVibration(options, std::string(), error);
  if (spec.rfind("vibration:", 0) == 0) return makeVibration(options, spec.substr(10), error);
  if (spec.rfind("wav:", 0) == 0) {
    if (options.channelsGiven && options.motion.channels != 1) {
      error = "the sound source has one channel (--channels 1)";
      return nullptr;
    }
    WavSource wav;
    if (!wav.load(splitList(spec.substr(4)), error)) return nullptr;
    wav.setLooping(options.motion.gestureRatePerMinute > 0.0f);
    return std::make_unique<WavBoardSource>(std::move(wav));
  }
  error = "unknown source: " + spec + " (motion, vibration[:KEY=VALUE,...], wav:FILE[,FILE...])";
  return nullptr;
}

} // namespace dlm::board
