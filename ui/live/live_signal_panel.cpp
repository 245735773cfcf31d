#include "ui/live/live_signal_panel.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>

#include "app/views/class_palette.h"
#include "ui/common/coalescer.h"
#include "ui/common/flow_layout.h"
#include "ui/common/ui_logging.h"

namespace dlm::ui {

namespace {

constexpr std::array<QRgb, LiveSignalPanel::kMaxChannels> kChannelColours = {
    0xffd62728, 0xff2ca02c, 0xff1f77b4, 0xff9467bd, 0xffff7f0e, 0xff8c564b};
constexpr std::array<double, 4> kWindowChoices = {2.0, 5.0, 10.0, 30.0};
// Shaded events drawn at once; older ones scroll out of any window long before this.
constexpr int kMarkPool = 48;
constexpr int kMaxMarks = 512;
constexpr int kThresholdGrabPixels = 6;
constexpr double kYMargin = 0.08;
constexpr int kDefaultSampleRateHz = 1000;

QColor channelColour(int channel) {
  return QColor::fromRgb(kChannelColours[static_cast<std::size_t>(channel)]);
}

// Position given in plot coordinates along x and as a fraction of the axis rect along y.
void setXPlotYRatio(QCPItemPosition* position) {
  position->setTypeX(QCPItemPosition::ptPlotCoords);
  position->setTypeY(QCPItemPosition::ptAxisRectRatio);
}

} // namespace

LiveSignalPanel::LiveSignalPanel(QWidget* parent) : QWidget(parent) {
  m_channelNames = {tr("x"), tr("y"), tr("z"), tr("ch 4"), tr("ch 5"), tr("ch 6")};
  m_coalescer = new Coalescer([this] { refresh(); }, this);
  // 1 kHz until the board's handshake says otherwise; the channels come with the stream.
  m_ring.reset(kDefaultSampleRateHz, 0, kMaxWindowSeconds);
  m_frozen.reset(kDefaultSampleRateHz, 0, kMaxWindowSeconds);
  m_scratch.reserve(4 * 4096);
  m_marks.reserve(kMaxMarks);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  layout->addWidget(buildControls());
  buildPlot();
  layout->addWidget(m_plot, 1);
  refresh();
}

LiveSignalPanel::~LiveSignalPanel() = default;

namespace {

// A label and its control, kept on one row when the controls wrap.
QWidget* pair(QWidget* parent, QLabel* label, QWidget* control) {
  auto* box = new QWidget(parent);
  auto* h = new QHBoxLayout(box);
  h->setContentsMargins(0, 0, 0, 0);
  h->setSpacing(4);
  label->setParent(box);
  control->setParent(box);
  h->addWidget(label);
  h->addWidget(control);
  return box;
}

} // namespace

QWidget* LiveSignalPanel::buildControls() {
  auto* bar = new QWidget(this);
  // The controls wrap onto a second row in a narrow window or a longer language instead of
  // widening the panel beyond the screen.
  auto* row = new FlowLayout(bar);

  m_pauseButton = new QToolButton(bar);
  m_pauseButton->setCheckable(true);
  m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
  m_pauseButton->setText(tr("Pause"));
  m_pauseButton->setToolTip(
      tr("Freeze the view to inspect it; samples keep being recorded (Space)"));
  m_pauseButton->setShortcut(Qt::Key_Space);
  connect(m_pauseButton, &QToolButton::toggled, this, &LiveSignalPanel::setPaused);
  row->addWidget(m_pauseButton);

  auto* windowLabel = new QLabel(tr("Window:"), bar);
  m_windowCombo = new QComboBox(bar);
  for (double seconds : kWindowChoices)
    m_windowCombo->addItem(tr("%1 s").arg(locale().toString(seconds)), seconds);
  m_windowCombo->setCurrentIndex(2);
  m_windowCombo->setToolTip(tr("Length of the rolling time window"));
  windowLabel->setBuddy(m_windowCombo);
  connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
          [this](int index) { setWindowSeconds(m_windowCombo->itemData(index).toDouble()); });
  row->addWidget(pair(bar, windowLabel, m_windowCombo));

  m_autoscaleBox = new QCheckBox(tr("Autoscale"), bar);
  m_autoscaleBox->setChecked(m_autoscale);
  m_autoscaleBox->setToolTip(tr("Fit the value axis to the visible samples"));
  connect(m_autoscaleBox, &QCheckBox::toggled, this, &LiveSignalPanel::setAutoscale);
  row->addWidget(m_autoscaleBox);

  auto* thresholdLabel = new QLabel(tr("Trigger:"), bar);
  m_thresholdSpin = new QDoubleSpinBox(bar);
  m_thresholdSpin->setRange(0.0, 32767.0);
  m_thresholdSpin->setDecimals(0);
  m_thresholdSpin->setSingleStep(50.0);
  m_thresholdSpin->setSuffix(tr(" counts"));
  m_thresholdSpin->setKeyboardTracking(false);  // one command per edit, not per keystroke
  m_thresholdSpin->setValue(static_cast<double>(m_threshold));
  m_thresholdSpin->setToolTip(
      tr("Event trigger: RMS energy of the high-passed motion, in counts. "
         "You can also drag the dashed line in the plot."));
  thresholdLabel->setBuddy(m_thresholdSpin);
  connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this,
          [this](double value) { userSetThreshold(static_cast<float>(value)); });
  row->addWidget(pair(bar, thresholdLabel, m_thresholdSpin));
  m_pausedLabel = new QLabel(bar);
  m_pausedLabel->setStyleSheet(QStringLiteral(
      "QLabel{background:#fff3c4;border:1px solid #e0c060;border-radius:3px;padding:1px 6px}"));
  m_pausedLabel->setToolTip(tr("The view is frozen; incoming samples are still kept. "
                               "Resume to follow the stream again."));
  m_pausedLabel->setVisible(false);
  row->addWidget(m_pausedLabel);

  m_statsLabel = new QLabel(bar);
  m_statsLabel->setToolTip(tr("Samples per second arriving from the board, and sample frames "
                              "lost on the link since it connected"));
  row->addFlowWidget(m_statsLabel, true);
  return bar;
}

void LiveSignalPanel::buildPlot() {
  m_plot = new QCustomPlot(this);
  m_plot->setMinimumSize(320, 200);
  m_plot->setNoAntialiasingOnDrag(true);
  m_plot->setNotAntialiasedElements(QCP::aeAll);  // crisp and fast for dense lines
  m_plot->xAxis->setLabel(tr("Time (s)"));
  m_plot->yAxis->setLabel(tr("Acceleration (counts)"));
  m_plot->yAxis->setRange(-5000, 5000);
  m_plot->xAxis->setRange(0.0, m_windowSeconds);
  const QColor grid(0xe4, 0xe4, 0xe4);
  for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
    axis->grid()->setPen(QPen(grid, 1));
    axis->setLabelColor(QColor(0x30, 0x30, 0x30));
  }
  for (int c = 0; c < kMaxChannels; ++c) {
    QCPGraph* graph = m_plot->addGraph();
    graph->setAdaptiveSampling(false);  // the store decimates already
    graph->setLineStyle(QCPGraph::lsLine);
    m_graphs.append(graph);
  }
  // The legend gets its own row above the plot: inside, it would hide events' labels.
  m_plot->legend->setVisible(true);
  m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
  m_plot->legend->setBrush(Qt::NoBrush);
  m_plot->legend->setBorderPen(Qt::NoPen);
  auto* legendRow = new QCPLayoutGrid;
  m_plot->plotLayout()->insertRow(0);
  m_plot->plotLayout()->addElement(0, 0, legendRow);
  m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
  legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));  // pushes the legend right
  legendRow->addElement(0, 1, m_plot->legend);
  legendRow->setColumnStretchFactor(0, 1.0);
  legendRow->setColumnStretchFactor(1, 0.001);
  legendRow->setMargins(QMargins(0, 0, 0, 0));
  applyChannelStyle();
  buildItems();

  connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
    if (!m_settingRange && m_paused) m_coalescer->request();  // zoom/pan: re-decimate
  });
  connect(m_plot, &QCustomPlot::mousePress, this, &LiveSignalPanel::onPlotMousePress);
  connect(m_plot, &QCustomPlot::mouseMove, this, &LiveSignalPanel::onPlotMouseMove);
  connect(m_plot, &QCustomPlot::mouseRelease, this, &LiveSignalPanel::onPlotMouseRelease);
  updateInteractions();
}

void LiveSignalPanel::buildItems() {
  for (int i = 0; i < kMarkPool; ++i) {
    auto* rect = new QCPItemRect(m_plot);
    setXPlotYRatio(rect->topLeft);
    setXPlotYRatio(rect->bottomRight);
    rect->setVisible(false);
    rect->setSelectable(false);
    auto* label = new QCPItemText(m_plot);
    setXPlotYRatio(label->position);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setPadding(QMargins(3, 2, 3, 2));
    label->setVisible(false);
    label->setSelectable(false);
    m_markRects.append(rect);
    m_markLabels.append(label);
  }
  m_thresholdLine = new QCPItemStraightLine(m_plot);
  m_thresholdLine->setPen(QPen(QColor(0xb7, 0x1c, 0x1c), 1.5, Qt::DashLine));
  m_thresholdLine->setSelectable(false);
  m_thresholdLabel = new QCPItemText(m_plot);
  m_thresholdLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  m_thresholdLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
  m_thresholdLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  m_thresholdLabel->setColor(QColor(0xb7, 0x1c, 0x1c));
  m_thresholdLabel->setSelectable(false);
  updateThresholdItems();

  m_emptyText = new QCPItemText(m_plot);
  m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_emptyText->position->setCoords(0.5, 0.5);
  m_emptyText->setText(tr("Waiting for samples…\nConnect a board, or start the virtual board "
                          "to see its signals here."));
  m_emptyText->setTextAlignment(Qt::AlignCenter);
  m_emptyText->setPadding(QMargins(16, 10, 16, 10));
  m_emptyText->setBrush(QColor(0xfa, 0xfa, 0xfa));
  m_emptyText->setPen(QPen(QColor(0xd0, 0xd0, 0xd0)));
  m_emptyText->setColor(QColor(0x60, 0x60, 0x60));
  QFont big = m_emptyText->font();
  big.setPointSizeF(big.pointSizeF() * 1.2);
  m_emptyText->setFont(big);

}

void LiveSignalPanel::applyChannelStyle() {
  const int channels = m_ring.channels();
  for (int c = 0; c < kMaxChannels; ++c) {
    QCPGraph* graph = m_graphs[c];
    graph->setPen(QPen(channelColour(c), 1.2));
    graph->setName(c < m_channelNames.size() ? m_channelNames[c] : tr("ch %1").arg(c + 1));
    const bool used = c < channels;
    graph->setVisible(used);
    if (used) graph->addToLegend(); else graph->removeFromLegend();
  }
}

void LiveSignalPanel::setStreamFormat(int hz, int channels) {
  if (hz <= 0 || (hz == sampleRate() && channels == m_ring.channels())) return;
  m_ring.reset(hz, channels, kMaxWindowSeconds);
  m_frozen.reset(hz, channels, kMaxWindowSeconds);
  m_marks.clear();
  applyChannelStyle();
  m_coalescer->request();
}

void LiveSignalPanel::setChannelNames(const QStringList& names) {
  m_channelNames = names;
  applyChannelStyle();
  m_coalescer->request();
}

void LiveSignalPanel::setValueAxisLabel(const QString& label) {
  m_plot->yAxis->setLabel(label);
  m_coalescer->request();
}

int LiveSignalPanel::windowFrames() const {
  const auto window = static_cast<int>(std::lround(m_windowSeconds * sampleRate()));
  return std::min(window, m_ring.size());
}

QPointF LiveSignalPanel::displayedRange() const {
  return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper};
}

quint64 LiveSignalPanel::displayedEndFrame() const {
  return m_paused ? m_frozen.endIndex() : m_ring.endIndex();
}

int LiveSignalPanel::displayedPoints(int channel) const {
  if (channel < 0 || channel >= kMaxChannels) return 0;
  return m_graphs[channel]->data()->size();
}

void LiveSignalPanel::appendSamples(quint32 firstIndex, int channels,
                                    const QVector<qint16>& interleaved) {
  if (channels < 1 || channels > kMaxChannels || interleaved.size() % channels != 0) {
    qCWarning(lcUi) << "LiveSignalPanel: ignoring" << interleaved.size() << "samples of"
                    << channels << "channels";
    return;
  }
  const int frames = static_cast<int>(interleaved.size() / channels);
  const app::SampleStore::AppendResult result =
      m_ring.append(firstIndex, channels, interleaved.constData(), frames);
  if (result.channelsChanged) {
    qCInfo(lcUi) << "LiveSignalPanel: stream now has" << channels << "channels";
    m_marks.clear();
    applyChannelStyle();
  } else if (result.restarted) {
    qCInfo(lcUi) << "LiveSignalPanel: stream restarted at index" << firstIndex;
    m_marks.clear();
  }
  if (!m_paused) m_coalescer->request();
}

void LiveSignalPanel::markEvent(quint32 start, quint32 frames, const QColor& colour,
                                const QString& label) {
  // Drop marks that scrolled out of the ring; cheap because it happens per event.
  const quint64 oldest = m_ring.beginIndex();
  m_marks.erase(std::remove_if(m_marks.begin(), m_marks.end(),
                               [oldest](const Mark& m) { return m.start + m.frames < oldest; }),
                m_marks.end());
  if (m_marks.size() >= kMaxMarks) m_marks.removeFirst();
  m_marks.append(Mark{m_ring.unwrap(start), frames, colour, label});
  m_coalescer->request();
}

void LiveSignalPanel::clearEvents() {
  m_marks.clear();
  m_coalescer->request();
}

void LiveSignalPanel::setThreshold(float threshold) {
  if (!std::isfinite(threshold)) return;
  m_threshold = std::max(0.0f, threshold);
  const QSignalBlocker block(m_thresholdSpin);
  m_thresholdSpin->setValue(static_cast<double>(m_threshold));
  updateThresholdItems();
  m_coalescer->request();
}

void LiveSignalPanel::userSetThreshold(float threshold) {
  threshold = std::max(0.0f, threshold);
  if (threshold == m_threshold) return;
  setThreshold(threshold);
  emit thresholdChanged(m_threshold);
}

void LiveSignalPanel::updateThresholdItems() {
  const double y = static_cast<double>(m_threshold);
  m_thresholdLine->point1->setCoords(0.0, y);
  m_thresholdLine->point2->setCoords(1.0, y);
  m_thresholdLabel->position->setCoords(0.005, y);
  m_thresholdLabel->setText(tr("Trigger %1").arg(std::lround(y)));
}

void LiveSignalPanel::setStreamStats(double samplesPerSecond, quint64 lost) {
  m_samplesPerSecond = samplesPerSecond;
  m_lost = lost;
  m_haveStats = true;
  const QString rate = tr("%L1 samples/s").arg(samplesPerSecond, 0, 'f', 0);
  const QString lostText = tr("%L1 lost").arg(lost);
  const QString colour = lost > 0 ? QStringLiteral("#b71c1c") : QStringLiteral("#2e7d32");
  m_statsLabel->setText(QStringLiteral("%1 · <span style=\"color:%2\">%3</span>")
                            .arg(rate, colour, lostText));
}

void LiveSignalPanel::setWindowSeconds(double seconds) {
  if (!(seconds > 0.0)) return;
  m_windowSeconds = std::min(seconds, kMaxWindowSeconds);
  int best = 0;
  for (int i = 0; i < m_windowCombo->count(); ++i)
    if (std::abs(m_windowCombo->itemData(i).toDouble() - m_windowSeconds) <
        std::abs(m_windowCombo->itemData(best).toDouble() - m_windowSeconds))
      best = i;
  const QSignalBlocker block(m_windowCombo);
  m_windowCombo->setCurrentIndex(best);
  if (m_paused) {
    // Keep the paused view's right edge, show the chosen length before it.
    const double upper = m_plot->xAxis->range().upper;
    m_plot->xAxis->setRange(upper - m_windowSeconds, upper);
  }
  m_coalescer->request();
}

void LiveSignalPanel::setPaused(bool paused) {
  if (paused == m_paused) return;
  m_paused = paused;
  if (paused) m_frozen = m_ring;  // same capacity: copies without allocating
  {
    const QSignalBlocker block(m_pauseButton);
    m_pauseButton->setChecked(paused);
  }
  m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
  m_pauseButton->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay
                                                      : QStyle::SP_MediaPause));
  updateInteractions();
  refresh();
  emit pausedChanged(paused);
}

void LiveSignalPanel::setAutoscale(bool on) {
  m_autoscale = on;
  const QSignalBlocker block(m_autoscaleBox);
  m_autoscaleBox->setChecked(on);
  updateInteractions();
  m_coalescer->request();
}

void LiveSignalPanel::updateInteractions() {
  // Live: x follows the stream, so only the value axis may be moved (when not autoscaled).
  // Paused: pan and zoom in time, and in value unless autoscale owns it.
  Qt::Orientations orientations;
  if (m_paused) orientations |= Qt::Horizontal;
  if (!m_autoscale) orientations |= Qt::Vertical;
  m_plot->axisRect()->setRangeDrag(orientations);
  m_plot->axisRect()->setRangeZoom(orientations);
  m_plot->setInteraction(QCP::iRangeDrag, orientations != Qt::Orientations());
  m_plot->setInteraction(QCP::iRangeZoom, orientations != Qt::Orientations());
}

void LiveSignalPanel::clear() {
  m_ring.clear();
  m_frozen.clear();
  m_marks.clear();
  refresh();
}

void LiveSignalPanel::refreshNow() { m_coalescer->flush(); }

void LiveSignalPanel::refresh() {
  const app::SampleStore& source = m_paused ? m_frozen : m_ring;
  updateXRange(source);
  updateGraphs(source);
  updateYRange();
  updateMarks(source);
  updateOverlays(source);
  m_plot->replot();
}

void LiveSignalPanel::updateXRange(const app::SampleStore& source) {
  if (m_paused || source.isEmpty()) return;  // paused: the user's zoom and pan rule
  const double upper = static_cast<double>(source.endIndex()) / sampleRate();
  m_settingRange = true;
  m_plot->xAxis->setRange(upper - m_windowSeconds, upper);
  m_settingRange = false;
}

void LiveSignalPanel::updateGraphs(const app::SampleStore& source) {
  const QCPRange range = m_plot->xAxis->range();
  const double rate = sampleRate();
  const auto from = static_cast<quint64>(std::max(0.0, std::floor(range.lower * rate)));
  const auto to = static_cast<quint64>(std::max(0.0, std::ceil(range.upper * rate) + 1.0));
  const int columns = std::max(1, m_plot->axisRect()->width());
  m_yMin = std::numeric_limits<double>::infinity();
  m_yMax = -std::numeric_limits<double>::infinity();
  for (int c = 0; c < kMaxChannels; ++c) {
    QCPGraphDataContainer& points = *m_graphs[c]->data();
    if (c >= source.channels() || source.isEmpty()) {
      points.clear();
      continue;
    }
    source.decimate(c, from, to, columns, m_scratch);
    const int n = static_cast<int>(m_scratch.size());
    if (points.size() != n) {  // only when the point count changes (resize, zoom, start-up)
      points.clear();
      points.add(QVector<QCPGraphData>(n), true);
    }
    auto it = points.begin();
    for (const QPointF& p : m_scratch) {
      it->key = p.x();
      it->value = p.y();
      ++it;
      if (!std::isnan(p.y())) {
        m_yMin = std::min(m_yMin, p.y());
        m_yMax = std::max(m_yMax, p.y());
      }
    }
  }
}

void LiveSignalPanel::updateYRange() {
  if (!m_autoscale || !(m_yMax >= m_yMin)) return;
  double span = m_yMax - m_yMin;
  if (span < 100.0) span = 100.0;  // flat signals: do not magnify the noise floor
  const double mid = 0.5 * (m_yMax + m_yMin);
  const double half = 0.5 * span * (1.0 + 2.0 * kYMargin);
  m_plot->yAxis->setRange(mid - half, mid + half);
}

void LiveSignalPanel::updateMarks(const app::SampleStore& source) {
  const QCPRange range = m_plot->xAxis->range();
  const double rate = sampleRate();
  int used = 0;
  for (const Mark& mark : m_marks) {
    if (used >= kMarkPool) break;
    const double t0 = static_cast<double>(mark.start) / rate;
    const double t1 = static_cast<double>(mark.start + mark.frames) / rate;
    if (t1 < range.lower || t0 > range.upper || mark.start >= source.endIndex() + 1) continue;
    QCPItemRect* rect = m_markRects[used];
    QCPItemText* label = m_markLabels[used];
    QColor fill = mark.colour.isValid() ? mark.colour : app::unknownColour();
    QColor edge = fill;
    fill.setAlpha(40);
    edge.setAlpha(140);
    rect->topLeft->setCoords(t0, 0.0);
    rect->bottomRight->setCoords(t1, 1.0);
    rect->setBrush(fill);
    rect->setPen(QPen(edge, 1));
    rect->setVisible(true);
    label->position->setCoords(std::max(t0, range.lower), 0.0);
    label->setText(mark.label);
    label->setColor(mark.colour.isValid() ? mark.colour.darker(140) : QColor(Qt::black));
    label->setVisible(!mark.label.isEmpty());
    ++used;
  }
  for (int i = used; i < kMarkPool; ++i) {
    m_markRects[i]->setVisible(false);
    m_markLabels[i]->setVisible(false);
  }
}

void LiveSignalPanel::updateOverlays(const app::SampleStore& source) {
  m_emptyText->setVisible(source.isEmpty());
  m_plot->legend->setVisible(!source.isEmpty());
  m_pausedLabel->setVisible(m_paused);
  if (m_paused) {
    const double behind =
        static_cast<double>(m_ring.endIndex() - std::min(m_ring.endIndex(), m_frozen.endIndex())) /
        sampleRate();
    m_pausedLabel->setText(tr("Paused, still recording (%1 s behind) · drag to pan, wheel to zoom")
                               .arg(locale().toString(behind, 'f', 1)));
  }
  if (!m_haveStats) {
    // The plural form follows the count (clamped to tr()'s int); the number shown is exact.
    const quint64 frames = m_ring.receivedFrames();
    const int plural = static_cast<int>(std::min<quint64>(frames, quint64(INT_MAX)));
    m_statsLabel->setText(source.isEmpty() ? tr("No stream")
                                           : tr("%L1 frame(s) received", "", plural).arg(frames));
  }
}

void LiveSignalPanel::onPlotMousePress(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  const double lineY = m_plot->yAxis->coordToPixel(static_cast<double>(m_threshold));
  const QPointF pos = event->position();
  if (m_plot->axisRect()->rect().contains(pos.toPoint()) &&
      std::abs(pos.y() - lineY) <= kThresholdGrabPixels) {
    m_draggingThreshold = true;
    m_plot->setInteraction(QCP::iRangeDrag, false);  // the press drags the line, not the view
  }
}

void LiveSignalPanel::onPlotMouseMove(QMouseEvent* event) {
  const QPointF pos = event->position();
  if (m_draggingThreshold) {
    const auto value = static_cast<float>(std::max(0.0, m_plot->yAxis->pixelToCoord(pos.y())));
    setThreshold(std::round(value));  // the line follows; the board hears on release
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const double lineY = m_plot->yAxis->coordToPixel(static_cast<double>(m_threshold));
  const bool near = m_plot->axisRect()->rect().contains(pos.toPoint()) &&
                    std::abs(pos.y() - lineY) <= kThresholdGrabPixels;
  m_plot->setCursor(near ? Qt::SizeVerCursor : Qt::ArrowCursor);
  m_plot->setToolTip(near ? tr("Drag to change the trigger threshold") : QString());
}

void LiveSignalPanel::onPlotMouseRelease(QMouseEvent*) {
  if (!m_draggingThreshold) return;
  m_draggingThreshold = false;
  updateInteractions();
  emit thresholdChanged(m_threshold);
}

} // namespace dlm::ui
