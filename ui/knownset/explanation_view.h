#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace dlm::ui {

/// \brief Side box of the known-set panel: why one event was classified as it was — the
/// verdict in plain words, the margin to the rejection boundary, the nearest neurons.
class ExplanationView : public QWidget {
  Q_OBJECT

public:
  explicit ExplanationView(QWidget* parent = nullptr);

  /// \brief Show \p explanation with \p classes' names and colours.
  void setExplanation(const app::Explanation& explanation, const QVector<app::ClassInfo>& classes);
  /// \brief Back to the hint.
  void clear();
  /// \brief The verdict line, e.g. "Known: circle (confidence 0.82)".
  QString verdictText() const { return m_verdictPlain; }
  /// \brief Plain-words verdict for \p explanation.
  static QString verdict(const app::Explanation& explanation,
                         const QVector<app::ClassInfo>& classes);

private:
  QStackedWidget* m_stack = nullptr;
  QLabel* m_event = nullptr;
  QLabel* m_verdict = nullptr;
  QLabel* m_margin = nullptr;
  QLabel* m_scores = nullptr;
  QTableWidget* m_nearest = nullptr;
  QString m_verdictPlain;
};

} // namespace dlm::ui
