#include "ui/common/plot_text.h"

#include <QFontMetrics>
#include <QStringList>
#include <QVariant>

#include <qcustomplot.h>

namespace dlm::ui {

namespace {
// The unwrapped message lives on the item as a property: its text is the wrapped copy.
constexpr const char* kMessageProperty = "dlmPlotMessage";
constexpr int kSideMargin = 12;
} // namespace

QString wrappedToWidth(const QCPItemText* item, const QString& text, int width) {
  const QFontMetrics fm(item->font());
  QStringList lines;
  QString line;
  for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
    if (!line.isEmpty() && fm.horizontalAdvance(candidate) > width) {
      lines << line;
      line = word;
    } else {
      line = candidate;
    }
  }
  if (!line.isEmpty()) lines << line;
  return lines.join(QLatin1Char('\n'));
}

void setPlotMessage(QCPItemText* item, const QString& text) {
  item->setProperty(kMessageProperty, text);
  const int width = item->parentPlot()->axisRect()->width() - 2 * kSideMargin;
  item->setText(wrappedToWidth(item, text, std::max(width, 40)));
}

void keepTextInsidePlot(QCustomPlot* plot, QCPItemText* item) {
  item->setTextAlignment(Qt::AlignHCenter);
  QObject::connect(plot, &QCustomPlot::beforeReplot, item, [item] {
    setPlotMessage(item, item->property(kMessageProperty).toString());
  });
}

} // namespace dlm::ui
