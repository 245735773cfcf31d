// Depth that never hurts (issue 8, item 5): on parity, spirals, XOR among noise dimensions and
// digits, every rebuilt model reproduces its own training set, and a model allowed four layers
// never ends below the depth-1 model on held-out events.
#include <QtTest>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/data/datasets.h"
#include "depth_data.h"

using namespace dlm;
using test::Box;

namespace {

constexpr int kDeepLayers = 4;
/// Seeds of the 50/50 splits, fixed before looking at any result.
constexpr std::uint64_t kSplitSeeds[] = {101, 202, 303, 404, 505};

struct Score {
  int right = 0;   ///< bestClass equals the label
  int known = 0;   ///< accepted as known
  int counted = 0; ///< events scored (conflicting exact duplicates left out)
  int firstWrong = -1;
};

/// True for every row that has an exact duplicate with another label: no function can
/// reproduce both, so reproduction leaves them out.
std::vector<bool> conflictingDuplicates(const test::Events& e) {
  std::map<std::vector<float>, int> labelOf;  // -1 once two labels meet
  for (int i = 0; i < e.rows(); ++i) {
    const std::vector<float> key(e.row(i), e.row(i) + e.dims);
    const int label = e.y[std::size_t(i)];
    const auto it = labelOf.find(key);
    if (it == labelOf.end()) {
      labelOf.emplace(key, label);
    } else if (it->second != label) {
      it->second = -1;
    }
  }
  std::vector<bool> out(std::size_t(e.rows()));
  for (int i = 0; i < e.rows(); ++i) {
    out[std::size_t(i)] = labelOf[std::vector<float>(e.row(i), e.row(i) + e.dims)] < 0;
  }
  return out;
}

Score score(Network& net, const test::Events& e, const std::vector<bool>* skip = nullptr) {
  Score s;
  Prediction p;
  for (int i = 0; i < e.rows(); ++i) {
    if (skip != nullptr && (*skip)[std::size_t(i)]) continue;
    net.predict(e.row(i), p, net.scratch());
    ++s.counted;
    if (p.bestClass == e.y[std::size_t(i)]) {
      ++s.right;
    } else if (s.firstWrong < 0) {
      s.firstWrong = i;
    }
    s.known += p.known ? 1 : 0;
  }
  return s;
}

QString layersOf(const Network& net) {
  QStringList counts;
  for (int l = 0; l < net.depth(); ++l) counts << QString::number(net.neurons(l));
  return counts.join('+');
}

} // namespace

class TestDepth : public QObject {
  Q_OBJECT

  test::Events m_digits;

  /// The data set called \p name; false when it is not available (digits not installed).
  bool dataSet(const QString& name, test::Events& out) const {
    if (name.startsWith("parity")) {
      out = test::parity(name.mid(6).toInt());
    } else if (name == "spirals") {
      out = test::spirals(150, 0.02f, 7);
    } else if (name == "xor10") {
      out = test::xorNoise(600, 10, 13);
    } else if (name == "checkerboard") {
      out = test::checkerboard(800, 4, 5);
    } else if (name == "digits") {
      out = m_digits;
    }
    return out.rows() > 0;
  }

  /// \p maxNeurons neurons per layer, or 0 for room for a neuron per event (even parity,
  /// where every pattern is its own zone, fits), so that capacity never decides the depth.
  static Capacity capacityFor(const test::Events& e, int maxLayers, int maxNeurons) {
    Capacity cap;
    cap.maxDims = std::uint16_t(e.dims);
    cap.maxClasses = 10;
    cap.maxLayers = std::uint8_t(maxLayers);
    cap.maxEvents = std::uint32_t(e.rows());
    cap.maxNeurons = std::uint16_t(maxNeurons > 0 ? maxNeurons : std::min(e.rows(), 1024));
    return cap;
  }

  static std::unique_ptr<Box> build(const test::Events& e, const Capacity& cap) {
    auto box = std::make_unique<Box>(cap);
    const Status status = box->net.rebuild(e.x.data(), e.y.data(), std::uint32_t(e.rows()));
    if (status != Status::Ok) return nullptr;
    return box;
  }

  /// The data sets of issue 8, item 5, with room for every event.
  static void fullCapacityRows() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("maxNeurons");
    for (const char* name : {"parity3", "parity4", "parity5", "parity6", "spirals", "xor10",
                             "digits"}) {
      QTest::newRow(name) << QString(name) << 0;
    }
  }

  struct Pair {
    int deep = 0;     ///< held-out events right (bestClass), model allowed kDeepLayers
    int shallow = 0;  ///< the same for the depth-1 model
    int held = 0;     ///< held-out events
    int depth = 0;    ///< depth the deeper model kept
  };
  /// Both models built on the same training half of each seeded split, scored on the rest.
  std::vector<Pair> heldOutPairs(const QString& name, int maxNeurons) const {
    std::vector<Pair> pairs;
    test::Events e;
    if (!dataSet(name, e)) return pairs;
    for (std::uint64_t seed : kSplitSeeds) {
      test::Events train;
      test::Events held;
      test::splitHalf(e, seed, train, held);
      const auto deep = build(train, capacityFor(train, kDeepLayers, maxNeurons));
      const auto shallow = build(train, capacityFor(train, 1, maxNeurons));
      if (deep == nullptr || shallow == nullptr) return {};
      const Score d = score(deep->net, held);
      const Score s = score(shallow->net, held);
      qInfo("%s (%s neurons) split %llu: depth %d (%s) held-out %.4f, depth-1 (%s) %.4f",
            qPrintable(name), maxNeurons > 0 ? qPrintable(QString::number(maxNeurons)) : "all",
            static_cast<unsigned long long>(seed), deep->net.depth(),
            qPrintable(layersOf(deep->net)), double(d.right) / d.counted,
            qPrintable(layersOf(shallow->net)), double(s.right) / s.counted);
      pairs.push_back({d.right, s.right, d.counted, deep->net.depth()});
    }
    return pairs;
  }

private slots:
  void initTestCase() {
    data::Dataset digits;
    std::string error;
    if (!data::loadDigits(digits, error)) {
      qWarning("digits not loaded (%s): its rows will be skipped", error.c_str());
      return;
    }
    m_digits.dims = digits.dims;
    m_digits.x = digits.features;  // already scaled to [0, 1]
    for (int label : digits.labels) m_digits.y.push_back(std::uint8_t(label));
  }

  void reproducesItsTrainingSet_data() { fullCapacityRows(); }
  void reproducesItsTrainingSet() {
    // Both the model allowed kDeepLayers and the depth-1 model: each must answer its own
    // training events with their labels, and accept nearly all of them as known.
    QFETCH(QString, name);
    QFETCH(int, maxNeurons);
    test::Events e;
    if (!dataSet(name, e)) QSKIP("data set not installed");
    const std::vector<bool> conflicts = conflictingDuplicates(e);
    QStringList failures;
    for (int layers : {kDeepLayers, 1}) {
      const auto box = build(e, capacityFor(e, layers, maxNeurons));
      QVERIFY(box != nullptr);
      Network& net = box->net;
      const Score s = score(net, e, &conflicts);
      qInfo("%s, up to %d layers: %d events (%d conflicting duplicates), depth %d, neurons %s, "
            "reproduced %d/%d, known %.3f", qPrintable(name), layers, e.rows(),
            e.rows() - s.counted, net.depth(), qPrintable(layersOf(net)), s.right, s.counted,
            double(s.known) / s.counted);
      if (s.right != s.counted) {
        failures << QString("up to %1 layers (depth %2): %3 of %4 training events not "
                            "reproduced, first row %5")
                        .arg(layers).arg(net.depth()).arg(s.counted - s.right).arg(s.counted)
                        .arg(s.firstWrong);
      }
      if (s.known < 0.9 * s.counted) {
        failures << QString("up to %1 layers: only %2 of %3 training events known")
                        .arg(layers).arg(s.known).arg(s.counted);
      }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join("; ")));
  }

  void neverBelowDepthOneHeldOut_data() {
    fullCapacityRows();
    // With few neurons per layer the first layer cannot hold the data and depth is kept
    // often (with room for every event it rarely is): where the criterion really decides.
    for (const char* name : {"spirals", "xor10", "digits"}) {
      QTest::newRow(qPrintable(QString("%1, 16 neurons").arg(name))) << QString(name) << 16;
    }
  }
  void neverBelowDepthOneHeldOut() {
    QFETCH(QString, name);
    QFETCH(int, maxNeurons);
    test::Events e;
    if (!dataSet(name, e)) QSKIP("data set not installed");
    const std::vector<Pair> pairs = heldOutPairs(name, maxNeurons);
    QCOMPARE(pairs.size(), std::size(kSplitSeeds));
    // Exactly >=, no tolerance: both models share the same first layer (same events, same
    // construction), so every held-out event lost is the deeper layers' doing.
    QStringList failures;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (pairs[k].deep < pairs[k].shallow) {
        failures << QString("split %1: depth %2 gets %3/%5 held-out events right, depth 1 %4/%5")
                        .arg(kSplitSeeds[k]).arg(pairs[k].depth).arg(pairs[k].deep)
                        .arg(pairs[k].shallow).arg(pairs[k].held);
      }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join("; ")));
  }

  void depthIsKeptWhereItHelps_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("maxNeurons");
    // 16 neurons cannot draw a 4x4 checkerboard nor ten digit classes: the second layer, on
    // the first one's scores, corrects what the first one could not hold.
    QTest::newRow("checkerboard, 16 neurons") << QString("checkerboard") << 16;
    QTest::newRow("digits, 16 neurons") << QString("digits") << 16;
  }
  void depthIsKeptWhereItHelps() {
    QFETCH(QString, name);
    QFETCH(int, maxNeurons);
    test::Events e;
    if (!dataSet(name, e)) QSKIP("data set not installed");
    const std::vector<Pair> pairs = heldOutPairs(name, maxNeurons);
    QCOMPARE(pairs.size(), std::size(kSplitSeeds));
    // Depth is kept only when leave-one-out shows a gain beyond its own noise (sqrt of the
    // error count), so a split where the gain is marginal may stay at depth 1; where a layer is
    // kept, it must help on the held-out half.
    int kept = 0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (pairs[k].depth == 1) continue;
      ++kept;
      QVERIFY2(pairs[k].deep > pairs[k].shallow,
               qPrintable(QString("split %1: depth %2 gets %3/%5 held-out events right, "
                                  "depth 1 gets %4/%5")
                              .arg(kSplitSeeds[k]).arg(pairs[k].depth).arg(pairs[k].deep)
                              .arg(pairs[k].shallow).arg(pairs[k].held)));
    }
    QVERIFY2(kept >= 4, qPrintable(QString("depth kept on %1 of %2 splits").arg(kept)
                                       .arg(pairs.size())));
  }
};

QTEST_APPLESS_MAIN(TestDepth)
#include "test_depth.moc"
