#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "ui/board/board_panel.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/board/text_stream_box.h"

using dlm::ui::BoardPanel;
using dlm::ui::GestureToolbar;
using dlm::app::LinkStatsView;

namespace {

QPushButton* button(BoardPanel& panel, const QString& text) {
  for (QPushButton* b : panel.findChildren<QPushButton*>())
    if (b->text() == text) return b;
  return nullptr;
}

} // namespace

class TestBoardPanel : public QObject {
  Q_OBJECT

private slots:
  void matchAndMismatch() {
    BoardPanel panel;
    panel.setBoardInfo(QStringLiteral("virtual"), QStringLiteral("0.3.1"),
                       QStringLiteral("0.1.0"), QStringLiteral("256 neurons"), 1000, 3);
    panel.setModelHashes(0x1234ABCDu, 0x1234ABCDu);
    QCOMPARE(panel.hashState(), BoardPanel::HashState::Match);
    QVERIFY(panel.hashBadgeText().contains(QStringLiteral("match")));
    panel.setModelHashes(0x1234ABCDu, 0x0BADF00Du);
    QCOMPARE(panel.hashState(), BoardPanel::HashState::Mismatch);
    QVERIFY(panel.hashBadgeText().contains(QStringLiteral("differ")));
    panel.setModelHashes(0x1234ABCDu, 0);
    QCOMPARE(panel.hashState(), BoardPanel::HashState::BoardEmpty);
  }

  void pushAndPull() {
    BoardPanel panel;
    QPushButton* push = button(panel, QStringLiteral("Push model"));
    QPushButton* pull = button(panel, QStringLiteral("Pull model"));
    QVERIFY(push && pull);
    QVERIFY(!push->isEnabled());  // no board yet
    panel.setBoardInfo(QStringLiteral("virtual"), {}, {}, {}, 1000, 3);
    panel.setModelHashes(1, 2);
    QVERIFY(push->isEnabled());
    QVERIFY(pull->isEnabled());
    QSignalSpy pushed(&panel, &BoardPanel::pushRequested);
    QSignalSpy pulled(&panel, &BoardPanel::pullRequested);
    push->click();
    pull->click();
    QCOMPARE(pushed.count(), 1);
    QCOMPARE(pulled.count(), 1);

    panel.setPushProgress(100, 400);
    QVERIFY(panel.isPushing());
    QVERIFY(!push->isEnabled());  // one push at a time
    panel.setPushOutcome(false, QStringLiteral("the board's CRC differs."));
    QVERIFY(!panel.isPushing());
    QVERIFY(push->isEnabled());
    QVERIFY(panel.pushOutcomeText().startsWith(QStringLiteral("Push failed")));
    panel.setPushOutcome(true, {});
    QVERIFY(panel.pushOutcomeText().contains(QStringLiteral("verified")));
    panel.clearBoardInfo();
    QVERIFY(!push->isEnabled());
  }

  // A board that prints numbers: no push or pull, its format and unreadable lines instead.
  void textMode() {
    BoardPanel panel;
    panel.show();
    QPushButton* push = button(panel, QStringLiteral("Push model"));
    panel.setBoardInfo(QStringLiteral("Text stream"), {}, {}, {}, 250, 6);
    panel.setModelHashes(0x1234ABCDu, 0);
    QVERIFY(push->isEnabled());
    panel.setTextMode(true);
    QVERIFY(panel.isTextMode());
    QVERIFY(!push->isEnabled());
    QVERIFY(panel.hashBadgeText().contains(QStringLiteral("Export the studio's model")));
    QVERIFY(panel.textStream()->isVisible());
    dlm::app::TextStreamView format;
    format.channels = 6;
    format.rateHz = 250.0;
    format.rateSource = dlm::app::TextStreamView::RateSource::Timestamp;
    format.names = QStringList{"ax", "ay", "az", "gx", "gy", "gz"};
    panel.textStream()->setFormat(format);
    QVERIFY2(panel.textStream()->formatText().contains(QStringLiteral("250 Hz (its timestamps)")),
             qPrintable(panel.textStream()->formatText()));
    dlm::app::TextStatsView stats;
    stats.garbage[std::size_t(dlm::app::TextGarbage::Binary)] = 7;
    panel.textStream()->setStats(stats);
    QCOMPARE(panel.textStream()->garbageText(dlm::app::TextGarbage::Binary), QStringLiteral("7"));
    QCOMPARE(panel.textStream()->garbageText(dlm::app::TextGarbage::NonNumeric), QStringLiteral("0"));
    QSignalSpy overrides(&panel, &BoardPanel::textOverridesRequested);
    button(panel, QStringLiteral("Channels and rate…"))->click();
    QCOMPARE(overrides.count(), 1);
    // A firmware board again: back to the usual panel.
    panel.clearBoardInfo();
    QVERIFY(!panel.isTextMode());
    panel.setBoardInfo(QStringLiteral("virtual"), {}, {}, {}, 1000, 3);
    QVERIFY(push->isEnabled());
    QVERIFY(!panel.textStream()->isVisible());
  }

  void linkStats() {
    BoardPanel panel;
    LinkStatsView s;
    s.bytesInPerSecond = 7212;
    s.framesOk = 1234;
    s.crcErrors = 3;
    s.latencyMs = -1;
    panel.setLinkStats(s);
    QCOMPARE(panel.linkStatText(0), QStringLiteral("7.0 KB/s"));
    QCOMPARE(panel.linkStatText(3), QStringLiteral("3"));
    QCOMPARE(panel.linkStatText(5), QStringLiteral("not measured"));
  }

  void rejectionThresholdInTheLocalesFormat() {
    BoardPanel panel;
    QCOMPARE(panel.rejectionText(), QStringLiteral("—"));
    panel.setBoardInfo(QStringLiteral("virtual"), {}, {}, {}, 1000, 3);
    panel.setRejectionThreshold(0.05f);
    QCOMPARE(panel.rejectionText(), QStringLiteral("5.0% of knowns"));
    panel.setRejectionThreshold(0.375f);
    QCOMPARE(panel.rejectionText(), QStringLiteral("37.5% of knowns"));
    panel.setLocale(QLocale(QLocale::French, QLocale::France));
    panel.setRejectionThreshold(0.125f);
    QCOMPARE(panel.rejectionText(), QStringLiteral("12,5% of knowns"));  // untranslated here
    // A new connection shows nothing until that board's status arrives.
    panel.setBoardInfo(QStringLiteral("other"), {}, {}, {}, 1000, 3);
    QCOMPARE(panel.rejectionText(), QStringLiteral("—"));
  }

  // The badge never suggests a push the Push button cannot do.
  void badgeAgreesWithThePushButton() {
    BoardPanel panel;
    QPushButton* push = button(panel, QStringLiteral("Push model"));
    panel.setBoardInfo(QStringLiteral("virtual"), {}, {}, {}, 1000, 3);
    panel.setModelHashes(0, 0);  // neither side has a model
    QVERIFY(!push->isEnabled());
    QVERIFY2(!panel.hashBadgeText().contains(QStringLiteral("push one"), Qt::CaseInsensitive),
             qPrintable(panel.hashBadgeText()));
    QVERIFY2(panel.hashBadgeText().contains(QStringLiteral("tag"), Qt::CaseInsensitive),
             qPrintable(panel.hashBadgeText()));
    panel.setModelHashes(0x1234ABCDu, 0);  // the studio has one: now a push is the way
    QVERIFY(push->isEnabled());
    QVERIFY(panel.hashBadgeText().contains(QStringLiteral("push"), Qt::CaseInsensitive));
  }

  // Link statistics in the panel's locale: grouped thousands, decimal comma.
  void linkStatsInFrench() {
    BoardPanel panel;
    panel.setLocale(QLocale(QLocale::French, QLocale::France));
    LinkStatsView s;
    s.bytesInPerSecond = 6553.6;
    s.framesOk = 1234567;
    s.latencyMs = 2.5;
    panel.setLinkStats(s);
    QCOMPARE(panel.linkStatText(0), QStringLiteral("6,4 KB/s"));  // untranslated unit here
    QCOMPARE(panel.linkStatText(2), QStringLiteral("1\u202f234\u202f567"));
    QCOMPARE(panel.linkStatText(5), QStringLiteral("2,5 ms"));
  }

  void gestureToolbar() {
    GestureToolbar bar;
    QSignalSpy spy(&bar, &GestureToolbar::gestureRequested);
    QVERIFY(!bar.gestureAction(GestureToolbar::Shake)->isEnabled());
    bar.setVirtualBoard(true);
    for (int g = 0; g < GestureToolbar::GestureCount; ++g) bar.gestureAction(g)->trigger();
    QCOMPARE(spy.count(), static_cast<int>(GestureToolbar::GestureCount));
    QCOMPARE(spy.at(5).at(0).toInt(), static_cast<int>(GestureToolbar::FigureEight));
    QCOMPARE(GestureToolbar::gestureName(GestureToolbar::TripleKnock),
             QStringLiteral("triple-knock"));
  }
};

QTEST_MAIN(TestBoardPanel)
#include "test_board_panel.moc"
