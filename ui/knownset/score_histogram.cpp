#include "ui/knownset/score_histogram.h"

#include <QMap>

#include <algorithm>
#include <cmath>

#include "ui/common/class_colours.h"
#include "ui/common/plot_text.h"

namespace dlm::ui {

namespace {

constexpr double kGrabPixels = 8.0;
const QColor kLineColour(0xb7, 0x1c, 0x1c);

int binOf(float level) {
  const int b = static_cast<int>(std::floor(double(level) * ScoreHistogram::kBins));
  return std::clamp(b, 0, ScoreHistogram::kBins - 1);
}

QCPItemText* cornerText(QCustomPlot* plot, double x, Qt::Alignment align) {
  auto* t = new QCPItemText(plot);
  t->position->setType(QCPItemPosition::ptAxisRectRatio);
  t->position->setCoords(x, x < 0.5 ? 0.02 : 0.12);
  t->setPositionAlignment(align);
  t->setColor(QColor(0x33, 0x33, 0x33));
  return t;
}

/// Counts of events: ticks on whole numbers only (the default ticker drew 2.5, 7.5, 12.5).
class CountTicker : public QCPAxisTicker {
protected:
  double getTickStep(const QCPRange& range) override {
    return std::max(1.0, std::ceil(QCPAxisTicker::getTickStep(range)));
  }
  int getSubTickCount(double tickStep) override { return tickStep >= 5.0 ? 4 : 0; }
};

} // namespace

ScoreHistogram::ScoreHistogram(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(160, 120);
  setMouseTracking(true);
  xAxis->setRange(-0.03, 1.03);  // the 0% and 100% ticks stay inside
  xAxis->setLabel(tr("How typical"));
  yAxis->setLabel(tr("events"));
  yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new CountTicker));
  setToolTip(tr("How typical each event is: the share of known events that are less typical "
                "than it. The red line is the strictness: events left of it are rejected. "
                "Drag it to change the strictness."));
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  const QLocale l = locale();
  for (double v : {0.0, 0.5, 1.0}) ticker->addTick(v, l.toString(100.0 * v, 'f', 0) + QStringLiteral("%"));
  xAxis->setTicker(ticker);
  m_rejectedZone = new QCPItemRect(this);
  m_rejectedZone->setPen(Qt::NoPen);
  m_rejectedZone->setBrush(QColor(0xd3, 0x2f, 0x2f, 28));
  m_rejectedZone->setLayer(QStringLiteral("background"));
  m_line = new QCPItemStraightLine(this);
  m_line->setPen(QPen(kLineColour, 2.0));
  m_leftText = cornerText(this, 0.02, Qt::AlignLeft | Qt::AlignTop);
  m_rightText = cornerText(this, 0.98, Qt::AlignRight | Qt::AlignTop);
  m_emptyText = cornerText(this, 0.5, Qt::AlignHCenter | Qt::AlignTop);
  m_emptyText->position->setCoords(0.5, 0.45);
  m_emptyText->setColor(QColor(0x66, 0x66, 0x66));
  keepTextInsidePlot(this, m_emptyText);
  connect(this, &QCustomPlot::mousePress, this, &ScoreHistogram::onPress);
  connect(this, &QCustomPlot::mouseMove, this, &ScoreHistogram::onMove);
  connect(this, &QCustomPlot::mouseRelease, this, [this] { m_dragging = false; });
  rebuildBars();
}

void ScoreHistogram::setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes,
                            float threshold) {
  m_map = map;
  m_classes = classes;
  m_threshold = threshold;
  rebuildBars();
  replot(QCustomPlot::rpQueuedReplot);
}

void ScoreHistogram::setThreshold(float threshold) {
  if (threshold == m_threshold) return;
  m_threshold = threshold;
  updateLine();
  replot(QCustomPlot::rpQueuedReplot);
}

// Stacked bars, one plottable per group: classes in order, then untagged, then marked unknown.
void ScoreHistogram::rebuildBars() {
  clearPlottables();
  QMap<int, QVector<double>> counts;  // group key -> per-bin counts
  auto keyOf = [](int tag) { return tag >= 0 ? tag : 1000 - tag; };  // specials last
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (!(p.valid && m_map.hasModel)) continue;
    QVector<double>& c = counts[keyOf(p.tag)];
    if (c.isEmpty()) c.resize(kBins);
    c[binOf(p.knownScore)] += 1.0;
  }
  QVector<double> keys(kBins);
  for (int b = 0; b < kBins; ++b) keys[b] = (b + 0.5) / kBins;
  QVector<double> total(kBins, 0.0);
  QCPBars* below = nullptr;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    const int tag = it.key() >= 1000 ? 1000 - it.key() : it.key();
    auto* bars = new QCPBars(xAxis, yAxis);
    const QColor colour = ClassPalette::colour(m_classes, tag);
    bars->setPen(QPen(colour.darker(130), 0.8));
    bars->setBrush(colour);
    bars->setWidthType(QCPBars::wtPlotCoords);
    bars->setWidth(1.0 / kBins);
    bars->setName(ClassPalette::name(m_classes, tag));
    bars->setData(keys, it.value(), true);
    if (below != nullptr) bars->moveAbove(below);
    below = bars;
    for (int b = 0; b < kBins; ++b) total[b] += it.value()[b];
  }
  m_top = std::max(1.0, *std::max_element(total.begin(), total.end()));
  yAxis->setRange(0.0, m_top * 1.25);  // room for the counts at the top
  const bool judged = !counts.isEmpty();
  setPlotMessage(m_emptyText, m_map.points.isEmpty() ? tr("No events yet")
                       : judged               ? QString()
                                              : tr("Nothing learned yet"));
  updateLine();
}

void ScoreHistogram::updateLine() {
  m_accepted = 0;
  m_rejected = 0;
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (!(p.valid && m_map.hasModel)) continue;
    (app::pointAccepted(p, m_threshold) ? m_accepted : m_rejected) += 1;
  }
  const double t = double(m_threshold);
  m_line->point1->setCoords(t, 0.0);
  m_line->point2->setCoords(t, 1.0);
  m_rejectedZone->topLeft->setCoords(-1.0, m_top * 10.0);
  m_rejectedZone->bottomRight->setCoords(t, 0.0);
  const QLocale l = locale();
  m_leftText->setText(tr("rejected %1").arg(l.toString(m_rejected)));
  m_rightText->setText(tr("accepted %1").arg(l.toString(m_accepted)));
}

double ScoreHistogram::linePixel() const { return xAxis->coordToPixel(double(m_threshold)); }

void ScoreHistogram::onPress(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  m_dragging = std::abs(event->position().x() - linePixel()) <= kGrabPixels ||
               axisRect()->rect().contains(event->position().toPoint());
  if (m_dragging) onMove(event);
}

void ScoreHistogram::onMove(QMouseEvent* event) {
  const bool near = std::abs(event->position().x() - linePixel()) <= kGrabPixels;
  setCursor(near || m_dragging ? Qt::SizeHorCursor : Qt::ArrowCursor);
  if (!m_dragging || !(event->buttons() & Qt::LeftButton)) return;
  const double t = std::clamp(xAxis->pixelToCoord(event->position().x()), 0.0, 1.0);
  // Steps of 0.5%: the slider's resolution.
  const float snapped = float(std::round(t * 200.0) / 200.0);
  if (snapped == m_threshold) return;
  setThreshold(snapped);
  emit thresholdDragged(snapped);
}

} // namespace dlm::ui
