#include "devices/boards/virtual/wav_source.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace dlm::board {

namespace {

std::uint32_t le32(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
         std::uint32_t(p[3]) << 24;
}

std::uint16_t le16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

} // namespace

bool WavSource::readWav(const std::string& path, std::vector<std::int16_t>& samples,
                        std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                         std::istreambuf_iterator<char>());
  if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
      std::memcmp(bytes.data() + 8, "WAVE", 4) != 0) {
    error = path + ": not a WAV file (no RIFF/WAVE header)";
    return false;
  }
  bool haveFormat = false;
  // Walk the chunks: fmt before data, anything else (LIST, fact, ...) skipped.
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const unsigned char* chunk = bytes.data() + at;
    const std::size_t size = le32(chunk + 4);
    const std::size_t body = at + 8;
    const std::size_t available = bytes.size() - body;
    if (std::memcmp(chunk, "fmt ", 4) == 0 && size >= 16 && size <= available) {
      const std::uint16_t format = le16(chunk + 8);
      const std::uint16_t channels = le16(chunk + 10);
      const std::uint32_t rate = le32(chunk + 12);
      const std::uint16_t bits = le16(chunk + 22);
      if (format != 1 || channels != 1 || rate != kSampleRateHz || bits != 16) {
        error = path + ": " + std::to_string(rate) + " Hz, " + std::to_string(channels) +
                " channel(s), " + std::to_string(bits) + "-bit" +
                (format == 1 ? " PCM" : " non-PCM") +
                "; the sound source plays 16000 Hz mono 16-bit PCM only (e.g. sox IN -r 16000 "
                "-c 1 -b 16 OUT.wav)";
        return false;
      }
      haveFormat = true;
    } else if (std::memcmp(chunk, "data", 4) == 0 && haveFormat) {
      const std::size_t n = (size <= available ? size : available) / 2;
      samples.resize(n);
      for (std::size_t i = 0; i < n; ++i)
        samples[i] = static_cast<std::int16_t>(le16(bytes.data() + body + 2 * i));
      if (n == 0) error = path + ": no samples";
      return n > 0;
    }
    at = body + size + (size & 1u);  // chunks are padded to even sizes
  }
  error = path + (haveFormat ? ": no data chunk" : ": no fmt chunk before the data");
  return false;
}

bool WavSource::load(const std::vector<std::string>& paths, std::string& error) {
  m_files.clear();
  if (paths.empty()) {
    error = "no WAV file given";
    return false;
  }
  for (const std::string& path : paths) {
    std::vector<std::int16_t> samples;
    if (!readWav(path, samples, error)) return false;
    m_files.push_back(std::move(samples));
  }
  m_file = 0;
  m_position = 0;
  m_playing = false;
  m_requested = false;
  m_started = 0;
  return true;
}

bool WavSource::playNext() {
  if (m_requested || m_files.empty()) return false;
  m_requested = true;
  return true;
}

void WavSource::generate(std::int16_t* out, std::uint32_t frames) {
  for (std::uint32_t i = 0; i < frames; ++i) {
    if (m_playing) {
      const std::vector<std::int16_t>& file = m_files[m_file];
      out[i] = file[m_position++];
      if (m_position >= file.size()) {
        m_playing = false;
        m_position = 0;
        m_file = (m_file + 1) % m_files.size();
      }
      continue;
    }
    out[i] = 0;
    // A file starts after a full gap of silence, when looping or when one was asked for.
    if (m_position < kGapFrames) ++m_position;
    if (m_position >= kGapFrames && !m_files.empty() && (m_looping || m_requested)) {
      m_playing = true;
      m_requested = false;
      m_position = 0;
      ++m_started;
    }
  }
}

} // namespace dlm::board
