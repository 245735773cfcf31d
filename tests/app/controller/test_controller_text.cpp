// The studio's controller on a board that prints numbers: the fake text device
// (dlm-fake-text-device) on a pseudo-terminal, read through the real serial transport.
// --text connects and infers the format, samples and host-detected events flow, tagging them
// makes the studio learn and predict, push and pull are refused and send nothing; a port that
// never answers the handshake is offered as a text board (and, silent, is not); a format change
// (3 channels at 100 Hz, then 6 at 250 Hz) is followed without losing a tag.
#include <QAbstractItemModel>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include "app/controller/studio_controller.h"

using dlm::app::EventTableLayout;
using dlm::app::StudioController;
using dlm::app::StudioEvents;

namespace {

constexpr int kFormatTimeoutMs = 10000;
constexpr int kEventTimeoutMs = 30000;
constexpr int kLearnTimeoutMs = 60000;

// The fake device prints "port: /dev/pts/N" first.
class FakeTextDevice {
public:
  bool start(const QStringList& arguments) {
    m_process.setProgram(qEnvironmentVariable("DLM_TEXT_DEVICE_EXE"));
    m_process.setArguments(arguments);
    m_process.start();
    if (!m_process.waitForStarted(5000)) return false;
    QByteArray line;
    const bool gotLine = QTest::qWaitFor(
        [&] {
          line += m_process.readAllStandardOutput();
          return line.contains('\n') || m_process.state() == QProcess::NotRunning;
        },
        5000);
    line = line.left(line.indexOf('\n')).trimmed();
    if (!gotLine || !line.startsWith("port: ")) return false;
    m_port = QString::fromLocal8Bit(line.mid(6));
    return true;
  }
  ~FakeTextDevice() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
      m_process.kill();
      m_process.waitForFinished(3000);
    }
  }
  QString port() const { return m_port; }

private:
  QProcess m_process;
  QString m_port;
};

int idAt(StudioEvents* events, int row) {
  return events->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
}

bool waitForEvents(StudioEvents* events, int count) {
  return QTest::qWaitFor([&] { return events->eventCount() >= count; }, kEventTimeoutMs);
}

dlm::app::BoardInfoView lastReady(const QSignalSpy& spy) {
  return spy.last().at(0).value<dlm::app::BoardInfoView>();
}

} // namespace

class TestControllerText : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    QVERIFY2(!qEnvironmentVariable("DLM_TEXT_DEVICE_EXE").isEmpty(),
             "DLM_TEXT_DEVICE_EXE names dlm-fake-text-device");
  }

  void textFlagConnectsLearnsPredictsAndRefusesPush() {
    FakeTextDevice device;
    QVERIFY(device.start({"--plan", "3@100:60", "--garbage", "0.01", "--seed", "2"}));
    StudioController c;
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy format(&c, &StudioController::textFormatChanged);
    QSignalSpy samples(&c, &StudioController::samplesReceived);
    QSignalSpy stats(&c, &StudioController::textStatsChanged);
    c.connectToTextPort(device.port());
    QVERIFY(c.isTextBoard());
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kFormatTimeoutMs);
    const dlm::app::BoardInfoView info = lastReady(ready);
    QVERIFY(info.isTextStream);
    QCOMPARE(info.channels, 3);
    QCOMPARE(info.sampleRateHz, 100);
    QVERIFY(c.isBoardConnected());
    QCOMPARE(format.size(), 1);
    const auto view = format.last().at(0).value<dlm::app::TextStreamView>();
    QCOMPARE(view.names, (QStringList{"ax", "ay", "az"}));
    QCOMPARE(view.rateSource, dlm::app::TextStreamView::RateSource::Arrival);
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), kFormatTimeoutMs);
    QCOMPARE(samples.last().at(0).value<dlm::app::SampleBatch>().channels, 3);

    // Events from the host's detector, as a board's: the board predicts nothing.
    StudioEvents* events = c.events();
    QVERIFY2(waitForEvents(events, 4), "the host detected no shakes");
    QVERIFY(!events->event(idAt(events, 0)).board.valid);
    QCOMPARE(events->event(idAt(events, 0)).channels, 3);
    // Garbage is counted by kind, never fatal.
    QTRY_VERIFY_WITH_TIMEOUT(!stats.isEmpty(), kFormatTimeoutMs);
    QVERIFY(stats.last().at(0).value<dlm::app::TextStatsView>().frames > 0);

    // Tagged from the keyboard's door: the studio learns, then predicts the next events.
    QCOMPARE(events->createClass("up"), 0);
    QCOMPARE(events->createClass("down"), 1);
    for (int row = 0; row < 4; ++row) QVERIFY(events->tagEvents({idAt(events, row)}, row % 2));
    QTRY_VERIFY_WITH_TIMEOUT(c.isLearningUpToDate() && c.studioModelIdentity() != 0,
                             kLearnTimeoutMs);
    const int seen = events->eventCount();
    QVERIFY2(waitForEvents(events, seen + 1), "no event after learning");
    QTRY_VERIFY_WITH_TIMEOUT(events->event(idAt(events, seen)).studio.valid, kLearnTimeoutMs);

    // Push and pull: refused in words, nothing sent.
    QSignalSpy problems(&c, &StudioController::problem);
    QSignalSpy progress(&c, &StudioController::pushProgress);
    QSignalSpy pushed(&c, &StudioController::pushFinished);
    c.pushModel();
    c.pullModel();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).at(0).toString(), StudioController::textBoardRefusal());
    QVERIFY(StudioController::textBoardRefusal().contains("export the model"));
    QTest::qWait(500);
    QVERIFY(progress.isEmpty());
    QVERIFY(pushed.isEmpty());
  }

  void silentPortIsOfferedAsTextBoardAndAccepted() {
    FakeTextDevice device;
    QVERIFY(device.start({"--plan", "3@100:60", "--seed", "3"}));
    StudioController c;
    QSignalSpy offered(&c, &StudioController::textStreamOffered);
    QSignalSpy ended(&c, &StudioController::textStreamOfferEnded);
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy samples(&c, &StudioController::samplesReceived);
    c.connectToPort(device.port());
    QVERIFY(!c.isTextBoard());
    // The handshake's wait, then the probe's: bounded.
    QVERIFY(offered.wait(StudioController::kTextOfferAfterMs + StudioController::kTextProbeMs +
                         3000));
    QCOMPARE(offered.last().at(0).toString(), device.port());
    const auto format = offered.last().at(1).value<dlm::app::TextStreamView>();
    QCOMPARE(format.channels, 3);
    QCOMPARE(format.rateHz, 100.0);
    // Nothing of it reaches the studio until the offer is taken.
    QVERIFY(ready.isEmpty());
    QVERIFY(samples.isEmpty());
    QVERIFY(!c.isTextBoard());
    c.acceptTextStream();
    QCOMPARE(ended.size(), 1);
    QVERIFY(c.isTextBoard());
    QCOMPARE(ready.size(), 1);
    QVERIFY(lastReady(ready).isTextStream);
    QCOMPARE(c.boardInfo().channels, 3);
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), kFormatTimeoutMs);
    QVERIFY2(waitForEvents(c.events(), 1), "no event after accepting the offer");
    // Disconnecting is on purpose, as for a firmware board.
    QSignalSpy lost(&c, &StudioController::boardLost);
    c.disconnectBoard();
    QCOMPARE(lost.size(), 1);
    QVERIFY(!c.isTextBoard());
    QVERIFY(!c.isBoardConnected());
  }

  void silentPortThatPrintsNothingIsNotOffered() {
    FakeTextDevice device;
    QVERIFY(device.start({"--mute", "--plan", "3@100:60"}));
    StudioController c;
    QSignalSpy offered(&c, &StudioController::textStreamOffered);
    QSignalSpy problems(&c, &StudioController::problem);
    c.connectToPort(device.port());
    QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), StudioController::kTextOfferAfterMs +
                                                       StudioController::kTextProbeMs + 3000);
    QVERIFY2(problems.last().at(0).toString().contains("still waiting for the handshake"),
             qPrintable(problems.last().at(0).toString()));
    QVERIFY(offered.isEmpty());
    QVERIFY(!c.isTextBoard());
  }

  // Unplugged: the board is lost as a firmware board would be, the session stays, and the
  // studio keeps waiting for the port to come back (the text board reopens it by itself).
  void unplugLosesTheBoardAndKeepsTheSession() {
    FakeTextDevice device;
    QVERIFY(device.start({"--plan", "3@100:60", "--exit-after", "8", "--seed", "6"}));
    StudioController c;
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy lost(&c, &StudioController::boardLost);
    c.connectToTextPort(device.port());
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kFormatTimeoutMs);
    StudioEvents* events = c.events();
    QVERIFY2(waitForEvents(events, 1), "no shake before the unplug");
    QCOMPARE(events->createClass("shake"), 0);
    QVERIFY(events->tagEvents({idAt(events, 0)}, 0));
    QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), kFormatTimeoutMs);
    QVERIFY(c.isTextBoard());
    QVERIFY(!c.isBoardConnected());
    QCOMPARE(events->event(idAt(events, 0)).tag, 0);
    QTest::qWait(1000);
    QCOMPARE(lost.size(), 1);  // said once, not at every attempt to reopen
  }

  void formatChangeIsFollowedAndKeepsTags() {
    FakeTextDevice device;
    QVERIFY(device.start({"--plan", "3@100:9,6@250:40", "--garbage", "0.01", "--seed", "4"}));
    StudioController c;
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy format(&c, &StudioController::textFormatChanged);
    c.connectToTextPort(device.port());
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kFormatTimeoutMs);
    QCOMPARE(lastReady(ready).channels, 3);
    StudioEvents* events = c.events();
    QVERIFY2(waitForEvents(events, 2), "no shakes in the first segment");
    QCOMPARE(events->createClass("shake"), 0);
    const int firstId = idAt(events, 0);
    const int secondId = idAt(events, 1);
    QVERIFY(events->tagEvents({firstId}, 0));
    QVERIFY(events->tagEvents({secondId}, dlm::app::kOutlier));
    // 6 channels at 250 Hz: a second format, the stream follows.
    QSignalSpy samples(&c, &StudioController::samplesReceived);
    QTRY_VERIFY_WITH_TIMEOUT(lastReady(ready).channels == 6, 20000);
    QCOMPARE(lastReady(ready).sampleRateHz, 250);
    QCOMPARE(c.boardInfo().channels, 6);
    QCOMPARE(c.textStream().segment, 2);
    QCOMPARE(format.last().at(0).value<dlm::app::TextStreamView>().names.size(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(
        !samples.isEmpty() && samples.last().at(0).value<dlm::app::SampleBatch>().channels == 6,
        kFormatTimeoutMs);
    // The tags are where they were.
    QCOMPARE(events->event(firstId).tag, 0);
    QCOMPARE(events->event(secondId).tag, int(dlm::app::kOutlier));
    QCOMPARE(events->event(firstId).channels, 3);
    const int before = events->eventCount();
    QVERIFY2(waitForEvents(events, before + 1), "no event in the second segment");
    QCOMPARE(events->event(idAt(events, before)).channels, 6);
    QCOMPARE(events->event(firstId).tag, 0);
  }
};

QTEST_MAIN(TestControllerText)
#include "test_controller_text.moc"
