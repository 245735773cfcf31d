#include "app/gateway/gateway_options.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QSet>

#include <utility>
#include <vector>

#include "core/version.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace gateway {

namespace {

using Pair = std::pair<QString, QString>;

const QStringList kValued = {
    "config", "broker", "site", "gateway", "board", "port", "baud", "virtual", "virtual-args",
    "state-dir", "stats-interval", "buffer", "keepalive", "cafile", "cert", "key", "username",
    "password-file"};

bool readConfig(const QString& path, std::vector<Pair>& out, QString& error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    error = QStringLiteral("cannot read the configuration %1").arg(path);
    return false;
  }
  int number = 0;
  for (const QByteArray& raw : f.readAll().split('\n')) {
    ++number;
    const QString line = QString::fromUtf8(raw).trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
    // "name = value" or "name value".
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    const qsizetype sp = line.indexOf(QLatin1Char(' '));
    const qsizetype cut = eq >= 0 && (sp < 0 || eq < sp + 2) ? eq : sp;
    const QString name = (cut < 0 ? line : line.left(cut)).trimmed();
    const QString value = cut < 0 ? QString() : line.mid(cut + 1).trimmed();
    if (!kValued.contains(name) || name == QLatin1String("config") || value.isEmpty()) {
      error = QStringLiteral("%1:%2: not an option with a value: %3").arg(path).arg(number).arg(line);
      return false;
    }
    out.emplace_back(name, value);
  }
  return true;
}

bool toInt(const QString& text, int low, int high, int& out) {
  bool ok = false;
  const int v = text.toInt(&ok);
  if (!ok || v < low || v > high) return false;
  out = v;
  return true;
}

QString defaultGatewayId() { return fleet::sanitizeId(QSysInfo::machineHostName()); }

bool applyBoard(const QString& name, const QString& value, GatewayOptions& o, QString& error) {
  BoardPort b;
  if (name == QLatin1String("board")) {
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq <= 0) {
      error = QStringLiteral("--board wants ID=PATH, not %1").arg(value);
      return false;
    }
    b.id = value.left(eq);
    b.path = value.mid(eq + 1);
  } else {
    b.path = value;
    b.id = fleet::sanitizeId(QFileInfo(value).fileName());
  }
  o.boards << b;
  return true;
}

bool applyFile(const QString& name, const QString& value, GatewayOptions& o, QString& error) {
  if (name == QLatin1String("password-file")) {
    QFile f(value);
    if (!f.open(QIODevice::ReadOnly)) {
      error = QStringLiteral("cannot read the password file %1").arg(value);
      return false;
    }
    o.password = QString::fromUtf8(f.readLine()).trimmed();
    return true;
  }
  QString* target = name == QLatin1String("cafile") ? &o.caFile
                    : name == QLatin1String("cert") ? &o.certFile
                                                    : &o.keyFile;
  *target = value;
  return true;
}

bool apply(const QString& name, const QString& value, GatewayOptions& o, QString& error) {
  auto bad = [&]() {
    error = QStringLiteral("bad value for --%1: %2").arg(name, value);
    return false;
  };
  if (name == QLatin1String("board") || name == QLatin1String("port")) return applyBoard(name, value, o, error);
  if (name == QLatin1String("password-file") || name == QLatin1String("cafile") ||
      name == QLatin1String("cert") || name == QLatin1String("key"))
    return applyFile(name, value, o, error);
  if (name == QLatin1String("broker")) {
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    o.brokerHost = colon > 0 ? value.left(colon) : value;
    if (colon > 0 && !toInt(value.mid(colon + 1), 1, 65535, o.brokerPort)) return bad();
    return !o.brokerHost.isEmpty() || bad();
  }
  if (name == QLatin1String("site")) o.site = value;
  else if (name == QLatin1String("gateway")) o.gateway = value;
  else if (name == QLatin1String("state-dir")) o.stateDir = value;
  else if (name == QLatin1String("username")) o.username = value;
  else if (name == QLatin1String("virtual-args"))
    o.virtualArgs = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  else if (name == QLatin1String("baud")) { int b = 0; if (!toInt(value, 1200, 12000000, b)) return bad(); o.baud = b; }
  else if (name == QLatin1String("virtual")) { if (!toInt(value, 0, 1000, o.virtualBoards)) return bad(); }
  else if (name == QLatin1String("stats-interval")) { if (!toInt(value, 1, 3600, o.statsIntervalS)) return bad(); }
  else if (name == QLatin1String("buffer")) { if (!toInt(value, 10, 10000000, o.bufferMessages)) return bad(); }
  else if (name == QLatin1String("keepalive")) { if (!toInt(value, 5, 3600, o.keepAliveS)) return bad(); }
  return true;
}

bool validate(GatewayOptions& o, QString& error) {
  if (o.gateway.isEmpty()) o.gateway = defaultGatewayId();
  if (!fleet::isValidId(o.site) || !fleet::isValidId(o.gateway)) {
    error = QStringLiteral("--site and --gateway must be 1-64 of A-Z a-z 0-9 _ - .");
    return false;
  }
  QSet<QString> ids;
  for (int i = 0; i < o.virtualBoards; ++i) ids.insert(QStringLiteral("v%1").arg(i, 2, 10, QLatin1Char('0')));
  for (const BoardPort& b : o.boards) {
    if (!fleet::isValidId(b.id) || ids.contains(b.id)) {
      error = QStringLiteral("board id %1 is not a valid id or is used twice").arg(b.id);
      return false;
    }
    ids.insert(b.id);
  }
  if (ids.isEmpty()) {
    error = QStringLiteral("no board: give --board ID=PATH, --port PATH or --virtual N");
    return false;
  }
  if (ids.size() > 1024) {
    error = QStringLiteral("at most 1024 boards per gateway");
    return false;
  }
  if (o.stateDir.isEmpty()) {
    const QString systemd = qEnvironmentVariable("STATE_DIRECTORY");
    const QString xdg = qEnvironmentVariable("XDG_STATE_HOME");
    const QString base = !xdg.isEmpty() ? xdg : QDir::homePath() + QStringLiteral("/.local/state");
    o.stateDir = !systemd.isEmpty() ? systemd.split(QLatin1Char(':')).first()
                                    : base + QStringLiteral("/dlm-gateway/") + o.site +
                                          QLatin1Char('-') + o.gateway;
  }
  return true;
}

} // namespace

ParseOutcome parseGatewayOptions(const QStringList& arguments, GatewayOptions& out,
                                 QString& message) {
  std::vector<Pair> pairs;
  std::vector<Pair> fromCommandLine;
  bool checkOnly = false;
  for (qsizetype i = 0; i < arguments.size(); ++i) {
    const QString& a = arguments[i];
    if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
      message = gatewayUsage();
      return ParseOutcome::ExitOk;
    }
    if (a == QLatin1String("--check")) {
      checkOnly = true;
      continue;
    }
    if (a == QLatin1String("--version")) {
      message = QStringLiteral("dlm-gateway %1 (fleet protocol v1)").arg(QLatin1String(DLM_CORE_VERSION_STRING));
      return ParseOutcome::ExitOk;
    }
    const QString name = a.startsWith(QLatin1String("--")) ? a.mid(2) : QString();
    if (!kValued.contains(name) || i + 1 >= arguments.size()) {
      message = QStringLiteral("unknown option or missing value: %1 (see --help)").arg(a);
      return ParseOutcome::Error;
    }
    fromCommandLine.emplace_back(name, arguments[++i]);
  }
  // The file first, so that the command line wins (repeated options add up).
  for (const Pair& p : fromCommandLine)
    if (p.first == QLatin1String("config") && !readConfig(p.second, pairs, message))
      return ParseOutcome::Error;
  pairs.insert(pairs.end(), fromCommandLine.begin(), fromCommandLine.end());
  GatewayOptions o;
  for (const Pair& p : pairs)
    if (p.first != QLatin1String("config") && !apply(p.first, p.second, o, message))
      return ParseOutcome::Error;
  if (!validate(o, message)) return ParseOutcome::Error;
  o.checkOnly = checkOnly;
  out = o;
  return ParseOutcome::Run;
}

QString gatewayUsage() {
  return QStringLiteral(
      "usage: dlm-gateway [--broker HOST[:PORT]] [--site ID] [--gateway ID]\n"
      "                   [--board ID=PATH]... [--port PATH]... [--baud N]\n"
      "                   [--virtual N] [--virtual-args \"ARGS\"] [--state-dir DIR]\n"
      "                   [--stats-interval S] [--buffer N] [--keepalive S]\n"
      "                   [--cafile FILE [--cert FILE --key FILE]]\n"
      "                   [--username NAME --password-file FILE] [--config FILE]\n"
      "Bridges the boards on this machine's serial ports to an MQTT broker (docs/fleet.md).\n"
      "  --broker HOST[:PORT]  the broker (default localhost, port 1883, or 8883 with TLS)\n"
      "  --site ID, --gateway ID  topic levels: dlm/v1/SITE/GATEWAY/... (default: default,\n"
      "                        the host name)\n"
      "  --board ID=PATH       a board on serial port PATH, named ID in the fleet\n"
      "  --port PATH           the same, named after the port's file name\n"
      "  --baud N              serial rate (default 921600)\n"
      "  --virtual N           also run N virtual boards (dlm-board), named v00, v01, ...\n"
      "  --virtual-args ARGS   options for them, e.g. \"--gesture-rate 30 --tick 10\"\n"
      "  --state-dir DIR       pushes in progress, virtual boards' models (default:\n"
      "                        $STATE_DIRECTORY, else ~/.local/state/dlm-gateway/SITE-GATEWAY)\n"
      "  --stats-interval S    statistics every S seconds (default 10)\n"
      "  --buffer N            QoS 1 messages kept while the broker is away (default 10000)\n"
      "  --keepalive S         MQTT keep-alive (default 30)\n"
      "  --cafile FILE         TLS, checking the broker's certificate against this CA\n"
      "  --cert FILE --key FILE  a client certificate\n"
      "  --username NAME --password-file FILE  log in (the file's first line)\n"
      "  --config FILE         the same options, one 'name = value' a line ('#' comments);\n"
      "                        the command line wins\n"
      "  --check               print the options in force and exit (nothing is started)\n");
}

QString describeOptions(const GatewayOptions& o) {
  QString t = QStringLiteral("broker %1:%2%3\nsite %4\ngateway %5\n")
                  .arg(o.brokerHost).arg(o.port())
                  .arg(o.caFile.isEmpty() ? QString() : QStringLiteral(" (TLS)"))
                  .arg(o.site, o.gateway);
  for (const BoardPort& b : o.boards) t += QStringLiteral("board %1 on %2\n").arg(b.id, b.path);
  if (o.virtualBoards > 0)
    t += QStringLiteral("virtual boards %1 (%2)\n").arg(o.virtualBoards).arg(o.virtualArgs.join(' '));
  t += QStringLiteral("state %1\nbuffer %2 messages, statistics every %3 s\n")
           .arg(o.stateDir).arg(o.bufferMessages).arg(o.statsIntervalS);
  if (!o.username.isEmpty())
    t += QStringLiteral("user %1%2\n").arg(o.username, o.password.isEmpty() ? QString() : QStringLiteral(" (with a password)"));
  return t;
}

} // namespace gateway
} // namespace dlm
