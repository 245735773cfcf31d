// The direct full construction: structure by refinement, readout by a least-squares solve,
// depth by stacking while the leave-one-out estimate improves.
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/dense_parallel.h"
#include "core/network.h"
#include "core/network_events.h"
#include "core/util.h"

#if DLM_CORE_REBUILD

namespace dlm {

namespace {

using detail::argmax;

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
using ConstRowMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;
using ColMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using ColMap = Eigen::Map<ColMatrix, 0, Eigen::OuterStride<>>;

// Events in the block starting at \p first.
int blockRows(std::uint32_t rows, std::uint32_t first) {
  const std::uint32_t left = rows - first;
  return left < std::uint32_t(Network::kBlockEvents) ? int(left) : Network::kBlockEvents;
}

} // namespace

Status Network::rebuild() {
  if (!m_initialized) return Status::NotInitialized;
  if (m_eventCount == 0) return Status::NoEvents;
  Events events;
  events.base = m_events;
  events.labels = m_eventLabels;
  events.rows = m_eventCount;
  events.ring = m_capacity.maxEvents;
  events.first = (m_eventHead + events.ring - m_eventCount) % events.ring;
  events.stride = m_capacity.maxDims;
  return rebuildFrom(events);
}

Status Network::rebuild(const float* events, const std::uint8_t* labels, std::uint32_t rows) {
  if (!m_initialized) return Status::NotInitialized;
  if (events == nullptr || labels == nullptr) return Status::InvalidArgument;
  if (rows == 0) return Status::NoEvents;
  if (rows > m_capacity.maxEvents) return Status::ArenaTooSmall;
  Events view;
  view.base = events;
  view.labels = labels;
  view.rows = rows;
  view.stride = m_dims;
  return rebuildFrom(view);
}

Status Network::rebuildFrom(const Events& events) {
  if (m_rebuild.looScores == nullptr) return Status::ArenaTooSmall;
  int classes = m_classes;
  for (std::uint32_t i = 0; i < events.rows; ++i) {
    if (events.label(i) >= classes) classes = events.label(i) + 1;
  }
  if (classes > m_capacity.maxClasses) return Status::ClassOutOfRange;
  m_classes = classes;
  for (int l = 0; l < m_capacity.maxLayers; ++l) {
    clearLayer(l);
    m_layers[l].inDims = static_cast<std::uint16_t>(layerInputDims(l));
    m_layers[l].classes = static_cast<std::uint8_t>(classes);
  }
  m_building = true;
  m_depth = 1;
  m_calibration.clear();
  m_rebuild.clearDenseExceeded();
  m_profile = RebuildProfile();
  const std::uint64_t start = tick();
  chooseKnownScales(events);
  float knownSpacing = 0.0f;
  m_params.spacing = estimateSpacing(events, &knownSpacing);
  std::uint64_t mark = tick();
  m_profile.scalesAndSpacing = mark - start;
  buildStructure(0, events);
  m_profile.structure = tick() - mark;
  const Events held = events.subsample(detail::kValidationEvents);
  Status status = solveLayer(0, events, held.step);
  // Validation, calibration and deeper layers work on a deterministic subsample of large
  // sets: leave-one-out costs O(K^2) per event, and a few thousand events estimate an error
  // rate or a percentile as well as sixty thousand do.
  std::uint32_t missed = 0;
  std::uint32_t errors = status == Status::Ok ? leaveOneOut(0, held, &missed) : 0;
  mark = tick();
  if (status == Status::Ok && missed > 0) status = repairFirstLayer(events, held, errors, missed);
  m_profile.repair = tick() - mark;
  mark = tick();
  if (status == Status::Ok) calibrateKnownSet(held, knownSpacing);
  m_profile.calibration = tick() - mark;
  mark = tick();
  if (status == Status::Ok && m_capacity.maxLayers > 1 && errors > 0) {
    status = growDepth(held, errors, missed);
  }
  m_profile.deeper = tick() - mark;
  m_profile.total = tick() - start;
  m_building = false;
  // Never expected: densePanelBytes() bounds every product. Refuse rather than allocate.
  if (status == Status::Ok && m_rebuild.denseExceeded()) status = Status::ArenaTooSmall;
  m_eventsLearned = events.rows;
  m_sinceRebuild = 0;
  return status;
}

Status Network::repairFirstLayer(const Events& events, const Events& held,
                                 std::uint32_t& errors, std::uint32_t& missed) {
  // The refinement rule, once the readout exists: a training event the layer gets wrong
  // commits a neuron at itself. When every such event already is a centre, the structure is
  // right and the readout is at fault (neighbouring activations overlap so much that the
  // ridge erases what tells them apart, as on parity): the ridge is lowered instead, and kept
  // lower only if leave-one-out does not get worse.
  Status status = Status::Ok;
  for (int round = 0; round < 3 && missed > 0 && status == Status::Ok; ++round) {
    int committed = 0;
    bool structural = false;
    LearnReport report;
    for (std::uint32_t i = 0; i < held.rows; ++i) {
      forward(held.row(i), 1, m_pass);
      if (argmax(m_pass.m_scores[0], m_classes) == held.label(i)) continue;
      const Layer& l = m_layers[0];
      bool atCentre = false;
      for (int j = 0; j < l.count && !atCentre; ++j) atCentre = m_pass.m_q[0][j] <= 0.0f;
      if (atCentre) continue;
      structural = true;
      if (l.count < l.capacity &&
          commitNeuron(0, held.row(i), held.label(i), newRadius(0, held.row(i), held.label(i)),
                       report) >= 0) {
        ++committed;
      }
    }
    const float ridge = m_params.ridge;
    if (committed == 0) {
      if (structural || ridge <= kMinRidge) break;  // a full layer, or nothing left to lower
      m_params.ridge = ridge * 0.01f;
    }
    status = solveLayer(0, events, held.step);
    std::uint32_t missedNow = 0;
    const std::uint32_t errorsNow = status == Status::Ok ? leaveOneOut(0, held, &missedNow) : 0;
    if (committed == 0 && (status != Status::Ok || errorsNow > errors || missedNow >= missed)) {
      m_params.ridge = ridge;
      status = solveLayer(0, events, held.step);
      if (status == Status::Ok) errors = leaveOneOut(0, held, &missed);
      break;
    }
    errors = errorsNow;
    missed = missedNow;
  }
  return status;
}

Status Network::growDepth(const Events& held, std::uint32_t errors, std::uint32_t missed) {
  // A deeper layer learns from the stack's leave-one-out scores, which is what it meets on new
  // inputs, but on its own training events the stack below answers from memory. So a layer is
  // kept only when both estimates agree it does no harm: leave-one-out errors drop by a clear
  // share, and the stack still reproduces the training events it reproduced without it.
  for (int l = 1; l < m_capacity.maxLayers; ++l) {
    buildStructure(l, held);
    const Status status = solveLayer(l, held, 1);
    if (status != Status::Ok) {
      clearLayer(l);
      return status;
    }
    const std::uint32_t deeper = leaveOneOut(l, held, nullptr);
    // A gain within the noise of leave-one-out is no gain: an error count e over the events
    // varies by about sqrt(e) (and a layer placed at the very events it is judged on flatters
    // itself), so it must remove at least that many errors, and never fewer than 2.
    const std::uint32_t needed = std::max<std::uint32_t>(
        2, std::uint32_t(std::ceil(std::sqrt(double(errors)))));
    const bool helps = deeper + needed <= errors;
    const std::uint32_t stackMissed = helps ? trainingErrors(l + 1, held) : 0;
    if (!helps || stackMissed > missed) {
      clearLayer(l);
      break;
    }
    m_depth = l + 1;
    errors = deeper;
    missed = stackMissed;
    if (errors == 0) break;
  }
  return Status::Ok;
}

std::uint32_t Network::trainingErrors(int depth, const Events& events) {
  std::uint32_t wrong = 0;
  for (std::uint32_t i = 0; i < events.rows; ++i) {
    forward(events.row(i), depth, m_pass);
    if (argmax(m_pass.m_scores[depth - 1], m_classes) != events.label(i)) ++wrong;
  }
  return wrong;
}

const float* Network::eventInput(int layer, const Events& events, std::uint32_t i) {
  return layerInput(layer, events.row(i),
                    m_rebuild.looScores + std::size_t(i) * m_capacity.maxClasses,
                    m_rebuild.stackedInput);
}

void Network::buildStructure(int layer, const Events& events) {
  Layer& l = m_layers[layer];
  LearnReport report;
  if (layer > 0) {
    buildCorrectionStructure(layer, events);
    return;
  }
  // Two sweeps for the class boundaries (shrinking in the first can uncover events that the
  // second then covers), then one that fills the gaps in each class at the known-set spacing.
  for (int pass = 0; pass < 3; ++pass) {
    if (pass == 1) {
      for (int j = 0; j < l.count; ++j) l.support[j] = 0;
    }
    const Refinement rule = pass < 2 ? Refinement::Conflicts : Refinement::Spacing;
    if (pass == 2) m_profile.boundaryNeurons = l.count;
    for (std::uint32_t i = 0; i < events.rows; ++i) {
      // The spacing sweep only commits, and only while there is room: once the layer is full
      // the rest of it would change nothing (at Fashion-MNIST sizes, a third of the structure).
      if (rule == Refinement::Spacing && l.count >= l.capacity) break;
      const int row = int(i % kBlock);
      if (row == 0) blockDistances(layer, events, i, blockRows(events.rows, i));
      const float* z = eventInput(layer, events, i);
      eventDistances(layer, z, row, m_blockNeurons);
      m_sweepRow = row;
      refine(layer, z, events.label(i), false, report, rule);
      m_sweepRow = -1;
    }
  }
}

void Network::blockDistances(int layer, const Events& events, std::uint32_t first, int rows) {
  // Distances of a block of events to the neurons that exist now, as one matrix product.
  // Neurons committed or changed while the block is swept are patched in eventDistances().
  Layer& l = m_layers[layer];
  m_blockNeurons = l.count;
  for (int j = 0; j < l.count; ++j) l.dirty[j] = 0;
  if (l.count == 0) return;
  blockInputs(layer, events, first, rows);
  blockCoverDistances(layer, rows);
}

void Network::blockInputs(int layer, const Events& events, std::uint32_t first, int rows) {
  // [z*z, z] per event of the block, the left operand of the distances' affine form.
  const int d = m_layers[layer].inDims;
  for (int r = 0; r < rows; ++r) {
    const float* z = eventInput(layer, events, first + std::uint32_t(r));
    float* out = m_rebuild.blockInput + std::size_t(r) * 2 * d;
    for (int i = 0; i < d; ++i) {
      out[i] = z[i] * z[i];
      out[d + i] = z[i];
    }
  }
}

void Network::blockCoverDistances(int layer, int rows) {
  // A structure sweep only asks which neurons cover an event (q <= 1) and by how much. A
  // metric only grows from its neuron's isotropic start (shrinkToward adds to it), so
  // q_j(z) >= min_i m_ji |z - c_j|^2: Euclidean distances, a product half as deep as the
  // affine form's, bound every pair, and only the pairs the bound leaves below 1 get their
  // exact q. Values above 1 in the block are such bounds, never used as distances.
  const Layer& l = m_layers[layer];
  const int d = l.inDims;
  const int k = l.count;
  float* floors = m_rebuild.metricFloors;
  float* norms = m_rebuild.blockCentreNorms;
  for (int j = 0; j < k; ++j) {
    floors[j] = Eigen::Map<const Eigen::VectorXf>(l.affineRow(j), d).minCoeff();
    norms[j] = Eigen::Map<const Eigen::VectorXf>(l.centre(j), d).squaredNorm();
  }
  const float* in = m_rebuild.blockInput;
  for (int r = 0; r < rows; ++r) {
    m_rebuild.blockNorms[r] =
        Eigen::Map<const Eigen::VectorXf>(in + std::size_t(r) * 2 * d, d).sum();
  }
  // A float dot product of length d errs by at most ~d ulps of |z| |c| <= (|z|^2 + |c|^2) / 2.
  m_blockLayer = layer;
  m_blockSlack = float(d + 4) * std::numeric_limits<float>::epsilon();
  float* euclid = m_rebuild.blockEuclid;
  const ConstRowMap z(in + d, rows, d, Eigen::OuterStride<>(2 * d));
  const ConstRowMap centres(l.centres, k, d, Eigen::OuterStride<>(l.stride));
  RowMap q(m_rebuild.blockValues, rows, k, Eigen::OuterStride<>(k));
  auto piece = [&](int t, int worker) {
    const int begin = t * detail::kPieceNeurons;
    const int count = detail::pieceSize(k, t);
    auto part = q.middleCols(begin, count);
    detail::dense::multiply(part, z, centres.middleRows(begin, count).transpose(),
                            m_rebuild.dense[worker]);
    for (int r = 0; r < rows; ++r) {
      const float zNorm = m_rebuild.blockNorms[r];
      const Eigen::Map<const Eigen::VectorXf> input(in + std::size_t(r) * 2 * d, 2 * d);
      for (int c = 0; c < count; ++c) {
        const int j = begin + c;
        const float squared = zNorm + norms[j] - 2.0f * part(r, c);
        euclid[std::size_t(r) * k + j] = squared;
        // Less the product's rounding, so that the bound stays a bound.
        const float bound = floors[j] * (squared - blockSlack(r, j));
        part(r, c) = bound > 1.0f ? bound
                                  : Eigen::Map<const Eigen::VectorXf>(l.affineRow(j), 2 * d)
                                            .dot(input) + l.offsets[j];
      }
    }
  };
  detail::forEachTask(taskRunner(), detail::pieceCount(k), piece, double(rows) * d * k);
}

void Network::blockMetricDistances(int layer, const Events& events, std::uint32_t first,
                                   int rows, int k, int column) {
  // q_j(z) = [z*z, z] . affine_j + offset_j for every event of the block and every neuron,
  // written to blockValues rows of (column + count) floats starting at \p column.
  const Layer& l = m_layers[layer];
  const int d = l.inDims;
  blockInputs(layer, events, first, rows);
  RowMap input(m_rebuild.blockInput, rows, 2 * d, Eigen::OuterStride<>(2 * d));
  const Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>> weights(
      l.affine, k, 2 * d, Eigen::OuterStride<>(2 * l.stride));
  RowMap block(m_rebuild.blockValues, rows, column + k, Eigen::OuterStride<>(column + k));
  auto q = block.rightCols(k);
  detail::multiplyByNeurons(q, input, weights, taskRunner(), m_rebuild.dense);
  q.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(l.offsets, k);
}

void Network::eventDistances(int layer, const float* z, int row, int blockNeurons) {
  const Layer& l = m_layers[layer];
  const float* fromBlock = m_rebuild.blockValues + std::size_t(row) * blockNeurons;
  const float* euclid = m_rebuild.blockEuclid + std::size_t(row) * blockNeurons;
  float* q = m_pass.m_q[layer];
  for (int j = 0; j < l.count; ++j) {
    if (j < blockNeurons && l.dirty[j] == 0) {
      q[j] = fromBlock[j] > 0.0f ? fromBlock[j] : 0.0f;
      continue;
    }
    if (j < blockNeurons && (l.dirty[j] & Layer::kDirtyCentre) == 0) {
      // Shrunk since the block began, in place: its metric only grew, so the block's floor
      // and Euclidean distance still bound it, and most such pairs are far apart.
      const float bound = m_rebuild.metricFloors[j] * (euclid[j] - blockSlack(row, j));
      if (bound > 1.0f) {
        q[j] = bound;
        continue;
      }
    }
    const float* c = l.centre(j);
    const float* m = l.metric(j);
    float sum = 0.0f;
    for (int i = 0; i < l.inDims; ++i) sum += m[i] * (z[i] - c[i]) * (z[i] - c[i]);
    q[j] = sum;
  }
}

void Network::buildCorrectionStructure(int layer, const Events& events) {
  // A deeper layer corrects the stack's residual errors: neurons are committed only at events
  // the stack gets wrong under leave-one-out, and shrink away from every conflicting event.
  Layer& l = m_layers[layer];
  LearnReport report;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t i = 0; i < events.rows; ++i) {
      const float* loo = m_rebuild.looScores + std::size_t(i) * m_capacity.maxClasses;
      const int label = events.label(i);
      const bool wrong = argmax(loo, m_classes) != label;
      const int row = int(i % kBlock);
      if (row == 0) blockDistances(layer, events, i, blockRows(events.rows, i));
      const float* z = eventInput(layer, events, i);
      eventDistances(layer, z, row, m_blockNeurons);
      bool covered = false;
      for (int j = 0; j < l.count; ++j) {
        if (m_pass.m_q[layer][j] > 1.0f) continue;
        if (l.labels[j] == label) {
          covered = true;
        } else {
          l.shrinkToward(j, z, m_pass.m_q[layer][j], m_params.shrinkTarget);
        }
      }
      m_sweepRow = row;
      if (wrong && !covered) commitNeuron(layer, z, label, newRadius(layer, z, label), report);
      m_sweepRow = -1;
    }
  }
}

void Network::batchActivations(int layer, const Events& events, std::uint32_t first, int rows,
                               int k) {
  blockMetricDistances(layer, events, first, rows, k, 1);
  RowMap phi(m_rebuild.blockValues, rows, k + 1, Eigen::OuterStride<>(k + 1));
  auto q = phi.rightCols(k);
  // Vectorised exp; rounding can leave q a hair below zero at a centre.
  q = (q.array().max(0.0f) * -m_params.sharpness).exp().matrix();
  phi.col(0).setOnes();
}

Status Network::solveLayer(int layer, const Events& events, std::uint32_t cacheStep) {
  const std::uint64_t start = tick();
  Layer& l = m_layers[layer];
  ReadoutSolver& solver = m_solvers[layer];
  const int k = readoutNeurons(layer);
  const int n = k + 1;
  solver.reset(n, m_classes);
  ColMap gram(m_rebuild.blockGram, n, n, Eigen::OuterStride<>(n));
  gram.setZero();
  double* rhs = solver.rhs();
  const int ld = solver.leadingDim();
  for (std::uint32_t first = 0; first < events.rows; first += kBlock) {
    const int rows = blockRows(events.rows, first);
    batchActivations(layer, events, first, rows, k);
    // The block's activations, row-major events x n, read as column-major n x events.
    const Eigen::Map<const ColMatrix, 0, Eigen::OuterStride<>> phiT(m_rebuild.blockValues, n,
                                                                    rows, Eigen::OuterStride<>(n));
    detail::rankUpdateByStrips(gram, phiT, taskRunner(), m_rebuild.dense);
    for (int r = 0; r < rows; ++r) {
      const std::uint32_t i = first + std::uint32_t(r);
      const float* f = m_rebuild.blockValues + std::size_t(r) * n;
      if (i % cacheStep == 0 && i / cacheStep < m_rebuild.phiCacheRows) {
        float* cached = m_rebuild.phiCache + std::size_t(i / cacheStep) * n;
        for (int e = 0; e < n; ++e) cached[e] = f[e];
      }
      const float* previous = m_rebuild.looScores + std::size_t(i) * m_capacity.maxClasses;
      for (int c = 0; c < m_classes; ++c) {
        // Deeper layers learn the residual the stack so far leaves on this event.
        const double t = (c == events.label(i) ? 1.0 : 0.0) - (layer > 0 ? previous[c] : 0.0f);
        if (t == 0.0) continue;
        double* b = rhs + std::size_t(c) * ld;
        for (int row = 0; row < n; ++row) b[row] += t * f[row];
      }
    }
  }
  double* g = solver.gram();
  for (int col = 0; col < n; ++col) {
    for (int row = col; row < n; ++row) g[std::size_t(col) * ld + row] = gram(row, col);
  }
  const std::uint64_t solving = tick();
  m_profile.gram += solving - start;
  const Status status = solver.solve(m_params.ridge, l);
  for (int j = k; j < l.count; ++j) {
    for (int c = 0; c < l.classStride; ++c) l.weightRow(j)[c] = 0.0f;
  }
  m_profile.solve += tick() - solving;
  return status;
}

void Network::setTaskRunner(TaskRunner* runner) {
  // Eigen's cache-size statics, set before several threads first ask for them.
  if (runner != nullptr) Eigen::initParallel();
  m_runner = runner;
}

TaskRunner* Network::taskRunner() const {
  // A runner with more workers than the arena has panels for would share them: run alone.
  return m_runner != nullptr && m_runner->workers() <= m_rebuild.workers ? m_runner : nullptr;
}

void Network::blockLeverages(int layer, const float* block, int rows, int n) {
  // Pieces of a fixed number of events: one triangular solve each, with its own panels.
  constexpr int kPieceEvents = 32;
  const ReadoutSolver& solver = m_solvers[layer];
  auto piece = [&](int t, int worker) {
    const int first = t * kPieceEvents;
    const int count = rows - first < kPieceEvents ? rows - first : kPieceEvents;
    solver.leverages(block + std::size_t(first) * n, count,
                     m_rebuild.leverageWork + std::size_t(first) * n, m_rebuild.leverages + first,
                     &m_rebuild.dense[worker]);
  };
  detail::forEachTask(taskRunner(), (rows + kPieceEvents - 1) / kPieceEvents, piece,
                      double(n) * double(n) * rows / 2);
}

std::uint32_t Network::leaveOneOut(int layer, const Events& events, std::uint32_t* missed) {
  const std::uint64_t start = tick();
  const Layer& l = m_layers[layer];
  const int n = readoutNeurons(layer) + 1;
  std::uint32_t errors = 0;
  float* scores = m_rebuild.eventScores;
  // Leverages h = |L^-1 f|^2, a block at a time, in double precision: leave-one-out divides
  // by 1 - h, and events at a neuron's centre have h close to 1.
  for (std::uint32_t first = 0; first < events.rows; first += kBlock) {
    const int rows = blockRows(events.rows, first);
    const float* block = m_rebuild.phiCache + std::size_t(first) * n;
    double* leverage = m_rebuild.leverages;
    blockLeverages(layer, block, rows, n);
    for (int r = 0; r < rows; ++r) {
      const std::uint32_t i = first + std::uint32_t(r);
      const float* f = block + std::size_t(r) * n;
      const double h = leverage[r];
      float* loo = m_rebuild.looScores + std::size_t(i) * m_capacity.maxClasses;
      for (int c = 0; c < m_classes; ++c) scores[c] = 0.0f;
      l.readout(f + 1, scores);
      // On the first layer these are the scores the model gives its own training events.
      if (missed != nullptr && argmax(scores, m_classes) != events.label(i)) ++*missed;
      // Closed-form leave-one-out for ridge regression: (s - h t) / (1 - h).
      const double keep = h < 0.999 ? 1.0 / (1.0 - h) : 1000.0;
      for (int c = 0; c < m_classes; ++c) {
        const double base = layer > 0 ? loo[c] : 0.0;
        const double t = (c == events.label(i) ? 1.0 : 0.0) - base;
        loo[c] = static_cast<float>(base + (scores[c] - h * t) * keep);
      }
      if (argmax(loo, m_classes) != events.label(i)) ++errors;
    }
  }
  m_profile.leaveOneOut += tick() - start;
  return errors;
}

} // namespace dlm

#else // lean device build: no event memory, no direct rebuild

namespace dlm {

Status Network::rebuild() { return Status::NotSupported; }

Status Network::rebuild(const float*, const std::uint8_t*, std::uint32_t) {
  return Status::NotSupported;
}

} // namespace dlm

#endif // DLM_CORE_REBUILD
