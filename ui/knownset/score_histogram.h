#pragma once

#include <QVector>

#include <qcustomplot.h>

#include "app/views/snapshots.h"

namespace dlm::ui {

/// \brief How typical each event is: the distribution of the events' calibrated levels (the
/// share of known events less typical than them), stacked per class, untagged and marked
/// unknown, with the strictness as a vertical line the user drags. Events left of the line are
/// rejected, right of it accepted: the model's own rule, so the two counts shown are the
/// decisions.
class ScoreHistogram : public QCustomPlot {
  Q_OBJECT

public:
  /// \brief Bins over the level's range [0, 1].
  static constexpr int kBins = 20;

  explicit ScoreHistogram(QWidget* parent = nullptr);

  void setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes,
              float threshold);
  /// \brief Move the line to \p threshold (no signal).
  void setThreshold(float threshold);
  float threshold() const { return m_threshold; }
  /// \brief Judged events drawn right of the line (accepted) and left of it (rejected).
  int acceptedCount() const { return m_accepted; }
  int rejectedCount() const { return m_rejected; }
  /// \brief Horizontal pixel of the line.
  double linePixel() const;

signals:
  /// \brief The user dragged the line to \p threshold.
  void thresholdDragged(float threshold);

private:
  void rebuildBars();
  void updateLine();
  void onPress(QMouseEvent* event);
  void onMove(QMouseEvent* event);

  app::KnownSetMap m_map;
  QVector<app::ClassInfo> m_classes;
  float m_threshold = 0.0f;
  int m_accepted = 0;
  int m_rejected = 0;
  bool m_dragging = false;
  double m_top = 1.0;
  QCPItemStraightLine* m_line = nullptr;
  QCPItemRect* m_rejectedZone = nullptr;
  QCPItemText* m_leftText = nullptr;
  QCPItemText* m_rightText = nullptr;
  QCPItemText* m_emptyText = nullptr;
};

} // namespace dlm::ui
