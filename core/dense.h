#pragma once

// Internal to the full kernel (DLM_CORE_REBUILD): Eigen's blocked dense kernels -- matrix
// products, rank-k updates, triangular solves, the blocked Cholesky -- with their packing
// panels in the arena.
//
// Eigen packs panels of the operands of every blocked product into a workspace it takes from
// the stack, or from the heap past EIGEN_STACK_ALLOCATION_LIMIT (128 KiB by default): a rebuild
// at the studio's capacity needs megabytes. Each wrapper below does exactly what the Eigen
// expression in its comment does -- the same dispatch, the same kernel, the same blocking
// sizes from Eigen's own heuristic, so the results are bit for bit the same -- except that the
// blocking object already points at the DenseWorkspace panels, and Eigen only allocates panels
// its blocking object lacks. The interfaces used are Eigen 3.4's internal level-3 ones, hence
// the version check; test_core_no_heap_strict builds the kernel with no stack allowance for
// Eigen at all, so that a product still asking Eigen for memory shows up as a heap allocation.

#include "core/scratch.h"  // DLM_CORE_REBUILD
#include "core/simd/dense_avx2.h"
#include "core/vectors.h"

#if DLM_CORE_REBUILD

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <type_traits>

#if !EIGEN_VERSION_AT_LEAST(3, 4, 0)
#error "core/dense.h drives Eigen 3.4's internal level-3 kernels"
#endif

namespace dlm::detail {

/// Bytes of each panel the products of a network of \p capacity ask for, at most.
void densePanelBytes(const Capacity& capacity, std::size_t& lhs, std::size_t& rhs);

namespace dense {

using Eigen::Index;

inline simd::Panels panels(const DenseWorkspace& ws) {
  return {ws.lhs, ws.lhsBytes, ws.rhs, ws.rhsBytes};
}

// Run on the AVX2 path (core/vectors.h) when chosen; false: run the baseline code.
template <typename Scalar>
bool wideGemm(const simd::GemmArgs& g, const DenseWorkspace& ws) {
  if (vectorPath() != VectorPath::Avx2Fma) return false;
  if constexpr (std::is_same<Scalar, float>::value) return simd::gemmFloat(g, panels(ws));
  if constexpr (std::is_same<Scalar, double>::value) return simd::gemmDouble(g, panels(ws));
  return false;
}

// An Eigen blocking object whose panels are the workspace's: Eigen sizes mc, nc and kc as for
// its own expression, then finds blockA and blockB set and allocates nothing.
template <typename Blocking>
class ArenaBlocking : public Blocking {
public:
  ArenaBlocking(Index rows, Index cols, Index depth, bool l3)
      : Blocking(rows, cols, depth, 1, l3) {}
  ArenaBlocking(const ArenaBlocking&) = delete;
  ArenaBlocking& operator=(const ArenaBlocking&) = delete;
  // The panels belong to the arena: Eigen's destructor must not free them.
  ~ArenaBlocking() {
    this->m_blockA = nullptr;
    this->m_blockB = nullptr;
  }

  // Point the panels at the workspace when \p lhs and \p rhs elements fit in it.
  bool bind(DenseWorkspace& ws, Index lhs, Index rhs) {
    using A = std::remove_pointer_t<decltype(this->m_blockA)>;
    using B = std::remove_pointer_t<decltype(this->m_blockB)>;
    if (ws.lhs == nullptr || std::size_t(lhs) * sizeof(A) > ws.lhsBytes ||
        std::size_t(rhs) * sizeof(B) > ws.rhsBytes) {
      ws.exceeded = true;
      return false;
    }
    this->m_blockA = static_cast<A*>(ws.lhs);
    this->m_blockB = static_cast<B*>(ws.rhs);
    return true;
  }
};

/// `dst.noalias() = lhs * rhs` (Eigen's generic_product_impl<..., GemmProduct>::evalTo), or
/// `+=` with \p accumulate.
template <typename Dst, typename Lhs, typename Rhs>
void multiply(Dst& dst, const Lhs& lhs, const Rhs& rhs, DenseWorkspace& ws,
              bool accumulate = false) {
  namespace ei = Eigen::internal;
  // Eigen's own dispatch: tiny products are coefficient-based, a single row or column is a
  // matrix-vector product; neither packs anything.
  if ((rhs.rows() + dst.rows() + dst.cols() < EIGEN_GEMM_TO_COEFFBASED_THRESHOLD &&
       rhs.rows() > 0) ||
      lhs.cols() == 0 || lhs.rows() == 0 || rhs.cols() == 0 || dst.cols() == 1 || dst.rows() == 1) {
    if (accumulate) {
      dst.noalias() += lhs * rhs;
    } else {
      dst.noalias() = lhs * rhs;
    }
    return;
  }
  using Scalar = typename Dst::Scalar;
  using LhsTraits = ei::blas_traits<Lhs>;
  using RhsTraits = ei::blas_traits<Rhs>;
  using ActualLhs = typename ei::remove_all<typename LhsTraits::DirectLinearAccessType>::type;
  using ActualRhs = typename ei::remove_all<typename RhsTraits::DirectLinearAccessType>::type;
  constexpr bool kRowMajor = (Dst::Flags & Eigen::RowMajorBit) != 0;
  // Eigen takes the smaller of the two; the kernel's operands are all of dynamic size.
  static_assert(int(Lhs::MaxColsAtCompileTime) == Eigen::Dynamic &&
                    int(Rhs::MaxRowsAtCompileTime) == Eigen::Dynamic,
                "dynamic depth");
  constexpr int kMaxDepth = Eigen::Dynamic;
  using Blocking = ei::gemm_blocking_space<kRowMajor ? Eigen::RowMajor : Eigen::ColMajor, Scalar,
                                           Scalar, Dst::MaxRowsAtCompileTime,
                                           Dst::MaxColsAtCompileTime, kMaxDepth>;
  using Gemm = ei::general_matrix_matrix_product<
      Index, Scalar, (ActualLhs::Flags & Eigen::RowMajorBit) ? Eigen::RowMajor : Eigen::ColMajor,
      bool(LhsTraits::NeedToConjugate), Scalar,
      (ActualRhs::Flags & Eigen::RowMajorBit) ? Eigen::RowMajor : Eigen::ColMajor,
      bool(RhsTraits::NeedToConjugate), kRowMajor ? Eigen::RowMajor : Eigen::ColMajor,
      Dst::InnerStrideAtCompileTime>;

  if (!accumulate) dst.setZero();
  const auto& a = LhsTraits::extract(lhs);
  const auto& b = RhsTraits::extract(rhs);
  const Scalar alpha = ei::combine_scalar_factors(Scalar(1), lhs, rhs);
  if (int(Dst::InnerStrideAtCompileTime) == 1 &&
      wideGemm<Scalar>({dst.rows(), dst.cols(), a.cols(), &a.coeffRef(0, 0), a.outerStride(),
                        (ActualLhs::Flags & Eigen::RowMajorBit) != 0, &b.coeffRef(0, 0),
                        b.outerStride(), (ActualRhs::Flags & Eigen::RowMajorBit) != 0,
                        &dst.coeffRef(0, 0), dst.outerStride(), kRowMajor, double(alpha)},
                       ws)) {
    return;
  }
  ArenaBlocking<Blocking> blocking(dst.rows(), dst.cols(), a.cols(), true);
  // A row-major product runs transposed: its "rows" are the destination's columns.
  const Index m = kRowMajor ? dst.cols() : dst.rows();
  const Index n = kRowMajor ? dst.rows() : dst.cols();
  const Index kc = blocking.kc();
  if (!blocking.bind(ws, kc * std::min(m, blocking.mc()), kc * std::min(n, blocking.nc()))) {
    return;
  }
  Gemm::run(dst.rows(), dst.cols(), a.cols(), &a.coeffRef(0, 0), a.outerStride(),
            &b.coeffRef(0, 0), b.outerStride(), &dst.coeffRef(0, 0), dst.innerStride(),
            dst.outerStride(), alpha, blocking);
}

/// `mat.selfadjointView<UpLo>().rankUpdate(other, alpha)`: the UpLo triangle of mat gets
/// alpha other other^T (Eigen's selfadjoint_product_selector<..., false>).
template <int UpLo, typename Mat, typename Other>
void rankUpdate(Mat& mat, const Other& other, typename Mat::Scalar alpha, DenseWorkspace& ws) {
  namespace ei = Eigen::internal;
  using Scalar = typename Mat::Scalar;
  using OtherTraits = ei::blas_traits<Other>;
  using ActualOther = typename ei::remove_all<typename OtherTraits::DirectLinearAccessType>::type;
  static_assert((ei::traits<Mat>::Flags & Eigen::RowMajorBit) == 0, "column-major result");
  static_assert(!Eigen::NumTraits<Scalar>::IsComplex, "real scalars");
  constexpr bool kOtherRowMajor = (ActualOther::Flags & Eigen::RowMajorBit) != 0;
  using Blocking = ei::gemm_blocking_space<Eigen::ColMajor, Scalar, Scalar,
                                           Mat::MaxColsAtCompileTime, Mat::MaxColsAtCompileTime,
                                           ActualOther::MaxColsAtCompileTime>;
  using Syrk = ei::general_matrix_matrix_triangular_product<
      Index, Scalar, kOtherRowMajor ? Eigen::RowMajor : Eigen::ColMajor, false, Scalar,
      kOtherRowMajor ? Eigen::ColMajor : Eigen::RowMajor, false, Eigen::ColMajor,
      Mat::InnerStrideAtCompileTime, UpLo>;

  const auto& u = OtherTraits::extract(other.derived());
  const Scalar actualAlpha = alpha * OtherTraits::extractScalarFactor(other.derived());
  const Index size = mat.cols();
  const Index depth = u.cols();
  if (int(Mat::InnerStrideAtCompileTime) == 1 && UpLo == Eigen::Lower &&
      vectorPath() == VectorPath::Avx2Fma) {
    bool done = false;
    if constexpr (std::is_same<Scalar, float>::value) {
      done = simd::syrkLowerFloat(size, depth, u.data(), u.outerStride(), kOtherRowMajor,
                                  mat.data(), mat.outerStride(), actualAlpha, panels(ws));
    } else if constexpr (std::is_same<Scalar, double>::value) {
      done = simd::syrkLowerDouble(size, depth, u.data(), u.outerStride(), kOtherRowMajor,
                                   mat.data(), mat.outerStride(), actualAlpha, panels(ws));
    }
    if (done) return;
  }
  ArenaBlocking<Blocking> blocking(size, size, depth, false);
  const Index kc = blocking.kc();
  if (!blocking.bind(ws, kc * std::min(size, blocking.mc()), kc * size)) return;
  Syrk::run(size, depth, u.data(), u.outerStride(), u.data(), u.outerStride(), mat.data(),
            mat.innerStride(), mat.outerStride(), actualAlpha, blocking);
}

/// `tri.triangularView<Mode>().solveInPlace<Side>(other)` (Eigen's
/// triangular_solver_selector<..., Dynamic>): \p tri is the view's nested matrix.
template <int Side, int Mode, typename Tri, typename Other>
void solveTriangular(const Tri& tri, Other& other, DenseWorkspace& ws) {
  namespace ei = Eigen::internal;
  using Scalar = typename Other::Scalar;
  using TriTraits = ei::blas_traits<Tri>;
  static_assert((Other::Flags & Eigen::RowMajorBit) == 0, "column-major right-hand sides");
  using Blocking =
      ei::gemm_blocking_space<Eigen::ColMajor, Scalar, Scalar, Other::MaxRowsAtCompileTime,
                              Other::MaxColsAtCompileTime, Tri::MaxRowsAtCompileTime, 4>;
  using Trsm = ei::triangular_solve_matrix<
      Scalar, Index, Side, Mode, TriTraits::NeedToConjugate,
      (int(Tri::Flags) & Eigen::RowMajorBit) ? Eigen::RowMajor : Eigen::ColMajor, Eigen::ColMajor,
      Other::InnerStrideAtCompileTime>;

  if (tri.cols() == 0 || other.size() == 0) return;
  const auto& t = TriTraits::extract(tri);
  const Index size = tri.rows();
  const Index others = Side == Eigen::OnTheLeft ? other.cols() : other.rows();
  ArenaBlocking<Blocking> blocking(other.rows(), other.cols(), size, false);
  const Index kc = blocking.kc();
  const bool fits = Side == Eigen::OnTheLeft
                        ? blocking.bind(ws, kc * std::min(size, blocking.mc()), kc * others)
                        : blocking.bind(ws, kc * std::min(others, blocking.mc()), kc * size);
  if (!fits) return;
  if constexpr (std::is_same<Scalar, double>::value && int(Other::InnerStrideAtCompileTime) == 1 &&
                (Mode == Eigen::Lower || Mode == Eigen::Upper)) {
    if (vectorPath() == VectorPath::Avx2Fma &&
        simd::trsmDouble({Side == Eigen::OnTheLeft, Mode == Eigen::Lower, size, others,
                          &t.coeffRef(0, 0), t.outerStride(),
                          (int(Tri::Flags) & Eigen::RowMajorBit) != 0, &other.coeffRef(0, 0),
                          other.outerStride()},
                         panels(ws))) {
      return;
    }
  }
  Trsm::run(size, others, &t.coeffRef(0, 0), t.outerStride(), &other.coeffRef(0, 0),
            other.innerStride(), other.outerStride(), blocking);
}

/// Cholesky factor of the lower triangle of \p m, in place: Eigen's
/// LLT<Ref<...>, Lower>(m), i.e. llt_inplace<Scalar, Lower>::blocked(). Returns -1, or the
/// column where m proved not positive definite.
template <typename Mat>
Index choleskyInPlace(Mat& m, DenseWorkspace& ws) {
  using Scalar = typename Mat::Scalar;
  using Unblocked = Eigen::internal::llt_inplace<Scalar, Eigen::Lower>;
  const Index size = m.rows();
  if (size < 32) return Unblocked::unblocked(m);
  Index blockSize = size / 8;
  blockSize = (blockSize / 16) * 16;
  blockSize = std::min(std::max(blockSize, Index(8)), Index(128));
  for (Index k = 0; k < size; k += blockSize) {
    const Index bs = std::min(blockSize, size - k);
    const Index rs = size - k - bs;
    Eigen::Block<Mat, Eigen::Dynamic, Eigen::Dynamic> a11(m, k, k, bs, bs);
    Eigen::Block<Mat, Eigen::Dynamic, Eigen::Dynamic> a21(m, k + bs, k, rs, bs);
    Eigen::Block<Mat, Eigen::Dynamic, Eigen::Dynamic> a22(m, k + bs, k + bs, rs, rs);
    const Index ret = Unblocked::unblocked(a11);
    if (ret >= 0) return k + ret;
    if (rs > 0) solveTriangular<Eigen::OnTheRight, Eigen::Upper>(a11.adjoint(), a21, ws);
    if (rs > 0) rankUpdate<Eigen::Lower>(a22, a21, Scalar(-1), ws);
  }
  return -1;
}

} // namespace dense
} // namespace dlm::detail

#endif // DLM_CORE_REBUILD
