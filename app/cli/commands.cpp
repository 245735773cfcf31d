// dlm eval and dlm predict (dlm learn is in learn.cpp).
#include "app/cli/commands.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/baselines/metrics.h"
#include "app/cli/args.h"
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
  return readRecordingsOption(args, "eval", true, true, args.has("json"), d, frontEnd, error);
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
                  {"model", "data", "label", "threshold", kRecordingsOption, kTriggerOption},
                  {"json"}, error) ||
      !args.require("model", error) ||
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
  if (args.has("json")) {
    // Said on stderr as well, so that a script reading the JSON cannot miss it.
    if (e.knownRows == 0) std::fprintf(stderr, "dlm eval: %s\n", e.notes.front().c_str());
    Json j;
    j.integer("n", e.rows).integer("known_rows", e.knownRows).integer("unknown_rows", e.unknownRows);
    j.number("accuracy", e.accuracy).number("accepted_accuracy", e.acceptedAccuracy);
    j.number("auroc", e.auroc).number("fpr_at_95tpr", e.fprAt95Tpr);
    j.number("open_set_accuracy", e.openSetAccuracy).number("rejected_fraction", e.rejectedFraction);
    j.number("threshold", box.network().threshold());
    j.texts("unmatched_labels", e.unmatchedLabels).texts("notes", e.notes);
    std::printf("%s\n", j.str().c_str());
    return 0;
  }
  std::printf("rows %d (known classes %d, unknown %d)\n", e.rows, e.knownRows, e.unknownRows);
  if (e.knownRows > 0) {
    std::printf("accuracy %.4f (closed set), ", e.accuracy);
    if (!std::isnan(e.acceptedAccuracy)) {
      std::printf("%.4f among accepted\n", e.acceptedAccuracy);
    } else {
      std::printf("none accepted\n");
    }
  }
  std::printf("rejected %.2f%%, open-set accuracy %.4f\n", 100.0 * e.rejectedFraction,
              e.openSetAccuracy);
  if (e.unknownRows > 0 && e.knownRows > 0) {
    std::printf("AUROC %.4f, FPR at 95%% TPR %.4f\n", e.auroc, e.fprAt95Tpr);
  }
  for (const std::string& note : e.notes) std::printf("note: %s\n", note.c_str());
  if (e.knownRows > 0) std::printf("\n%s", e.confusion.toText(box.classNames()).c_str());
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
