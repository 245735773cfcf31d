#include "ui/growth/sparkline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace dlm::ui {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent), m_colour(0x30, 0x5f, 0x9e) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QVector<float>& values) {
  m_values = values;
  update();
}

void Sparkline::setColour(const QColor& colour) {
  m_colour = colour;
  update();
}

QSize Sparkline::sizeHint() const { return {220, 44}; }

QSize Sparkline::minimumSizeHint() const { return {80, 44}; }

void Sparkline::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
  p.setPen(QColor(0xd0, 0xd0, 0xd0));
  p.setBrush(QColor(0xfa, 0xfa, 0xfa));
  p.drawRect(frame);
  if (m_values.isEmpty()) return;

  // Range labels on the left keep the plot honest about scale without axes.
  const QFontMetrics fm = p.fontMetrics();
  const auto [lo, hi] = std::minmax_element(m_values.cbegin(), m_values.cend());
  const float vMin = *lo;
  const float vMax = *hi;
  const QString top = locale().toString(static_cast<double>(vMax), 'g', 3);
  const QString bottom = locale().toString(static_cast<double>(vMin), 'g', 3);
  const int labelWidth = std::max(fm.horizontalAdvance(top), fm.horizontalAdvance(bottom)) + 6;
  const QRectF plot = frame.adjusted(labelWidth, 4, -4, -4);
  p.setPen(QColor(0x70, 0x70, 0x70));
  p.drawText(QRectF(frame.left() + 2, frame.top() + 1, labelWidth - 4, fm.height()),
             Qt::AlignRight | Qt::AlignTop, top);
  p.drawText(QRectF(frame.left() + 2, frame.bottom() - fm.height() - 1, labelWidth - 4,
                    fm.height()),
             Qt::AlignRight | Qt::AlignBottom, bottom);

  const double span = vMax > vMin ? static_cast<double>(vMax - vMin) : 1.0;
  const auto yOf = [&](float v) {
    return plot.bottom() - (static_cast<double>(v - vMin) / span) * plot.height();
  };
  if (vMin < 0.0f && vMax > 0.0f) {  // zero line: signs matter for a centre
    p.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 1, Qt::DashLine));
    p.drawLine(QPointF(plot.left(), yOf(0.0f)), QPointF(plot.right(), yOf(0.0f)));
  }
  const int n = static_cast<int>(m_values.size());
  const double dx = n > 1 ? plot.width() / (n - 1) : 0.0;
  QPainterPath path;
  for (int i = 0; i < n; ++i) {
    const QPointF pt(plot.left() + dx * i, n > 1 ? yOf(m_values[i]) : plot.center().y());
    if (i == 0) path.moveTo(pt); else path.lineTo(pt);
  }
  p.setPen(QPen(m_colour, 1.5));
  p.setBrush(Qt::NoBrush);
  p.drawPath(path);
  if (n == 1) p.drawEllipse(path.pointAtPercent(0), 2, 2);
}

} // namespace dlm::ui
