// The studio's host network within a connected board's capacity: every model it builds can be
// pushed to that board, however deep the rebuild goes.
#include <QtTest>

#include <vector>

#include "app/learning/host_network.h"
#include "core/model_format.h"
#include "devices/firmware/firmware_app.h"
#include "tests/core/blobs.h"

using namespace dlm;
using dlm::app::HostNetwork;

namespace {

constexpr int kDims = 58;  // the board's descriptor

// XOR of two signs, the rest faint noise: data where a first layer leaves errors to correct.
void xorEvents(int rows, std::vector<float>& x, std::vector<std::uint8_t>& y) {
  std::uint32_t seed = 12345u;
  auto uniform = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return float(seed >> 8) * (2.0f / 16777216.0f) - 1.0f;
  };
  for (int i = 0; i < rows; ++i) {
    float row[kDims];
    for (int d = 0; d < kDims; ++d) row[d] = d < 2 ? uniform() : 0.05f * uniform();
    x.insert(x.end(), row, row + kDims);
    y.push_back(std::uint8_t((row[0] > 0.0f) != (row[1] > 0.0f)));
  }
}

} // namespace

class TestHostNetwork : public QObject {
  Q_OBJECT

private slots:
  void buildsUpToFourLayersWithoutABoard() {
    HostNetwork net;
    QString error;
    QVERIFY(net.ensure(300, kDims, 2, &error) != HostNetwork::Outcome::Failed);
    QVERIFY(net.capacity().maxLayers >= 4);
    QCOMPARE(int(net.capacity().maxDeepNeurons), 0);
  }

  // Issue 10: the boards' descriptors get known-set scales at a rebuild (standardised within
  // classes), saved in the model; other features keep the plain Euclidean distance.
  void descriptorsGetKnownSetScales() {
    std::vector<float> x;
    std::vector<std::uint8_t> y;
    xorEvents(200, x, y);
    for (int channels : {3, 0, 1}) {
      HostNetwork net;
      QString error;
      QVERIFY(net.ensure(int(y.size()), kDims, 2, &error) != HostNetwork::Outcome::Failed);
      net.setDescriptorChannels(channels);  // 1 channel: 20 dims, not these events
      Network& network = net.network();
      QCOMPARE(network.rebuild(x.data(), y.data(), std::uint32_t(y.size())), Status::Ok);
      QCOMPARE(network.unitKnownScales(), channels != 3);
      const QByteArray bytes = net.modelBytes({"a", "b"});
      QCOMPARE(int(std::uint8_t(bytes[4])), channels == 3 ? 3 : 2);
      HostNetwork again;
      QVERIFY(again.load(bytes, int(y.size()), &error));
      QCOMPARE(again.network().unitKnownScales(), channels != 3);
      QCOMPARE(again.modelBytes({"a", "b"}), bytes);
    }
  }

  void aBoardsLimitsBoundEveryLayer() {
    const Capacity board = firmware::FirmwareApp::kCapacity;
    HostNetwork net;
    net.setLimits(board.maxLayers, board.maxNeurons, board.maxDeepNeurons);
    QString error;
    std::vector<float> x;
    std::vector<std::uint8_t> y;
    xorEvents(600, x, y);
    QCOMPARE(net.ensure(int(y.size()), kDims, 2, &error), HostNetwork::Outcome::Reinitialised);
    QCOMPARE(int(net.capacity().maxLayers), int(board.maxLayers));
    QCOMPARE(int(net.capacity().maxDeepNeurons), int(board.maxDeepNeurons));
    QVERIFY(net.capacity().maxNeurons <= board.maxNeurons);
    Network& network = net.network();
    QCOMPARE(network.reset(kDims, 2), Status::Ok);
    QCOMPARE(network.rebuild(x.data(), y.data(), std::uint32_t(y.size())), Status::Ok);
    for (int l = 1; l < network.depth(); ++l) QVERIFY(network.neurons(l) <= board.maxDeepNeurons);

    // Its model loads into a network of exactly the board's capacity.
    const QByteArray bytes = net.modelBytes({QStringLiteral("same"), QStringLiteral("differ")});
    QVERIFY(!bytes.isEmpty());
    std::vector<unsigned char> arena(Network::arenaBytes(board));
    Network onBoard;
    QCOMPARE(onBoard.init(board, arena.data(), arena.size()), Status::Ok);
    ClassName names[16];
    QCOMPARE(loadModel(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                       std::size_t(bytes.size()), onBoard, names),
             Status::Ok);
    QCOMPARE(onBoard.depth(), network.depth());
  }

  void aWiderModelStillLoadsInTheStudio() {
    // A project's model built before a board was connected, its deeper layers wider than the
    // board's (set by hand: a rebuild keeps depth only where it helps), still loads while the
    // board's limits hold: the arena grows to fit it.
    HostNetwork wide;
    QString error;
    std::vector<float> x;
    std::vector<std::uint8_t> y;
    xorEvents(400, x, y);
    QVERIFY(wide.ensure(int(y.size()), kDims, 2, &error) != HostNetwork::Outcome::Failed);
    QCOMPARE(wide.network().reset(kDims, 2), Status::Ok);
    QCOMPARE(wide.network().rebuild(x.data(), y.data(), std::uint32_t(y.size())), Status::Ok);
    if (wide.network().depth() == 1) {
      test::Events train;
      train.dims = kDims;
      train.x = x;
      train.y = y;
      QVERIFY(test::deepen(wide.network(), train, 3, 8));
    }
    QVERIFY(wide.network().neurons(1) > firmware::FirmwareApp::kCapacity.maxDeepNeurons);
    const QByteArray bytes = wide.modelBytes({QStringLiteral("same"), QStringLiteral("differ")});
    HostNetwork narrow;
    const Capacity board = firmware::FirmwareApp::kCapacity;
    narrow.setLimits(board.maxLayers, board.maxNeurons, board.maxDeepNeurons);
    QVERIFY2(narrow.load(bytes, int(y.size()), &error), qPrintable(error));
    QCOMPARE(narrow.network().depth(), wide.network().depth());
    QCOMPARE(narrow.network().neurons(1), wide.network().neurons(1));
  }
};

QTEST_APPLESS_MAIN(TestHostNetwork)
#include "test_host_network.moc"
