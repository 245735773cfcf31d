#pragma once

// Starts dlm-board as a child process and reads its port from the first stdout line
// (POSIX; for the probe and tests that do not use Qt).

#include <sys/types.h>

#include <string>
#include <vector>

namespace dlm::board {

/// \brief A dlm-board child process.
class BoardProcess {
public:
  BoardProcess() = default;
  BoardProcess(const BoardProcess&) = delete;
  BoardProcess& operator=(const BoardProcess&) = delete;
  ~BoardProcess() { stop(); }

  /// \brief Start \p program with \p arguments and wait up to \p timeoutMs for its
  /// "port: PATH" line. False with \p error set.
  bool start(const std::string& program, const std::vector<std::string>& arguments,
             int timeoutMs, std::string& error);
  /// \brief SIGTERM, then SIGKILL after 2 s. Returns the exit status (-1 if killed/none).
  int stop();

  const std::string& port() const { return m_port; }
  pid_t pid() const { return m_pid; }

private:
  pid_t m_pid = -1;
  int m_stdout = -1;
  std::string m_port;
};

/// \brief Directory of the running executable (for finding dlm-board next to a tool).
std::string executableDirectory();

} // namespace dlm::board
