// The text-stream parser's inference: timestamps in s, ms and us; the rate from arrival times
// delivered in bursts with jitter, snapped to a common rate; rate and channel changes; blips;
// overrides; the int16 scale; and the host's event pipeline on a text stream.
#include <QtTest>

#include <cmath>
#include <string>

#include "devices/textstream/host_events.h"
#include "devices/textstream/stream_parser.h"
#include "tests/devices/textstream/textstream_test_util.h"

using namespace dlm::textstream;
using dlm::test::CollectingSink;
using dlm::test::floatLine;
using dlm::test::playLines;

namespace {

bool within(double value, double truth, double relative) {
  return std::fabs(value - truth) <= relative * truth;
}

} // namespace

class TestTextstreamInference : public QObject {
  Q_OBJECT
private slots:
  void rateFromBurstyArrivals_data() {
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burstUs");
    QTest::addColumn<int>("jitterUs");
    QTest::newRow("100 Hz, 16 ms bursts") << 100.0 << 16000 << 0;
    QTest::newRow("100 Hz, 16 ms bursts, 8 ms jitter") << 100.0 << 16000 << 8000;
    QTest::newRow("250 Hz, 20 ms bursts, 5 ms jitter") << 250.0 << 20000 << 5000;
    QTest::newRow("1 kHz, 1 ms USB frames, 2 ms jitter") << 1000.0 << 1000 << 2000;
    QTest::newRow("50 Hz, 40 ms bursts") << 50.0 << 40000 << 3000;
    QTest::newRow("333 Hz, no common rate") << 333.0 << 16000 << 4000;
  }
  void rateFromBurstyArrivals() {
    QFETCH(double, rate);
    QFETCH(int, burstUs);
    QFETCH(int, jitterUs);
    CollectingSink sink;
    TextStreamParser parser(sink);
    const int lines = int(rate * 6); // six seconds
    playLines(parser, lines, rate, [](int i) { return floatLine(i, 3); }, 0, burstUs, jitterUs);
    QCOMPARE(sink.formats.size(), size_t(1));
    const StreamFormat& f = sink.formats[0];
    QCOMPARE(f.rateSource, RateSource::Arrival);
    QVERIFY2(within(f.measuredHz, rate, 0.02), qPrintable(QString::number(f.measuredHz)));
    if (rate == 333.0) QVERIFY(within(f.rateHz, rate, 0.02)); // not snapped to 250 or 400
    else QCOMPARE(f.rateHz, rate);                             // snapped exactly
    // Over the whole segment the figure only gets better.
    QVERIFY(within(parser.segments().back().measuredHz, rate, 0.01));
    QCOMPARE(parser.counters().frames, quint64(lines));
  }

  void timestampUnits_data() {
    QTest::addColumn<double>("unitsPerSecond");
    QTest::addColumn<int>("unit");
    QTest::addColumn<bool>("arrival");
    QTest::newRow("s, arrival") << 1.0 << int(TimestampUnit::Seconds) << true;
    QTest::newRow("ms, arrival") << 1e3 << int(TimestampUnit::Milliseconds) << true;
    QTest::newRow("us, arrival") << 1e6 << int(TimestampUnit::Microseconds) << true;
    QTest::newRow("s, file") << 1.0 << int(TimestampUnit::Seconds) << false;
    QTest::newRow("ms, file") << 1e3 << int(TimestampUnit::Milliseconds) << false;
    QTest::newRow("us, file") << 1e6 << int(TimestampUnit::Microseconds) << false;
  }
  void timestampUnits() {
    QFETCH(double, unitsPerSecond);
    QFETCH(int, unit);
    QFETCH(bool, arrival);
    CollectingSink sink;
    TextStreamParser parser(sink);
    const double rate = 200.0;
    const auto line = [&](int i) {
      const double t = 12.5 * unitsPerSecond + i * unitsPerSecond / rate;
      char stamp[32];
      if (unitsPerSecond == 1.0) std::snprintf(stamp, sizeof stamp, "%.3f,", t);
      else std::snprintf(stamp, sizeof stamp, "%.0f,", std::floor(t));
      return std::string(stamp) + floatLine(i, 2);
    };
    if (arrival) {
      playLines(parser, 1200, rate, line, 0, 16000, 4000);
    } else {
      std::string all;
      for (int i = 0; i < 1200; ++i) all += line(i);
      parser.feed(all.data(), all.size(), 0);
      parser.finish(0);
    }
    QCOMPARE(sink.formats.size(), size_t(1));
    const StreamFormat& f = sink.formats[0];
    QCOMPARE(int(f.timestamp), unit);
    QCOMPARE(f.channels, 2);
    QCOMPARE(f.rateSource, RateSource::Timestamp);
    QCOMPARE(f.rateHz, rate);
    QVERIFY(within(sink.frames[10].deviceTimeS, 12.5 + 10 / rate, 1e-3));
  }

  void millisecondStampsAtUncommonRate() {
    // 333 Hz printed with millis(): steps of 3, 3, 4 ms; the rate is the mean, not 1/3 ms.
    CollectingSink sink;
    TextStreamParser parser(sink);
    playLines(parser, 2000, 333.0, [](int i) {
      return std::to_string(int(std::floor(i * 1000.0 / 333.0))) + " " + floatLine(i, 1);
    });
    QCOMPARE(int(sink.formats.at(0).timestamp), int(TimestampUnit::Milliseconds));
    QVERIFY(within(sink.formats[0].rateHz, 333.0, 0.01));
    QCOMPARE(sink.formats.size(), size_t(1)); // no rate change read into the quantisation
  }

  void counterColumnIsNotATimestamp() {
    // 0, 1, 2... at 100 Hz: steady, but 100 units a second is no time unit.
    CollectingSink sink;
    TextStreamParser parser(sink);
    playLines(parser, 400, 100.0, [](int i) { return std::to_string(i) + "," + floatLine(i, 2); });
    QCOMPARE(int(sink.formats.at(0).timestamp), int(TimestampUnit::None));
    QCOMPARE(sink.formats[0].channels, 3);
  }

  void channelChangeStartsASegment() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    std::int64_t t = playLines(parser, 500, 100.0, [](int i) {
      return i == 0 ? "ax,ay,az\n" + floatLine(i, 3) : floatLine(i, 3);
    });
    // A blip among the new format's first lines costs that line only.
    playLines(parser, 1500, 250.0, [](int i) { return i == 3 ? "1,2\n" : floatLine(i, 6); },
              t + 4000, 16000, 4000);
    parser.finish(t + 7'000'000);
    QCOMPARE(sink.formats.size(), size_t(2));
    QCOMPARE(sink.formats[0].channels, 3);
    QCOMPARE(sink.formats[0].rateHz, 100.0);
    QCOMPARE(QString::fromStdString(sink.formats[0].names[2]), QStringLiteral("az"));
    QCOMPARE(sink.formats[1].channels, 6);
    QCOMPARE(sink.formats[1].rateHz, 250.0);
    QCOMPARE(QString::fromStdString(sink.formats[1].names[5]), QStringLiteral("ch6"));
    QCOMPARE(parser.segments().at(0).frames, quint64(500));
    // Each segment's rate over its own lines only.
    QVERIFY(within(parser.segments().at(0).measuredHz, 100.0, 0.005));
    QVERIFY(within(parser.segments().at(1).measuredHz, 250.0, 0.005));
    QCOMPARE(parser.segments().at(1).frames, quint64(1499)); // from the first 6-column line
    QCOMPARE(parser.counters().garbage.total(), quint64(1));
    QCOMPARE(sink.frames.back().index, qint64(1498));
  }

  void blipIsGarbageNotAFormat() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    playLines(parser, 1000, 100.0, [](int i) {
      // Seven 4-column lines in a row: one short of a new format.
      return (i >= 500 && i < 500 + TextStreamParser::kConfirmLines - 1) ? floatLine(i, 4)
                                                                          : floatLine(i, 3);
    });
    QCOMPARE(sink.formats.size(), size_t(1));
    QCOMPARE(parser.counters().garbage[GarbageKind::WrongColumns],
             quint64(TextStreamParser::kConfirmLines - 1));
  }

  void rateChangeStartsASegment() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    const std::int64_t t = playLines(parser, 600, 100.0, [](int i) { return floatLine(i, 3); });
    playLines(parser, 2500, 500.0, [](int i) { return floatLine(i, 3); }, t + 2000);
    QCOMPARE(sink.formats.size(), size_t(2));
    QCOMPARE(sink.formats[1].rateHz, 500.0);
    QVERIFY(within(parser.segments().at(0).measuredHz, 100.0, 0.02));
  }

  void overridesWin() {
    ParserOptions o;
    o.rateHz = 123.0;
    o.channels = 2;
    o.scale = 10.0;
    CollectingSink sink;
    TextStreamParser parser(sink, o);
    playLines(parser, 100, 100.0, [](int i) { return i % 10 == 5 ? floatLine(i, 3) : floatLine(i, 2); });
    QCOMPARE(sink.formats.at(0).rateHz, 123.0);
    QCOMPARE(sink.formats[0].rateSource, RateSource::User);
    QCOMPARE(sink.formats[0].channels, 2);
    QCOMPARE(sink.formats[0].scale, 10.0);
    QVERIFY(!sink.formats[0].autoScale);
    QCOMPARE(parser.counters().garbage[GarbageKind::WrongColumns], quint64(10));
    // Locks as soon as kMinLockLines lines are in: no time span needed.
    QCOMPARE(parser.counters().frames, quint64(90));
  }

  void int16Scale() {
    // Counts pass through; fractions (g) get one power of ten for all channels (mg).
    CollectingSink ints;
    TextStreamParser p1(ints);
    playLines(p1, 300, 100.0, [](int i) { return std::to_string(i % 7 - 3) + ",1000,-20000\n"; });
    QCOMPARE(ints.formats.at(0).scale, 1.0);
    QCOMPARE(ints.frames.at(4).counts[2], qint16(-20000));
    CollectingSink floats;
    TextStreamParser p2(floats);
    playLines(p2, 300, 100.0, [](int i) { return i == 3 ? "0.001,1.234,-0.98\n" : "0,1,-1\n"; });
    QCOMPARE(floats.formats.at(0).scale, 1000.0);
    QCOMPARE(floats.frames.at(3).counts[1], qint16(1234));
    QCOMPARE(floats.frames.at(3).counts[0], qint16(1));
    // A later value beyond the range is clamped and counted.
    const std::string big = "40,0,0\n";
    p2.feed(big.data(), big.size(), 10'000'000);
    QCOMPARE(floats.frames.back().counts[0], qint16(32767));
    QCOMPARE(p2.counters().clippedValues, quint64(1));
  }

  void hostEventsOnATextStream() {
    // Quiet, a one-second shake on three channels, quiet: one event, the boards' descriptor.
    const double rate = 100.0;
    HostEventDetector detector;
    QVERIFY(detector.configure(3, rate, defaultTrigger(rate)));
    QCOMPARE(int(detector.trigger().preTriggerFrames), 10); // 100 ms at 100 Hz
    QCOMPARE(int(detector.trigger().holdOffFrames), 15);
    int events = 0;
    HostEvent found;
    for (int i = 0; i < 600; ++i) {
      const bool shaking = i >= 200 && i < 300;
      const double v = shaking ? 3000.0 * std::sin(i * 0.9) : 0.0;
      const std::int16_t frame[3] = {std::int16_t(v), std::int16_t(-v), 1000};
      if (detector.push(frame)) {
        ++events;
        found = detector.lastEvent();
      }
    }
    QCOMPARE(events, 1);
    QVERIFY(found.start >= 185 && found.start <= 200);
    QVERIFY(found.frames >= 100 && found.frames <= 140);
    QCOMPARE(int(found.descriptor.size()), int(dlm::descriptorFor(3).dims()));
    // Wider than a board: the first six channels are used.
    HostEventDetector wide;
    QVERIFY(wide.configure(9, rate, defaultTrigger(rate)));
    QCOMPARE(wide.usedChannels(), dlm::kMaxSensorChannels);
  }
};

QTEST_GUILESS_MAIN(TestTextstreamInference)
#include "test_textstream_inference.moc"
