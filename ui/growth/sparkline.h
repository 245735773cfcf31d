#pragma once

#include <QColor>
#include <QVector>
#include <QWidget>

namespace dlm::ui {

/// \brief A small line plot of a whole vector (a neuron's centre or radii) with its range.
class Sparkline : public QWidget {
  Q_OBJECT

public:
  explicit Sparkline(QWidget* parent = nullptr);

  /// \brief Show \p values (index on x, value on y); empty clears the plot.
  void setValues(const QVector<float>& values);
  /// \brief Line colour.
  void setColour(const QColor& colour);
  const QVector<float>& values() const { return m_values; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

protected:
  void paintEvent(QPaintEvent* event) override;

private:
  QVector<float> m_values;
  QColor m_colour;
};

} // namespace dlm::ui
