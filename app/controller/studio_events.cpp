#include "app/controller/studio_events.h"

#include <QMap>
#include <QUndoStack>

#include "app/session/event_table_model.h"
#include "app/session/session.h"

namespace dlm::app {

StudioEvents::StudioEvents(Session* session, QObject* parent)
    : QObject(parent), m_session(session), m_model(new EventTableModel(session, this)) {
  qRegisterMetaType<EventDetail>();
  qRegisterMetaType<UndoState>();
  connect(session, &Session::classAdded, this, &StudioEvents::classesChanged);
  connect(session, &Session::classChanged, this, &StudioEvents::classesChanged);
  connect(session, &Session::classRemoved, this, &StudioEvents::classesChanged);
  connect(session, &Session::resetDone, this, &StudioEvents::classesChanged);
  connect(session, &Session::tagsChanged, this, [this](const QVector<TagChange>& changes) {
    QVector<int> ids;
    ids.reserve(changes.size());
    for (const TagChange& c : changes) ids.append(c.id);
    emit tagsEdited(ids);
  });
  // One state for the Edit menu and the title, whatever part of the stack moved.
  QUndoStack* stack = session->undoStack();
  const auto report = [this] { emit undoStateChanged(undoState()); };
  connect(stack, &QUndoStack::indexChanged, this, report);
  connect(stack, &QUndoStack::cleanChanged, this, report);
  connect(stack, &QUndoStack::canUndoChanged, this, report);
  connect(stack, &QUndoStack::canRedoChanged, this, report);
}

StudioEvents::~StudioEvents() = default;

QAbstractItemModel* StudioEvents::model() const { return m_model; }

QModelIndex StudioEvents::indexOf(int id) const {
  const int row = m_session->rowOf(id);
  return row < 0 ? QModelIndex() : m_model->index(row, 0);
}

int StudioEvents::eventCount() const { return m_session->eventCount(); }

EventDetail StudioEvents::event(int id) const {
  EventDetail d;
  const SessionEvent* e = m_session->event(id);
  if (e == nullptr) return d;
  d.id = e->id;
  d.tag = e->tag;
  d.tagName = m_session->tagName(e->tag);
  d.durationMs = e->durationMs();
  d.channels = e->channels;
  d.sampleRateHz = e->sampleRateHz;
  d.raw = e->raw;
  d.board = e->board;
  d.studio = e->studio;
  d.learned = e->learned;
  d.requestedGesture = e->suggestion.gesture;
  if (!e->suggestion.isEmpty()) {
    d.suggestedTag = e->suggestion.outlier ? kOutlier : classNamed(e->suggestion.gesture);
    d.suggestedTagName =
        e->suggestion.outlier ? m_session->tagName(kOutlier) : e->suggestion.gesture;
  }
  return d;
}

int StudioEvents::classNamed(const QString& name) const {
  // Case-insensitive, as classNameProblem() treats names: "Shake" is the shake class.
  for (int i = 0; i < m_session->classCount(); ++i) {
    if (m_session->classAt(i).name.compare(name, Qt::CaseInsensitive) == 0) return i;
  }
  return kUntagged;
}

int StudioEvents::confirmSuggestions(const QVector<int>& ids) {
  // Plan first, so that nothing is pushed when there is nothing to confirm.
  QVector<int> outliers;
  QMap<QString, QVector<int>> byClass;  // suggested class name -> events
  for (int id : ids) {
    const SessionEvent* e = m_session->event(id);
    // An event the user already tagged keeps the user's tag: the suggestion is only a hint.
    if (e == nullptr || e->suggestion.isEmpty() || e->tag != kUntagged) continue;
    if (e->suggestion.outlier) {
      outliers.append(id);
    } else {
      byClass[e->suggestion.gesture].append(id);
    }
  }
  if (outliers.isEmpty() && byClass.isEmpty()) return 0;
  int count = int(outliers.size());
  for (const QVector<int>& v : byClass) count += int(v.size());
  QUndoStack* stack = m_session->undoStack();
  stack->beginMacro(tr("Confirm the suggested tag of %n event(s)", "", count));
  int tagged = 0;
  if (!outliers.isEmpty() && m_session->tagEvents(outliers, kOutlier))
    tagged += int(outliers.size());
  for (auto it = byClass.cbegin(); it != byClass.cend(); ++it) {
    int index = classNamed(it.key());
    if (index == kUntagged) index = m_session->createClass(it.key());
    if (index >= 0 && m_session->tagEvents(it.value(), index)) tagged += int(it.value().size());
  }
  stack->endMacro();
  return tagged;
}

QVector<ClassInfo> StudioEvents::classes() const { return m_session->classes(); }

int StudioEvents::classCount() const { return m_session->classCount(); }

QString StudioEvents::tagName(int tag) const { return m_session->tagName(tag); }

QString StudioEvents::classNameProblem(const QString& name) const {
  return m_session->classNameProblem(name);
}

UndoState StudioEvents::undoState() const {
  const QUndoStack* stack = m_session->undoStack();
  UndoState s;
  s.canUndo = stack->canUndo();
  s.canRedo = stack->canRedo();
  s.undoText = stack->undoText();
  s.redoText = stack->redoText();
  s.clean = !m_session->hasUnsavedChanges(); // arrived events count too: Quit must ask
  return s;
}

bool StudioEvents::tagEvents(const QVector<int>& ids, int tag) {
  return m_session->tagEvents(ids, tag);
}

bool StudioEvents::discardEvents(const QVector<int>& ids) {
  return m_session->discardEvents(ids);
}

int StudioEvents::createClass(const QString& name) { return m_session->createClass(name); }

bool StudioEvents::renameClass(int index, const QString& name) {
  return m_session->renameClass(index, name);
}

bool StudioEvents::recolourClass(int index, const QColor& colour) {
  return m_session->recolourClass(index, colour);
}

void StudioEvents::undo() { m_session->undoStack()->undo(); }

void StudioEvents::redo() { m_session->undoStack()->redo(); }

} // namespace dlm::app
