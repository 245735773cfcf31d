// Gateway, second part: what arrives from the broker (docs/fleet.md §3.9, §3.12, §4.2). Every
// payload is untrusted: decoded strictly, and when it is not valid it is counted, reported in
// the gateway's statistics, logged (sparingly) and ignored.
#include "app/gateway/gateway.h"
#include "app/gateway/gateway_logging.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace gateway {

using fleet::TopicKind;

namespace {
// The first rejected payloads are logged one by one, then one in this many.
constexpr quint64 kLogEveryMalformed = 100;
constexpr quint64 kLoggedMalformed = 10;
} // namespace

void Gateway::onMessage(const QString& topic, const QByteArray& payload, bool retained) {
  if (m_stopping) return;
  fleet::Topic t;
  if (!fleet::parseTopic(topic, t) || t.site != m_options.site || t.gateway != m_options.gateway) {
    malformed(false, topic, QStringLiteral("not a topic of this gateway"));
    return;
  }
  if (t.kind == TopicKind::ModelPush) onPush(topic, payload);
  else if (t.kind == TopicKind::Command) onCommand(topic, t.board, payload, retained);
  else malformed(false, topic, QStringLiteral("not a topic the gateway takes"));
}

void Gateway::malformed(bool push, const QString& topic, const QString& reason) {
  quint64& count = push ? m_malformedPush : m_malformedCmd;
  ++count;
  m_hasMalformed = true;
  m_lastMalformed = fleet::MalformedNote{topic, reason, fleet::nowMs()};
  if (count <= kLoggedMalformed || count % kLogEveryMalformed == 0)
    qCWarning(lcGateway).noquote() << "ignored a malformed payload (" << count << "so far) on"
                                   << topic << ":" << reason;
}

void Gateway::onPush(const QString& topic, const QByteArray& payload) {
  fleet::ModelPush push;
  QString error;
  if (!fleet::decode(payload, push, &error)) {
    malformed(true, topic, error);
    return;
  }
  if (m_store.known(push.push)) {
    // A second delivery (QoS 1 is at least once), or a retained push seen again.
    qCInfo(lcGateway).noquote() << "push" << push.push << "was already taken; ignored";
    return;
  }
  acceptPush(push);
}

void Gateway::acceptPush(const fleet::ModelPush& push) {
  auto job = std::make_shared<PushJob>();
  job->push = push;
  job->acceptedMs = fleet::nowMs();
  QStringList unknown;
  for (const QString& board : push.targets) {
    if (m_byId.contains(board)) job->pending << board;
    else unknown << board;
  }
  qCInfo(lcGateway).noquote() << "push" << push.push << "accepted:" << push.model.size()
                              << "bytes for" << job->pending.size() << "boards";
  if (!job->pending.isEmpty()) {
    // Journaled before any byte leaves, so that a killed gateway finishes it.
    if (!m_store.save(*job))
      qCWarning(lcGateway).noquote() << "could not journal push" << push.push
                                     << "in" << m_options.stateDir
                                     << "; it would not survive a restart";
    m_jobs.insert(push.push, job);
  } else {
    m_store.finish(push.push);
  }
  for (const QString& board : unknown) {
    fleet::PushOutcome o;
    o.push = push.push;
    o.board = board;
    o.result = fleet::PushResult::Failed;
    o.message = QStringLiteral("No board %1 on gateway %2.").arg(board, m_options.gateway);
    o.t = fleet::nowMs();
    publishReliable(topicOf(TopicKind::PushOutcome, board), fleet::encode(o), false, false);
  }
  const QStringList pending = job->pending; // enqueuePush may finish boards at once
  for (const QString& board : pending) m_byId.value(board)->enqueuePush(job);
}

void Gateway::boardDone(const QString& pushId, const QString& board) {
  const std::shared_ptr<PushJob> job = m_jobs.value(pushId);
  if (!job) return;
  job->pending.removeAll(board);
  if (job->pending.isEmpty()) {
    m_jobs.remove(pushId);
    m_store.finish(pushId);
    qCInfo(lcGateway).noquote() << "push" << pushId << "finished on every board";
  } else {
    m_store.save(*job);
  }
}

void Gateway::onCommand(const QString& topic, const QString& board, const QByteArray& payload,
                        bool retained) {
  if (retained) {
    // A retained command would run again at every reconnection: never run one.
    malformed(false, topic, QStringLiteral("a retained command (publish commands unretained)"));
    return;
  }
  fleet::FleetCommand command;
  QString error;
  if (!fleet::decode(payload, command, &error)) {
    malformed(false, topic, error);
    return;
  }
  BoardBridge* bridge = m_byId.value(board);
  if (bridge == nullptr) {
    malformed(false, topic, QStringLiteral("no board %1 on this gateway").arg(board));
    return;
  }
  bridge->handleCommand(command);
}

} // namespace gateway
} // namespace dlm
