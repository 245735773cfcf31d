#pragma once

// The undoable user edits of a Session. Each command stores what it needs to undo itself;
// all of them go through Session's primitive edits, which emit the fine-grained signals.

#include <QUndoCommand>
#include <QVector>

#include <vector>

#include "app/session/session_event.h"

namespace dlm::app {

class Session;

/// \brief Tag one or several events (with a class, kOutlier or kUntagged).
class TagCommand : public QUndoCommand {
public:
  TagCommand(Session* session, QVector<int> ids, QVector<int> oldTags, int newTag);
  void undo() override;
  void redo() override;

private:
  Session* m_session;
  QVector<int> m_ids;
  QVector<int> m_oldTags;
  QVector<int> m_newTags;
};

/// \brief Delete events; undo puts them back with everything they carried.
class DiscardCommand : public QUndoCommand {
public:
  DiscardCommand(Session* session, QVector<int> ids);
  void undo() override;
  void redo() override;

private:
  Session* m_session;
  QVector<int> m_ids;
  std::vector<SessionEvent> m_taken;
};

/// \brief Append a class; undo removes it again (no event can carry it by then).
class CreateClassCommand : public QUndoCommand {
public:
  CreateClassCommand(Session* session, ClassInfo info);
  void undo() override;
  void redo() override;

private:
  Session* m_session;
  ClassInfo m_info;
};

/// \brief Rename or recolour a class.
class ClassInfoCommand : public QUndoCommand {
public:
  ClassInfoCommand(Session* session, int index, ClassInfo oldInfo, ClassInfo newInfo,
                   const QString& text);
  void undo() override;
  void redo() override;

private:
  Session* m_session;
  int m_index;
  ClassInfo m_old;
  ClassInfo m_new;
};

} // namespace dlm::app
