#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include "app/views/class_palette.h"
#include "app/views/snapshots.h"

namespace dlm::ui {

using ClassInfo = app::ClassInfo;

/// \brief Names and colours of classes and of the special tags for the panels. The colours are
/// the studio's one palette (app/views/class_palette.h); only the names, which are translated
/// with the widgets, are decided here.
class ClassPalette {
  Q_DECLARE_TR_FUNCTIONS(dlm::ui::ClassPalette)

public:
  /// \brief app::classColour(): the user's colour, the palette's, or the unknown grey.
  static QColor colour(const QVector<ClassInfo>& classes, int classIndex) {
    return app::classColour(classes, classIndex);
  }
  /// \brief Name of \p classIndex: the user's name when set, else "class N"; "untagged",
  /// "outlier" and "unknown" for the special values.
  static QString name(const QVector<ClassInfo>& classes, int classIndex);
};

} // namespace dlm::ui
