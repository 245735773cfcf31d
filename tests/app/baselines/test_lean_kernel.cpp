// The board's lean kernel as `dlm bench` runs it: learns one event at a time at the board's
// capacity, and decides like the full kernel learning the same events with that capacity.
#include "app/baselines/lean_kernel.h"
#include "app/baselines/rng.h"
#include "core/network.h"
#include "devices/firmware/firmware_app.h"

#include <QtTest>

#include <algorithm>

#include <vector>

using dlm::bench::SplitMix64;

namespace {

constexpr int kDims = 20;
constexpr int kClasses = 3;

// Blob c is centred at 3 on coordinate c (0 elsewhere), with noise 0.3; far points sit at 8.
std::vector<float> blobPoint(int c, SplitMix64& rng) {
  std::vector<float> x(kDims);
  for (int d = 0; d < kDims; ++d)
    x[std::size_t(d)] = float(0.3 * rng.nextGaussian()) + (d == c ? 3.0f : 0.0f);
  return x;
}

std::vector<float> farPoint(SplitMix64& rng) {
  std::vector<float> x(kDims);
  for (int d = 0; d < kDims; ++d) x[std::size_t(d)] = float(0.3 * rng.nextGaussian());
  x[kDims - 1] = 8.0f;
  return x;
}

} // namespace

class TestLeanKernel : public QObject {
  Q_OBJECT

private slots:
  void refusesWhatTheBoardCannotHold() {
    leankernel::BoardKernel board;
    QVERIFY(!board.reset(dlm::firmware::FirmwareApp::kCapacity.maxDims + 1));
    float x[kDims] = {};
    leankernel::Outcome out;
    QVERIFY(!board.learn(x, 0));
    QVERIFY(!board.predict(x, out));
    QCOMPARE(leankernel::BoardKernel::maxNeurons(),
             int(dlm::firmware::FirmwareApp::kCapacity.maxNeurons));
  }

  void learnsOneEventAtATimeLikeTheFullKernel() {
    const dlm::Capacity cap = dlm::firmware::FirmwareApp::kCapacity;
    std::vector<unsigned char> arena(dlm::Network::arenaBytes(cap));
    dlm::Network full;
    QCOMPARE(full.init(cap, arena.data(), arena.size()), dlm::Status::Ok);
    QCOMPARE(full.reset(kDims, 0), dlm::Status::Ok);
    leankernel::BoardKernel board;
    QVERIFY(board.reset(kDims));
    SplitMix64 rng(17);
    for (int i = 0; i < 10 * kClasses; ++i) {
      const std::vector<float> x = blobPoint(i % kClasses, rng);
      QVERIFY(board.learn(x.data(), i % kClasses));
      QCOMPARE(full.learn(x.data(), i % kClasses), dlm::Status::Ok);
    }
    QCOMPARE(board.neurons(), full.neurons(0));
    QVERIFY(board.neurons() >= kClasses);
    int right = 0;
    double knownBlob = 1e30, unknownFar = -1e30;
    for (int i = 0; i < 30; ++i) {
      const int c = i % kClasses;
      const std::vector<float> x = blobPoint(c, rng);
      leankernel::Outcome out;
      dlm::Prediction p;
      QVERIFY(board.predict(x.data(), out));
      QCOMPARE(full.predict(x.data(), p, full.scratch()), dlm::Status::Ok);
      QCOMPARE(out.bestClass, p.bestClass);
      right += out.bestClass == c ? 1 : 0;
      knownBlob = std::min(knownBlob, double(out.knownScore));
      const std::vector<float> far = farPoint(rng);
      QVERIFY(board.predict(far.data(), out));
      unknownFar = std::max(unknownFar, double(out.knownScore));
    }
    QCOMPARE(right, 30);
    // Higher = more known: every fresh blob event outscores every far one.
    QVERIFY2(knownBlob > unknownFar,
             qPrintable(QString("%1 <= %2").arg(knownBlob).arg(unknownFar)));
  }
};

QTEST_GUILESS_MAIN(TestLeanKernel)
#include "test_lean_kernel.moc"
