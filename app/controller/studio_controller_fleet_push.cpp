// StudioController: what the studio asks of its board, on a cable (the BoardLink) or through
// the board's gateway (fleet commands, docs/fleet.md §3.12), and pushes of the studio's model
// to boards of the fleet with their per-board outcome.
#include <QLocale>

#include "app/controller/studio_controller.h"
#include "app/fleet/fleet_client.h"
#include "app/learning/learning_service.h"
#include "devices/link/board_link.h"

namespace dlm::app {

void StudioController::labelOnBoard(quint32 boardEvent, int classIndex) {
  if (!isFleetBoard()) {
    m_link->labelEvent(boardEvent, classIndex);
    return;
  }
  fleet::FleetCommand c;
  c.op = fleet::CommandOp::Label;
  c.eventId = boardEvent;
  c.classIndex = classIndex;
  sendFleetCommand(c);
}

void StudioController::forgetOnBoard(quint32 boardEvent) {
  if (!isFleetBoard()) {
    m_link->forgetEvent(boardEvent);
    return;
  }
  fleet::FleetCommand c;
  c.op = fleet::CommandOp::Forget;
  c.eventId = boardEvent;
  sendFleetCommand(c);
}

void StudioController::setBoardRejection(float share) {
  if (!isFleetBoard()) {
    m_link->setRejection(share);
    return;
  }
  fleet::FleetCommand c;
  c.op = fleet::CommandOp::SetRejection;
  c.share = share;
  sendFleetCommand(c);
}

void StudioController::setBoardTrigger(const TriggerView& t) {
  const link::TriggerConfig trigger{t.threshold, t.preTriggerFrames, t.holdOffFrames,
                                    t.minFrames, t.maxFrames};
  if (!isFleetBoard()) {
    m_link->setTrigger(trigger);
    return;
  }
  fleet::FleetCommand c;
  c.op = fleet::CommandOp::SetTrigger;
  c.trigger = trigger;
  sendFleetCommand(c);
  requestBoardStatus(); // the Status that follows moves the plot's threshold line
}

void StudioController::gestureOnBoard(int gesture) {
  if (!isFleetBoard()) {
    if (m_link->isConnected()) m_link->performGesture(gesture);
    return;
  }
  fleet::FleetCommand c;
  c.op = fleet::CommandOp::Gesture;
  c.gesture = gesture;
  sendFleetCommand(c);
}

bool StudioController::pushModelToFleet(const QStringList& keys, QString* error) {
  const QByteArray bytes = m_learning->modelBytes();
  const auto fail = [&](const QString& why) {
    if (error != nullptr) *error = why;
    emit problem(why);
    return false;
  };
  if (bytes.isEmpty()) return fail(tr("There is no model to push yet: tag a few events first."));
  // Said here rather than by each board: nothing is sent to a board that cannot store it.
  QStringList targets;
  QStringList tooSmall;
  for (const QString& key : keys) {
    const FleetBoardRecord* r = m_fleet->table()->record(key);
    const quint32 capacity = r != nullptr ? r->info.modelCapacity : 0; // 0: it did not say
    if (capacity != 0 && quint32(bytes.size()) > capacity) {
      tooSmall << (r != nullptr ? r->board : key);
    } else {
      targets << key;
    }
  }
  if (!tooSmall.isEmpty()) {
    //: %1: a size in bytes; %2: a list of board ids.
    emit problem(tr("The model is %1 bytes, more than %2 can store: they are left out and "
                    "keep their model.")
                     .arg(QLocale().toString(bytes.size()), tooSmall.join(QLatin1String(", "))));
  }
  if (targets.isEmpty()) return fail(tr("No selected board can take this model."));
  QString why;
  const QString push = m_fleet->pushModel(targets, bytes, &why);
  if (push.isEmpty()) return fail(why);
  if (targets.contains(m_fleetBoard)) {
    // The Board panel follows the opened board's push as it follows one on a cable.
    m_fleetPushId = push;
    m_pushing = studioLearned(); // what the board holds once it runs these bytes
  }
  emit statusMessage(tr("Pushing the model (%1 bytes) to %n board(s) through their gateways…",
                        "", int(targets.size()))
                         .arg(QLocale().toString(bytes.size())));
  return true;
}

void StudioController::onFleetOutcome(const QString& key, const fleet::PushOutcome& outcome) {
  if (key != m_fleetBoard || outcome.push != m_fleetPushId) return;
  m_fleetPushId.clear();
  // The table has judged it: verified only when the board reports the pushed model.
  const FleetBoardRecord* r = m_fleet->table()->record(key);
  const bool ok = r != nullptr && r->push == FleetPushPhase::Verified;
  if (ok) {
    m_ledger.boardHolds(m_pushing);
    setStale(QString());
    onBoardModel(outcome.modelCrc);
    requestBoardStatus(); // the activated model brings its own threshold
  }
  m_pushing.clear();
  // The Board panel says pushed and verified, or failed and kept: add what the gateway saw.
  const QString hash =
      QStringLiteral("%1").arg(outcome.modelCrc, 8, 16, QLatin1Char('0')).toUpper();
  emit pushFinished(ok, ok ? tr("Its gateway saw it report model %1.").arg(hash)
                           : (r != nullptr ? r->pushMessage : outcome.message));
}

void StudioController::onFleetPushSummary(const FleetPushSummary& summary) {
  emit fleetPushChanged(summary);
  if (!summary.finished() || summary.targets == 0 || summary.push == m_fleetPushReported) return;
  m_fleetPushReported = summary.push;
  //: %1: how many boards verified the model, out of %n.
  QString message = tr("The model is verified and active on %1 of %n board(s).", "",
                       summary.targets)
                        .arg(summary.verified);
  if (summary.failed > 0) {
    message += QLatin1Char(' ') + tr("%n board(s) did not take it and keep their previous "
                                     "model (see the Push column).",
                                     "", summary.failed);
  }
  emit statusMessage(message);
}

} // namespace dlm::app
