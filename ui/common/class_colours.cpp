#include "ui/common/class_colours.h"

namespace dlm::ui {

QString ClassPalette::name(const QVector<ClassInfo>& classes, int classIndex) {
  if (classIndex == app::kOutlier) return tr("outlier");
  if (classIndex == app::kUntagged) return tr("untagged");
  if (classIndex < 0) return tr("unknown");
  if (classIndex < classes.size() && !classes[classIndex].name.isEmpty())
    return classes[classIndex].name;
  return tr("class %1").arg(classIndex + 1);
}

} // namespace dlm::ui
