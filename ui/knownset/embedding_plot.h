#pragma once

#include <QHash>
#include <QVector>

#include <qcustomplot.h>

#include "app/views/snapshots.h"

namespace dlm::ui {

/// \brief The known set's map: every event at its place on a 2-D embedding, coloured by tag,
/// drawn solid when the model accepts it and hollow with a red cross when it rejects it, each
/// judged on its own level (no score is interpolated between events, so nothing drawn can
/// contradict a decision). Hover shows the event; a click emits it.
class EmbeddingPlot : public QCustomPlot {
  Q_OBJECT

public:
  explicit EmbeddingPlot(QWidget* parent = nullptr);

  /// \brief Draw \p map with \p classes' colours at \p threshold.
  void setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes,
              float threshold);
  /// \brief Redraw the decisions at \p threshold (levels and places stay).
  void setThreshold(float threshold);
  const app::KnownSetMap& map() const { return m_map; }
  /// \brief Ring event \p eventId (-1: none).
  void setSelectedEvent(int eventId);
  int selectedEvent() const { return m_selectedEvent; }

  /// \brief What the plot drew for \p eventId: 1 solid (accepted), 0 hollow and crossed
  /// (rejected), -1 not drawn or not judged (no model yet).
  int drawnDecision(int eventId) const { return m_drawn.value(eventId, -1); }
  /// \brief Id of the event drawn within a few pixels of \p pixel, or -1.
  int eventAt(const QPointF& pixel) const;
  /// \brief Pixel position of event \p eventId, (-1, -1) if absent.
  QPointF eventPixel(int eventId) const;
  /// \brief What hovering over event \p eventId shows.
  QString hoverText(int eventId) const;
  /// \brief Fit the axes to the points.
  void resetView();

signals:
  /// \brief The user clicked the event \p eventId.
  void eventClicked(int eventId);

private:
  QCPGraph* addScatter(const QColor& colour, bool filled, double size);
  void redraw();
  void onMouseMove(QMouseEvent* event);

  app::KnownSetMap m_map;
  QVector<app::ClassInfo> m_classes;
  float m_threshold = 0.0f;
  int m_selectedEvent = -1;
  QPoint m_pressPos;
  QHash<int, int> m_drawn;
  QVector<QCPGraph*> m_graphs;  ///< rebuilt on every redraw: one per colour and fill
  QCPGraph* m_crosses = nullptr;
  QCPGraph* m_selected = nullptr;
  QCPItemText* m_emptyText = nullptr;
};

} // namespace dlm::ui
