#pragma once

#include <QString>

class QCPItemText;
class QCustomPlot;

namespace dlm::ui {

/// \brief Keeps a centred message of \p plot (an "empty" notice) inside its axis rect: before
/// every replot the text is word-wrapped to the rect's width, so a long translation or a narrow
/// dock shows the whole message on several lines instead of a clipped one.
void keepTextInsidePlot(QCustomPlot* plot, QCPItemText* item);

/// \brief Sets the message \p item shows; keepTextInsidePlot() wraps it.
void setPlotMessage(QCPItemText* item, const QString& text);

/// \brief \p text broken at spaces into lines no wider than \p width pixels in \p item's font.
QString wrappedToWidth(const QCPItemText* item, const QString& text, int width);

} // namespace dlm::ui
