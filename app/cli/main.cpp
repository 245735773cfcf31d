// dlm: learn, evaluate, predict and benchmark Deeplomath models from the command line.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/usage.h"
#include "core/model_format.h"
#include "core/version.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(dlm::cli::toolUsage(), stdout);
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
    std::fputs(usage != nullptr ? usage : dlm::cli::toolUsage(), stdout);
    return 0;
  }
  // Before the command parses its options, so --help never runs anything.
  const char* usage = dlm::cli::commandUsage(command);
  if (usage != nullptr && dlm::cli::wantsHelp(argc, argv)) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (command == "learn") return dlm::cli::runLearn(argc, argv);
  if (command == "eval") return dlm::cli::runEval(argc, argv);
  if (command == "predict") return dlm::cli::runPredict(argc, argv);
  if (command == "bench") return dlm::cli::runBench(argc, argv);
  std::fprintf(stderr, "dlm: unknown command '%s' (try dlm --help)\n", command.c_str());
  return 1;
}
