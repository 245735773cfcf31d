// The studio's rejection threshold on the board: a burst of slider moves sends one
// SetRejection with the last value, and after connecting the studio sends its threshold only
// to a board that runs no model or the studio's own model (modelIdentityAtThreshold).
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

#include "app/controller/model_identity.h"
#include "app/controller/studio_controller.h"
#include "devices/link/mock_transport.h"
#include "tests/app/studio_test_util.h"
#include "tests/devices/link/mock_board.h"

using namespace dlm;
using app::StudioController;
using protocol::CommandId;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr int kLearnTimeoutMs = 60000;

// The link's objects outlive the controller (declared last, destroyed first).
struct Rig {
  link::MockPort port;
  test::MockBoard board{&port};
  StudioController controller;
  QSignalSpy status{&controller.board(), &link::BoardLink::statusReceived};
  QSignalSpy messages{&controller, &StudioController::statusMessage};

  Rig() { controller.board().setTransportFactory(link::MockTransport::factory(&port)); }
  // Connect and wait for the Status the controller asks for after the Hello.
  bool connectAndSettle() {
    controller.connectToPort(QStringLiteral("mock0"), 115200);
    if (!QTest::qWaitFor([&] { return status.count() >= 1; }, kTimeoutMs)) return false;
    // Anything sent because of that Status is answered well within this.
    QTest::qWait(4 * StudioController::kRejectionQuietMs);
    return true;
  }
  bool messaged(const QString& part) const {
    for (const QList<QVariant>& args : messages)
      if (args.at(0).toString().contains(part)) return true;
    return false;
  }
};

// A studio model learned from a few tagged blob events.
bool learnAModel(StudioController& controller) {
  app::Session& session = controller.session();
  session.createClass(QStringLiteral("a"));
  session.createClass(QStringLiteral("b"));
  for (const app::test::Labelled& l : app::test::blobEvents(24, 2)) {
    session.tag(session.addEvent(l.event), l.gesture);
  }
  const app::LearningService& learning = controller.learning();
  return QTest::qWaitFor(
      [&] { return learning.isUpToDate() && !learning.modelBytes().isEmpty(); }, kLearnTimeoutMs);
}

} // namespace

class TestControllerRejection : public QObject {
  Q_OBJECT

private slots:
  void aBurstOfMovesSendsTheLastValueOnce() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    // Both at the kernel's default: nothing to send on connecting.
    QCOMPARE(rig.board.count(CommandId::SetRejection), 0);
    const qsizetype statuses = rig.status.count();
    QElapsedTimer clock;
    qint64 longestGap = 0;
    for (int i = 1; i <= 12; ++i) {  // a drag: a move every 20 ms
      clock.start();
      rig.controller.setRejectionThreshold(float(i) / 50.0f);  // 12 / 50 rounds to 0.24f
      QTest::qWait(20);
      if (i < 12) longestGap = std::max(longestGap, clock.elapsed());
    }
    if (longestGap >= StudioController::kRejectionQuietMs) {
      QSKIP("the machine paused the drag for longer than the quiet time");
    }
    QCOMPARE(rig.controller.learning().threshold(), 0.24f);  // the studio follows at once
    QCOMPARE(rig.board.count(CommandId::SetRejection), 0);   // the board waits for quiet
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::SetRejection), 1, kTimeoutMs);
    QCOMPARE(rig.board.rejection(), 0.24f);
    // The status asked for after it reports the board's new threshold.
    QTRY_VERIFY_WITH_TIMEOUT(rig.status.count() > statuses, kTimeoutMs);
    QCOMPARE(rig.status.last().at(0).value<link::BoardStatus>().rejectionThreshold, 0.24f);
    QTest::qWait(4 * StudioController::kRejectionQuietMs);
    QCOMPARE(rig.board.count(CommandId::SetRejection), 1);  // and nothing more
    // Beyond "reject everything" is everything, on the board too.
    rig.controller.setRejectionThreshold(3.0f);
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::SetRejection), 2, kTimeoutMs);
    QCOMPARE(rig.board.rejection(), 1.0f);
  }

  void withoutABoardNothingIsSent() {
    Rig rig;
    rig.controller.setRejectionThreshold(0.5f);
    QTest::qWait(3 * StudioController::kRejectionQuietMs);
    QCOMPARE(rig.controller.learning().threshold(), 0.5f);
    QCOMPARE(rig.board.received().size(), 0);
  }

  void anEmptyBoardGetsTheStudiosThresholdOnConnecting() {
    Rig rig;
    rig.controller.setRejectionThreshold(0.2f);
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(rig.board.count(CommandId::SetRejection), 1);
    QCOMPARE(rig.board.rejection(), 0.2f);
  }

  void aBoardWithAnotherModelKeepsItsThreshold() {
    Rig rig;
    rig.board.setActiveModel(test::randomBytes(1000, 3));
    rig.controller.setRejectionThreshold(0.2f);
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(rig.board.count(CommandId::SetRejection), 0);
    QCOMPARE(rig.board.rejection(), 0.05f);
    QVERIFY(rig.messaged(QStringLiteral("keeps its own rejection threshold (5.0% of knowns)")));
    // Moving the slider is the user's explicit choice: it is sent.
    rig.controller.setRejectionThreshold(0.1f);
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::SetRejection), 1, kTimeoutMs);
    QCOMPARE(rig.board.rejection(), 0.1f);
  }

  void theStudiosModelGetsTheStudiosThresholdBack() {
    Rig rig;
    QVERIFY(learnAModel(rig.controller));
    const QByteArray pushed = rig.controller.learning().modelBytes();  // at the default 0.05
    QCOMPARE(rig.controller.learning().threshold(), 0.05f);
    // Loading and saving keep the model: at its own threshold the identity is unchanged.
    QCOMPARE(app::modelIdentityAtThreshold(pushed, 0.05f), link::modelIdentity(pushed));
    QCOMPARE(app::modelIdentityAtThreshold(QByteArray("not a model"), 0.05f), 0u);
    // The slider moved after the push (the board has since restarted with the pushed model).
    rig.controller.setRejectionThreshold(0.3f);
    QVERIFY(QTest::qWaitFor([&] { return rig.controller.learning().modelBytes() != pushed; },
                            kLearnTimeoutMs));
    const quint32 studio = rig.controller.studioModelIdentity();
    QVERIFY(studio != link::modelIdentity(pushed));
    // What the board will report after SetRejection(0.3) is exactly the studio's identity.
    QCOMPARE(app::modelIdentityAtThreshold(pushed, 0.3f), studio);
    rig.board.setActiveModel(pushed);
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(rig.board.count(CommandId::SetRejection), 1);
    QCOMPARE(rig.board.rejection(), 0.3f);
  }
};

QTEST_MAIN(TestControllerRejection)
#include "test_controller_rejection.moc"
