// Seeds cut from the captured session: wire streams for the protocol target, operation
// scripts for the firmware application's target (see their headers for the formats).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "tests/fuzz/seeds/seeds.h"

namespace dlm::fuzz::seeds {

void Corpus::write(const std::string& dir, const std::string& name, const Bytes& bytes) {
  const std::filesystem::path folder = std::filesystem::path(m_root) / dir / "corpus";
  std::filesystem::create_directories(folder);
  std::ofstream out(folder / name, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) std::fprintf(stderr, "cannot write %s\n", (folder / name).string().c_str());
  ++m_files;
}

void Corpus::write(const std::string& dir, const std::string& name, const std::string& text) {
  write(dir, name, Bytes(text.begin(), text.end()));
}

namespace {

constexpr const char* kProtocol = "core/protocol";
constexpr const char* kFirmware = "devices/firmware";
// A Samples frame is ~200 bytes and the stream never stops: a few per seed are enough.
constexpr int kSamplesPerSeed = 2;

void append(Bytes& out, const Bytes& more) { out.insert(out.end(), more.begin(), more.end()); }

// The phases in the order they happened.
std::vector<std::string> phases(const Capture& c) {
  std::vector<std::string> names;
  for (const WireFrame& f : c.frames) {
    if (std::find(names.begin(), names.end(), f.phase) == names.end()) names.push_back(f.phase);
  }
  return names;
}

// Firmware target operations (fuzz_firmware_app.cpp).
struct Script {
  Bytes bytes;
  explicit Script(std::uint8_t setup) { bytes.push_back(setup); }
  void frame(const WireFrame& f) {
    bytes.push_back(1);
    bytes.push_back(f.version);
    bytes.push_back(std::uint8_t(f.type));
    bytes.push_back(std::uint8_t(f.seq));
    bytes.push_back(std::uint8_t(f.seq >> 8));
    bytes.push_back(std::uint8_t(f.payload.size()));
    bytes.push_back(std::uint8_t(f.payload.size() >> 8));
    append(bytes, f.payload);
  }
  void time(std::int64_t ms) {
    for (ms = std::clamp<std::int64_t>(ms, 1, 2000); ms > 0; ms -= 256) {
      bytes.push_back(2);
      bytes.push_back(std::uint8_t(std::min<std::int64_t>(ms, 256) - 1));
    }
  }
  void push(const Bytes& model) {
    bytes.push_back(3);
    bytes.push_back(std::uint8_t(model.size()));
    bytes.push_back(std::uint8_t(model.size() >> 8));
    append(bytes, model);
  }
  void raw(const Bytes& wire) {
    for (std::size_t at = 0; at < wire.size(); at += 255) {
      const std::size_t n = std::min<std::size_t>(255, wire.size() - at);
      bytes.push_back(0);
      bytes.push_back(std::uint8_t(n));
      bytes.insert(bytes.end(), wire.begin() + long(at), wire.begin() + long(at + n));
    }
  }
  void op(std::uint8_t code) { bytes.push_back(code); }
};

// The studio's frames of \p phase (all phases when empty), each followed by the time to the
// next one.
void studioFrames(const Capture& c, const std::string& phase, Script& s) {
  const WireFrame* previous = nullptr;
  for (const WireFrame& f : c.frames) {
    if (f.fromBoard || (!phase.empty() && f.phase != phase)) continue;
    if (previous != nullptr) s.time(f.atMs - previous->atMs);
    s.frame(f);
    previous = &f;
  }
  s.time(300);
}

const WireFrame* firstStudioFrame(const Capture& c) {
  for (const WireFrame& f : c.frames) {
    if (!f.fromBoard) return &f;
  }
  return nullptr;
}

} // namespace

void writeProtocolSeeds(const Capture& capture, Corpus& corpus) {
  Bytes studio;
  for (const std::string& phase : phases(capture)) {
    Bytes board;
    Bytes host;
    int samples = 0;
    for (const WireFrame& f : capture.frames) {
      if (f.phase != phase) continue;
      if (!f.fromBoard) {
        append(host, f.bytes);
      } else if (f.type != protocol::MessageType::Samples || samples++ < kSamplesPerSeed) {
        append(board, f.bytes);
      }
    }
    if (!board.empty()) corpus.write(kProtocol, "board-" + phase + ".bin", board);
    if (!host.empty()) corpus.write(kProtocol, "studio-" + phase + ".bin", host);
    if (phase != "push") append(studio, host);
  }
  corpus.write(kProtocol, "studio-session.bin", studio);
}

void writeFirmwareSeeds(const Capture& capture, Corpus& corpus) {
  Script whole(0);
  studioFrames(capture, std::string(), whole);
  corpus.write(kFirmware, "session.bin", whole.bytes);
  const WireFrame* hello = firstStudioFrame(capture);
  if (hello == nullptr) return;
  for (const std::string& phase : phases(capture)) {
    if (phase == "handshake") continue;
    Script s(0);
    s.frame(*hello);
    s.time(20);
    studioFrames(capture, phase, s);
    corpus.write(kFirmware, "phase-" + phase + ".bin", s.bytes);
  }
  Script stored(1);  // boots with a model: handshake, status, pull
  stored.frame(*hello);
  stored.time(20);
  studioFrames(capture, "pull", stored);
  corpus.write(kFirmware, "stored-model.bin", stored.bytes);
  for (std::uint8_t setup : {std::uint8_t(0), std::uint8_t(2)}) {
    Script push(setup);  // a push through op 3, then a power cycle
    push.frame(*hello);
    push.time(20);
    push.push(setup == 0 ? capture.hostModel : capture.boardModel);
    push.time(100);
    push.op(4);
    push.frame(*hello);
    push.time(100);
    corpus.write(kFirmware, setup == 0 ? "push-reboot.bin" : "flash-push-reboot.bin",
                 push.bytes);
  }
  Script raw(0);  // the handshake and settings as raw bytes, with the host not reading
  for (const WireFrame& f : capture.frames) {
    if (f.fromBoard || (f.phase != "handshake" && f.phase != "settings")) continue;
    raw.raw(f.bytes);
    raw.time(5);
  }
  raw.op(5);
  raw.time(400);
  raw.op(5);
  raw.time(100);
  corpus.write(kFirmware, "raw-host-not-reading.bin", raw.bytes);
}

} // namespace dlm::fuzz::seeds
