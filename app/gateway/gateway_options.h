#pragma once

// dlm-gateway's options, from the command line and an optional configuration file of the same
// names (docs/fleet.md §8).

#include <QList>
#include <QString>
#include <QStringList>

namespace dlm {
namespace gateway {

/// \brief A serial port and the id its board has in the fleet.
struct BoardPort {
  QString id;
  QString path;
};

struct GatewayOptions {
  QString brokerHost = QStringLiteral("localhost");
  int brokerPort = 0; ///< 0: 1883, or 8883 with TLS
  QString site = QStringLiteral("default");
  QString gateway;    ///< default: the host name made an id
  QList<BoardPort> boards;
  qint32 baud = 921600;
  int virtualBoards = 0;
  QStringList virtualArgs; ///< extra dlm-board options
  QString stateDir;        ///< default: $STATE_DIRECTORY, else ~/.local/state/dlm-gateway/SITE-GW
  int statsIntervalS = 10;
  int bufferMessages = 10000;
  int keepAliveS = 30;
  QString caFile;
  QString certFile;
  QString keyFile;
  QString username;
  QString password; ///< read from --password-file
  bool checkOnly = false; ///< --check: validate the options, print them, do not run

  /// \brief The broker port in force.
  int port() const { return brokerPort != 0 ? brokerPort : (caFile.isEmpty() ? 1883 : 8883); }
};

enum class ParseOutcome { Run, ExitOk, Error };

/// \brief Parse \p arguments (without the program name). Run with \p out filled; ExitOk after
/// --help or --version with \p message to print; Error with \p message saying what is wrong.
ParseOutcome parseGatewayOptions(const QStringList& arguments, GatewayOptions& out,
                                 QString& message);

/// \brief The --help text.
QString gatewayUsage();
/// \brief What --check prints: the options in force, one per line (no password).
QString describeOptions(const GatewayOptions& options);

} // namespace gateway
} // namespace dlm
