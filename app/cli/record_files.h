#pragma once

// The files of `dlm record`: one samples CSV per segment and one events CSV. Plain C++ so the
// format is obvious from one file (documented in `dlm record --help`).

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace dlm::cli {

/// \brief One event as written to REC.events.csv.
struct RecordedEvent {
  int segment = 1;
  std::uint32_t id = 0;
  std::int64_t start = 0;  ///< sample index, in the segment's samples file
  std::int64_t frames = 0;
  double rateHz = 0.0;     ///< to give the times; 0 leaves them empty
  bool predicted = false;  ///< a firmware board's prediction (text boards run no model)
  int predictedClass = -1;
  float knownScore = 0.0f;
};

/// \brief "REC.csv" for segment 1, "REC-seg2.csv" for segment 2...
std::string segmentPath(const std::string& out, int segment);
/// \brief "REC.events.csv" for "REC.csv" (or for "REC").
std::string eventsPath(const std::string& out);

/// \brief A samples file: sample,time_s,<names>, one row per frame of int16 counts.
class SamplesCsv {
public:
  SamplesCsv() = default;
  SamplesCsv(const SamplesCsv&) = delete;
  SamplesCsv& operator=(const SamplesCsv&) = delete;
  ~SamplesCsv() { close(); }

  /// \brief Create \p path with the header; false with \p error on failure.
  bool open(const std::string& path, const std::vector<std::string>& names, double rateHz,
            std::string& error);
  /// \brief Rows for \p frames frames of \p channels values from sample \p first.
  bool write(std::int64_t first, int channels, const std::int16_t* values, int frames);
  void close();

  bool isOpen() const { return m_file != nullptr; }
  std::int64_t frames() const { return m_frames; }
  const std::string& path() const { return m_path; }

private:
  std::FILE* m_file = nullptr;
  std::string m_path;
  double m_rateHz = 0.0;
  int m_channels = 0;
  std::int64_t m_frames = 0;
};

/// \brief Write REC.events.csv; false with \p error on failure.
bool writeEventsCsv(const std::string& path, const std::vector<RecordedEvent>& events,
                    std::string& error);

} // namespace dlm::cli
