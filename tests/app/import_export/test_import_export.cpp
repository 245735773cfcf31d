#include <QTemporaryDir>
#include <QTextStream>
#include <QtEndian>
#include <QtTest>

#include "app/data/csv.h"
#include "app/import_export/exporter.h"
#include "app/import_export/importer.h"
#include "app/session/session.h"
#include "tests/app/studio_test_util.h"

using namespace dlm::app;

namespace {

// shake, tap, swipe: three gestures with idle between them.
const QVector<int> kGestures = {0, 2, 3};

void writeCsv(const QString& path, const std::vector<std::int16_t>& stream, bool header,
              bool time) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  QTextStream out(&f);
  if (header) out << (time ? "time_ms," : "") << "ax,ay,az\n";
  for (std::size_t i = 0; i + 2 < stream.size(); i += 3) {
    if (time) out << i / 3 << ',';
    out << stream[i] << ',' << stream[i + 1] << ',' << stream[i + 2] << '\n';
  }
}

} // namespace

class TestImportExport : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::vector<std::int16_t> m_stream;

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_stream = test::gestureStream(kGestures, 5);
  }

  void wavImportRunsTheBoardPipeline() {
    const QString path = m_dir.filePath(QStringLiteral("gestures.wav"));
    QVERIFY(test::writeWav(path, m_stream, 3, 1000));
    ImportOptions options;
    options.startTimeMs = 1700000000000LL;
    ImportResult result;
    QString error;
    QVERIFY2(Importer::importFile(path, options, &result, &error), qPrintable(error));
    QCOMPARE(result.channels, 3);
    QCOMPARE(result.sampleRateHz, 1000);
    QCOMPARE(result.frames, qint64(m_stream.size() / 3));
    QCOMPARE(result.events.size(), kGestures.size());
    for (const SessionEvent& e : result.events) {
      QCOMPARE(e.origin, EventOrigin::Import);
      QCOMPARE(e.descriptor.size(), 58);
      QCOMPARE(e.raw.size(), qsizetype(e.frames) * 3);
      QCOMPARE(e.channels, quint8(3));
      QCOMPARE(e.wallClockMs, options.startTimeMs + e.boardSample);
    }
    Session s;
    const QVector<int> ids = s.addEvents(result.events);
    QCOMPARE(ids.size(), kGestures.size());
    QCOMPARE(s.eventAt(0).origin, EventOrigin::Import);
  }

  void channelCountSizesTheDescriptorAsOnTheBoard() {
    // A 6-axis recording: the boards' rule for 6 channels (61 dims within 64).
    const std::vector<std::int16_t> six = test::gestureStream(kGestures, 5, 1500, 20.0f, 6);
    const QString path = m_dir.filePath(QStringLiteral("six.wav"));
    QVERIFY(test::writeWav(path, six, 6, 1000));
    ImportResult result;
    QString error;
    QVERIFY2(Importer::importFile(path, ImportOptions(), &result, &error), qPrintable(error));
    QCOMPARE(result.channels, 6);
    QCOMPARE(result.events.size(), kGestures.size());
    for (const SessionEvent& e : result.events) {
      QCOMPARE(e.descriptor.size(), qsizetype(dlm::descriptorFor(6).dims()));
      QCOMPARE(e.raw.size(), qsizetype(e.frames) * 6);
    }
    // With a 3-channel board connected, its events could not be learned with the board's.
    ImportOptions board;
    board.boardChannels = 3;
    QVERIFY(!Importer::importFile(path, board, &result, &error));
    QVERIFY2(error.contains(QStringLiteral("the board 3")), qPrintable(error));
  }

  void csvImportMatchesWavImport() {
    const QString wav = m_dir.filePath(QStringLiteral("same.wav"));
    const QString csv = m_dir.filePath(QStringLiteral("same.csv"));
    QVERIFY(test::writeWav(wav, m_stream, 3, 1000));
    writeCsv(csv, m_stream, true, true);
    ImportOptions options;
    options.startTimeMs = 1;
    ImportResult a, b;
    QString error;
    QVERIFY2(Importer::importFile(wav, options, &a, &error), qPrintable(error));
    QVERIFY2(Importer::importFile(csv, options, &b, &error), qPrintable(error));
    QCOMPARE(b.channels, 3);  // the time column is not a channel
    QCOMPARE(b.sampleRateHz, 1000);
    QCOMPARE(b.events.size(), a.events.size());
    for (int i = 0; i < a.events.size(); ++i) {
      QCOMPARE(b.events[i].descriptor, a.events[i].descriptor);
      QCOMPARE(b.events[i].raw, a.events[i].raw);
    }
    // No header, no time column: every column is a channel, the rate is the option's.
    const QString bare = m_dir.filePath(QStringLiteral("bare.csv"));
    writeCsv(bare, m_stream, false, false);
    options.csvSampleRateHz = 500;
    QVERIFY2(Importer::importFile(bare, options, &b, &error), qPrintable(error));
    QCOMPARE(b.channels, 3);
    QCOMPARE(b.sampleRateHz, 500);
    QCOMPARE(b.events.size(), a.events.size());
  }

  void wavFormats() {
    // Stereo at 44.1 kHz: any rate is recorded as is.
    std::vector<std::int16_t> stereo(2 * 4410);
    for (std::size_t i = 0; i < stereo.size(); ++i) stereo[i] = std::int16_t(i % 300);
    const QString path = m_dir.filePath(QStringLiteral("stereo.wav"));
    QVERIFY(test::writeWav(path, stereo, 2, 44100));
    Recording r;
    QStringList warnings;
    QString error;
    QVERIFY2(Importer::readWav(path, &r, &warnings, &error), qPrintable(error));
    QCOMPARE(r.channels, 2);
    QCOMPARE(r.sampleRateHz, 44100);
    QCOMPARE(r.frames(), qint64(4410));
    QCOMPARE(r.samples[5], qint16(5));

    // 8-bit PCM and a text file are refused with the reason.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[34] = 8;
    f.seek(0);
    f.write(bytes);
    f.close();
    QVERIFY(!Importer::readWav(path, &r, &warnings, &error));
    QVERIFY2(error.contains(QStringLiteral("16-bit")), qPrintable(error));
    const QString text = m_dir.filePath(QStringLiteral("text.wav"));
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("hello, this is not audio");
    t.close();
    QVERIFY(!Importer::readWav(text, &r, &warnings, &error));
    QVERIFY2(error.contains(QStringLiteral("not a WAV file")), qPrintable(error));
  }

  // Found by the WAV fuzz target: a data chunk shorter than one frame was imported as an
  // empty recording (copying 0 samples into no buffer), and a rate above 2^31 Hz became a
  // negative int.
  void wavWithoutAFrameOrWithAnImpossibleRateIsRefused() {
    const QString path = m_dir.filePath(QStringLiteral("odd.wav"));
    QVERIFY(test::writeWav(path, {}, 2, 1000));
    Recording r;
    QStringList warnings;
    QString error;
    QVERIFY(!Importer::readWav(path, &r, &warnings, &error));
    QVERIFY2(error.contains(QStringLiteral("no sample data")), qPrintable(error));
    QVERIFY(test::writeWav(path, {1, 2, 3, 4}, 2, 1000));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    qToLittleEndian<quint32>(3000000000u, bytes.data() + 24);  // the rate
    f.seek(0);
    f.write(bytes);
    f.close();
    QVERIFY(!Importer::readWav(path, &r, &warnings, &error));
    QVERIFY2(error.contains(QStringLiteral("3000000000 Hz")), qPrintable(error));
  }

  void exportedDatasetReadsBack() {
    Session s;
    s.createClass(QStringLiteral("shake"));
    s.createClass(QStringLiteral("tap"));
    const QVector<test::Labelled> events = test::blobEvents(30, 2);
    QVector<int> ids;
    for (const test::Labelled& l : events) ids << s.addEvent(l.event);
    int expectedRows = 0;
    for (int i = 0; i < ids.size(); ++i) {
      if (i % 3 == 2) continue;  // untagged: skipped
      s.tag(ids[i], i % 6 == 0 ? int(kOutlier) : events[i].gesture);
      ++expectedRows;
    }
    const QString path = m_dir.filePath(QStringLiteral("dataset.csv"));
    int rows = 0;
    int skipped = -1;
    QString error;
    QVERIFY2(Exporter::exportDatasetCsv(s.state(), path, &rows, &skipped, &error),
             qPrintable(error));
    QCOMPARE(rows, expectedRows);
    QCOMPARE(skipped, 0);
    dlm::data::Dataset d;
    std::string why;
    QVERIFY2(dlm::data::readCsv(QFile::encodeName(path).toStdString(), {}, d, why), why.c_str());
    QCOMPARE(d.rows, expectedRows);
    QCOMPARE(d.dims, 58);
    QCOMPARE(d.featureNames.front(), std::string("f0"));
    int row = 0;
    for (int i = 0; i < ids.size(); ++i) {
      const SessionEvent& e = *s.event(ids[i]);
      if (e.tag == kUntagged) continue;
      const std::string label = d.classNames[std::size_t(d.labels[std::size_t(row)])];
      const std::string want = e.tag == kOutlier ? "unknown" : s.classAt(e.tag).name.toStdString();
      QCOMPARE(label, want);
      for (int k = 0; k < 58; ++k) QCOMPARE(d.row(row)[k], e.descriptor[k]);  // bit-identical
      ++row;
    }
  }

  void exportedModelIsTheBytes() {
    const QByteArray model("DLMM-not-really-a-model");
    const QString path = m_dir.filePath(QStringLiteral("model.dlm"));
    QString error;
    QVERIFY(Exporter::exportModel(model, path, &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), model);
    QVERIFY(!Exporter::exportModel(QByteArray(), path, &error));
    QVERIFY(error.contains(QStringLiteral("no model")));
  }
};

QTEST_GUILESS_MAIN(TestImportExport)
#include "test_import_export.moc"
