#include "app/cli/network_box.h"

#include "app/parallel/thread_pool.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

#include <unistd.h>
#include <fstream>
#include <iterator>

namespace dlm::cli {

int& rebuildThreads() {
  static int threads = parallel::hostWorkers();
  return threads;
}

NetworkBox::NetworkBox() = default;
NetworkBox::~NetworkBox() = default;

Capacity learningCapacity(int rows, int dims, int classes, int maxNeurons) {
  Capacity cap;
  cap.workers = static_cast<std::uint8_t>(rebuildThreads());
  cap.maxDims = static_cast<std::uint16_t>(dims);
  cap.maxClasses = static_cast<std::uint8_t>(classes < 1 ? 1 : classes);
  cap.maxEvents = static_cast<std::uint32_t>(rows);
  // Neurons never outnumber events; the cap bounds the O(K^2) least-squares workspace.
  cap.maxNeurons = static_cast<std::uint16_t>(rows < maxNeurons ? (rows < 1 ? 1 : rows)
                                                                 : maxNeurons);
  cap.maxLayers = 3;
  cap.exactReadout = true;
  return cap;
}

Capacity continuationCapacity(const Network& network, int rows, int classes, int maxNeurons,
                              bool exactReadout) {
  int widest = 1;
  for (int l = 0; l < network.depth(); ++l) widest = std::max(widest, network.neurons(l));
  const long wanted = std::min<long>(long(network.neurons(0)) + rows, maxNeurons);
  Capacity cap;
  cap.maxDims = static_cast<std::uint16_t>(network.dims());
  cap.maxClasses = static_cast<std::uint8_t>(std::max(classes, network.classes()));
  cap.maxLayers = static_cast<std::uint8_t>(std::max(network.depth(), 1));
  cap.maxNeurons = static_cast<std::uint16_t>(std::min<long>(std::max<long>(widest, wanted), 65535));
  cap.maxEvents = 0;
  cap.exactReadout = exactReadout;
  return cap;
}

bool NetworkBox::resize(const Capacity& capacity, std::string& error) {
  const std::vector<std::uint8_t> model = bytes();
  const Capacity before = m_network.capacity();
  std::vector<unsigned char> arena(Network::arenaBytes(capacity), 0);
  Status s = m_network.init(capacity, arena.data(), arena.size());
  if (s == Status::Ok) s = loadModel(model.data(), model.size(), m_network, nullptr);
  if (s != Status::Ok) {
    // Back into the old arena, which still holds the old capacity's layout.
    m_network.init(before, m_arena.data(), m_arena.size());
    loadModel(model.data(), model.size(), m_network, nullptr);
    error = std::string("cannot make room to learn more: ") + statusText(s);
    return false;
  }
  // The swap moves the buffer the network points into, not its bytes: the pointers hold.
  m_arena.swap(arena);
  m_network.setTaskRunner(parallel::poolFor(m_pool, capacity.workers));
  return true;
}

namespace {

// Physical memory of this machine in bytes (0 when the system does not say).
std::uint64_t physicalMemory() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long pageSize = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && pageSize > 0 ? std::uint64_t(pages) * std::uint64_t(pageSize) : 0;
}

std::string gibibytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", double(bytes) / double(1u << 30));
  return text;
}

} // namespace

bool NetworkBox::create(const Capacity& capacity, int dims, std::string& error) {
  // Refused up front, with the reason, rather than failing (or swapping) minutes later: the
  // least-squares workspace grows with the square of the neurons per layer.
  const std::uint64_t bytes = Network::arenaBytes(capacity);
  const std::uint64_t memory = physicalMemory();
  if (memory > 0 && bytes > memory / 10 * 8) {
    error = "a network of " + std::to_string(capacity.maxNeurons) + " neurons per layer over " +
            std::to_string(capacity.maxEvents) + " events needs " + gibibytes(bytes) +
            " of working memory (its least-squares systems grow with the square of the "
            "neurons), more than 80% of this machine's " + gibibytes(memory) +
            ": lower --max-neurons";
    return false;
  }
  try {
    m_arena.assign(bytes, 0);
  } catch (const std::bad_alloc&) {
    error = "cannot reserve " + gibibytes(bytes) + " of working memory: lower --max-neurons";
    return false;
  }
  m_network.setTaskRunner(parallel::poolFor(m_pool, capacity.workers));
  Status s = m_network.init(capacity, m_arena.data(), m_arena.size());
  if (s == Status::Ok) s = m_network.reset(dims, 0);
  if (s != Status::Ok) {
    error = std::string("cannot set up the network: ") + statusText(s);
    return false;
  }
  return true;
}

bool NetworkBox::loadFile(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  ModelInfo info;
  Status s = inspectModel(bytes.data(), bytes.size(), &info);
  if (s == Status::TrailingBytes) {
    error = path + ": " + statusText(s) + " (the file has " + std::to_string(bytes.size()) +
            " bytes, the model it starts with fewer)";
    return false;
  }
  if (s != Status::Ok) {
    error = path + ": " + statusText(s);
    return false;
  }
  Capacity cap;
  cap.maxDims = info.dims;
  cap.maxClasses = info.classes;
  cap.maxLayers = info.depth;
  cap.maxNeurons = info.maxLayerNeurons;
  cap.maxEvents = 0;
  cap.exactReadout = false;
  m_arena.assign(Network::arenaBytes(cap), 0);
  s = m_network.init(cap, m_arena.data(), m_arena.size());
  std::vector<ClassName> names(info.classes);
  if (s == Status::Ok) s = loadModel(bytes.data(), bytes.size(), m_network, names.data());
  if (s != Status::Ok) {
    error = path + ": " + statusText(s);
    return false;
  }
  m_names.clear();
  for (const ClassName& n : names) m_names.emplace_back(n.text);
  m_frontEnd = info.frontEnd;
  m_frontEndRecorded = info.frontEndRecorded;
  return true;
}

std::vector<std::uint8_t> NetworkBox::bytes() const {
  std::vector<ClassName> names(static_cast<std::size_t>(m_network.classes()));
  for (std::size_t k = 0; k < names.size() && k < m_names.size(); ++k) {
    std::strncpy(names[k].text, m_names[k].c_str(), kClassNameBytes);
  }
  // A motion front-end is not recorded (format 2 or 3, byte for byte as before).
  const FrontEndConfig* frontEnd =
      m_frontEnd.kind == FrontEndKind::Motion ? nullptr : &m_frontEnd;
  std::vector<std::uint8_t> out(modelBytes(m_network, frontEnd));
  std::size_t written = 0;
  if (saveModel(m_network, names.data(), out.data(), out.size(), &written, frontEnd) !=
      Status::Ok) {
    return {};
  }
  out.resize(written);
  return out;
}

bool NetworkBox::saveFile(const std::string& path, std::string& error) const {
  const std::vector<std::uint8_t> data = bytes();
  if (data.empty()) {
    error = "cannot serialise the model";
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), std::streamsize(data.size()));
  out.close();
  if (!out) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

} // namespace dlm::cli
