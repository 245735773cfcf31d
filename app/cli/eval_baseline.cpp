#include "app/cli/eval_baseline.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

#include "app/baselines/knn.h"
#include "app/baselines/log_spectrogram.h"
#include "app/baselines/metrics.h"
#include "app/cli/args.h"
#include "app/cli/network_box.h"
#include "app/cli/recordings_input.h"

namespace dlm::cli {

namespace {

// The plain spectrogram's shape: 512-sample frames (32 ms at 16 kHz, the sound front-end's)
// and as many as cover the sound front-end's longest event (1 s) at a hop of 256.
constexpr int kSpectrogramFrameLength = 512;
constexpr int kSpectrogramFrames = 62;

int fail(const std::string& message) {
  std::fprintf(stderr, "dlm eval: %s\n", message.c_str());
  return 1;
}

// The log-spectrogram as the recordings loader's describer.
class SpectrogramDescriber : public data::EventDescriber {
public:
  explicit SpectrogramDescriber(bench::LogSpectrogram::Timing timing)
      : m_spectrogram(kSpectrogramFrameLength, kSpectrogramFrames, timing) {}
  int dims(int channels, double) const override { return m_spectrogram.dims(channels); }
  bool describe(const std::int16_t* samples, std::uint32_t frames, int channels, double,
                float* out) override {
    return m_spectrogram.compute(samples, frames, channels, out);
  }

private:
  bench::LogSpectrogram m_spectrogram;
};

bool parseBaseline(const Args& args, std::unique_ptr<data::EventDescriber>& describer,
                   std::string& error) {
  const std::string name = args.value(kBaselineOption);
  const std::string timing = args.value(kSpectrogramOption, "spread");
  if (name != "knn1" && name != "knn1-spectrogram") {
    error = "--baseline is knn1 (kNN-1 on the front-end's descriptors) or knn1-spectrogram "
            "(kNN-1 on a log-spectrogram of the same events); got " + name;
    return false;
  }
  if (timing != "spread" && timing != "hop") {
    error = "--spectrogram is spread (frames spread over the event) or hop (from its start, "
            "every 256 samples); got " + timing;
    return false;
  }
  if (name == "knn1-spectrogram") {
    describer = spectrogramDescriber(timing == "hop");
  } else if (args.has(kSpectrogramOption)) {
    error = "--spectrogram goes with --baseline knn1-spectrogram";
    return false;
  }
  return true;
}

// The training folder, then the test folder with the front-end the training one was read
// with (the model's with --model, else --front-end's), so that both have the same events.
bool readBoth(const Args& args, data::EventDescriber* describer, data::Dataset& train,
              data::Dataset& test, std::string& error) {
  if (!args.require(kTrainOption, error) || !args.require(kRecordingsOption, error)) {
    error += " (dlm eval --baseline NAME --train DIR --recordings DIR)";
    return false;
  }
  if (args.has("model") && args.has(kFrontEndOption)) {
    error = "give --model (its front-end) or --front-end, not both";
    return false;
  }
  FrontEndConfig frontEnd;
  RecordingsRequest request;
  request.quiet = args.has("json");
  request.describer = describer;
  if (args.has("model")) {
    NetworkBox box;
    if (!box.loadFile(args.value("model"), error)) return false;
    frontEnd = box.frontEnd();
    request.modelFrontEnd = true;
  }
  request.dirOption = kTrainOption;
  if (!readRecordingsOption(args, "eval", request, train, frontEnd, error)) return false;
  if (train.classNames.empty()) {
    error = args.value(kTrainOption) + ": no class folder besides unknown/ to learn from";
    return false;
  }
  request.dirOption = kRecordingsOption;
  request.withUnknown = true;
  request.modelFrontEnd = true;
  if (!readRecordingsOption(args, "eval", request, test, frontEnd, error)) return false;
  if (test.dims != train.dims) {
    error = "the events of " + args.value(kRecordingsOption) + " have " +
            std::to_string(test.dims) + " dims, those of " + args.value(kTrainOption) + " " +
            std::to_string(train.dims) + " (recordings of another kind or channel count?)";
    return false;
  }
  return true;
}

} // namespace

std::unique_ptr<data::EventDescriber> spectrogramDescriber(bool hop) {
  return std::make_unique<SpectrogramDescriber>(hop ? bench::LogSpectrogram::Timing::Hop
                                                    : bench::LogSpectrogram::Timing::Spread);
}

Evaluation evaluateNearest(const data::Dataset& train, const data::Dataset& test,
                           const std::string& testName) {
  bench::Knn1 knn;
  knn.fit(train.features.data(), train.labels.data(), train.rows, train.dims);
  std::vector<int> nearest(static_cast<std::size_t>(test.rows), -1);
  std::vector<float> sqDist(static_cast<std::size_t>(test.rows), 0.0f);
  const double start = bench::nowSeconds();
  if (test.rows > 0) {
    knn.predictBatch(test.features.data(), test.rows, nearest.data(), sqDist.data());
  }
  const double seconds = bench::nowSeconds() - start;
  std::vector<RowOutcome> outcomes(nearest.size());
  for (std::size_t i = 0; i < nearest.size(); ++i) {
    outcomes[i] = {nearest[i], true, -std::sqrt(double(sqDist[i]))};
  }
  Evaluation e = summarise(outcomes, mapLabels(train.classNames, test), train.classNames, test,
                           testName);
  e.predictSecondsPerRow = test.rows > 0 ? seconds / test.rows : 0.0;
  return e;
}

int runBaselineEval(const Args& args) {
  std::string error;
  std::unique_ptr<data::EventDescriber> describer;
  if (args.has("threshold") || args.has("data")) {
    return fail("--baseline reads recordings (--train DIR --recordings DIR) and never "
                "rejects, so --data and --threshold do not apply");
  }
  data::Dataset train;
  data::Dataset test;
  if (!parseBaseline(args, describer, error) ||
      !readBoth(args, describer.get(), train, test, error)) {
    return fail(error);
  }
  const Evaluation e = evaluateNearest(train, test, args.value(kRecordingsOption));
  printEvaluation(e, train.classNames, args.value(kBaselineOption),
                  std::numeric_limits<double>::quiet_NaN(), args.has("json"));
  return 0;
}

} // namespace dlm::cli
