#include "app/views/class_palette.h"

#include <array>

namespace dlm::app {

namespace {

// Tableau 10: designed for categorical data, readable on light and dark backgrounds and
// distinguishable by most colour-blind users in the first few entries.
constexpr std::array<QRgb, 10> kBaseHues = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
                                            0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};
constexpr int kLighter = 135;
constexpr int kDarker = 140;

} // namespace

QColor paletteColour(int index) {
  if (index < 0) return unknownColour();
  const int size = static_cast<int>(kBaseHues.size());
  const QColor base = QColor::fromRgb(kBaseHues[std::size_t(index % size)]);
  switch ((index / size) % 3) {
  case 0:
    return base;
  case 1:
    return base.lighter(kLighter);
  default:
    return base.darker(kDarker);
  }
}

QColor unknownColour() { return QColor::fromRgb(0x7F7F7F); }

QColor classColour(const QVector<ClassInfo>& classes, int classIndex) {
  if (classIndex < 0) return unknownColour();
  if (classIndex < classes.size() && classes[classIndex].colour.isValid()) {
    return classes[classIndex].colour;
  }
  return paletteColour(classIndex);
}

QColor rejectionMarkColour() { return QColor::fromRgb(0xD32F2F); }

} // namespace dlm::app
