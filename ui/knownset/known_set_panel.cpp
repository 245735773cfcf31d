#include "ui/knownset/known_set_panel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/common/coalescer.h"
#include "ui/knownset/explanation_view.h"
#include "ui/knownset/known_set_plot.h"

namespace dlm::ui {

KnownSetPanel::KnownSetPanel(QWidget* parent) : QWidget(parent) {
  m_coalescer = new Coalescer([this] { refresh(); }, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  layout->addWidget(buildControls());

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  m_plot = new KnownSetPlot(splitter);
  splitter->addWidget(m_plot);
  splitter->addWidget(buildSide());
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  splitter->setCollapsible(0, false);
  layout->addWidget(splitter, 1);

  connect(m_plot, &KnownSetPlot::eventClicked, this, &KnownSetPanel::explainRequested);
  updateRejectionText();
}

KnownSetPanel::~KnownSetPanel() = default;

QWidget* KnownSetPanel::buildControls() {
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(6);
  auto* label = new QLabel(tr("Projection:"), bar);
  m_projection = new QComboBox(bar);
  m_projection->addItem(tr("PCA (first two components)"), static_cast<int>(Projection::Pca));
  m_projection->addItem(tr("Feature pair"), static_cast<int>(Projection::FeaturePair));
  m_projection->setToolTip(tr("How events are placed on the plane: principal components of "
                              "the descriptors, or two chosen descriptor features"));
  label->setBuddy(m_projection);
  m_featureX = new QSpinBox(bar);
  m_featureY = new QSpinBox(bar);
  m_featureX->setPrefix(tr("x: f"));
  m_featureY->setPrefix(tr("y: f"));
  m_featureX->setToolTip(tr("Descriptor feature on the horizontal axis"));
  m_featureY->setToolTip(tr("Descriptor feature on the vertical axis"));
  m_featureY->setValue(1);
  setFeatureCount(2);
  auto* reset = new QPushButton(tr("Reset view"), bar);
  reset->setToolTip(tr("Fit the plot to the map (wheel zooms, drag pans)"));
  connect(reset, &QPushButton::clicked, this, [this] { m_plot->resetView(); });
  connect(m_projection, &QComboBox::currentIndexChanged, this,
          &KnownSetPanel::onProjectionEdited);
  connect(m_featureX, &QSpinBox::valueChanged, this, &KnownSetPanel::onProjectionEdited);
  connect(m_featureY, &QSpinBox::valueChanged, this, &KnownSetPanel::onProjectionEdited);
  row->addWidget(label);
  row->addWidget(m_projection);
  row->addWidget(m_featureX);
  row->addWidget(m_featureY);
  row->addWidget(reset);
  row->addStretch(1);
  auto* hint = new QLabel(tr("Hover for the score · click an event to explain it"), bar);
  hint->setStyleSheet(QStringLiteral("color:#666"));
  // Long in some languages: let it wrap rather than widen the whole window.
  hint->setWordWrap(true);
  hint->setMinimumWidth(120);
  hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  row->addWidget(hint, 1);
  onProjectionEdited();  // sets the spin boxes' enabled state; nothing is connected yet
  return bar;
}

QWidget* KnownSetPanel::buildSide() {
  auto* side = new QWidget(this);
  side->setMinimumWidth(260);
  side->setMaximumWidth(380);  // the map gets the room
  auto* v = new QVBoxLayout(side);
  v->setContentsMargins(4, 0, 0, 0);

  auto* thresholdBox = new QGroupBox(tr("Rejection threshold"), side);
  auto* tv = new QVBoxLayout(thresholdBox);
  auto* sliderRow = new QHBoxLayout;
  m_slider = new QSlider(Qt::Horizontal, thresholdBox);
  m_slider->setRange(0, kSliderSteps);
  m_slider->setPageStep(kSliderSteps / 20);
  m_slider->setToolTip(tr("The share of known events to reject, estimated on events the "
                          "model did not learn from: 0 rejects nothing, 100% everything. "
                          "Higher rejects more."));
  m_thresholdValue = new QLabel(thresholdBox);
  m_thresholdValue->setMinimumWidth(m_thresholdValue->fontMetrics().horizontalAdvance(
                                        QStringLiteral("100.0 %")) + 4);
  m_thresholdValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  sliderRow->addWidget(m_slider, 1);
  sliderRow->addWidget(m_thresholdValue);
  tv->addLayout(sliderRow);
  m_rejection = new QLabel(thresholdBox);
  QFont bold = m_rejection->font();
  bold.setBold(true);
  m_rejection->setFont(bold);
  tv->addWidget(m_rejection);
  auto* note = new QLabel(tr("The bold contour is the boundary: events outside it are "
                             "rejected."),
                          thresholdBox);
  note->setWordWrap(true);
  note->setStyleSheet(QStringLiteral("color:#666"));
  tv->addWidget(note);
  connect(m_slider, &QSlider::valueChanged, this, &KnownSetPanel::onSliderMoved);
  v->addWidget(thresholdBox);

  auto* explainBox = new QGroupBox(tr("Decision explained"), side);
  auto* ev = new QVBoxLayout(explainBox);
  m_explanation = new ExplanationView(explainBox);
  ev->addWidget(m_explanation);
  v->addWidget(explainBox, 1);
  setThreshold(m_threshold);
  return side;
}

float KnownSetPanel::sliderToThreshold(int position) const {
  return m_thresholdMax * static_cast<float>(position) / static_cast<float>(kSliderSteps);
}

int KnownSetPanel::thresholdToSlider(float threshold) const {
  return static_cast<int>(std::lround(threshold / m_thresholdMax * kSliderSteps));
}

void KnownSetPanel::setFeatureCount(int dims) {
  const int top = std::max(1, dims) - 1;
  m_featureX->setMaximum(top);
  m_featureY->setMaximum(top);
}

void KnownSetPanel::setThreshold(float threshold) {
  if (!std::isfinite(threshold)) return;
  m_threshold = std::clamp(threshold, 0.0f, m_thresholdMax);
  {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(thresholdToSlider(m_threshold));
  }
  m_thresholdValue->setText(locale().toString(100.0 * static_cast<double>(m_threshold), 'f', 1) +
                            QStringLiteral(" %"));
  if (m_plot != nullptr) m_plot->setThreshold(m_threshold);
  updateRejectionText();
}

void KnownSetPanel::onSliderMoved(int position) {
  setThreshold(sliderToThreshold(position));
  emit thresholdChanged(m_threshold);
}

void KnownSetPanel::onProjectionEdited() {
  const auto projection = static_cast<Projection>(m_projection->currentData().toInt());
  const bool pair = projection == Projection::FeaturePair;
  m_featureX->setEnabled(pair);
  m_featureY->setEnabled(pair);
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
  const app::KnownSetMap map = std::move(m_pendingMap);
  m_pendingMap = {};
  {
    // Reflect the map's projection without asking for it again.
    const QSignalBlocker b1(m_projection), b2(m_featureX), b3(m_featureY);
    m_projection->setCurrentIndex(m_projection->findData(static_cast<int>(map.projection)));
    m_featureX->setValue(map.featureX);
    m_featureY->setValue(map.featureY);
    const bool pair = map.projection == Projection::FeaturePair;
    m_featureX->setEnabled(pair);
    m_featureY->setEnabled(pair);
  }
  m_plot->setMap(map, m_classes);
  setThreshold(map.threshold);
}

void KnownSetPanel::updateRejectionText() {
  m_rejection->setText(rejectionText());
  const bool any = m_plot != nullptr && !m_plot->map().points.isEmpty();
  m_rejection->setStyleSheet(any ? QStringLiteral("color:#b71c1c") : QStringLiteral("color:#666"));
}

QString KnownSetPanel::rejectionText() const {
  if (m_plot == nullptr || m_plot->map().points.isEmpty()) return tr("No events yet");
  const app::KnownSetMap& map = m_plot->map();
  const auto events = static_cast<int>(map.points.size());
  // The map's own rate covers the whole session at its threshold; while the slider is
  // elsewhere, the mapped events' scores give the rate the new threshold would produce.
  const double rate = m_plot->threshold() == map.threshold
                          ? map.rejectionRate
                          : static_cast<double>(m_plot->rejectedCount()) / events;
  return tr("Rejected: %1% of %Ln event(s)", "", events).arg(100.0 * rate, 0, 'f', 1);
}

QString KnownSetPanel::explanationVerdict() const { return m_explanation->verdictText(); }

void KnownSetPanel::showExplanation(const app::Explanation& explanation) {
  m_explanation->setExplanation(explanation, m_classes);
  m_plot->setSelectedEvent(explanation.eventId);
}

} // namespace dlm::ui
