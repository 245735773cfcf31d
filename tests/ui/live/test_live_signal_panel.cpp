#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <QDoubleSpinBox>
#include <qcustomplot.h>

#include "ui/live/live_signal_panel.h"
#include "ui/live/sample_ring.h"

using dlm::ui::LiveSignalPanel;
using dlm::ui::SampleRing;

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
    QCOMPARE(panel.sample(29 * kRate, 0), SampleRing::kMissing);  // fell out of the ring

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

  void decimationKeepsPeaks() {
    SampleRing ring(10000, 1);
    QVector<qint16> data(10000, 0);
    data[4321] = 12000;
    data[777] = -9000;
    ring.append(0, 1, data.constData(), static_cast<int>(data.size()));
    QVector<QPointF> out;
    ring.decimate(0, 0, 10000, 100, 1000.0, out);
    QVERIFY(out.size() <= 200);
    double lo = 0, hi = 0;
    for (const QPointF& p : out) {
      lo = std::min(lo, p.y());
      hi = std::max(hi, p.y());
    }
    QCOMPARE(hi, 12000.0);
    QCOMPARE(lo, -9000.0);
  }

  void gapsAndRestarts() {
    SampleRing ring(100, 3);
    const QVector<qint16> frames(10 * 3, 5);
    ring.append(0, 3, frames.constData(), 10);
    const auto gap = ring.append(15, 3, frames.constData(), 10);
    QCOMPARE(gap.gapFrames, quint64(5));
    QCOMPARE(ring.at(12, 0), SampleRing::kMissing);
    QCOMPARE(ring.at(16, 0), qint16(5));
    const auto restart = ring.append(3, 3, frames.constData(), 10);
    QVERIFY(restart.restarted);
    QCOMPARE(ring.beginIndex(), quint64(3));
    // 32-bit wrap of the stream index is not a restart.
    SampleRing wrap(100, 1);
    const QVector<qint16> one(10, 1);
    wrap.append(0xFFFFFFFBu, 1, one.constData(), 5);
    const auto after = wrap.append(0u, 1, one.constData(), 5);
    QVERIFY(!after.restarted);
    QCOMPARE(after.gapFrames, quint64(0));
    QCOMPARE(wrap.endIndex(), quint64(0x100000005ull));
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
