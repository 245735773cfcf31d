#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <QDoubleSpinBox>
#include <qcustomplot.h>

#include "app/views/sample_store.h"
#include "ui/live/live_signal_panel.h"

using dlm::app::SampleStore;
using dlm::ui::LiveSignalPanel;

namespace {

constexpr int kRate = 1000;
constexpr int kChunk = 20;

// Deterministic, distinct per frame and channel, so any misplaced sample shows.
qint16 valueOf(quint64 frame, int channel) {
  return static_cast<qint16>((frame * 7 + static_cast<quint64>(channel) * 1000) % 30000);
}

void feed(LiveSignalPanel& panel, quint64 firstFrame, quint64 frames, int channels = 3) {
  QVector<qint16> chunk(kChunk * channels);
  for (quint64 f = firstFrame; f < firstFrame + frames; f += kChunk) {
    for (int i = 0; i < kChunk; ++i)
      for (int c = 0; c < channels; ++c) chunk[i * channels + c] = valueOf(f + i, c);
    panel.appendSamples(static_cast<quint32>(f), channels, chunk);
  }
}

} // namespace

class TestLiveSignalPanel : public QObject {
  Q_OBJECT

private slots:
  void keepsExactlyTheWindowOver60Seconds() {
    LiveSignalPanel panel;
    panel.resize(1200, 500);
    const int capacity = panel.bufferCapacityFrames();
    QCOMPARE(capacity, 30 * kRate);
    QElapsedTimer timer;
    timer.start();
    feed(panel, 0, 60 * kRate);
    const qint64 ns = timer.nsecsElapsed();
    qInfo("appended 60 s of 3 ch x 1 kHz in %d-frame chunks: %.2f ms (%.1f ns per frame)",
          kChunk, static_cast<double>(ns) / 1e6, static_cast<double>(ns) / (60.0 * kRate));

    QCOMPARE(panel.receivedFrames(), quint64(60 * kRate));  // nothing dropped
    QCOMPARE(panel.gapFrames(), quint64(0));
    QCOMPARE(panel.bufferCapacityFrames(), capacity);         // no growth
    QCOMPARE(panel.bufferedFrames(), capacity);
    QCOMPARE(panel.windowFrames(), 10 * kRate);               // the default 10 s window
    QCOMPARE(panel.endFrameIndex(), quint64(60 * kRate));
    for (quint64 f : {quint64(50 * kRate), quint64(55 * kRate + 3), quint64(60 * kRate - 1)})
      for (int c = 0; c < 3; ++c) QCOMPARE(panel.sample(f, c), valueOf(f, c));
    QCOMPARE(panel.sample(29 * kRate, 0), SampleStore::kMissing);  // fell out of the ring

    panel.show();  // real plot geometry: decimation follows the pixel columns
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    panel.refreshNow();
    const QPointF range = panel.displayedRange();
    QVERIFY(qAbs(range.y() - 60.0) < 1e-9);
    QVERIFY(qAbs(range.x() - 50.0) < 1e-9);
    // Decimated: at most two points per pixel column, never more than the window's samples.
    const int columns = panel.plot()->axisRect()->width();
    QVERIFY(panel.displayedPoints(0) > 0);
    QVERIFY2(panel.displayedPoints(0) <= 2 * columns + 2,
             qPrintable(QStringLiteral("%1 points for %2 columns")
                            .arg(panel.displayedPoints(0)).arg(columns)));

    QElapsedTimer repaint;
    repaint.start();
    panel.setWindowSeconds(30.0);
    panel.refreshNow();
    qInfo("one repaint of a 30 s window (90 000 samples) at %d columns: %.2f ms", columns,
          static_cast<double>(repaint.nsecsElapsed()) / 1e6);

    panel.setWindowSeconds(2.0);
    QCOMPARE(panel.windowFrames(), 2 * kRate);
    panel.setWindowSeconds(30.0);
    QCOMPARE(panel.windowFrames(), 30 * kRate);
  }

  void streamFormatFromTheHandshake() {
    LiveSignalPanel panel;
    panel.setStreamFormat(200, 6);
    QCOMPARE(panel.sampleRate(), 200);
    QCOMPARE(panel.bufferCapacityFrames(), 30 * 200);
    feed(panel, 0, 400, 6);
    panel.refreshNow();
    QVERIFY(panel.displayedPoints(5) > 0);
    panel.setStreamFormat(1000, 1);
    QCOMPARE(panel.bufferedFrames(), 0);  // a new format starts a new stream
    feed(panel, 0, 400, 1);
    panel.refreshNow();
    QVERIFY(panel.displayedPoints(0) > 0);
    QCOMPARE(panel.displayedPoints(1), 0);
  }

  void pauseBuffersAndResumeShowsLatest() {
    LiveSignalPanel panel;
    panel.resize(1000, 400);
    QSignalSpy paused(&panel, &LiveSignalPanel::pausedChanged);
    feed(panel, 0, 5 * kRate);
    panel.refreshNow();
    panel.setPaused(true);
    QCOMPARE(paused.count(), 1);
    QCOMPARE(panel.displayedEndFrame(), quint64(5 * kRate));
    const QPointF frozen = panel.displayedRange();

    feed(panel, 5 * kRate, 5 * kRate);  // keeps buffering while paused
    panel.refreshNow();
    QCOMPARE(panel.receivedFrames(), quint64(10 * kRate));
    QCOMPARE(panel.displayedEndFrame(), quint64(5 * kRate));
    QCOMPARE(panel.displayedRange(), frozen);

    panel.setPaused(false);
    QCOMPARE(paused.count(), 2);
    QCOMPARE(panel.displayedEndFrame(), quint64(10 * kRate));
    QVERIFY(qAbs(panel.displayedRange().y() - 10.0) < 1e-9);
  }

  void thresholdSignal() {
    LiveSignalPanel panel;
    QSignalSpy spy(&panel, &LiveSignalPanel::thresholdChanged);
    panel.setThreshold(750.0f);  // programmatic: no echo back to the board
    QCOMPARE(spy.count(), 0);
    QCOMPARE(panel.threshold(), 750.0f);
    auto* spin = panel.findChild<QDoubleSpinBox*>();
    QVERIFY(spin != nullptr);
    QCOMPARE(spin->value(), 750.0);
    spin->setValue(900.0);  // what the user does
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toFloat(), 900.0f);
    QCOMPARE(panel.threshold(), 900.0f);
  }

  void dragThresholdLine() {
    LiveSignalPanel panel;
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setAutoscale(false);
    panel.plot()->yAxis->setRange(-2000, 2000);
    panel.setThreshold(600.0f);
    panel.refreshNow();
    QSignalSpy spy(&panel, &LiveSignalPanel::thresholdChanged);
    QCustomPlot* plot = panel.plot();
    const int x = plot->axisRect()->center().x();
    const int y0 = qRound(plot->yAxis->coordToPixel(600.0));
    const int y1 = qRound(plot->yAxis->coordToPixel(1200.0));
    QTest::mousePress(plot, Qt::LeftButton, {}, QPoint(x, y0));
    QMouseEvent move(QEvent::MouseMove, QPointF(x, y1), plot->mapToGlobal(QPointF(x, y1)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, QPoint(x, y1));
    QCOMPARE(spy.count(), 1);
    QVERIFY(qAbs(panel.threshold() - 1200.0f) < 15.0f);
  }

  void eventsAndChannels() {
    LiveSignalPanel panel;
    feed(panel, 0, 2 * kRate, 6);
    panel.markEvent(500, 300, Qt::red, QStringLiteral("shake"));
    panel.refreshNow();
    QCOMPARE(panel.displayedPoints(5) > 0, true);
    QCOMPARE(panel.bufferedFrames(), 2 * kRate);
    QTest::ignoreMessage(QtWarningMsg, "LiveSignalPanel: ignoring 7 samples of 7 channels");
    panel.appendSamples(0, 7, QVector<qint16>(7));  // invalid: ignored, not a crash
    QCOMPARE(panel.receivedFrames(), quint64(2 * kRate));
    panel.clear();
    QCOMPARE(panel.bufferedFrames(), 0);
  }
};

QTEST_MAIN(TestLiveSignalPanel)
#include "test_live_signal_panel.moc"
