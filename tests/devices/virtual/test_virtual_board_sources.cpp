// dlm-board's other sources (issue 13): a rotating machine (--source vibration) streams at the
// rate and channel count it announces, with a spectral front-end, one event a measurement
// window; WAV files (--source wav:...) are played, looped, and a wrong format is refused.
// Label `integration`; every wait polls with a deadline.

#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/front_end.h"
#include "devices/boards/virtual/board_process.h"
#include "devices/boards/virtual/host_link.h"
#include "devices/boards/virtual/wav_source.h"

using dlm::board::BoardProcess;
using dlm::board::HostLink;
using dlm::board::WavSource;

namespace {

constexpr int kTimeoutMs = 10000;

struct Stream {
  std::uint64_t frames = 0;
  std::vector<dlm::protocol::Event> events;
  bool onFrame(const dlm::protocol::FrameView& f) {
    dlm::protocol::Samples s;
    if (dlm::protocol::decodeMessage(f, s)) {
      frames += s.frames;
      return false;
    }
    dlm::protocol::Event e;
    if (dlm::protocol::decodeMessage(f, e)) events.push_back(e);
    return false;
  }
};

// Reads for `ms`, with a heartbeat every second as a studio sends.
void readFor(HostLink& link, Stream& stream, int ms) {
  const auto handler = [&stream](const dlm::protocol::FrameView& f) { return stream.onFrame(f); };
  const std::int64_t end = dlm::board::monotonicMs() + ms;
  while (dlm::board::monotonicMs() < end) {
    dlm::protocol::Command beat;
    beat.id = dlm::protocol::CommandId::Heartbeat;
    dlm::protocol::Ack ack;
    link.command(beat, ack, 2000, handler);
    link.pump(int(std::min<std::int64_t>(1000, end - dlm::board::monotonicMs())), handler);
  }
}

void putLe(std::FILE* f, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) std::fputc(int((v >> (8 * i)) & 0xFFu), f);
}

// A WAV file of `samples`, with the given header fields.
void writeWav(const std::string& path, const std::vector<std::int16_t>& samples,
              std::uint32_t rate = 16000, std::uint16_t channels = 1) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  const std::uint32_t data = std::uint32_t(samples.size() * 2);
  std::fputs("RIFF", f);
  putLe(f, 36 + data, 4);
  std::fputs("WAVEfmt ", f);
  putLe(f, 16, 4);
  putLe(f, 1, 2);
  putLe(f, channels, 2);
  putLe(f, rate, 4);
  putLe(f, rate * channels * 2, 4);
  putLe(f, channels * 2u, 2);
  putLe(f, 16, 2);
  std::fputs("data", f);
  putLe(f, data, 4);
  for (std::int16_t s : samples) putLe(f, std::uint16_t(s), 2);
  std::fclose(f);
}

// A 0.4 s tone of `hz` Hz: one "word".
std::vector<std::int16_t> tone(double hz, std::size_t n = 6400) {
  std::vector<std::int16_t> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = std::int16_t(8000.0 * std::sin(2.0 * M_PI * hz * double(i) / 16000.0));
  return x;
}

} // namespace

class TestVirtualBoardSources : public QObject {
  Q_OBJECT

  std::string m_dir;

private slots:
  void initTestCase() {
    m_dir = "/tmp/dlm-board-sources-" + std::to_string(getpid());
    QVERIFY(::mkdir(m_dir.c_str(), 0755) == 0 || errno == EEXIST);
    writeWav(m_dir + "/a.wav", tone(440.0));
    writeWav(m_dir + "/b.wav", tone(1200.0, 4000));
    writeWav(m_dir + "/stereo.wav", tone(440.0), 16000, 2);
    writeWav(m_dir + "/cd.wav", tone(440.0), 44100, 1);
  }

  void vibrationStreamsAtTheAnnouncedRate() {
    BoardProcess board;
    std::string error;
    QVERIFY2(board.start(DLM_BOARD_EXE,
                         {"--source", "vibration:fault=bearing,period=1", "--channels", "3",
                          "--quiet"},
                         kTimeoutMs, error),
             error.c_str());
    HostLink link;
    QVERIFY2(link.open(board.port(), error), error.c_str());
    Stream stream;
    dlm::protocol::Hello hello;
    QVERIFY(link.handshake(kTimeoutMs, hello,
                           [&stream](const dlm::protocol::FrameView& f) { return stream.onFrame(f); }));
    QCOMPARE(int(hello.sampleRateHz), 6400);
    QCOMPARE(int(hello.channels), 3);
    QCOMPARE(int(hello.frontEnd.kind), int(dlm::FrontEndKind::Spectral));
    QCOMPARE(int(hello.frontEnd.spectral.scale), int(dlm::BandScale::Mel));
    QCOMPARE(int(hello.frontEnd.spectral.slices), 1);
    QCOMPARE(int(hello.descriptorDims), int(hello.frontEnd.dims()));

    stream = Stream();
    const std::int64_t start = dlm::board::monotonicMs();
    readFor(link, stream, 3500);
    const double seconds = double(dlm::board::monotonicMs() - start) / 1000.0;
    const double rate = double(stream.frames) / seconds;
    qInfo("vibration: %.0f frames/s, %zu events in %.1f s", rate, stream.events.size(), seconds);
    QVERIFY2(rate > 6400.0 * 0.9 && rate < 6400.0 * 1.1, qPrintable(QString::number(rate)));
    // One measurement window a second: one event each, spectral descriptors.
    QVERIFY(stream.events.size() >= 2 && stream.events.size() <= 5);
    for (const dlm::protocol::Event& e : stream.events) {
      QCOMPARE(int(e.dims), int(hello.descriptorDims));
      QVERIFY(e.frames > 1800 && e.frames <= 2048);
    }
  }

  void wavFilesPlayAndLoop() {
    BoardProcess board;
    std::string error;
    const std::string files = "wav:" + m_dir + "/a.wav," + m_dir + "/b.wav";
    QVERIFY2(board.start(DLM_BOARD_EXE, {"--source", files, "--quiet"}, kTimeoutMs, error),
             error.c_str());
    HostLink link;
    QVERIFY2(link.open(board.port(), error), error.c_str());
    Stream stream;
    dlm::protocol::Hello hello;
    QVERIFY(link.handshake(kTimeoutMs, hello,
                           [&stream](const dlm::protocol::FrameView& f) { return stream.onFrame(f); }));
    QCOMPARE(int(hello.sampleRateHz), 16000);
    QCOMPARE(int(hello.channels), 1);
    QCOMPARE(int(hello.frontEnd.kind), int(dlm::FrontEndKind::Spectral));
    QCOMPARE(int(hello.frontEnd.spectral.scale), int(dlm::BandScale::Mel));
    stream = Stream();
    // Each file takes 0.5 s of silence + its length: a then b then a again within 3 s.
    readFor(link, stream, 3000);
    qInfo("sound: %llu frames, %zu events", static_cast<unsigned long long>(stream.frames), stream.events.size());
    QVERIFY(stream.frames > 16000u * 2);
    QVERIFY2(stream.events.size() >= 3, qPrintable(QString::number(stream.events.size())));
  }

  void wavSourceLoopsAndPlaysOnRequest() {
    WavSource wav;
    std::string error;
    QVERIFY2(wav.load({m_dir + "/a.wav", m_dir + "/b.wav"}, error), error.c_str());
    std::vector<std::int16_t> x(3 * (WavSource::kGapFrames + 6400));
    wav.generate(x.data(), std::uint32_t(x.size()));
    QCOMPARE(wav.filesStarted(), 3u);  // a, b, then a again
    QCOMPARE(x[WavSource::kGapFrames + 100], tone(440.0)[100]);
    wav.setLooping(false);
    const std::uint32_t before = wav.filesStarted();
    wav.generate(x.data(), std::uint32_t(x.size()));
    QCOMPARE(wav.filesStarted(), before);  // on request: silence
    QVERIFY(wav.playNext());
    wav.generate(x.data(), std::uint32_t(x.size()));
    QCOMPARE(wav.filesStarted(), before + 1);
  }

  void wrongWavFormatIsRefused() {
    std::vector<std::int16_t> samples;
    std::string error;
    QVERIFY(!WavSource::readWav(m_dir + "/stereo.wav", samples, error));
    QVERIFY(error.find("2 channel") != std::string::npos);
    QVERIFY(!WavSource::readWav(m_dir + "/cd.wav", samples, error));
    QVERIFY(error.find("44100 Hz") != std::string::npos);
    QVERIFY(!WavSource::readWav(m_dir + "/missing.wav", samples, error));
    // The board itself says so and exits instead of opening a port.
    BoardProcess board;
    QVERIFY(!board.start(DLM_BOARD_EXE, {"--source", "wav:" + m_dir + "/cd.wav", "--quiet"}, 5000,
                         error));
  }

  void cleanupTestCase() {
    for (const char* f : {"a.wav", "b.wav", "stereo.wav", "cd.wav"}) ::unlink((m_dir + "/" + f).c_str());
    ::rmdir(m_dir.c_str());
  }
};

QTEST_GUILESS_MAIN(TestVirtualBoardSources)
#include "test_virtual_board_sources.moc"
