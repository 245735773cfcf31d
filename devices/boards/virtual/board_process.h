#pragma once

// The one launcher of the virtual board: starts dlm-board as a child process and reads its port
// from the first stdout line. POSIX, no Qt: the probe and the tests use it as is, the studio
// through a thin Qt face (app/controller/virtual_board_process.h).

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
  /// \brief Without blocking: true while the board runs. Discards what it printed after its
  /// port line (so a long session never fills the pipe) and reaps it once it has exited,
  /// with its exit status in \p exitCode (-1 when killed by a signal).
  bool poll(int* exitCode = nullptr);

  const std::string& port() const { return m_port; }
  pid_t pid() const { return m_pid; }

private:
  pid_t m_pid = -1;
  int m_stdout = -1;
  std::string m_port;
};

/// \brief Directory of the running executable (for finding dlm-board next to a tool).
std::string executableDirectory();

/// \brief The dlm-board executable: $DLM_BOARD_EXECUTABLE, else next to the running
/// executable, else in the build tree (devices/boards/virtual/ beside the caller's folder),
/// else on the PATH. Empty when none is found.
std::string locateBoardExecutable();

} // namespace dlm::board
