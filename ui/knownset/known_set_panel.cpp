#include "ui/knownset/known_set_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/common/class_colours.h"
#include "ui/common/coalescer.h"
#include "ui/knownset/embedding_plot.h"
#include "ui/knownset/explanation_view.h"
#include "ui/knownset/score_histogram.h"

namespace dlm::ui {

KnownSetPanel::KnownSetPanel(QWidget* parent) : QWidget(parent) {
  m_coalescer = new Coalescer([this] { refresh(); }, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  layout->addWidget(buildStrictness());

  auto* vertical = new QSplitter(Qt::Vertical, this);
  auto* plots = new QSplitter(Qt::Horizontal, vertical);
  m_histogram = new ScoreHistogram(plots);
  plots->addWidget(m_histogram);
  plots->addWidget(buildMapColumn());
  plots->setChildrenCollapsible(false);
  plots->setStretchFactor(0, 2);
  plots->setStretchFactor(1, 3);
  plots->setSizes({400, 600});  // scaled to the splitter's width: 2 to 3
  vertical->addWidget(plots);
  m_explanation = new ExplanationView(vertical);
  vertical->addWidget(m_explanation);
  vertical->setStretchFactor(0, 3);
  vertical->setStretchFactor(1, 1);
  vertical->setCollapsible(0, false);
  layout->addWidget(vertical, 1);

  connect(m_embedding, &EmbeddingPlot::eventClicked, this, &KnownSetPanel::explainRequested);
  connect(m_histogram, &ScoreHistogram::thresholdDragged, this,
          [this](float t) { applyThreshold(t, true); });
  applyThreshold(m_threshold, false);
}

KnownSetPanel::~KnownSetPanel() = default;

QWidget* KnownSetPanel::buildStrictness() {
  auto* bar = new QWidget(this);
  auto* v = new QVBoxLayout(bar);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* row = new QHBoxLayout;
  auto* label = new QLabel(tr("Strictness:"), bar);
  m_slider = new QSlider(Qt::Horizontal, bar);
  m_slider->setRange(0, kSliderSteps);
  m_slider->setPageStep(kSliderSteps / 20);
  m_slider->setMinimumWidth(80);
  m_slider->setToolTip(tr("The share of known events to reject, measured on events the model "
                          "did not learn from. 0% rejects nothing, 100% rejects everything: "
                          "more rejects more. The board gets the same value."));
  label->setBuddy(m_slider);
  m_thresholdValue = new QLabel(bar);
  m_thresholdValue->setMinimumWidth(
      m_thresholdValue->fontMetrics().horizontalAdvance(QStringLiteral("100,0 %")) + 4);
  m_thresholdValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  row->addWidget(label);
  row->addWidget(m_slider, 1);
  row->addWidget(m_thresholdValue);
  v->addLayout(row);
  m_rejection = new QLabel(bar);
  m_rejection->setWordWrap(true);
  m_rejection->setToolTip(tr("Events rejected as unknown at this strictness, by the model's own "
                             "rule on each event"));
  v->addWidget(m_rejection);
  m_legend = new QLabel(bar);
  m_legend->setWordWrap(true);
  m_legend->setTextFormat(Qt::RichText);
  v->addWidget(m_legend);
  connect(m_slider, &QSlider::valueChanged, this, &KnownSetPanel::onSliderMoved);
  return bar;
}

QWidget* KnownSetPanel::buildMapColumn() {
  auto* column = new QWidget(this);
  auto* v = new QVBoxLayout(column);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* row = new QHBoxLayout;
  m_projection = new QComboBox(column);
  m_projection->addItem(tr("Map: PCA"), static_cast<int>(Projection::Pca));
  m_projection->addItem(tr("Map: two features"), static_cast<int>(Projection::FeaturePair));
  m_projection->setToolTip(tr("Where events are placed: the first two principal components of "
                              "the tagged events, or two chosen descriptor features. Placement "
                              "only: each point's colour and mark are its own decision."));
  m_featureX = new QSpinBox(column);
  m_featureY = new QSpinBox(column);
  m_featureX->setToolTip(tr("Descriptor feature on the horizontal axis"));
  m_featureY->setToolTip(tr("Descriptor feature on the vertical axis"));
  m_featureY->setValue(1);
  setFeatureCount(2);
  auto* fit = new QPushButton(tr("Fit"), column);
  fit->setToolTip(tr("Fit the map to the events (wheel zooms, drag pans)"));
  connect(fit, &QPushButton::clicked, this, [this] {
    m_embedding->resetView();
    m_embedding->replot();
  });
  connect(m_projection, &QComboBox::currentIndexChanged, this, &KnownSetPanel::onProjectionEdited);
  connect(m_featureX, &QSpinBox::valueChanged, this, &KnownSetPanel::onProjectionEdited);
  connect(m_featureY, &QSpinBox::valueChanged, this, &KnownSetPanel::onProjectionEdited);
  row->addWidget(m_projection, 1);
  row->addWidget(m_featureX);
  row->addWidget(m_featureY);
  row->addWidget(fit);
  v->addLayout(row);
  m_embedding = new EmbeddingPlot(column);
  v->addWidget(m_embedding, 1);
  onProjectionEdited();  // sets the spin boxes' enabled state; nothing is connected yet
  return column;
}

void KnownSetPanel::setFeatureCount(int dims) {
  const int top = std::max(1, dims) - 1;
  m_featureX->setMaximum(top);
  m_featureY->setMaximum(top);
}

void KnownSetPanel::setThreshold(float threshold) { applyThreshold(threshold, false); }

void KnownSetPanel::applyThreshold(float threshold, bool emitChange) {
  if (!std::isfinite(threshold)) return;
  m_threshold = std::clamp(threshold, 0.0f, 1.0f);
  {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(static_cast<int>(std::lround(m_threshold * kSliderSteps)));
  }
  m_thresholdValue->setText(locale().toString(100.0 * double(m_threshold), 'f', 1) +
                            QStringLiteral(" %"));
  m_histogram->setThreshold(m_threshold);
  m_embedding->setThreshold(m_threshold);
  updateRejectionText();
  if (emitChange) emit thresholdChanged(m_threshold);
}

void KnownSetPanel::onSliderMoved(int position) {
  applyThreshold(float(position) / float(kSliderSteps), true);
}

void KnownSetPanel::onProjectionEdited() {
  const auto projection = static_cast<Projection>(m_projection->currentData().toInt());
  const bool pair = projection == Projection::FeaturePair;
  m_featureX->setVisible(pair);
  m_featureY->setVisible(pair);
  emit projectionRequested(projection, m_featureX->value(), m_featureY->value());
}

void KnownSetPanel::setMap(const app::KnownSetMap& map, const QVector<app::ClassInfo>& classes) {
  m_pendingMap = map;
  m_classes = classes;
  m_pending = true;
  m_coalescer->request();
}

void KnownSetPanel::refreshNow() { m_coalescer->flush(); }

void KnownSetPanel::refresh() {
  if (!m_pending) return;
  m_pending = false;
  m_map = std::move(m_pendingMap);
  m_pendingMap = {};
  {
    // Reflect the map's projection without asking for it again.
    const QSignalBlocker b1(m_projection), b2(m_featureX), b3(m_featureY);
    m_projection->setCurrentIndex(m_projection->findData(static_cast<int>(m_map.projection)));
    m_featureX->setValue(m_map.featureX);
    m_featureY->setValue(m_map.featureY);
    const bool pair = m_map.projection == Projection::FeaturePair;
    m_featureX->setVisible(pair);
    m_featureY->setVisible(pair);
  }
  m_threshold = std::clamp(m_map.threshold, 0.0f, 1.0f);
  updateLegend();
  m_histogram->setMap(m_map, m_classes, m_threshold);
  m_embedding->setMap(m_map, m_classes, m_threshold);
  applyThreshold(m_threshold, false);
  // A new map means a new model or a new strictness: the explanation on show must follow it,
  // not keep a verdict the drawing now contradicts.
  if (m_explainedId >= 0) {
    const bool stillThere = std::any_of(m_map.points.cbegin(), m_map.points.cend(),
                                        [this](const auto& p) { return p.eventId == m_explainedId; });
    if (stillThere) {
      emit explainRequested(m_explainedId);
    } else {
      m_explainedId = -1;
      m_explanation->clear();
    }
  }
}

QString KnownSetPanel::rejectionText() const {
  if (m_map.points.isEmpty()) return tr("No events yet");
  if (!m_map.hasModel) return tr("Nothing learned yet: every event is unknown");
  int counts[3] = {0, 0, 0};
  int rejected[3] = {0, 0, 0};
  for (const app::KnownSetMap::Point& p : m_map.points) {
    if (!p.valid) continue;
    const int group = p.tag >= 0 ? 0 : (p.tag == app::kUntagged ? 1 : 2);
    ++counts[group];
    rejected[group] += app::pointAccepted(p, m_threshold) ? 0 : 1;
  }
  const QLocale l = locale();
  QStringList parts;
  if (counts[0] > 0) parts << tr("%1 of %2 tagged").arg(l.toString(rejected[0]), l.toString(counts[0]));
  if (counts[1] > 0) parts << tr("%1 of %2 untagged").arg(l.toString(rejected[1]), l.toString(counts[1]));
  if (counts[2] > 0) parts << tr("%1 of %2 marked unknown").arg(l.toString(rejected[2]), l.toString(counts[2]));
  return tr("Rejected now: %1").arg(parts.join(QStringLiteral(" · ")));
}

// One line for both plots: which colour is which tag, and how a rejected event is drawn.
void KnownSetPanel::updateLegend() {
  QSet<int> tags;
  for (const app::KnownSetMap::Point& p : m_map.points) tags.insert(p.tag >= 0 ? p.tag : app::kUntagged);
  QList<int> order = tags.values();
  std::sort(order.begin(), order.end(), [](int a, int b) {
    return (a < 0 ? 1000 - a : a) < (b < 0 ? 1000 - b : b);
  });
  QStringList items;
  for (int tag : order) {
    items << QStringLiteral("<span style=\"color:%1\">●</span>&nbsp;%2")
                 .arg(ClassPalette::colour(m_classes, tag).name(),
                      ClassPalette::name(m_classes, tag).toHtmlEscaped());
  }
  if (m_map.hasModel && !items.isEmpty()) {
    items << QStringLiteral("<span style=\"color:%1\">⊗</span>&nbsp;%2")
                 .arg(app::rejectionMarkColour().name(), tr("rejected (hollow, crossed)"));
  }
  m_legend->setText(items.join(QStringLiteral("&nbsp;&nbsp; ")));
}

void KnownSetPanel::updateRejectionText() { m_rejection->setText(rejectionText()); }

QString KnownSetPanel::explanationVerdict() const { return m_explanation->verdictText(); }

void KnownSetPanel::showExplanation(const app::Explanation& explanation) {
  m_explainedId = explanation.eventId;
  m_explanation->setExplanation(explanation, m_classes);
  m_embedding->setSelectedEvent(explanation.eventId);
}

} // namespace dlm::ui
