#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"
#include "ui/geometry/network_layout.h"

namespace dlm::ui {

/// \brief The drawing of the network panel: layer columns of neurons, hover and selection.
/// Sized by its layout; lives in a scroll area.
class NetworkCanvas : public QWidget {
  Q_OBJECT

public:
  explicit NetworkCanvas(QWidget* parent = nullptr);

  /// \brief Draw \p snapshot with \p classes' colours; keeps the selection if it still exists.
  void setSnapshot(const app::NetworkSnapshot& snapshot, const QVector<app::ClassInfo>& classes);
  /// \brief Size the layout fits (the scroll area's viewport).
  void setViewSize(const QSize& size);
  /// \brief Highlight the neuron with snapshot index \p neuron (-1: none).
  void setSelectedNeuron(int neuron);
  int selectedNeuron() const { return m_selected; }
  /// \brief Centre of the neuron with snapshot index \p neuron, in canvas pixels.
  QPointF neuronCentre(int neuron) const;
  const NetworkLayout& layout() const { return m_layout; }

  /// \brief "Layer 1 — 42 neurons".
  static QString layerTitle(int layer, int count);

  QSize sizeHint() const override;

signals:
  /// \brief The user clicked the neuron with snapshot index \p neuron.
  void neuronClicked(int neuron);

protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  bool event(QEvent* event) override;

private:
  void relayout();
  void paintColumns(QPainter& painter) const;
  void paintNeurons(QPainter& painter) const;
  void paintEmpty(QPainter& painter) const;
  int neuronAt(const QPointF& point) const;

  app::NetworkSnapshot m_snapshot;
  QVector<app::ClassInfo> m_classes;
  NetworkLayout m_layout;
  QSize m_viewSize{600, 400};
  int m_hovered = -1;   // snapshot indices
  int m_selected = -1;
};

} // namespace dlm::ui
