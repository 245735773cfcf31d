#include "devices/boards/virtual/board_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "devices/boards/virtual/host_link.h"

namespace dlm::board {

bool BoardProcess::start(const std::string& program, const std::vector<std::string>& arguments,
                         int timeoutMs, std::string& error) {
  stop();
  int fds[2];
  if (pipe(fds) != 0) {
    error = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  m_pid = fork();
  if (m_pid < 0) {
    error = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (m_pid == 0) {
    // The board goes when its parent goes, even when the parent is killed and cannot stop it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1) _exit(127); // the parent died before prctl took effect
    dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  ::close(fds[1]);
  m_stdout = fds[0];
  fcntl(m_stdout, F_SETFL, fcntl(m_stdout, F_GETFL) | O_NONBLOCK);

  std::string line;
  const std::int64_t deadline = monotonicMs() + timeoutMs;
  while (line.find('\n') == std::string::npos) {
    const std::int64_t left = deadline - monotonicMs();
    if (left <= 0) {
      error = "no port line from " + program;
      stop();
      return false;
    }
    pollfd p{m_stdout, POLLIN, 0};
    ::poll(&p, 1, static_cast<int>(left));
    char buffer[256];
    const ssize_t n = ::read(m_stdout, buffer, sizeof buffer);
    if (n == 0) {
      error = program + " exited before printing its port";
      stop();
      return false;
    }
    if (n > 0) line.append(buffer, static_cast<std::size_t>(n));
  }
  line.resize(line.find('\n'));
  if (line.rfind("port: ", 0) != 0) {
    error = "unexpected first line: " + line;
    stop();
    return false;
  }
  m_port = line.substr(6);
  return true;
}

int BoardProcess::stop() {
  int result = -1;
  if (m_pid > 0) {
    kill(m_pid, SIGTERM);
    int status = 0;
    const std::int64_t deadline = monotonicMs() + 2000;
    pid_t done = 0;
    while ((done = waitpid(m_pid, &status, WNOHANG)) == 0 && monotonicMs() < deadline)
      usleep(10000);
    if (done == 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &status, 0);
    } else if (done == m_pid && WIFEXITED(status)) {
      result = WEXITSTATUS(status);
    }
  }
  if (m_stdout >= 0) ::close(m_stdout);
  m_stdout = -1;
  m_pid = -1;
  m_port.clear();
  return result;
}

bool BoardProcess::poll(int* exitCode) {
  if (m_pid <= 0) return false;
  char buffer[512];
  while (m_stdout >= 0 && ::read(m_stdout, buffer, sizeof buffer) > 0) {
  }
  int status = 0;
  if (waitpid(m_pid, &status, WNOHANG) != m_pid) return true;
  if (exitCode != nullptr) *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (m_stdout >= 0) ::close(m_stdout);
  m_stdout = -1;
  m_pid = -1;
  m_port.clear();
  return false;
}

std::string executableDirectory() {
  char path[4096];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return ".";
  std::string s(path, static_cast<std::size_t>(n));
  const std::size_t slash = s.rfind('/');
  return slash == std::string::npos ? "." : s.substr(0, slash);
}

namespace {

bool isExecutableFile(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

} // namespace

std::string locateBoardExecutable() {
  const char* overridden = std::getenv("DLM_BOARD_EXECUTABLE"); // tests and packagers
  if (overridden != nullptr && *overridden != '\0') return overridden;
  const std::string here = executableDirectory();
  // Installed side by side; or in the build tree, two or one level above the caller.
  for (const std::string& candidate :
       {here + "/dlm-board", here + "/../../devices/boards/virtual/dlm-board",
        here + "/../devices/boards/virtual/dlm-board"}) {
    if (isExecutableFile(candidate)) return candidate;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string candidate = dirs.substr(start, end - start) + "/dlm-board";
    if (end > start && isExecutableFile(candidate)) return candidate;
    start = end + 1;
  }
  return std::string();
}

} // namespace dlm::board
