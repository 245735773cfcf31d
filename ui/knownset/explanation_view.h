#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QLabel;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace dlm::ui {

/// \brief Why one event was accepted or rejected, in words a non-specialist follows: what it
/// resembles (the nearest known example of each class), how typical it is, and why that is
/// above or below the strictness. The neurons, scores and margin are one click away
/// ("Technical details").
class ExplanationView : public QWidget {
  Q_OBJECT

public:
  explicit ExplanationView(QWidget* parent = nullptr);

  /// \brief Show \p explanation with \p classes' names and colours.
  void setExplanation(const app::Explanation& explanation, const QVector<app::ClassInfo>& classes);
  /// \brief Back to the hint.
  void clear();
  /// \brief The verdict line, e.g. "Accepted as circle".
  QString verdictText() const { return m_verdictPlain; }
  /// \brief The plain-words explanation shown under the verdict.
  QString reasonText() const;
  /// \brief Whether the technical details are shown.
  bool detailsShown() const;
  /// \brief Plain-words verdict for \p explanation.
  static QString verdict(const app::Explanation& explanation,
                         const QVector<app::ClassInfo>& classes);

private:
  QWidget* buildDetails(QWidget* parent);
  void fillDetails(const app::Explanation& explanation, const QVector<app::ClassInfo>& classes);
  QString resemblance(const app::Explanation& e, const QVector<app::ClassInfo>& classes) const;
  QString why(const app::Explanation& e) const;

  QStackedWidget* m_stack = nullptr;
  QLabel* m_verdict = nullptr;
  QLabel* m_reason = nullptr;
  QToolButton* m_detailsButton = nullptr;
  QWidget* m_details = nullptr;
  QLabel* m_figures = nullptr;
  QTableWidget* m_nearest = nullptr;
  QString m_verdictPlain;
};

} // namespace dlm::ui
