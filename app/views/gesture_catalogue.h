#pragma once

// The gestures the virtual board performs on request, as the studio names them. The ids are
// the board's (PerformGesture, and the requested gesture an Event reports): the synthetic
// motion source numbers its five known gestures first, then the two never-seen ones.

#include <QString>

namespace dlm::app {

/// \brief Ids of the virtual board's gestures.
enum class Gesture : int {
  Shake,
  Circle,
  Tap,
  Swipe,
  Tilt,
  FigureEight,
  TripleKnock,
};

/// \brief How many gestures the virtual board performs (ids 0 .. kGestureCount - 1).
constexpr int kGestureCount = 7;
/// \brief Ids from here on are the never-seen gestures: no class describes them.
constexpr int kFirstNeverSeenGesture = static_cast<int>(Gesture::FigureEight);
/// \brief Spontaneous gestures a minute when the demo is on (one every 5 s on average).
constexpr float kDemoGestureRate = 12.0f;

/// \brief Short name of gesture \p id ("shake", "figure-eight", ...), translated: the name
/// on the gesture toolbar and the class a requested known gesture suggests.
QString gestureName(int id);
/// \brief True for the gestures no class should describe (figure-eight, triple-knock).
inline bool isNeverSeenGesture(int id) { return id >= kFirstNeverSeenGesture; }

} // namespace dlm::app
