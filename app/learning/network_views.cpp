#include "app/learning/network_views.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dlm::app {

namespace {

constexpr int kBins = 16;
constexpr int kPerChannel = kBins + 3;

// A plane in descriptor space: a point is origin + x * u + y * v.
struct Plane {
  Eigen::VectorXd origin;
  Eigen::VectorXd u;
  Eigen::VectorXd v;
  QString axisX;
  QString axisY;
};

Eigen::VectorXd toVector(const QVector<float>& d) {
  Eigen::VectorXd out(d.size());
  for (int i = 0; i < d.size(); ++i) out[i] = double(d[i]);
  return out;
}

// Events the map is fitted on: the class-tagged ones (what the network knows); all events
// when fewer than three are tagged, so that a fresh session still gets a picture.
QVector<int> basisRows(const LearnerStore& store, int dims) {
  QVector<int> tagged;
  QVector<int> all;
  for (int i = 0; i < store.size(); ++i) {
    if (store.at(i).descriptor.size() != dims) continue;
    all << i;
    if (store.at(i).tag >= 0) tagged << i;
  }
  return tagged.size() >= 3 ? tagged : all;
}

Plane pcaPlane(const LearnerStore& store, const QVector<int>& rows, int dims) {
  Plane plane;
  plane.origin = Eigen::VectorXd::Zero(dims);
  for (int i : rows) plane.origin += toVector(store.at(i).descriptor);
  if (!rows.isEmpty()) plane.origin /= double(rows.size());
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(dims, dims);
  for (int i : rows) {
    const Eigen::VectorXd c = toVector(store.at(i).descriptor) - plane.origin;
    cov.selfadjointView<Eigen::Lower>().rankUpdate(c);
  }
  cov = cov.selfadjointView<Eigen::Lower>();
  if (rows.size() > 1) cov /= double(rows.size() - 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
  // Eigenvalues come in increasing order: the last two columns are the principal axes.
  const Eigen::VectorXd values = solver.eigenvalues();
  plane.u = solver.eigenvectors().col(dims - 1);
  plane.v = dims > 1 ? Eigen::VectorXd(solver.eigenvectors().col(dims - 2))
                     : Eigen::VectorXd::Zero(dims);
  const double total = std::max(values.sum(), 1e-30);
  const double share1 = 100.0 * values[dims - 1] / total;
  const double share2 = dims > 1 ? 100.0 * values[dims - 2] / total : 0.0;
  plane.axisX = NetworkViews::tr("PC1 (%1%)").arg(share1, 0, 'f', 0);
  plane.axisY = NetworkViews::tr("PC2 (%1%)").arg(share2, 0, 'f', 0);
  return plane;
}

Plane featurePlane(const LearnerStore& store, const QVector<int>& rows, int dims, int fx,
                   int fy) {
  Plane plane;
  plane.origin = Eigen::VectorXd::Zero(dims);
  for (int i : rows) plane.origin += toVector(store.at(i).descriptor);
  if (!rows.isEmpty()) plane.origin /= double(rows.size());
  // The two chosen features are the coordinates themselves; the others stay at the mean.
  plane.origin[fx] = 0.0;
  plane.origin[fy] = 0.0;
  plane.u = Eigen::VectorXd::Unit(dims, fx);
  plane.v = Eigen::VectorXd::Unit(dims, fy);
  plane.axisX = NetworkViews::featureName(fx, dims);
  plane.axisY = NetworkViews::featureName(fy, dims);
  return plane;
}

} // namespace

QString NetworkViews::featureName(int index, int dims) {
  if (dims > 1 && (dims - 1) % kPerChannel == 0 && index >= 0 && index < dims) {
    if (index == dims - 1) return tr("duration");
    const int channel = index / kPerChannel + 1;
    const int within = index % kPerChannel;
    if (within < kBins) return tr("ch%1 bin %2").arg(channel).arg(within + 1);
    if (within == kBins) return tr("ch%1 RMS").arg(channel);
    if (within == kBins + 1) return tr("ch%1 peak").arg(channel);
    return tr("ch%1 jerk").arg(channel);
  }
  return tr("f%1").arg(index);
}

PredictionInfo toPredictionInfo(const Prediction& p) {
  PredictionInfo info;
  info.classIndex = p.classIndex;
  info.bestClass = p.bestClass;
  info.confidence = p.confidence;
  info.knownScore = std::isfinite(p.knownScore) ? p.knownScore : -1.0e9f;
  info.valid = true;
  return info;
}

double rejectionRate(const LearnerStore& store, int first) {
  int valid = 0;
  int rejected = 0;
  for (int i = std::max(0, first); i < store.size(); ++i) {
    const PredictionInfo& p = store.at(i).prediction;
    if (!p.valid) continue;
    ++valid;
    rejected += p.classIndex < 0 ? 1 : 0;
  }
  return valid == 0 ? 0.0 : double(rejected) / double(valid);
}

NetworkSnapshot buildNetworkSnapshot(const Network& network, const Coverage& coverage,
                                     quint32 modelCrc, qint64 modelBytes, float threshold) {
  NetworkSnapshot s;
  s.dims = network.dims();
  s.classes = network.classes();
  s.depth = network.depth();
  s.modelCrc = modelCrc;
  s.modelBytes = modelBytes;
  s.eventsLearned = network.eventsLearned();
  s.threshold = threshold;
  for (int l = 0; l < network.depth(); ++l) {
    const Layer& layer = network.layer(l);
    s.neuronsPerLayer << layer.count;
    for (int j = 0; j < layer.count; ++j) {
      NeuronInfo n;
      n.layer = l;
      n.index = j;
      n.classIndex = layer.labels[j];
      n.support = layer.support[j];
      n.centre.resize(layer.inDims);
      n.radii.resize(layer.inDims);
      for (int i = 0; i < layer.inDims; ++i) {
        n.centre[i] = layer.centre(j)[i];
        const float m = layer.metric(j)[i];
        n.radii[i] = m > 0.0f ? 1.0f / std::sqrt(m) : kUnboundedRadius;
      }
      if (l == 0 && j < coverage.size()) n.coveredEvents = coverage[j];
      s.neurons << n;
    }
  }
  return s;
}

// The descriptor length of the session: the model's, or the events' while nothing is learned.
int mapDims(const Network* network, const LearnerStore& store) {
  if (network != nullptr && network->dims() > 0) return network->dims();
  for (int i = 0; i < store.size(); ++i) {
    if (!store.at(i).descriptor.isEmpty()) return int(store.at(i).descriptor.size());
  }
  return 0;
}

KnownSetMap buildKnownSetMap(const Network* network, const LearnerStore& store,
                             const MapRequest& request, float threshold) {
  KnownSetMap map;
  map.projection = request.projection;
  map.featureX = request.featureX;
  map.featureY = request.featureY;
  map.threshold = threshold;
  map.hasModel = network != nullptr && network->neurons(0) > 0;
  const int dims = mapDims(network, store);
  if (dims < 1) return map;
  const bool pair = request.projection == KnownSetMap::Projection::FeaturePair;
  if (pair && (request.featureX < 0 || request.featureX >= dims || request.featureY < 0 ||
               request.featureY >= dims || request.featureX == request.featureY)) {
    return map;
  }
  const QVector<int> rows = basisRows(store, dims);
  if (rows.isEmpty()) return map;
  const Plane plane = pair ? featurePlane(store, rows, dims, request.featureX, request.featureY)
                           : pcaPlane(store, rows, dims);
  map.axisX = plane.axisX;
  map.axisY = plane.axisY;
  for (int i = 0; i < store.size(); ++i) {
    const LearnerRow& r = store.at(i);
    if (r.descriptor.size() != dims) continue;
    const Eigen::VectorXd c = toVector(r.descriptor) - plane.origin;
    KnownSetMap::Point p;
    p.eventId = r.id;
    p.x = float(plane.u.dot(c));
    p.y = float(plane.v.dot(c));
    p.tag = r.tag;
    map.points << p;
  }
  applyThreshold(map, store, threshold);
  return map;
}

void applyThreshold(KnownSetMap& map, const LearnerStore& store, float threshold) {
  map.threshold = threshold;
  for (KnownSetMap::Point& p : map.points) {
    const int i = store.indexOf(p.eventId);
    if (i < 0) continue;
    const PredictionInfo& info = store.at(i).prediction;
    p.valid = map.hasModel && info.valid;
    p.predicted = p.valid ? info.classIndex : -1;
    p.bestClass = p.valid ? info.bestClass : -1;
    p.knownScore = info.knownScore;
    p.tag = store.at(i).tag;
  }
  map.rejectionRate = rejectionRate(store, 0);
}

QVector<Explanation::Example> nearestExamples(const LearnerStore& store, const LearnerRow& row) {
  QVector<Explanation::Example> best;
  for (int i = 0; i < store.size(); ++i) {
    const LearnerRow& other = store.at(i);
    if (other.id == row.id || other.tag < 0 || other.descriptor.size() != row.descriptor.size()) {
      continue;
    }
    double sum = 0.0;
    for (int k = 0; k < row.descriptor.size(); ++k) {
      const double d = double(row.descriptor[k]) - double(other.descriptor[k]);
      sum += d * d;
    }
    const float distance = float(std::sqrt(sum));
    auto it = std::find_if(best.begin(), best.end(), [&](const Explanation::Example& e) {
      return e.classIndex == other.tag;
    });
    if (it == best.end()) {
      best.push_back({other.id, other.tag, distance});
    } else if (distance < it->distance) {
      *it = {other.id, other.tag, distance};
    }
  }
  std::sort(best.begin(), best.end(), [](const Explanation::Example& a,
                                         const Explanation::Example& b) {
    return a.distance < b.distance;
  });
  return best;
}

Explanation explainEvent(Network& network, const LearnerStore& store, const LearnerRow& row,
                         float threshold, int nearestCount) {
  Explanation out;
  out.eventId = row.id;
  out.threshold = threshold;
  out.examples = nearestExamples(store, row);
  if (row.descriptor.size() != network.dims() || network.neurons(0) == 0) return out;
  Prediction p;
  network.predict(row.descriptor.constData(), p, network.scratch());
  out.prediction = toPredictionInfo(p);
  for (int c = 0; c < network.classes() && p.scores != nullptr; ++c) out.scores << p.scores[c];
  out.margin = out.prediction.knownScore - threshold;
  const Layer& first = network.layer(0);
  std::vector<float> q(std::size_t(first.count));
  first.distances(row.descriptor.constData(), q.data());
  std::vector<int> order(q.size());
  std::iota(order.begin(), order.end(), 0);
  const int k = std::min<int>(nearestCount, int(order.size()));
  std::partial_sort(order.begin(), order.begin() + k, order.end(),
                    [&](int a, int b) { return q[std::size_t(a)] < q[std::size_t(b)]; });
  for (int i = 0; i < k; ++i) {
    const int j = order[std::size_t(i)];
    Explanation::Near n;
    n.neuron = j;
    n.classIndex = first.labels[j];
    n.q = q[std::size_t(j)];
    n.activation = std::exp(-network.params().sharpness * n.q);
    out.nearest << n;
  }
  return out;
}

} // namespace dlm::app
