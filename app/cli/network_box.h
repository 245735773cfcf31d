#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model_format.h"
#include "core/network.h"

namespace dlm::parallel {
class ThreadPool;
}

namespace dlm::cli {

/// \brief A kernel network with its arena and class names, as the host tools hold one.
class NetworkBox {
public:
  NetworkBox();
  ~NetworkBox();

  /// \brief Size the arena for a learning run over \p events events.
  bool create(const Capacity& capacity, int dims, std::string& error);
  /// \brief Read a model file; the arena is sized from its header (predict-only capacity).
  bool loadFile(const std::string& path, std::string& error);
  /// \brief Move the model into a network of \p capacity (e.g. to learn more into it); the
  /// model and class names are kept, the event memory starts empty.
  bool resize(const Capacity& capacity, std::string& error);
  /// \brief Write the model bytes to \p path.
  bool saveFile(const std::string& path, std::string& error) const;
  /// \brief The serialized model (what a board receives).
  std::vector<std::uint8_t> bytes() const;

  Network& network() { return m_network; }
  const Network& network() const { return m_network; }
  std::vector<std::string>& classNames() { return m_names; }
  const std::vector<std::string>& classNames() const { return m_names; }
  std::size_t arenaBytes() const { return m_arena.size(); }
  /// \brief The front-end the model's descriptors come from: recorded in the bytes saved
  /// (model format 4 for a spectral one); loadFile() reads it (motion for older models).
  void setFrontEnd(const FrontEndConfig& frontEnd) { m_frontEnd = frontEnd; }
  const FrontEndConfig& frontEnd() const { return m_frontEnd; }
  /// \brief True when loadFile() read a recorded front-end (model format 4).
  bool frontEndRecorded() const { return m_frontEndRecorded; }

private:
  std::vector<unsigned char> m_arena;
  std::unique_ptr<parallel::ThreadPool> m_pool;
  Network m_network;
  std::vector<std::string> m_names;
  FrontEndConfig m_frontEnd;
  bool m_frontEndRecorded = false;
};

/// \brief Threads a rebuild uses (`--threads`; default: every hardware thread, at most 8).
int& rebuildThreads();

/// \brief Capacity for learning \p rows events of \p dims features and \p classes classes.
Capacity learningCapacity(int rows, int dims, int classes, int maxNeurons);

/// \brief Capacity for learning \p rows more events one at a time into \p network, with
/// \p classes classes in all. Room for a neuron per event up to \p maxNeurons per layer, but
/// never less than the model already has; no event memory, because a rebuild from the new
/// events alone would forget everything the model learned before.
Capacity continuationCapacity(const Network& network, int rows, int classes, int maxNeurons,
                              bool exactReadout);

} // namespace dlm::cli
