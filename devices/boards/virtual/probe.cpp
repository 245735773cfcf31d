// dlm-board-probe: measures the live stream of a board over its serial port for N seconds —
// bytes/s, frames/s, sample frames/s, lost sample frames (gaps in Samples.firstSample), lost
// board frames (gaps in sequence numbers) and frame errors on both sides — and prints a table.
//
//   dlm-board-probe [--seconds N] [--port PATH | --board EXE] [--seed N] [--gesture-rate N]
//
// Without --port it starts the virtual board (dlm-board next to the probe, or --board EXE).

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/protocol/link.h"
#include "devices/boards/virtual/board_process.h"
#include "devices/boards/virtual/host_link.h"

namespace {

using namespace dlm;

struct Options {
  double seconds = 10.0;
  std::string port;
  std::string board;
  std::string seed = "1";
  std::string gestureRate = "12";
};

struct Tally {
  std::uint64_t frames = 0;
  std::uint64_t samplesMessages = 0;
  std::uint64_t sampleFrames = 0;
  std::uint64_t lostSampleFrames = 0;
  std::uint64_t sampleReorders = 0;
  std::uint64_t events = 0;
  std::uint64_t acks = 0;
  std::uint64_t other = 0;
  std::uint64_t seqGaps = 0;
  bool haveSample = false;
  std::uint32_t nextSample = 0;
  bool haveSeq = false;
  std::uint16_t nextSeq = 0;

  void onFrame(const protocol::FrameView& f) {
    ++frames;
    if (haveSeq && f.seq != nextSeq) seqGaps += static_cast<std::uint16_t>(f.seq - nextSeq);
    haveSeq = true;
    nextSeq = static_cast<std::uint16_t>(f.seq + 1);
    protocol::Samples s;
    if (protocol::decodeMessage(f, s)) {
      ++samplesMessages;
      sampleFrames += s.frames;
      if (haveSample && s.firstSample != nextSample) {
        const std::int32_t gap = static_cast<std::int32_t>(s.firstSample - nextSample);
        if (gap > 0) lostSampleFrames += static_cast<std::uint32_t>(gap);
        else ++sampleReorders;
      }
      haveSample = true;
      nextSample = s.firstSample + s.frames;
    } else if (f.type == protocol::MessageType::Event) {
      ++events;
    } else if (f.type == protocol::MessageType::Ack) {
      ++acks;
    } else {
      ++other;
    }
  }
};

int parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::printf("usage: dlm-board-probe [--seconds N] [--port PATH | --board EXE] [--seed N] "
                  "[--gesture-rate N]\n");
      return -1;
    }
    if (i + 1 >= argc) return 2;
    const std::string v = argv[++i];
    if (a == "--seconds") o.seconds = std::atof(v.c_str());
    else if (a == "--port") o.port = v;
    else if (a == "--board") o.board = v;
    else if (a == "--seed") o.seed = v;
    else if (a == "--gesture-rate") o.gestureRate = v;
    else return 2;
  }
  return o.seconds > 0.0 ? 0 : 2;
}

std::uint64_t frameErrors(const protocol::DecoderStats& d) {
  return std::uint64_t{d.crcErrors} + d.cobsErrors + d.oversize + d.malformed + d.versionMismatches;
}

void printTable(const Options& o, double seconds, const Tally& t, std::uint64_t bytes,
                std::uint64_t errors, const protocol::BoardStatus* status) {
  const double bytesPerSecond = static_cast<double>(bytes) / seconds;
  std::printf("\nLive stream of %s over %.1f s\n\n", o.port.empty() ? "dlm-board" : o.port.c_str(),
              seconds);
  std::printf("| measure | value |\n|---|---|\n");
  std::printf("| bytes received | %llu |\n", static_cast<unsigned long long>(bytes));
  std::printf("| bytes/s | %.0f |\n", bytesPerSecond);
  std::printf("| share of 921 600 baud (92 160 B/s) | %.1f %% |\n", 100.0 * bytesPerSecond / 92160.0);
  std::printf("| frames/s (all types) | %.1f |\n", static_cast<double>(t.frames) / seconds);
  std::printf("| Samples messages/s | %.1f |\n", static_cast<double>(t.samplesMessages) / seconds);
  std::printf("| sample frames/s | %.1f |\n", static_cast<double>(t.sampleFrames) / seconds);
  std::printf("| lost sample frames (gaps in firstSample) | %llu |\n",
              static_cast<unsigned long long>(t.lostSampleFrames));
  std::printf("| reordered/repeated Samples | %llu |\n",
              static_cast<unsigned long long>(t.sampleReorders));
  std::printf("| lost board frames (gaps in seq) | %llu |\n",
              static_cast<unsigned long long>(t.seqGaps));
  std::printf("| events | %llu |\n", static_cast<unsigned long long>(t.events));
  std::printf("| frame errors, host side (CRC/COBS/oversize/malformed/version) | %llu |\n",
              static_cast<unsigned long long>(errors));
  if (status != nullptr) {
    std::printf("| frames decoded, board side | %u |\n", status->framesOk);
    std::printf("| frame errors, board side | %u |\n", status->frameErrors);
  }
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  const int parsed = parse(argc, argv, o);
  if (parsed != 0) return parsed < 0 ? 0 : parsed;

  board::BoardProcess process;
  std::string error;
  std::string port = o.port;
  if (port.empty()) {
    const std::string exe = o.board.empty() ? board::executableDirectory() + "/dlm-board" : o.board;
    if (!process.start(exe, {"--quiet", "--seed", o.seed, "--gesture-rate", o.gestureRate}, 10000,
                       error)) {
      std::fprintf(stderr, "dlm-board-probe: %s\n", error.c_str());
      return 1;
    }
    port = process.port();
  }
  board::HostLink link;
  if (!link.open(port, error)) {
    std::fprintf(stderr, "dlm-board-probe: %s\n", error.c_str());
    return 1;
  }
  protocol::Hello hello;
  if (!link.handshake(10000, hello)) {
    std::fprintf(stderr, "dlm-board-probe: no Hello from %s\n", port.c_str());
    return 1;
  }
  std::printf("board %s, firmware %s, core %s, %u Hz x %u channels\n", hello.boardName,
              hello.firmwareVersion, hello.coreVersion, hello.sampleRateHz, hello.channels);

  // Measure from here: counters restart, heartbeats keep the session alive (§4.4).
  Tally tally;
  const std::uint64_t bytesBefore = link.bytesIn();
  const std::int64_t start = board::monotonicMs();
  const std::int64_t end = start + static_cast<std::int64_t>(o.seconds * 1000.0);
  std::int64_t nextHeartbeat = start + static_cast<std::int64_t>(protocol::kHeartbeatIntervalMs);
  std::uint16_t seq = 0x8000;  // far from HostLink's own numbers
  const std::uint64_t errorsBefore = frameErrors(link.stats());
  auto handler = [&](const protocol::FrameView& f) {
    tally.onFrame(f);
    return false;
  };
  while (board::monotonicMs() < end) {
    const std::int64_t now = board::monotonicMs();
    if (now >= nextHeartbeat) {
      protocol::Command heartbeat;
      heartbeat.id = protocol::CommandId::Heartbeat;
      link.send(heartbeat, seq++);
      nextHeartbeat += protocol::kHeartbeatIntervalMs;
    }
    const std::int64_t wait = (nextHeartbeat < end ? nextHeartbeat : end) - now;
    link.pump(static_cast<int>(wait > 0 ? wait : 1), handler);
  }
  const double seconds = static_cast<double>(board::monotonicMs() - start) / 1000.0;
  // Only the measured window: the handshake's bytes and counters are excluded.
  const std::uint64_t bytes = link.bytesIn() - bytesBefore;
  const std::uint64_t errors = frameErrors(link.stats()) - errorsBefore;
  protocol::BoardStatus status;
  const bool haveStatus = link.status(status, 2000, handler);
  printTable(o, seconds, tally, bytes, errors, haveStatus ? &status : nullptr);
  process.stop();
  return 0;
}
