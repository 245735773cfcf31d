#include "app/cli/bench_report.h"
#include "app/cli/network_box.h"
#include "core/vectors.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>

#include "app/cli/json.h"

namespace dlm::cli {

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string machineDescription() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  std::string model = "unknown CPU";
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  const int threads = rebuildThreads();
  return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores; rebuild on " +
         std::to_string(threads) + (threads == 1 ? " thread, " : " threads, ") +
         vectorPathName(vectorPath()) + "; MLP epoch on 1 thread, " +
         vectorPathName(VectorPath::Baseline);
}

void BenchReport::add(const std::string& dataset, const std::string& measure,
                      const std::string& kernel, const std::string& peer,
                      const std::string& target) {
  m_rows.push_back({dataset, measure, kernel, peer, target});
}

void BenchReport::value(const std::string& key, double v) { m_values.emplace_back(key, v); }

std::string BenchReport::table() const {
  std::size_t w[5] = {7, 7, 6, 5, 6};
  for (const BenchRow& r : m_rows) {
    const std::string* cells[5] = {&r.dataset, &r.measure, &r.kernel, &r.peer, &r.target};
    for (int c = 0; c < 5; ++c) w[c] = std::max(w[c], cells[c]->size());
  }
  auto line = [&](const std::string* cells[5]) {
    std::string out;
    for (int c = 0; c < 5; ++c) {
      out += *cells[c] + std::string(w[c] - cells[c]->size() + 2, ' ');
    }
    return out + "\n";
  };
  const std::string h[5] = {"dataset", "measure", "kernel", "peers", "target"};
  const std::string* head[5] = {&h[0], &h[1], &h[2], &h[3], &h[4]};
  std::string out = line(head);
  for (const BenchRow& r : m_rows) {
    const std::string* cells[5] = {&r.dataset, &r.measure, &r.kernel, &r.peer, &r.target};
    out += line(cells);
  }
  return out;
}

std::string BenchReport::markdown() const {
  std::string out = "| dataset | measure | kernel | peers (same run) | target |\n";
  out += "|---|---|---|---|---|\n";
  for (const BenchRow& r : m_rows) {
    out += "| " + r.dataset + " | " + r.measure + " | " + r.kernel + " | " + r.peer + " | " +
           r.target + " |\n";
  }
  return out;
}

std::string BenchReport::json() const {
  Json j;
  j.text("machine", machineDescription());
  for (const auto& kv : m_texts) j.text(kv.first, kv.second);
  for (const auto& kv : m_values) j.number(kv.first, kv.second);
  return j.str();
}

} // namespace dlm::cli
