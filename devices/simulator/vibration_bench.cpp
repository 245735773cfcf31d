// dlm-vibration-bench: vibration anomaly detection learned from normal runs only (issue 13).
// The synthetic machine -> the board's energy detector -> the vibration spectral front-end ->
// descriptors; the kernel learns one class ("normal") and its known-set score ranks test
// events; AUROC per fault against kNN-1 distance on the same descriptors, over seeds.
//   dlm-vibration-bench [--seeds N] [--first-seed S] [--channels 1..3] [--severity X]
//                       [--rate HZ] [--known-scales plain|standardise] and front-end
//                       overrides (usage on a wrong option)

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/front_end.h"
#include "core/network.h"
#include "devices/firmware/event_detector.h"
#include "devices/simulator/vibration_source.h"

namespace {

using dlm::firmware::MachineFault;

struct Run {
  float shaftHz;
  float load;
};

// Training covers the speed and load range; tests sit between the training points.
const Run kTrainRuns[] = {{25, 0.8f}, {25, 1.2f}, {30, 1.0f}, {35, 0.8f}, {35, 1.2f},
                          {40, 1.0f}, {45, 0.8f}, {45, 1.2f}, {50, 1.0f}};
const Run kTestRuns[] = {{27.5f, 0.9f}, {32.5f, 1.1f}, {42.5f, 0.9f}, {47.5f, 1.1f}};
constexpr int kTrainWindows = 20;
constexpr int kTestWindows = 12;

// Descriptors of the events the board's detector finds in `windows` measurement windows.
void runEvents(const dlm::firmware::VibrationConfig& config, const dlm::FrontEndConfig& fe,
               int windows, std::vector<float>& out, int& rows) {
  dlm::firmware::VibrationSource source(config);
  dlm::firmware::BasicEventDetector<3> detector;
  dlm::firmware::TriggerConfig trigger;
  trigger.channels = config.channels;
  trigger.sampleRateHz = config.sampleRateHz;
  detector.configure(trigger);
  std::vector<std::uint8_t> work(dlm::EventFrontEnd::workBytes(fe));
  dlm::EventFrontEnd frontEnd;
  frontEnd.init(fe, work.data(), work.size());
  const std::uint32_t total =
      static_cast<std::uint32_t>((float(windows) + 0.6f) * config.periodSeconds * config.sampleRateHz);
  std::vector<std::int16_t> chunk(256 * 3);
  std::vector<float> d(fe.dims());
  for (std::uint32_t done = 0; done < total; done += 256) {
    source.generate(chunk.data(), 256);
    for (std::uint32_t at = 0; at < 256;) {
      at += detector.process(chunk.data() + at * config.channels, 256 - at);
      if (!detector.eventReady()) continue;
      std::uint32_t frames = 0;
      const std::int16_t* w = detector.windowInPlace(&frames);
      if (w == nullptr || frontEnd.compute(w, frames, d.data(), d.size()) != dlm::Status::Ok) continue;
      out.insert(out.end(), d.begin(), d.end());
      ++rows;
    }
  }
}

double auroc(const std::vector<double>& normal, const std::vector<double>& fault) {
  // Higher score = more normal: the share of (normal, fault) pairs ranked right, ties half.
  double wins = 0.0;
  for (double n : normal)
    for (double f : fault) wins += n > f ? 1.0 : (n == f ? 0.5 : 0.0);
  return wins / (double(normal.size()) * double(fault.size()));
}

struct Scores {
  std::vector<double> kernel, knn;
};

Scores score(dlm::Network& net, const std::vector<float>& train, int trainRows,
             const std::vector<float>& test, int testRows, int dims) {
  Scores s;
  dlm::PredictScratch& scratch = net.scratch();
  for (int i = 0; i < testRows; ++i) {
    const float* x = test.data() + std::size_t(i) * dims;
    dlm::Prediction p;
    net.predict(x, p, scratch);
    s.kernel.push_back(double(p.knownScore) - 1e-6 * double(p.knownDistance));
    double best = 1e300;
    for (int j = 0; j < trainRows; ++j) {
      const float* y = train.data() + std::size_t(j) * dims;
      double d2 = 0.0;
      for (int k = 0; k < dims; ++k) d2 += double(x[k] - y[k]) * double(x[k] - y[k]);
      best = std::min(best, d2);
    }
    s.knn.push_back(-std::sqrt(best));
  }
  return s;
}

struct Options {
  int seeds = 5;
  int firstSeed = 1;
  int channels = 1;
  float severity = 0.5f;
  std::uint16_t rateHz = 6400;
  // The kernel's known scales: plain by default, as dlm learn --recordings and the studio
  // rebuild a spectral model (they standardise motion descriptors only); --known-scales
  // standardise: 1/std within the class times the front-end's prior (stats weight 3).
  bool standardise = false;
  dlm::SpectralConfig spectral;  // the vibration preset at rateHz, with the overrides
};

// Front-end overrides, for trying other descriptors: --frame --hop --bands --slices --fmin
// --fmax --scale --normalise. False for an option that is none of them.
bool overrideSpectral(const char* name, const char* value, dlm::SpectralConfig& c) {
  const int n = std::atoi(value);
  if (std::strcmp(name, "--frame") == 0) c.frameLength = static_cast<std::uint16_t>(n);
  else if (std::strcmp(name, "--hop") == 0) c.hop = static_cast<std::uint16_t>(n);
  else if (std::strcmp(name, "--bands") == 0) c.bands = static_cast<std::uint8_t>(n);
  else if (std::strcmp(name, "--slices") == 0) c.slices = static_cast<std::uint8_t>(n);
  else if (std::strcmp(name, "--fmin") == 0) c.fminHz = float(std::atof(value));
  else if (std::strcmp(name, "--fmax") == 0) c.fmaxHz = float(std::atof(value));
  else if (std::strcmp(name, "--normalise") == 0) c.normalise = n != 0;
  else if (std::strcmp(name, "--scale") == 0 && std::strcmp(value, "mel") == 0)
    c.scale = dlm::BandScale::Mel;
  else if (std::strcmp(name, "--scale") == 0 && std::strcmp(value, "linear") == 0)
    c.scale = dlm::BandScale::Linear;
  else {
    return false;
  }
  return true;
}

bool parseOptions(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {  // the rate first: the preset depends on it
    if (std::strcmp(argv[i], "--rate") == 0)
      o.rateHz = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--channels") == 0) o.channels = std::atoi(argv[i + 1]);
  }
  if (o.channels < 1 || o.channels > 3 || o.rateHz < 100) return false;
  o.spectral = dlm::vibrationSpectral(o.rateHz, o.channels);
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--seeds") == 0) o.seeds = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--first-seed") == 0) o.firstSeed = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--severity") == 0) o.severity = float(std::atof(argv[i + 1]));
    else if (std::strcmp(argv[i], "--known-scales") == 0 &&
             (std::strcmp(argv[i + 1], "plain") == 0 ||
              std::strcmp(argv[i + 1], "standardise") == 0))
      o.standardise = std::strcmp(argv[i + 1], "standardise") == 0;
    else if (std::strcmp(argv[i], "--rate") != 0 && std::strcmp(argv[i], "--channels") != 0 &&
             !overrideSpectral(argv[i], argv[i + 1], o.spectral))
      return false;
  }
  return (argc % 2) == 1 && o.seeds >= 1 && o.firstSeed >= 0 &&
         o.severity > 0.0f && o.severity <= 1.0f &&
         dlm::checkSpectralConfig(o.spectral) == dlm::Status::Ok &&
         o.spectral.dims() <= dlm::kMaxDescriptorDims;
}

const MachineFault kFaults[] = {MachineFault::Bearing, MachineFault::BearingInner,
                                MachineFault::Imbalance, MachineFault::Misalignment,
                                MachineFault::Looseness};
constexpr int kFaultCount = 5;

struct Aucs {
  std::vector<double> kernel[kFaultCount];
  std::vector<double> knn[kFaultCount];
};

// One seed: its own training runs (normal only), rebuild, then the normal and faulty test
// runs scored by the kernel and by kNN-1.
bool runSeed(int seed, const Options& o, Aucs& aucs) {
  const dlm::FrontEndConfig fe = dlm::spectralFrontEnd(o.spectral);
  const int dims = fe.dims();
  dlm::firmware::VibrationConfig c;
  c.channels = static_cast<std::uint8_t>(o.channels);
  c.sampleRateHz = o.rateHz;
  // The measurement window: 0.3 s, within the board's 2048-frame event window.
  c.windowFrames = std::min<std::uint32_t>(1900, std::uint32_t(0.3f * float(o.rateHz)));
  c.drift = 1.0f;
  c.severity = o.severity;
  std::vector<float> train;
  int trainRows = 0;
  std::uint32_t runSeed = std::uint32_t(seed) * 1000u;
  for (const Run& r : kTrainRuns) {
    c.seed = ++runSeed;
    c.shaftHz = r.shaftHz;
    c.load = r.load;
    runEvents(c, fe, kTrainWindows, train, trainRows);
  }
  dlm::Capacity cap;
  cap.maxDims = 64;
  cap.maxClasses = 2;
  cap.maxEvents = std::uint32_t(trainRows);
  std::vector<std::uint8_t> arena(dlm::Network::arenaBytes(cap));
  dlm::Network net;
  net.init(cap, arena.data(), arena.size());
  net.reset(dims, 1);
  if (o.standardise) {
    std::vector<float> prior(static_cast<std::size_t>(dims));
    dlm::frontEndFeatureWeights(fe, dlm::kDescriptorStatsWeight, prior.data(), prior.size());
    dlm::KnownScaling scaling;
    scaling.standardise = true;
    net.setKnownScaling(scaling, prior.data());
  }
  std::vector<std::uint8_t> labels(std::size_t(trainRows), 0);
  if (net.rebuild(train.data(), labels.data(), std::uint32_t(trainRows)) != dlm::Status::Ok) {
    return false;
  }
  std::vector<float> normal;
  int normalRows = 0;
  for (const Run& r : kTestRuns) {
    c.seed = ++runSeed;
    c.shaftHz = r.shaftHz;
    c.load = r.load;
    c.fault = MachineFault::None;
    runEvents(c, fe, kTestWindows, normal, normalRows);
  }
  const Scores ns = score(net, train, trainRows, normal, normalRows, dims);
  for (int f = 0; f < kFaultCount; ++f) {
    std::vector<float> test;
    int testRows = 0;
    for (const Run& r : kTestRuns) {
      c.seed = ++runSeed;
      c.shaftHz = r.shaftHz;
      c.load = r.load;
      c.fault = kFaults[f];
      runEvents(c, fe, kTestWindows, test, testRows);
    }
    const Scores fs = score(net, train, trainRows, test, testRows, dims);
    aucs.kernel[f].push_back(auroc(ns.kernel, fs.kernel));
    aucs.knn[f].push_back(auroc(ns.knn, fs.knn));
  }
  std::fprintf(stderr, "seed %d: %d training events, %d normal test events, %d neurons\n", seed,
               trainRows, normalRows, net.neurons(0));
  return true;
}

const char* scaleName(dlm::BandScale s) { return s == dlm::BandScale::Mel ? "mel" : "linear"; }

void printTable(const Options& o, const Aucs& aucs) {
  const dlm::SpectralConfig& sc = o.spectral;
  std::printf("Vibration anomaly detection, learned from normal only: seeds %d-%d, %d channel(s), "
              "severity %.2f, %u Hz; front-end %s %d bands x %d slices, %.1f-%.1f Hz, frames of "
              "%d every %d, %s: %d dims; kernel known scales %s\n\n",
              o.firstSeed, o.firstSeed + o.seeds - 1, o.channels, double(o.severity),
              unsigned(o.rateHz), scaleName(sc.scale), sc.bands, sc.slices, double(sc.fminHz),
              double(sc.fmaxHz), sc.frameLength, sc.hop, sc.normalise ? "normalised" : "levels",
              int(sc.dims()), o.standardise ? "standardised" : "plain");
  std::printf("| fault | kernel AUROC mean | kernel worst | kNN-1 AUROC mean | kNN-1 worst |\n");
  std::printf("|---|---|---|---|---|\n");
  for (int f = 0; f < kFaultCount; ++f) {
    const auto& k = aucs.kernel[f];
    const auto& n = aucs.knn[f];
    double km = 0, nm = 0;
    for (double v : k) km += v;
    for (double v : n) nm += v;
    std::printf("| %s | %.3f | %.3f | %.3f | %.3f |\n",
                dlm::firmware::VibrationSource::faultName(std::uint8_t(kFaults[f])),
                km / double(k.size()), *std::min_element(k.begin(), k.end()),
                nm / double(n.size()), *std::min_element(n.begin(), n.end()));
  }
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parseOptions(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: dlm-vibration-bench [--seeds N] [--first-seed S] [--channels 1..3]\n"
                 "         [--severity X] [--rate HZ] [--frame N] [--hop N] [--bands N]\n"
                 "         [--slices N] [--fmin HZ] [--fmax HZ] [--scale linear|mel]\n"
                 "         [--normalise 0|1] [--known-scales plain|standardise]\n"
                 "         (the front-end must be valid, <= 64 dims)\n");
    return 2;
  }
  Aucs aucs;
  for (int seed = o.firstSeed; seed < o.firstSeed + o.seeds; ++seed) {
    if (!runSeed(seed, o, aucs)) {
      std::fprintf(stderr, "rebuild failed\n");
      return 1;
    }
  }
  printTable(o, aucs);
  return 0;
}
