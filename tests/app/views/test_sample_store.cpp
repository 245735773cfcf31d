// The studio's one sample store (app/views/sample_store.h): indexing, decimation for the live
// plot, and the one gap policy that both the live plot and the controller's event windows see.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "app/views/sample_store.h"

using dlm::app::SampleStore;

namespace {

constexpr int kRate = 1000;

// Frames of \p channels channels, each value naming its frame and channel.
QVector<qint16> frames(quint32 first, int count, int channels) {
  QVector<qint16> v;
  for (int f = 0; f < count; ++f)
    for (int c = 0; c < channels; ++c) v.append(qint16((first + quint32(f)) % 1000 * 10 + c));
  return v;
}

} // namespace

class TestSampleStore : public QObject {
  Q_OBJECT

private slots:
  void formatComesFromTheHandshake() {
    SampleStore store(200, 6, 2.0);
    QCOMPARE(store.sampleRateHz(), 200);
    QCOMPARE(store.channels(), 6);
    QCOMPARE(store.capacity(), 400);
    // A store that has not been told its channels takes them from the stream.
    SampleStore open(kRate, 0, 1.0);
    const auto r = open.append(0, 1, frames(0, 10, 1));
    QVERIFY(r.channelsChanged);
    QCOMPARE(open.channels(), 1);
    QCOMPARE(open.at(9, 0), qint16(90));
    // Without capacity nothing is stored; nor is a stream of too many channels.
    SampleStore none;
    QCOMPARE(none.append(0, 3, frames(0, 10, 3)).written, 0);
    QCOMPARE(store.append(0, SampleStore::kMaxChannels + 1, QVector<qint16>(7)).written, 0);
  }

  void decimationKeepsPeaks() {
    SampleStore store(kRate, 1, 10.0);
    QVector<qint16> data(10000, 0);
    data[4321] = 12000;
    data[777] = -9000;
    store.append(0, 1, data);
    QVector<QPointF> out;
    store.decimate(0, 0, 10000, 100, out);
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
    SampleStore store(kRate, 3, 0.1);
    const QVector<qint16> five(10 * 3, 5);
    store.append(0, 3, five);
    const auto gap = store.append(15, 3, five);
    QCOMPARE(gap.gapFrames, quint64(5));
    QCOMPARE(store.gapFrames(), quint64(5));
    QCOMPARE(store.receivedFrames(), quint64(20));
    QVERIFY(!store.has(12));
    QCOMPARE(store.at(12, 0), SampleStore::kMissing);
    QCOMPARE(store.at(16, 0), qint16(5));
    const auto restart = store.append(3, 3, five);
    QVERIFY(restart.restarted);
    QCOMPARE(store.beginIndex(), quint64(3));
    // A gap longer than the capacity leaves the store empty from the new index on.
    const auto far = store.append(1000, 3, five);
    QCOMPARE(far.gapFrames, quint64(1000 - 13));
    QCOMPARE(store.beginIndex(), quint64(1000));
    QCOMPARE(store.size(), 10);
    // A new channel count clears the store.
    const auto six = store.append(1010, 6, QVector<qint16>(6, 1));
    QVERIFY(six.channelsChanged);
    QCOMPARE(store.size(), 1);
    // 32-bit wrap of the stream index is not a restart.
    SampleStore wrap(kRate, 1, 0.1);
    const QVector<qint16> one(5, 1);
    wrap.append(0xFFFFFFFBu, 1, one);
    const auto after = wrap.append(0u, 1, one);
    QVERIFY(!after.restarted);
    QCOMPARE(after.gapFrames, quint64(0));
    QCOMPARE(wrap.endIndex(), quint64(0x100000005ull));
    QCOMPARE(wrap.unwrap(2u), quint64(0x100000002ull));
  }

  void windowsAreWholeOrNothing() {
    SampleStore store(kRate, 3, 1.0);
    store.append(100, 3, frames(100, 50, 3));
    const QVector<qint16> w = store.window(110, 20);
    QCOMPARE(w, frames(110, 20, 3));  // interleaved, as the board sent them
    QVERIFY(store.window(90, 20).isEmpty());   // starts before the oldest frame held
    QVERIFY(store.window(140, 20).isEmpty());  // ends after the newest
    QVERIFY(store.window(110, 0).isEmpty());
    // Lost frames are never made up: a window over them is refused, one beside them is not.
    store.append(160, 3, frames(160, 50, 3));
    QVERIFY(store.window(140, 30).isEmpty());
    QCOMPARE(store.window(165, 10), frames(165, 10, 3));
    // A saturated sample is a sample, not a gap.
    QVector<qint16> low = frames(210, 1, 3);
    low[0] = SampleStore::kMissing;
    store.append(210, 3, low);
    QCOMPARE(store.window(205, 6).size(), 18);
    QVERIFY(store.has(210));
  }

  void decimationBreaksTheLineAtGaps() {
    SampleStore store(kRate, 1, 1.0);
    store.append(0, 1, QVector<qint16>(10, 7));
    store.append(20, 1, QVector<qint16>(10, 7));
    QVector<QPointF> out;
    store.decimate(0, 0, 30, 100, out);
    QCOMPARE(out.size(), 30);
    QVERIFY(std::isnan(out[15].y()));
    QCOMPARE(out[25].y(), 7.0);
    QCOMPARE(out[25].x(), 0.025);
  }
};

QTEST_GUILESS_MAIN(TestSampleStore)
#include "test_sample_store.moc"
