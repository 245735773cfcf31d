#include "ui/geometry/contour.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace dlm::ui {

namespace {

// Edge numbering inside a cell: 0 bottom (j), 1 right (i+1), 2 top (j+1), 3 left (i).
struct CellSegments {
  int count = 0;
  std::array<std::array<int, 2>, 2> edges{};
};

CellSegments segmentsFor(int mask, bool centreAbove) {
  switch (mask) {
  case 1: case 14: return {1, {{{3, 0}}}};
  case 2: case 13: return {1, {{{0, 1}}}};
  case 3: case 12: return {1, {{{3, 1}}}};
  case 4: case 11: return {1, {{{1, 2}}}};
  case 6: case 9: return {1, {{{0, 2}}}};
  case 7: case 8: return {1, {{{3, 2}}}};
  case 5:  // corners 0 and 2 above: joined through the centre or not
    return centreAbove ? CellSegments{2, {{{0, 1}, {2, 3}}}} : CellSegments{2, {{{3, 0}, {1, 2}}}};
  case 10:  // corners 1 and 3 above
    return centreAbove ? CellSegments{2, {{{3, 0}, {1, 2}}}} : CellSegments{2, {{{0, 1}, {2, 3}}}};
  default: return {};
  }
}

double finiteValue(float v) {
  if (std::isnan(v)) return -1e30;
  return std::clamp(static_cast<double>(v), -1e30, 1e30);
}

class ContourBuilder {
public:
  ContourBuilder(const QVector<float>& values, const GridGeometry& grid, float level)
      : m_values(values), m_grid(grid), m_level(level), m_n(grid.size),
        m_horizontalEdges(grid.size * (grid.size - 1)) {}

  QVector<QPolygonF> run() {
    collectSegments();
    return chain();
  }

private:
  double value(int i, int j) const { return finiteValue(m_values[j * m_n + i]); }

  // Global id of edge e of cell (i, j): horizontal edges first, then vertical ones.
  int edgeId(int i, int j, int e) const {
    switch (e) {
    case 0: return j * (m_n - 1) + i;
    case 2: return (j + 1) * (m_n - 1) + i;
    case 1: return m_horizontalEdges + j * m_n + (i + 1);
    default: return m_horizontalEdges + j * m_n + i;
    }
  }

  QPointF edgePoint(int id) const {
    int i0, j0, i1, j1;
    if (id < m_horizontalEdges) {
      j0 = j1 = id / (m_n - 1);
      i0 = id % (m_n - 1);
      i1 = i0 + 1;
    } else {
      const int v = id - m_horizontalEdges;
      j0 = v / m_n;
      i0 = i1 = v % m_n;
      j1 = j0 + 1;
    }
    const double a = value(i0, j0);
    const double b = value(i1, j1);
    const double t = a == b ? 0.5 : std::clamp((m_level - a) / (b - a), 0.0, 1.0);
    return {m_grid.x(i0 + t * (i1 - i0)), m_grid.y(j0 + t * (j1 - j0))};
  }

  void collectSegments() {
    for (int j = 0; j + 1 < m_n; ++j) {
      for (int i = 0; i + 1 < m_n; ++i) {
        const double v00 = value(i, j), v10 = value(i + 1, j);
        const double v11 = value(i + 1, j + 1), v01 = value(i, j + 1);
        const int mask = (v00 >= m_level ? 1 : 0) | (v10 >= m_level ? 2 : 0) |
                         (v11 >= m_level ? 4 : 0) | (v01 >= m_level ? 8 : 0);
        const bool centreAbove = 0.25 * (v00 + v10 + v11 + v01) >= m_level;
        const CellSegments cs = segmentsFor(mask, centreAbove);
        for (int s = 0; s < cs.count; ++s)
          m_segments.push_back({edgeId(i, j, cs.edges[static_cast<std::size_t>(s)][0]),
                                edgeId(i, j, cs.edges[static_cast<std::size_t>(s)][1])});
      }
    }
  }

  QVector<QPolygonF> chain() {
    // Each edge is shared by at most two cells, so by at most two segments.
    const int edges = 2 * m_horizontalEdges;
    std::vector<std::array<int, 2>> touching(static_cast<std::size_t>(edges), {-1, -1});
    for (int s = 0; s < static_cast<int>(m_segments.size()); ++s)
      for (int end : m_segments[static_cast<std::size_t>(s)]) {
        auto& slot = touching[static_cast<std::size_t>(end)];
        (slot[0] < 0 ? slot[0] : slot[1]) = s;
      }
    std::vector<bool> used(m_segments.size(), false);
    QVector<QPolygonF> lines;
    const auto walk = [&](int seg, int fromEdge) {
      QPolygonF line;
      line << edgePoint(fromEdge);
      int edge = fromEdge;
      while (seg >= 0 && !used[static_cast<std::size_t>(seg)]) {
        used[static_cast<std::size_t>(seg)] = true;
        const auto& ends = m_segments[static_cast<std::size_t>(seg)];
        edge = ends[0] == edge ? ends[1] : ends[0];
        line << edgePoint(edge);
        const auto& next = touching[static_cast<std::size_t>(edge)];
        seg = next[0] == seg ? next[1] : next[0];
      }
      lines.append(line);
    };
    // Open lines start at an edge only one segment touches (the grid border).
    for (int s = 0; s < static_cast<int>(m_segments.size()); ++s) {
      if (used[static_cast<std::size_t>(s)]) continue;
      for (int end : m_segments[static_cast<std::size_t>(s)]) {
        if (touching[static_cast<std::size_t>(end)][1] < 0) {
          walk(s, end);
          break;
        }
      }
    }
    for (int s = 0; s < static_cast<int>(m_segments.size()); ++s)  // the rest are loops
      if (!used[static_cast<std::size_t>(s)]) walk(s, m_segments[static_cast<std::size_t>(s)][0]);
    return lines;
  }

  const QVector<float>& m_values;
  const GridGeometry& m_grid;
  double m_level;
  int m_n;
  int m_horizontalEdges;
  std::vector<std::array<int, 2>> m_segments;
};

} // namespace

int GridGeometry::nearestIndex(double px, double py) const {
  if (!isValid()) return -1;
  const double fi = (px - xMin) / cellWidth();
  const double fj = (py - yMin) / cellHeight();
  const auto i = static_cast<int>(std::lround(fi));
  const auto j = static_cast<int>(std::lround(fj));
  if (i < 0 || j < 0 || i >= size || j >= size) return -1;
  return j * size + i;
}

QVector<QPolygonF> extractContour(const QVector<float>& values, const GridGeometry& grid,
                                  float level) {
  if (!grid.isValid() || values.size() != grid.size * grid.size || !std::isfinite(level))
    return {};
  return ContourBuilder(values, grid, level).run();
}

QVector<QLineF> extractClassBoundaries(const QVector<int>& classes, const GridGeometry& grid) {
  QVector<QLineF> lines;
  if (!grid.isValid() || classes.size() != grid.size * grid.size) return lines;
  const int n = grid.size;
  const auto at = [&](int i, int j) { return classes[j * n + i]; };
  for (int j = 0; j + 1 < n; ++j) {
    for (int i = 0; i + 1 < n; ++i) {
      const int c00 = at(i, j), c10 = at(i + 1, j), c11 = at(i + 1, j + 1), c01 = at(i, j + 1);
      if (c00 == c10 && c10 == c11 && c11 == c01) continue;
      std::array<QPointF, 4> mids;
      int k = 0;
      if (c00 != c10) mids[static_cast<std::size_t>(k++)] = {grid.x(i + 0.5), grid.y(j)};
      if (c10 != c11) mids[static_cast<std::size_t>(k++)] = {grid.x(i + 1), grid.y(j + 0.5)};
      if (c01 != c11) mids[static_cast<std::size_t>(k++)] = {grid.x(i + 0.5), grid.y(j + 1)};
      if (c00 != c01) mids[static_cast<std::size_t>(k++)] = {grid.x(i), grid.y(j + 0.5)};
      if (k == 2) {
        lines.append(QLineF(mids[0], mids[1]));
      } else {
        const QPointF centre(grid.x(i + 0.5), grid.y(j + 0.5));
        for (int m = 0; m < k; ++m) lines.append(QLineF(mids[static_cast<std::size_t>(m)], centre));
      }
    }
  }
  return lines;
}

} // namespace dlm::ui
