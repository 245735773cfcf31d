#include "ui/geometry/network_layout.h"

#include <algorithm>
#include <cmath>

namespace dlm::ui {

int NetworkLayout::layerCount(const app::NetworkSnapshot& snapshot) {
  int layers = std::max(snapshot.depth, static_cast<int>(snapshot.neuronsPerLayer.size()));
  for (const app::NeuronInfo& n : snapshot.neurons) layers = std::max(layers, n.layer + 1);
  return layers;
}

namespace {

// Sizes of the class runs of one layer's sorted neurons.
QVector<int> classRuns(const app::NetworkSnapshot& snapshot, const QVector<int>& ids) {
  QVector<int> runs;
  int last = 0;
  for (int k = 0; k < ids.size(); ++k) {
    if (k == 0 || snapshot.neurons[ids[k]].classIndex != last) runs.append(0);
    last = snapshot.neurons[ids[k]].classIndex;
    ++runs.last();
  }
  return runs;
}

// Rows needed when each class run starts on a new row of \p subColumns cells.
int rowsNeeded(const QVector<int>& runs, int subColumns) {
  int rows = 0;
  for (int run : runs) rows += (run + subColumns - 1) / subColumns;
  return rows;
}

int subColumnsFor(const QVector<int>& runs, int count, int rows) {
  int s = 1;
  while (s < count && rowsNeeded(runs, s) > rows) ++s;
  return s;
}

} // namespace

void NetworkLayout::compute(const app::NetworkSnapshot& snapshot, const QSizeF& view,
                            const QVector<double>& headerWidths) {
  m_columns.clear();
  m_placed.clear();
  const int layers = layerCount(snapshot);
  QVector<QVector<int>> members(layers);
  std::uint32_t maxSupport = 1;
  for (int i = 0; i < snapshot.neurons.size(); ++i) {
    const app::NeuronInfo& n = snapshot.neurons[i];
    if (n.layer < 0) continue;
    members[n.layer].append(i);
    maxSupport = std::max(maxSupport, n.support);
  }
  QVector<QVector<int>> runs(layers);
  for (int layer = 0; layer < layers; ++layer) {
    QVector<int>& ids = members[layer];
    // By class, then the best-supported first: each class reads as a block of rows.
    std::sort(ids.begin(), ids.end(), [&](int a, int b) {
      const app::NeuronInfo& na = snapshot.neurons[a];
      const app::NeuronInfo& nb = snapshot.neurons[b];
      if (na.classIndex != nb.classIndex) return na.classIndex < nb.classIndex;
      if (na.support != nb.support) return na.support > nb.support;
      return na.index < nb.index;
    });
    runs[layer] = classRuns(snapshot, ids);
  }
  // The largest cell with which every layer fits the view; below kMinCell, scroll instead.
  const double top = kMargin + kHeaderHeight;
  int rows = 1;
  QVector<int> subColumns(layers, 1);
  for (m_cell = kMaxCell; m_cell >= kMinCell; m_cell -= 1.0) {
    rows = std::max(1, static_cast<int>(std::floor((view.height() - top - kMargin) / m_cell)));
    double width = kMargin;
    for (int layer = 0; layer < layers; ++layer) {
      subColumns[layer] = subColumnsFor(runs[layer], static_cast<int>(members[layer].size()), rows);
      width += std::max(subColumns[layer] * m_cell, headerWidths.value(layer, 0.0)) + kColumnGap;
    }
    if (width - kColumnGap + kMargin <= view.width()) break;
  }
  m_cell = std::max(m_cell, kMinCell);
  const double rMax = 0.45 * m_cell;
  const double rMin = std::min(0.3 * rMax, rMax);

  double x = kMargin;
  double bottom = top;
  for (int layer = 0; layer < layers; ++layer) {
    const QVector<int>& ids = members[layer];
    Column column;
    column.layer = layer;
    column.count = std::max(static_cast<int>(ids.size()), snapshot.neuronsPerLayer.value(layer));
    column.subColumns = subColumns[layer];
    const double dotsWidth = column.subColumns * m_cell;
    const double width = std::max(dotsWidth, headerWidths.value(layer, 0.0));
    const double dotsLeft = x + 0.5 * (width - dotsWidth);
    int k = 0;
    int row = 0;
    for (int run : runs[layer]) {
      for (int r = 0; r < run; ++r, ++k) {
        const app::NeuronInfo& n = snapshot.neurons[ids[k]];
        const double frac = static_cast<double>(n.support) / static_cast<double>(maxSupport);
        Placed p;
        p.neuron = ids[k];
        p.centre = QPointF(dotsLeft + (r % column.subColumns + 0.5) * m_cell,
                           top + (row + r / column.subColumns + 0.5) * m_cell);
        p.radius = std::max(rMin, rMax * std::sqrt(frac));
        m_placed.append(p);
        bottom = std::max(bottom, p.centre.y() + 0.5 * m_cell);
      }
      row += (run + column.subColumns - 1) / column.subColumns;
    }
    column.header = QRectF(x, kMargin, width, kHeaderHeight);
    m_columns.append(column);
    x += width + kColumnGap;
  }
  for (Column& c : m_columns)
    c.rect = QRectF(c.header.left() - 6, c.header.top() - 4, c.header.width() + 12,
                    bottom - c.header.top() + 10);
  m_size = QSizeF(layers > 0 ? x - kColumnGap + kMargin : 0.0, bottom + kMargin);
}

int NetworkLayout::hitTest(const QPointF& point) const {
  // Nearest centre within half a cell: small neurons stay easy to click.
  const double reach = 0.5 * m_cell;
  int best = -1;
  double bestD2 = reach * reach;
  for (int i = 0; i < m_placed.size(); ++i) {
    const QPointF d = m_placed[i].centre - point;
    const double d2 = d.x() * d.x() + d.y() * d.y();
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

int NetworkLayout::placedIndexOf(int neuron) const {
  for (int i = 0; i < m_placed.size(); ++i)
    if (m_placed[i].neuron == neuron) return i;
  return -1;
}

} // namespace dlm::ui
