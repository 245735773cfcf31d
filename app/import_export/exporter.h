#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "app/session/session_event.h"

namespace dlm::app {

/// \brief Exports the dataset (CSV) and the model file.
class Exporter {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Exporter)

public:
  /// \brief Name given to outliers in the exported dataset.
  static QString unknownLabel() { return QStringLiteral("unknown"); }

  /// \brief Write the tagged events as CSV: a header f0..fN-1,label, one row per event with
  /// its descriptor and its class name, outliers labelled unknownLabel(), untagged events
  /// skipped (readable by dlm::data::readCsv and the `dlm` tool). Events whose descriptor
  /// length differs from the majority's are skipped too; \p skipped counts them.
  static bool exportDatasetCsv(const SessionState& state, const QString& path, int* rows,
                               int* skipped, QString* error);
  /// \brief Write the model bytes (a `.dlm` file, as `dlm learn` writes) atomically.
  static bool exportModel(const QByteArray& modelBytes, const QString& path, QString* error);
};

} // namespace dlm::app
