// Finding and reading recordings: the folder layout and the two file formats.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "app/data/recordings.h"
#include "app/data/wav.h"

namespace dlm::data {

namespace fs = std::filesystem;

namespace {

// Longest samples CSV read, in values: the WAV reader's bound, so neither format can make
// the tools allocate without limit.
constexpr std::size_t kMaxCsvValues = kMaxWavDataBytes / 2;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool isRecording(const fs::path& p) {
  const std::string ext = lower(p.extension().string());
  return ext == ".wav" || ext == ".csv";
}

std::string ignoredList(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > 5) s += ", ... (" + std::to_string(names.size()) + " in all)";
  return s;
}

// The recordings of one class folder, sorted; what is not one is named in a warning.
std::vector<std::string> folderFiles(const fs::path& folder, std::vector<std::string>& warnings) {
  std::vector<std::string> files;
  std::vector<std::string> ignored;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // .DS_Store and the like: not the user's
    if (e.is_regular_file(ec) && isRecording(e.path())) {
      files.push_back(e.path().string());
    } else {
      ignored.push_back(name);
    }
  }
  if (ec) warnings.push_back("cannot list " + folder.string() + ": " + ec.message());
  std::sort(ignored.begin(), ignored.end());
  if (!ignored.empty()) {
    warnings.push_back("ignored in " + folder.string() + " (not a .wav or .csv file): " +
                       ignoredList(ignored));
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> splitCommas(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t from = 0;
  while (true) {
    const std::size_t comma = line.find(',', from);
    fields.push_back(line.substr(from, comma == std::string::npos ? comma : comma - from));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  if (!fields.empty() && !fields.back().empty() && fields.back().back() == '\r')
    fields.back().pop_back();
  return fields;
}

bool parseCount(const std::string& text, std::int16_t& out) {
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || end == text.c_str() || *end != '\0' || errno != 0 || v < -32768 ||
      v > 32767)
    return false;
  out = static_cast<std::int16_t>(v);
  return true;
}

// The rate from the time_s column of the first two rows; the boards' rate when it is empty.
double csvRate(const std::vector<double>& times) {
  if (times.size() < 2 || !(times[1] > times[0])) return kDefaultCsvRateHz;
  return std::round(1.0 / (times[1] - times[0]));
}

bool readSamplesCsv(const std::string& path, Signal& out, bool& skip, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = splitCommas(line);
  if (header.size() < 3 || header[0] != "sample" || header[1] != "time_s") {
    skip = true;  // another CSV (an events file, descriptors): not a signal
    error = path + ": not a samples file (its header is not sample,time_s,<channels>)";
    return false;
  }
  Signal s;
  s.channels = static_cast<int>(header.size() - 2);
  std::vector<double> times;
  for (int lineNo = 2; std::getline(in, line); ++lineNo) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = splitCommas(line);
    if (f.size() != header.size()) {
      error = path + ":" + std::to_string(lineNo) + ": " + std::to_string(f.size()) +
              " fields, the header has " + std::to_string(header.size());
      return false;
    }
    if (times.size() < 2 && !f[1].empty()) times.push_back(std::atof(f[1].c_str()));
    for (std::size_t c = 2; c < f.size(); ++c) {
      std::int16_t v = 0;
      if (!parseCount(f[c], v)) {
        error = path + ":" + std::to_string(lineNo) + ": \"" + f[c] +
                "\" is not a sample count (an integer from -32768 to 32767)";
        return false;
      }
      s.samples.push_back(v);
    }
    if (s.samples.size() > kMaxCsvValues) {
      error = path + ": more than " + std::to_string(kMaxCsvValues) + " samples";
      return false;
    }
  }
  s.frames = static_cast<std::uint32_t>(s.samples.size() / std::size_t(s.channels));
  s.rateHz = csvRate(times);
  out = std::move(s);
  return true;
}

} // namespace

bool scanRecordings(const std::string& dir, RecordingFolder& out, std::string& error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a folder" + (ec ? " (" + ec.message() + ")" : std::string());
    return false;
  }
  RecordingFolder found;
  std::vector<fs::path> folders;
  std::vector<std::string> loose;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (e.is_directory(ec)) {
      folders.push_back(e.path());
    } else {
      loose.push_back(name);
    }
  }
  if (ec) {
    error = "cannot list " + dir + ": " + ec.message();
    return false;
  }
  std::sort(folders.begin(), folders.end());
  std::sort(loose.begin(), loose.end());
  if (!loose.empty()) {
    found.warnings.push_back("ignored in " + dir + " (files outside a class folder): " +
                             ignoredList(loose));
  }
  for (const fs::path& folder : folders) {
    const std::string name = folder.filename().string();
    const std::vector<std::string> files = folderFiles(folder, found.warnings);
    if (files.empty()) {
      found.warnings.push_back("ignored " + folder.string() + ": no .wav or .csv file");
      continue;
    }
    const bool unknown = name == kUnknownFolder;
    if (!unknown) found.classes.push_back(name);
    for (const std::string& f : files) found.files.push_back({f, name, unknown});
  }
  if (found.files.empty()) {
    error = dir + ": no class folder with recordings (expected " + dir +
            "/<class>/*.wav or *.csv)";
    return false;
  }
  out = std::move(found);
  return true;
}

bool readSignal(const std::string& path, Signal& out, bool& skip, std::string& error) {
  skip = false;
  if (lower(fs::path(path).extension().string()) == ".csv") {
    return readSamplesCsv(path, out, skip, error);
  }
  WavAudio audio;
  if (!readWav(path, audio, error)) return false;
  out.channels = audio.channels;
  out.rateHz = audio.sampleRateHz;
  out.frames = audio.frames;
  out.samples = std::move(audio.samples);
  out.audio = true;
  return true;
}

bool parseFrontEndChoice(const std::string& text, FrontEndChoice& out) {
  if (text == "auto") out = FrontEndChoice::Auto;
  else if (text == "motion") out = FrontEndChoice::Motion;
  else if (text == "sound") out = FrontEndChoice::Sound;
  else if (text == "vibration") out = FrontEndChoice::Vibration;
  else return false;
  return true;
}

} // namespace dlm::data
