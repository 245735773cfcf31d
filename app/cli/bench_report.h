#pragma once

#include <string>
#include <vector>

namespace dlm::cli {

/// \brief One line of the benchmark table: a measure, the kernel's figure, the peers' and the
/// target, all as display text (the JSON keeps the numbers).
struct BenchRow {
  std::string dataset;
  std::string measure;
  std::string kernel;
  std::string peer;
  std::string target;
};

/// \brief Collected rows plus machine-readable values for --json.
class BenchReport {
public:
  void add(const std::string& dataset, const std::string& measure, const std::string& kernel,
           const std::string& peer, const std::string& target);
  void value(const std::string& key, double v);
  /// \brief A JSON string value, e.g. a 64-bit seed that a double would round.
  void text(const std::string& key, const std::string& v) { m_texts.emplace_back(key, v); }
  void note(const std::string& line) { m_notes.push_back(line); }

  std::string table() const;      ///< fixed-width text for the terminal
  std::string markdown() const;   ///< the same as a Markdown table
  std::string json() const;
  const std::vector<std::string>& notes() const { return m_notes; }

private:
  std::vector<BenchRow> m_rows;
  std::vector<std::pair<std::string, double>> m_values;
  std::vector<std::pair<std::string, std::string>> m_texts;
  std::vector<std::string> m_notes;
};

std::string fmt(const char* format, double v);
/// \brief "Intel(R) Xeon(R) ... , 2 cores" from /proc/cpuinfo, for the report header.
std::string machineDescription();

} // namespace dlm::cli
