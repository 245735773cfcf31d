#pragma once

namespace dlm::cli {

/// Each command parses its own options from argv[2..] and returns the process exit code;
/// errors are one line on stderr starting with "dlm <command>: ".
int runLearn(int argc, char** argv);
int runEval(int argc, char** argv);
int runPredict(int argc, char** argv);
int runBench(int argc, char** argv);
/// dlm flash (flash.cpp): a board's firmware through its probe; flashUsage() is its help.
int runFlash(int argc, char** argv);
const char* flashUsage();
/// dlm record (record.cpp): a board's stream and events to CSV; recordUsage() is its help.
int runRecord(int argc, char** argv);
const char* recordUsage();
/// dlm export (export.cpp): a model as a self-contained C++ library; exportUsage() is its help.
int runExport(int argc, char** argv);
const char* exportUsage();

} // namespace dlm::cli
