#include "ui/common/class_colours.h"

#include <array>

namespace dlm::ui {

namespace {

// Okabe-Ito and Tableau hues: distinct for colour-blind users and readable on white.
constexpr std::array<QRgb, 10> kFallback = {
    0xff0072b2, 0xffe69f00, 0xff009e73, 0xffcc79a7, 0xff56b4e9,
    0xffd55e00, 0xff8c6d31, 0xff7b4173, 0xff393b79, 0xff637939};

} // namespace

QColor ClassPalette::fallback(int index) {
  const auto n = static_cast<int>(kFallback.size());
  return QColor::fromRgb(kFallback[static_cast<std::size_t>(((index % n) + n) % n)]);
}

QColor ClassPalette::untagged() { return QColor(0x9e, 0x9e, 0x9e); }

QColor ClassPalette::outlier() { return QColor(0x21, 0x21, 0x21); }

QColor ClassPalette::rejected() { return QColor(0xd3, 0x2f, 0x2f); }

QColor ClassPalette::colour(const QVector<ClassInfo>& classes, int classIndex) {
  if (classIndex == app::kOutlier) return outlier();
  if (classIndex < 0) return untagged();
  if (classIndex < classes.size() && classes[classIndex].colour.isValid())
    return classes[classIndex].colour;
  return fallback(classIndex);
}

QString ClassPalette::name(const QVector<ClassInfo>& classes, int classIndex) {
  if (classIndex == app::kOutlier) return tr("outlier");
  if (classIndex == app::kUntagged) return tr("untagged");
  if (classIndex < 0) return tr("unknown");
  if (classIndex < classes.size() && !classes[classIndex].name.isEmpty())
    return classes[classIndex].name;
  return tr("class %1").arg(classIndex + 1);
}

} // namespace dlm::ui
