#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QAbstractAxis;
class QChart;
class QChartView;
class QCheckBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QStackedWidget;
class QValueAxis;

namespace dlm::ui {

class Coalescer;

/// \brief How the network grew: four small charts against events learned — neurons per layer
/// and depth, learning time per event, prequential accuracy and rejection rate — with the
/// full rebuilds marked on each.
class GrowthPanel : public QWidget {
  Q_OBJECT

public:
  /// \brief The four charts, in reading order.
  enum class Chart { Size, LearnTime, Accuracy, Rejection };

  explicit GrowthPanel(QWidget* parent = nullptr);
  ~GrowthPanel() override;

  /// \brief One of the charts (for tests and export).
  QChart* chart(Chart which) const;
  /// \brief Points received since the last clear().
  int pointCount() const { return static_cast<int>(m_points.size()); }
  /// \brief Layer series on the size chart (the deepest network seen).
  int layerSeriesCount() const { return static_cast<int>(m_layerSeries.size()); }
  /// \brief Full rebuilds received since the last clear().
  int rebuildCount() const { return m_rebuilds; }
  bool logTimeScale() const { return m_logTime; }
  /// \brief The points drawn (or about to be), oldest first.
  const QVector<app::GrowthPoint>& points() const { return m_points; }
  /// \brief The one-line summary above the charts, as shown.
  QString summaryText() const;

public slots:
  /// \brief Add the state after one learned event or rebuild; drawn at the next repaint tick.
  void appendGrowth(const dlm::app::GrowthPoint& point);
  /// \brief Forget every point (a new session).
  void clear();
  /// \brief Draw \p points instead of what is drawn (a reopened project's history).
  void setHistory(const QVector<dlm::app::GrowthPoint>& points);
  /// \brief The share of the session's events rejected now, as the known-set panel counts
  /// it: the summary shows this figure, so that one rate reads the same in every panel (the
  /// chart keeps the rate each point had when it was learned).
  void setSessionRejectionRate(double rate);
  /// \brief Learning time on a logarithmic axis (rebuilds are orders of magnitude slower).
  void setLogTimeScale(bool on);
  /// \brief Draw pending points now instead of at the next repaint tick.
  void refreshNow();

protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  struct ChartParts;

  void initChart(const QString& title, ChartParts& parts);
  void buildSizeChart();
  void buildTimeChart();
  void buildRatioChart(ChartParts& parts, const QString& title, const QString& axisTitle,
                       const QColor& colour);
  QLineSeries* addLayerSeries();
  void refresh();
  void appendPending();
  void updateAxes();
  void attachTimeAxis();
  void fitLegends();

  struct ChartParts {
    QChart* chart = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    QLineSeries* line = nullptr;         // the chart's main series (not used by Size)
    QScatterSeries* rebuilds = nullptr;  // full-rebuild markers
  };

  ChartParts m_size;
  ChartParts m_time;
  ChartParts m_accuracy;
  ChartParts m_rejection;
  QValueAxis* m_depthAxis = nullptr;
  QLineSeries* m_depthSeries = nullptr;
  QLogValueAxis* m_timeLogAxis = nullptr;
  QVector<QLineSeries*> m_layerSeries;
  QStackedWidget* m_stack = nullptr;
  QCheckBox* m_logBox = nullptr;
  QLabel* m_summary = nullptr;
  Coalescer* m_coalescer = nullptr;

  QVector<app::GrowthPoint> m_points;
  int m_drawn = 0;  // points of m_points already in the series
  int m_rebuilds = 0;
  int m_maxDepth = 0;
  int m_maxNeurons = 0;
  double m_minMicros = 0.0;
  double m_maxMicros = 0.0;
  double m_sessionRejection = -1.0;  // < 0: not reported yet (the last point's is shown)
  bool m_logTime = true;
};

} // namespace dlm::ui
