#include "app/session/session_commands.h"

#include "app/session/session.h"

namespace dlm::app {

TagCommand::TagCommand(Session* session, QVector<int> ids, QVector<int> oldTags, int newTag)
    : m_session(session), m_ids(std::move(ids)), m_oldTags(std::move(oldTags)),
      m_newTags(m_ids.size(), newTag) {
  const QString what = session->tagName(newTag);
  if (newTag == kUntagged) {
    setText(Session::tr("Untag %n event(s)", "", int(m_ids.size())));
  } else {
    setText(Session::tr("Tag %n event(s) as %1", "", int(m_ids.size())).arg(what));
  }
}

void TagCommand::redo() { m_session->applyTags(m_ids, m_newTags); }

void TagCommand::undo() { m_session->applyTags(m_ids, m_oldTags); }

DiscardCommand::DiscardCommand(Session* session, QVector<int> ids)
    : m_session(session), m_ids(std::move(ids)) {
  setText(Session::tr("Discard %n event(s)", "", int(m_ids.size())));
}

void DiscardCommand::redo() {
  m_taken.clear();
  m_taken.reserve(std::size_t(m_ids.size()));
  for (int id : m_ids) m_taken.push_back(m_session->takeEvent(id));
}

void DiscardCommand::undo() {
  // Reverse order is not needed for correctness (rows follow ids), but it mirrors redo.
  for (auto it = m_taken.rbegin(); it != m_taken.rend(); ++it) m_session->restoreEvent(*it);
  m_taken.clear();
}

CreateClassCommand::CreateClassCommand(Session* session, ClassInfo info)
    : m_session(session), m_info(std::move(info)) {
  setText(Session::tr("Create class %1").arg(m_info.name));
}

void CreateClassCommand::redo() { m_session->appendClass(m_info); }

void CreateClassCommand::undo() { m_session->removeLastClass(); }

ClassInfoCommand::ClassInfoCommand(Session* session, int index, ClassInfo oldInfo,
                                   ClassInfo newInfo, const QString& text)
    : m_session(session), m_index(index), m_old(std::move(oldInfo)), m_new(std::move(newInfo)) {
  setText(text);
}

void ClassInfoCommand::redo() { m_session->setClassInfo(m_index, m_new); }

void ClassInfoCommand::undo() { m_session->setClassInfo(m_index, m_old); }

} // namespace dlm::app
