#include "devices/boards/virtual/host_link.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "devices/boards/virtual/pty.h"

namespace dlm::board {

namespace {
constexpr int kRetryMs = 200;  // protocol::kCommandTimeoutMs
}

std::int64_t monotonicMs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool HostLink::open(const std::string& path, std::string& error) {
  close();
  m_fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (m_fd < 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  if (!setRaw(m_fd)) {
    error = path + ": cannot set raw mode: " + std::strerror(errno);
    close();
    return false;
  }
  tcflush(m_fd, TCIOFLUSH);
  m_decoder.reset();
  m_decoder.resetStats();
  const std::uint8_t zero = 0;
  return writeAll(&zero, 1);
}

void HostLink::close() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
}

bool HostLink::writeAll(const std::uint8_t* data, std::size_t n) {
  const std::int64_t deadline = monotonicMs() + 1000;
  while (n > 0) {
    const ssize_t w = ::write(m_fd, data, n);
    if (w > 0) {
      data += w;
      n -= static_cast<std::size_t>(w);
      continue;
    }
    if (w < 0 && errno != EAGAIN && errno != EINTR) return false;
    if (monotonicMs() > deadline) return false;
    pollfd p{m_fd, POLLOUT, 0};
    poll(&p, 1, 10);
  }
  return true;
}

bool HostLink::pump(int timeoutMs, const Handler& handler) {
  const std::int64_t deadline = monotonicMs() + timeoutMs;
  std::uint8_t buffer[4096];
  for (;;) {
    const std::int64_t left = deadline - monotonicMs();
    if (left < 0) return false;
    pollfd p{m_fd, POLLIN, 0};
    const int r = poll(&p, 1, static_cast<int>(left > 50 ? 50 : left));
    if (r < 0 && errno != EINTR) return false;
    if (r <= 0) continue;
    const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n <= 0) continue;
    m_bytesIn += static_cast<std::uint64_t>(n);
    for (ssize_t i = 0; i < n; ++i) {
      if (m_decoder.push(buffer[i]) != protocol::DecodeEvent::Frame) continue;
      if (handler && handler(m_decoder.frame())) {
        // Keep the rest of this read for the next wait.
        for (ssize_t j = i + 1; j < n; ++j) {
          if (m_decoder.push(buffer[j]) == protocol::DecodeEvent::Frame && handler)
            handler(m_decoder.frame());
        }
        return true;
      }
    }
  }
}

bool HostLink::handshake(int timeoutMs, protocol::Hello& hello, const Handler& other) {
  const std::int64_t deadline = monotonicMs() + timeoutMs;
  while (monotonicMs() < deadline) {
    protocol::HelloRequest request;
    if (!send(request, m_seq++)) return false;
    const bool got = pump(kRetryMs, [&](const protocol::FrameView& f) {
      if (protocol::decodeMessage(f, hello)) return true;
      if (other) other(f);
      return false;
    });
    if (got) return true;
  }
  return false;
}

bool HostLink::command(const protocol::Command& command, protocol::Ack& ack, int timeoutMs,
                       const Handler& other) {
  const std::uint16_t seq = m_seq++;
  const std::int64_t deadline = monotonicMs() + timeoutMs;
  while (monotonicMs() < deadline) {
    if (!send(command, seq)) return false;
    const bool got = pump(kRetryMs, [&](const protocol::FrameView& f) {
      protocol::Ack a;
      if (protocol::decodeMessage(f, a) && a.seq == seq) {
        ack = a;
        return true;
      }
      if (other) other(f);
      return false;
    });
    if (got) return true;
  }
  return false;
}

bool HostLink::status(protocol::BoardStatus& status, int timeoutMs, const Handler& other) {
  protocol::Command c;
  c.id = protocol::CommandId::GetStatus;
  bool gotStatus = false;
  protocol::Ack ack;
  const bool acked = command(c, ack, timeoutMs, [&](const protocol::FrameView& f) {
    if (protocol::decodeMessage(f, status)) gotStatus = true;
    else if (other) other(f);
    return false;
  });
  return acked && gotStatus && ack.code == protocol::AckCode::Ok;
}

} // namespace dlm::board
