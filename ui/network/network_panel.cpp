#include "ui/network/network_panel.h"

#include <QLocale>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

#include "ui/common/class_colours.h"
#include "ui/common/coalescer.h"
#include "ui/network/network_canvas.h"
#include "ui/network/neuron_details.h"

namespace dlm::ui {

NetworkPanel::NetworkPanel(QWidget* parent) : QWidget(parent) {
  m_coalescer = new Coalescer([this] { refresh(); }, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  m_summary = new QLabel(this);
  m_summary->setTextFormat(Qt::RichText);
  m_summary->setWordWrap(true);
  layout->addWidget(m_summary);

  m_splitter = new QSplitter(Qt::Horizontal, this);
  m_scroll = new QScrollArea(m_splitter);
  m_scroll->setWidgetResizable(true);
  m_scroll->setFrameShape(QFrame::StyledPanel);
  m_canvas = new NetworkCanvas(m_scroll);
  m_scroll->setWidget(m_canvas);
  m_scroll->viewport()->installEventFilter(this);
  m_details = new NeuronDetails(m_splitter);
  m_details->setMinimumWidth(240);
  m_details->setMaximumWidth(420);
  m_splitter->addWidget(m_scroll);
  m_splitter->addWidget(m_details);
  m_splitter->setStretchFactor(0, 3);
  m_splitter->setStretchFactor(1, 1);
  m_splitter->setCollapsible(0, false);
  layout->addWidget(m_splitter, 1);

  connect(m_canvas, &NetworkCanvas::neuronClicked, this, [this](int neuron) {
    showDetails();
    const app::NeuronInfo& n = m_snapshot.neurons[neuron];
    emit neuronSelected(n.layer, n.index);
  });
  connect(m_details, &NeuronDetails::eventActivated, this, &NetworkPanel::eventActivated);
  updateSummary();
}

NetworkPanel::~NetworkPanel() = default;

void NetworkPanel::setSnapshot(const app::NetworkSnapshot& snapshot,
                               const QVector<app::ClassInfo>& classes) {
  // Kept aside until the repaint tick so that clicks always refer to what is drawn.
  m_nextSnapshot = snapshot;
  m_nextClasses = classes;
  m_pending = true;
  m_coalescer->request();
}

void NetworkPanel::refreshNow() { m_coalescer->flush(); }

void NetworkPanel::refresh() {
  if (!m_pending) return;
  m_pending = false;
  m_snapshot = std::move(m_nextSnapshot);
  m_classes = std::move(m_nextClasses);
  m_nextSnapshot = {};
  m_nextClasses = {};
  m_canvas->setViewSize(m_scroll->viewport()->size());
  m_canvas->setSnapshot(m_snapshot, m_classes);
  updateSummary();
  showDetails();
}

void NetworkPanel::updateSummary() {
  m_summary->setVisible(!m_snapshot.neurons.isEmpty());  // the canvas says what to do
  if (m_snapshot.neurons.isEmpty()) return;
  int total = 0;
  for (int n : m_snapshot.neuronsPerLayer) total += n;
  QString legend;
  for (int c = 0; c < m_snapshot.classes; ++c)
    legend += QStringLiteral("&nbsp;&nbsp;<span style=\"color:%1\">●</span>&nbsp;%2")
                  .arg(ClassPalette::colour(m_classes, c).name(),
                       ClassPalette::name(m_classes, c).toHtmlEscaped());
  const double kb = static_cast<double>(m_snapshot.modelBytes) / 1024.0;
  // Each count has its own plural form; the sentence only arranges them.
  const QString layers = tr("<b>%Ln</b> layer(s)", "", m_snapshot.depth);
  const QString neurons = tr("<b>%Ln</b> neuron(s)", "", total);
  const QString learned =
      tr("<b>%Ln</b> event(s) learned", "", static_cast<int>(m_snapshot.eventsLearned));
  m_summary->setText(
      //: %1: "%Ln layer(s)"; %2: "%Ln neuron(s)"; %3: "%Ln event(s) learned".
      tr("%1 · %2 · %3 · model <code>%4</code> (%5 KB) · threshold %6<br>%7")
          .arg(layers, neurons, learned,
               QStringLiteral("0x") +
                   QStringLiteral("%1").arg(m_snapshot.modelCrc, 8, 16, QLatin1Char('0')).toUpper(),
               locale().toString(kb, 'f', 1),
               locale().toString(static_cast<double>(m_snapshot.threshold), 'f', 2),
               tr("Colour = class, area = events learned from.") + legend));
}

void NetworkPanel::showDetails() {
  const int selected = m_canvas->selectedNeuron();
  if (selected < 0 || selected >= m_snapshot.neurons.size()) {
    m_details->clear();
    return;
  }
  m_details->setNeuron(m_snapshot.neurons[selected], m_classes);
}

int NetworkPanel::findNeuron(int layer, int index) const {
  for (int i = 0; i < m_snapshot.neurons.size(); ++i)
    if (m_snapshot.neurons[i].layer == layer && m_snapshot.neurons[i].index == index) return i;
  return -1;
}

void NetworkPanel::selectNeuron(int layer, int index) {
  refreshNow();
  m_canvas->setSelectedNeuron(findNeuron(layer, index));
  showDetails();
  const QPointF centre = m_canvas->neuronCentre(m_canvas->selectedNeuron());
  if (centre.x() >= 0) m_scroll->ensureVisible(qRound(centre.x()), qRound(centre.y()), 40, 40);
}

void NetworkPanel::clearSelection() {
  m_canvas->setSelectedNeuron(-1);
  showDetails();
}

int NetworkPanel::selectedLayer() const {
  const int s = m_canvas->selectedNeuron();
  return s >= 0 && s < m_snapshot.neurons.size() ? m_snapshot.neurons[s].layer : -1;
}

int NetworkPanel::selectedIndex() const {
  const int s = m_canvas->selectedNeuron();
  return s >= 0 && s < m_snapshot.neurons.size() ? m_snapshot.neurons[s].index : -1;
}

QPoint NetworkPanel::neuronPosition(int layer, int index) const {
  return m_canvas->neuronCentre(findNeuron(layer, index)).toPoint();
}

void NetworkPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  m_canvas->setViewSize(m_scroll->viewport()->size());
}

bool NetworkPanel::eventFilter(QObject* watched, QEvent* event) {
  // The layout wraps columns to the visible height: follow the viewport's size.
  if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
    m_canvas->setViewSize(m_scroll->viewport()->size());
  return QWidget::eventFilter(watched, event);
}

} // namespace dlm::ui
