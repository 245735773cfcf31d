// The known set's calibration: the rejection threshold is a share of known events, monotone,
// from "reject nothing" to "reject everything", and it travels with the model.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
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

  // Issue 10: the known-set distance in the model's scales is the mean of the two nearest
  // sqrt(sum_i s_i^2 (x_i - c_i)^2) over the first layer's centres, computed here by hand.
  void scaledDistanceMatchesAHandComputation() {
    test::Box box(test::smallCapacity(6, 1024));
    QCOMPARE(box.net.reset(6, 0), Status::Ok);
    KnownScaling rule;
    rule.standardise = true;
    const float prior[6] = {1.0f, 1.0f, 3.0f, 1.0f, 1.0f, 2.0f};
    QCOMPARE(box.net.setKnownScaling(rule, prior), Status::Ok);
    test::Events train = test::blobs(3, 60, 6, 2.0f, 31);
    // Features of different units: dimension 4 spans a hundred times the others.
    for (int i = 0; i < train.rows(); ++i) train.x[std::size_t(i) * 6 + 4] *= 100.0f;
    QCOMPARE(box.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
             Status::Ok);
    const float* s = box.net.knownScales();
    QVERIFY(!box.net.unitKnownScales());
    QVERIFY(s[4] < 0.05f * s[3]);           // standardised: the wide feature weighs less
    QVERIFY(s[2] > 2.0f * s[0]);             // the prior (3 against 1) on top
    const Layer& first = box.net.layer(0);
    const test::Events probe = test::blobs(3, 10, 6, 3.0f, 32);
    for (int r = 0; r < probe.rows(); ++r) {
      const float* x = probe.row(r);
      double best = -1.0, second = -1.0;
      for (int j = 0; j < first.count; ++j) {
        double sum = 0.0;
        for (int i = 0; i < 6; ++i) {
          const double d = double(s[i]) * (double(x[i]) - double(first.centre(j)[i]));
          sum += d * d;
        }
        const double dist = std::sqrt(sum);
        if (best < 0.0 || dist < best) {
          second = best;
          best = dist;
        } else if (second < 0.0 || dist < second) {
          second = dist;
        }
      }
      const double expected = 0.5 * (best + (second < 0.0 ? best : second));
      Prediction p;
      QCOMPARE(box.net.predict(x, p, box.net.scratch()), Status::Ok);
      QVERIFY2(std::fabs(double(p.knownDistance) - expected) <= 1e-4 * std::max(1.0, expected),
               qPrintable(QString("row %1: %2 against %3").arg(r).arg(double(p.knownDistance))
                              .arg(expected)));
    }
    // The threshold is still a share of knowns in the scaled distance.
    const test::Events fresh = test::blobs(3, 200, 6, 2.0f, 33);
    int rejected = 0;
    for (int i = 0; i < fresh.rows(); ++i) {
      std::vector<float> x(fresh.row(i), fresh.row(i) + 6);
      x[4] *= 100.0f;
      Prediction p;
      box.net.predict(x.data(), p, box.net.scratch());
      rejected += p.known ? 0 : 1;
    }
    const double share = double(rejected) / fresh.rows();
    QVERIFY2(share > 0.01 && share < 0.12, qPrintable(QString::number(share)));
  }

  void badScalesAreRefused() {
    test::Box box(test::smallCapacity(3));
    QCOMPARE(box.net.reset(3, 0), Status::Ok);
    const float zero[3] = {1.0f, 0.0f, 1.0f};
    const float nan[3] = {1.0f, std::nanf(""), 1.0f};
    const float inf[3] = {1.0f, 1.0f, std::numeric_limits<float>::infinity()};
    const float good[3] = {1.0f, 2.0f, 0.5f};
    for (const float* bad : {zero, nan, inf}) {
      QCOMPARE(box.net.setKnownScales(bad), Status::InvalidArgument);
      QCOMPARE(box.net.setKnownScaling(KnownScaling(), bad), Status::InvalidArgument);
      QVERIFY(box.net.unitKnownScales());
    }
    QCOMPARE(box.net.setKnownScales(good), Status::Ok);
    QVERIFY(!box.net.unitKnownScales());
    QCOMPARE(box.net.reset(3, 0), Status::Ok);  // reset: the plain Euclidean distance again
    QVERIFY(box.net.unitKnownScales());
    QCOMPARE(box.net.knownScales()[1], 1.0f);
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
