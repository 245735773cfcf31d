#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

#include "app/views/snapshots.h"

namespace dlm::ui {

/// \brief Where the network panel draws each layer and neuron: layers are columns, neurons
/// sorted by class then support, wrapped into sub-columns when a layer is taller than the view.
/// Pure geometry, so hit-testing is testable without painting.
class NetworkLayout {
public:
  /// \brief One drawn neuron.
  struct Placed {
    int neuron = -1;     ///< index into NetworkSnapshot::neurons
    QPointF centre;
    double radius = 0.0; ///< area proportional to support
  };
  /// \brief One drawn layer.
  struct Column {
    int layer = 0;
    int count = 0;
    int subColumns = 0;
    QRectF rect;         ///< whole column, header included
    QRectF header;
  };

  static constexpr double kMaxCell = 30.0;
  static constexpr double kMinCell = 12.0;
  static constexpr double kHeaderHeight = 40.0;
  static constexpr double kMargin = 12.0;
  static constexpr double kColumnGap = 44.0;

  /// \brief Lay \p snapshot out in \p view: the largest cells with which every layer fits,
  /// wrapping a layer into sub-columns (each class starting a new row) when it is taller than
  /// the view; \p headerWidths gives the width each column's header needs.
  void compute(const app::NetworkSnapshot& snapshot, const QSizeF& view,
               const QVector<double>& headerWidths);

  const QVector<Column>& columns() const { return m_columns; }
  const QVector<Placed>& placed() const { return m_placed; }
  /// \brief Size of the whole drawing.
  QSizeF size() const { return m_size; }
  /// \brief Side of one neuron's cell.
  double cell() const { return m_cell; }
  /// \brief Layers drawn: the largest of depth, neuronsPerLayer and the neurons' layers.
  static int layerCount(const app::NetworkSnapshot& snapshot);

  /// \brief Index into placed() of the neuron under \p point, or -1.
  int hitTest(const QPointF& point) const;
  /// \brief Index into placed() of the neuron with snapshot index \p neuron, or -1.
  int placedIndexOf(int neuron) const;

private:
  QVector<Column> m_columns;
  QVector<Placed> m_placed;
  QSizeF m_size;
  double m_cell = kMaxCell;
};

} // namespace dlm::ui
