#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include "app/views/snapshots.h"

namespace dlm::ui {

using ClassInfo = app::ClassInfo;

/// \brief Colours and names of classes and of the special tags, shared by every panel so that
/// a class looks the same everywhere.
class ClassPalette {
  Q_DECLARE_TR_FUNCTIONS(dlm::ui::ClassPalette)

public:
  /// \brief Colour of \p classIndex: the user's colour when set, else a fixed fallback;
  /// grey for untagged, near-black for outliers.
  static QColor colour(const QVector<ClassInfo>& classes, int classIndex);
  /// \brief Name of \p classIndex: the user's name when set, else "class N"; "untagged",
  /// "outlier" and "unknown" for the special values.
  static QString name(const QVector<ClassInfo>& classes, int classIndex);
  /// \brief Fallback colour for class \p index (a colour-blind friendly cycle).
  static QColor fallback(int index);
  /// \brief Colour of untagged events.
  static QColor untagged();
  /// \brief Colour of outliers and of "rejected" marks' text.
  static QColor outlier();
  /// \brief Colour marking rejected events.
  static QColor rejected();
};

} // namespace dlm::ui
