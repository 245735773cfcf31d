#include "ui/network/network_canvas.h"

#include <QLocale>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

#include "ui/common/class_colours.h"

namespace dlm::ui {

NetworkCanvas::NetworkCanvas(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, Qt::white);
  setPalette(pal);
}

void NetworkCanvas::setSnapshot(const app::NetworkSnapshot& snapshot,
                                const QVector<app::ClassInfo>& classes) {
  // Selection and hover follow the neuron (layer, index), not its position in the vector.
  const auto keyOf = [this](int i) {
    return i >= 0 && i < m_snapshot.neurons.size()
               ? qMakePair(m_snapshot.neurons[i].layer, m_snapshot.neurons[i].index)
               : qMakePair(-1, -1);
  };
  const auto selectedKey = keyOf(m_selected);
  m_snapshot = snapshot;
  m_classes = classes;
  m_selected = -1;
  m_hovered = -1;
  for (int i = 0; i < m_snapshot.neurons.size(); ++i)
    if (qMakePair(m_snapshot.neurons[i].layer, m_snapshot.neurons[i].index) == selectedKey)
      m_selected = i;
  relayout();
}

void NetworkCanvas::setViewSize(const QSize& size) {
  if (size == m_viewSize) return;
  m_viewSize = size;
  relayout();
}

void NetworkCanvas::setSelectedNeuron(int neuron) {
  m_selected = neuron;
  update();
}

QPointF NetworkCanvas::neuronCentre(int neuron) const {
  const int placed = m_layout.placedIndexOf(neuron);
  return placed >= 0 ? m_layout.placed()[placed].centre : QPointF(-1, -1);
}

QString NetworkCanvas::layerTitle(int layer, int count) {
  return tr("Layer %1 — %Ln neuron(s)", "", count).arg(layer + 1);
}

QSize NetworkCanvas::sizeHint() const { return m_layout.size().toSize().expandedTo({200, 200}); }

void NetworkCanvas::relayout() {
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF fm(bold);
  QVector<double> headerWidths;
  const int layers = NetworkLayout::layerCount(m_snapshot);
  for (int layer = 0; layer < layers; ++layer) {
    const QString text = layerTitle(layer, m_snapshot.neuronsPerLayer.value(layer));
    headerWidths.append(fm.horizontalAdvance(text) + 16.0);
  }
  m_layout.compute(m_snapshot, QSizeF(m_viewSize), headerWidths);
  setMinimumSize(m_layout.size().toSize());
  updateGeometry();
  update();
}

int NetworkCanvas::neuronAt(const QPointF& point) const {
  const int placed = m_layout.hitTest(point);
  return placed >= 0 ? m_layout.placed()[placed].neuron : -1;
}

void NetworkCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  if (m_snapshot.neurons.isEmpty()) {
    paintEmpty(painter);
    return;
  }
  paintColumns(painter);
  paintNeurons(painter);
}

void NetworkCanvas::paintEmpty(QPainter& painter) const {
  painter.setPen(QColor(0x60, 0x60, 0x60));
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.15);
  painter.setFont(f);
  painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No network yet.\nTag events with keys 1–9 to teach the network:\n"
                      "its layers and neurons appear here."));
}

void NetworkCanvas::paintColumns(QPainter& painter) const {
  QFont bold = font();
  bold.setBold(true);
  const QVector<NetworkLayout::Column>& columns = m_layout.columns();
  for (int i = 0; i < columns.size(); ++i) {
    const NetworkLayout::Column& c = columns[i];
    painter.setPen(QPen(QColor(0xdd, 0xe3, 0xea), 1));
    painter.setBrush(QColor(0xf6, 0xf8, 0xfb));
    painter.drawRoundedRect(c.rect, 6, 6);
    painter.setFont(bold);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    const QString title = layerTitle(c.layer, c.count);
    QRectF titleRect = c.header;
    titleRect.setHeight(c.header.height() * 0.55);
    painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom, title);
    painter.setFont(font());
    painter.setPen(QColor(0x77, 0x77, 0x77));
    const QString sub = c.layer == 0 ? tr("descriptor input") : tr("stacked on layer %1").arg(c.layer);
    QRectF subRect = c.header;
    subRect.setTop(titleRect.bottom() + 1);
    painter.drawText(subRect, Qt::AlignHCenter | Qt::AlignTop, sub);
    if (i + 1 < columns.size()) {  // data flows left to right
      const double y = c.header.center().y();
      const QPointF a(c.rect.right() + 8, y);
      const QPointF b(columns[i + 1].rect.left() - 8, y);
      painter.setPen(QPen(QColor(0xa0, 0xa8, 0xb4), 1.5));
      painter.drawLine(a, b);
      painter.setBrush(QColor(0xa0, 0xa8, 0xb4));
      painter.drawPolygon(QPolygonF({b, b + QPointF(-7, -4), b + QPointF(-7, 4)}));
    }
  }
}

void NetworkCanvas::paintNeurons(QPainter& painter) const {
  for (const NetworkLayout::Placed& p : m_layout.placed()) {
    const app::NeuronInfo& n = m_snapshot.neurons[p.neuron];
    const QColor colour = ClassPalette::colour(m_classes, n.classIndex);
    QColor fill = colour;
    fill.setAlpha(p.neuron == m_hovered || p.neuron == m_selected ? 255 : 210);
    painter.setBrush(fill);
    painter.setPen(QPen(colour.darker(140), 1));
    painter.drawEllipse(p.centre, p.radius, p.radius);
  }
  const double halo = 0.5 * m_layout.cell();
  const auto ring = [&](int neuron, const QPen& pen) {
    const int placed = m_layout.placedIndexOf(neuron);
    if (placed < 0) return;
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen);
    const NetworkLayout::Placed& p = m_layout.placed()[placed];
    const double r = std::max(p.radius + 2.5, halo - 1.0);
    painter.drawEllipse(p.centre, r, r);
  };
  if (m_hovered != m_selected) ring(m_hovered, QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DotLine));
  ring(m_selected, QPen(QColor(0x11, 0x11, 0x11), 2.5));
}

void NetworkCanvas::mouseMoveEvent(QMouseEvent* event) {
  const int hovered = neuronAt(event->position());
  if (hovered != m_hovered) {
    m_hovered = hovered;
    setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
  }
}

void NetworkCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  const int neuron = neuronAt(event->position());
  if (neuron < 0) return;
  m_selected = neuron;
  update();
  emit neuronClicked(neuron);
}

void NetworkCanvas::leaveEvent(QEvent*) {
  m_hovered = -1;
  update();
}

bool NetworkCanvas::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int neuron = neuronAt(help->pos());
    if (neuron < 0) {
      QToolTip::hideText();
      event->ignore();
      return true;
    }
    const app::NeuronInfo& n = m_snapshot.neurons[neuron];
    QToolTip::showText(help->globalPos(),
                       tr("<b>Layer %1, neuron %2</b><br>Class: %3<br>Learned from %Ln event(s)<br>"
                          "<i>Click for details</i>", "", static_cast<int>(n.support))
                           .arg(locale().toString(n.layer + 1), locale().toString(n.index),
                                ClassPalette::name(m_classes, n.classIndex).toHtmlEscaped()),
                       this);
    return true;
  }
  return QWidget::event(event);
}

} // namespace dlm::ui
