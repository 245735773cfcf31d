// The studio's window on a fleet: a real mosquitto on a free localhost port and three gateways
// the test plays with the reference codec (ten boards; one gateway gone). The Fleet view lists
// them; opening a board from it makes it the studio's board (its live samples plotted, its
// events in the events table, tagged and learned); the studio's model is pushed to a
// selection and each board's outcome shows in the view. With DLM_SCREENSHOT_DIR set (and a
// real display, e.g. Xvfb) it saves the window at 1366 × 768 and 1920 × 1080.
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "app/views/gesture_catalogue.h"
#include "tests/app/fleet/fake_gateway.h"
#include "tests/app/studio_test_util.h"
#include "ui/board/board_panel.h"
#include "ui/fleet/fleet_panel.h"
#include "ui/main_window/main_window.h"

using dlm::app::BrokerStatusView;
using dlm::app::EventTableLayout;
using dlm::app::FleetTableLayout;
using dlm::app::StudioController;
using dlm::app::test::FakeGateway;
using dlm::app::test::kBrokerTimeoutMs;
using dlm::testing::MosquittoBroker;
namespace fleet = dlm::fleet;
namespace lnk = dlm::link;

namespace {

constexpr int kLearnTimeoutMs = 60000;
constexpr int kFramesPerTick = 250; // 5 x real time at 1 kHz, every 50 ms

// A board's stream: gestures one after the other, and the events the firmware's detector
// finds in it (start, length, descriptor), each with the gesture that caused it.
struct Recording {
  std::vector<std::int16_t> samples;
  QVector<lnk::BoardEvent> events;
};

Recording record(const QVector<int>& gestures) {
  Recording r;
  r.samples = dlm::app::test::gestureStream(gestures, 11);
  dlm::firmware::EventDetector detector;
  dlm::DescriptorConfig dc;
  std::vector<std::int16_t> window(dlm::firmware::EventDetector::kMaxWindowFrames * 3);
  const auto frames = std::uint32_t(r.samples.size() / 3);
  for (std::uint32_t pos = 0; pos < frames;) {
    pos += detector.process(r.samples.data() + pos * 3, frames - pos);
    if (!detector.eventReady()) continue;
    const std::uint32_t n =
        detector.copyWindow(window.data(), dlm::firmware::EventDetector::kMaxWindowFrames);
    lnk::BoardEvent e;
    e.id = quint32(100 + r.events.size());
    e.startSample = detector.lastEvent().start;
    e.frames = int(n);
    e.bestClass = 0;
    e.confidence = 0.0f;
    e.requestedGesture = gestures.value(int(r.events.size()), -1);
    e.descriptor.resize(dc.dims());
    dlm::computeDescriptor(dc, window.data(), n, e.descriptor.data(), dc.dims());
    r.events << e;
  }
  return r;
}

} // namespace

class TestStudioFleet : public QObject {
  Q_OBJECT
  QTranslator m_english;
  MosquittoBroker m_broker;

  void screenshot(QWidget* window, const QSize& size, const QString& name) {
    const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    window->resize(size);
    QTest::qWait(1500); // the live plot scrolls and relayouts
    window->grab().save(QDir(dir).filePath(name));
  }

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QStandardPaths::setTestModeEnabled(true);
    if (!MosquittoBroker::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
  }

  void fleetViewOpenTagAndPush() {
    FakeGateway line1(m_broker, "plant-north", "line-1");
    FakeGateway line2(m_broker, "plant-north", "line-2");
    FakeGateway bench(m_broker, "lab", "bench");
    QVERIFY(line1.waitConnected() && line2.waitConnected() && bench.waitConnected());
    const QStringList boards1{"v00", "v01", "v02", "v03", "v04"};
    const QStringList boards2{"v00", "v01", "v02"};
    QVERIFY(line1.online(boards1) && line2.online(boards2) && bench.online({"b1", "b2"}));
    for (const QString& b : boards1) QVERIFY(line1.boardUp(b, 0x5A17C0DE));
    QVERIFY(line2.boardUp("v00") && line2.boardUp("v01"));
    QVERIFY(line2.identity("v02", dlm::app::test::fakeBoardInfo()) &&
            line2.state("v02", lnk::LinkState::Reconnecting));
    QVERIFY(bench.boardUp("b1", 0x0BE4C401) && bench.boardUp("b2", 0x0BE4C401));
    QVERIFY(bench.online({"b1", "b2"}, false)); // its last will: the bench's gateway is gone
    const auto publishStats = [&] {
      for (int i = 0; i < boards1.size(); ++i) line1.stats(boards1[i], 0.4 + 0.15 * i, 0.05 * i);
      for (int i = 0; i < 2; ++i) line2.stats(boards2[i], 1.2 - 0.5 * i, 0.12);
    };
    publishStats();

    StudioController controller;
    dlm::ui::MainWindow window(&controller);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.applyLayoutPreset(dlm::ui::MainWindow::LayoutPreset::Fleet);
    dlm::ui::FleetPanel* view = window.fleet();
    QVERIFY(!view->isShowingTable());
    dlm::app::BrokerSettings broker;
    broker.host = "127.0.0.1";
    broker.port = m_broker.port();
    QVERIFY(controller.connectToBroker(broker));
    QTRY_COMPARE_WITH_TIMEOUT(controller.brokerStatus().state,
                              BrokerStatusView::State::Connected, kBrokerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->shownModel()->rowCount(), 10, kBrokerTimeoutMs);
    QVERIFY(view->isShowingTable());
    QTRY_COMPARE_WITH_TIMEOUT(view->countText(), QString("7 of 10 boards online"),
                              kBrokerTimeoutMs);

    // Open line-1's first board from the view.
    const QString key = line1.key("v00");
    view->selectKeys({key});
    view->findChild<QPushButton*>("fleetOpen")->click();
    QTRY_VERIFY_WITH_TIMEOUT(controller.isBoardConnected() && controller.isFleetBoard(),
                             kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.board()->isConnected(), kBrokerTimeoutMs);

    // Its signal and its events, as a gateway streams them while the board is watched.
    const Recording rec = record({0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
    QVERIFY(rec.events.size() >= 10);
    std::size_t sent = 0;
    int eventsSent = 0;
    quint64 seq = 0;
    QTimer stream;
    QObject::connect(&stream, &QTimer::timeout, &stream, [&] {
      const std::size_t total = rec.samples.size() / 3;
      const std::size_t n = std::min<std::size_t>(kFramesPerTick, total - sent);
      if (n == 0) return;
      fleet::SamplesPayload s{"v00", quint32(sent), 3, 1000, {}};
      s.values = QVector<qint16>(rec.samples.begin() + long(sent * 3),
                                 rec.samples.begin() + long((sent + n) * 3));
      line1.publish(line1.topic(fleet::TopicKind::Samples, "v00"), fleet::encode(s), false, 0);
      sent += n;
      while (eventsSent < rec.events.size() &&
             rec.events[eventsSent].startSample + quint32(rec.events[eventsSent].frames) <= sent) {
        line1.event("v00", ++seq, rec.events[eventsSent++], 0x5A17C0DE);
      }
    });
    stream.start(50);
    dlm::app::StudioEvents* events = controller.events();
    QTRY_COMPARE_WITH_TIMEOUT(events->eventCount(), int(rec.events.size()), 30000);

    // Tagged as their gestures; the studio learns.
    for (int g = 0; g < 3; ++g) QCOMPARE(events->createClass(dlm::app::gestureName(g)), g);
    for (int row = 0; row < events->eventCount(); ++row) {
      const int id = events->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
      QVERIFY(events->tagEvents({id}, rec.events[row].requestedGesture));
    }
    QTRY_VERIFY_WITH_TIMEOUT(controller.isLearningUpToDate() &&
                                 controller.studioModelIdentity() != 0,
                             kLearnTimeoutMs);
    const quint32 model = controller.studioModelIdentity();
    QTRY_COMPARE_WITH_TIMEOUT(line1.commandsOf("v00", fleet::CommandOp::Label).size(),
                              events->eventCount(), kBrokerTimeoutMs);

    // Pushed to a selection across two gateways; each board's outcome in the view.
    QStringList targets;
    for (const QString& b : boards1) targets << line1.key(b);
    targets << line2.key("v00") << line2.key("v01");
    QVERIFY(controller.pushModelToFleet(targets));
    QTRY_VERIFY_WITH_TIMEOUT(line1.pushes.size() == 1 && line2.pushes.size() == 1,
                             kBrokerTimeoutMs);
    const QString push = line1.pushes[0].push;
    const auto total = quint32(line1.pushes[0].model.size());
    for (const QString b : {"v00", "v01", "v02", "v03"}) {
      line1.outcome(b, push, fleet::PushResult::Verified, model, "activated");
      line1.boardUp(b, model);
    }
    line1.progress("v04", push, fleet::PushState::Sending, total * 3 / 5, total);
    line2.outcome("v00", push, fleet::PushResult::Verified, model, "activated");
    line2.boardUp("v00", model);
    line2.outcome("v01", push, fleet::PushResult::Failed, 0,
                  "the board refused it: larger than its 65536-byte store");
    publishStats();
    QTRY_VERIFY_WITH_TIMEOUT(view->pushSummaryText().contains("5 verified, 1 failed, 1 in progress"),
                             kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.board()->pushOutcomeText().contains("verified"),
                             kBrokerTimeoutMs);
    QCOMPARE(controller.boardModelIdentity(), model);
    view->selectKeys({key});
    screenshot(&window, QSize(1366, 768), "fleet-1366x768.png");
    screenshot(&window, QSize(1920, 1080), "fleet-1920x1080.png");
    stream.stop();
    controller.disconnectBroker();
    for (FakeGateway* g : {&line1, &line2}) g->clearRetained(boards1);
    bench.clearRetained({"b1", "b2"});
  }
};

QTEST_MAIN(TestStudioFleet)
#include "test_studio_fleet.moc"
