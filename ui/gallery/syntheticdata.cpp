#include "ui/gallery/syntheticdata.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <random>

#include "app/views/class_palette.h"
#include "app/views/trigger_defaults.h"
#include "ui/live/live_signal_panel.h"

namespace dlm::ui::gallery {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kRate = 1000;
constexpr double kCountsPerG = 4096.0;

struct GestureSpan {
  int cls;
  double start;  // seconds
  double length;
};

// Acceleration (in g) of gesture class \p cls at time \p t into a gesture of \p length s.
void gestureAccel(int cls, double t, double length, double& x, double& y, double& z) {
  const double u = t / length;
  const double window = std::sin(kPi * u);  // smooth in and out, as a hand does
  switch (cls) {
  case 0:  // shake: fast side to side
    x += 1.4 * window * std::sin(2 * kPi * 7.0 * t);
    y += 0.3 * window * std::sin(2 * kPi * 7.0 * t + 1.0);
    break;
  case 1:  // circle
    x += 0.8 * window * std::cos(2 * kPi * 1.6 * t);
    y += 0.8 * window * std::sin(2 * kPi * 1.6 * t);
    break;
  case 2:  // tap: a sharp knock on z
    z += 1.8 * std::exp(-std::pow((t - 0.12) / 0.012, 2)) -
         0.6 * std::exp(-std::pow((t - 0.15) / 0.02, 2));
    break;
  case 3:  // swipe
    y += 1.1 * std::sin(2 * kPi * u) * window;
    break;
  case 4:  // tilt: gravity moves from z to x and back
    x += 0.7 * window;
    z -= 0.25 * window;
    break;
  default: break;
  }
}

} // namespace

QVector<app::ClassInfo> classes() {
  return {{QCoreApplication::translate("gallery", "shake"), QColor(0x00, 0x72, 0xb2)},
          {QCoreApplication::translate("gallery", "circle"), QColor(0xe6, 0x9f, 0x00)},
          {QCoreApplication::translate("gallery", "tap"), QColor(0x00, 0x9e, 0x73)},
          {QCoreApplication::translate("gallery", "swipe"), QColor(0xcc, 0x79, 0xa7)},
          {QCoreApplication::translate("gallery", "tilt"), QColor(0xd5, 0x5e, 0x00)}};
}

void feedLiveSignal(LiveSignalPanel& panel, double seconds) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 20.0);
  const QVector<app::ClassInfo> cls = classes();
  const QVector<GestureSpan> spans = {{0, 1.2, 1.1}, {2, 3.4, 0.35}, {1, 4.6, 1.5},
                                      {3, 7.0, 0.8}, {4, 8.6, 1.6}, {0, 10.8, 0.9}};
  const auto total = static_cast<int>(seconds * kRate);
  QVector<qint16> chunk(20 * 3);
  for (int first = 0; first < total; first += 20) {
    for (int f = 0; f < 20; ++f) {
      const double t = (first + f) / static_cast<double>(kRate);
      double x = 0.02 * std::sin(2 * kPi * 0.3 * t), y = 0.0, z = 1.0;
      for (const GestureSpan& s : spans)
        if (t >= s.start && t < s.start + s.length) gestureAccel(s.cls, t - s.start, s.length, x, y, z);
      const double v[3] = {x, y, z};
      for (int c = 0; c < 3; ++c)
        chunk[f * 3 + c] = static_cast<qint16>(
            std::clamp(std::lround(v[c] * kCountsPerG + noise(rng)), -32767L, 32767L));
    }
    panel.appendSamples(static_cast<quint32>(first), 3, chunk);
  }
  for (const GestureSpan& s : spans) {
    // The detector's window: 100 ms of pre-trigger, a short tail after the motion.
    const auto start = static_cast<quint32>(std::max(0.0, s.start - 0.1) * kRate);
    const auto frames = static_cast<quint32>((s.length + 0.15) * kRate);
    const QString label = s.cls == 3 ? QCoreApplication::translate("gallery", "Unknown")
                                     : QStringLiteral("%1 %2%")
                                           .arg(cls[s.cls].name)
                                           .arg(80 + 3 * s.cls);
    panel.markEvent(start, frames, s.cls == 3 ? app::unknownColour() : cls[s.cls].colour,
                    label);
  }
  panel.setStreamStats(1000.0, 0);
  panel.setThreshold(app::kDefaultTriggerThreshold);
}

QVector<app::GrowthPoint> growth(int events) {
  std::mt19937 rng(11);
  std::lognormal_distribution<double> learnTime(std::log(180.0), 0.35);
  std::normal_distribution<double> jitter(0.0, 1.0);
  QVector<app::GrowthPoint> points;
  double correct = 0.0;
  double rejected = 0.0;
  for (int e = 1; e <= events; ++e) {
    app::GrowthPoint p;
    p.eventsLearned = static_cast<quint32>(e);
    const int layer1 = static_cast<int>(std::round(6.0 + 34.0 * std::log1p(e / 18.0)));
    p.depth = e < 40 ? 1 : (e < 150 ? 2 : 3);
    p.neuronsPerLayer.append(layer1);
    if (p.depth >= 2) p.neuronsPerLayer.append(static_cast<int>(std::round(5 + 0.09 * (e - 40))));
    if (p.depth >= 3) p.neuronsPerLayer.append(static_cast<int>(std::round(5 + 0.03 * (e - 150))));
    p.rebuild = e % 64 == 0;
    p.learnMicros = p.rebuild ? 9000.0 + 95.0 * e + 800.0 * jitter(rng)
                              : learnTime(rng) * (1.0 + 0.002 * e);
    // Predict-then-learn: early events are mostly wrong or rejected, then it settles.
    const double pCorrect = 0.95 - 0.75 * std::exp(-e / 45.0);
    const double pReject = 0.04 + 0.5 * std::exp(-e / 30.0);
    correct += pCorrect + 0.05 * jitter(rng);
    rejected += pReject + 0.03 * jitter(rng);
    p.prequentialAccuracy = std::clamp(correct / e, 0.0, 1.0);
    p.rejectionRate = std::clamp(rejected / e, 0.0, 1.0);
    points.append(p);
  }
  return points;
}

app::NetworkSnapshot network() {
  std::mt19937 rng(5);
  std::geometric_distribution<int> support(0.08);
  std::normal_distribution<float> noise(0.0f, 0.15f);
  std::uniform_real_distribution<float> radius(0.25f, 1.4f);
  app::NetworkSnapshot s;
  s.dims = 24;
  s.classes = 5;
  s.neuronsPerLayer = {148, 36, 12};
  s.depth = 3;
  s.modelCrc = 0x5A3C19E7u;
  s.modelBytes = 61'440;
  s.eventsLearned = 412;
  s.threshold = 0.05f;
  int eventId = 1;
  for (int layer = 0; layer < s.depth; ++layer) {
    const int dims = layer == 0 ? s.dims : s.dims + s.classes;
    for (int i = 0; i < s.neuronsPerLayer[layer]; ++i) {
      app::NeuronInfo n;
      n.layer = layer;
      n.index = i;
      n.classIndex = (i * 7 + layer) % s.classes;
      n.support = static_cast<std::uint32_t>(1 + support(rng));
      for (int d = 0; d < dims; ++d) {
        const float base = std::sin(0.45f * static_cast<float>(d) * static_cast<float>(n.classIndex + 1));
        n.centre.append(base + noise(rng));
        n.radii.append(radius(rng));
      }
      if (layer == 0)
        for (std::uint32_t k = 0; k < std::min<std::uint32_t>(n.support, 12); ++k)
          n.coveredEvents.append(eventId++ % 420 + 1);
      s.neurons.append(n);
    }
  }
  return s;
}

namespace {

// Synthetic clusters: five classes around these centres in the plane of the map.
const float kCentres[5][2] = {{-2.4f, 1.3f}, {1.4f, 2.3f}, {2.5f, -1.2f}, {-1.2f, -2.2f},
                              {0.1f, 0.1f}};

// A calibrated level for a point: 1 at a cluster centre, falling with the distance.
float levelAt(float x, float y, int& best) {
  float minD = 1e9f;
  best = -1;
  for (int c = 0; c < 5; ++c) {
    const float dx = x - kCentres[c][0], dy = y - kCentres[c][1];
    const float d = dx * dx + dy * dy;
    if (d < minD) { minD = d; best = c; }
  }
  return std::exp(-0.45f * minD);
}

} // namespace

app::KnownSetMap knownSet(float threshold) {
  std::mt19937 rng(3);
  std::normal_distribution<float> gauss(0.0f, 1.0f);
  app::KnownSetMap m;
  m.projection = app::KnownSetMap::Projection::Pca;
  m.axisX = QCoreApplication::translate("gallery", "PC1 (38%)");
  m.axisY = QCoreApplication::translate("gallery", "PC2 (21%)");
  m.threshold = threshold;
  m.hasModel = true;
  int id = 1;
  const auto addPoint = [&](float x, float y, int tag) {
    app::KnownSetMap::Point p;
    p.eventId = id++;
    p.x = x;
    p.y = y;
    p.tag = tag;
    p.valid = true;
    p.knownScore = levelAt(x, y, p.bestClass);
    p.predicted = app::acceptedAt(p.knownScore, threshold) ? p.bestClass : -1;
    m.points.append(p);
  };
  for (int c = 0; c < 5; ++c)
    for (int k = 0; k < 44; ++k)
      addPoint(kCentres[c][0] + 0.6f * gauss(rng), kCentres[c][1] + 0.6f * gauss(rng),
               k % 5 == 4 ? app::kUntagged : c);
  for (int k = 0; k < 14; ++k)  // a never-seen gesture: its own cluster, far from the rest
    addPoint(3.3f + 0.35f * gauss(rng), 2.9f + 0.35f * gauss(rng), k < 5 ? app::kOutlier : app::kUntagged);
  const int rejected = static_cast<int>(std::count_if(m.points.cbegin(), m.points.cend(),
                                                      [](const auto& p) { return p.predicted < 0; }));
  m.rejectionRate = static_cast<double>(rejected) / static_cast<double>(m.points.size());
  return m;
}

app::Explanation explanation(const app::KnownSetMap& map, int eventId) {
  app::Explanation ex;
  ex.eventId = eventId;
  ex.threshold = map.threshold;
  const auto it = std::find_if(map.points.cbegin(), map.points.cend(),
                               [eventId](const auto& p) { return p.eventId == eventId; });
  if (it == map.points.cend()) return ex;
  for (const app::KnownSetMap::Point& p : map.points) {
    if (p.tag < 0 || p.eventId == eventId) continue;
    const float d = std::hypot(p.x - it->x, p.y - it->y);
    auto e = std::find_if(ex.examples.begin(), ex.examples.end(),
                          [&](const auto& x) { return x.classIndex == p.tag; });
    if (e == ex.examples.end()) ex.examples.append({p.eventId, p.tag, d});
    else if (d < e->distance) *e = {p.eventId, p.tag, d};
  }
  std::sort(ex.examples.begin(), ex.examples.end(),
            [](const auto& a, const auto& b) { return a.distance < b.distance; });
  for (int c = 0; c < 5; ++c) {
    app::Explanation::Near n;
    n.neuron = c * 4;
    n.classIndex = c;
    n.q = std::hypot(it->x - kCentres[c][0], it->y - kCentres[c][1]);
    n.activation = std::exp(-0.25f * n.q);
    ex.nearest.append(n);
  }
  std::sort(ex.nearest.begin(), ex.nearest.end(), [](const auto& a, const auto& b) { return a.q < b.q; });
  ex.prediction.valid = true;
  ex.prediction.classIndex = it->predicted;
  ex.prediction.bestClass = it->bestClass;
  ex.prediction.knownScore = it->knownScore;
  ex.prediction.confidence = it->predicted >= 0 ? 0.82f : 0.12f;
  ex.margin = it->knownScore - map.threshold;
  ex.scores = {0.05f, 0.08f, 0.02f, 0.03f, 0.04f};
  if (ex.prediction.bestClass >= 0) ex.scores[ex.prediction.bestClass] = 0.86f;
  return ex;
}

} // namespace dlm::ui::gallery
