// Writes a model that records the spectral front-end (model format 4), and the events to test
// its export on, from synthetic sounds at 16 kHz:
//   OUT/spectral.dlm           tones of 400, 1000 and 2500 Hz with harmonics, learned
//   OUT/spectral.csv           descriptors of fresh tones and of never-learned sweeps
//   OUT/spectral_samples.csv   the raw events those rows come from, one per line
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/front_end.h"
#include "core/model_format.h"
#include "core/network.h"

namespace {

constexpr float kPi = 3.14159265f;
constexpr int kClasses = 3;
const float kToneHz[kClasses] = {400.0f, 1000.0f, 2500.0f};

struct Lcg {
  std::uint32_t state;
  float uniform() {  // [0, 1)
    state = state * 1664525u + 1013904223u;
    return float(state >> 8) / 16777216.0f;
  }
};

// A tone of class \p label (or, for label < 0, a sweep from 300 to 6000 Hz), 0.3 to 0.8 s.
std::vector<std::int16_t> sound(int label, Lcg& rng) {
  const auto frames = std::uint32_t(16000.0f * (0.3f + 0.5f * rng.uniform()));
  const float f0 = label >= 0 ? kToneHz[label] * (0.97f + 0.06f * rng.uniform()) : 300.0f;
  const float amplitude = 4000.0f + 8000.0f * rng.uniform();
  std::vector<std::int16_t> out(frames);
  float phase = 0.0f;
  for (std::uint32_t i = 0; i < frames; ++i) {
    const float t = float(i) / float(frames);
    const float f = label >= 0 ? f0 : f0 + 5700.0f * t;
    phase += 2.0f * kPi * f / 16000.0f;
    const float envelope = std::sin(kPi * t);
    const float v = std::sin(phase) + 0.4f * std::sin(2.0f * phase) + 0.2f * std::sin(3.0f * phase);
    const float noise = 300.0f * (rng.uniform() - 0.5f);
    out[i] = std::int16_t(amplitude * envelope * v / 1.6f + noise);
  }
  return out;
}

bool learn(const dlm::FrontEndConfig& fe, dlm::SpectralFrontEnd& front, const std::string& path) {
  Lcg rng{1};
  const int dims = fe.dims();
  std::vector<float> events;
  std::vector<std::uint8_t> labels;
  std::vector<float> x(std::size_t(dims), 0.0f);
  for (int i = 0; i < 20 * kClasses; ++i) {
    const std::vector<std::int16_t> s = sound(i % kClasses, rng);
    if (front.compute(s.data(), std::uint32_t(s.size()), x.data(), x.size()) != dlm::Status::Ok) {
      return false;
    }
    events.insert(events.end(), x.begin(), x.end());
    labels.push_back(std::uint8_t(i % kClasses));
  }
  dlm::Capacity cap;
  cap.maxDims = std::uint16_t(dims);
  cap.maxClasses = kClasses;
  cap.maxEvents = std::uint32_t(labels.size());
  cap.maxNeurons = std::uint16_t(labels.size());
  std::vector<unsigned char> arena(dlm::Network::arenaBytes(cap));
  dlm::Network net;
  if (net.init(cap, arena.data(), arena.size()) != dlm::Status::Ok ||
      net.reset(dims, 0) != dlm::Status::Ok ||
      net.rebuild(events.data(), labels.data(), std::uint32_t(labels.size())) != dlm::Status::Ok) {
    return false;
  }
  dlm::ClassName names[kClasses];
  for (int k = 0; k < kClasses; ++k) {
    std::snprintf(names[k].text, sizeof names[k].text, "tone%d", int(kToneHz[k]));
  }
  std::vector<std::uint8_t> bytes(dlm::modelBytes(net, &fe));
  std::size_t written = 0;
  if (dlm::saveModel(net, names, bytes.data(), bytes.size(), &written, &fe) != dlm::Status::Ok) {
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  return f != nullptr && std::fwrite(bytes.data(), 1, written, f) == written && std::fclose(f) == 0;
}

bool writeTest(const dlm::FrontEndConfig& fe, dlm::SpectralFrontEnd& front, const std::string& dir) {
  Lcg rng{2};
  std::FILE* rows = std::fopen((dir + "/spectral.csv").c_str(), "w");
  std::FILE* raw = std::fopen((dir + "/spectral_samples.csv").c_str(), "w");
  if (rows == nullptr || raw == nullptr) return false;
  for (int i = 0; i < fe.dims(); ++i) std::fprintf(rows, i == 0 ? "f%d" : ",f%d", i);
  std::fprintf(rows, "\n");
  std::vector<float> x(fe.dims());
  for (int i = 0; i < 10 * (kClasses + 1); ++i) {
    const std::vector<std::int16_t> s = sound(i % (kClasses + 1) - 1, rng);
    if (front.compute(s.data(), std::uint32_t(s.size()), x.data(), x.size()) != dlm::Status::Ok) {
      return false;
    }
    for (std::size_t k = 0; k < x.size(); ++k) std::fprintf(rows, k == 0 ? "%.9g" : ",%.9g", double(x[k]));
    std::fprintf(rows, "\n");
    for (std::size_t k = 0; k < s.size(); ++k) std::fprintf(raw, k == 0 ? "%d" : ",%d", int(s[k]));
    std::fprintf(raw, "\n");
  }
  return std::fclose(rows) == 0 && std::fclose(raw) == 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: export_spectral_model OUTDIR\n");
    return 2;
  }
  const dlm::FrontEndConfig fe = dlm::spectralFrontEnd(dlm::soundSpectral(1));
  std::vector<unsigned char> work(dlm::SpectralFrontEnd::workBytes(fe.spectral));
  dlm::SpectralFrontEnd front;
  const std::string dir = argv[1];
  if (front.init(fe.spectral, work.data(), work.size()) != dlm::Status::Ok ||
      !learn(fe, front, dir + "/spectral.dlm") || !writeTest(fe, front, dir)) {
    std::fprintf(stderr, "export_spectral_model: failed in %s\n", argv[1]);
    return 1;
  }
  return 0;
}
