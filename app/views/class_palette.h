#pragma once

#include <QColor>

namespace dlm::app {

/// \brief Colour given to the class created at position \p index: ten well-separated hues
/// (Tableau 10), then the same hues lighter and darker so that neighbours stay distinct.
QColor paletteColour(int index);

/// \brief Colour of "unknown": rejected predictions and events tagged as outliers.
QColor unknownColour();

} // namespace dlm::app
