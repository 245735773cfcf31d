#include "app/data/wav.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace dlm::data {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;
constexpr std::uint32_t kStreamedSize = 0xFFFFFFFFu;
constexpr int kMaxChannels = 64;

std::uint16_t u16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::uint32_t u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

struct WavFormat {
  bool seen = false;
  std::uint16_t format = 0;
  int channels = 0;
  std::uint32_t rate = 0;
  int bits = 0;
};

// The fmt chunk's body: only 16-bit integer PCM is read, the rest is named in the error.
bool parseFormat(const unsigned char* b, std::uint32_t size, WavFormat& f, std::string& why) {
  if (size < 16) {
    why = "its fmt chunk has " + std::to_string(size) + " bytes, fewer than 16";
    return false;
  }
  f.seen = true;
  f.format = u16(b);
  f.channels = u16(b + 2);
  f.rate = u32(b + 4);
  f.bits = u16(b + 14);
  if (f.format == kFormatExtensible && size >= 26) f.format = u16(b + 24);  // sub-format GUID
  if (f.format != kFormatPcm) {
    why = "its samples are not integer PCM (format tag " + std::to_string(f.format) +
          "); convert with: sox IN.wav -b 16 -e signed-integer OUT.wav";
    return false;
  }
  if (f.bits != 16) {
    why = "its samples have " + std::to_string(f.bits) + " bits, only 16 are read; convert " +
          "with: sox IN.wav -b 16 OUT.wav";
    return false;
  }
  if (f.channels < 1 || f.channels > kMaxChannels || f.rate == 0) {
    why = "its header declares " + std::to_string(f.channels) + " channels at " +
          std::to_string(f.rate) + " Hz";
    return false;
  }
  if (u16(b + 12) != 2 * f.channels) {
    why = "its block size does not match " + std::to_string(f.channels) + " 16-bit channels";
    return false;
  }
  return true;
}

// Bytes of sample data to read from a data chunk at offset with declared size, in a file of
// fileSize bytes; never more than what the file holds or maxBytes.
bool dataBytes(std::uint32_t declared, std::uint64_t offset, std::uint64_t fileSize,
               std::size_t maxBytes, std::uint64_t& bytes, std::string& why) {
  const std::uint64_t available = fileSize - offset;
  bytes = declared == kStreamedSize ? available : declared;
  if (bytes > available) {
    why = "truncated: its header declares " + std::to_string(declared) +
          " bytes of samples, the file holds " + std::to_string(available);
    return false;
  }
  if (bytes > maxBytes) {
    why = "its " + std::to_string(bytes) + " bytes of samples exceed the limit of " +
          std::to_string(maxBytes);
    return false;
  }
  return true;
}

bool parse(std::ifstream& in, std::uint64_t fileSize, std::size_t maxBytes, WavAudio& out,
           std::string& why) {
  unsigned char riff[12];
  if (fileSize < 12 || !in.read(reinterpret_cast<char*>(riff), 12) ||
      std::memcmp(riff, "RIFF", 4) != 0 || std::memcmp(riff + 8, "WAVE", 4) != 0) {
    why = "not a WAV file (no RIFF/WAVE header)";
    return false;
  }
  WavFormat f;
  std::uint64_t offset = 12;
  while (offset + 8 <= fileSize) {
    unsigned char head[8];
    if (!in.read(reinterpret_cast<char*>(head), 8)) break;
    offset += 8;
    const std::uint32_t size = u32(head + 4);
    if (std::memcmp(head, "fmt ", 4) == 0) {
      unsigned char body[40] = {};
      const std::uint32_t keep = size < sizeof body ? size : std::uint32_t(sizeof body);
      if (size > fileSize - offset || !in.read(reinterpret_cast<char*>(body), keep)) {
        why = "truncated in its fmt chunk";
        return false;
      }
      if (!parseFormat(body, size, f, why)) return false;
    } else if (std::memcmp(head, "data", 4) == 0) {
      if (!f.seen) {
        why = "its data chunk comes before any fmt chunk";
        return false;
      }
      std::uint64_t bytes = 0;
      if (!dataBytes(size, offset, fileSize, maxBytes, bytes, why)) return false;
      const std::uint64_t frames = bytes / (2u * std::uint64_t(f.channels));
      std::vector<std::int16_t> samples(std::size_t(frames) * std::size_t(f.channels));
      std::vector<unsigned char> raw(samples.size() * 2);
      if (!raw.empty() && !in.read(reinterpret_cast<char*>(raw.data()),
                                   std::streamsize(raw.size()))) {
        why = "cannot read its samples";
        return false;
      }
      for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = static_cast<std::int16_t>(u16(&raw[2 * i]));
      out.channels = f.channels;
      out.sampleRateHz = f.rate;
      out.frames = static_cast<std::uint32_t>(frames);
      out.samples = std::move(samples);
      return true;
    }
    if (std::memcmp(head, "fmt ", 4) != 0) {
      // Another chunk (LIST, fact...): skip it, bodies are padded to an even size.
      const std::uint64_t skip = std::uint64_t(size) + (size & 1u);
      if (skip > fileSize - offset) break;
      in.seekg(std::streamoff(skip), std::ios::cur);
      offset += skip;
    } else {
      const std::uint64_t rest = (std::uint64_t(size) + (size & 1u)) - (size < 40 ? size : 40);
      in.seekg(std::streamoff(rest), std::ios::cur);
      offset += std::uint64_t(size) + (size & 1u);
    }
  }
  why = f.seen ? "truncated: no data chunk" : "truncated: no fmt chunk";
  return false;
}

void put16(std::ofstream& out, std::uint16_t v) {
  const char b[2] = {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
  out.write(b, 2);
}

void put32(std::ofstream& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, static_cast<std::uint16_t>(v >> 16));
}

} // namespace

bool readWav(const std::string& path, WavAudio& out, std::string& error,
             std::size_t maxDataBytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  const std::streamoff end = in.tellg();
  in.seekg(0);
  std::string why;
  WavAudio audio;
  if (end < 0 || !parse(in, static_cast<std::uint64_t>(end), maxDataBytes, audio, why)) {
    error = path + ": " + why;
    return false;
  }
  out = std::move(audio);
  return true;
}

bool writeWav(const std::string& path, const WavAudio& audio, std::string& error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  const auto channels = static_cast<std::uint16_t>(audio.channels);
  const auto bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
  out.write("RIFF", 4);
  put32(out, 36 + bytes);
  out.write("WAVEfmt ", 8);
  put32(out, 16);
  put16(out, kFormatPcm);
  put16(out, channels);
  put32(out, audio.sampleRateHz);
  put32(out, audio.sampleRateHz * 2u * channels);
  put16(out, static_cast<std::uint16_t>(2 * channels));
  put16(out, 16);
  out.write("data", 4);
  put32(out, bytes);
  for (const std::int16_t s : audio.samples) put16(out, static_cast<std::uint16_t>(s));
  if (!out) error = "cannot write " + path;
  return bool(out);
}

} // namespace dlm::data
