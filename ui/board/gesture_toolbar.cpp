#include "ui/board/gesture_toolbar.h"

#include <QAction>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

#include "app/views/gesture_catalogue.h"

namespace dlm::ui {

namespace {

constexpr int kIconSize = 48;  // drawn large, scaled down by QIcon

void drawArrowHead(QPainter& p, QPointF tip, double angle) {
  const double s = 7.0;
  QPolygonF head;
  head << tip << tip + QPointF(-s * std::cos(angle - 0.5), -s * std::sin(angle - 0.5))
       << tip + QPointF(-s * std::cos(angle + 0.5), -s * std::sin(angle + 0.5));
  p.setBrush(p.pen().color());
  p.drawPolygon(head);
  p.setBrush(Qt::NoBrush);
}

void drawGlyph(QPainter& p, int gesture) {
  QPainterPath path;
  switch (gesture) {
  case GestureToolbar::Shake:
    path.moveTo(6, 24);
    for (int i = 0; i < 6; ++i) path.lineTo(11 + 6.5 * i, i % 2 == 0 ? 12 : 36);
    path.lineTo(44, 24);
    p.drawPath(path);
    break;
  case GestureToolbar::Circle:
    p.drawArc(QRectF(8, 8, 32, 32), 100 * 16, 300 * 16);
    drawArrowHead(p, QPointF(21.5, 8.6), -0.2);
    break;
  case GestureToolbar::Tap:
    p.setBrush(p.pen().color());
    p.drawEllipse(QPointF(24, 30), 5, 5);
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(12, 18, 24, 24), 35 * 16, 110 * 16);
    p.drawArc(QRectF(5, 11, 38, 38), 40 * 16, 100 * 16);
    break;
  case GestureToolbar::Swipe:
    p.drawLine(QPointF(10, 24), QPointF(40, 24));
    drawArrowHead(p, QPointF(43, 24), 0.0);
    p.drawLine(QPointF(6, 16), QPointF(20, 16));
    p.drawLine(QPointF(6, 32), QPointF(20, 32));
    break;
  case GestureToolbar::Tilt:
    p.save();
    p.translate(24, 26);
    p.rotate(-25);
    p.drawRoundedRect(QRectF(-8, -14, 16, 28), 3, 3);
    p.restore();
    p.drawArc(QRectF(6, 4, 36, 36), 60 * 16, 60 * 16);
    drawArrowHead(p, QPointF(14.6, 8.6), 2.6);
    break;
  case GestureToolbar::FigureEight:
    path.moveTo(24, 24);
    path.cubicTo(34, 8, 46, 14, 44, 24);
    path.cubicTo(42, 34, 32, 38, 24, 24);
    path.cubicTo(16, 10, 6, 14, 4, 24);
    path.cubicTo(6, 34, 16, 38, 24, 24);
    p.drawPath(path);
    break;
  case GestureToolbar::TripleKnock:
    p.setBrush(p.pen().color());
    for (int i = 0; i < 3; ++i) p.drawEllipse(QPointF(10 + 14 * i, 28), 4.5, 4.5);
    p.setBrush(Qt::NoBrush);
    for (int i = 0; i < 3; ++i) p.drawLine(QPointF(10 + 14 * i, 12), QPointF(10 + 14 * i, 18));
    break;
  default: break;
  }
}

QIcon gestureIcon(int gesture) {
  QPixmap pixmap(kIconSize, kIconSize);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  const bool unknown = gesture >= GestureToolbar::FigureEight;
  p.setPen(QPen(unknown ? QColor(0x6a, 0x1b, 0x9a) : QColor(0x26, 0x45, 0x5a), 3.2,
                Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  drawGlyph(p, gesture);
  return QIcon(pixmap);
}

} // namespace

QString GestureToolbar::gestureName(int gesture) { return app::gestureName(gesture); }

GestureToolbar::GestureToolbar(QWidget* parent) : QToolBar(tr("Gestures"), parent) {
  setObjectName(QStringLiteral("GestureToolbar"));
  setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  setIconSize(QSize(22, 22));
  addWidget(new QLabel(tr("  Virtual board:  "), this));
  for (int g = 0; g < GestureCount; ++g) {
    if (g == FigureEight) {
      addSeparator();
      auto* label = new QLabel(tr("  Never seen:  "), this);
      label->setToolTip(tr("Gestures no class describes: a good network rejects them as unknown"));
      addWidget(label);
    }
    QAction* action = addAction(gestureIcon(g), gestureName(g));
    action->setToolTip(g < FigureEight
                           ? tr("Make the virtual board perform a %1").arg(gestureName(g))
                           : tr("Make the virtual board perform a %1 — a gesture it was never "
                                "taught; it should be rejected as unknown")
                                 .arg(gestureName(g)));
    connect(action, &QAction::triggered, this, [this, g] { emit gestureRequested(g); });
    m_actions.append(action);
  }
  addSeparator();
  m_demo = addAction(tr("&Demo: spontaneous gestures"));
  m_demo->setObjectName(QStringLiteral("demoGestures"));
  m_demo->setIconText(tr("Demo"));  // the toolbar is already wide; menus show the full text
  m_demo->setCheckable(true);
  m_demo->setToolTip(tr("Let the virtual board also perform gestures of its own, about one "
                        "every 5 s, as a demo. Off, every event comes from a gesture you ask "
                        "for and carries it as a suggested tag."));
  connect(m_demo, &QAction::toggled, this, &GestureToolbar::demoToggled);
  setVirtualBoard(false);
}

QAction* GestureToolbar::gestureAction(int gesture) const {
  return gesture >= 0 && gesture < m_actions.size() ? m_actions[gesture] : nullptr;
}

void GestureToolbar::setVirtualBoard(bool isVirtual) {
  m_virtual = isVirtual;
  for (QAction* a : m_actions) a->setEnabled(isVirtual);
  m_demo->setEnabled(isVirtual);
  setToolTip(isVirtual ? QString()
                       : tr("Gestures on request need the virtual board; a real board is moved "
                            "by hand."));
}

} // namespace dlm::ui
