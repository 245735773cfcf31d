#include "app/library_export/library_export.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/library_export/embedded_files.h"
#include "app/library_export/model_source.h"
#include "core/descriptor.h"
#include "core/network.h"

namespace dlm::library_export {

namespace {

// The placeholder the templates use for the library's name (a valid identifier, so that the
// templates read as C++).
constexpr const char* kPlaceholder = "ExportName";

/// A front-end the library can carry: the glue that maps the library's computeDescriptor() to
/// it, and the kernel sources it is made of (shipped as they are, see rewriteCoreSource()).
/// A new front-end joins here (its sources also in CMakeLists.txt's DLM_EXPORT_CORE_SOURCES)
/// and in chooseFrontEnd().
struct FrontEnd {
  const char* id;
  const char* glue;
  std::vector<const char*> sources;
};

const FrontEnd kFrontEnds[] = {
    {"none", "template/frontend_none.cpp", {}},
    {"motion", "template/frontend_motion.cpp",
     {"core/status.h", "core/descriptor.h", "core/descriptor.cpp"}},
    {"spectral", "template/frontend_spectral.cpp",
     {"core/status.h", "core/descriptor.h", "core/arena.h", "core/real_fft.h",
      "core/real_fft.cpp", "core/spectral.h", "core/spectral.cpp"}},
};
const FrontEnd& kNoFrontEnd = kFrontEnds[0];
const FrontEnd& kMotion = kFrontEnds[1];
const FrontEnd& kSpectral = kFrontEnds[2];

// The known-set rule (distance to the two nearest centres, calibrated level), shipped from the
// kernel so that it has one home.
const char* const kKernelSources[] = {"core/known_set.h", "core/known_set.cpp"};

bool identifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A kernel source as the library holds it: `#include "core/x.h"` becomes the library's own
// "ExportName_x.h", and the namespace dlm becomes ExportName::core, so that two exported
// models link into one firmware.
std::string rewriteCoreSource(const std::string& text) {
  std::string out = replaceAll(text, "#include \"core/", std::string("#include \"") +
                                                             kPlaceholder + "_");
  const std::string token = "dlm";
  const std::string replacement = std::string(kPlaceholder) + "::core";
  for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at)) {
    const bool starts = at == 0 || !identifierChar(out[at - 1]);
    const bool ends = at + token.size() >= out.size() || !identifierChar(out[at + token.size()]);
    if (starts && ends) {
      out.replace(at, token.size(), replacement);
      at += replacement.size();
    } else {
      at += token.size();
    }
  }
  return out;
}

// The motion channels whose descriptor has the model's length; 0 when none or several do.
int inferChannels(int dims) {
  int found = 0;
  for (int c = 1; c <= kMaxSensorChannels; ++c) {
    const DescriptorConfig config = descriptorFor(c);
    if (config.channels != 0 && config.dims() == dims) {
      if (found != 0) return 0;  // 61 dims: 4, 5 and 6 channels alike; --channels says which
      found = c;
    }
  }
  return found;
}

// The front-end the library carries and its parameters: the model's own record, or for a
// model that records none, the motion descriptor whose length is the model's.
bool chooseFrontEnd(int dims, const ExportOptions& options, const FrontEnd*& frontEnd,
                    FrontEndConfig& config, std::string& error) {
  const int asked = options.motionChannels;
  if (options.frontEndRecorded) {
    config = options.frontEnd;
    if (config.dims() != dims) {
      error = "the model's front-end makes descriptors of " + std::to_string(config.dims()) +
              " values, its network reads " + std::to_string(dims);
      return false;
    }
    if (asked >= 0 && asked != config.channels()) {
      error = "--channels " + std::to_string(asked) + ": the model records its front-end, of " +
              std::to_string(config.channels()) + " channels";
      return false;
    }
    frontEnd = config.kind == FrontEndKind::Spectral ? &kSpectral : &kMotion;
    return true;
  }
  const int channels = asked < 0 ? inferChannels(dims) : asked;
  frontEnd = channels > 0 ? &kMotion : &kNoFrontEnd;
  if (channels == 0) return true;
  config = motionFrontEnd(channels);
  if (channels > kMaxSensorChannels || config.motion.channels == 0 || config.dims() != dims) {
    error = "the motion descriptor of " + std::to_string(channels) + " channels is not " +
            std::to_string(dims) + " values long, as the model's descriptor is";
    return false;
  }
  return true;
}

class Writer {
public:
  Writer(const ExportOptions& options, ExportReport& report) : m_options(options), m_report(report) {}

  // Writes \p text, with the name substituted, to \p relative (name substituted too).
  bool write(const std::string& relative, const std::string& text, std::string& error) {
    const std::string name = replaceAll(relative, kPlaceholder, m_options.name);
    const std::filesystem::path path = std::filesystem::path(m_options.outDir) / name;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string body = replaceAll(text, kPlaceholder, m_options.name);
    out.write(body.data(), std::streamsize(body.size()));
    out.close();
    if (!out) {
      error = "cannot write " + path.string() + ": " + std::strerror(errno);
      return false;
    }
    m_report.files.push_back(name);
    return true;
  }

  bool copy(const std::string& key, const std::string& relative, std::string& error) {
    std::string text;
    if (!embeddedFile(key, text)) {
      error = "this dlm was built without " + key;
      return false;
    }
    if (key.rfind("core/", 0) == 0) text = rewriteCoreSource(text);
    return write(relative, text, error);
  }

private:
  const ExportOptions& m_options;
  ExportReport& m_report;
};

std::string factsBlock(const Network& network, const ExportReport& report) {
  std::string neurons;
  for (int l = 0; l < network.depth(); ++l) {
    neurons += (l > 0 ? " + " : "") + std::to_string(network.neurons(l));
  }
  // predict(): a deeper layer's input and the scores, and the calibration it builds.
  const std::size_t stack =
      4 * (std::size_t(network.dims()) + 2 * std::size_t(network.classes())) +
      sizeof(KnownCalibration);
  std::string out = "| this model | |\n|---|---|\n";
  out += "| descriptor | " + std::to_string(network.dims()) + " floats (`kDims`) |\n";
  out += "| classes | " + std::to_string(network.classes()) + " (`kClasses`) |\n";
  out += "| layers, neurons | " + std::to_string(network.depth()) + ", " + neurons + " |\n";
  out += "| front-end | " + report.frontEnd +
         (report.channels > 0 ? " (" + std::to_string(report.channels) + " channels)" : "") +
         " |\n";
  out += "| model arrays in flash | " + std::to_string(report.modelFloats * 4) + " bytes (" +
         std::to_string(report.modelFloats) + " floats) and the class names |\n";
  out += "| stack of predict() | about " + std::to_string(stack) + " bytes |\n";
  if (report.frontEndRam > 0) {
    out += "| static RAM of the front-end | " + std::to_string(report.frontEndRam) +
           " bytes (`kFrontEndWorkBytes`) |\n";
  }
  out += "| threshold | " + floatLiteral(network.threshold()) + " (`kThreshold`) |\n";
  return out;
}

} // namespace

bool validName(const std::string& name) {
  // Keywords, and names the library's own code would clash with.
  static const char* const kRefused[] = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char16_t", "char32_t", "class", "compl", "const", "constexpr",
      "const_cast", "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert",
      "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
      "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
      "volatile", "wchar_t", "while", "xor", "xor_eq", "std", "core", "model", "main"};
  if (name.empty() || name.size() > 40 || name[0] == '_' || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (const char c : name) {
    if (!identifierChar(c)) return false;
  }
  for (const char* refused : kRefused) {
    if (name == refused) return false;
  }
  return true;
}

std::string nameFromPath(const std::string& modelPath) {
  std::string name;
  for (const char c : std::filesystem::path(modelPath).stem().string()) {
    if (identifierChar(c) && !(name.empty() && c == '_')) name += c;
  }
  if (name.size() > 40) name.resize(40);
  if (!name.empty() && name[0] >= '0' && name[0] <= '9') name = "Model" + name.substr(0, 35);
  return validName(name) ? name : "DlmModel";
}

namespace {

// The sources of the library proper, into \p src (the folder's root or its src/).
bool writeSources(Writer& w, const Network& network, const std::vector<std::string>& names,
                  const FrontEnd& frontEnd, const FrontEndConfig& config,
                  const ModelFacts& facts, const std::string& src, ExportReport& report,
                  std::string& error) {
  const std::string model = modelSource(network, names, &report.modelFloats);
  bool ok = w.write(src + "ExportName_config.h", configHeader(network, facts), error) &&
            w.write(src + "ExportName_model.cpp", model, error);
  if (&frontEnd != &kNoFrontEnd) {
    ok = ok && w.write(src + "ExportName_frontend_config.h", frontEndConfigHeader(config), error);
  }
  for (const char* t : {"ExportName.h", "ExportName_model.h", "ExportName_predict.cpp"}) {
    ok = ok && w.copy(std::string("template/") + t, src + t, error);
  }
  ok = ok && w.copy(frontEnd.glue, src + "ExportName_frontend.cpp", error);
  std::vector<const char*> kernel(std::begin(kKernelSources), std::end(kKernelSources));
  kernel.insert(kernel.end(), frontEnd.sources.begin(), frontEnd.sources.end());
  for (const std::string key : kernel) {
    ok = ok && w.copy(key, src + kPlaceholder + "_" + key.substr(key.find('/') + 1), error);
  }
  return ok;
}

} // namespace

bool exportLibrary(const Network& network, const std::vector<std::string>& classNames,
                   std::uint32_t identity, const ExportOptions& options, ExportReport* report,
                   std::string& error) {
  if (!validName(options.name)) {
    error = "'" + options.name + "' cannot name the library: give a C++ identifier (letters, "
            "digits and _, not starting with a digit or _, at most 40 characters, no keyword)";
    return false;
  }
  if (network.depth() < 1 || network.neurons(0) == 0 || network.classes() < 1) {
    error = "the model has no neurons: nothing to export";
    return false;
  }
  ExportReport local;
  ExportReport& r = report != nullptr ? *report : local;
  r = ExportReport();
  const FrontEnd* frontEnd = nullptr;
  FrontEndConfig config;
  if (!chooseFrontEnd(network.dims(), options, frontEnd, config, error)) return false;
  r.frontEnd = frontEnd->id;
  r.channels = frontEnd == &kNoFrontEnd ? 0 : config.channels();
  if (frontEnd == &kSpectral) r.frontEndRam = SpectralFrontEnd::workBytes(config.spectral);
  const std::uint32_t maxFrames = frontEnd == &kSpectral ? config.spectral.maxFrames
                                                         : config.motion.maxFrames;
  const ModelFacts facts{identity, frontEnd->id, r.channels, maxFrames};
  const bool arduino = options.format == Format::Arduino;
  Writer w(options, r);
  std::string readme, ino;
  if (!writeSources(w, network, classNames, *frontEnd, config, facts, arduino ? "src/" : "", r,
                    error) ||
      !embeddedFile("template/README.md", readme)) {
    if (error.empty()) error = "this dlm was built without template/README.md";
    return false;
  }
  if (!w.write("README.md", replaceAll(readme, "@FACTS@", factsBlock(network, r)), error)) {
    return false;
  }
  if (!arduino) return w.copy("template/example.cpp", "example.cpp", error);
  if (!embeddedFile("template/Basic.ino", ino)) {
    error = "this dlm was built without template/Basic.ino";
    return false;
  }
  return w.copy("template/library.properties", "library.properties", error) &&
         w.write("examples/ExportNameBasic/ExportNameBasic.ino",
                 replaceAll(ino, "@SAMPLE@\n", sampleDescriptor(network)), error) &&
         w.copy("template/example.cpp", "extras/example.cpp", error);
}

} // namespace dlm::library_export
