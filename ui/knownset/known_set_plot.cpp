#include "ui/knownset/known_set_plot.h"

#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/common/class_colours.h"

namespace dlm::ui {

namespace {

constexpr double kPickPixels = 8.0;
constexpr double kMinColourSpan = 0.05;  // levels are shares in [0, 1]
constexpr double kMaxColourSpan = 1.0;
const QColor kContourColour(0x1a, 0x1a, 0x1a);
const QColor kBoundaryColour(0x44, 0x44, 0x44, 170);

// Warm where the score says "unknown", white at the boundary, cool where it says "known":
// soft enough that the coloured events stay the loudest thing on the plot.
QCPColorGradient knownSetGradient() {
  QCPColorGradient g;
  g.clearColorStops();
  g.setColorStopAt(0.0, QColor(0xee, 0xc9, 0xbd));
  g.setColorStopAt(0.35, QColor(0xf8, 0xe9, 0xe3));
  g.setColorStopAt(0.5, QColor(0xff, 0xff, 0xff));
  g.setColorStopAt(0.65, QColor(0xe6, 0xef, 0xf8));
  g.setColorStopAt(1.0, QColor(0xc3, 0xd7, 0xed));
  g.setNanHandling(QCPColorGradient::nhLowestColor);
  return g;
}

} // namespace

PolylineItem::PolylineItem(QCustomPlot* plot) : QCPAbstractItem(plot) {
  setSelectable(false);
}

double PolylineItem::selectTest(const QPointF&, bool, QVariant*) const { return -1.0; }

void PolylineItem::draw(QCPPainter* painter) {
  QCPAxis* x = parentPlot()->xAxis;
  QCPAxis* y = parentPlot()->yAxis;
  const auto toPixel = [&](const QPointF& p) {
    return QPointF(x->coordToPixel(p.x()), y->coordToPixel(p.y()));
  };
  QVector<QPolygonF> lines;
  lines.reserve(m_lines.size());
  for (const QPolygonF& line : m_lines) {
    QPolygonF px;
    px.reserve(line.size());
    for (const QPointF& p : line) px << toPixel(p);
    lines << px;
  }
  QVector<QLineF> segments;
  segments.reserve(m_segments.size());
  for (const QLineF& s : m_segments) segments << QLineF(toPixel(s.p1()), toPixel(s.p2()));
  painter->setBrush(Qt::NoBrush);
  for (const QPen& pen : {m_halo, m_pen}) {
    if (pen.style() == Qt::NoPen) continue;
    QPen p = pen;
    p.setCapStyle(Qt::RoundCap);
    p.setJoinStyle(Qt::RoundJoin);
    painter->setPen(p);
    for (const QPolygonF& line : lines) painter->drawPolyline(line);
    if (!segments.isEmpty()) painter->drawLines(segments);
  }
}

KnownSetPlot::KnownSetPlot(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(360, 300);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setMouseTracking(true);
  xAxis->setLabel(tr("Projection x"));
  yAxis->setLabel(tr("Projection y"));
  buildLayers();
  buildLegendEntries();
  xAxis->setRange(-1.0, 1.0);
  yAxis->setRange(-1.0, 1.0);
  updateColourMap();
  connect(this, &QCustomPlot::mouseMove, this, &KnownSetPlot::onMouseMove);
  connect(this, &QCustomPlot::mousePress, this, &KnownSetPlot::onMousePress);
  connect(this, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
    // A click (not the end of a pan) on an event asks for its explanation.
    if (event->button() != Qt::LeftButton) return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() > 4) return;
    const int id = eventAt(event->position());
    if (id < 0) return;
    setSelectedEvent(id);
    emit eventClicked(id);
  });
  updateScatter();
}

void KnownSetPlot::buildLayers() {
  // Colour map under the grid; balls and class boundaries under the events.
  addLayer(QStringLiteral("shapes"), layer(QStringLiteral("grid")), QCustomPlot::limAbove);
  m_colourMap = new QCPColorMap(xAxis, yAxis);
  m_colourMap->setLayer(QStringLiteral("background"));
  m_colourMap->setGradient(knownSetGradient());
  m_colourMap->setInterpolate(true);
  m_colourMap->setTightBoundary(false);
  m_colourMap->removeFromLegend();
  m_colourScale = new QCPColorScale(this);
  m_colourScale->setType(QCPAxis::atRight);
  m_colourScale->setBarWidth(10);
  m_colourScale->axis()->setLabel(tr("Known-set score"));
  m_colourScale->setGradient(knownSetGradient());
  m_colourMap->setColorScale(m_colourScale);
  plotLayout()->addElement(0, 1, m_colourScale);
  auto* margins = new QCPMarginGroup(this);
  axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
  m_colourScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

  m_boundaries = new PolylineItem(this);
  m_boundaries->setLayer(QStringLiteral("shapes"));
  m_boundaries->setPen(QPen(kBoundaryColour, 1.0));
  m_contour = new PolylineItem(this);
  m_contour->setLayer(QStringLiteral("main"));
  m_contour->setHaloPen(QPen(QColor(255, 255, 255, 200), 5.0));
  m_contour->setPen(QPen(kContourColour, 2.5));

  m_emptyText = new QCPItemText(this);
  m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_emptyText->position->setCoords(0.5, 0.5);
  m_emptyText->setTextAlignment(Qt::AlignCenter);
  m_emptyText->setColor(QColor(0x60, 0x60, 0x60));
  m_emptyText->setPadding(QMargins(16, 10, 16, 10));
  m_emptyText->setBrush(QColor(0xfa, 0xfa, 0xfa));
  m_emptyText->setPen(QPen(QColor(0xd0, 0xd0, 0xd0)));
  m_emptyText->setText(tr("No events to map yet.\nEvents appear here as the board detects "
                          "them;\ntag them with keys 1–9 to teach the network."));
}

void KnownSetPlot::buildLegendEntries() {
  // Untagged and outliers share the unknown grey (neither is a class) and differ by shape; a
  // rejection is a red ring around the event's own colour.
  m_untagged = scatterGraph(tr("untagged"), QCPScatterStyle(QCPScatterStyle::ssDisc,
                                                            app::unknownColour(), 6));
  m_outliers = scatterGraph(tr("outlier (U)"),
                            QCPScatterStyle(QCPScatterStyle::ssCross,
                                            QPen(app::unknownColour(), 1.6), Qt::NoBrush, 8));
  m_rejected = scatterGraph(tr("rejected as unknown"),
                            QCPScatterStyle(QCPScatterStyle::ssCircle,
                                            QPen(app::rejectionMarkColour(), 1.6), Qt::NoBrush, 13));
  m_selected = scatterGraph(tr("selected"), QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                            QPen(QColor(0x11, 0x11, 0x11), 2.2),
                                                            Qt::NoBrush, 19));
  m_selected->removeFromLegend();
  // Line samples for the legend only (the lines themselves are items).
  m_contourLegend = addGraph();
  m_contourLegend->setName(tr("known-set boundary"));
  m_contourLegend->setPen(QPen(kContourColour, 2.5));
  m_boundaryLegend = addGraph();
  m_boundaryLegend->setName(tr("class boundary"));
  m_boundaryLegend->setPen(QPen(kBoundaryColour, 1.0));

  legend->setVisible(true);
  legend->setFillOrder(QCPLegend::foColumnsFirst);
  legend->setBorderPen(Qt::NoPen);
  legend->setBrush(Qt::NoBrush);
  QFont f = legend->font();
  f.setPointSizeF(f.pointSizeF() * 0.95);
  legend->setFont(f);
  legend->setIconSize(20, 12);
  auto* row = new QCPLayoutGrid;
  plotLayout()->addElement(1, 0, row);
  plotLayout()->setRowStretchFactor(1, 0.001);
  row->setMargins(QMargins(0, 0, 0, 4));
  row->addElement(0, 0, legend);
  // A spacer: an empty legend's small maximum width would otherwise cap the plot's column.
  row->addElement(0, 1, new QCPLayoutElement(this));
  row->setColumnStretchFactor(0, 0.001);
}

QCPGraph* KnownSetPlot::scatterGraph(const QString& name, const QCPScatterStyle& style) {
  QCPGraph* g = addGraph();
  g->setName(name);
  g->setLineStyle(QCPGraph::lsNone);
  g->setScatterStyle(style);
  g->setPen(style.pen());
  g->setAdaptiveSampling(false);
  return g;
}

GridGeometry KnownSetPlot::geometry() const {
  return {m_map.gridSize, m_map.xMin, m_map.xMax, m_map.yMin, m_map.yMax};
}

void KnownSetPlot::setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes) {
  const bool newProjection = map.projection != m_map.projection ||
                             map.featureX != m_map.featureX || map.featureY != m_map.featureY ||
                             m_map.points.isEmpty();
  m_map = map;
  m_classes = classes;
  m_threshold = map.threshold;
  xAxis->setLabel(map.axisX.isEmpty() ? tr("Projection x") : map.axisX);
  yAxis->setLabel(map.axisY.isEmpty() ? tr("Projection y") : map.axisY);
  updateColourMap();
  updateScatter();
  updateEllipses();
  updateContour();
  if (newProjection) resetView();
  replot();
}

void KnownSetPlot::setThreshold(float threshold) {
  if (threshold == m_threshold) return;
  m_threshold = threshold;
  updateColourRange();
  updateRejectedMarks();
  updateContour();
  replot(QCustomPlot::rpQueuedReplot);
}

void KnownSetPlot::updateColourMap() {
  const GridGeometry g = geometry();
  const bool valid = g.isValid() && m_map.knownScore.size() == g.size * g.size;
  m_colourMap->setVisible(valid);
  // Out of the layout, not just hidden: an empty map should not keep the scale's space.
  const bool inLayout = plotLayout()->hasElement(0, 1);
  if (valid && !inLayout) {
    plotLayout()->addElement(0, 1, m_colourScale);
  } else if (!valid && inLayout) {
    plotLayout()->take(m_colourScale);
    plotLayout()->simplify();
  }
  m_colourScale->setVisible(valid);
  if (!valid) return;
  QCPColorMapData* cells = m_colourMap->data();
  cells->setSize(g.size, g.size);
  cells->setRange(QCPRange(g.xMin, g.xMax), QCPRange(g.yMin, g.yMax));
  for (int j = 0; j < g.size; ++j)
    for (int i = 0; i < g.size; ++i) {
      const float s = m_map.knownScore[j * g.size + i];
      // -inf (nothing known there) is drawn as the most "unknown" colour.
      cells->setCell(i, j, std::isfinite(s) ? static_cast<double>(s) : -1e9);
    }
  updateColourRange();
}

void KnownSetPlot::updateColourRange() {
  // White sits on the rejection boundary; the span follows the bulk of the scores (robust to
  // -inf and to a few extreme cells), clipped to a readable range.
  const double level = static_cast<double>(m_threshold);
  QVector<double> distances;
  distances.reserve(m_map.knownScore.size());
  for (float s : m_map.knownScore)
    if (std::isfinite(s)) distances.append(std::abs(static_cast<double>(s) - level));
  double span = kMinColourSpan;
  if (!distances.isEmpty()) {
    const auto nth = distances.begin() + (distances.size() - 1) * 9 / 10;
    std::nth_element(distances.begin(), nth, distances.end());
    span = std::clamp(*nth, kMinColourSpan, kMaxColourSpan);
  }
  m_colourMap->setDataRange(QCPRange(level - span, level + span));
}

void KnownSetPlot::updateScatter() {
  int classes = static_cast<int>(m_classes.size());
  for (const app::KnownSetMap::Point& p : m_map.points) classes = std::max(classes, p.tag + 1);
  while (m_classGraphs.size() < classes) {
    QCPGraph* g = scatterGraph(QString(), QCPScatterStyle());
    m_classGraphs.append(g);
  }
  QVector<QVector<QCPGraphData>> perClass(m_classGraphs.size());
  QVector<QCPGraphData> untagged, outliers;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    const QCPGraphData d(p.x, p.y);
    if (p.tag >= 0) perClass[p.tag].append(d);
    else if (p.tag == app::kOutlier) outliers.append(d);
    else untagged.append(d);
  }
  for (int c = 0; c < m_classGraphs.size(); ++c) {
    QCPGraph* g = m_classGraphs[c];
    const QColor colour = ClassPalette::colour(m_classes, c);
    g->setName(ClassPalette::name(m_classes, c));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour.darker(150), 1.0),
                                       colour, 8));
    g->data()->set(perClass[c]);
  }
  m_untagged->data()->set(untagged);
  m_outliers->data()->set(outliers);
  updateRejectedMarks();
  setSelectedEvent(m_selectedEvent);
  m_emptyText->setVisible(m_map.points.isEmpty());
  legend->setVisible(!m_map.points.isEmpty());
}

bool KnownSetPlot::isRejected(const app::KnownSetMap::Point& point) const {
  // At the map's own threshold its predictions are authoritative; while the slider moves,
  // the points' scores tell where the new boundary leaves them.
  if (m_threshold == m_map.threshold) return point.predicted < 0;
  return !app::acceptedAt(point.knownScore, m_threshold);
}

int KnownSetPlot::rejectedCount() const {
  return static_cast<int>(std::count_if(m_map.points.cbegin(), m_map.points.cend(),
                                        [this](const auto& p) { return isRejected(p); }));
}

void KnownSetPlot::updateRejectedMarks() {
  QVector<QCPGraphData> rejected;
  for (const app::KnownSetMap::Point& p : m_map.points)
    if (isRejected(p)) rejected.append(QCPGraphData(p.x, p.y));
  m_rejected->data()->set(rejected);
  rebuildLegend();
}

void KnownSetPlot::rebuildLegend() {
  // Classes first, then the special marks, then the lines; only what is on the plot.
  legend->clearItems();
  QVector<QCPGraph*> entries = m_classGraphs;
  entries << m_untagged << m_outliers << m_rejected;
  for (QCPGraph* g : entries)
    if (!g->data()->isEmpty()) g->addToLegend();
  if (m_contour->polylineCount() > 0) m_contourLegend->addToLegend();
  if (m_boundaries->segmentCount() > 0) m_boundaryLegend->addToLegend();
  fitLegend();
}

void KnownSetPlot::fitLegend() {
  // The most columns that fit the plot's width (each column as wide as its widest entry),
  // so that no entry is cut and the legend takes as few rows as possible.
  QVector<int> widths;
  for (int i = 0; i < legend->elementCount(); ++i)  // cells of the grid, some of them empty
    if (QCPAbstractLegendItem* item = legend->item(i))
      widths.append(item->minimumOuterSizeHint().width());
  const auto count = static_cast<int>(widths.size());
  const int spacing = legend->columnSpacing();
  // The legend sits under the axis rect only, not under the colour scale.
  // Its size hint leaves out the tick labels, so use the laid-out width when there is one.
  const int scale = m_colourScale->visible()
                        ? std::max({m_colourScale->outerRect().width(),
                                    m_colourScale->minimumOuterSizeHint().width(), 80})
                        : 0;
  const int available = std::max(1, width() - scale - 24);
  int wrap = std::max(1, count);
  for (; wrap > 1; --wrap) {
    QVector<int> columns(wrap, 0);
    for (int i = 0; i < count; ++i) columns[i % wrap] = std::max(columns[i % wrap], widths[i]);
    int total = (wrap - 1) * spacing;
    for (int w : columns) total += w;
    if (total <= available) break;
  }
  if (wrap == legend->wrap()) return;
  legend->setWrap(wrap);
  legend->setFillOrder(QCPLegend::foColumnsFirst, true);  // re-flows the entries
}

void KnownSetPlot::resizeEvent(QResizeEvent* event) {
  fitLegend();
  QCustomPlot::resizeEvent(event);
}

void KnownSetPlot::updateEllipses() {
  while (m_ellipses.size() < m_map.ellipses.size()) {
    auto* e = new QCPItemEllipse(this);
    e->setLayer(QStringLiteral("shapes"));
    e->setSelectable(false);
    m_ellipses.append(e);
  }
  for (int i = 0; i < m_ellipses.size(); ++i) {
    QCPItemEllipse* item = m_ellipses[i];
    if (i >= m_map.ellipses.size()) {
      item->setVisible(false);
      continue;
    }
    const app::KnownSetMap::Ellipse& e = m_map.ellipses[i];
    QColor colour = ClassPalette::colour(m_classes, e.classIndex);
    item->topLeft->setCoords(static_cast<double>(e.cx - e.rx), static_cast<double>(e.cy + e.ry));
    item->bottomRight->setCoords(static_cast<double>(e.cx + e.rx),
                                 static_cast<double>(e.cy - e.ry));
    colour.setAlpha(150);
    item->setPen(QPen(colour, 1.2));
    colour.setAlpha(22);
    item->setBrush(colour);
    item->setVisible(true);
  }
}

void KnownSetPlot::updateContour() {
  const GridGeometry g = geometry();
  m_contour->setPolylines(extractContour(m_map.knownScore, g, m_threshold));
  m_boundaries->setSegments(extractClassBoundaries(m_map.bestClass, g));
  rebuildLegend();
}

void KnownSetPlot::setSelectedEvent(int eventId) {
  m_selectedEvent = -1;
  QVector<QCPGraphData> ring;
  for (const app::KnownSetMap::Point& p : m_map.points)
    if (p.eventId == eventId) {
      ring.append(QCPGraphData(p.x, p.y));
      m_selectedEvent = eventId;
      break;
    }
  m_selected->data()->set(ring);
  replot(QCustomPlot::rpQueuedReplot);
}

void KnownSetPlot::resetView() {
  QCPRange xr(m_map.xMin, m_map.xMax);
  QCPRange yr(m_map.yMin, m_map.yMax);
  if (!geometry().isValid() && !m_map.points.isEmpty()) {
    xr = QCPRange(m_map.points[0].x, m_map.points[0].x);
    yr = QCPRange(m_map.points[0].y, m_map.points[0].y);
    for (const app::KnownSetMap::Point& p : m_map.points) {
      xr.expand(p.x);
      yr.expand(p.y);
    }
    const double padX = std::max(0.1 * xr.size(), 1e-3);
    const double padY = std::max(0.1 * yr.size(), 1e-3);
    xr = QCPRange(xr.lower - padX, xr.upper + padX);
    yr = QCPRange(yr.lower - padY, yr.upper + padY);
  }
  xAxis->setRange(xr);
  yAxis->setRange(yr);
  replot(QCustomPlot::rpQueuedReplot);
}

int KnownSetPlot::eventAt(const QPointF& pixel) const {
  int best = -1;
  double bestD2 = kPickPixels * kPickPixels;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    const double dx = xAxis->coordToPixel(p.x) - pixel.x();
    const double dy = yAxis->coordToPixel(p.y) - pixel.y();
    const double d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = p.eventId;
    }
  }
  return best;
}

QPointF KnownSetPlot::eventPixel(int eventId) const {
  for (const app::KnownSetMap::Point& p : m_map.points)
    if (p.eventId == eventId) return {xAxis->coordToPixel(p.x), yAxis->coordToPixel(p.y)};
  return {-1, -1};
}

QString KnownSetPlot::hoverText(const QPointF& pixel) const {
  if (!axisRect()->rect().contains(pixel.toPoint())) return {};
  QStringList lines;
  const double x = xAxis->pixelToCoord(pixel.x());
  const double y = yAxis->pixelToCoord(pixel.y());
  const int cell = geometry().nearestIndex(x, y);
  if (cell >= 0 && cell < m_map.knownScore.size()) {
    const float s = m_map.knownScore[cell];
    // The rule the network applies (app::acceptedAt), not a copy of it: the boundary is the
    // threshold itself, a level.
    const bool known = app::acceptedAt(s, m_threshold);
    lines << tr("Score %1 — %2 (boundary at %3)")
                 .arg(static_cast<double>(s), 0, 'f', 2)
                 .arg(known ? tr("inside the known set") : tr("outside: would be rejected"))
                 .arg(static_cast<double>(m_threshold), 0, 'f', 2);
    if (cell < m_map.bestClass.size() && m_map.bestClass[cell] >= 0)
      lines << tr("Readout favours: %1").arg(ClassPalette::name(m_classes, m_map.bestClass[cell]));
  }
  const int id = eventAt(pixel);
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (p.eventId != id) continue;
    const QString predicted = p.predicted >= 0 ? ClassPalette::name(m_classes, p.predicted)
                                               : tr("rejected");
    lines << tr("<b>Event %1</b> — tag: %2, prediction: %3, score %4")
                 .arg(p.eventId)
                 .arg(ClassPalette::name(m_classes, p.tag), predicted)
                 .arg(static_cast<double>(p.knownScore), 0, 'f', 2);
    lines << tr("<i>Click to explain this decision</i>");
  }
  return lines.join(QStringLiteral("<br>"));
}

void KnownSetPlot::onMouseMove(QMouseEvent* event) {
  if (event->buttons() != Qt::NoButton) return;  // panning
  const QString text = hoverText(event->position());
  setCursor(eventAt(event->position()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
  if (text.isEmpty()) QToolTip::hideText();
  else QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void KnownSetPlot::onMousePress(QMouseEvent* event) { m_pressPos = event->position().toPoint(); }

} // namespace dlm::ui
