#include "ui/growth/growth_panel.h"

#include <QLocale>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

#include "ui/common/coalescer.h"

namespace dlm::ui {

namespace {

constexpr std::array<QRgb, 8> kLayerColours = {0xff1f77b4, 0xff17a2b8, 0xff9467bd, 0xff8c564b,
                                               0xffe377c2, 0xffbcbd22, 0xff7f7f7f, 0xff2ca02c};
const QColor kRebuildColour(0xd3, 0x2f, 0x2f);
// A log axis cannot show zero; sub-microsecond learns are drawn at this floor.
constexpr double kMinMicros = 0.1;

// Round tick step for [0, v]: 1, 2 or 5 × 10^k giving 4 to 9 intervals, the tightest fit.
double niceStep(double v) {
  if (!(v > 0.0)) return 1.0;
  double best = 0.0;
  double bestEnd = 0.0;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double scale : {p / 100.0, p / 10.0, p}) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double step = m * scale;
      const double intervals = std::ceil(v / step);
      if (intervals < 4.0 || intervals > 9.0) continue;
      if (best == 0.0 || intervals * step < bestEnd) {
        best = step;
        bestEnd = intervals * step;
      }
    }
  }
  return best > 0.0 ? best : p;
}

QValueAxis* makeValueAxis(const QString& title, const QString& format) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setLabelFormat(format);
  QFont font = axis->titleFont();
  font.setBold(false);
  font.setPointSizeF(font.pointSizeF() * 0.9);
  axis->setTitleFont(font);
  // Small tick labels: the charts share a docked tab and must stay legible at ~300 px.
  QFont labels = axis->labelsFont();
  labels.setPointSizeF(labels.pointSizeF() * 0.8);
  axis->setLabelsFont(labels);
  axis->setGridLineColor(QColor(0xe8, 0xe8, 0xe8));
  return axis;
}

QScatterSeries* makeRebuildSeries() {
  auto* series = new QScatterSeries;
  series->setName(GrowthPanel::tr("Full rebuild"));
  series->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  series->setMarkerSize(11.0);
  series->setColor(kRebuildColour);
  series->setBorderColor(kRebuildColour.darker(130));
  return series;
}

} // namespace

GrowthPanel::GrowthPanel(QWidget* parent) : QWidget(parent) {
  m_coalescer = new Coalescer([this] { refresh(); }, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);

  auto* header = new QHBoxLayout;
  m_summary = new QLabel(this);
  // A long summary (French, thousands of events) wraps instead of widening the dock.
  m_summary->setWordWrap(true);
  m_summary->setToolTip(tr("Where the network stands after the last learned event"));
  m_logBox = new QCheckBox(tr("Log time axis"), this);
  m_logBox->setChecked(m_logTime);
  m_logBox->setToolTip(tr("Show learning time on a logarithmic axis: full rebuilds take far "
                          "longer than one incremental learn"));
  connect(m_logBox, &QCheckBox::toggled, this, &GrowthPanel::setLogTimeScale);
  header->addWidget(m_summary, 1);
  header->addWidget(m_logBox);
  layout->addLayout(header);

  m_stack = new QStackedWidget(this);
  auto* empty = new QLabel(
      tr("<p style='font-size:13pt'>No learning yet.</p>"
         "<p>Tag events with keys 1–9 to teach the network.<br>Its size, depth, learning time, "
         "accuracy and rejection rate are charted here as it learns.</p>"),
      m_stack);
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  empty->setStyleSheet(QStringLiteral("color:#555"));
  m_stack->addWidget(empty);

  auto* grid = new QWidget(m_stack);
  auto* gridLayout = new QGridLayout(grid);
  gridLayout->setContentsMargins(0, 0, 0, 0);
  gridLayout->setSpacing(4);
  buildSizeChart();
  buildTimeChart();
  buildRatioChart(m_accuracy, tr("Prequential accuracy"), tr("Accuracy (0–1)"),
                  QColor(0x2e, 0x7d, 0x32));
  buildRatioChart(m_rejection, tr("Rejection rate"), tr("Rejected (0–1)"),
                  QColor(0xef, 0x6c, 0x00));
  m_accuracy.line->setName(tr("Predict-then-learn accuracy"));
  m_rejection.line->setName(tr("Events rejected as unknown"));
  // One line per chart: its title names it, a legend entry would only crowd the rebuilds'.
  for (ChartParts* parts : {&m_accuracy, &m_rejection}) {
    for (QLegendMarker* marker : parts->chart->legend()->markers(parts->line))
      marker->setVisible(false);
  }
  const std::array<ChartParts*, 4> parts = {&m_size, &m_time, &m_accuracy, &m_rejection};
  for (int i = 0; i < 4; ++i) {
    auto* view = new QChartView(parts[static_cast<std::size_t>(i)]->chart, grid);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 180);
    view->installEventFilter(this);
    gridLayout->addWidget(view, i / 2, i % 2);
  }
  m_stack->addWidget(grid);
  layout->addWidget(m_stack, 1);
  refresh();
}

GrowthPanel::~GrowthPanel() = default;

void GrowthPanel::initChart(const QString& title, ChartParts& parts) {
  parts.chart = new QChart;
  parts.chart->setTitle(title);
  QFont titleFont = parts.chart->titleFont();
  titleFont.setBold(true);
  parts.chart->setTitleFont(titleFont);
  parts.chart->setAnimationOptions(QChart::NoAnimation);
  // Tick labels in the user's language (0,5 in French), as every other number.
  parts.chart->setLocale(locale());
  parts.chart->setLocalizeNumbers(true);
  parts.chart->setBackgroundRoundness(0);
  parts.chart->setMargins(QMargins(4, 2, 4, 2));
  parts.chart->legend()->setAlignment(Qt::AlignBottom);
  parts.chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
  QFont legendFont = parts.chart->legend()->font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
  parts.chart->legend()->setFont(legendFont);
  parts.x = makeValueAxis(tr("Events learned"), QStringLiteral("%d"));
  parts.chart->addAxis(parts.x, Qt::AlignBottom);
  parts.rebuilds = makeRebuildSeries();
}

void GrowthPanel::buildSizeChart() {
  initChart(tr("Network size"), m_size);
  m_size.y = makeValueAxis(tr("Neurons per layer"), QStringLiteral("%d"));
  // Vertical titles cost the tick labels their room in a docked tab; the chart title and
  // the legend already name the quantity.
  m_size.y->setTitleVisible(false);
  m_size.chart->addAxis(m_size.y, Qt::AlignLeft);
  m_depthAxis = makeValueAxis(tr("Depth (layers)"), QStringLiteral("%d"));
  m_depthAxis->setTitleVisible(false);
  m_depthAxis->setGridLineVisible(false);
  m_size.chart->addAxis(m_depthAxis, Qt::AlignRight);
  m_depthSeries = new QLineSeries;
  m_depthSeries->setName(tr("Depth"));
  m_depthSeries->setPen(QPen(QColor(0x42, 0x42, 0x42), 1.5, Qt::DashLine));
  m_size.chart->addSeries(m_depthSeries);
  m_depthSeries->attachAxis(m_size.x);
  m_depthSeries->attachAxis(m_depthAxis);
  m_size.chart->addSeries(m_size.rebuilds);
  m_size.rebuilds->attachAxis(m_size.x);
  m_size.rebuilds->attachAxis(m_size.y);
}

void GrowthPanel::buildTimeChart() {
  initChart(tr("Learning time per event"), m_time);
  m_time.y = makeValueAxis(tr("Time (µs)"), QStringLiteral("%.0f"));
  m_time.y->setTitleVisible(false);
  m_timeLogAxis = new QLogValueAxis;
  m_timeLogAxis->setTitleText(tr("Time (µs, log)"));
  m_timeLogAxis->setTitleVisible(false);
  m_timeLogAxis->setTitleFont(m_time.y->titleFont());
  m_timeLogAxis->setLabelFormat(QStringLiteral("%g"));
  m_timeLogAxis->setBase(10.0);
  m_timeLogAxis->setMinorTickCount(-1);
  m_timeLogAxis->setGridLineColor(QColor(0xe8, 0xe8, 0xe8));
  m_timeLogAxis->setMinorGridLineColor(QColor(0xf4, 0xf4, 0xf4));
  m_time.line = new QLineSeries;
  m_time.line->setName(tr("Learn (incremental)"));
  m_time.line->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.2));
  m_time.chart->addSeries(m_time.line);
  m_time.chart->addSeries(m_time.rebuilds);
  m_time.line->attachAxis(m_time.x);
  m_time.rebuilds->attachAxis(m_time.x);
  attachTimeAxis();
}

void GrowthPanel::buildRatioChart(ChartParts& parts, const QString& title,
                                  const QString& axisTitle, const QColor& colour) {
  initChart(title, parts);
  parts.y = makeValueAxis(axisTitle, QStringLiteral("%.1f"));
  parts.y->setTitleVisible(false);
  parts.y->setRange(0.0, 1.0);
  parts.y->setTickCount(3); // 0, 0.5, 1: more labels would be elided in a docked tab
  parts.chart->addAxis(parts.y, Qt::AlignLeft);
  parts.line = new QLineSeries;
  parts.line->setPen(QPen(colour, 1.8));
  parts.chart->addSeries(parts.line);
  parts.chart->addSeries(parts.rebuilds);
  for (QXYSeries* s : {static_cast<QXYSeries*>(parts.line), static_cast<QXYSeries*>(parts.rebuilds)}) {
    s->attachAxis(parts.x);
    s->attachAxis(parts.y);
  }
}

bool GrowthPanel::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Resize) fitLegends();  // a chart view got its size
  return QWidget::eventFilter(watched, event);
}

void GrowthPanel::fitLegends() {
  // Qt Charts cuts legend entries to "La..." when a row of them is wider than the chart: in
  // a small dock, show the legend only when every entry reads in full; the colours are then
  // named in the chart's tooltip instead.
  for (ChartParts* parts : {&m_size, &m_time, &m_accuracy, &m_rejection}) {
    QLegend* legend = parts->chart->legend();
    const QFontMetrics fm(legend->font());
    int needed = 0;
    QStringList names;
    for (QLegendMarker* marker : legend->markers()) {
      // Which entries are shown, by the panel's own rules (a hidden legend hides them all).
      const QAbstractSeries* series = marker->series();
      if (series == parts->line && parts != &m_time) continue;
      if (series == parts->rebuilds && m_rebuilds == 0) continue;
      // Marker square, its gap and the item's padding: measured on Qt 6.4's legend.
      needed += fm.horizontalAdvance(marker->label()) + fm.height() + 18;
      names << QStringLiteral("<span style=\"color:%1\">■</span> %2")
                   .arg(marker->brush().color().name(), marker->label().toHtmlEscaped());
    }
    auto* view = qobject_cast<QWidget*>(parts->chart->scene()->views().value(0));
    const int available = (view != nullptr ? view->width() : 0) - 12;
    const bool fits = needed <= available;
    legend->setVisible(fits);
    if (view != nullptr) view->setToolTip(fits ? QString() : names.join(QStringLiteral("<br>")));
  }
}

void GrowthPanel::attachTimeAxis() {
  // Swap the value axis of the time chart between linear and logarithmic.
  QAbstractAxis* wanted = m_logTime ? static_cast<QAbstractAxis*>(m_timeLogAxis) : m_time.y;
  QAbstractAxis* other = m_logTime ? static_cast<QAbstractAxis*>(m_time.y) : m_timeLogAxis;
  if (m_time.chart->axes().contains(other)) {
    m_time.line->detachAxis(other);
    m_time.rebuilds->detachAxis(other);
    m_time.chart->removeAxis(other);
  }
  if (!m_time.chart->axes().contains(wanted)) m_time.chart->addAxis(wanted, Qt::AlignLeft);
  m_time.line->attachAxis(wanted);
  m_time.rebuilds->attachAxis(wanted);
}

QLineSeries* GrowthPanel::addLayerSeries() {
  const int layer = static_cast<int>(m_layerSeries.size());
  auto* series = new QLineSeries;
  series->setName(tr("Layer %1").arg(layer + 1));
  series->setPen(QPen(QColor::fromRgb(kLayerColours[static_cast<std::size_t>(layer) %
                                                    kLayerColours.size()]),
                      1.8));
  m_size.chart->addSeries(series);
  series->attachAxis(m_size.x);
  series->attachAxis(m_size.y);
  m_layerSeries.append(series);
  return series;
}

QChart* GrowthPanel::chart(Chart which) const {
  switch (which) {
  case Chart::Size: return m_size.chart;
  case Chart::LearnTime: return m_time.chart;
  case Chart::Accuracy: return m_accuracy.chart;
  case Chart::Rejection: return m_rejection.chart;
  }
  return nullptr;
}

void GrowthPanel::appendGrowth(const app::GrowthPoint& point) {
  m_points.append(point);
  m_coalescer->request();
}

void GrowthPanel::clear() {
  m_points.clear();
  m_drawn = 0;
  m_rebuilds = 0;
  m_maxDepth = 0;
  m_maxNeurons = 0;
  m_minMicros = m_maxMicros = 0.0;
  for (QLineSeries* s : m_layerSeries) {
    m_size.chart->removeSeries(s);
    delete s;
  }
  m_layerSeries.clear();
  m_depthSeries->clear();
  for (ChartParts* parts : {&m_size, &m_time, &m_accuracy, &m_rejection}) {
    parts->rebuilds->clear();
    if (parts->line != nullptr) parts->line->clear();
  }
  refresh();
}

void GrowthPanel::setHistory(const QVector<app::GrowthPoint>& points) {
  clear();
  m_points = points;
  refresh();
}

void GrowthPanel::setSessionRejectionRate(double rate) {
  m_sessionRejection = rate;
  m_coalescer->request();
}

QString GrowthPanel::summaryText() const { return m_summary->text(); }

void GrowthPanel::setLogTimeScale(bool on) {
  if (on == m_logTime) return;
  m_logTime = on;
  {
    const QSignalBlocker block(m_logBox);
    m_logBox->setChecked(on);
  }
  attachTimeAxis();
  updateAxes();
}

void GrowthPanel::refreshNow() { m_coalescer->flush(); }

void GrowthPanel::refresh() {
  appendPending();
  updateAxes();
  m_stack->setCurrentIndex(m_points.isEmpty() ? 0 : 1);
  if (m_points.isEmpty()) {
    m_summary->setText(tr("Waiting for the first learned event"));
    return;
  }
  const app::GrowthPoint& last = m_points.constLast();
  int neurons = 0;
  for (int n : last.neuronsPerLayer) neurons += n;
  // Each count has its own plural form; the sentence only arranges them.
  const QString learned =
      tr("<b>%Ln</b> event(s) learned", "", static_cast<int>(last.eventsLearned));
  const QString size = tr("<b>%Ln</b> neuron(s)", "", neurons);
  const QString rebuilds = tr("%Ln full rebuild(s)", "", m_rebuilds);
  const double rejected = m_sessionRejection >= 0.0 ? m_sessionRejection : last.rejectionRate;
  //: %1: "%Ln event(s) learned"; %3: "%Ln neuron(s)"; %6: "%Ln full rebuild(s)".
  m_summary->setText(tr("%1 · depth <b>%2</b> · %3 · accuracy <b>%4%</b> · rejected <b>%5%</b> "
                        "· %6")
                         .arg(learned, locale().toString(last.depth), size,
                              locale().toString(100.0 * last.prequentialAccuracy, 'f', 1),
                              locale().toString(100.0 * rejected, 'f', 1), rebuilds));
}

void GrowthPanel::appendPending() {
  if (m_drawn >= m_points.size()) return;
  // Collect per series, then append once: QXYSeries redraws on every append call.
  QVector<QList<QPointF>> layers(m_layerSeries.size());
  QList<QPointF> depth, time, accuracy, rejection, rebuildSize, rebuildTime, rebuildAcc,
      rebuildRej;
  for (int i = m_drawn; i < m_points.size(); ++i) {
    const app::GrowthPoint& p = m_points[i];
    const double x = p.eventsLearned;
    while (layers.size() < p.neuronsPerLayer.size()) {
      addLayerSeries();
      layers.append(QList<QPointF>());
    }
    for (int l = 0; l < layers.size(); ++l) {
      const int n = l < p.neuronsPerLayer.size() ? p.neuronsPerLayer[l] : 0;
      layers[l].append(QPointF(x, n));
      m_maxNeurons = std::max(m_maxNeurons, n);
    }
    const double micros = std::max(kMinMicros, p.learnMicros);
    m_minMicros = m_minMicros > 0.0 ? std::min(m_minMicros, micros) : micros;
    m_maxMicros = std::max(m_maxMicros, micros);
    m_maxDepth = std::max(m_maxDepth, p.depth);
    depth.append(QPointF(x, p.depth));
    accuracy.append(QPointF(x, p.prequentialAccuracy));
    rejection.append(QPointF(x, p.rejectionRate));
    if (p.rebuild) {
      ++m_rebuilds;
      rebuildSize.append(QPointF(x, p.neuronsPerLayer.value(0)));
      rebuildTime.append(QPointF(x, micros));
      rebuildAcc.append(QPointF(x, p.prequentialAccuracy));
      rebuildRej.append(QPointF(x, p.rejectionRate));
    } else {
      time.append(QPointF(x, micros));
    }
  }
  m_drawn = static_cast<int>(m_points.size());
  for (int l = 0; l < layers.size(); ++l) m_layerSeries[l]->append(layers[l]);
  m_depthSeries->append(depth);
  m_time.line->append(time);
  m_accuracy.line->append(accuracy);
  m_rejection.line->append(rejection);
  m_size.rebuilds->append(rebuildSize);
  m_time.rebuilds->append(rebuildTime);
  m_accuracy.rebuilds->append(rebuildAcc);
  m_rejection.rebuilds->append(rebuildRej);
}

void GrowthPanel::updateAxes() {
  // Round tick steps (1, 2, 5 × 10^k), about five per axis, with the range a whole number of
  // steps: no half-empty charts.
  const double events =
      m_points.isEmpty() ? 10.0
                         : std::max(10.0, static_cast<double>(m_points.constLast().eventsLearned));
  const double xStep = niceStep(events);
  const double xMax = xStep * std::ceil(events / xStep);
  for (ChartParts* parts : {&m_size, &m_time, &m_accuracy, &m_rejection}) {
    // The step before the range: a range thousands of old steps long would first create (and
    // lay out) thousands of tick labels, stalling the window for seconds.
    parts->x->setTickType(QValueAxis::TicksDynamic);
    parts->x->setTickAnchor(0.0);
    parts->x->setTickInterval(xStep);
    parts->x->setRange(0.0, xMax);
    // Rebuild markers only mean something once there is one; keep the legends short.
    const auto markers = parts->chart->legend()->markers(parts->rebuilds);
    for (QLegendMarker* marker : markers) marker->setVisible(m_rebuilds > 0);
  }
  fitLegends();
  const double neurons = std::max(4.0, m_maxNeurons * 1.05);
  // About half the x axis's tick density: the charts are short when docked.
  const double yStep = niceStep(neurons * 2.0);
  m_size.y->setTickType(QValueAxis::TicksDynamic);
  m_size.y->setTickAnchor(0.0);
  m_size.y->setTickInterval(yStep);
  m_size.y->setRange(0.0, yStep * std::ceil(neurons / yStep));
  m_depthAxis->setRange(0.0, std::max(2, m_maxDepth + 1));
  m_depthAxis->setTickCount(std::max(2, m_maxDepth + 1) + 1);
  const double hi = m_maxMicros > 0.0 ? m_maxMicros : 100.0;
  const double lo = m_minMicros > 0.0 ? m_minMicros : 1.0;
  const double tStep = niceStep(hi * 2.1);
  m_time.y->setTickType(QValueAxis::TicksDynamic);
  m_time.y->setTickAnchor(0.0);
  m_time.y->setTickInterval(tStep);
  m_time.y->setRange(0.0, tStep * std::ceil(hi * 1.05 / tStep));
  m_timeLogAxis->setRange(std::pow(10.0, std::floor(std::log10(lo))),
                          std::pow(10.0, std::ceil(std::log10(hi * 1.01))));
}

} // namespace dlm::ui
