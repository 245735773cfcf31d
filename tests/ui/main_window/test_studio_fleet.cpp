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

#include <memory>

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
using dlm::fleetbench::BrokerProcess;
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

// One fleet, one studio window for the whole test; the slots run in order, each a step.
class TestStudioFleet : public QObject {
  Q_OBJECT
  QTranslator m_english;
  BrokerProcess m_broker;
  std::unique_ptr<FakeGateway> m_line1, m_line2, m_bench;
  std::unique_ptr<StudioController> m_controller;
  std::unique_ptr<dlm::ui::MainWindow> m_window;
  QTimer m_stream;
  Recording m_rec;
  const QStringList m_boards1{"v00", "v01", "v02", "v03", "v04"};
  const QStringList m_boards2{"v00", "v01", "v02"};

  void screenshot(const QSize& size, const QString& name) {
    const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    m_window->resize(size);
    QTest::qWait(1500); // the live plot scrolls and relayouts
    m_window->grab().save(QDir(dir).filePath(name));
  }

  void publishStats() {
    for (int i = 0; i < m_boards1.size(); ++i) m_line1->stats(m_boards1[i], 0.4 + 0.15 * i, 0.05 * i);
    for (int i = 0; i < 2; ++i) m_line2->stats(m_boards2[i], 1.2 - 0.5 * i, 0.12);
  }

  // The stream of line-1/v00 as its gateway publishes it while watched: samples, then each
  // event once its last sample is out.
  void streamTheOpenedBoard() {
    auto sent = std::make_shared<std::size_t>(0);
    auto events = std::make_shared<int>(0);
    QObject::connect(&m_stream, &QTimer::timeout, &m_stream, [this, sent, events] {
      const std::size_t total = m_rec.samples.size() / 3;
      const std::size_t n = std::min<std::size_t>(kFramesPerTick, total - *sent);
      if (n == 0) return;
      fleet::SamplesPayload s{"v00", quint32(*sent), 3, 1000, {}};
      s.values = QVector<qint16>(m_rec.samples.begin() + long(*sent * 3),
                                 m_rec.samples.begin() + long((*sent + n) * 3));
      m_line1->publish(m_line1->topic(fleet::TopicKind::Samples, "v00"), fleet::encode(s),
                       false, 0);
      *sent += n;
      while (*events < m_rec.events.size() &&
             m_rec.events[*events].startSample + quint32(m_rec.events[*events].frames) <= *sent) {
        m_line1->event("v00", quint64(*events + 1), m_rec.events[*events], 0x5A17C0DE);
        ++*events;
      }
    });
    m_stream.start(50);
  }

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QStandardPaths::setTestModeEnabled(true);
    if (!BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
  }

  void cleanupTestCase() {
    m_stream.stop();
    m_window.reset();
    m_controller.reset();
    for (auto* g : {m_line1.get(), m_line2.get()})
      if (g != nullptr) g->clearRetained(m_boards1);
    if (m_bench) m_bench->clearRetained({"b1", "b2"});
  }

  // Ten boards on three gateways: line-2/v02 reconnecting, the bench's gateway gone.
  void theFleetViewListsTheBoards() {
    m_line1 = std::make_unique<FakeGateway>(m_broker, "plant-north", "line-1");
    m_line2 = std::make_unique<FakeGateway>(m_broker, "plant-north", "line-2");
    m_bench = std::make_unique<FakeGateway>(m_broker, "lab", "bench");
    QVERIFY(m_line1->waitConnected() && m_line2->waitConnected() && m_bench->waitConnected());
    QVERIFY(m_line1->online(m_boards1) && m_line2->online(m_boards2) &&
            m_bench->online({"b1", "b2"}));
    for (const QString& b : m_boards1) QVERIFY(m_line1->boardUp(b, 0x5A17C0DE));
    QVERIFY(m_line2->boardUp("v00") && m_line2->boardUp("v01"));
    QVERIFY(m_line2->identity("v02", dlm::app::test::fakeBoardInfo()) &&
            m_line2->state("v02", lnk::LinkState::Reconnecting));
    QVERIFY(m_bench->boardUp("b1", 0x0BE4C401) && m_bench->boardUp("b2", 0x0BE4C401));
    QVERIFY(m_bench->online({"b1", "b2"}, false)); // its last will
    publishStats();

    m_controller = std::make_unique<StudioController>();
    m_window = std::make_unique<dlm::ui::MainWindow>(m_controller.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->applyLayoutPreset(dlm::ui::MainWindow::LayoutPreset::Fleet);
    dlm::ui::FleetPanel* view = m_window->fleet();
    QVERIFY(!view->isShowingTable());
    dlm::app::BrokerSettings broker;
    broker.host = "127.0.0.1";
    broker.port = m_broker.port();
    QVERIFY(m_controller->connectToBroker(broker));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->brokerStatus().state,
                              BrokerStatusView::State::Connected, kBrokerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->shownModel()->rowCount(), 10, kBrokerTimeoutMs);
    QVERIFY(view->isShowingTable());
    QTRY_COMPARE_WITH_TIMEOUT(view->countText(), QString("7 of 10 boards online"),
                              kBrokerTimeoutMs);
  }

  // Opened from the view: its signal plotted, its events in the table, tagged and learned.
  void openedBoardIsWatchedAndTagged() {
    dlm::ui::FleetPanel* view = m_window->fleet();
    view->selectKeys({m_line1->key("v00")});
    view->findChild<QPushButton*>("fleetOpen")->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isBoardConnected() && m_controller->isFleetBoard(),
                             kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->board()->isConnected(), kBrokerTimeoutMs);
    m_rec = record({0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
    QVERIFY(m_rec.events.size() >= 10);
    streamTheOpenedBoard();
    dlm::app::StudioEvents* events = m_controller->events();
    QTRY_COMPARE_WITH_TIMEOUT(events->eventCount(), int(m_rec.events.size()), 30000);
    for (int g = 0; g < 3; ++g) QCOMPARE(events->createClass(dlm::app::gestureName(g)), g);
    for (int row = 0; row < events->eventCount(); ++row) {
      const int id = events->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
      QVERIFY(events->tagEvents({id}, m_rec.events[row].requestedGesture));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isLearningUpToDate() &&
                                 m_controller->studioModelIdentity() != 0,
                             kLearnTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_line1->commandsOf("v00", fleet::CommandOp::Label).size(),
                              events->eventCount(), kBrokerTimeoutMs);
  }

  // Pushed to a selection across two gateways; each board's outcome in the view.
  void pushOutcomesShowInTheView() {
    const quint32 model = m_controller->studioModelIdentity();
    QStringList targets;
    for (const QString& b : m_boards1) targets << m_line1->key(b);
    targets << m_line2->key("v00") << m_line2->key("v01");
    QVERIFY(m_controller->pushModelToFleet(targets));
    QTRY_VERIFY_WITH_TIMEOUT(m_line1->pushes.size() == 1 && m_line2->pushes.size() == 1,
                             kBrokerTimeoutMs);
    const QString push = m_line1->pushes[0].push;
    const auto total = quint32(m_line1->pushes[0].model.size());
    for (const QString b : {"v00", "v01", "v02", "v03"}) {
      m_line1->outcome(b, push, fleet::PushResult::Verified, model, "activated");
      m_line1->boardUp(b, model);
    }
    m_line1->progress("v04", push, fleet::PushState::Sending, total * 3 / 5, total);
    m_line2->outcome("v00", push, fleet::PushResult::Verified, model, "activated");
    m_line2->boardUp("v00", model);
    m_line2->outcome("v01", push, fleet::PushResult::Failed, 0,
                     "the board refused it: larger than its 65536-byte store");
    publishStats();
    dlm::ui::FleetPanel* view = m_window->fleet();
    QTRY_VERIFY_WITH_TIMEOUT(
        view->pushSummaryText().contains("5 verified, 1 failed, 1 in progress"), kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->board()->pushOutcomeText().contains("verified"),
                             kBrokerTimeoutMs);
    QCOMPARE(m_controller->boardModelIdentity(), model);
    view->selectKeys({m_line1->key("v00")});
    screenshot(QSize(1366, 768), "fleet-1366x768.png");
    screenshot(QSize(1920, 1080), "fleet-1920x1080.png");
  }
};

QTEST_MAIN(TestStudioFleet)
#include "test_studio_fleet.moc"
