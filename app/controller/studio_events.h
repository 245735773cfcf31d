#pragma once

#include <QColor>
#include <QMetaType>
#include <QModelIndex>
#include <QObject>
#include <QString>
#include <QVector>

#include "app/views/event_table_layout.h"
#include "app/views/snapshots.h"

class QAbstractItemModel;

namespace dlm::app {

class EventTableModel;
class Session;

/// \brief One event as the events panel's detail view shows it.
struct EventDetail {
  int id = -1;               ///< -1: no such event
  int tag = kUntagged;       ///< class index, kUntagged or kOutlier
  QString tagName;           ///< the class name, "Unknown" for an outlier, empty untagged
  double durationMs = 0.0;
  int channels = 0;
  quint32 sampleRateHz = 0;
  QVector<qint16> raw;       ///< frames x channels interleaved; empty when not kept
  PredictionInfo board;      ///< what the board said when it detected it
  PredictionInfo studio;     ///< what the studio's current network says
  bool learned = false;      ///< the studio's network learned it with this tag
  /// The gesture the user asked for that caused it (translated), empty when none.
  QString requestedGesture;
  /// The tag confirmSuggestions() would give it: kOutlier, a class index, or kUntagged when
  /// the suggested class does not exist yet (it is created on confirmation) or there is none.
  int suggestedTag = kUntagged;
  /// The suggestion in words, e.g. "shake" or "Unknown"; empty when there is none.
  QString suggestedTagName;

  bool isValid() const { return id >= 0; }
};

/// \brief Where the undo stack stands: the Edit menu's texts and the title's "unsaved" mark.
struct UndoState {
  bool canUndo = false;
  bool canRedo = false;
  QString undoText;  ///< what Undo would undo, e.g. "Tag 3 events as shake"
  QString redoText;
  bool clean = true; ///< nothing edited or arrived since the project was opened or saved
};

/// \brief The studio's events and classes as the events panel sees them: a table model, the
/// classes, one event's detail, and the user's edits (tag, mark unknown, discard, classes,
/// undo and redo). Every edit is undoable and is reported by the session's signals to
/// whoever follows it (the learner, the journal, the board); this object only forwards.
///
/// Lives on the GUI thread; its signals carry plain values, so they may be queued.
class StudioEvents : public QObject {
  Q_OBJECT
public:
  /// \brief The events of \p session (not owned; it outlives this object).
  explicit StudioEvents(Session* session, QObject* parent = nullptr);
  ~StudioEvents() override;

  /// \brief The events table, one row per event (columns and roles: EventTableLayout).
  QAbstractItemModel* model() const;
  /// \brief Index in model() of event \p id (column 0), invalid when there is none.
  QModelIndex indexOf(int id) const;
  int eventCount() const;
  /// \brief Event \p id, or an invalid detail.
  EventDetail event(int id) const;

  QVector<ClassInfo> classes() const;
  int classCount() const;
  /// \brief Display name of a tag value: the class name, "Unknown" for outliers, "" untagged.
  QString tagName(int tag) const;
  /// \brief Why \p name cannot name a new class (empty, too long, taken), or an empty string.
  QString classNameProblem(const QString& name) const;

  UndoState undoState() const;

public slots:
  /// \brief Tag \p ids with \p tag (a class index, kUntagged or kOutlier). False when it
  /// changes nothing or is invalid.
  bool tagEvents(const QVector<int>& ids, int tag);
  /// \brief Give each of \p ids that is untagged and has a suggested tag (a gesture the user
  /// asked for) that tag: the class named after a known gesture, created if missing, or
  /// unknown / outlier for a never-seen gesture. One undoable step. Returns how many events
  /// were tagged (0: nothing to confirm, nothing pushed).
  int confirmSuggestions(const QVector<int>& ids);
  /// \brief Remove \p ids from the session (undoable).
  bool discardEvents(const QVector<int>& ids);
  /// \brief Create a class (default name "Class N", palette colour); its index, or -1.
  int createClass(const QString& name = QString());
  bool renameClass(int index, const QString& name);
  bool recolourClass(int index, const QColor& colour);
  void undo();
  void redo();

signals:
  /// \brief A class was added, renamed, recoloured or removed, or the session replaced.
  void classesChanged();
  /// \brief The tags of \p ids changed (an edit, its undo or its redo).
  void tagsEdited(const QVector<int>& ids);
  /// \brief The undo stack moved (after every edit, undo, redo, save or open).
  void undoStateChanged(const dlm::app::UndoState& state);

private:
  int classNamed(const QString& name) const;

  Session* m_session;
  EventTableModel* m_model;
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::EventDetail)
Q_DECLARE_METATYPE(dlm::app::UndoState)
