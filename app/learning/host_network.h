#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <cstdlib>
#include <memory>

#include "app/parallel/thread_pool.h"
#include "core/network.h"
#include "devices/firmware/firmware_app.h"

namespace dlm::app {

/// \brief A full host kernel network (event memory, exact readout) whose arena grows with the
/// session: when the tagged events, the classes or the descriptor length outgrow the capacity,
/// the network is re-initialised with a larger arena (the caller then rebuilds).
class HostNetwork {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::HostNetwork)

public:
  /// \brief Neurons per layer at most: bounds the O(K^2) least-squares workspace.
  static constexpr int kMaxNeurons = 1024;
  /// \brief Depth the studio builds at most: the boards' (the firmware's capacity), so that
  /// every model it makes can be pushed; a board's Hello may lower it (setLimits()).
  static constexpr int kMaxLayers = firmware::FirmwareApp::kCapacity.maxLayers;
  /// \brief Smallest event memory; it then doubles as the session grows.
  static constexpr int kMinEvents = 256;

  /// \brief What ensure() had to do.
  enum class Outcome { Kept, Reinitialised, Failed };

  /// \brief Make room for \p events tagged events of \p dims features and labels below
  /// \p classes. Keeps the model when it fits; otherwise re-initialises (the model is lost).
  Outcome ensure(int events, int dims, int classes, QString* error);
  /// \brief Keep the network within a board's capacity (layers, neurons in the first layer and
  /// in each deeper one; \p maxDeepNeurons 0: no separate limit) so every model the studio
  /// builds can be pushed to it; the next ensure() re-initialises if needed.
  void setLimits(int maxLayers, int maxNeurons, int maxDeepNeurons = 0);
  /// \brief What the next rebuilds' known-set scales come from (issue 10): events that are
  /// the boards' descriptors of \p channels channels (descriptorFor()) are standardised within
  /// classes, times the descriptor prior; for anything else (0, or imported features of
  /// another length) the plain Euclidean distance, which standardising made worse on digits.
  void setDescriptorChannels(int channels);
  /// \brief Prior weight of the descriptor's statistics and duration at a rebuild, after the
  /// standardisation: 1, measured best on the studio-session protocol (2, 3 lowered the
  /// never-seen rejection at the default threshold; docs/benchmarks.md).
  static constexpr float kRebuildStatsWeight = 1.0f;
  /// \brief True when the network's capacity is within the limits of setLimits().
  bool withinLimits() const;
  /// \brief Forget the model (keep the arena).
  void clear();

  /// \brief True once the network has an arena and a descriptor length.
  bool ready() const { return m_arena != nullptr; }
  /// \brief True when the network has learned something (it can predict).
  bool hasModel() const { return ready() && m_network.classes() > 0 && m_network.neurons(0) > 0; }
  int dims() const { return ready() ? m_network.dims() : 0; }
  Network& network() { return m_network; }
  const Network& network() const { return m_network; }
  const Capacity& capacity() const { return m_capacity; }
  std::size_t arenaBytes() const { return m_arenaSize; }

  /// \brief The model bytes (what a board receives and a project stores), with \p names as
  /// class names (UTF-8, cut to dlm::kClassNameBytes). Empty when there is no model.
  QByteArray modelBytes(const QStringList& names) const;
  /// \brief Validate and load \p bytes, growing the arena to fit them and \p events tagged
  /// events. On failure returns false with a message and the network is empty.
  bool load(const QByteArray& bytes, int events, QString* error);

private:
  bool init(const Capacity& capacity, int dims, QString* error);

  struct Free {
    void operator()(unsigned char* p) const { std::free(p); }
  };
  std::unique_ptr<unsigned char[], Free> m_arena;
  std::size_t m_arenaSize = 0;
  /// The rebuild's threads (every core, parallel::hostWorkers()); the model does not depend
  /// on how many there are.
  std::unique_ptr<parallel::ThreadPool> m_pool;
  Network m_network;
  Capacity m_capacity;
  int m_limitLayers = kMaxLayers;
  int m_limitNeurons = kMaxNeurons;
  int m_limitDeepNeurons = 0;  ///< 0: deeper layers as wide as the first
};

} // namespace dlm::app
