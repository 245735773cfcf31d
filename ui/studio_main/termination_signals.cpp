#include "termination_signals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace dlm::studio {

namespace {

int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the event loop

extern "C" void onTerminationSignal(int number) {
  const char byte = static_cast<char>(number);
  [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &byte, 1);
}

} // namespace

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent) {
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0) return;
  m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
  connect(m_notifier, &QSocketNotifier::activated, this, [this] {
    char byte = 0;
    if (::read(g_fds[1], &byte, 1) == 1) emit received(int(byte));
  });
  struct sigaction action {};
  action.sa_handler = onTerminationSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int number : {SIGTERM, SIGINT, SIGHUP}) sigaction(number, &action, nullptr);
}

TerminationSignals::~TerminationSignals() {
  for (int number : {SIGTERM, SIGINT, SIGHUP}) std::signal(number, SIG_DFL);
  if (g_fds[0] >= 0) ::close(g_fds[0]);
  if (g_fds[1] >= 0) ::close(g_fds[1]);
  g_fds[0] = g_fds[1] = -1;
}

} // namespace dlm::studio
