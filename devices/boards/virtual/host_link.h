#pragma once

// A minimal studio-side link over a serial device (POSIX, no Qt), for the virtual board's
// integration test and the stream probe. The studio's real link lives in devices/link/.

#include <cstdint>
#include <functional>
#include <string>

#include "core/protocol/frame.h"
#include "core/protocol/messages.h"

namespace dlm::board {

/// \brief Blocking-with-timeout client of the wire protocol over a tty (e.g. a pty slave).
class HostLink {
public:
  /// \brief Called for every valid frame received; return true to stop the current wait.
  using Handler = std::function<bool(const protocol::FrameView&)>;

  HostLink() = default;
  HostLink(const HostLink&) = delete;
  HostLink& operator=(const HostLink&) = delete;
  ~HostLink() { close(); }

  /// \brief Open \p path raw, drop whatever is pending in it, send one 0x00 (§1.2).
  bool open(const std::string& path, std::string& error);
  void close();
  bool isOpen() const { return m_fd >= 0; }

  /// \brief Write \p n bytes, waiting up to 1 s for room. False on error or timeout.
  bool writeAll(const std::uint8_t* data, std::size_t n);
  /// \brief Encode and send \p message with sequence \p seq.
  template <typename M>
  bool send(const M& message, std::uint16_t seq) {
    std::uint8_t wire[protocol::kMaxWireFrame];
    const std::size_t n = protocol::encodeMessage(message, seq, wire, sizeof wire);
    return n > 0 && writeAll(wire, n);
  }

  /// \brief Read and decode for up to \p timeoutMs, passing each frame to \p handler (may be
  /// empty). Returns true as soon as the handler returns true, false at the timeout.
  bool pump(int timeoutMs, const Handler& handler);

  /// \brief HelloRequest every 200 ms until a Hello arrives (or \p timeoutMs). Other frames go
  /// to \p other.
  bool handshake(int timeoutMs, protocol::Hello& hello, const Handler& other = {});
  /// \brief Send \p command (new sequence number), resend it unchanged every 200 ms, until its
  /// Ack arrives or \p timeoutMs passes. Other frames go to \p other.
  bool command(const protocol::Command& command, protocol::Ack& ack, int timeoutMs,
               const Handler& other = {});
  /// \brief GetStatus, returning the Status that precedes its Ack.
  bool status(protocol::BoardStatus& status, int timeoutMs, const Handler& other = {});

  const protocol::DecoderStats& stats() const { return m_decoder.stats(); }
  std::uint64_t bytesIn() const { return m_bytesIn; }

private:
  int m_fd = -1;
  std::uint16_t m_seq = 0;
  std::uint64_t m_bytesIn = 0;
  protocol::FrameDecoder m_decoder;
};

/// \brief Milliseconds of a monotonic clock.
std::int64_t monotonicMs();

} // namespace dlm::board
