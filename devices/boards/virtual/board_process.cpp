#include "devices/boards/virtual/board_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
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
    poll(&p, 1, static_cast<int>(left));
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

std::string executableDirectory() {
  char path[4096];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return ".";
  std::string s(path, static_cast<std::size_t>(n));
  const std::size_t slash = s.rfind('/');
  return slash == std::string::npos ? "." : s.substr(0, slash);
}

} // namespace dlm::board
