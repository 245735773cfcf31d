// The studio's rejection threshold on the board: a burst of slider moves sends one
// SetRejection with the last value, and after connecting the studio sends its threshold only
// to a board that runs no model or the studio's own model (modelIdentityAtThreshold). The
// controller's board is the link tests' software board (controller_rig.h).
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

#include "app/controller/model_identity.h"
#include "tests/app/controller/controller_rig.h"

using namespace dlm;
using app::StudioController;
using app::test::kLearnTimeoutMs;
using app::test::kTimeoutMs;
using app::test::Rig;
using protocol::CommandId;

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
    QCOMPARE(rig.controller.rejectionThreshold(), 0.24f);  // the studio follows at once
    QCOMPARE(rig.board.count(CommandId::SetRejection), 0);   // the board waits for quiet
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::SetRejection), 1, kTimeoutMs);
    QCOMPARE(rig.board.rejection(), 0.24f);
    // The status asked for after it reports the board's new threshold.
    QTRY_VERIFY_WITH_TIMEOUT(rig.status.count() > statuses, kTimeoutMs);
    QCOMPARE(rig.status.last().at(0).toFloat(), 0.24f);
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
    QCOMPARE(rig.controller.rejectionThreshold(), 0.5f);
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
    QVERIFY(rig.connectAndSettle());
    QVERIFY(rig.learnAModel());
    QCOMPARE(rig.controller.rejectionThreshold(), 0.05f);
    QSignalSpy pushed(&rig.controller, &StudioController::pushFinished);
    rig.controller.pushModel();  // at the default 0.05
    QVERIFY(pushed.wait(kTimeoutMs));
    QVERIFY2(pushed.last().at(0).toBool(), qPrintable(pushed.last().at(1).toString()));
    const QByteArray model = rig.board.activeModel();
    const quint32 atPush = rig.controller.studioModelIdentity();
    // Loading and saving keep the model: at its own threshold the identity is unchanged.
    QCOMPARE(app::modelIdentityAtThreshold(model, 0.05f), atPush);
    QCOMPARE(app::modelIdentityAtThreshold(QByteArray("not a model"), 0.05f), 0u);
    // The slider moved after the push while the board was away (it has since restarted with
    // the pushed model).
    rig.controller.disconnectBoard();
    rig.controller.setRejectionThreshold(0.3f);
    QVERIFY(QTest::qWaitFor([&] { return rig.controller.studioModelIdentity() != atPush; },
                            kLearnTimeoutMs));
    const quint32 studio = rig.controller.studioModelIdentity();
    // What the board will report after SetRejection(0.3) is exactly the studio's identity.
    QCOMPARE(app::modelIdentityAtThreshold(model, 0.3f), studio);
    QCOMPARE(rig.board.count(CommandId::SetRejection), 0);
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(rig.board.count(CommandId::SetRejection), 1);
    QCOMPARE(rig.board.rejection(), 0.3f);
  }
};

QTEST_MAIN(TestControllerRejection)
#include "test_controller_rejection.moc"
