#pragma once

// The studio's one class palette: every panel, the events table and the live plot's event
// marks take a class's colour from here, so a class, and "unknown", look the same everywhere.

#include <QColor>
#include <QVector>

#include "app/views/snapshots.h"

namespace dlm::app {

/// \brief Colour given to the class created at position \p index: ten well-separated hues
/// (Tableau 10), then the same hues lighter and darker so that neighbours stay distinct.
QColor paletteColour(int index);

/// \brief The one grey of "no class": predictions rejected as unknown, events tagged as
/// outliers ("unknown" on purpose) and untagged events. A class index below 0 means one of
/// these everywhere (-1 is both untagged and rejected), so they share it.
QColor unknownColour();

/// \brief Colour of class \p classIndex: the user's colour when set, else paletteColour();
/// unknownColour() for any index below 0 (TagValue, or a rejected prediction).
QColor classColour(const QVector<ClassInfo>& classes, int classIndex);

/// \brief The accent that flags a rejection on top of an event's own colour (the ring around
/// a rejected event, the verdict of an explanation): not a class colour.
QColor rejectionMarkColour();

} // namespace dlm::app
