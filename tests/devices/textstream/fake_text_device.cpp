// A fake "board that prints numbers" on a pseudo-terminal, for the text-board integration
// tests: prints "port: /dev/pts/N", waits until a host opens the port, then prints segments of
// lines (channels @ rate : seconds) in bursts as a USB-serial bridge delivers them, with a
// share of garbage lines of every kind in place of samples. POSIX, no Qt.
//
//   dlm-fake-text-device [--plan 3@100:6,6@250:6] [--garbage 0.01] [--burst-ms 16]
//                        [--exit-after S] [--mute] [--seed N]
// --exit-after S closes the port after S seconds (an unplug); --mute prints nothing.
// On exit it prints to stderr what it wrote: "lines N garbage G".

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

struct Segment {
  int channels = 3;
  double rate = 100.0;
  double seconds = 6.0;
};

struct Options {
  std::vector<Segment> plan{{3, 100.0, 6.0}, {6, 250.0, 6.0}};
  double garbage = 0.01;
  double burstMs = 16.0;
  double exitAfter = 0.0;
  bool mute = false;
  unsigned seed = 1;
};

double now() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void sleepUntil(double when) {
  const double wait = when - now();
  if (wait > 0) usleep(static_cast<useconds_t>(wait * 1e6));
}

bool parsePlan(const char* text, std::vector<Segment>& plan) {
  plan.clear();
  std::string s = text;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = s.find(',', pos);
    if (end == std::string::npos) end = s.size();
    Segment g;
    if (std::sscanf(s.substr(pos, end - pos).c_str(), "%d@%lf:%lf", &g.channels, &g.rate,
                    &g.seconds) != 3)
      return false;
    plan.push_back(g);
    pos = end + 1;
  }
  return !plan.empty();
}

// One sample line: idle noise, gravity on the third axis, and a one-second shake every 3 s.
// The first segment prints floats in g, the others integer counts.
std::string sampleLine(const Segment& g, int segment, long i, std::mt19937& random) {
  std::normal_distribution<double> noise(0.0, 0.01);
  const double t = static_cast<double>(i) / g.rate;
  const double phase = std::fmod(t, 3.0);
  const double shake = (phase > 1.0 && phase < 2.0) ? 1.5 * std::sin(2 * M_PI * 4.0 * t) : 0.0;
  std::string line;
  for (int c = 0; c < g.channels; ++c) {
    const double v = noise(random) + (c == 2 ? 1.0 : 0.0) + (c % 3 == 0 ? shake : -shake / 2);
    char value[32];
    if (segment == 0) std::snprintf(value, sizeof value, "%.3f", v);
    else std::snprintf(value, sizeof value, "%ld", std::lround(v * 4096.0));
    line += (c > 0 ? "," : "") + std::string(value);
  }
  return line + (i % 2 == 0 ? "\r\n" : "\n"); // CRLF and LF mixed
}

std::string garbageLine(long n, std::mt19937& random) {
  switch (n % 5) {
  case 0: return "ERR sensor timeout\n";
  case 1: return "0.1,nan,0.3\n";
  case 2: return "0.1,0.2\n"; // a blip of another column count
  case 3: return std::string(400, '9') + "\n";
  default: {
    std::string bytes = "\x01\x02";
    for (int k = 0; k < 12; ++k) bytes += static_cast<char>(random() & 0xFF);
    for (char& c : bytes) if (c == '\n' || c == '\r') c = '\x03';
    return bytes + "\n";
  }
  }
}

const char* names(int channels) {
  static const char* kNames[] = {"", "ax", "ax,ay", "ax,ay,az", "ax,ay,az,gx",
                                 "ax,ay,az,gx,gy", "ax,ay,az,gx,gy,gz"};
  return channels >= 1 && channels <= 6 ? kNames[channels] : "";
}

bool writeAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

int parseOptions(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    if (a == "--plan" && more && parsePlan(argv[i + 1], o.plan)) ++i;
    else if (a == "--garbage" && more) o.garbage = std::atof(argv[++i]);
    else if (a == "--burst-ms" && more) o.burstMs = std::atof(argv[++i]);
    else if (a == "--exit-after" && more) o.exitAfter = std::atof(argv[++i]);
    else if (a == "--seed" && more) o.seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--mute") o.mute = true;
    else {
      std::fprintf(stderr, "dlm-fake-text-device: bad option %s\n", a.c_str());
      return 2;
    }
  }
  return 0;
}

// Without a slave held open here, the master polls POLLHUP until a host opens the port.
bool waitForHost(int master, double timeout) {
  const double end = now() + timeout;
  while (now() < end) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 20) >= 0 && (p.revents & POLLHUP) == 0) return true;
    usleep(10000);
  }
  return false;
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  if (const int status = parseOptions(argc, argv, o)) return status;
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) return 1;
  termios t{};
  if (tcgetattr(master, &t) == 0) {
    cfmakeraw(&t);
    tcsetattr(master, TCSANOW, &t);
  }
  // Open and close the slave once: until then Linux reports no hang-up on the master, so
  // waitForHost() could not tell that nobody has the port open.
  const int probe = open(ptsname(master), O_RDWR | O_NOCTTY);
  if (probe >= 0) close(probe);
  std::printf("port: %s\n", ptsname(master));
  std::fflush(stdout);
  if (!waitForHost(master, 30.0)) return 1;
  usleep(300000); // past the host's flush of its input after opening
  std::mt19937 random(o.seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  long lines = 0, garbage = 0;
  const double start = now();
  double segmentStart = start;
  for (std::size_t s = 0; s < o.plan.size(); ++s) {
    const Segment& g = o.plan[s];
    std::string burst = o.mute ? "" : std::string(names(g.channels)) + "\n";
    const long count = std::lround(g.seconds * g.rate);
    double burstEnd = segmentStart + o.burstMs / 1000.0;
    for (long i = 0; i < count; ++i) {
      const double printed = segmentStart + static_cast<double>(i) / g.rate;
      if (printed >= burstEnd) {
        sleepUntil(burstEnd + uniform(random) * 0.004); // latency jitter up to 4 ms
        if (!burst.empty() && !writeAll(master, burst)) return 3;
        burst.clear();
        while (printed >= burstEnd) burstEnd += o.burstMs / 1000.0;
        if (o.exitAfter > 0 && now() - start >= o.exitAfter) {
          std::fprintf(stderr, "lines %ld garbage %ld\n", lines, garbage);
          close(master); // the port vanishes: an unplug
          return 0;
        }
      }
      if (o.mute) continue;
      ++lines;
      if (uniform(random) < o.garbage) burst += garbageLine(garbage++, random);
      else burst += sampleLine(g, static_cast<int>(s), i, random);
    }
    if (!burst.empty()) writeAll(master, burst);
    segmentStart += g.seconds;
  }
  std::fprintf(stderr, "lines %ld garbage %ld\n", lines, garbage);
  // Stay until the host closes the port, so nothing is cut short on its side.
  const double end = now() + 30.0;
  while (now() < end) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 50) > 0 && (p.revents & POLLHUP) != 0) break;
    char sink[256];
    while (read(master, sink, sizeof sink) > 0) {
    }
  }
  close(master);
  return 0;
}
