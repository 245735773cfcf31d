// Seeds of the file and text readers: WAV files of the simulated sensors and of the captured
// board stream (and the chunk layouts other tools write), CSV datasets and recordings (`dlm
// record` against the virtual board, the studio's import format), and the board stream
// printed the ways real text boards print it.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/data/csv.h"
#include "app/data/wav.h"
#include "devices/boards/virtual/board_process.h"
#include "devices/simulator/vibration_source.h"
#include "tests/fuzz/seeds/seeds.h"

namespace dlm::fuzz::seeds {

namespace {

namespace fs = std::filesystem;

constexpr const char* kWav = "app/data/wav";
constexpr const char* kCsv = "app/data/csv";
constexpr const char* kText = "devices/textstream";

void le16(Bytes& b, std::uint32_t v) {
  b.push_back(std::uint8_t(v));
  b.push_back(std::uint8_t(v >> 8));
}
void le32(Bytes& b, std::uint32_t v) {
  le16(b, v & 0xFFFF);
  le16(b, v >> 16);
}
void tag(Bytes& b, const char* id) {
  for (int i = 0; i < 4; ++i) b.push_back(std::uint8_t(id[i]));
}

Bytes readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Bytes wavFile(const std::vector<std::int16_t>& samples, int channels, std::uint32_t rate) {
  const fs::path path = fs::temp_directory_path() / ("dlm-seed-" + std::to_string(getpid()) + ".wav");
  data::WavAudio audio;
  audio.channels = channels;
  audio.sampleRateHz = rate;
  audio.frames = std::uint32_t(samples.size() / std::size_t(channels));
  audio.samples = samples;
  std::string error;
  data::writeWav(path.string(), audio, error);
  Bytes b = readFile(path);
  fs::remove(path);
  return b;
}

// The layouts other writers use, around the same samples: WAVE_FORMAT_EXTENSIBLE, a LIST
// chunk (ffmpeg), a fact chunk and an odd-sized chunk with its pad byte, and a streamed size
// (arecord to a pipe).
enum class Layout { Extensible, List, OddChunk, Streamed };

Bytes wavVariant(const std::vector<std::int16_t>& samples, int channels, std::uint32_t rate,
                 Layout layout) {
  Bytes body;
  tag(body, "WAVE");
  tag(body, "fmt ");
  const bool ext = layout == Layout::Extensible;
  le32(body, ext ? 40 : 16);
  le16(body, ext ? 0xFFFE : 1);
  le16(body, std::uint32_t(channels));
  le32(body, rate);
  le32(body, rate * 2u * std::uint32_t(channels));
  le16(body, 2u * std::uint32_t(channels));
  le16(body, 16);
  if (ext) {
    le16(body, 22);                                 // extension size
    le16(body, 16);                                 // valid bits
    le32(body, channels == 1 ? 0x4 : 0x3);          // channel mask
    const std::uint8_t pcmGuid[16] = {1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71};
    body.insert(body.end(), pcmGuid, pcmGuid + 16);
  }
  if (layout == Layout::List) {
    const std::string info = std::string("INFOISFT") + std::string("\x0e\x00\x00\x00", 4) +
                             std::string("Lavf60.16.100\0", 14);
    tag(body, "LIST");
    le32(body, std::uint32_t(info.size()));
    body.insert(body.end(), info.begin(), info.end());
  }
  if (layout == Layout::OddChunk) {
    tag(body, "fact");
    le32(body, 4);
    le32(body, std::uint32_t(samples.size()) / std::uint32_t(channels));
    tag(body, "junk");
    le32(body, 3);
    body.push_back('d');
    body.push_back('l');
    body.push_back('m');
    body.push_back(0);  // pad to an even size
  }
  const bool streamed = layout == Layout::Streamed;
  tag(body, "data");
  le32(body, streamed ? 0xFFFFFFFFu : std::uint32_t(samples.size() * 2));
  for (std::int16_t s : samples) le16(body, std::uint16_t(s));
  Bytes file;
  tag(file, "RIFF");
  le32(file, streamed ? 0xFFFFFFFFu : std::uint32_t(body.size()));
  file.insert(file.end(), body.begin(), body.end());
  return file;
}

std::vector<std::int16_t> vibration(std::uint16_t rate, std::uint8_t channels, std::uint32_t frames,
                                    firmware::MachineFault fault) {
  firmware::VibrationConfig c;
  c.sampleRateHz = rate;
  c.channels = channels;
  c.fault = fault;
  firmware::VibrationSource source(c);
  std::vector<std::int16_t> out(std::size_t(frames) * channels);
  source.generate(out.data(), frames);
  return out;
}

// The board's stream from frame \p from, \p frames frames.
std::vector<std::int16_t> stream(const Capture& c, std::size_t from, std::size_t frames) {
  const std::size_t ch = std::size_t(c.channels);
  from = std::min(from, c.signal.size() / ch);
  frames = std::min(frames, c.signal.size() / ch - from);
  return std::vector<std::int16_t>(c.signal.begin() + long(from * ch),
                                   c.signal.begin() + long((from + frames) * ch));
}

// A gesture's stretch of the stream: the first event's start.
std::size_t gestureAt(const Capture& c) {
  return c.events.empty() ? 0 : std::size_t(c.events.front().startSample - c.signalStart);
}

std::string format(const char* f, double a, double b, double c, double d = 0.0) {
  char line[160];
  std::snprintf(line, sizeof line, f, a, b, c, d);
  return line;
}

// The 0xFF setup prefix of the text-stream target: period in 100 us, jitter %, chunk,
// channels, rate index, timestamp option + 5 x scale index.
std::string setup(std::uint16_t period, std::uint8_t jitter, std::uint8_t chunk,
                  std::uint8_t channels, std::uint8_t rate, std::uint8_t timestamp) {
  const char b[8] = {char(0xFF), char(period & 0xFF), char(period >> 8), char(jitter),
                     char(chunk), char(channels), char(rate), char(timestamp)};
  return std::string(b, 8);
}

} // namespace

void writeWavSeeds(const Capture& c, Corpus& corpus) {
  const std::vector<std::int16_t> motion = stream(c, gestureAt(c), 400);
  corpus.write(kWav, "board-motion-1khz-3ch.wav", wavFile(motion, c.channels, 1000));
  const auto mono = vibration(6400, 1, 1200, firmware::MachineFault::Bearing);
  corpus.write(kWav, "vibration-6400hz-mono.wav", wavFile(mono, 1, 6400));
  corpus.write(kWav, "vibration-6400hz-3ch.wav",
               wavFile(vibration(6400, 3, 400, firmware::MachineFault::Imbalance), 3, 6400));
  const auto sound = vibration(16000, 1, 1000, firmware::MachineFault::None);
  corpus.write(kWav, "sound-16khz-mono.wav", wavFile(sound, 1, 16000));
  corpus.write(kWav, "extensible-16khz-mono.wav", wavVariant(sound, 1, 16000, Layout::Extensible));
  corpus.write(kWav, "list-chunk-6400hz.wav", wavVariant(mono, 1, 6400, Layout::List));
  corpus.write(kWav, "fact-odd-chunk-stereo.wav",
               wavVariant(vibration(6400, 2, 500, firmware::MachineFault::None), 2, 6400, Layout::OddChunk));
  corpus.write(kWav, "streamed-16khz.wav", wavVariant(sound, 1, 16000, Layout::Streamed));
}

void writeCsvSeeds(const Capture& c, const std::string& dlmExe, const std::string& boardExe,
                   Corpus& corpus) {
  data::Dataset d;  // board event descriptors, as `dlm learn` reads them
  for (std::size_t i = 0; i < c.events.size() && i < 6; ++i) {
    d.features.insert(d.features.end(), c.events[i].descriptor,
                      c.events[i].descriptor + c.events[i].dims);
    d.labels.push_back(int(i % 3));
    d.dims = c.events[i].dims;
    ++d.rows;
  }
  d.classNames = {"shake", "circle", "tap"};
  const fs::path tmp = fs::temp_directory_path() / ("dlm-seed-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  std::string error;
  data::writeCsv(d, (tmp / "dataset.csv").string(), error);
  corpus.write(kCsv, "dataset.csv", readFile(tmp / "dataset.csv"));
  // `dlm record` against a virtual board making gestures: a samples file and an events file.
  board::BoardProcess board;
  if (board.start(boardExe, {"--seed", "2", "--gesture-rate", "300", "--quiet"}, 8000, error)) {
    const std::string cmd = dlmExe + " record --port " + board.port() + " --seconds 3 --out " +
                            (tmp / "rec.csv").string() + " >/dev/null";
    if (std::system(cmd.c_str()) == 0) {
      std::istringstream samples(std::string(reinterpret_cast<const char*>(readFile(tmp / "rec.csv").data()),
                                             readFile(tmp / "rec.csv").size()));
      std::string kept;
      std::string line;
      for (int i = 0; i < 60 && std::getline(samples, line); ++i) kept += line + "\n";
      corpus.write(kCsv, "record-samples.csv", kept);
      corpus.write(kCsv, "record.events.csv", readFile(tmp / "rec.events.csv"));
    }
    board.stop();
  }
  fs::remove_all(tmp);
  std::string studio = "time_ms,ax,ay,az\n";
  const std::vector<std::int16_t> s = stream(c, gestureAt(c), 60);
  for (std::size_t i = 0; i * 3 + 2 < s.size(); ++i)
    studio += format("%.0f,%.0f,%.0f,%.0f\n", double(i), s[i * 3], s[i * 3 + 1], s[i * 3 + 2]);
  corpus.write(kCsv, "import-time-ms.csv", studio);
  const char* labels[] = {"shake", "circle", "tap"};
  std::string euro = "x;y;z;label\r\n";  // a spreadsheet's export in a decimal-comma locale
  for (std::size_t i = 0; i * 3 + 2 < s.size() && i < 12; ++i) {
    std::string row = format("%.1f;%.2f;%.0f;", s[i * 3] / 10.0, s[i * 3 + 1] / 100.0,
                             s[i * 3 + 2]);
    std::replace(row.begin(), row.end(), '.', ',');
    euro += row + labels[i % 3] + "\r\n";
  }
  corpus.write(kCsv, "semicolon-decimal-comma.csv", euro);
  std::string quoted = "\xEF\xBB\xBF\"feature, one\",\"two\",label\r\n";
  for (std::size_t i = 0; i * 3 + 2 < s.size() && i < 8; ++i)
    quoted += format("%.1f,%.2e,", s[i * 3] / 7.0, s[i * 3 + 1] * 1e3, 0) +
              (i % 2 ? "\"left, then up\"\r\n" : "\"say \"\"hi\"\"\"\r\n");
  corpus.write(kCsv, "quoted-bom-crlf.csv", quoted);
}

void writeTextStreamSeeds(const Capture& c, Corpus& corpus) {
  const std::vector<std::int16_t> s = stream(c, gestureAt(c), 120);
  const std::size_t n = s.size() / 3;
  auto print = [&](std::string text, const char* f, double scale, double t0, double dt,
                   std::size_t frames) {
    for (std::size_t i = 0; i < frames && i < n; ++i)
      text += f[0] == 'T' ? format(f + 1, t0 + dt * double(i), s[i * 3] * scale,
                                   s[i * 3 + 1] * scale, s[i * 3 + 2] * scale)
                          : format(f, s[i * 3] * scale, s[i * 3 + 1] * scale,
                                   s[i * 3 + 2] * scale);
    return text;
  };
  // Arduino sketches: Serial.print(ax); Serial.print(','); ... Serial.println(az);
  corpus.write(kText, "arduino-csv.txt", print("ax,ay,az\r\n", "%.0f,%.0f,%.0f\r\n", 1, 0, 0, 40));
  // Arduino IDE's Serial Plotter labels.
  corpus.write(kText, "serial-plotter.txt", print("", "ax:%.0f ay:%.0f az:%.0f\n", 1, 0, 0, 40));
  // Edge Impulse's data forwarder: tab-separated values in g.
  corpus.write(kText, "edge-impulse-g.txt",
               print("", "%.4f\t%.4f\t%.4f\n", 1.0 / 4096, 0, 0, 40));
  // A millis() timestamp first, and a header naming it.
  corpus.write(kText, "millis.txt",
               print("millis,ax,ay,az\n", "T%.0f,%.0f,%.0f,%.0f\n", 1, 84512, 1, 40));
  // micros() at 1 kHz, read in 64-byte chunks 1 ms apart, with 20 % jitter.
  corpus.write(kText, "micros-chunked.bin",
               setup(10, 20, 64, 0, 0, 0) +
                   print("", "T%.0f %.0f %.0f %.0f\n", 1, 3210000, 1000, 100));
  // Seconds with a decimal point, semicolons, 10 lines a second: locks within the input.
  corpus.write(kText, "seconds-semicolon.bin",
               setup(999, 0, 0, 0, 0, 0) +
                   print("t;x;y;z\n", "T%.3f;%.1f;%.1f;%.1f\n", 1.0 / 16, 12.5, 0.1, 40));
  // A board that boots, talks and glitches between its samples.
  std::string noisy = "\r\nBooting...\nMPU6050 found at 0x68\n";
  noisy = print(noisy, "%.0f,%.0f,%.0f\n", 1, 0, 0, 20) + "ERR sensor timeout\n" +
          std::string("\x02\x05\x00\x7f\x01\n", 6) + std::string(300, '7') + "\n" +
          "nan,1,2\n1,,3\n1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17\n";
  corpus.write(kText, "noisy-boot.txt", print(noisy, "%.0f,%.0f,%.0f\n", 1, 0, 0, 20));
  // Three columns then six (a sketch that starts printing the gyroscope too), 10 lines/s.
  std::string change = print(setup(999, 5, 0, 0, 0, 0), "%.0f,%.0f,%.0f\n", 1, 0, 0, 30);
  for (std::size_t i = 0; i < 30 && i < n; ++i)
    change += format("%.0f,%.0f,%.0f,", s[i * 3], s[i * 3 + 1], s[i * 3 + 2]) +
              format("%.0f,%.0f,%.0f\n", s[i * 3 + 2] / 3, s[i * 3] / 3, s[i * 3 + 1] / 3);
  corpus.write(kText, "column-change.bin", change);
  // Timestamps in ms whose step halves: a rate change.
  corpus.write(kText, "rate-change.bin",
               print(print(setup(100, 0, 0, 0, 0, 0), "T%.0f,%.0f,%.0f,%.0f\n", 1, 0, 10, 60),
                     "T%.0f,%.0f,%.0f,%.0f\n", 1, 600, 5, 60));
  // Everything forced: 3 channels, 100 Hz, a timestamp in ms, scale 100.
  corpus.write(kText, "forced-options.bin",
               setup(100, 0, 0, 3, 3, 3 + 5 * 2) +
                   print("", "T%.0f,%.3f,%.3f,%.3f\n", 0.01, 0, 10, 40));
}

} // namespace dlm::fuzz::seeds
