// dlm: learn, evaluate, predict and benchmark Deeplomath models from the command line.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/usage.h"
#include "core/model_format.h"
#include "core/version.h"

namespace {

void printUsage() {
  std::printf(
      "usage: dlm <command> [options]      dlm <command> --help for a command's options\n\n"
      "commands:\n"
      "  learn    --data TRAIN.csv [--label COL] --out MODEL.dlm [--json] [--incremental]\n"
      "           [--local-readout] [--max-neurons N] [--threads N] [--model OLD.dlm]\n"
      "                                  build a model from labelled events, or continue OLD\n"
      "  eval     --model MODEL.dlm --data TEST.csv [--label COL] [--threshold T] [--json]\n"
      "                                  accuracy, rejection, AUROC, confusion matrix\n"
      "  predict  --model MODEL.dlm --data X.csv [--label COL] [--threshold T]\n"
      "                                  one line per row: class or unknown\n"
      "  bench    [--protocol standard|open-set|few-shot|all] [--dataset LIST] [--seed N]\n"
      "           [--json FILE] [--markdown FILE]\n"
      "                                  the public benchmark protocols, with peers\n"
      "                                  (dlm bench --help for all options)\n"
      "  flash    --board nucleo-f446re [--probe openocd|st-flash] [--image PATH]\n"
      "                                  write the firmware into a board through its probe\n"
      "  record   --port PATH --seconds S --out REC.csv [--baud N] [--text]\n"
      "                                  record a board's samples and events (any board\n"
      "                                  that prints numbers with --text)\n"
      "  export   --model MODEL.dlm --out DIR [--format cpp|arduino] [--name NAME]\n"
      "                                  the model as a self-contained C++ library\n\n"
      "CSV files have a header row; the label column is 'label' unless --label names\n"
      "another column (a name, a 0-based index, or -1 for the last column).\n"
      "  --version   print the version      --help   print this help\n");
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    printUsage();
    return 1;
  }
  const std::string command = argv[1];
  if (command == "--version" || command == "version") {
    std::printf("dlm %s (core %s, model format %u)\n", DLM_CORE_VERSION_STRING,
                dlm::coreVersion(), unsigned(dlm::kModelFormatVersion));
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    const char* usage = argc > 2 ? dlm::cli::commandUsage(argv[2]) : nullptr;
    if (usage == nullptr) printUsage();
    else std::fputs(usage, stdout);
    return 0;
  }
  // Before the command parses its options, so --help never runs anything. (dlm bench
  // answers --help itself.)
  const char* usage = dlm::cli::commandUsage(command);
  if (usage != nullptr && dlm::cli::wantsHelp(argc, argv)) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (command == "learn") return dlm::cli::runLearn(argc, argv);
  if (command == "eval") return dlm::cli::runEval(argc, argv);
  if (command == "predict") return dlm::cli::runPredict(argc, argv);
  if (command == "bench") return dlm::cli::runBench(argc, argv);
  if (command == "flash") return dlm::cli::runFlash(argc, argv);
  if (command == "record") return dlm::cli::runRecord(argc, argv);
  if (command == "export") return dlm::cli::runExport(argc, argv);
  std::fprintf(stderr, "dlm: unknown command '%s' (try dlm --help)\n", command.c_str());
  return 1;
}
