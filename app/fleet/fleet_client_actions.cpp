// FleetClient: what the studio asks of the fleet. Following one board (its topics and the
// `watch` that keeps its samples coming), commands, and pushes with their progress and outcome.
#include <QLocale>
#include <QMap>

#include "app/fleet/fleet_client.h"
#include "app/fleet/fleet_logging.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/mqtt_client.h"

namespace dlm::app {

namespace {

struct BoardKey {
  QString site;
  QString gateway;
  QString board;
  bool valid = false;
};

BoardKey splitKey(const QString& key) {
  const QStringList parts = key.split(QLatin1Char('/'));
  BoardKey k;
  if (parts.size() != 3) return k;
  k.site = parts.at(0);
  k.gateway = parts.at(1);
  k.board = parts.at(2);
  k.valid = fleet::isValidId(k.site) && fleet::isValidId(k.gateway) && fleet::isValidId(k.board);
  return k;
}

} // namespace

QString FleetClient::newId(const QString& prefix) {
  return QStringLiteral("%1-%2-%3").arg(prefix, m_instance).arg(++m_idCounter);
}

QStringList FleetClient::watchedFilters() const {
  const BoardKey k = splitKey(m_watched);
  if (!k.valid) return {};
  QStringList filters;
  for (fleet::TopicKind kind : {fleet::TopicKind::Event, fleet::TopicKind::Samples,
                                fleet::TopicKind::Log, fleet::TopicKind::CommandResult}) {
    filters << fleet::topicFor(k.site, k.gateway, kind, k.board);
  }
  return filters;
}

void FleetClient::watch(const QString& key) {
  if (key == m_watched) return;
  unwatch();
  if (!splitKey(key).valid) return;
  m_watched = key;
  m_sequence.forget(key); // follow its events from the next one on
  if (m_mqtt) {
    for (const QString& filter : watchedFilters()) m_mqtt->subscribe(filter, 1);
  }
  renewWatch();
  m_watchTimer.start();
}

void FleetClient::unwatch() {
  if (m_watched.isEmpty()) return;
  m_watchTimer.stop();
  if (m_mqtt) {
    fleet::FleetCommand stop;
    stop.op = fleet::CommandOp::Watch;
    stop.seconds = 0;
    sendCommand(m_watched, stop);
    for (const QString& filter : watchedFilters()) m_mqtt->unsubscribe(filter);
  }
  m_watched.clear();
}

void FleetClient::renewWatch() {
  if (m_watched.isEmpty() || !isConnected()) return;
  fleet::FleetCommand watch;
  watch.op = fleet::CommandOp::Watch;
  watch.seconds = kWatchSeconds;
  sendCommand(m_watched, watch);
}

QString FleetClient::sendCommand(const QString& key, fleet::FleetCommand command) {
  const BoardKey k = splitKey(key);
  if (!k.valid || !isConnected()) return QString();
  command.id = newId(QStringLiteral("c"));
  const QString topic =
      fleet::topicFor(k.site, k.gateway, fleet::TopicKind::Command, k.board);
  if (m_mqtt->publish(topic, fleet::encode(command), 1, false) < 0) return QString();
  // A `watch` renewal answers nothing the user needs to hear about, unless it fails.
  m_commands.insert(command.id, command.op);
  return command.id;
}

void FleetClient::onCommandResult(const QString& key, const fleet::CommandResult& result) {
  if (!m_commands.remove(result.id)) return; // another consumer's command
  emit commandFinished(key, result);
}

QString FleetClient::pushModel(const QStringList& keys, const QByteArray& model,
                               QString* error) {
  const auto fail = [error](const QString& why) {
    if (error != nullptr) *error = why;
    return QString();
  };
  if (model.isEmpty()) return fail(tr("There is no model to push yet: tag a few events first."));
  if (quint32(model.size()) > fleet::kMaxModelBytes)
    return fail(tr("The model is larger than the 4 MiB a fleet push carries."));
  if (keys.isEmpty()) return fail(tr("Select the boards to push the model to."));
  if (!isConnected()) return fail(tr("Not connected to the broker: connect first."));
  // One ModelPush per gateway (its own topic), with the same id throughout.
  QMap<QString, QStringList> byGateway; // "site/gateway" -> boards
  for (const QString& key : keys) {
    const BoardKey k = splitKey(key);
    if (!k.valid) continue;
    byGateway[k.site + QLatin1Char('/') + k.gateway] << k.board;
  }
  if (byGateway.isEmpty()) return fail(tr("Select the boards to push the model to."));
  const QString push = newId(QStringLiteral("push"));
  const quint32 identity = link::modelIdentity(model);
  for (auto it = byGateway.cbegin(); it != byGateway.cend(); ++it) {
    const QStringList prefix = it.key().split(QLatin1Char('/'));
    const fleet::ModelPush payload = fleet::makeModelPush(push, it.value(), model);
    const QString topic = fleet::topicFor(prefix.at(0), prefix.at(1), fleet::TopicKind::ModelPush);
    if (m_mqtt->publish(topic, fleet::encode(payload), 1, false) < 0)
      return fail(tr("The broker connection refused the push to %1.").arg(it.key()));
  }
  m_pushId = push;
  m_pushModel = identity;
  m_pushKeys.clear();
  for (auto it = byGateway.cbegin(); it != byGateway.cend(); ++it) {
    for (const QString& board : it.value()) {
      const QStringList prefix = it.key().split(QLatin1Char('/'));
      const QString key = FleetTableModel::keyOf(prefix.at(0), prefix.at(1), board);
      m_pushKeys << key;
      m_table->startPush(key, push, identity, quint32(model.size()));
    }
  }
  qCInfo(lcAppFleet).noquote() << "push" << push << "of" << model.size() << "bytes to"
                               << m_pushKeys.join(QLatin1String(", "));
  emit pushSummaryChanged(pushSummary());
  return push;
}

void FleetClient::onProgress(const fleet::Topic& topic, const QString& key,
                             const fleet::PushProgress& p) {
  if (!m_table->applyProgress(topic.site, topic.gateway, p)) return; // not a push of ours
  emit pushProgressed(key, p);
  emit pushSummaryChanged(pushSummary());
}

void FleetClient::onOutcome(const fleet::Topic& topic, const QString& key,
                            const fleet::PushOutcome& o) {
  if (!m_table->applyOutcome(topic.site, topic.gateway, o)) return;
  emit pushFinished(key, o);
  emit pushSummaryChanged(pushSummary());
}

FleetPushSummary FleetClient::pushSummary() const {
  FleetPushSummary s;
  s.push = m_pushId;
  s.modelIdentity = m_pushModel;
  for (const QString& key : m_pushKeys) {
    const FleetBoardRecord* r = m_table->record(key);
    if (r == nullptr || r->pushId != m_pushId) continue;
    ++s.targets;
    if (r->push == FleetPushPhase::Verified) {
      ++s.verified;
    } else if (isFinished(r->push)) {
      ++s.failed;
    } else {
      ++s.pending;
    }
  }
  return s;
}

} // namespace dlm::app
