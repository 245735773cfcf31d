// Continuing a model: the capacity it gets, moving it into that capacity, matching classes.
#include <QtTest>

#include <cstdint>
#include <string>
#include <vector>

#include "app/cli/evaluation.h"
#include "app/cli/network_box.h"

using dlm::Capacity;
using dlm::Prediction;
using dlm::Status;
using dlm::cli::NetworkBox;

namespace {

constexpr int kDims = 4;

// Three well separated clusters, deterministic.
std::vector<float> clusterEvents(int perClass, int classes, std::vector<int>& labels) {
  std::vector<float> x;
  std::uint32_t state = 12345u;
  const auto noise = [&state]() {
    state = state * 1664525u + 1013904223u;
    return float(state >> 8) / float(1u << 24) - 0.5f;
  };
  for (int i = 0; i < perClass * classes; ++i) {
    const int c = i % classes;
    for (int d = 0; d < kDims; ++d) {
      x.push_back(float(d == c % kDims ? 4 * (1 + c / kDims) : 0) + noise());
    }
    labels.push_back(c);
  }
  return x;
}

bool learnInto(NetworkBox& box, const std::vector<float>& x, const std::vector<int>& y) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (box.network().learn(&x[i * kDims], y[i]) != Status::Ok) return false;
  }
  return true;
}

} // namespace

class TestContinue : public QObject {
  Q_OBJECT

private slots:
  void capacityLeavesRoomAndKeepsNoEvents() {
    std::vector<int> y;
    const std::vector<float> x = clusterEvents(10, 3, y);
    NetworkBox box;
    std::string error;
    QVERIFY2(box.create(dlm::cli::learningCapacity(30, kDims, 3, 2048), kDims, error),
             error.c_str());
    QVERIFY(learnInto(box, x, y));
    const int neurons = box.network().neurons(0);
    QVERIFY(neurons > 0);
    Capacity cap = dlm::cli::continuationCapacity(box.network(), 50, 5, 2048, true);
    QCOMPARE(int(cap.maxNeurons), neurons + 50);  // a neuron per new event at most
    QCOMPARE(int(cap.maxClasses), 5);
    QCOMPARE(int(cap.maxDims), kDims);
    QCOMPARE(cap.maxEvents, 0u);  // a rebuild from the new events alone would forget the old
    QVERIFY(cap.exactReadout);
    QVERIFY(int(cap.maxLayers) >= box.network().depth());
    cap = dlm::cli::continuationCapacity(box.network(), 50, 2, 1, false);
    QCOMPARE(int(cap.maxNeurons), neurons);  // never below what the model already has
    QCOMPARE(int(cap.maxClasses), 3);        // nor fewer classes
    QVERIFY(!cap.exactReadout);
  }

  void resizeKeepsTheModelAndMakesRoom() {
    std::vector<int> y;
    const std::vector<float> x = clusterEvents(10, 3, y);
    NetworkBox learned;
    std::string error;
    QVERIFY(learned.create(dlm::cli::learningCapacity(30, kDims, 3, 2048), kDims, error));
    QVERIFY(learnInto(learned, x, y));
    learned.classNames() = {"a", "b", "c"};
    const QString file = m_dir.filePath("m.dlm");
    QVERIFY2(learned.saveFile(file.toStdString(), error), error.c_str());

    NetworkBox box;
    QVERIFY2(box.loadFile(file.toStdString(), error), error.c_str());
    std::vector<float> fourth(kDims, 0.0f);
    fourth[3] = 20.0f;
    // Loaded for predicting only: no room for a fourth class.
    QCOMPARE(box.network().learn(fourth.data(), 3), Status::ClassOutOfRange);
    std::vector<Prediction> before(y.size());
    dlm::Network& net = box.network();
    for (std::size_t i = 0; i < y.size(); ++i) net.predict(&x[i * kDims], before[i], net.scratch());
    QVERIFY2(box.resize(dlm::cli::continuationCapacity(box.network(), 5, 4, 2048, true), error),
             error.c_str());
    QCOMPARE(box.classNames(), (std::vector<std::string>{"a", "b", "c"}));
    Prediction p;
    for (std::size_t i = 0; i < y.size(); ++i) {
      box.network().predict(&x[i * kDims], p, box.network().scratch());
      QCOMPARE(p.bestClass, before[i].bestClass);
      QCOMPARE(p.knownScore, before[i].knownScore);
    }
    QCOMPARE(box.network().learn(fourth.data(), 3), Status::Ok);
    QCOMPARE(box.network().classes(), 4);
    box.network().predict(fourth.data(), p, box.network().scratch());
    QCOMPARE(p.bestClass, 3);
  }

  void classNamesMatchNumbersAsNumbers() {
    const std::vector<std::string> model = {"1", "x", "2.5"};
    const std::vector<int> mapped = dlm::cli::mapClassNames(
        model, {"1.0", " 1", "x", "X", "2.50", "3", "+1e0"});
    QCOMPARE(mapped, (std::vector<int>{0, 0, 1, -1, 2, -1, 0}));
  }

private:
  QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestContinue)
#include "test_continue.moc"
