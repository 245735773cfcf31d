// dlm learn, dlm eval and dlm predict.
#include "app/cli/commands.h"

#include <cstdio>
#include <string>
#include <vector>

#include "app/bench/metrics.h"
#include "app/cli/args.h"
#include "app/cli/evaluation.h"
#include "app/cli/json.h"
#include "app/cli/network_box.h"
#include "app/data/csv.h"

namespace dlm::cli {

namespace {

int fail(const char* command, const std::string& message) {
  std::fprintf(stderr, "dlm %s: %s\n", command, message.c_str());
  return 1;
}

bool readLabelled(const std::string& path, const std::string& label, data::Dataset& out,
                  std::string& error) {
  data::CsvOptions options;
  options.label = label;
  if (!data::readCsv(path, options, out, error)) return false;
  if (out.rows == 0) {
    error = path + ": no data rows";
    return false;
  }
  return true;
}

std::vector<int> layerCounts(const Network& net) {
  std::vector<int> counts;
  for (int l = 0; l < net.depth(); ++l) counts.push_back(net.neurons(l));
  return counts;
}

bool learnAll(NetworkBox& box, const data::Dataset& d, bool incremental, std::string& error) {
  std::vector<std::uint8_t> labels(static_cast<std::size_t>(d.rows));
  for (int i = 0; i < d.rows; ++i) {
    if (d.labels[std::size_t(i)] < 0) {
      error = "data row " + std::to_string(i + 1) + " has no label";
      return false;
    }
    labels[std::size_t(i)] = static_cast<std::uint8_t>(d.labels[std::size_t(i)]);
  }
  Status s = Status::Ok;
  if (incremental) {
    for (int i = 0; i < d.rows && s == Status::Ok; ++i) {
      s = box.network().learn(d.row(i), labels[std::size_t(i)]);
    }
  } else {
    s = box.network().rebuild(d.features.data(), labels.data(), std::uint32_t(d.rows));
  }
  if (s != Status::Ok) error = std::string("learning failed: ") + statusText(s);
  return s == Status::Ok;
}

} // namespace

int runLearn(int argc, char** argv) {
  Args args;
  std::string error;
  int maxNeurons = 0;
  if (!args.parse(argc, argv, 2, {"data", "label", "out", "max-neurons"},
                  {"json", "incremental"}, error) ||
      !args.require("data", error) || !args.require("out", error) ||
      !args.intValue("max-neurons", 2048, 1, 65535, maxNeurons, error)) {
    return fail("learn", error);
  }
  data::Dataset d;
  if (!readLabelled(args.value("data"), args.value("label", "label"), d, error)) {
    return fail("learn", error);
  }
  if (d.classNames.size() > 255 || d.dims > 65535) {
    return fail("learn", "at most 255 classes and 65535 features are supported");
  }
  NetworkBox box;
  const Capacity cap = learningCapacity(d.rows, d.dims, int(d.classNames.size()), maxNeurons);
  if (!box.create(cap, d.dims, error)) return fail("learn", error);
  box.classNames() = d.classNames;
  const double start = bench::nowSeconds();
  if (!learnAll(box, d, args.has("incremental"), error)) return fail("learn", error);
  const double seconds = bench::nowSeconds() - start;
  if (!box.saveFile(args.value("out"), error)) return fail("learn", error);
  const Network& net = box.network();
  if (args.has("json")) {
    Json j;
    j.integer("events", d.rows).integer("classes", net.classes()).integer("depth", net.depth());
    j.integers("neurons_per_layer", layerCounts(net)).number("seconds", seconds);
    j.integer("model_bytes", static_cast<long long>(box.bytes().size()));
    std::printf("%s\n", j.str().c_str());
  } else {
    std::printf("learned %d events of %d classes in %.3f s: depth %d, neurons per layer",
                d.rows, net.classes(), seconds, net.depth());
    for (int c : layerCounts(net)) std::printf(" %d", c);
    std::printf("\nwrote %s (%zu bytes)\n", args.value("out").c_str(), box.bytes().size());
  }
  return 0;
}

int runEval(int argc, char** argv) {
  Args args;
  std::string error;
  double threshold = 0.0;
  if (!args.parse(argc, argv, 2, {"model", "data", "label", "threshold"}, {"json"}, error) ||
      !args.require("model", error) || !args.require("data", error) ||
      !args.doubleValue("threshold", 0.0, threshold, error)) {
    return fail("eval", error);
  }
  NetworkBox box;
  data::Dataset d;
  if (!box.loadFile(args.value("model"), error) ||
      !readLabelled(args.value("data"), args.value("label", "label"), d, error)) {
    return fail("eval", error);
  }
  if (d.dims != box.network().dims()) {
    return fail("eval", args.value("data") + " has " + std::to_string(d.dims) +
                            " features, the model expects " +
                            std::to_string(box.network().dims()));
  }
  if (args.has("threshold")) box.network().setThreshold(float(threshold));
  const Evaluation e = evaluate(box, d);
  if (args.has("json")) {
    Json j;
    j.integer("n", e.rows).integer("known_rows", e.knownRows).integer("unknown_rows", e.unknownRows);
    j.number("accuracy", e.accuracy).number("accepted_accuracy", e.acceptedAccuracy);
    j.number("auroc", e.auroc).number("fpr_at_95tpr", e.fprAt95Tpr);
    j.number("open_set_accuracy", e.openSetAccuracy).number("rejected_fraction", e.rejectedFraction);
    j.number("threshold", box.network().threshold());
    std::printf("%s\n", j.str().c_str());
    return 0;
  }
  std::printf("rows %d (known classes %d, unknown %d)\n", e.rows, e.knownRows, e.unknownRows);
  std::printf("accuracy %.4f (closed set), %.4f among accepted\n", e.accuracy,
              e.acceptedAccuracy);
  std::printf("rejected %.2f%%, open-set accuracy %.4f\n", 100.0 * e.rejectedFraction,
              e.openSetAccuracy);
  if (e.unknownRows > 0 && e.knownRows > 0) {
    std::printf("AUROC %.4f, FPR at 95%% TPR %.4f\n", e.auroc, e.fprAt95Tpr);
  }
  std::printf("\n%s", e.confusion.toText(box.classNames()).c_str());
  return 0;
}

int runPredict(int argc, char** argv) {
  Args args;
  std::string error;
  double threshold = 0.0;
  if (!args.parse(argc, argv, 2, {"model", "data", "label", "threshold"}, {}, error) ||
      !args.require("model", error) || !args.require("data", error) ||
      !args.doubleValue("threshold", 0.0, threshold, error)) {
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
    return fail("predict", args.value("data") + " has " + std::to_string(d.dims) +
                               " features, the model expects " +
                               std::to_string(box.network().dims()));
  }
  if (args.has("threshold")) box.network().setThreshold(float(threshold));
  std::printf("row,prediction,confidence,known_score\n");
  Prediction p;
  for (int i = 0; i < d.rows; ++i) {
    box.network().predict(d.row(i), p);
    const std::string name = p.known ? box.classNames()[std::size_t(p.classIndex)] : "unknown";
    std::printf("%d,%s,%.4f,%.4f\n", i + 1, jsonQuote(name).c_str(), double(p.confidence),
                double(p.knownScore));
  }
  return 0;
}

} // namespace dlm::cli
