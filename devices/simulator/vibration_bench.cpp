// dlm-vibration-bench: vibration anomaly detection learned from normal runs only (issue 13).
// The synthetic machine -> the board's energy detector -> the vibration spectral front-end ->
// descriptors; the kernel learns one class ("normal") and its known-set score ranks test
// events; AUROC per fault against kNN-1 distance on the same descriptors, over seeds.
//   dlm-vibration-bench [--seeds N] [--channels 1..3] [--severity X]

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
void runEvents(const dlm::firmware::VibrationConfig& config, int windows,
               std::vector<float>& out, int& rows) {
  dlm::firmware::VibrationSource source(config);
  dlm::firmware::BasicEventDetector<3> detector;
  dlm::firmware::TriggerConfig trigger;
  trigger.channels = config.channels;
  trigger.sampleRateHz = config.sampleRateHz;
  detector.configure(trigger);
  const dlm::FrontEndConfig fe =
      dlm::spectralFrontEnd(dlm::vibrationSpectral(config.sampleRateHz, config.channels));
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

} // namespace

int main(int argc, char** argv) {
  int seeds = 5;
  int channels = 1;
  float severity = 0.5f;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--seeds") == 0) seeds = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--channels") == 0) channels = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--severity") == 0) severity = float(std::atof(argv[i + 1]));
  }
  if (seeds < 1 || channels < 1 || channels > 3 || !(severity > 0.0f && severity <= 1.0f)) {
    std::fprintf(stderr, "usage: dlm-vibration-bench [--seeds N] [--channels 1..3] [--severity X]\n");
    return 2;
  }
  const MachineFault faults[] = {MachineFault::Bearing, MachineFault::BearingInner,
                                 MachineFault::Imbalance, MachineFault::Misalignment,
                                 MachineFault::Looseness};
  std::vector<std::vector<double>> kernelAuc(5), knnAuc(5);
  const int dims = dlm::vibrationSpectral(6400, channels).dims();
  for (int seed = 1; seed <= seeds; ++seed) {
    dlm::firmware::VibrationConfig c;
    c.channels = static_cast<std::uint8_t>(channels);
    c.drift = 1.0f;
    c.severity = severity;
    std::vector<float> train;
    int trainRows = 0;
    std::uint32_t runSeed = std::uint32_t(seed) * 1000u;
    for (const Run& r : kTrainRuns) {
      c.seed = ++runSeed;
      c.shaftHz = r.shaftHz;
      c.load = r.load;
      runEvents(c, kTrainWindows, train, trainRows);
    }
    dlm::Capacity cap;
    cap.maxDims = 64;
    cap.maxClasses = 2;
    cap.maxEvents = std::uint32_t(trainRows);
    std::vector<std::uint8_t> arena(dlm::Network::arenaBytes(cap));
    dlm::Network net;
    net.init(cap, arena.data(), arena.size());
    net.reset(dims, 1);
    std::vector<float> prior(static_cast<std::size_t>(dims));
    dlm::frontEndFeatureWeights(dlm::spectralFrontEnd(dlm::vibrationSpectral(6400, channels)),
                                dlm::kDescriptorStatsWeight, prior.data(), prior.size());
    dlm::KnownScaling scaling;
    scaling.standardise = true;
    net.setKnownScaling(scaling, prior.data());
    std::vector<std::uint8_t> labels(std::size_t(trainRows), 0);
    if (net.rebuild(train.data(), labels.data(), std::uint32_t(trainRows)) != dlm::Status::Ok) {
      std::fprintf(stderr, "rebuild failed\n");
      return 1;
    }
    std::vector<float> normal;
    int normalRows = 0;
    for (const Run& r : kTestRuns) {
      c.seed = ++runSeed;
      c.shaftHz = r.shaftHz;
      c.load = r.load;
      c.fault = MachineFault::None;
      runEvents(c, kTestWindows, normal, normalRows);
    }
    const Scores ns = score(net, train, trainRows, normal, normalRows, dims);
    for (int f = 0; f < 5; ++f) {
      std::vector<float> test;
      int testRows = 0;
      for (const Run& r : kTestRuns) {
        c.seed = ++runSeed;
        c.shaftHz = r.shaftHz;
        c.load = r.load;
        c.fault = faults[f];
        runEvents(c, kTestWindows, test, testRows);
      }
      const Scores fs = score(net, train, trainRows, test, testRows, dims);
      kernelAuc[std::size_t(f)].push_back(auroc(ns.kernel, fs.kernel));
      knnAuc[std::size_t(f)].push_back(auroc(ns.knn, fs.knn));
    }
    std::fprintf(stderr, "seed %d: %d training events, %d normal test events, %d neurons\n", seed,
                 trainRows, normalRows, net.neurons(0));
  }
  std::printf("Vibration anomaly detection, learned from normal only: %d seeds, %d channel(s), "
              "severity %.2f, %d dims\n\n", seeds, channels, double(severity), dims);
  std::printf("| fault | kernel AUROC mean | kernel worst | kNN-1 AUROC mean | kNN-1 worst |\n");
  std::printf("|---|---|---|---|---|\n");
  for (int f = 0; f < 5; ++f) {
    const auto& k = kernelAuc[std::size_t(f)];
    const auto& n = knnAuc[std::size_t(f)];
    double km = 0, nm = 0;
    for (double v : k) km += v;
    for (double v : n) nm += v;
    std::printf("| %s | %.3f | %.3f | %.3f | %.3f |\n",
                dlm::firmware::VibrationSource::faultName(std::uint8_t(faults[f])),
                km / double(k.size()), *std::min_element(k.begin(), k.end()),
                nm / double(n.size()), *std::min_element(n.begin(), n.end()));
  }
  return 0;
}
