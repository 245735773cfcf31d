#pragma once

#include <QObject>
#include <QStringList>
#include <QVector>

#include "app/session/session_event.h"
#include "core/network.h"

class QUndoStack;

namespace dlm::app {

/// \brief The studio's session: the detected events and the classes they are tagged with.
///
/// Owned by the GUI thread. Events are plain values in one vector sorted by id (no QObject per
/// event), so a session holds 100 000 events in a few hundred bytes each plus their raw
/// windows. Data arriving from a board or an import is added directly; every user edit (tag,
/// outlier, discard, class create/rename/recolour) goes through undoStack() as an undoable
/// command. Signals are fine-grained so that the table model, the journal and the learning
/// service each update only what changed.
class Session : public QObject {
  Q_OBJECT

public:
  /// \brief Which parts of an event changed (eventsChanged()).
  enum EventField {
    TagField = 0x1,
    LearnedField = 0x2,
    BoardPredictionField = 0x4,
    StudioPredictionField = 0x8,
  };
  Q_DECLARE_FLAGS(EventFields, EventField)
  Q_FLAG(EventFields)

  /// \brief Most classes a session holds: the network's (dlm::kMaxClasses).
  static constexpr int kMaxClasses = dlm::kMaxClasses;

  /// \brief An empty session with a fresh identity.
  explicit Session(QObject* parent = nullptr);
  ~Session() override;

  /// \brief The stack every user edit goes through (undo/redo actions, clean state).
  QUndoStack* undoStack() const { return m_undo; }
  /// \brief True when something is not in the saved project: an edit (the undo stack is not
  /// clean) or an event that arrived from a board or an import since the last save.
  bool hasUnsavedChanges() const;
  /// \brief The session was just saved: the undo stack is clean and no event is pending.
  void markSaved();
  /// \brief Identity of the session, kept across saves, autosaves and recovery.
  QUuid sessionId() const { return m_state.sessionId; }
  /// \brief The whole session as data (for saving).
  const SessionState& state() const { return m_state; }

  int eventCount() const { return static_cast<int>(m_state.events.size()); }
  /// \brief Event at \p row (0 <= row < eventCount()); O(1).
  const SessionEvent& eventAt(int row) const { return m_state.events[std::size_t(row)]; }
  /// \brief Row of event \p id, or -1; O(log n).
  int rowOf(int id) const { return m_state.rowOf(id); }
  /// \brief Event \p id, or null.
  const SessionEvent* event(int id) const;

  int classCount() const { return static_cast<int>(m_state.classes.size()); }
  const ClassInfo& classAt(int index) const { return m_state.classes[index]; }
  const QVector<ClassInfo>& classes() const { return m_state.classes; }
  QStringList classNames() const;
  /// \brief Display name of a tag value: the class name, "Unknown" for outliers, "" untagged.
  QString tagName(int tag) const;

  // Data arriving (not user edits, not undoable).
  /// \brief Append an event; its id is assigned here (monotonic). Returns the id.
  int addEvent(SessionEvent event);
  /// \brief Append several events at once (one row insertion). Returns their ids.
  QVector<int> addEvents(QVector<SessionEvent> events);
  /// \brief Set the studio's predictions; ids need not be sorted. Unknown ids are skipped.
  void setStudioPredictions(const QVector<int>& ids, const QVector<PredictionInfo>& predictions);
  /// \brief Set the board's prediction of one event (e.g. after the board relearned).
  void setBoardPrediction(int id, const PredictionInfo& prediction);
  /// \brief Mark \p ids learned; with \p replaceAll every other event becomes not learned.
  void setLearned(const QVector<int>& ids, bool replaceAll);
  /// \brief Replace everything (open, recover); clears the undo stack.
  void replaceState(SessionState state);
  /// \brief Start an empty session with a new identity; clears the undo stack.
  void clear();

  // User edits (undoable). Each returns false, and pushes nothing, when it would change nothing
  // or is invalid (unknown id, unknown class).
  bool tag(int id, int tag);
  bool tagEvents(const QVector<int>& ids, int tag);
  bool markOutlier(int id);
  bool discard(int id);
  bool discardEvents(const QVector<int>& ids);
  /// \brief Create a class (name defaults to "Class N", colour to the palette). Returns its
  /// index, or -1 if the name is invalid (see classNameProblem()) or kMaxClasses is reached.
  int createClass(const QString& name = QString(), const QColor& colour = QColor());
  bool renameClass(int index, const QString& name);
  bool recolourClass(int index, const QColor& colour);
  /// \brief Why \p name cannot name a class (empty, too long, taken), or an empty string.
  QString classNameProblem(const QString& name, int exceptIndex = -1) const;

signals:
  void eventsAboutToBeInserted(int firstRow, int lastRow);
  void eventsInserted(int firstRow, int lastRow);
  void eventAboutToBeRemoved(int row);
  void eventRemoved(int row, int id);
  void eventsChanged(int firstRow, int lastRow, dlm::app::Session::EventFields fields);
  /// \brief Tags changed by a user edit, its undo or its redo (one signal per command step).
  void tagsChanged(const QVector<dlm::app::TagChange>& changes);
  void classAdded(int index);
  void classAboutToBeRemoved(int index);
  void classRemoved(int index);
  void classChanged(int index);
  void aboutToReset();
  void resetDone();

private:
  friend class TagCommand;
  friend class DiscardCommand;
  friend class CreateClassCommand;
  friend class ClassInfoCommand;

  // Primitive edits, applied by the undo commands (redo and undo).
  void applyTags(const QVector<int>& ids, const QVector<int>& tags);
  SessionEvent takeEvent(int id);
  void restoreEvent(SessionEvent event);
  void appendClass(const ClassInfo& info);
  void removeLastClass();
  void setClassInfo(int index, const ClassInfo& info);

  void emitRange(int first, int last, EventFields fields);

  SessionState m_state;
  int m_arrivedSinceSave = 0; ///< events added since the last save (they are not edits)
  QUndoStack* m_undo = nullptr;
};

} // namespace dlm::app

Q_DECLARE_OPERATORS_FOR_FLAGS(dlm::app::Session::EventFields)
