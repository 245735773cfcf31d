#include "app/cli/record_files.h"

#include <cerrno>
#include <cstring>

namespace dlm::cli {

namespace {

std::string stem(const std::string& out) {
  const std::string suffix = ".csv";
  if (out.size() > suffix.size() &&
      out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0)
    return out.substr(0, out.size() - suffix.size());
  return out;
}

// A name is written as is unless it would break the CSV.
std::string csvName(const std::string& name) {
  std::string s;
  for (char c : name) s += (c == ',' || c == '"' || c == '\n' || c == '\r') ? '_' : c;
  return s;
}

} // namespace

std::string segmentPath(const std::string& out, int segment) {
  if (segment <= 1) return out;
  return stem(out) + "-seg" + std::to_string(segment) + ".csv";
}

std::string eventsPath(const std::string& out) { return stem(out) + ".events.csv"; }

bool SamplesCsv::open(const std::string& path, const std::vector<std::string>& names,
                      double rateHz, std::string& error) {
  close();
  m_file = std::fopen(path.c_str(), "w");
  if (m_file == nullptr) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  m_path = path;
  m_rateHz = rateHz;
  m_channels = static_cast<int>(names.size());
  m_frames = 0;
  std::fputs("sample,time_s", m_file);
  for (const std::string& n : names) std::fprintf(m_file, ",%s", csvName(n).c_str());
  std::fputc('\n', m_file);
  return true;
}

bool SamplesCsv::write(std::int64_t first, int channels, const std::int16_t* values, int frames) {
  if (m_file == nullptr || channels != m_channels) return false;
  for (int f = 0; f < frames; ++f) {
    const std::int64_t index = first + f;
    std::fprintf(m_file, "%lld,", static_cast<long long>(index));
    if (m_rateHz > 0.0) std::fprintf(m_file, "%.6f", static_cast<double>(index) / m_rateHz);
    const std::int16_t* row = values + static_cast<std::ptrdiff_t>(f) * channels;
    for (int c = 0; c < channels; ++c) std::fprintf(m_file, ",%d", int{row[c]});
    std::fputc('\n', m_file);
  }
  m_frames += frames;
  return std::ferror(m_file) == 0;
}

void SamplesCsv::close() {
  if (m_file != nullptr) std::fclose(m_file);
  m_file = nullptr;
}

bool writeEventsCsv(const std::string& path, const std::vector<RecordedEvent>& events,
                    std::string& error) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  std::fputs("segment,event,start_sample,end_sample,start_s,end_s,frames,predicted,known_score\n",
             file);
  for (const RecordedEvent& e : events) {
    const std::int64_t end = e.start + e.frames;
    std::fprintf(file, "%d,%u,%lld,%lld,", e.segment, e.id, static_cast<long long>(e.start),
                 static_cast<long long>(end));
    if (e.rateHz > 0.0) {
      std::fprintf(file, "%.6f,%.6f", static_cast<double>(e.start) / e.rateHz,
                   static_cast<double>(end) / e.rateHz);
    } else {
      std::fputc(',', file);
    }
    std::fprintf(file, ",%lld,", static_cast<long long>(e.frames));
    if (e.predicted) std::fprintf(file, "%d,%.6g", e.predictedClass, double{e.knownScore});
    else std::fputc(',', file);
    std::fputc('\n', file);
  }
  const bool ok = std::ferror(file) == 0;
  std::fclose(file);
  if (!ok) error = "cannot write " + path;
  return ok;
}

} // namespace dlm::cli
