#pragma once

// Host side of the emulated-board test: QEMU process, pty link and protocol client.

#include <QtTest>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "devices/firmware/firmware_app.h"
#include <vector>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>
#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/frame.h"
#include "core/protocol/link.h"
#include "core/protocol/messages.h"
#include "core/protocol/model_transfer.h"

namespace proto = dlm::protocol;

namespace {

// The board under test, from the build (tests/devices/CMakeLists.txt compiles the same test
// once per board):
//   DLM_QEMU_MACHINE        QEMU machine (-M)
//   DLM_QEMU_SERIALS        the -serial arguments in order, ','-separated; "pty" is the studio
//                           link, "@LOG@" stands for DLM_M4F_UART1_LOG (the board's log console)
//   DLM_M4F_FIRMWARE_ELF    the image
//   DLM_BOARD_NAME          what Hello's board name starts with (also the log report's prefix)
//   DLM_BOARD_MAX_NEURONS   first-layer capacity the image was built with
//   DLM_BOARD_SLOT_BYTES    model slot bytes under this emulator (what a push may use)
//   DLM_BOARD_FLASH_SLOT_BYTES  model slot bytes on the real board (0: no real board)
constexpr const char* kBoardName = DLM_BOARD_NAME;
constexpr std::uint32_t kSlotBytes = DLM_BOARD_SLOT_BYTES;
constexpr std::uint32_t kFlashSlotBytes = DLM_BOARD_FLASH_SLOT_BYTES;

// The board's kernel capacity: FirmwareApp::kCapacity with the first layer the image's build
// chose (DLM_FIRMWARE_MAX_NEURONS there). The host's full kernel behaves like the board's lean
// one at this capacity (no event memory, no exact readout).
constexpr dlm::Capacity boardCapacity() {
  dlm::Capacity c = dlm::firmware::FirmwareApp::kCapacity;
  c.maxNeurons = DLM_BOARD_MAX_NEURONS;
  return c;
}
constexpr dlm::Capacity kBoardCapacity = boardCapacity();
constexpr int kDescriptorDims = 58;  // 3 channels x (16 bins + 3 statistics) + duration

// Time limits (ms).
constexpr int kBootTimeoutMs = 15000;      // QEMU prints the pty path
constexpr int kHandshakeTimeoutMs = 15000; // Hello after the first HelloRequest
constexpr int kHelloRetryMs = 250;
constexpr int kCommandTryMs = 500;         // generous: an emulated board on a loaded host
constexpr int kCommandTries = 6;
constexpr int kEventTimeoutMs = 15000;
constexpr int kHeartbeatMs = 700;          // < kLinkTimeoutMs (3 s): the board keeps streaming
constexpr int kTotalBudgetMs = 80000;      // every wait ends by then (CTest's limit is 90 s)

struct Model {
  std::vector<std::uint8_t> bytes;
  dlm::ModelInfo info;
};

// A host network at the board's capacity (or another one).
struct HostNetwork {
  std::vector<unsigned char> arena;
  dlm::Network net;
  explicit HostNetwork(const dlm::Capacity& capacity = kBoardCapacity)
      : arena(dlm::Network::arenaBytes(capacity)) {
    if (net.init(capacity, arena.data(), arena.size()) != dlm::Status::Ok)
      qFatal("host network init failed");
  }
};

// ---- QEMU and its pseudo-terminal ----
class Qemu {
public:
  ~Qemu() { stop(); }

  bool start(QString& error) {
    m_process.setProgram(QStringLiteral(DLM_QEMU_SYSTEM_ARM));
    QStringList args{"-M", QStringLiteral(DLM_QEMU_MACHINE), "-nographic", "-monitor", "none"};
    for (const QString& serial : QStringLiteral(DLM_QEMU_SERIALS).split(',')) {
      args << "-serial";
      args << QString(serial).replace(QStringLiteral("@LOG@"),
                                      QStringLiteral("file:") + QStringLiteral(DLM_M4F_UART1_LOG));
    }
    // Semihosting only matters to mps2-an386's fault handler (it exits QEMU); harmless elsewhere.
    args << "-semihosting-config" << "enable=on,target=native"
         << "-kernel" << QStringLiteral(DLM_M4F_FIRMWARE_ELF);
    m_process.setArguments(args);
    // If this test process dies (crash, CTest timeout), the kernel kills QEMU too.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
      error = "qemu-system-arm did not start: " + m_process.errorString();
      return false;
    }
    // "char device redirected to /dev/pts/N (label serialK)" on stdout.
    const QRegularExpression re(QStringLiteral("redirected to (/dev/pts/[0-9]+)"));
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (t.elapsed() < kBootTimeoutMs) {
      m_process.waitForReadyRead(100);
      out += m_process.readAllStandardOutput();
      const QRegularExpressionMatch m = re.match(QString::fromUtf8(out));
      if (m.hasMatch()) {
        m_pty = m.captured(1);
        return true;
      }
      if (m_process.state() != QProcess::Running) break;
    }
    error = "no pty path from QEMU; stdout: " + QString::fromUtf8(out) +
            " stderr: " + QString::fromUtf8(m_process.readAllStandardError());
    return false;
  }

  void stop() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.kill();
    m_process.waitForFinished(5000);
  }

  bool running() const { return m_process.state() == QProcess::Running; }
  QString pty() const { return m_pty; }
  int exitCode() const { return m_process.exitCode(); }
  QByteArray stderrText() { return m_process.readAllStandardError(); }

private:
  QProcess m_process;
  QString m_pty;
};

// ---- The studio side of the link ----
class Link {
public:
  ~Link() {
    if (m_fd >= 0) ::close(m_fd);
  }

  bool open(const QString& path, QString& error) {
    m_fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (m_fd < 0) {
      error = QString("open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
      return false;
    }
    termios tio{};
    if (::tcgetattr(m_fd, &tio) != 0) {
      error = "tcgetattr failed";
      return false;
    }
    ::cfmakeraw(&tio);
    ::tcsetattr(m_fd, TCSANOW, &tio);
    return true;
  }

  // Everything received, as decoded.
  std::vector<proto::Event> events;
  std::vector<proto::Ack> acks;
  std::vector<proto::BoardStatus> statuses;
  std::vector<proto::Hello> hellos;
  std::vector<std::string> logs;
  std::vector<proto::ModelData> modelData;
  // Sample stream bookkeeping (per session).
  std::uint32_t sampleMessages = 0;
  std::uint64_t sampleFrames = 0;
  std::uint32_t sampleGaps = 0;
  bool haveNextSample = false;
  std::uint32_t nextSample = 0;
  std::uint8_t sampleChannels = 0;
  std::uint32_t framesReceived = 0;
  std::uint32_t decodeErrors = 0;
  std::uint64_t bytesReceived = 0;

  // Encode and write one frame (blocking up to 2 s for the pty to take it).
  bool sendPayload(proto::MessageType type, const std::uint8_t* payload, std::size_t length,
                   std::uint16_t seq) {
    std::uint8_t wire[proto::kMaxWireFrame];
    const std::size_t n = proto::encodeFrame(type, seq, payload, length, wire, sizeof wire);
    return n != 0 && writeRaw(wire, n);
  }

  // Write bytes as they are (blocking up to 2 s for the pty to take them).
  bool writeRaw(const std::uint8_t* wire, std::size_t n) {
    std::size_t done = 0;
    QElapsedTimer t;
    t.start();
    while (done < n && t.elapsed() < 2000) {
      const ssize_t w = ::write(m_fd, wire + done, n - done);
      if (w > 0) {
        done += static_cast<std::size_t>(w);
      } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
        return false;
      } else {
        pollOnce(5);  // keep reading while the pty is full
      }
    }
    m_lastSent.start();
    return done == n;
  }

  template <typename M>
  bool send(const M& message, std::uint16_t seq) {
    std::uint8_t payload[proto::kMaxPayload];
    const std::size_t n = message.encode(payload, sizeof payload);
    return n != 0 && sendPayload(M::kType, payload, n, seq);
  }

  bool sendHelloRequest() {
    haveNextSample = false;  // a new session: the stream restarts
    return send(proto::HelloRequest(), m_seq++);
  }

  // Read and decode for \p ms milliseconds (or until \p done returns true), never past the
  // whole test's budget.
  template <typename Done>
  bool pumpUntil(int ms, Done done) {
    QElapsedTimer t;
    t.start();
    while (true) {
      if (done()) return true;
      const qint64 left = std::min<qint64>(ms - t.elapsed(), kTotalBudgetMs - budget.elapsed());
      if (left <= 0) return false;
      pollOnce(static_cast<int>(std::min<qint64>(20, left)));
      heartbeat();
    }
  }
  void pump(int ms) {
    pumpUntil(ms, [] { return false; });
  }

  // Stop-and-wait command with retries (same sequence number: the board answers a
  // duplicate from its ack cache). Returns false when no ack came.
  bool command(const proto::Command& c, proto::Ack& ack) {
    const std::uint16_t seq = m_seq++;
    QElapsedTimer rtt;
    rtt.start();
    for (int attempt = 0; attempt < kCommandTries; ++attempt) {
      const std::size_t seen = acks.size();
      if (!send(c, seq)) return false;
      std::size_t found = SIZE_MAX;
      pumpUntil(kCommandTryMs, [&] {
        for (std::size_t i = seen; i < acks.size(); ++i) {
          if (acks[i].seq == seq) {
            found = i;
            return true;
          }
        }
        return false;
      });
      if (found != SIZE_MAX) {
        ack = acks[found];
        roundTripsUs.push_back(rtt.nsecsElapsed() / 1000);
        return true;
      }
      ++retries;
    }
    return false;
  }

  bool simple(proto::CommandId id, proto::Ack& ack) {
    proto::Command c;
    c.id = id;
    return command(c, ack);
  }

  // GetStatus: the Status message comes before the ack.
  bool status(proto::BoardStatus& out) {
    const std::size_t seen = statuses.size();
    proto::Ack ack;
    if (!simple(proto::CommandId::GetStatus, ack) || ack.code != proto::AckCode::Ok) return false;
    if (!pumpUntil(2000, [&] { return statuses.size() > seen; })) return false;
    out = statuses.back();
    return true;
  }

  std::uint32_t retries = 0;
  std::vector<qint64> roundTripsUs;  // command -> ack, retries included
  QElapsedTimer budget;  // started with the test

private:
  void heartbeat() {
    if (!m_lastSent.isValid() || m_lastSent.elapsed() < kHeartbeatMs) return;
    proto::Command c;
    c.id = proto::CommandId::Heartbeat;
    send(c, m_seq++);  // fire and forget: its ack is recorded like any other
  }

  void pollOnce(int ms) {
    pollfd p{m_fd, POLLIN, 0};
    if (::poll(&p, 1, ms < 0 ? 0 : ms) <= 0) return;
    std::uint8_t buffer[4096];
    while (true) {
      const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
      if (n <= 0) return;
      bytesReceived += static_cast<std::uint64_t>(n);
      for (ssize_t i = 0; i < n; ++i) {
        switch (m_decoder.push(buffer[i])) {
        case proto::DecodeEvent::Frame: onFrame(m_decoder.frame()); break;
        case proto::DecodeEvent::None: break;
        default: ++decodeErrors; break;
        }
      }
    }
  }

  void onFrame(const proto::FrameView& f) {
    ++framesReceived;
    switch (f.type) {
    case proto::MessageType::Samples: {
      auto s = std::make_unique<proto::Samples>();
      if (!proto::decodeMessage(f, *s)) {
        ++decodeErrors;
        return;
      }
      if (haveNextSample && s->firstSample != nextSample) ++sampleGaps;
      haveNextSample = true;
      nextSample = s->firstSample + s->frames;
      sampleChannels = s->channels;
      ++sampleMessages;
      sampleFrames += s->frames;
      return;
    }
    case proto::MessageType::Event: {
      proto::Event e;
      if (proto::decodeMessage(f, e)) events.push_back(e); else ++decodeErrors;
      return;
    }
    case proto::MessageType::Ack: {
      proto::Ack a;
      if (proto::decodeMessage(f, a)) acks.push_back(a); else ++decodeErrors;
      return;
    }
    case proto::MessageType::Status: {
      proto::BoardStatus s;
      if (proto::decodeMessage(f, s)) statuses.push_back(s); else ++decodeErrors;
      return;
    }
    case proto::MessageType::Hello: {
      proto::Hello h;
      if (proto::decodeMessage(f, h)) hellos.push_back(h); else ++decodeErrors;
      // The new session's stream starts after the Hello (the board drops its partial batch);
      // Samples of the old one may still arrive between the HelloRequest and here.
      haveNextSample = false;
      return;
    }
    case proto::MessageType::ModelData: {
      auto d = std::make_unique<proto::ModelData>();
      if (proto::decodeMessage(f, *d)) modelData.push_back(*d); else ++decodeErrors;
      return;
    }
    case proto::MessageType::Log: {
      proto::Log l;
      if (proto::decodeMessage(f, l)) logs.emplace_back(l.text); else ++decodeErrors;
      return;
    }
    default: return;
    }
  }

  int m_fd = -1;
  std::uint16_t m_seq = 1;
  proto::FrameDecoder m_decoder;
  QElapsedTimer m_lastSent;
};

const char* ackText(const proto::Ack& a) { return proto::ackCodeText(a.code); }

} // namespace
