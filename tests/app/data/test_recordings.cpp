#include <QtTest>

#include <QDir>
#include <QTemporaryDir>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "app/data/recordings.h"
#include "app/data/wav.h"
#include "tests/app/data/test_util.h"

using dlm::data::WavAudio;
using dlm::data::test::writeFile;

namespace {

// A 0.5 s tone in the middle of a 1 s 16 kHz clip: silence around it, as a spoken word.
WavAudio tone(double hz, int frames = 16000) {
  WavAudio a;
  a.channels = 1;
  a.sampleRateHz = 16000;
  a.frames = static_cast<std::uint32_t>(frames);
  for (int i = 0; i < frames; ++i) {
    const bool on = i > frames / 4 && i < 3 * frames / 4;
    const double v = on ? 8000.0 * std::sin(2.0 * M_PI * hz * i / 16000.0) : 0.0;
    a.samples.push_back(static_cast<std::int16_t>(std::lround(v)));
  }
  return a;
}

QByteArray le32(std::uint32_t v) {
  QByteArray b;
  for (int i = 0; i < 4; ++i) b.append(static_cast<char>((v >> (8 * i)) & 0xFF));
  return b;
}

// A header for 16-bit PCM with \p format, \p bits and a data chunk declaring \p dataSize,
// followed by \p payload bytes.
QByteArray header(std::uint16_t format, std::uint16_t bits, std::uint32_t dataSize,
                  int payload) {
  QByteArray b("RIFF");
  b += le32(36 + dataSize) + "WAVEfmt " + le32(16);
  const std::uint16_t channels = 1;
  const std::uint16_t align = static_cast<std::uint16_t>(channels * bits / 8);
  b += QByteArray(1, char(format & 0xFF)) + QByteArray(1, char(format >> 8));
  b += QByteArray(1, char(channels)) + QByteArray(1, 0) + le32(16000) + le32(16000u * align);
  b += QByteArray(1, char(align)) + QByteArray(1, 0) + QByteArray(1, char(bits)) +
       QByteArray(1, 0);
  b += "data" + le32(dataSize) + QByteArray(payload, '\x01');
  return b;
}

std::string path(const QTemporaryDir& dir, const char* name) {
  return dir.filePath(name).toStdString();
}

} // namespace

class TestRecordings : public QObject {
  Q_OBJECT

private slots:
  void wavRoundTrip() {
    QTemporaryDir dir;
    const WavAudio a = tone(440.0, 1000);
    std::string error;
    QVERIFY(dlm::data::writeWav(path(dir, "a.wav"), a, error));
    WavAudio b;
    QVERIFY2(dlm::data::readWav(path(dir, "a.wav"), b, error), error.c_str());
    QCOMPARE(b.channels, 1);
    QCOMPARE(b.sampleRateHz, 16000u);
    QCOMPARE(b.frames, 1000u);
    QVERIFY(b.samples == a.samples);
  }

  void badWavFilesGiveClearErrors() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("text.wav"), "hello, not a wav"));
    QVERIFY(writeFile(dir.filePath("float.wav"), header(3, 32, 8, 8)));
    QVERIFY(writeFile(dir.filePath("8bit.wav"), header(1, 8, 8, 8)));
    QVERIFY(writeFile(dir.filePath("truncated.wav"), header(1, 16, 2000, 100)));
    QVERIFY(writeFile(dir.filePath("noheader.wav"), header(1, 16, 8, 8).left(30)));
    // A header declaring 4 GB: refused from the file's real size, nothing allocated.
    QVERIFY(writeFile(dir.filePath("huge.wav"), header(1, 16, 0xFFFFFFF0u, 16)));
    const std::pair<const char*, const char*> cases[] = {
        {"text.wav", "not a WAV file"},        {"float.wav", "not integer PCM"},
        {"8bit.wav", "8 bits"},                {"truncated.wav", "truncated"},
        {"noheader.wav", "truncated"},         {"huge.wav", "truncated"},
        {"missing.wav", "cannot open"}};
    for (const auto& [name, why] : cases) {
      WavAudio out;
      std::string error;
      QVERIFY2(!dlm::data::readWav(path(dir, name), out, error), name);
      QVERIFY2(error.find(why) != std::string::npos, error.c_str());
      QVERIFY(out.samples.empty());
    }
  }

  void sizesAreBounded() {
    QTemporaryDir dir;
    // Streamed files say 0xFFFFFFFF: read to the end of the file.
    QVERIFY(writeFile(dir.filePath("streamed.wav"), header(1, 16, 0xFFFFFFFFu, 20)));
    WavAudio out;
    std::string error;
    QVERIFY2(dlm::data::readWav(path(dir, "streamed.wav"), out, error), error.c_str());
    QCOMPARE(out.frames, 10u);
    // Data beyond the caller's bound is refused, however honest the header.
    QVERIFY(!dlm::data::readWav(path(dir, "streamed.wav"), out, error, 16));
    QVERIFY2(error.find("exceed the limit") != std::string::npos, error.c_str());
  }

  void scanFindsClassesUnknownAndWarns() {
    QTemporaryDir dir;
    QDir root(dir.path());
    for (const char* d : {"yes", "no", "unknown", "empty"}) QVERIFY(root.mkdir(d));
    std::string error;
    for (const char* f : {"yes/1.wav", "yes/2.wav", "no/1.wav", "unknown/x.wav"})
      QVERIFY(dlm::data::writeWav(path(dir, f), tone(500.0, 400), error));
    QVERIFY(writeFile(dir.filePath("no/notes.txt"), "x"));
    QVERIFY(writeFile(dir.filePath("loose.wav"), "x"));
    dlm::data::RecordingFolder folder;
    QVERIFY2(dlm::data::scanRecordings(dir.path().toStdString(), folder, error), error.c_str());
    QCOMPARE(folder.classes, (std::vector<std::string>{"no", "yes"}));
    QCOMPARE(int(folder.files.size()), 4);
    QCOMPARE(folder.files.back().className, std::string("yes"));
    int unknown = 0;
    for (const auto& f : folder.files) unknown += f.unknown ? 1 : 0;
    QCOMPARE(unknown, 1);
    std::string all;
    for (const std::string& w : folder.warnings) all += w + "\n";
    QVERIFY2(all.find("notes.txt") != std::string::npos, all.c_str());
    QVERIFY2(all.find("loose.wav") != std::string::npos, all.c_str());
    QVERIFY2(all.find("empty: no .wav") != std::string::npos, all.c_str());
  }

  void scanRefusesMissingAndEmptyFolders() {
    QTemporaryDir dir;
    dlm::data::RecordingFolder folder;
    std::string error;
    QVERIFY(!dlm::data::scanRecordings(path(dir, "nope"), folder, error));
    QVERIFY2(error.find("not a folder") != std::string::npos, error.c_str());
    QVERIFY(QDir(dir.path()).mkdir("a"));
    QVERIFY(!dlm::data::scanRecordings(dir.path().toStdString(), folder, error));
    QVERIFY2(error.find("no class folder") != std::string::npos, error.c_str());
  }

  void shortFileIsOneEventLongFileSeveral() {
    dlm::data::Signal quiet;
    quiet.channels = 1;
    quiet.rateHz = 16000;
    quiet.frames = 4000;
    quiet.samples.assign(4000, 0);
    auto spans = dlm::data::findEvents(quiet, 16000, 0.0f);
    QCOMPARE(int(spans.size()), 1);  // nothing triggers: the whole file
    QCOMPARE(spans[0].frames, 4000u);
    // Three loud bursts 0.5 s apart in a 2 s file: three events.
    dlm::data::Signal bursts = quiet;
    bursts.frames = 32000;
    bursts.samples.assign(32000, 0);
    for (int b = 0; b < 3; ++b)
      for (int i = 0; i < 800; ++i)
        bursts.samples[std::size_t(4000 + b * 8000 + i)] =
            static_cast<std::int16_t>(i % 8 < 4 ? 6000 : -6000);
    spans = dlm::data::findEvents(bursts, 16000, 0.0f);
    QCOMPARE(int(spans.size()), 3);
    // The same bursts in a file taken as one example: one span over all three.
    spans = dlm::data::findEvents(bursts, 32000, 0.0f);
    QCOMPARE(int(spans.size()), 1);
    QVERIFY(spans[0].start < 4000 && spans[0].start + spans[0].frames > 20800);
  }

  void samplesCsvIsReadAndOtherCsvSkipped() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("rec.csv"),
                      "sample,time_s,ax,ay\n0,0.000000,1,2\n1,0.010000,3,-4\n"));
    QVERIFY(writeFile(dir.filePath("rec.events.csv"), "segment,event,start\n1,1,0\n"));
    dlm::data::Signal s;
    bool skip = false;
    std::string error;
    QVERIFY2(dlm::data::readSignal(path(dir, "rec.csv"), s, skip, error), error.c_str());
    QCOMPARE(s.channels, 2);
    QCOMPARE(s.frames, 2u);
    QCOMPARE(s.rateHz, 100.0);
    QCOMPARE(int(s.samples[3]), -4);
    QVERIFY(!dlm::data::readSignal(path(dir, "rec.events.csv"), s, skip, error));
    QVERIFY(skip);
  }
};

QTEST_GUILESS_MAIN(TestRecordings)
#include "test_recordings.moc"
