// Fuzz target: the WAV readers, the door of every recording a user hands the tools. There are
// three, each on its own path: app/data/wav.cpp (recording folders: `dlm learn --recordings`,
// then the boards' trigger), the studio's import (app/import_export/importer.cpp, then the
// board's event pipeline) and the virtual board's sound source (devices/boards/virtual). The
// input is a WAV file (the seed corpus holds real ones: mono and stereo 16-bit PCM at several
// rates, WAVE_FORMAT_EXTENSIBLE, a LIST chunk, odd-sized chunks, a streamed data size).
//
// Checked: a refused file says why; an accepted one gives whole frames within the file's
// size (nothing is allocated that the file does not hold) and events inside the signal; and
// what app/data reads writes back (writeWav) to a file that reads the same.

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/data/recordings.h"
#include "app/data/wav.h"
#include "app/import_export/importer.h"
#include "devices/boards/virtual/wav_source.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm;

namespace {

void readData(const std::string& path, std::size_t size) {
  data::WavAudio audio;
  std::string error;
  if (!data::readWav(path, audio, error)) {
    DLM_FUZZ_CHECK(!error.empty(), "a refused WAV file without a message");
    return;
  }
  DLM_FUZZ_CHECK(audio.channels >= 1 && audio.sampleRateHz > 0 &&
                     audio.samples.size() == std::size_t(audio.frames) * std::size_t(audio.channels),
                 "a WAV file without whole frames");
  DLM_FUZZ_CHECK(audio.samples.size() * 2 <= size, "more samples than the file holds");
  const std::string again = fuzz::ScratchDirectory::instance().path("again.wav");
  DLM_FUZZ_CHECK(data::writeWav(again, audio, error), "an accepted WAV file cannot be written");
  data::WavAudio back;
  DLM_FUZZ_CHECK(data::readWav(again, back, error) && back.channels == audio.channels &&
                     back.sampleRateHz == audio.sampleRateHz && back.samples == audio.samples,
                 "a written WAV file reads back with other samples");
}

void readRecording(const std::string& path) {
  data::Signal s;
  bool skip = false;
  std::string error;
  if (!data::readSignal(path, s, skip, error)) return;
  for (const data::EventSpan& e : data::findEvents(s, 2048, 0.0f)) {
    DLM_FUZZ_CHECK(e.frames > 0 && e.start < s.frames && e.frames <= s.frames - e.start,
                   "an event outside the signal");
  }
}

void import(const std::string& path, std::size_t size) {
  app::Recording recording;
  QStringList warnings;
  QString error;
  if (!app::Importer::readWav(QString::fromStdString(path), &recording, &warnings, &error)) {
    DLM_FUZZ_CHECK(!error.isEmpty(), "a refused import without a message");
    return;
  }
  DLM_FUZZ_CHECK(recording.channels > 0 && recording.sampleRateHz > 0 &&
                     recording.samples.size() % recording.channels == 0,
                 "an import without a rate or whole frames");
  DLM_FUZZ_CHECK(std::size_t(recording.samples.size()) * 2 <= size,
                 "more samples than the file holds");
  const app::ImportResult result = app::Importer::detectEvents(recording, app::ImportOptions());
  for (const app::SessionEvent& e : result.events) {
    DLM_FUZZ_CHECK(qint64(e.frames) * e.channels == e.raw.size(), "an imported event's window");
  }
}

void playOnVirtualBoard(const std::string& path, std::size_t size) {
  std::vector<std::int16_t> samples;
  std::string error;
  if (board::WavSource::readWav(path, samples, error)) {
    DLM_FUZZ_CHECK(!samples.empty() && samples.size() * 2 <= size, "the sound source's samples");
  } else {
    DLM_FUZZ_CHECK(!error.empty(), "a refused sound file without a message");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = fuzz::ScratchDirectory::instance().write("input.wav", data, size);
  readData(path, size);
  readRecording(path);
  import(path, size);
  playOnVirtualBoard(path, size);
  return 0;
}
