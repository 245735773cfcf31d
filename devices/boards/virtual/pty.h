#pragma once

// POSIX pseudo-terminal helpers shared by the virtual board and its host-side tools.

#include <string>

namespace dlm::board {

/// \brief Put the terminal \p fd in raw mode (no echo, no line editing, 8 bits, no flow
/// control). False on failure.
bool setRaw(int fd);

/// \brief The board side of a pseudo-terminal: the master, plus a slave descriptor kept open
/// by the board itself so that the slave never "hangs up" (no EIO on the master while no
/// host holds the port) and keeps the raw mode the board set.
class PtyMaster {
public:
  PtyMaster() = default;
  PtyMaster(const PtyMaster&) = delete;
  PtyMaster& operator=(const PtyMaster&) = delete;
  ~PtyMaster() { close(); }

  /// \brief Create the pair (non-blocking master, raw slave). False with \p error set.
  bool open(std::string& error);
  void close();

  int fd() const { return m_master; }
  /// \brief Path of the slave, e.g. /dev/pts/3.
  const std::string& slavePath() const { return m_slavePath; }

private:
  int m_master = -1;
  int m_slave = -1;
  std::string m_slavePath;
};

} // namespace dlm::board
