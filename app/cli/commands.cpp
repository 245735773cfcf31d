// dlm eval and dlm predict (dlm learn is in learn.cpp).
#include "app/cli/commands.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/baselines/metrics.h"
#include "app/cli/args.h"
#include "app/cli/eval_baseline.h"
#include "app/cli/evaluation.h"
#include "app/cli/json.h"
#include "app/cli/network_box.h"
#include "app/cli/recordings_input.h"
#include "app/data/csv.h"

namespace dlm::cli {

namespace {

// The rejection threshold is the kernel's calibrated unit: a share of known events to reject.
bool thresholdInRange(const Args& args, double threshold, std::string& error) {
  if (!args.has("threshold") || (threshold >= 0.0 && threshold <= 1.0)) return true;
  error = "--threshold is the share of known events to reject, from 0 (reject nothing) to 1 "
          "(reject everything); got " + args.value("threshold");
  return false;
}

int fail(const char* command, const std::string& message) {
  std::fprintf(stderr, "dlm %s: %s\n", command, message.c_str());
  return 1;
}

bool readLabelled(const std::string& path, const std::string& label, data::Dataset& out,
                  std::string& error) {
  data::CsvOptions options;
  options.label = label;
  return data::readCsv(path, options, out, error);  // refuses a file without data rows
}

// The rows to evaluate: a CSV of descriptors, or a folder of recordings (unknown/ included)
// described by the model's own front-end.
bool readEvalData(const Args& args, NetworkBox& box, data::Dataset& d, std::string& error) {
  if (args.has(kRecordingsOption) == args.has("data")) {
    error = "give either --data TEST.csv or --recordings DIR";
    return false;
  }
  if (args.has("data")) {
    return readLabelled(args.value("data"), args.value("label", "label"), d, error);
  }
  FrontEndConfig frontEnd = box.frontEnd();
  RecordingsRequest request;
  request.withUnknown = true;
  request.modelFrontEnd = true;
  request.quiet = args.has("json");
  return readRecordingsOption(args, "eval", request, d, frontEnd, error);
}

std::string dimsMismatch(const Args& args, int dataDims, int modelDims) {
  if (args.has(kRecordingsOption)) {
    return "the descriptors of " + args.value(kRecordingsOption) + " have " +
           std::to_string(dataDims) + " dims, " + args.value("model") + " expects " +
           std::to_string(modelDims) + " (recordings of another kind or channel count?)";
  }
  return args.value("data") + " has " + std::to_string(dataDims) + " feature columns, " +
         args.value("model") + " expects " + std::to_string(modelDims);
}

} // namespace

int runEval(int argc, char** argv) {
  Args args;
  std::string error;
  double threshold = 0.0;
  if (!args.parse(argc, argv, 2,
                  {"model", "data", "label", "threshold", kRecordingsOption, kTriggerOption,
                   kBaselineOption, kTrainOption, kFrontEndOption, kSpectrogramOption},
                  {"json"}, error)) {
    return fail("eval", error);
  }
  if (args.has(kBaselineOption)) return runBaselineEval(args);
  if (args.has(kTrainOption) || args.has(kFrontEndOption) || args.has(kSpectrogramOption)) {
    return fail("eval", "--train, --front-end and --spectrogram go with --baseline");
  }
  if (!args.require("model", error) ||
      !args.doubleValue("threshold", 0.0, threshold, error) ||
      !thresholdInRange(args, threshold, error)) {
    return fail("eval", error);
  }
  NetworkBox box;
  data::Dataset d;
  if (!box.loadFile(args.value("model"), error) || !readEvalData(args, box, d, error)) {
    return fail("eval", error);
  }
  if (d.dims != box.network().dims()) {
    return fail("eval", dimsMismatch(args, d.dims, box.network().dims()));
  }
  if (args.has("threshold")) box.network().setThreshold(float(threshold));
  const Evaluation e = evaluate(
      box, d, args.has("data") ? args.value("data") : args.value(kRecordingsOption));
  printEvaluation(e, box.classNames(), "kernel", box.network().threshold(), args.has("json"));
  return 0;
}

int runPredict(int argc, char** argv) {
  Args args;
  std::string error;
  double threshold = 0.0;
  if (!args.parse(argc, argv, 2, {"model", "data", "label", "threshold"}, {}, error) ||
      !args.require("model", error) || !args.require("data", error) ||
      !args.doubleValue("threshold", 0.0, threshold, error) ||
      !thresholdInRange(args, threshold, error)) {
    return fail("predict", error);
  }
  NetworkBox box;
  if (!box.loadFile(args.value("model"), error)) return fail("predict", error);
  data::Dataset d;
  data::CsvOptions options;
  // Without --label, a file with exactly the model's feature count has no label column.
  options.label = args.value("label", "label");
  if (!data::readCsv(args.value("data"), options, d, error)) {
    options.label.clear();
    std::string second;
    if (args.has("label") || !data::readCsv(args.value("data"), options, d, second)) {
      return fail("predict", error);
    }
  }
  if (d.dims != box.network().dims()) {
    return fail("predict", dimsMismatch(args, d.dims, box.network().dims()));
  }
  if (args.has("threshold")) box.network().setThreshold(float(threshold));
  std::printf("row,prediction,confidence,known_score\n");
  Prediction p;
  for (int i = 0; i < d.rows; ++i) {
    box.network().predict(d.row(i), p, box.network().scratch());
    const std::string name = p.known ? box.classNames()[std::size_t(p.classIndex)] : "unknown";
    std::printf("%d,%s,%.4f,%.4f\n", i + 1, jsonQuote(name).c_str(), double(p.confidence),
                double(p.knownScore));
  }
  return 0;
}

} // namespace dlm::cli
