#include "ui/knownset/embedding_plot.h"

#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/common/class_colours.h"
#include "ui/common/plot_text.h"

namespace dlm::ui {

namespace {

constexpr double kPickPixels = 8.0;
constexpr double kPointSize = 8.0;
constexpr double kMargin = 0.08;

} // namespace

EmbeddingPlot::EmbeddingPlot(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(160, 120);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setMouseTracking(true);
  xAxis->setTickLabels(false);
  yAxis->setTickLabels(false);
  legend->setVisible(false);
  m_emptyText = new QCPItemText(this);
  m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_emptyText->position->setCoords(0.5, 0.5);
  m_emptyText->setColor(QColor(0x66, 0x66, 0x66));
  keepTextInsidePlot(this, m_emptyText);
  connect(this, &QCustomPlot::mouseMove, this, &EmbeddingPlot::onMouseMove);
  connect(this, &QCustomPlot::mousePress, this,
          [this](QMouseEvent* event) { m_pressPos = event->position().toPoint(); });
  connect(this, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
    // A click (not the end of a pan) on an event asks for its explanation.
    if (event->button() != Qt::LeftButton) return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() > 4) return;
    const int id = eventAt(event->position());
    if (id < 0) return;
    setSelectedEvent(id);
    emit eventClicked(id);
  });
  redraw();
}

void EmbeddingPlot::setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes,
                           float threshold) {
  const bool first = m_map.points.isEmpty() || m_map.axisX != map.axisX;
  m_map = map;
  m_classes = classes;
  m_threshold = threshold;
  xAxis->setLabel(map.axisX);
  yAxis->setLabel(map.axisY);
  redraw();
  if (first) resetView();
  replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setThreshold(float threshold) {
  if (threshold == m_threshold) return;
  m_threshold = threshold;
  redraw();
  replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* EmbeddingPlot::addScatter(const QColor& colour, bool filled, double size) {
  auto* g = addGraph();
  g->setLineStyle(QCPGraph::lsNone);
  QPen pen(filled ? colour.darker(125) : colour, filled ? 1.0 : 1.6);
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, pen,
                                     filled ? QBrush(colour) : QBrush(Qt::white), size));
  m_graphs << g;
  return g;
}

// One graph per (colour, decision): the decision of each point is the model's rule on the
// point's own level, so what is drawn is what is decided.
void EmbeddingPlot::redraw() {
  clearGraphs();
  m_graphs.clear();
  m_drawn.clear();
  QHash<QPair<int, bool>, QCPGraph*> byKey;
  QVector<double> crossX, crossY;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    const int colourKey = p.tag >= 0 ? p.tag : app::kUntagged;
    const bool judged = p.valid && m_map.hasModel;
    const bool accepted = judged && app::pointAccepted(p, m_threshold);
    const auto key = qMakePair(colourKey, accepted || !judged);
    QCPGraph*& g = byKey[key];
    if (g == nullptr) g = addScatter(ClassPalette::colour(m_classes, colourKey), key.second, kPointSize);
    g->addData(double(p.x), double(p.y));
    if (judged && !accepted) {
      crossX << double(p.x);
      crossY << double(p.y);
    }
    if (judged) m_drawn.insert(p.eventId, accepted ? 1 : 0);
  }
  m_crosses = addGraph();
  m_crosses->setLineStyle(QCPGraph::lsNone);
  m_crosses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross,
                                             QPen(app::rejectionMarkColour(), 1.6),
                                             QBrush(Qt::NoBrush), 6.0));
  m_crosses->setData(crossX, crossY);
  m_selected = addGraph();
  m_selected->setLineStyle(QCPGraph::lsNone);
  m_selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0),
                                              QBrush(Qt::NoBrush), 16.0));
  setSelectedEvent(m_selectedEvent);
  setPlotMessage(m_emptyText, m_map.points.isEmpty()
                           ? tr("No events yet: perform a gesture")
                           : (m_map.hasModel ? QString()
                                             : tr("Nothing learned yet: tag events (keys 1-9)")));
}

void EmbeddingPlot::setSelectedEvent(int eventId) {
  m_selectedEvent = eventId;
  if (m_selected == nullptr) return;
  m_selected->data()->clear();
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (p.eventId == eventId) m_selected->addData(double(p.x), double(p.y));
  }
  replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::resetView() {
  if (m_map.points.isEmpty()) {
    xAxis->setRange(-1.0, 1.0);
    yAxis->setRange(-1.0, 1.0);
    return;
  }
  double x0 = m_map.points[0].x, x1 = x0, y0 = m_map.points[0].y, y1 = y0;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    x0 = std::min(x0, double(p.x));
    x1 = std::max(x1, double(p.x));
    y0 = std::min(y0, double(p.y));
    y1 = std::max(y1, double(p.y));
  }
  const double mx = std::max(1e-3, (x1 - x0) * kMargin);
  const double my = std::max(1e-3, (y1 - y0) * kMargin);
  xAxis->setRange(x0 - mx, x1 + mx);
  yAxis->setRange(y0 - my, y1 + my);
}

QPointF EmbeddingPlot::eventPixel(int eventId) const {
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (p.eventId == eventId) {
      return {xAxis->coordToPixel(double(p.x)), yAxis->coordToPixel(double(p.y))};
    }
  }
  return {-1.0, -1.0};
}

int EmbeddingPlot::eventAt(const QPointF& pixel) const {
  int best = -1;
  double bestDistance = kPickPixels;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    const double dx = xAxis->coordToPixel(double(p.x)) - pixel.x();
    const double dy = yAxis->coordToPixel(double(p.y)) - pixel.y();
    const double d = std::hypot(dx, dy);
    if (d <= bestDistance) {
      bestDistance = d;
      best = p.eventId;
    }
  }
  return best;
}

QString EmbeddingPlot::hoverText(int eventId) const {
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (p.eventId != eventId) continue;
    const QString tag = ClassPalette::name(m_classes, p.tag);
    if (!(p.valid && m_map.hasModel)) return tr("Event %1 · %2 · not judged yet").arg(eventId).arg(tag);
    const QString typical = locale().toString(100.0 * double(p.knownScore), 'f', 0);
    const QString decision = app::pointAccepted(p, m_threshold)
                                 ? tr("accepted as %1").arg(ClassPalette::name(m_classes, p.bestClass))
                                 : tr("rejected as unknown");
    return tr("Event %1 · %2 · more typical than %3% of known events · %4")
        .arg(eventId)
        .arg(tag, typical, decision);
  }
  return {};
}

void EmbeddingPlot::onMouseMove(QMouseEvent* event) {
  const int id = eventAt(event->position());
  if (id < 0) {
    QToolTip::hideText();
    return;
  }
  QToolTip::showText(event->globalPosition().toPoint(), hoverText(id), this);
}

} // namespace dlm::ui
