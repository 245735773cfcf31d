#pragma once

// A real model for the virtual boards (3-channel motion descriptors), learned from the board's
// own gestures (app/data/gestures.h): what the fleet test and benchmark push. Different seeds
// give different models (different identities); more gestures give a larger model.

#include <QByteArray>
#include <QString>

namespace dlm {
namespace fleetbench {

/// \brief Learn the five known gestures, \p perGesture of each from motion seed \p seed, into
/// a one-layer model of at most \p maxNeurons neurons. Empty with \p error set on failure.
QByteArray gestureModel(quint32 seed, int perGesture, int maxNeurons, QString* error);

} // namespace fleetbench
} // namespace dlm
