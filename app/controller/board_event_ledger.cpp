#include "app/controller/board_event_ledger.h"

namespace dlm::app {

void BoardEventLedger::clear() {
  m_boardIds.clear();
  m_sessionIds.clear();
  m_held.clear();
}

void BoardEventLedger::addEvent(int sessionId, quint32 boardId) {
  m_boardIds.insert(sessionId, boardId);
  m_sessionIds.insert(boardId, sessionId);
}

int BoardEventLedger::sessionId(quint32 boardId) const { return m_sessionIds.value(boardId, -1); }

quint32 BoardEventLedger::boardId(int sessionId) const { return m_boardIds.value(sessionId, 0); }

void BoardEventLedger::learnedOnBoard(int sessionId, int classIndex) {
  if (classIndex >= 0) m_held.insert(sessionId, classIndex);
}

void BoardEventLedger::boardHolds(const QHash<int, int>& held) { m_held = held; }

BoardEventLedger::Action BoardEventLedger::forget(int sessionId) {
  Action a;
  const auto it = m_boardIds.find(sessionId);
  if (it != m_boardIds.end()) {
    // Forgotten, the board refuses to label it: a later tag (an undo) is not sent.
    a.forgetEvent = it.value();
    m_sessionIds.remove(it.value());
    m_boardIds.erase(it);
  }
  return a;
}

BoardEventLedger::Action BoardEventLedger::tagChanged(int sessionId, int oldTag, int newTag) {
  if (oldTag == newTag) return Action();
  const auto held = m_held.constFind(sessionId);
  const int heldClass = held == m_held.constEnd() ? -1 : held.value();
  Action a;
  if (newTag >= 0) {
    a.labelEvent = boardId(sessionId);
    a.labelClass = a.labelEvent != 0 ? newTag : -1;
  } else {
    a = forget(sessionId);  // untagged or unknown: the board has nothing to learn from it
  }
  // The board's model keeps the class it learned (even after a new label: it then holds
  // both), so only the studio's model can bring the two back in step.
  if (heldClass >= 0 && heldClass != newTag) {
    a.staleEvent = sessionId;
    a.staleClass = heldClass;
  }
  return a;
}

BoardEventLedger::Action BoardEventLedger::discarded(int sessionId) {
  Action a = forget(sessionId);
  const auto held = m_held.constFind(sessionId);
  if (held != m_held.constEnd()) {
    // Kept in m_held: an undo brings the event back, and the board's model never lost it.
    a.staleEvent = sessionId;
    a.staleClass = held.value();
  }
  return a;
}

} // namespace dlm::app
