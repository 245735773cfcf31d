#pragma once

#include <QLineF>
#include <QPolygonF>
#include <QVector>

namespace dlm::ui {

/// \brief A square grid of samples over a rectangle of the plane.
///
/// Sample (i, j) sits at x = xMin + i·(xMax − xMin)/(size − 1), y = yMin + j·(yMax − yMin)/(size − 1),
/// and is stored at index j·size + i (row-major, rows along y) — the layout of KnownSetMap.
struct GridGeometry {
  int size = 0;
  double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;

  double x(double i) const { return xMin + i * (xMax - xMin) / (size - 1); }
  double y(double j) const { return yMin + j * (yMax - yMin) / (size - 1); }
  double cellWidth() const { return (xMax - xMin) / (size - 1); }
  double cellHeight() const { return (yMax - yMin) / (size - 1); }
  /// \brief Index of the sample nearest to (x, y), or -1 outside the grid.
  int nearestIndex(double px, double py) const;
  /// \brief True when size ≥ 2 and the rectangle is not empty.
  bool isValid() const { return size >= 2 && xMax > xMin && yMax > yMin; }
};

/// \brief Level set {value = level} of a sampled field by marching squares, with linear
/// interpolation along cell edges and saddles resolved by the cell's mean.
///
/// Segments are chained into polylines: closed ones repeat their first point at the end, open
/// ones run from grid border to grid border. Non-finite samples count as far below (−∞, NaN)
/// or far above (+∞) the level.
QVector<QPolygonF> extractContour(const QVector<float>& values, const GridGeometry& grid,
                                  float level);

/// \brief Boundaries between regions of different class labels: in each cell, the midpoints of
/// edges whose two samples differ are joined (two midpoints: one segment; three or four: each
/// to the cell centre).
QVector<QLineF> extractClassBoundaries(const QVector<int>& classes, const GridGeometry& grid);

} // namespace dlm::ui
