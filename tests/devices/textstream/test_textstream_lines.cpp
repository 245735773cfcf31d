// The text-stream parser's lower half: separators, line ends, headers, garbage of every kind,
// over-long lines and binary noise, never fatal (random bytes included).
#include <QtTest>

#include <random>
#include <string>

#include "devices/textstream/line_reader.h"
#include "devices/textstream/stream_parser.h"
#include "tests/devices/textstream/textstream_test_util.h"

using namespace dlm::textstream;
using dlm::test::CollectingSink;

namespace {

// Feeds \p text at once, then ends the stream (so the format locks on the line count).
void feedAll(TextStreamParser& parser, const std::string& text) {
  parser.feed(text.data(), text.size(), 0);
  parser.finish(0);
}

std::string repeat(const std::string& line, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += line;
  return s;
}

} // namespace

class TestTextstreamLines : public QObject {
  Q_OBJECT
private slots:
  void separators_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("comma") << QByteArray("1,-2.5,3e2");
    QTest::newRow("space") << QByteArray("1 -2.5 3e2");
    QTest::newRow("spaces") << QByteArray("  1    -2.5  3e2  ");
    QTest::newRow("tab") << QByteArray("1\t-2.5\t3e2");
    QTest::newRow("semicolon") << QByteArray("1;-2.5;3e2");
    QTest::newRow("comma+space") << QByteArray("1, -2.5, 3e2");
    QTest::newRow("trailing comma") << QByteArray("1,-2.5,3e2,");
    QTest::newRow("plus sign") << QByteArray("+1,-2.5,+3e2");
    QTest::newRow("labels") << QByteArray("ax:1 ay:-2.5 az:300");
  }
  void separators() {
    QFETCH(QByteArray, line);
    const ParsedLine p = parseLine(std::string_view(line.constData(), size_t(line.size())));
    QCOMPARE(int(p.kind), int(ParsedLine::Kind::Numbers));
    QCOMPARE(p.count, 3);
    QCOMPARE(p.values[0], 1.0);
    QCOMPARE(p.values[1], -2.5);
    QCOMPARE(p.values[2], 300.0);
  }

  void headerAndLabels() {
    ParsedLine h = parseLine("ax,ay,az");
    QCOMPARE(int(h.kind), int(ParsedLine::Kind::Header));
    QCOMPARE(h.count, 3);
    QCOMPARE(QString::fromStdString(h.names[2]), QStringLiteral("az"));
    ParsedLine l = parseLine("ax:1,ay:2");
    QCOMPARE(l.names.size(), size_t(2));
    QCOMPARE(QString::fromStdString(l.names[1]), QStringLiteral("ay"));
    QVERIFY(parseLine("1,2").names.empty());
  }

  void garbageKinds() {
    QCOMPARE(int(parseLine("1,,3").garbage), int(GarbageKind::NonNumeric));
    QCOMPARE(int(parseLine("1,x2,3").kind), int(ParsedLine::Kind::Garbage));
    QCOMPARE(int(parseLine("ax,1,2").garbage), int(GarbageKind::NonNumeric));
    QCOMPARE(int(parseLine("1,nan,3").garbage), int(GarbageKind::NonFinite));
    QCOMPARE(int(parseLine("1,inf,3").garbage), int(GarbageKind::NonFinite));
    QCOMPARE(int(parseLine("1,-INF,3").garbage), int(GarbageKind::NonFinite));
    QCOMPARE(int(parseLine("1e999,2").garbage), int(GarbageKind::NonFinite));
    QCOMPARE(int(parseLine(repeat("1,", 17)).garbage), int(GarbageKind::TooManyColumns));
    QCOMPARE(int(parseLine(repeat("1,", 16)).kind), int(ParsedLine::Kind::Numbers));
    QCOMPARE(int(parseLine("   ").kind), int(ParsedLine::Kind::Empty));
  }

  void lineEndsInAnyMix() {
    LineSplitter splitter;
    std::vector<RawLine> lines;
    const std::string text = "1,2\r\n3,4\n5,6\r7,8\r\n\r\n9,10";
    // Byte by byte: a CRLF split across two chunks is still one line end.
    for (char c : text) splitter.feed(&c, 1, lines);
    QCOMPARE(lines.size(), size_t(5)); // four lines and one empty one (the second CRLF)
    QCOMPARE(QString::fromStdString(lines[2].text), QStringLiteral("5,6"));
    QVERIFY(lines[4].text.empty());
    RawLine last;
    QVERIFY(splitter.flush(last));
    QCOMPARE(QString::fromStdString(last.text), QStringLiteral("9,10"));
  }

  void emptyLinesAreNotGarbage() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    feedAll(parser, repeat("1,2\n\n\r\n   \n", 20));
    QCOMPARE(parser.counters().frames, quint64(20));
    QCOMPARE(parser.counters().emptyLines, quint64(60));
    QCOMPARE(parser.counters().garbage.total(), quint64(0));
  }

  void headerNamesTheChannels() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    feedAll(parser, "ax,ay,az\n" + repeat("1,2,3\n", 20));
    QCOMPARE(sink.formats.size(), size_t(1));
    QCOMPARE(sink.formats[0].channels, 3);
    QCOMPARE(QString::fromStdString(sink.formats[0].names[1]), QStringLiteral("ay"));
    QCOMPARE(parser.counters().headerLines, quint64(1));
    // A message of words split unlike the data is text, not the channels' names.
    CollectingSink messages;
    TextStreamParser p1(messages);
    feedAll(p1, "1,2,3\nERR sensor timeout\n" + repeat("1,2,3\n", 20));
    QCOMPARE(QString::fromStdString(messages.formats.at(0).names[0]), QStringLiteral("ch1"));
    QCOMPARE(p1.counters().garbage[GarbageKind::NonNumeric], quint64(1));
    // Serial Plotter labels name them too; without either, ch1, ch2...
    CollectingSink labelled;
    TextStreamParser p2(labelled);
    feedAll(p2, repeat("x:1 y:2\n", 20));
    QCOMPARE(QString::fromStdString(labelled.formats[0].names[1]), QStringLiteral("y"));
    CollectingSink plain;
    TextStreamParser p3(plain);
    feedAll(p3, repeat("1 2\n", 20));
    QCOMPARE(QString::fromStdString(plain.formats[0].names[0]), QStringLiteral("ch1"));
  }

  void everyGarbageKindCounted() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    std::string text = repeat("1,2,3\n", 40);
    text += "ERR 42 timeout\n";                // non-numeric
    text += "1,2,3,4\n";                       // a blip of another column count
    text += repeat("1,", 20) + "1\n";          // too many columns
    text += "1,nan,3\n";                       // NaN
    text += std::string(5000, '7') + "\n";     // over-long
    text += std::string("1,\x01\x02,3\n", 7);  // binary
    text += repeat("1,2,3\n", 40);
    feedAll(parser, text);
    const GarbageCounts& g = parser.counters().garbage;
    QCOMPARE(g[GarbageKind::NonNumeric], quint64(1));
    QCOMPARE(g[GarbageKind::WrongColumns], quint64(1));
    QCOMPARE(g[GarbageKind::TooManyColumns], quint64(1));
    QCOMPARE(g[GarbageKind::NonFinite], quint64(1));
    QCOMPARE(g[GarbageKind::Overlong], quint64(1));
    QCOMPARE(g[GarbageKind::Binary], quint64(1));
    QCOMPARE(parser.counters().frames, quint64(80));
    QCOMPARE(sink.formats.size(), size_t(1));
  }

  void overlongLineNeverBuffered() {
    // A megabyte without a line end (a firmware board's binary frames, a wrong baud rate):
    // the splitter holds kMaxLineBytes of it at most, and the next lines parse.
    LineSplitter splitter;
    std::vector<RawLine> lines;
    const std::string blob(1 << 20, 'x');
    splitter.feed(blob.data(), blob.size(), lines);
    QVERIFY(lines.empty());
    const std::string rest = "\n1,2\n";
    splitter.feed(rest.data(), rest.size(), lines);
    QCOMPARE(lines.size(), size_t(2));
    QVERIFY(lines[0].overlong);
    QVERIFY(lines[0].text.empty());
    QCOMPARE(QString::fromStdString(lines[1].text), QStringLiteral("1,2"));
  }

  void binaryNoiseBetweenLines() {
    CollectingSink sink;
    TextStreamParser parser(sink);
    std::mt19937 random(7);
    std::string text;
    for (int i = 0; i < 200; ++i) {
      text += "10,20\n";
      if (i % 20 == 0) {
        std::string noise(64, '\0');
        for (char& c : noise) c = char(random() & 0xFF);
        text += noise + "\n";
      }
    }
    feedAll(parser, text);
    QCOMPARE(sink.formats.size(), size_t(1));
    QCOMPARE(sink.formats[0].channels, 2);
    // Noise may swallow the line it runs into (no line end between them) but no more.
    QVERIFY(parser.counters().frames >= 190);
    QVERIFY(parser.counters().garbage.total() >= 10);
    for (const Frame& f : sink.frames) QCOMPARE(f.counts[1], qint16(20));
  }

  void randomBytesNeverCrash() {
    std::mt19937 random(12345);
    for (int round = 0; round < 40; ++round) {
      CollectingSink sink;
      TextStreamParser parser(sink);
      std::int64_t now = 0;
      std::uint64_t fed = 0;
      for (int chunk = 0; chunk < 200; ++chunk) {
        std::string bytes(random() % 300, '\0');
        // Biased toward what parsers trip on: digits, separators, line ends, signs, dots.
        static const char kAlphabet[] = "0123456789,; \t\r\n.-+eE:naif\x00\x01\xff";
        for (char& c : bytes) {
          c = random() % 4 == 0 ? char(random() & 0xFF)
                                : kAlphabet[random() % (sizeof kAlphabet - 1)];
        }
        now += std::int64_t(random() % 20000);
        parser.feed(bytes.data(), bytes.size(), now);
        fed += bytes.size();
      }
      parser.finish(now);
      const ParserCounters& c = parser.counters();
      QCOMPARE(c.bytes, fed);
      // After finish(), every line is a frame, a header or garbage: none is lost.
      QCOMPARE(c.frames + c.headerLines + c.garbage.total(), c.lines);
      for (const Frame& f : sink.frames) {
        QVERIFY(f.channels >= 1 && f.channels <= kMaxColumns);
        for (int i = 0; i < f.channels; ++i) QVERIFY(std::isfinite(f.values[size_t(i)]));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestTextstreamLines)
#include "test_textstream_lines.moc"
