// dlm-gateway: the boards on this machine's serial ports, bridged to an MQTT broker
// (docs/fleet.md). See installer/man/dlm-gateway.1.

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

#include "app/gateway/gateway.h"
#include "app/gateway/gateway_options.h"

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int) {
  const char byte = 1;
  // Nothing else is async-signal-safe here: the event loop reads the byte.
  [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers() {
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) return false;
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  return sigaction(SIGTERM, &sa, nullptr) == 0 && sigaction(SIGINT, &sa, nullptr) == 0 &&
         sigaction(SIGHUP, &sa, nullptr) == 0;
}

} // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("dlm-gateway"));
  std::signal(SIGPIPE, SIG_IGN);

  dlm::gateway::GatewayOptions options;
  QString message;
  switch (dlm::gateway::parseGatewayOptions(app.arguments().mid(1), options, message)) {
  case dlm::gateway::ParseOutcome::ExitOk: std::fputs(qPrintable(message + '\n'), stdout); return 0;
  case dlm::gateway::ParseOutcome::Error:
    std::fprintf(stderr, "dlm-gateway: %s\n", qPrintable(message));
    return 2;
  case dlm::gateway::ParseOutcome::Run: break;
  }
  if (options.checkOnly) {
    std::fputs(qPrintable(dlm::gateway::describeOptions(options)), stdout);
    return 0;
  }
  if (!installSignalHandlers()) {
    std::fprintf(stderr, "dlm-gateway: cannot install the signal handlers\n");
    return 1;
  }

  dlm::gateway::Gateway gateway(options);
  QString error;
  if (!gateway.start(&error)) {
    std::fprintf(stderr, "dlm-gateway: %s\n", qPrintable(error));
    return 1;
  }
  QSocketNotifier stopRequest(g_signalPipe[0], QSocketNotifier::Read);
  QObject::connect(&stopRequest, &QSocketNotifier::activated, &app, [&] {
    char byte = 0;
    [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
    stopRequest.setEnabled(false);
    gateway.stop([] { QCoreApplication::exit(0); });
  });
  return app.exec();
}
