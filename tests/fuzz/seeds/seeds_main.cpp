// dlm-fuzz-seeds --board DLM_BOARD --dlm DLM --out ROOT: writes every seed corpus under ROOT
// (the repository's tests/fuzz). See seeds.h; run through `scripts/fuzz seeds`.

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <string>

#include "tests/fuzz/seeds/seeds.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);  // RecoveryManager's timers and threads
  std::string board;
  std::string dlmExe;
  std::string root;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--board") == 0) board = argv[i + 1];
    else if (std::strcmp(argv[i], "--dlm") == 0) dlmExe = argv[i + 1];
    else if (std::strcmp(argv[i], "--out") == 0) root = argv[i + 1];
  }
  if (board.empty() || dlmExe.empty() || root.empty()) {
    std::fprintf(stderr, "usage: dlm-fuzz-seeds --board DLM_BOARD --dlm DLM --out ROOT\n");
    return 2;
  }
  using namespace dlm::fuzz::seeds;
  Capture capture;
  std::string error;
  if (!captureVirtualBoard(board, capture, error)) {
    std::fprintf(stderr, "dlm-fuzz-seeds: the session with the virtual board failed: %s\n",
                 error.c_str());
    return 1;
  }
  Corpus corpus(root);
  writeProtocolSeeds(capture, corpus);
  writeFirmwareSeeds(capture, corpus);
  writeModelSeeds(capture, corpus);
  writePersistenceSeeds(capture, corpus);
  writeWavSeeds(capture, corpus);
  writeCsvSeeds(capture, dlmExe, board, corpus);
  writeTextStreamSeeds(capture, corpus);
  writeFleetSeeds(capture, corpus);
  std::printf("dlm-fuzz-seeds: %d seed files from %zu captured frames, %zu events\n",
              corpus.files(), capture.frames.size(), capture.events.size());
  return 0;
}
