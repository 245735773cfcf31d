// dlm-fleet-bench: a fleet on one machine, measured (docs/benchmarks.md, "Fleet").

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

#include "app/fleet_bench/fleet_bench.h"

namespace {

const char* kUsage =
    "usage: dlm-fleet-bench [--gateways N] [--boards N] [--seconds S] [--gesture-rate R]\n"
    "                       [--tick MS] [--model-gestures N] [--flood-seconds S]\n"
    "Starts a private mosquitto, N gateways (dlm-gateway) of --boards virtual boards each, and\n"
    "a consumer, then measures: events/s and end-to-end latency (the gateway reading an event\n"
    "off the serial link -> the consumer decoding it) while every board streams for S seconds;\n"
    "the time to push one model to every board (verified); the CPU of each part; and the MQTT\n"
    "path alone (the bench publishing events itself, no boards) for --flood-seconds (0: skip).\n"
    "Defaults: 5 gateways x 10 boards, 30 s, 600 gestures/min, --tick 10, 40 gestures per class\n"
    "in the model, 10 s of flood. dlm-gateway and dlm-board are looked for next to this tool,\n"
    "then in the build tree ($DLM_GATEWAY_EXE, $DLM_BOARD_EXE override).\n";

QString locate(const char* envName, const QString& name, const QString& buildSubdir) {
  const QString fromEnv = qEnvironmentVariable(envName);
  if (!fromEnv.isEmpty()) return fromEnv;
  const QDir here(QCoreApplication::applicationDirPath());
  if (QFileInfo::exists(here.filePath(name))) return here.filePath(name);
  return QDir::cleanPath(here.filePath(QStringLiteral("../../") + buildSubdir + name));
}

bool parse(const QStringList& args, dlm::fleetbench::BenchOptions& o) {
  for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
    bool ok = false;
    const double v = args[i + 1].toDouble(&ok);
    const QString& a = args[i];
    if (!ok || v < 0) return false;
    if (a == QLatin1String("--gateways") && v >= 1) o.gateways = int(v);
    else if (a == QLatin1String("--boards") && v >= 1) o.boardsPerGateway = int(v);
    else if (a == QLatin1String("--seconds") && v >= 1) o.seconds = int(v);
    else if (a == QLatin1String("--gesture-rate") && v <= 600) o.gestureRate = v;
    else if (a == QLatin1String("--tick") && v >= 1 && v <= 50) o.tickMs = int(v);
    else if (a == QLatin1String("--model-gestures") && v >= 2) o.modelGestures = int(v);
    else if (a == QLatin1String("--flood-seconds")) o.floodSeconds = int(v);
    else return false;
  }
  return args.size() % 2 == 0;
}

} // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments().mid(1);
  dlm::fleetbench::BenchOptions options;
  if (args.contains(QStringLiteral("--help")) || !parse(args, options)) {
    std::fputs(kUsage, args.contains(QStringLiteral("--help")) ? stdout : stderr);
    return args.contains(QStringLiteral("--help")) ? 0 : 2;
  }
  options.gatewayExe = locate("DLM_GATEWAY_EXE", QStringLiteral("dlm-gateway"), QStringLiteral("app/gateway/"));
  options.boardExe = locate("DLM_BOARD_EXE", QStringLiteral("dlm-board"), QStringLiteral("devices/boards/virtual/"));
  const dlm::fleetbench::BenchResults results = dlm::fleetbench::runFleetBench(options);
  std::fputs(qPrintable(dlm::fleetbench::formatResults(options, results)), stdout);
  if (!results.error.isEmpty()) {
    std::fprintf(stderr, "dlm-fleet-bench: %s\n", qPrintable(results.error));
    return 1;
  }
  return 0;
}
