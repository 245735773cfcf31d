// dlm learn: build a model from labelled events, or continue an existing model with more.
#include <cstdio>
#include <string>
#include <vector>

#include "app/baselines/metrics.h"
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/evaluation.h"
#include "app/cli/json.h"
#include "app/cli/network_box.h"
#include "app/cli/recordings_input.h"
#include "core/vectors.h"
#include "app/data/csv.h"
#include "app/data/recordings.h"

namespace dlm::cli {

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "dlm learn: %s\n", message.c_str());
  return 1;
}

struct LearnRun {
  int eventsBefore = 0;                 ///< learned by the continued model
  int classesBefore = 0;
  int depthBefore = 0;
  std::vector<std::string> newClasses;  ///< classes the data added to the continued model
  int pruned = 0;                       ///< neurons merged away because the layer was full
  double seconds = 0.0;
};

bool readTraining(const std::string& path, const std::string& label, data::Dataset& out,
                  std::string& error) {
  data::CsvOptions options;
  options.label = label;
  options.labelRequired = true;                        // an event without a class teaches nothing
  options.maxLabelBytes = std::size_t(kClassNameBytes);  // what a model can store
  return data::readCsv(path, options, out, error);
}

// What the events come from, for messages: the CSV or the recordings folder.
std::string dataName(const Args& args) {
  return args.has(kRecordingsOption) ? args.value(kRecordingsOption) : args.value("data");
}

// The labelled events: a CSV of descriptors, or a folder of recordings described by the
// front-end chosen (or, when continuing a model, by the model's own); unknown/ is left out.
bool readLearningData(const Args& args, data::Dataset& d, FrontEndConfig& frontEnd,
                      std::string& error) {
  if (args.has(kRecordingsOption) == args.has("data")) {
    error = "give either --data TRAIN.csv or --recordings DIR";
    return false;
  }
  if (!args.has(kRecordingsOption)) {
    return readTraining(args.value("data"), args.value("label", "label"), d, error);
  }
  const bool continuing = args.has("model");
  if (continuing && args.has(kFrontEndOption)) {
    error = "--front-end is the model's own when continuing it";
    return false;
  }
  if (continuing) {
    NetworkBox old;
    if (!old.loadFile(args.value("model"), error)) return false;
    frontEnd = old.frontEnd();
  }
  RecordingsRequest request;
  request.modelFrontEnd = continuing;
  request.quiet = args.has("json");
  if (!readRecordingsOption(args, "learn", request, d, frontEnd, error)) return false;
  if (d.classNames.empty()) {
    error = args.value(kRecordingsOption) + ": no class folder besides " + data::kUnknownFolder +
            "/ to learn from";
    return false;
  }
  return true;
}

std::vector<int> layerCounts(const Network& net) {
  std::vector<int> counts;
  for (int l = 0; l < net.depth(); ++l) counts.push_back(net.neurons(l));
  return counts;
}

// One event at a time: the only way to add to a model, which holds no events to rebuild from.
bool learnRows(Network& net, const data::Dataset& d, const std::vector<int>& classOf,
               LearnRun& run, std::string& error) {
  Status s = Status::Ok;
  LearnReport report;
  for (int i = 0; i < d.rows && s == Status::Ok; ++i) {
    s = net.learn(d.row(i), classOf[std::size_t(d.labels[std::size_t(i)])], &report);
    run.pruned += report.pruned ? 1 : 0;
  }
  if (s != Status::Ok) error = std::string("learning failed: ") + statusText(s);
  return s == Status::Ok;
}

bool learnFromScratch(const Args& args, int maxNeurons, const data::Dataset& d, NetworkBox& box,
                      LearnRun& run, std::string& error) {
  if (d.classNames.size() > 255) {
    error = dataName(args) + " has " + std::to_string(d.classNames.size()) +
            " classes; a model holds at most 255";
    return false;
  }
  const bool local = args.has("local-readout");
  Capacity cap = learningCapacity(d.rows, d.dims, int(d.classNames.size()), maxNeurons);
  if (local) {
    cap.maxEvents = 0;
    cap.exactReadout = false;
  }
  if (!box.create(cap, d.dims, error)) return false;
  box.classNames() = d.classNames;
  const double start = bench::nowSeconds();
  std::vector<int> identity(d.classNames.size());
  for (std::size_t c = 0; c < identity.size(); ++c) identity[c] = int(c);
  bool ok = true;
  if (local || args.has("incremental")) {
    ok = learnRows(box.network(), d, identity, run, error);
  } else {
    std::vector<std::uint8_t> labels(d.labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = std::uint8_t(d.labels[i]);
    const Status s =
        box.network().rebuild(d.features.data(), labels.data(), std::uint32_t(d.rows));
    if (s != Status::Ok) error = std::string("learning failed: ") + statusText(s);
    ok = s == Status::Ok;
  }
  run.seconds = bench::nowSeconds() - start;
  return ok;
}

// The model class of each data class, matched by name (numbers as numbers); classes the
// model lacks are appended after its own, in order of first appearance in the data.
bool mapClasses(const std::string& modelPath, const std::string& dataPath,
                const data::Dataset& d, std::vector<std::string>& names,
                std::vector<int>& classOf, std::vector<std::string>& added, std::string& error) {
  const std::vector<int> matched = mapClassNames(names, d.classNames);
  classOf.assign(d.classNames.size(), -1);
  for (std::size_t c = 0; c < d.classNames.size(); ++c) {
    if (matched[c] >= 0) {
      classOf[c] = matched[c];
      continue;
    }
    classOf[c] = int(names.size() + added.size());
    added.push_back(d.classNames[c]);
  }
  if (names.size() + added.size() > 255) {
    error = dataPath + " adds " + std::to_string(added.size()) + " classes (" +
            listNames(added) + ") to the " + std::to_string(names.size()) + " of " + modelPath +
            "; a model holds at most 255 classes";
    return false;
  }
  names.insert(names.end(), added.begin(), added.end());
  return true;
}

bool continueModel(const Args& args, int maxNeurons, const data::Dataset& d, NetworkBox& box,
                   LearnRun& run, std::string& error) {
  const std::string modelPath = args.value("model");
  if (!box.loadFile(modelPath, error)) return false;
  const Network& old = box.network();
  if (d.dims != old.dims()) {
    error = dataName(args) + " has " + std::to_string(d.dims) + " feature columns, " +
            modelPath + " expects " + std::to_string(old.dims());
    return false;
  }
  run.eventsBefore = int(old.eventsLearned());
  run.classesBefore = old.classes();
  run.depthBefore = old.depth();
  std::vector<int> classOf;
  if (!mapClasses(modelPath, dataName(args), d, box.classNames(), classOf, run.newClasses,
                  error)) {
    return false;
  }
  const Capacity cap = continuationCapacity(old, d.rows, int(box.classNames().size()),
                                            maxNeurons, !args.has("local-readout"));
  if (!box.resize(cap, error)) return false;
  const double start = bench::nowSeconds();
  const bool ok = learnRows(box.network(), d, classOf, run, error);
  run.seconds = bench::nowSeconds() - start;
  return ok;
}

void printSummary(const Args& args, const data::Dataset& d, const NetworkBox& box,
                  const LearnRun& run) {
  const Network& net = box.network();
  const bool continued = args.has("model");
  if (args.has("json")) {
    Json j;
    j.integer("events", d.rows).integer("classes", net.classes()).integer("depth", net.depth());
    j.integers("neurons_per_layer", layerCounts(net)).number("seconds", run.seconds);
    j.integer("model_bytes", static_cast<long long>(box.bytes().size()));
    j.integer("pruned", run.pruned).integer("threads", net.capacity().workers);
    j.text("vectors", vectorPathName(vectorPath()));
    if (continued) {
      j.text("continued", args.value("model")).integer("events_before", run.eventsBefore);
      j.integer("classes_before", run.classesBefore).integer("depth_before", run.depthBefore);
      j.texts("new_classes", run.newClasses);
    }
    std::printf("%s\n", j.str().c_str());
    return;
  }
  if (continued) {
    std::printf("continued %s (%d events, %d classes, depth %d) with %d events of %s\n",
                args.value("model").c_str(), run.eventsBefore, run.classesBefore,
                run.depthBefore, d.rows, dataName(args).c_str());
    if (!run.newClasses.empty()) {
      std::printf("new classes: %s\n", listNames(run.newClasses).c_str());
    }
    if (net.depth() < run.depthBefore) {
      std::printf("note: new classes change the deeper layers' input, so they were dropped "
                  "(depth %d -> %d); a full rebuild on all the events brings depth back\n",
                  run.depthBefore, net.depth());
    }
  }
  const int threads = net.capacity().workers;
  std::printf("learned %d events of %d classes in %.3f s (%d %s, %s): depth %d, neurons per "
              "layer",
              d.rows, net.classes(), run.seconds, threads, threads == 1 ? "thread" : "threads",
              vectorPathName(vectorPath()), net.depth());
  for (int c : layerCounts(net)) std::printf(" %d", c);
  if (run.pruned > 0) std::printf(" (%d merged away: layer full)", run.pruned);
  std::printf("\nwrote %s (%zu bytes)\n", args.value("out").c_str(), box.bytes().size());
}

} // namespace

int runLearn(int argc, char** argv) {
  Args args;
  std::string error;
  int maxNeurons = 0;
  if (!args.parse(argc, argv, 2,
                  {"data", "label", "out", "max-neurons", "model", "threads", kRecordingsOption,
                   kFrontEndOption, kTriggerOption},
                  {"json", "incremental", "local-readout"}, error) ||
      !args.require("out", error) ||
      !args.intValue("max-neurons", 2048, 1, 65535, maxNeurons, error) ||
      !args.intValue("threads", rebuildThreads(), 1, detail::RebuildScratch::kMaxWorkers,
                     rebuildThreads(), error)) {
    return fail(error);
  }
  data::Dataset d;
  FrontEndConfig frontEnd;
  if (!readLearningData(args, d, frontEnd, error)) return fail(error);
  if (d.dims > 65535) return fail(dataName(args) + ": at most 65535 features are supported");
  NetworkBox box;
  LearnRun run;
  const bool ok = args.has("model") ? continueModel(args, maxNeurons, d, box, run, error)
                                    : learnFromScratch(args, maxNeurons, d, box, run, error);
  if (ok && !args.has("model")) box.setFrontEnd(frontEnd);  // continuing keeps the model's
  if (!ok || !box.saveFile(args.value("out"), error)) return fail(error);
  printSummary(args, d, box, run);
  return 0;
}

} // namespace dlm::cli
