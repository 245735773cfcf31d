#pragma once

#include <cstdint>
#include <string>

#include "app/data/dataset.h"

namespace dlm::data {

/// \brief What generateGestures() performs.
struct GestureOptions {
    std::uint32_t seed = 1;      ///< motion source seed: equal seeds give equal events
    int perGesture = 40;         ///< requests of each gesture, known and never-seen alike
    float drift = 0.0f;          ///< the source's slow sensor drift, 0..1
    float noiseCounts = 20.0f;   ///< white sensor noise, as on the virtual board
};

/// \brief Labelled gesture events produced exactly as the virtual board produces them.
///
/// The board's synthetic accelerometer (devices/simulator/motion_source.h) performs every
/// gesture perGesture times in a shuffled order; its stream goes through the board's energy
/// trigger (event_detector.h, the firmware's trigger settings) and each detected window
/// through the board's descriptor (core/descriptor.h, 3 channels, 2048-frame windows). A row's
/// label is the gesture whose ground truth overlaps its window most; windows overlapping no
/// gesture (none are expected without drift) are left out. classNames are the gesture names,
/// known ones first: labels >= kKnownGestureClasses are the never-seen gestures. A request the
/// trigger misses gives no row, so a class may have slightly fewer than perGesture rows.
Dataset generateGestures(const GestureOptions& options);

/// \brief Gesture classes a board is taught (shake, circle, tap, swipe, tilt).
extern const int kKnownGestureClasses;
/// \brief All gesture classes, the never-seen ones (figure-eight, triple-knock) included.
extern const int kGestureClasses;

}  // namespace dlm::data
