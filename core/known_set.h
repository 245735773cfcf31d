#pragma once

#include <cstdint>

namespace dlm {

struct Layer;

/// \brief Knots in a known-set calibration: held-out distances of known events.
constexpr int kCalibrationKnots = 32;

/// \brief The known-set distance of an input: the mean Euclidean distance to the two nearest
/// first-layer centres (the one centre when there is a single neuron). Smaller is more known.
///
/// The first layer's centres are an adaptive sampling of every class (conflicts refine them
/// near class boundaries, the spacing rule inside classes), so this is a nearest-neighbour
/// distance to a thinned training set, averaged over two neighbours so that one stray centre
/// does not make its surroundings look known.
float knownDistance(float nearest, float second);

/// \brief Tracks the two smallest of a stream of squared distances.
struct NearestTwo {
  float first = -1.0f;   ///< smallest squared distance, < 0 while none
  float second = -1.0f;  ///< second smallest, < 0 while fewer than two
  void add(float squared);
  bool empty() const { return first < 0.0f; }
  /// \brief knownDistance() of what was added; < 0 when nothing was.
  float distance() const;
};

/// \brief Maps a known-set distance to a calibrated level in [0, 1]: the estimated share of
/// held-out known events that lie farther from the known set than the input does.
///
/// The knots are held-out distances of known events (ascending): on a rebuild, quantiles of
/// leave-one-out distances; on a board learning one event at a time, the prequential distances
/// of events of classes it already knew, kept as an online sketch. The level is strictly
/// decreasing in the distance (an exponential tail past the last knot), so ranking by level is
/// ranking by distance, and the rejection threshold is a share of knowns: the same number on
/// every build, since the knots travel in the model.
class KnownCalibration {
public:
  void clear();
  /// \brief Quantiles of \p n ascending held-out distances (n may exceed the knots).
  void setFromSorted(const float* sorted, std::uint32_t n);
  /// \brief Add one held-out distance (the board's online sketch): while there is room the
  /// knot is inserted in order; once full, the oldest knot gives way, so the sketch follows
  /// the known set as it fills in and drifts.
  void insert(float distance);
  /// \brief Calibrated level of \p distance; \p spacing is the data scale used when there is
  /// no knot yet.
  float level(float distance, float spacing) const;

  int count() const { return m_count; }
  /// \brief The median knot (0 without knots).
  float median() const;
  const float* knots() const { return m_knots; }
  /// \brief Arrival stamp of each knot (mod 256) and the next stamp: the sketch's order of
  /// replacement, saved with the model so that learning continues the same way after a load.
  const std::uint8_t* stamps() const { return m_stamps; }
  std::uint8_t arrivals() const { return m_arrivals; }
  /// \brief For the model loader: \p count ascending, finite, non-negative knots.
  bool assign(const float* knots, const std::uint8_t* stamps, int count, std::uint8_t arrivals);

private:
  float m_knots[kCalibrationKnots] = {};
  std::uint8_t m_stamps[kCalibrationKnots] = {};
  std::uint8_t m_count = 0;
  std::uint8_t m_arrivals = 0;
};

/// \brief The rejection rule, in one place: an input is known when its calibrated level is at
/// least the threshold (a share of known events to reject, in [0, 1]); 1 rejects everything.
inline bool isKnownLevel(float level, float threshold) {
  return threshold < 1.0f && level >= threshold;
}

} // namespace dlm
