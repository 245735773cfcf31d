#pragma once

// Internal to the full kernel: the rebuild's large products cut into fixed pieces (by
// neurons, by strips of the Gram matrix), each run with its worker's packing panels. The
// pieces do not depend on the number of workers, so neither do the results.

#include "core/dense.h"
#include "core/parallel.h"

#if DLM_CORE_REBUILD

namespace dlm::detail {

/// Neurons (columns of a product, rows of a Gram strip) per piece.
constexpr int kPieceNeurons = 128;

/// \brief Pieces of kPieceNeurons over \p total, the last one taking the remainder too: a
/// piece of a single row or column would make Eigen copy a strided vector into a temporary
/// (an allocation, which the kernel never makes after init).
inline int pieceCount(int total) { return total / kPieceNeurons > 1 ? total / kPieceNeurons : 1; }
inline int pieceSize(int total, int piece) {
  return piece == pieceCount(total) - 1 ? total - piece * kPieceNeurons : kPieceNeurons;
}

/// \brief dst = lhs * rows^T, dst being events x neurons and \p rows neurons x depth, cut by
/// neurons.
template <typename Dst, typename Lhs, typename Rows>
void multiplyByNeurons(Dst& dst, const Lhs& lhs, const Rows& rows, TaskRunner* runner,
                       DenseWorkspace* workspaces) {
  const int k = int(dst.cols());
  auto piece = [&](int t, int worker) {
    const int first = t * kPieceNeurons;
    const int count = pieceSize(k, t);
    auto part = dst.middleCols(first, count);
    dense::multiply(part, lhs, rows.middleRows(first, count).transpose(), workspaces[worker]);
  };
  forEachTask(runner, pieceCount(k), piece, double(dst.rows()) * double(lhs.cols()) * k);
}

/// \brief The lower triangle of \p gram (n x n, column-major) += A A^T, A being n x events
/// (the transposed row-major activations of a block), in horizontal strips.
template <typename Gram, typename A>
void rankUpdateByStrips(Gram& gram, const A& a, TaskRunner* runner,
                        DenseWorkspace* workspaces) {
  const int n = int(gram.rows());
  auto piece = [&](int t, int worker) {
    const int first = t * kPieceNeurons;
    const int count = pieceSize(n, t);
    if (first > 0) {
      auto left = gram.block(first, 0, count, first);
      dense::multiply(left, a.middleRows(first, count), a.topRows(first).transpose(),
                      workspaces[worker], true);
    }
    auto diagonal = gram.block(first, first, count, count);
    dense::rankUpdate<Eigen::Lower>(diagonal, a.middleRows(first, count), 1.0f,
                                    workspaces[worker]);
  };
  forEachTask(runner, pieceCount(n), piece, double(n) * double(n) * double(a.cols()) / 2);
}

} // namespace dlm::detail

#endif // DLM_CORE_REBUILD
