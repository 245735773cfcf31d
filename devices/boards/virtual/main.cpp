// dlm-board: the virtual board. The board-independent firmware application on the host,
// appearing as a serial port through a pseudo-terminal. See installer/man/dlm-board.1.

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <sys/stat.h>

#include "devices/boards/virtual/pty.h"
#include "devices/boards/virtual/virtual_port.h"
#include "devices/firmware/firmware_app.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int) { g_stop = 1; }

struct Options {
  std::string link;
  std::string storage;
  std::string source = "motion";
  bool channelsGiven = false;
  float gestureRate = 12.0f;
  float drift = 0.0f;
  std::uint32_t seed = 1;
  std::uint8_t channels = 3;
  int tickMs = 1;
  bool quiet = false;
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "usage: dlm-board [--link PATH] [--gesture-rate N] [--drift X] [--seed N]\n"
               "                 [--channels N] [--storage FILE] [--source SPEC] [--tick MS]\n"
               "                 [--quiet]\n"
               "  --link PATH         also create a symbolic link PATH to the port\n"
               "  --gesture-rate N    spontaneous gestures per minute (default 12; 0: on request)\n"
               "  --drift X           slow sensor drift, 0..1 (default 0)\n"
               "  --seed N            seed of the synthetic motion source (default 1)\n"
               "  --channels N        sensor axes, 1..%u (default 3: the accelerometer's x, y, z)\n"
               "  --storage FILE      keep the model slots in FILE across restarts\n"
               "  --source SPEC       motion (default), vibration[:KEY=VALUE,...] or\n"
               "                      wav:FILE[,FILE...] (16 kHz mono 16-bit PCM, looping;\n"
               "                      with --gesture-rate 0, one file per 'play next')\n"
               "                      vibration keys: fault=none|bearing|bearing-inner|imbalance|\n"
               "                      misalignment|looseness, severity=0..1, shaft=HZ, load=X,\n"
               "                      rate=HZ (6400), period=S (2), drift=0..1 (1)\n"
               "  --tick MS           longest sleep of the main loop, 1..50 ms (default 1); the\n"
               "                      sample rate is the same, samples leave in bursts; a\n"
               "                      longer tick costs less CPU (many boards on one machine)\n"
               "  --quiet             print only the port line and errors\n"
               "The first line on stdout is 'port: /dev/pts/N'.\n",
               unsigned{dlm::firmware::FirmwareApp::kMaxChannels});
}

bool parseNumber(const char* text, double lo, double hi, double& out) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text, &end);
  if (errno != 0 || end == text || *end != '\0' || !(v >= lo && v <= hi)) return false;
  out = v;
  return true;
}

// Returns 0 to run, or the exit status (after --help or an error).
int parseOptions(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      usage(stdout);
      return -1;
    }
    if (a == "--quiet") {
      o.quiet = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "dlm-board: %s needs a value\n", a.c_str());
      return 2;
    }
    const char* v = argv[++i];
    double x = 0.0;
    if (a == "--link") {
      o.link = v;
    } else if (a == "--storage") {
      o.storage = v;
    } else if (a == "--source") {
      o.source = v;
    } else if (a == "--gesture-rate" && parseNumber(v, 0.0, 600.0, x)) {
      o.gestureRate = static_cast<float>(x);
    } else if (a == "--tick" && parseNumber(v, 1.0, 50.0, x) &&
               x == static_cast<double>(static_cast<int>(x))) {
      o.tickMs = static_cast<int>(x);
    } else if (a == "--drift" && parseNumber(v, 0.0, 1.0, x)) {
      o.drift = static_cast<float>(x);
    } else if (a == "--seed" && parseNumber(v, 0.0, 4294967295.0, x)) {
      o.seed = static_cast<std::uint32_t>(x);
    } else if (a == "--channels" &&
               parseNumber(v, 1.0, dlm::firmware::FirmwareApp::kMaxChannels, x) &&
               x == static_cast<double>(static_cast<int>(x))) {
      o.channels = static_cast<std::uint8_t>(x);
      o.channelsGiven = true;
    } else {
      std::fprintf(stderr, "dlm-board: bad option or value: %s %s\n", a.c_str(), v);
      usage(stderr);
      return 2;
    }
  }
  return 0;
}

bool makeLink(const std::string& link, const std::string& target) {
  struct stat st {};
  // Replace a stale link from an earlier run, never a regular file.
  if (lstat(link.c_str(), &st) == 0) {
    if (!S_ISLNK(st.st_mode)) return false;
    unlink(link.c_str());
  }
  return symlink(target.c_str(), link.c_str()) == 0;
}

// Static: the app holds the network's bookkeeping and several buffers; the arena is the
// network itself. Same layout as on a microcontroller.
alignas(16) std::uint8_t g_arena[dlm::firmware::FirmwareApp::kArenaBytes];
dlm::firmware::FirmwareApp g_app;

} // namespace

int main(int argc, char** argv) {
  Options options;
  const int parsed = parseOptions(argc, argv, options);
  if (parsed != 0) return parsed < 0 ? 0 : parsed;

  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);

  dlm::board::PtyMaster pty;
  std::string error;
  if (!pty.open(error)) {
    std::fprintf(stderr, "dlm-board: %s\n", error.c_str());
    return 1;
  }

  dlm::board::SourceOptions sourceOptions;
  sourceOptions.spec = options.source;
  sourceOptions.motion.seed = options.seed;
  sourceOptions.motion.gestureRatePerMinute = options.gestureRate;
  sourceOptions.motion.drift = options.drift;
  sourceOptions.motion.channels = options.channels;
  sourceOptions.channelsGiven = options.channelsGiven;
  std::unique_ptr<dlm::board::BoardSource> source =
      dlm::board::makeBoardSource(sourceOptions, error);
  if (!source) {
    std::fprintf(stderr, "dlm-board: %s\n", error.c_str());
    return 2;
  }
  dlm::board::VirtualPort port(pty.fd(), std::move(source), options.quiet);
  if (!options.storage.empty() && !port.openStorage(options.storage, error)) {
    std::fprintf(stderr, "dlm-board: %s\n", error.c_str());
    return 1;
  }
  if (!g_app.init(port, g_arena, sizeof g_arena)) return 1;

  // The link exists before the port line: whoever reads that line may use either at once.
  if (!options.link.empty() && !makeLink(options.link, pty.slavePath())) {
    std::fprintf(stderr, "dlm-board: cannot create link %s: %s\n", options.link.c_str(),
                 std::strerror(errno));
    options.link.clear();
  }
  std::printf("port: %s\n", pty.slavePath().c_str());
  std::fflush(stdout);

  // Main loop: ~1 ms per pass (--tick), woken early by input so that commands are answered
  // promptly.
  // Samples are paced by the monotonic clock inside the port, not by this loop.
  // When the app leaves input unread (its TX queue is full because the host does not read),
  // the pty stays readable: sleep instead of spinning on poll().
  pollfd pfd{pty.fd(), POLLIN, 0};
  bool inputPending = false;
  while (g_stop == 0) {
    const std::uint64_t before = port.counters().bytesIn;
    g_app.poll();
    const bool stalled = inputPending && port.counters().bytesIn == before;
    pfd.revents = 0;
    const int ready = stalled ? 0 : poll(&pfd, 1, options.tickMs);
    if (ready < 0 && errno != EINTR) break;
    if (stalled) usleep(1000);
    inputPending = ready > 0 && (pfd.revents & POLLIN) != 0;
  }

  if (!options.link.empty()) unlink(options.link.c_str());
  if (!options.quiet) {
    const dlm::firmware::AppCounters& c = g_app.counters();
    std::fprintf(stderr,
                 "dlm-board: exit: %u samples messages sent, %u dropped, %u events, "
                 "%llu bytes out, %llu bytes in\n",
                 c.samplesSent, c.samplesDropped, c.eventsDetected,
                 static_cast<unsigned long long>(port.counters().bytesOut),
                 static_cast<unsigned long long>(port.counters().bytesIn));
  }
  return 0;
}
