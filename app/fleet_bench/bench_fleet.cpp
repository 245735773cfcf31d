#include "app/fleet_bench/bench_fleet.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

#include <unistd.h>

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleetbench {

namespace {

// utime + stime of one process, in seconds (/proc/PID/stat fields 14 and 15).
double processCpu(qint64 pid) {
  QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
  if (!f.open(QIODevice::ReadOnly)) return 0.0;
  const QByteArray text = f.readAll();
  const qsizetype close = text.lastIndexOf(')'); // the name may hold spaces
  const QList<QByteArray> fields = text.mid(close + 2).split(' ');
  if (fields.size() < 13) return 0.0;
  const double ticks = fields[11].toDouble() + fields[12].toDouble();
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

QList<qint64> childrenOf(qint64 pid) {
  QList<qint64> out;
  for (const QString& task : QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
    QFile f(QStringLiteral("/proc/%1/task/%2/children").arg(pid).arg(task));
    if (!f.open(QIODevice::ReadOnly)) continue;
    for (const QByteArray& child : f.readAll().split(' '))
      if (!child.trimmed().isEmpty()) out << child.trimmed().toLongLong();
  }
  return out;
}

} // namespace

BenchFleet::BenchFleet(const BenchOptions& options) : m_options(options) {}

BenchFleet::~BenchFleet() {
  stopGateways();
  if (m_recorder) m_recorder->stop();
  if (m_publisher) m_publisher->stop();
}

bool BenchFleet::start(QString* error) {
  if (!BrokerProcess::available()) {
    *error = QStringLiteral("mosquitto not found (apt-get install mosquitto)");
    return false;
  }
  if (!m_broker.start(error)) return false;
  m_recorder = std::make_unique<FleetRecorder>();
  if (!m_recorder->start(QStringLiteral("127.0.0.1"), m_broker.port(), QStringLiteral("bench-consumer"),
                         site(), error))
    return false;
  m_publisher = std::make_unique<fleet::MqttClient>();
  fleet::MqttOptions o;
  o.host = QStringLiteral("127.0.0.1");
  o.port = m_broker.port();
  o.clientId = QStringLiteral("bench-studio");
  if (!m_publisher->start(o, error)) return false;
  const QString boardArgs = QStringLiteral("--gesture-rate %1 --tick %2")
                                .arg(m_options.gestureRate).arg(m_options.tickMs);
  for (int g = 0; g < m_options.gateways; ++g) {
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DLM_BOARD_EXECUTABLE"), m_options.boardExe);
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->setStandardOutputFile(m_dir.filePath(gatewayId(g) + QStringLiteral(".log")));
    p->start(m_options.gatewayExe,
             {"--broker", QStringLiteral("127.0.0.1:%1").arg(m_broker.port()), "--site", site(),
              "--gateway", gatewayId(g), "--virtual", QString::number(m_options.boardsPerGateway),
              "--virtual-args", boardArgs, "--state-dir", m_dir.filePath(gatewayId(g)),
              "--stats-interval", "5"});
    if (!p->waitForStarted(10000)) {
      *error = QStringLiteral("cannot start %1").arg(m_options.gatewayExe);
      return false;
    }
    m_gateways.push_back(std::move(p));
  }
  return true;
}

void BenchFleet::pushToAll(const QString& pushId, const QByteArray& model) {
  for (int g = 0; g < m_options.gateways; ++g) {
    QStringList targets;
    for (int b = 0; b < m_options.boardsPerGateway; ++b)
      targets << QStringLiteral("v%1").arg(b, 2, 10, QLatin1Char('0'));
    m_publisher->publish(fleet::topicFor(site(), gatewayId(g), fleet::TopicKind::ModelPush),
                         fleet::encode(fleet::makeModelPush(pushId, targets, model)), 1, false);
  }
}

double BenchFleet::cpuSeconds(Part part) const {
  double total = 0.0;
  if (part == Part::Broker) return processCpu(m_broker.pid());
  for (const auto& g : m_gateways) {
    if (g->state() != QProcess::Running) continue;
    if (part == Part::Gateways) total += processCpu(g->processId());
    else
      for (qint64 child : childrenOf(g->processId())) total += processCpu(child);
  }
  return total;
}

void BenchFleet::stopGateways() {
  for (auto& g : m_gateways) {
    if (g->state() == QProcess::NotRunning) continue;
    g->terminate();
    if (!g->waitForFinished(15000)) g->kill();
  }
  m_gateways.clear();
}

} // namespace fleetbench
} // namespace dlm
