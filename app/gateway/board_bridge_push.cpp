// BoardBridge, second part: the board's share of model pushes (docs/fleet.md §4.2). One push at
// a time per board, in arrival order; the serial transfer is the link's (chunked, resumed after
// a lost link or a gateway restart, activated by the board only once verified); the outcome is
// `verified` only when a Status asked for afterwards reports the pushed identity.
#include <QLoggingCategory>

#include "app/gateway/board_bridge.h"
#include "app/gateway/gateway_logging.h"
#include "devices/fleet/fleet_codec.h"

namespace dlm {
namespace gateway {

using fleet::PushResult;
using fleet::PushState;
using fleet::TopicKind;

namespace {

// Progress while sending leaves at most this often (docs/fleet.md §3.10).
constexpr qint64 kProgressIntervalMs = 250;

QString crcText(quint32 crc) { return QStringLiteral("0x%1").arg(crc, 8, 16, QLatin1Char('0')); }

} // namespace

void BoardBridge::enqueuePush(const std::shared_ptr<PushJob>& job) {
  // A newer push replaces the ones still waiting for this board (not the one in progress).
  for (const std::shared_ptr<PushJob>& older : m_pushQueue)
    finishPush(older, PushResult::Superseded,
               QStringLiteral("A newer push (%1) for this board arrived first.").arg(job->push.push));
  m_pushQueue.clear();
  m_pushQueue.push_back(job);
  m_waitingPublished = false;
  if (m_activePush) {
    fleet::PushProgress p{job->push.push, m_id, PushState::Queued, 0,
                          static_cast<quint32>(job->push.model.size()), fleet::nowMs()};
    m_host.publishLive(m_host.topicOf(TopicKind::PushProgress, m_id), fleet::encode(p));
  }
  tryStartPush();
}

void BoardBridge::tryStartPush() {
  if (m_activePush || m_pushQueue.empty()) return;
  const std::shared_ptr<PushJob>& next = m_pushQueue.front();
  if (!connected()) {
    if (!m_waitingPublished) {
      fleet::PushProgress p{next->push.push, m_id, PushState::Waiting, 0,
                            static_cast<quint32>(next->push.model.size()), fleet::nowMs()};
      m_host.publishLive(m_host.topicOf(TopicKind::PushProgress, m_id), fleet::encode(p));
      m_waitingPublished = true;
    }
    return;
  }
  m_activePush = next;
  m_pushQueue.pop_front();
  if (m_info.hasModel() && m_info.modelCrc == m_activePush->push.modelCrc) {
    finishPush(m_activePush, PushResult::Verified,
               QStringLiteral("Already active (the board reports %1).").arg(crcText(m_info.modelCrc)));
    return;
  }
  qCInfo(lcGateway).noquote() << m_id << "push" << m_activePush->push.push << "starts,"
                              << m_activePush->push.model.size() << "bytes";
  m_pushPhase = PushPhase::Sending;
  m_progressClock.invalidate();
  m_link->pushModel(m_activePush->push.model);
}

void BoardBridge::onPushProgress(qint64 sent, qint64 total) {
  if (!m_activePush || m_pushPhase != PushPhase::Sending) return;
  if (m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs && sent != 0)
    return;
  m_progressClock.start();
  publishProgress(PushState::Sending, sent, total);
}

void BoardBridge::publishProgress(PushState state, qint64 sent, qint64 total) {
  fleet::PushProgress p{m_activePush->push.push, m_id, state, static_cast<quint32>(sent),
                        static_cast<quint32>(total), fleet::nowMs()};
  m_host.publishLive(m_host.topicOf(TopicKind::PushProgress, m_id), fleet::encode(p));
}

void BoardBridge::onPushFinished(bool ok, const QString& message) {
  if (!m_activePush || m_pushPhase != PushPhase::Sending) return;
  const qint64 total = m_activePush->push.model.size();
  if (ok) {
    // Activated by the board; now hear it say so.
    m_pushPhase = PushPhase::Verifying;
    publishProgress(PushState::Verifying, total, total);
    m_link->requestStatus();
    track(Origin::Verify, link::CommandKind::RequestStatus);
    return;
  }
  if (m_link->state() != link::LinkState::Connected) {
    // Refused only because the link went away: wait for it, then push again (the board
    // resumes from the bytes it holds).
    m_pushQueue.push_front(m_activePush);
    m_activePush.reset();
    m_pushPhase = PushPhase::None;
    tryStartPush();
    return;
  }
  finishPush(m_activePush, PushResult::Failed,
             message + QStringLiteral(" The board keeps model %1.").arg(crcText(m_info.modelCrc)));
}

void BoardBridge::verifyPush(const link::BoardStatus& status) {
  if (!m_activePush) return;
  const quint32 wanted = m_activePush->push.modelCrc;
  if (status.modelCrc == wanted && status.modelBytes != 0) {
    finishPush(m_activePush, PushResult::Verified,
               QStringLiteral("Verified: the board runs %1.").arg(crcText(wanted)));
  } else {
    finishPush(m_activePush, PushResult::Failed,
               QStringLiteral("The board acknowledged the model but reports %1, not %2.")
                   .arg(crcText(status.modelCrc), crcText(wanted)));
  }
}

void BoardBridge::afterReconnect() {
  if (m_activePush && m_pushPhase == PushPhase::Verifying) {
    // The verification was cut by a lost link: the handshake says what the board runs.
    if (m_info.modelCrc == m_activePush->push.modelCrc && m_info.hasModel()) {
      finishPush(m_activePush, PushResult::Verified,
                 QStringLiteral("Verified after a reconnection: the board runs %1.")
                     .arg(crcText(m_info.modelCrc)));
    } else {
      m_pushQueue.push_front(m_activePush);
      m_activePush.reset();
      m_pushPhase = PushPhase::None;
    }
  }
  m_waitingPublished = false;
  tryStartPush();
}

void BoardBridge::finishPush(std::shared_ptr<PushJob> job, PushResult result,
                             const QString& message) {
  fleet::PushOutcome o;
  o.push = job->push.push;
  o.board = m_id;
  o.result = result;
  o.modelCrc = m_hasStatus && m_pushPhase == PushPhase::Verifying ? m_status.modelCrc : m_info.modelCrc;
  o.message = message;
  o.t = fleet::nowMs();
  o.durationMs = static_cast<quint32>(std::max(0.0, o.t - job->acceptedMs));
  qCInfo(lcGateway).noquote() << m_id << "push" << o.push << fleet::pushResultName(result) << "-"
                              << message;
  m_host.publishReliable(m_host.topicOf(TopicKind::PushOutcome, m_id), fleet::encode(o), true,
                         false);
  const bool wasActive = job == m_activePush;
  if (wasActive) {
    m_activePush.reset();
    m_pushPhase = PushPhase::None;
  }
  m_host.boardDone(job->push.push, m_id);
  if (wasActive) tryStartPush();
}

} // namespace gateway
} // namespace dlm
