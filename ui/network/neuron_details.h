#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace dlm::ui {

class Sparkline;

/// \brief The details box of the network panel: one neuron's class, support, centre, metric
/// radii and covered events.
class NeuronDetails : public QWidget {
  Q_OBJECT

public:
  explicit NeuronDetails(QWidget* parent = nullptr);

  /// \brief Show \p neuron (coloured with \p classes).
  void setNeuron(const app::NeuronInfo& neuron, const QVector<app::ClassInfo>& classes);
  /// \brief Back to the "click a neuron" hint.
  void clear();
  /// \brief Number of covered events listed.
  int coveredCount() const;

signals:
  /// \brief A covered event was double-clicked (or Enter pressed on it).
  void eventActivated(int eventId);

private:
  QWidget* buildDetailsPage();

  QStackedWidget* m_stack = nullptr;
  QLabel* m_title = nullptr;
  QLabel* m_class = nullptr;
  QLabel* m_support = nullptr;
  QLabel* m_centreText = nullptr;
  Sparkline* m_centrePlot = nullptr;
  QLabel* m_radiiText = nullptr;
  Sparkline* m_radiiPlot = nullptr;
  QLabel* m_coveredTitle = nullptr;
  QListWidget* m_covered = nullptr;
};

} // namespace dlm::ui
