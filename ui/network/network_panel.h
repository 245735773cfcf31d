#pragma once

#include <QPoint>
#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QLabel;
class QScrollArea;
class QSplitter;

namespace dlm::ui {

class Coalescer;
class NetworkCanvas;
class NeuronDetails;

/// \brief The network as the user sees it: layers as columns of neurons coloured by class and
/// sized by support; clicking a neuron shows its centre, radii, support and covered events.
class NetworkPanel : public QWidget {
  Q_OBJECT

public:
  explicit NetworkPanel(QWidget* parent = nullptr);
  ~NetworkPanel() override;

  /// \brief Layer of the selected neuron, -1 when none.
  int selectedLayer() const;
  /// \brief Index (within its layer) of the selected neuron, -1 when none.
  int selectedIndex() const;
  /// \brief Centre of neuron (\p layer, \p index) in canvas() coordinates; (-1, -1) if absent.
  QPoint neuronPosition(int layer, int index) const;
  /// \brief The drawing widget (inside a scroll area), for tests and export.
  NetworkCanvas* canvas() const { return m_canvas; }
  /// \brief The details box.
  NeuronDetails* details() const { return m_details; }

public slots:
  /// \brief Draw \p snapshot with \p classes' colours; drawn at the next repaint tick.
  void setSnapshot(const dlm::app::NetworkSnapshot& snapshot,
                   const QVector<dlm::app::ClassInfo>& classes);
  /// \brief Select neuron (\p layer, \p index) and show its details (does not emit).
  void selectNeuron(int layer, int index);
  /// \brief No selection; the details box shows its hint.
  void clearSelection();
  /// \brief Apply a pending snapshot now instead of at the next repaint tick.
  void refreshNow();

signals:
  /// \brief The user selected neuron \p index of layer \p layer (0-based).
  void neuronSelected(int layer, int index);
  /// \brief The user double-clicked covered event \p eventId in the details box.
  void eventActivated(int eventId);

protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void refresh();
  void updateSummary();
  void showDetails();
  int findNeuron(int layer, int index) const;

  QLabel* m_summary = nullptr;
  QScrollArea* m_scroll = nullptr;
  NetworkCanvas* m_canvas = nullptr;
  NeuronDetails* m_details = nullptr;
  QSplitter* m_splitter = nullptr;
  Coalescer* m_coalescer = nullptr;
  app::NetworkSnapshot m_snapshot;
  QVector<app::ClassInfo> m_classes;
  app::NetworkSnapshot m_nextSnapshot;
  QVector<app::ClassInfo> m_nextClasses;
  bool m_pending = false;
};

} // namespace dlm::ui
