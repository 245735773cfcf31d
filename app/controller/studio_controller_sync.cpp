// StudioController: board and studio agree. Tags reach the board as labels, untags and
// discards as forgets; what the board cannot follow (it cannot unlearn) marks its model stale
// until the studio's model is pushed or the two identities meet again.
#include "app/controller/studio_controller.h"
#include "app/session/session.h"
#include "devices/link/board_link.h"

namespace dlm::app {

void StudioController::wireBoardSync() {
  connect(m_session.get(), &Session::tagsChanged, this, &StudioController::onTagsChanged);
  connect(m_session.get(), &Session::eventAboutToBeRemoved, this,
          &StudioController::onEventAboutToBeRemoved);
}

void StudioController::onTagsChanged(const QVector<TagChange>& changes) {
  // The board learns on-board with the same core: label the events it still remembers.
  if (!boardTakesCommands()) return;
  for (const TagChange& c : changes) {
    applyBoardAction(m_ledger.tagChanged(c.id, c.oldTag, c.newTag));
  }
}

void StudioController::onEventAboutToBeRemoved(int row) {
  if (!boardTakesCommands()) return;
  applyBoardAction(m_ledger.discarded(m_session->eventAt(row).id));
}

void StudioController::applyBoardAction(const BoardEventLedger::Action& action) {
  if (action.labelEvent != 0) labelOnBoard(action.labelEvent, action.labelClass);
  if (action.forgetEvent != 0) forgetOnBoard(action.forgetEvent);
  if (action.staleEvent < 0) return;
  const QString name = action.staleClass < m_session->classCount()
                           ? m_session->tagName(action.staleClass)
                           : tr("class %1").arg(action.staleClass + 1);
  //: %1: an event number; %2: a class name.
  setStale(tr("The board's model still holds event #%1 as “%2”: a board cannot unlearn. Push "
              "the studio's model to bring the board in step.")
               .arg(action.staleEvent)
               .arg(name));
}

void StudioController::setStale(const QString& reason) {
  if (reason == m_staleReason) return;
  m_staleReason = reason;
  emit boardModelStale(reason);
  if (!reason.isEmpty()) emit statusMessage(reason);
}

QHash<int, int> StudioController::studioLearned() const {
  QHash<int, int> learned;
  for (const SessionEvent& e : m_session->state().events) {
    if (e.learned && e.hasClass()) learned.insert(e.id, e.tag);
  }
  return learned;
}

} // namespace dlm::app
