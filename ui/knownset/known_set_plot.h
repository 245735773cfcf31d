#pragma once

#include <QLineF>
#include <QPolygonF>
#include <QVector>

#include <qcustomplot.h>

#include "app/views/snapshots.h"
#include "ui/geometry/contour.h"

namespace dlm::ui {

/// \brief Plot item drawing polylines given in plot coordinates (contours, boundaries):
/// QCustomPlot has no contour plottable.
class PolylineItem : public QCPAbstractItem {
public:
  explicit PolylineItem(QCustomPlot* plot);

  void setPolylines(const QVector<QPolygonF>& lines) { m_lines = lines; }
  void setSegments(const QVector<QLineF>& segments) { m_segments = segments; }
  /// \brief Drawn first, under the pen (a light halo keeps a line readable on any colour).
  void setHaloPen(const QPen& pen) { m_halo = pen; }
  void setPen(const QPen& pen) { m_pen = pen; }
  int polylineCount() const { return static_cast<int>(m_lines.size()); }
  int segmentCount() const { return static_cast<int>(m_segments.size()); }

  double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const override;

protected:
  void draw(QCPPainter* painter) override;

private:
  QVector<QPolygonF> m_lines;
  QVector<QLineF> m_segments;
  QPen m_pen;
  QPen m_halo = QPen(Qt::NoPen);
};

/// \brief The known-set map: events as a scatter coloured by tag, the score as a colour map,
/// the known-set contour (level = threshold) and class boundaries, and the neuron balls.
/// Hover shows the score and the event under the cursor; a click on an event emits it.
class KnownSetPlot : public QCustomPlot {
  Q_OBJECT

public:
  explicit KnownSetPlot(QWidget* parent = nullptr);

  /// \brief Draw \p map with \p classes' colours, at the map's threshold.
  void setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes);
  /// \brief Move the known-set contour and the rejected marks to \p threshold (no relearning:
  /// the grid and the points' scores are reused).
  void setThreshold(float threshold);
  float threshold() const { return m_threshold; }
  const app::KnownSetMap& map() const { return m_map; }
  /// \brief Ring event \p eventId (-1: none).
  void setSelectedEvent(int eventId);
  int selectedEvent() const { return m_selectedEvent; }

  /// \brief Id of the event drawn within a few pixels of \p pixel, or -1.
  int eventAt(const QPointF& pixel) const;
  /// \brief Pixel position of event \p eventId, (-1, -1) if absent.
  QPointF eventPixel(int eventId) const;
  /// \brief What hovering at \p pixel shows (score, readout class, event).
  QString hoverText(const QPointF& pixel) const;
  /// \brief Events whose level is below threshold() (at the map's own threshold: its
  /// predictions).
  int rejectedCount() const;
  /// \brief Whether event \p point counts as rejected at the current threshold.
  bool isRejected(const app::KnownSetMap::Point& point) const;
  int contourPolylineCount() const { return m_contour->polylineCount(); }
  int boundarySegmentCount() const { return m_boundaries->segmentCount(); }
  /// \brief Fit the axes to the grid and the points.
  void resetView();

signals:
  /// \brief The user clicked the event \p eventId.
  void eventClicked(int eventId);

protected:
  void resizeEvent(QResizeEvent* event) override;

private:
  void buildLayers();
  void rebuildLegend();
  void fitLegend();
  void buildLegendEntries();
  QCPGraph* scatterGraph(const QString& name, const QCPScatterStyle& style);
  void updateColourMap();
  void updateColourRange();
  void updateScatter();
  void updateRejectedMarks();
  void updateEllipses();
  void updateContour();
  void onMouseMove(QMouseEvent* event);
  void onMousePress(QMouseEvent* event);
  GridGeometry geometry() const;

  app::KnownSetMap m_map;
  QVector<app::ClassInfo> m_classes;
  float m_threshold = 0.0f;
  int m_selectedEvent = -1;
  QPoint m_pressPos;

  QCPColorMap* m_colourMap = nullptr;
  QCPColorScale* m_colourScale = nullptr;
  PolylineItem* m_contour = nullptr;
  PolylineItem* m_boundaries = nullptr;
  QVector<QCPGraph*> m_classGraphs;
  QCPGraph* m_untagged = nullptr;
  QCPGraph* m_outliers = nullptr;
  QCPGraph* m_rejected = nullptr;
  QCPGraph* m_selected = nullptr;
  QCPGraph* m_contourLegend = nullptr;
  QCPGraph* m_boundaryLegend = nullptr;
  QVector<QCPItemEllipse*> m_ellipses;
  QCPItemText* m_emptyText = nullptr;
};

} // namespace dlm::ui
