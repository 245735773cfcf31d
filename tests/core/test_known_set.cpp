// The known set's calibration: the rejection threshold is a share of known events, monotone,
// from "reject nothing" to "reject everything", and it travels with the model.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "blobs.h"
#include "core/known_set.h"
#include "core/model_format.h"

using namespace dlm;

namespace {

// Share of \p distances a calibration rejects at \p threshold.
double rejectedShare(const KnownCalibration& c, const std::vector<float>& distances,
                     float threshold) {
  int rejected = 0;
  for (float d : distances) rejected += isKnownLevel(c.level(d, 1.0f), threshold) ? 0 : 1;
  return double(rejected) / double(distances.size());
}

std::vector<float> sortedNoise(int n, std::uint64_t seed) {
  std::vector<float> v;
  for (int i = 0; i < n; ++i) v.push_back(std::fabs(2.0f + test::noise(seed)));
  std::sort(v.begin(), v.end());
  return v;
}

} // namespace

class TestKnownSet : public QObject {
  Q_OBJECT

private slots:
  void levelIsStrictlyDecreasingAndBounded() {
    KnownCalibration c;
    const std::vector<float> held = sortedNoise(400, 3);
    c.setFromSorted(held.data(), std::uint32_t(held.size()));
    QCOMPARE(c.count(), kCalibrationKnots);
    float previous = 2.0f;
    // Far past the knots too: no ties at zero, however far.
    for (float d = 0.0f; d < 1.0e6f; d = d < 1.0f ? d + 0.01f : d * 1.5f) {
      const float level = c.level(d, 1.0f);
      QVERIFY2(level < previous, qPrintable(QString("distance %1").arg(double(d))));
      QVERIFY(level > 0.0f && level <= 1.0f);
      previous = level;
    }
    // Each knot stands for its quantile.
    for (int k = 0; k < c.count(); ++k) {
      QVERIFY(std::fabs(c.level(c.knots()[k], 1.0f) -
                        (1.0f - (float(k) + 0.5f) / float(c.count()))) < 1e-5f);
    }
  }

  void thresholdIsTheShareOfKnownsRejected() {
    // Calibrated on one sample of held-out distances, judged on another from the same law.
    KnownCalibration c;
    const std::vector<float> held = sortedNoise(2000, 11);
    c.setFromSorted(held.data(), std::uint32_t(held.size()));
    const std::vector<float> fresh = sortedNoise(4000, 12);
    QCOMPARE(rejectedShare(c, fresh, 0.0f), 0.0);
    QCOMPARE(rejectedShare(c, fresh, 1.0f), 1.0);
    double previous = 0.0;
    for (int step = 0; step <= 20; ++step) {
      const float t = float(step) / 20.0f;
      const double share = rejectedShare(c, fresh, t);
      QVERIFY(share >= previous);  // monotone: raising the threshold never rejects less
      QVERIFY2(std::fabs(share - double(t)) <= 0.05,
               qPrintable(QString("threshold %1 rejects %2").arg(double(t)).arg(share)));
      previous = share;
    }
  }

  void onlineSketchKeepsTheMostRecent() {
    KnownCalibration c;
    for (int i = 0; i < 100; ++i) c.insert(float(100 - i));  // distances shrink as it learns
    QCOMPARE(c.count(), kCalibrationKnots);
    // The 32 most recent are 1 .. 32, in order.
    for (int k = 0; k < c.count(); ++k) QCOMPARE(c.knots()[k], float(k + 1));
    c.insert(std::nanf(""));
    c.insert(-1.0f);
    QCOMPARE(c.knots()[0], 1.0f);  // refused, nothing replaced
  }

  void networkRejectsTheShareItPromises() {
    // On fresh events of the known classes, the rejected share follows the threshold.
    Capacity cap = test::smallCapacity(6, 1024);
    test::Box box(cap);
    const test::Events train = test::blobs(3, 200, 6, 2.0f, 21);
    QCOMPARE(box.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
             Status::Ok);
    const test::Events fresh = test::blobs(3, 200, 6, 2.0f, 22);
    double previous = -1.0;
    for (float t : {0.0f, 0.05f, 0.2f, 0.5f, 0.8f, 1.0f}) {
      box.net.setThreshold(t);
      int rejected = 0;
      Prediction p;
      for (int i = 0; i < fresh.rows(); ++i) {
        box.net.predict(fresh.row(i), p, box.net.scratch());
        rejected += p.known ? 0 : 1;
      }
      const double share = double(rejected) / fresh.rows();
      qInfo("threshold %.2f rejects %.3f of fresh knowns", double(t), share);
      QVERIFY(share >= previous);
      QVERIFY2(std::fabs(share - double(t)) <= 0.1, qPrintable(QString::number(share)));
      previous = share;
    }
  }

  void calibrationTravelsWithTheModel() {
    const Capacity cap = {64, 6, 1, 4, 0, false};  // a board learning on its own
    test::Box board(cap);
    QCOMPARE(board.net.reset(6, 0), Status::Ok);
    const test::Events train = test::blobs(3, 30, 6, 2.0f, 5);
    for (int i = 0; i < train.rows(); ++i) board.net.learn(train.row(i), train.y[std::size_t(i)]);
    QVERIFY(board.net.calibration().count() > 0);
    std::vector<std::uint8_t> bytes(modelBytes(board.net));
    std::size_t n = 0;
    QCOMPARE(saveModel(board.net, nullptr, bytes.data(), bytes.size(), &n), Status::Ok);
    test::Box copy(cap);
    QCOMPARE(loadModel(bytes.data(), n, copy.net, nullptr), Status::Ok);
    const KnownCalibration& a = board.net.calibration();
    const KnownCalibration& b = copy.net.calibration();
    QCOMPARE(b.count(), a.count());
    QCOMPARE(b.arrivals(), a.arrivals());
    for (int k = 0; k < a.count(); ++k) {
      QCOMPARE(b.knots()[k], a.knots()[k]);
      QCOMPARE(b.stamps()[k], a.stamps()[k]);
    }
    QCOMPARE(copy.net.spacing(), board.net.spacing());
    // A corrupt calibration (knots out of order) is refused like any other corrupt value.
    KnownCalibration bad;
    const float knots[2] = {2.0f, 1.0f};
    const std::uint8_t stamps[2] = {0, 1};
    QVERIFY(!bad.assign(knots, stamps, 2, 2));
  }
};

QTEST_APPLESS_MAIN(TestKnownSet)
#include "test_known_set.moc"
