// Fuzz target: the model loader (core/model_format), the door of every .dlm file the studio
// or dlm opens and of every model pushed to a board. The input is a model file (the seed
// corpus holds real models: motion and spectral, one and several layers, unit and learned
// known-set scales).
//
// Each input is tried as it is and, when its header names a plausible size, with its CRC
// recomputed, so that mutations of the body are not all stopped by the checksum. Checked:
//  - inspectModel() and loadModel() agree on the header; a failed load leaves the network
//    with the model it had;
//  - a loaded model matches its header, predicts without undefined behaviour, with a
//    confidence and a known-set score in [0, 1], and learns further events;
//  - what it saves loads again and saves to the same bytes.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/crc32.h"
#include "core/model_format.h"
#include "core/network.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm;

namespace {

// Arena of the networks a model is loaded into, sized from its header as `dlm` does
// (app/cli/network_box.cpp). The header is bounded by the file's size, so is this; an input
// that asks for more than this is reported (an allocation the file does not pay for).
constexpr std::size_t kMaxArenaBytes = std::size_t(512) << 20;

struct Box {
  std::vector<std::max_align_t> arena;
  Network net;
  bool init(const Capacity& cap) {
    const std::size_t bytes = Network::arenaBytes(cap);
    DLM_FUZZ_CHECK(bytes <= kMaxArenaBytes, "a model's header asks for a huge arena");
    arena.assign(bytes / sizeof(std::max_align_t) + 1, std::max_align_t{});
    return net.init(cap, arena.data(), arena.size() * sizeof(std::max_align_t)) == Status::Ok;
  }
};

Capacity capacityOf(const ModelInfo& info) {
  Capacity cap;
  cap.maxDims = info.dims;
  cap.maxClasses = info.classes;
  cap.maxLayers = info.depth;
  // Room to learn two more neurons.
  cap.maxNeurons = static_cast<std::uint16_t>(std::min(65535, info.maxLayerNeurons + 2));
  cap.maxEvents = 8;
  cap.exactReadout = false;
  return cap;
}

std::vector<std::uint8_t> save(const Network& net, const ClassName* names,
                               const ModelInfo& info) {
  const FrontEndConfig* frontEnd = info.frontEndRecorded ? &info.frontEnd : nullptr;
  std::vector<std::uint8_t> out(modelBytes(net, frontEnd));
  std::size_t written = 0;
  const Status s = saveModel(net, names, out.data(), out.size(), &written, frontEnd);
  DLM_FUZZ_CHECK(s == Status::Ok && written == out.size(), "a loaded model cannot be saved");
  return out;
}

void predictAndLearn(Network& net) {
  std::vector<float> x(std::size_t(net.dims()), 0.0f);
  const float levels[] = {0.0f, 1.0f, -3.5f, 1e6f};
  for (float level : levels) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = level * float(i % 7) / 7.0f;
    Prediction p;
    if (net.predict(x.data(), p, net.scratch()) != Status::Ok) continue;
    DLM_FUZZ_CHECK(p.classIndex >= -1 && p.classIndex < net.classes(), "predicted class");
    DLM_FUZZ_CHECK(p.confidence >= 0.0f && p.confidence <= 1.0f, "confidence not in [0, 1]");
    DLM_FUZZ_CHECK(p.knownScore >= 0.0f && p.knownScore <= 1.0f, "known score not in [0, 1]");
  }
  // A board keeps learning on a model it was given.
  for (int label = 0; label < 2 && label < net.classes(); ++label) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = float((i + std::size_t(label)) % 5);
    net.learn(x.data(), label);
  }
}

void exercise(const std::uint8_t* bytes, std::size_t size) {
  ModelInfo info;
  const Status inspected = inspectModel(bytes, size, &info);
  modelIdentity(bytes, size);
  if (inspected != Status::Ok) {
    // The loader refuses it for the same reason, and the network keeps what it had.
    static Box small;
    if (small.arena.empty()) {
      Capacity cap;
      cap.maxEvents = 0;
      cap.exactReadout = false;
      DLM_FUZZ_CHECK(small.init(cap) && small.net.reset(4, 2) == Status::Ok, "init");
    }
    DLM_FUZZ_CHECK(loadModel(bytes, size, small.net, nullptr) == inspected,
                   "inspectModel and loadModel disagree");
    DLM_FUZZ_CHECK(small.net.dims() == 4 && small.net.totalNeurons() == 0,
                   "a refused model changed the network");
    return;
  }
  modelFitsFrontEnd(info, FrontEndConfig());
  Box box;
  if (!box.init(capacityOf(info))) return;
  std::vector<ClassName> names(info.classes);
  const Status loaded = loadModel(bytes, size, box.net, names.data());
  if (loaded != Status::Ok) {
    DLM_FUZZ_CHECK(box.net.totalNeurons() == 0, "a refused model changed the network");
    return;
  }
  DLM_FUZZ_CHECK(box.net.dims() == info.dims && box.net.classes() == info.classes &&
                     box.net.depth() == info.depth &&
                     std::uint32_t(box.net.totalNeurons()) == info.totalNeurons,
                 "the loaded network differs from its header");
  for (const ClassName& n : names) {
    DLM_FUZZ_CHECK(std::memchr(n.text, 0, sizeof n.text) != nullptr, "an unterminated name");
  }
  const std::vector<std::uint8_t> saved = save(box.net, names.data(), info);
  Box again;
  DLM_FUZZ_CHECK(again.init(capacityOf(info)), "init");
  DLM_FUZZ_CHECK(loadModel(saved.data(), saved.size(), again.net, names.data()) == Status::Ok,
                 "a saved model does not load");
  DLM_FUZZ_CHECK(save(again.net, names.data(), info) == saved, "save is not stable");
  predictAndLearn(box.net);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  exercise(data, size);
  // The same bytes with the CRC the header's size points at made right.
  constexpr std::size_t kHeader = 64;
  if (size < kHeader + 4) return 0;
  const std::size_t total = std::size_t(data[8]) | std::size_t(data[9]) << 8 |
                            std::size_t(data[10]) << 16 | std::size_t(data[11]) << 24;
  if (total < kHeader + 4 || total > size) return 0;
  std::vector<std::uint8_t> fixed(data, data + size);
  const std::uint32_t crc = crc32(fixed.data(), total - 4);
  for (int i = 0; i < 4; ++i) fixed[total - 4 + std::size_t(i)] = std::uint8_t(crc >> (8 * i));
  if (std::memcmp(fixed.data(), data, size) != 0) exercise(fixed.data(), fixed.size());
  return 0;
}
