// dlm bench: option parsing, the protocols asked for, and the report's outputs.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/bench_report.h"
#include "app/cli/commands.h"
#include "app/cli/network_box.h"
#include "app/parallel/thread_pool.h"
#include "core/vectors.h"

namespace dlm::cli {

namespace {

const std::set<std::string> kProtocols = {"standard", "open-set", "few-shot", "session",
                                           "cost",     "capacity", "all"};
const std::set<std::string> kDatasets = {"digits", "wine",          "breast-cancer",
                                         "gestures", "fashion-mnist", "all"};

void printBenchUsage() {
  std::printf(
      "usage: dlm bench [--protocol standard|open-set|few-shot|session|cost|capacity|all]\n"
      "                 [--dataset LIST]\n"
      "                 [--seed N] [--splits N] [--draws N] [--repeats N] [--max-neurons N]\n"
      "                 [--known-scales unit|standardise|descriptor] [--stats-weight W]\n"
      "                 [--board-scales unit|prior] [--board-weight W] [--scale-floor F]\n"
      "                 [--scale-spread within|all] [--json FILE] [--markdown FILE]\n"
      "                 [--csv FILE] [--profile] [--threads N] [--vectors widest|baseline|avx2]\n\n"
      "protocols (docs/benchmarks.md):\n"
      "  standard  digits closed set, one open-set split, streaming and cost; Fashion-MNIST\n"
      "            closed set with --dataset fashion-mnist or all (the default protocol)\n"
      "  open-set  many random open-set splits per data set: AUROC and FPR at 95%% TPR of the\n"
      "            known-set score against kNN-1 distance (digits, wine, breast-cancer, gestures,\n"
      "            fashion-mnist; Fashion-MNIST takes minutes)\n"
      "  few-shot  k = 1, 2, 3, 5, 10 labelled events per class (digits, gestures): the studio's\n"
      "            full rebuild, the board's lean learning and kNN-1 on the same events\n"
      "  session   the studio's scripted session over --draws draws: 3 gestures known from 5\n"
      "            tags each, 2 never seen; rejection and acceptance at the default threshold\n"
      "  cost      one full rebuild against one MLP epoch at 100 ... 60 000 Fashion-MNIST\n"
      "            training events (minutes); --csv FILE writes the points for\n"
      "            scripts/plot-cost\n"
      "  capacity  Fashion-MNIST accuracy and full rebuild time at 512 ... 8 192 neurons per\n"
      "            layer (about 7 minutes); --csv FILE for scripts/plot-capacity\n"
      "  all       all of the above but cost and capacity\n\n"
      "  --dataset LIST  comma-separated data sets to run (default: each protocol's own)\n"
      "  --seed N        seed of the open-set and few-shot draws (default %llu, printed)\n"
      "  --splits N      open-set splits per data set (default 20, and 3 on Fashion-MNIST)\n"
      "  --draws N       few-shot draws per k, and session draws (default 10)\n"
      "  --repeats N     timing repeats of the standard protocol (default 5)\n"
      "  --max-neurons N neurons per layer on the large data sets (default 3072: Fashion-MNIST\n"
      "                  reaches 0.88 there)\n"
      "  --known-scales  the rebuild's known-set scales: unit (plain Euclidean, before issue\n"
      "                  10), standardise (1/std per feature on every data set), descriptor\n"
      "                  (standardise descriptor data only, as the studio does; default)\n"
      "  --stats-weight W  rebuild prior weight of descriptor statistics, duration (default 1)\n"
      "  --board-scales  the board starts from unit scales or the descriptor prior (default)\n"
      "  --board-weight W  the board's prior weight of statistics and duration (default 3)\n"
      "  --scale-floor F a feature's std is floored at F x the mean std (default 0.1)\n"
      "  --scale-spread  the std within classes (pooled; default) or over all events\n"
      "  --threads N     threads a full rebuild uses (default: every hardware thread, at most\n"
      "                  8); the model is the same whatever N. The MLP's epoch uses one\n"
      "                  thread (so does scikit-learn's); --threads 1 compares like with like\n"
      "  --vectors P     the rebuild's dense products: widest the CPU has (default), the\n"
      "                  build's baseline (SSE2 on x86-64), or avx2 (AVX2+FMA); the MLP and\n"
      "                  kNN peers always run the baseline\n"
      "  --profile       print where each timed rebuild's time went (scales and spacing,\n"
      "                  structure, Gram, solve, leave-one-out, repair, calibration, deeper)\n"
      "Exit code 2 when a data set was skipped (its package is missing): see the notes.\n",
      static_cast<unsigned long long>(kDefaultProtocolSeed));
}

bool parseSeed(const Args& args, std::uint64_t& seed, std::string& error) {
  if (!args.has("seed")) return true;
  const std::string text = args.value("seed");
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || *end != '\0' || errno != 0) {
    error = "--seed expects a whole number from 0 to 18446744073709551615, got '" + text + "'";
    return false;
  }
  seed = v;
  return true;
}

bool parseDatasets(const Args& args, std::set<std::string>& out, std::string& error) {
  const std::string list = args.value("dataset");
  std::size_t start = 0;
  while (args.has("dataset")) {
    const std::size_t comma = list.find(',', start);
    const std::string name = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (kDatasets.count(name) == 0) {
      error = "--dataset: unknown data set '" + name + "' (digits, wine, breast-cancer, gestures, "
              "fashion-mnist or all, separated by commas)";
      return false;
    }
    out.insert(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return true;
}

bool parseKnownScales(const Args& args, std::string& error) {
  using Mode = KnownScalesChoice::Mode;
  KnownScalesChoice& c = knownScalesChoice();
  const std::string mode = args.value("known-scales", "descriptor");
  const std::string board = args.value("board-scales", "prior");
  const std::string spread = args.value("scale-spread", "within");
  if ((mode != "unit" && mode != "standardise" && mode != "descriptor") ||
      (board != "unit" && board != "prior") || (spread != "within" && spread != "all")) {
    error = "--known-scales is unit, standardise or descriptor; --board-scales unit or prior; "
            "--scale-spread within or all";
    return false;
  }
  c.mode = mode == "unit" ? Mode::Unit : (mode == "standardise" ? Mode::Standardise
                                                                 : Mode::Descriptor);
  c.boardPrior = board == "prior";
  c.withinClass = spread == "within";
  double weight = c.rebuildWeight, boardWeight = c.boardWeight, floor = c.floorFraction;
  if (!args.doubleValue("stats-weight", c.rebuildWeight, weight, error) ||
      !args.doubleValue("board-weight", c.boardWeight, boardWeight, error) ||
      !args.doubleValue("scale-floor", c.floorFraction, floor, error)) {
    return false;
  }
  if (!(weight > 0.0) || !(boardWeight > 0.0) || !(floor >= 0.0)) {
    error = "--stats-weight and --board-weight must be > 0, --scale-floor >= 0";
    return false;
  }
  c.rebuildWeight = float(weight);
  c.boardWeight = float(boardWeight);
  c.floorFraction = float(floor);
  return true;
}

bool parseVectors(const Args& args, std::string& error) {
  const std::string wanted = args.value("vectors", "widest");
  if (wanted != "widest" && wanted != "baseline" && wanted != "avx2") {
    error = "--vectors is widest, baseline or avx2, not '" + wanted + "'";
    return false;
  }
  const VectorPath path = wanted == "baseline" ? VectorPath::Baseline : VectorPath::Avx2Fma;
  if (setVectorPath(path) != path && wanted == "avx2") {
    error = "--vectors avx2: this CPU (or build) has no AVX2 and FMA";
    return false;
  }
  return true;
}

bool parseOptions(const Args& args, std::string& protocol, BenchOptions& o, std::string& error) {
  protocol = args.value("protocol", "standard");
  if (kProtocols.count(protocol) == 0) {
    error = "--protocol is standard, open-set, few-shot, session, cost, capacity or all, not '" +
            protocol + "'";
    return false;
  }
  return parseKnownScales(args, error) && parseVectors(args, error) &&
         args.intValue("repeats", 5, 1, 1000, o.repeats, error) &&
         args.intValue("max-neurons", 3072, 16, 65535, o.maxNeurons, error) &&
         args.intValue("threads", parallel::hostWorkers(), 1, detail::RebuildScratch::kMaxWorkers,
                       rebuildThreads(), error) &&
         args.intValue("splits", 20, 1, 10000, o.splits, error) &&
         args.intValue("draws", 10, 1, 10000, o.draws, error) && parseSeed(args, o.seed, error) &&
         parseDatasets(args, o.datasets, error);
}

// A data set asked for must be run by at least one of the protocols asked for.
bool checkDatasets(const std::string& protocol, const std::set<std::string>& datasets,
                   std::string& error) {
  for (const std::string& name : datasets) {
    const bool standard = name == "digits" || name == "fashion-mnist" || name == "all";
    const bool fewShot = name == "digits" || name == "gestures" || name == "all";
    const bool fashion = name == "fashion-mnist" || name == "all";
    if ((protocol == "standard" && !standard) || (protocol == "few-shot" && !fewShot) ||
        ((protocol == "capacity" || protocol == "cost") && !fashion)) {
      error = "the " + protocol + " protocol does not run '" + name + "' (standard: digits, "
              "fashion-mnist; few-shot: digits, gestures; cost and capacity: fashion-mnist; "
              "open-set: all five)";
      return false;
    }
  }
  return true;
}

bool writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

} // namespace

int runBench(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      printBenchUsage();
      return 0;
    }
  }
  Args args;
  std::string error;
  std::string protocol;
  BenchOptions o;
  if (!args.parse(argc, argv, 2,
                  {"protocol", "dataset", "seed", "splits", "draws", "json", "markdown", "csv",
                   "repeats", "max-neurons", "known-scales", "stats-weight", "board-scales",
                   "scale-floor", "scale-spread", "board-weight", "threads", "vectors"},
                  {"profile"}, error) ||
      !parseOptions(args, protocol, o, error)) {
    std::fprintf(stderr, "dlm bench: %s (try dlm bench --help)\n", error.c_str());
    return 1;
  }
  if (args.has("splits")) o.fashionSplits = o.splits;
  rebuildProfiling() = args.has("profile");
  if (!checkDatasets(protocol, o.datasets, error)) {
    std::fprintf(stderr, "dlm bench: %s\n", error.c_str());
    return 1;
  }
  const bool all = protocol == "all";
  BenchReport report;
  std::printf("machine: %s\n", machineDescription().c_str());
  if (protocol == "standard" || all) {
    if (o.wants("digits", true)) benchDigits(report, o.repeats);
    if (o.wants("fashion-mnist", false)) benchFashion(report, o.maxNeurons);
  }
  if (protocol == "open-set" || all) benchOpenSet(report, o);
  if (protocol == "few-shot" || all) benchFewShot(report, o);
  if (protocol == "session" || all) benchSession(report, o);
  if (protocol == "cost") benchCost(report, o, args.value("csv"));  // minutes: not in "all"
  if (protocol == "capacity") benchCapacity(report, args.value("csv"));
  std::printf("\n%s", report.table().c_str());
  for (const std::string& n : report.notes()) std::printf("note: %s\n", n.c_str());
  if (args.has("json") && !writeText(args.value("json"), report.json() + "\n")) {
    std::fprintf(stderr, "dlm bench: cannot write %s\n", args.value("json").c_str());
    return 1;
  }
  if (args.has("markdown") && !writeText(args.value("markdown"), report.markdown())) {
    std::fprintf(stderr, "dlm bench: cannot write %s\n", args.value("markdown").c_str());
    return 1;
  }
  return report.notes().empty() ? 0 : 2;
}

} // namespace dlm::cli
