// The dense products of core/dense.h for AVX2 and FMA. This file alone is compiled with
// -mavx2 -mfma. Eigen is included under another namespace name, so its templates instantiated
// here (kernels, packing, blocking) are distinct symbols: the linker cannot pick them for the
// baseline code, which runs on CPUs without AVX2. Nothing else is included; tests check the
// linked programs for AVX code outside this namespace (tests/core/check_avx_symbols.sh).
#define Eigen dlm_eigen_avx2
#include <Eigen/Core>

#include "core/simd/dense_avx2.h"

namespace dlm::detail::simd {

namespace {

namespace ei = Eigen::internal;
using Eigen::Index;

// Eigen's AVX packing stores whole 32-byte packets: start the panels on a cache line (a
// caller's buffer may be only 16-byte aligned), giving up the bytes skipped.
void* alignedPanel(void* p, std::size_t& bytes) {
  constexpr std::size_t kLine = 64;
  const std::size_t address = reinterpret_cast<std::size_t>(p);
  const std::size_t skip = (kLine - address % kLine) % kLine;
  if (p == nullptr || skip > bytes) {
    bytes = 0;
    return nullptr;
  }
  bytes -= skip;
  return static_cast<unsigned char*>(p) + skip;
}

// Eigen's blocking for a product of this shape, with its panels in the lent workspace. The
// panel sizes the workspace was carved for follow the baseline's blocking; this one's panels
// are usually smaller, and where a product's are not, its row and column blocks shrink to
// fit (that reorders no sum: the depth blocking, which sets the rounding, is kept).
template <int Order, typename Scalar, int KcFactor>
class PanelBlocking
    : public ei::gemm_blocking_space<Order, Scalar, Scalar, Eigen::Dynamic, Eigen::Dynamic,
                                     Eigen::Dynamic, KcFactor> {
  using Base = ei::gemm_blocking_space<Order, Scalar, Scalar, Eigen::Dynamic, Eigen::Dynamic,
                                       Eigen::Dynamic, KcFactor>;
  using Traits = ei::gebp_traits<Scalar, Scalar>;

public:
  PanelBlocking(Index rows, Index cols, Index depth, bool l3) : Base(rows, cols, depth, 1, l3) {}
  PanelBlocking(const PanelBlocking&) = delete;
  PanelBlocking& operator=(const PanelBlocking&) = delete;
  ~PanelBlocking() {
    this->m_blockA = nullptr;
    this->m_blockB = nullptr;
  }

  // Panels for m rows and n columns of the product (n whole when \p wholeN).
  bool bind(const Panels& p, Index m, Index n, bool wholeN) {
    const Index kc = this->m_kc;
    std::size_t lhsBytes = p.lhsBytes;
    std::size_t rhsBytes = p.rhsBytes;
    void* lhs = alignedPanel(p.lhs, lhsBytes);
    void* rhs = alignedPanel(p.rhs, rhsBytes);
    const Index lhsElems = Index(lhsBytes / sizeof(Scalar));
    const Index rhsElems = Index(rhsBytes / sizeof(Scalar));
    if (lhs == nullptr || rhs == nullptr || kc <= 0) return false;
    if (kc * std::min(m, this->m_mc) > lhsElems) {
      this->m_mc = (lhsElems / kc) / Traits::mr * Traits::mr;
      if (this->m_mc < Traits::mr) return false;
    }
    const Index nWanted = wholeN ? n : std::min(n, this->m_nc);
    if (kc * nWanted > rhsElems) {
      if (wholeN) return false;
      this->m_nc = (rhsElems / kc) / Traits::nr * Traits::nr;
      if (this->m_nc < Traits::nr) return false;
    }
    this->m_blockA = static_cast<Scalar*>(lhs);
    this->m_blockB = static_cast<Scalar*>(rhs);
    return true;
  }
};

template <typename Scalar, int LhsOrder, int RhsOrder, int ResOrder>
bool gemmAs(const GemmArgs& g, const Panels& p) {
  using Gemm = ei::general_matrix_matrix_product<Index, Scalar, LhsOrder, false, Scalar, RhsOrder,
                                                 false, ResOrder, 1>;
  PanelBlocking<ResOrder, Scalar, 1> blocking(g.rows, g.cols, g.depth, true);
  // A row-major product runs transposed: its "rows" are the result's columns.
  const bool rowMajor = ResOrder == Eigen::RowMajor;
  if (!blocking.bind(p, rowMajor ? g.cols : g.rows, rowMajor ? g.rows : g.cols, false)) {
    return false;
  }
  Gemm::run(g.rows, g.cols, g.depth, static_cast<const Scalar*>(g.lhs), g.lhsStride,
            static_cast<const Scalar*>(g.rhs), g.rhsStride, static_cast<Scalar*>(g.res), 1,
            g.resStride, Scalar(g.alpha), blocking);
  return true;
}

template <typename Scalar, int LhsOrder, int RhsOrder>
bool gemmRes(const GemmArgs& g, const Panels& p) {
  return g.resRowMajor ? gemmAs<Scalar, LhsOrder, RhsOrder, Eigen::RowMajor>(g, p)
                       : gemmAs<Scalar, LhsOrder, RhsOrder, Eigen::ColMajor>(g, p);
}

template <typename Scalar, int LhsOrder>
bool gemmRhs(const GemmArgs& g, const Panels& p) {
  return g.rhsRowMajor ? gemmRes<Scalar, LhsOrder, Eigen::RowMajor>(g, p)
                       : gemmRes<Scalar, LhsOrder, Eigen::ColMajor>(g, p);
}

template <typename Scalar>
bool gemm(const GemmArgs& g, const Panels& p) {
  return g.lhsRowMajor ? gemmRhs<Scalar, Eigen::RowMajor>(g, p)
                       : gemmRhs<Scalar, Eigen::ColMajor>(g, p);
}

template <typename Scalar, int OtherOrder>
bool syrkAs(long size, long depth, const Scalar* u, long uStride, Scalar* mat, long matStride,
            Scalar alpha, const Panels& p) {
  constexpr int kTransposedOrder = OtherOrder == Eigen::RowMajor ? Eigen::ColMajor
                                                                 : Eigen::RowMajor;
  using Syrk = ei::general_matrix_matrix_triangular_product<
      Index, Scalar, OtherOrder, false, Scalar, kTransposedOrder, false, Eigen::ColMajor, 1,
      Eigen::Lower>;
  PanelBlocking<Eigen::ColMajor, Scalar, 1> blocking(size, size, depth, false);
  if (!blocking.bind(p, size, size, true)) return false;
  Syrk::run(size, depth, u, uStride, u, uStride, mat, 1, matStride, alpha, blocking);
  return true;
}

template <int Side, int Mode, int TriOrder>
bool trsmAs(const TrsmArgs& t, const Panels& p) {
  using Trsm = ei::triangular_solve_matrix<double, Index, Side, Mode, false, TriOrder,
                                           Eigen::ColMajor, 1>;
  // As core/dense.h's solveTriangular: the blocking of the other operand's shape, kc from
  // the triangle's size, KcFactor 4.
  const Index rows = Side == Eigen::OnTheLeft ? t.size : t.otherSize;
  const Index cols = Side == Eigen::OnTheLeft ? t.otherSize : t.size;
  PanelBlocking<Eigen::ColMajor, double, 4> blocking(rows, cols, t.size, false);
  const bool bound = Side == Eigen::OnTheLeft ? blocking.bind(p, t.size, t.otherSize, true)
                                              : blocking.bind(p, t.otherSize, t.size, true);
  if (!bound) return false;
  Trsm::run(t.size, t.otherSize, t.tri, t.triStride, t.other, 1, t.otherStride, blocking);
  return true;
}

template <int Side, int Mode>
bool trsmOrder(const TrsmArgs& t, const Panels& p) {
  return t.triRowMajor ? trsmAs<Side, Mode, Eigen::RowMajor>(t, p)
                       : trsmAs<Side, Mode, Eigen::ColMajor>(t, p);
}

template <int Side>
bool trsmMode(const TrsmArgs& t, const Panels& p) {
  return t.lower ? trsmOrder<Side, Eigen::Lower>(t, p) : trsmOrder<Side, Eigen::Upper>(t, p);
}

template <typename Scalar>
bool syrk(long size, long depth, const Scalar* u, long uStride, bool uRowMajor, Scalar* mat,
          long matStride, Scalar alpha, const Panels& p) {
  return uRowMajor
             ? syrkAs<Scalar, Eigen::RowMajor>(size, depth, u, uStride, mat, matStride, alpha, p)
             : syrkAs<Scalar, Eigen::ColMajor>(size, depth, u, uStride, mat, matStride, alpha, p);
}

} // namespace

bool trsmDouble(const TrsmArgs& t, const Panels& p) {
  return t.left ? trsmMode<Eigen::OnTheLeft>(t, p) : trsmMode<Eigen::OnTheRight>(t, p);
}

bool gemmFloat(const GemmArgs& g, const Panels& p) { return gemm<float>(g, p); }
bool gemmDouble(const GemmArgs& g, const Panels& p) { return gemm<double>(g, p); }

bool syrkLowerFloat(long size, long depth, const float* u, long uStride, bool uRowMajor,
                    float* mat, long matStride, float alpha, const Panels& p) {
  return syrk(size, depth, u, uStride, uRowMajor, mat, matStride, alpha, p);
}

bool syrkLowerDouble(long size, long depth, const double* u, long uStride, bool uRowMajor,
                     double* mat, long matStride, double alpha, const Panels& p) {
  return syrk(size, depth, u, uStride, uRowMajor, mat, matStride, alpha, p);
}

} // namespace dlm::detail::simd
