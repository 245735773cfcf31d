#include "devices/boards/virtual/pty.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace dlm::board {

bool setRaw(int fd) {
  termios t{};
  if (tcgetattr(fd, &t) != 0) return false;
  cfmakeraw(&t);
  t.c_cflag |= CLOCAL | CREAD;
  t.c_cflag &= ~static_cast<tcflag_t>(CRTSCTS);
  t.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  t.c_cc[VMIN] = 0;
  t.c_cc[VTIME] = 0;
  cfsetispeed(&t, B921600);
  cfsetospeed(&t, B921600);
  return tcsetattr(fd, TCSANOW, &t) == 0;
}

bool PtyMaster::open(std::string& error) {
  close();
  m_master = posix_openpt(O_RDWR | O_NOCTTY);
  if (m_master < 0) {
    error = std::string("posix_openpt: ") + std::strerror(errno);
    return false;
  }
  const char* name = nullptr;
  if (grantpt(m_master) != 0 || unlockpt(m_master) != 0 || (name = ptsname(m_master)) == nullptr) {
    error = std::string("grantpt/unlockpt/ptsname: ") + std::strerror(errno);
    close();
    return false;
  }
  m_slavePath = name;
  // Our own slave descriptor: without it the master reads EIO whenever no host has the port
  // open, and the slave's default termios would echo the board's output back to it.
  m_slave = ::open(m_slavePath.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (m_slave < 0 || !setRaw(m_slave) || !setRaw(m_master)) {
    error = std::string("slave ") + m_slavePath + ": " + std::strerror(errno);
    close();
    return false;
  }
  const int flags = fcntl(m_master, F_GETFL);
  if (flags < 0 || fcntl(m_master, F_SETFL, flags | O_NONBLOCK) != 0) {
    error = std::string("fcntl: ") + std::strerror(errno);
    close();
    return false;
  }
  return true;
}

void PtyMaster::close() {
  if (m_slave >= 0) ::close(m_slave);
  if (m_master >= 0) ::close(m_master);
  m_slave = -1;
  m_master = -1;
  m_slavePath.clear();
}

} // namespace dlm::board
