// dlm export: a model as a self-contained C++ (or Arduino) library for any firmware.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/network_box.h"
#include "app/library_export/library_export.h"
#include "core/model_format.h"

namespace dlm::cli {

namespace {

constexpr const char* kExportUsage =
    "usage: dlm export --model MODEL.dlm --out DIR [--format cpp|arduino] [--name NAME]\n"
    "                  [--channels N]\n\n"
    "Writes the model as a self-contained C++17 library: the predict path as plain loops,\n"
    "the model as const arrays (in flash on a microcontroller), the front-end that turns an\n"
    "event's raw samples into the descriptor, a README and an example that prints one line\n"
    "per CSV row as dlm predict does. No heap, no exceptions, no RTTI, nothing outside DIR.\n"
    "  --format cpp       DIR holds NAME.h, the .cpp files, README.md and example.cpp (default)\n"
    "  --format arduino   DIR is an Arduino library: library.properties, src/NAME.h and\n"
    "                     sources, examples/NAMEBasic/NAMEBasic.ino\n"
    "  --name NAME        namespace, header and library name, a C++ identifier (default:\n"
    "                     from the model file's name)\n"
    "  --channels N       sample channels of the motion front-end of a model that does not\n"
    "                     record its front-end; by default inferred from the descriptor's\n"
    "                     length (0: no front-end, descriptors only). A model that records\n"
    "                     its front-end (e.g. spectral) is exported with it.\n";

int fail(const std::string& message) {
  std::fprintf(stderr, "dlm export: %s\n", message.c_str());
  return 1;
}

// The header facts of the model file at \p path (its front-end, its identity), which the
// loaded network does not keep. False when the file no longer reads as a model.
bool modelInfo(const std::string& path, ModelInfo& info) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  return inspectModel(bytes.data(), bytes.size(), &info) == Status::Ok;
}

} // namespace

const char* exportUsage() { return kExportUsage; }

int runExport(int argc, char** argv) {
  Args args;
  std::string error;
  int channels = -1;
  if (!args.parse(argc, argv, 2, {"model", "out", "format", "name", "channels"}, {}, error) ||
      !args.require("model", error) || !args.require("out", error) ||
      !args.intValue("channels", -1, 0, 255, channels, error)) {
    return fail(error);
  }
  library_export::ExportOptions options;
  options.outDir = args.value("out");
  options.motionChannels = channels;
  const std::string format = args.value("format", "cpp");
  if (format != "cpp" && format != "arduino") {
    return fail("--format is cpp or arduino, not " + format);
  }
  options.format = format == "arduino" ? library_export::Format::Arduino
                                       : library_export::Format::Cpp;
  options.name = args.value("name", library_export::nameFromPath(args.value("model")));
  NetworkBox box;
  ModelInfo info;
  if (!box.loadFile(args.value("model"), error)) return fail(error);
  if (!modelInfo(args.value("model"), info)) return fail(args.value("model") + " changed");
  options.frontEndRecorded = info.frontEndRecorded;
  options.frontEnd = info.frontEnd;
  library_export::ExportReport report;
  if (!library_export::exportLibrary(box.network(), box.classNames(), info.crc, options,
                                     &report, error)) {
    return fail(error);
  }
  std::printf("wrote %s (%s library %s, %zu files): front-end %s", options.outDir.c_str(),
              format.c_str(), options.name.c_str(), report.files.size(),
              report.frontEnd.c_str());
  if (report.channels > 0) std::printf(" (%d channels)", report.channels);
  std::printf(", model arrays %zu bytes\n", report.modelFloats * 4);
  return 0;
}

} // namespace dlm::cli
