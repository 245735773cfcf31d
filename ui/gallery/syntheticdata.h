#pragma once

// Realistic made-up data for the panel gallery: what a session with the virtual board looks
// like a few minutes in. Deterministic (fixed seeds) so screenshots are reproducible.

#include <QColor>
#include <QString>
#include <QVector>

#include "app/views/snapshots.h"

namespace dlm::ui {
class LiveSignalPanel;
}

namespace dlm::ui::gallery {

/// \brief The five gesture classes with their colours.
QVector<app::ClassInfo> classes();

/// \brief Feed \p seconds of 3-axis accelerometer samples (1 kHz, 20-frame chunks) with a few
/// gestures, their event marks and stream statistics.
void feedLiveSignal(LiveSignalPanel& panel, double seconds);

/// \brief Growth after each of \p events learned events, with periodic full rebuilds.
QVector<app::GrowthPoint> growth(int events);

/// \brief A three-layer network over 24-dimensional descriptors.
app::NetworkSnapshot network();

/// \brief Known-set map of a session: clusters per class, untagged events, outliers, a
/// never-seen gesture; score grid and neuron balls.
app::KnownSetMap knownSet(float threshold);

/// \brief Explanation of event \p eventId of \p map (nearest balls, margin).
app::Explanation explanation(const app::KnownSetMap& map, int eventId);

} // namespace dlm::ui::gallery
