#include "app/session/session.h"

#include <QSet>
#include <QUndoStack>

#include <algorithm>
#include <limits>

#include "app/session/app_logging.h"
#include "app/views/class_palette.h"
#include "app/session/session_commands.h"
#include "core/model_format.h"

namespace dlm::app {

Session::Session(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {
  m_state.sessionId = QUuid::createUuid();
}

Session::~Session() = default;

const SessionEvent* Session::event(int id) const {
  const int row = m_state.rowOf(id);
  return row < 0 ? nullptr : &m_state.events[std::size_t(row)];
}

QStringList Session::classNames() const {
  QStringList names;
  names.reserve(m_state.classes.size());
  for (const ClassInfo& c : m_state.classes) names << c.name;
  return names;
}

QString Session::tagName(int tag) const {
  if (tag >= 0 && tag < classCount()) return m_state.classes[tag].name;
  if (tag == kOutlier) return tr("Unknown");
  return QString();
}

void Session::emitRange(int first, int last, EventFields fields) {
  if (first <= last) emit eventsChanged(first, last, fields);
}

// ---- data arriving -------------------------------------------------------------------------

int Session::addEvent(SessionEvent event) {
  const QVector<int> ids = addEvents(QVector<SessionEvent>{std::move(event)});
  return ids.isEmpty() ? -1 : ids.first();
}

QVector<int> Session::addEvents(QVector<SessionEvent> events) {
  QVector<int> ids;
  if (events.isEmpty()) return ids;
  ids.reserve(events.size());
  const int first = eventCount();
  const int last = first + int(events.size()) - 1;
  emit eventsAboutToBeInserted(first, last);
  m_state.events.reserve(m_state.events.size() + std::size_t(events.size()));
  for (SessionEvent& e : events) {
    e.id = m_state.nextEventId++;
    if (!m_state.validTag(e.tag)) e.tag = kUntagged;
    e.learned = false;  // only the studio's learner says what its network learned
    if (!e.raw.isEmpty() && qsizetype(e.frames) * e.channels != e.raw.size()) {
      qCWarning(lcApp) << "event" << e.id << "raw window size does not match its frames; dropped";
      e.raw.clear();
    }
    // Exact size: the raw windows are most of a session's memory. (squeeze() would copy a
    // window shared with the caller, so only over-allocated ones are squeezed.)
    if (e.raw.capacity() > e.raw.size()) e.raw.squeeze();
    if (e.descriptor.capacity() > e.descriptor.size()) e.descriptor.squeeze();
    ids << e.id;
    m_state.events.push_back(std::move(e));
  }
  m_arrivedSinceSave += int(events.size());
  emit eventsInserted(first, last);
  return ids;
}

void Session::setStudioPredictions(const QVector<int>& ids,
                                   const QVector<PredictionInfo>& predictions) {
  const int n = std::min(int(ids.size()), int(predictions.size()));
  int first = std::numeric_limits<int>::max();
  int last = -1;
  int row = 0;
  for (int i = 0; i < n; ++i) {
    // The worker sends ids in increasing order: walk forward, fall back to a search.
    const int id = ids[i];
    while (row < eventCount() && eventAt(row).id < id) ++row;
    int at = row < eventCount() && eventAt(row).id == id ? row : m_state.rowOf(id);
    if (at < 0) continue;
    m_state.events[std::size_t(at)].studio = predictions[i];
    first = std::min(first, at);
    last = std::max(last, at);
  }
  emitRange(first, last, StudioPredictionField);
}

void Session::setBoardPrediction(int id, const PredictionInfo& prediction) {
  const int row = rowOf(id);
  if (row < 0) return;
  m_state.events[std::size_t(row)].board = prediction;
  emitRange(row, row, BoardPredictionField);
}

void Session::setLearned(const QVector<int>& ids, bool replaceAll) {
  int first = std::numeric_limits<int>::max();
  int last = -1;
  auto set = [&](int row, bool value) {
    SessionEvent& e = m_state.events[std::size_t(row)];
    if (e.learned == value) return;
    e.learned = value;
    first = std::min(first, row);
    last = std::max(last, row);
  };
  if (replaceAll) {
    QVector<int> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    for (int row = 0; row < eventCount(); ++row) {
      set(row, std::binary_search(sorted.begin(), sorted.end(), eventAt(row).id));
    }
  } else {
    for (int id : ids) {
      const int row = rowOf(id);
      if (row >= 0) set(row, true);
    }
  }
  emitRange(first, last, LearnedField);
}

void Session::replaceState(SessionState state) {
  emit aboutToReset();
  m_undo->clear();
  m_arrivedSinceSave = 0;
  m_state = std::move(state);
  if (m_state.sessionId.isNull()) m_state.sessionId = QUuid::createUuid();
  int next = m_state.nextEventId;
  if (!m_state.events.empty()) next = std::max(next, m_state.events.back().id + 1);
  m_state.nextEventId = std::max(next, 1);
  emit resetDone();
}

void Session::clear() { replaceState(SessionState()); }

bool Session::hasUnsavedChanges() const { return !m_undo->isClean() || m_arrivedSinceSave > 0; }

void Session::markSaved() {
  m_arrivedSinceSave = 0;
  m_undo->setClean();
}

// ---- user edits ----------------------------------------------------------------------------

bool Session::tag(int id, int tagValue) { return tagEvents(QVector<int>{id}, tagValue); }

bool Session::markOutlier(int id) { return tag(id, kOutlier); }

bool Session::tagEvents(const QVector<int>& ids, int tagValue) {
  if (!m_state.validTag(tagValue)) return false;
  QVector<int> changed;
  QVector<int> oldTags;
  QSet<int> seen;
  seen.reserve(ids.size());
  for (int id : ids) {
    const SessionEvent* e = event(id);
    if (e == nullptr || e->tag == tagValue || seen.contains(id)) continue;
    seen.insert(id);
    changed << id;
    oldTags << e->tag;
  }
  if (changed.isEmpty()) return false;
  m_undo->push(new TagCommand(this, changed, oldTags, tagValue));
  return true;
}

bool Session::discard(int id) { return discardEvents(QVector<int>{id}); }

bool Session::discardEvents(const QVector<int>& ids) {
  QVector<int> existing;
  QSet<int> seen;
  for (int id : ids) {
    if (rowOf(id) < 0 || seen.contains(id)) continue;
    seen.insert(id);
    existing << id;
  }
  if (existing.isEmpty()) return false;
  m_undo->push(new DiscardCommand(this, existing));
  return true;
}

QString Session::classNameProblem(const QString& name, int exceptIndex) const {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return tr("A class needs a name.");
  if (trimmed.toUtf8().size() > kClassNameBytes) {
    return tr("“%1” is too long: class names are limited to %2 bytes, as stored in a model.")
        .arg(trimmed)
        .arg(kClassNameBytes);
  }
  for (int i = 0; i < classCount(); ++i) {
    if (i != exceptIndex && m_state.classes[i].name.compare(trimmed, Qt::CaseInsensitive) == 0) {
      return tr("A class called “%1” already exists.").arg(m_state.classes[i].name);
    }
  }
  return QString();
}

int Session::createClass(const QString& name, const QColor& colour) {
  if (classCount() >= kMaxClasses) return -1;
  ClassInfo info;
  info.name = name.trimmed();
  if (info.name.isEmpty()) {
    // The first free "Class N": a default that never collides with the user's names.
    for (int n = classCount() + 1; info.name.isEmpty() || !classNameProblem(info.name).isEmpty();
         ++n) {
      info.name = tr("Class %1").arg(n);
    }
  }
  if (!classNameProblem(info.name).isEmpty()) return -1;
  info.colour = colour.isValid() ? colour : paletteColour(classCount());
  m_undo->push(new CreateClassCommand(this, info));
  return classCount() - 1;
}

bool Session::renameClass(int index, const QString& name) {
  if (index < 0 || index >= classCount()) return false;
  const QString trimmed = name.trimmed();
  if (trimmed == classAt(index).name || !classNameProblem(trimmed, index).isEmpty()) return false;
  ClassInfo info = classAt(index);
  info.name = trimmed;
  m_undo->push(new ClassInfoCommand(this, index, classAt(index), info,
                                    tr("Rename class %1 to %2").arg(classAt(index).name, trimmed)));
  return true;
}

bool Session::recolourClass(int index, const QColor& colour) {
  if (index < 0 || index >= classCount() || !colour.isValid() || colour == classAt(index).colour) {
    return false;
  }
  ClassInfo info = classAt(index);
  info.colour = colour;
  m_undo->push(new ClassInfoCommand(this, index, classAt(index), info,
                                    tr("Change the colour of %1").arg(info.name)));
  return true;
}

// ---- primitive edits (undo commands) ------------------------------------------------------

void Session::applyTags(const QVector<int>& ids, const QVector<int>& tags) {
  QVector<TagChange> changes;
  int first = std::numeric_limits<int>::max();
  int last = -1;
  for (int i = 0; i < ids.size(); ++i) {
    const int row = rowOf(ids[i]);
    if (row < 0) continue;
    const int old = eventAt(row).tag;
    if (old == tags[i]) continue;
    m_state.setTag(row, tags[i]);
    changes << TagChange{ids[i], old, tags[i]};
    first = std::min(first, row);
    last = std::max(last, row);
  }
  if (changes.isEmpty()) return;
  emitRange(first, last, TagField | LearnedField);
  emit tagsChanged(changes);
}

SessionEvent Session::takeEvent(int id) {
  const int row = rowOf(id);
  Q_ASSERT(row >= 0);
  emit eventAboutToBeRemoved(row);
  SessionEvent taken = std::move(m_state.events[std::size_t(row)]);
  m_state.events.erase(m_state.events.begin() + row);
  emit eventRemoved(row, id);
  return taken;
}

void Session::restoreEvent(SessionEvent event) {
  // The network was rebuilt without it meanwhile: it has to be learned again.
  event.learned = false;
  const int row = m_state.insertionRow(event.id);
  emit eventsAboutToBeInserted(row, row);
  m_state.insert(std::move(event));
  emit eventsInserted(row, row);
}

void Session::appendClass(const ClassInfo& info) {
  m_state.classes.append(info);
  emit classAdded(classCount() - 1);
}

void Session::removeLastClass() {
  const int index = classCount() - 1;
  Q_ASSERT(index >= 0);
  emit classAboutToBeRemoved(index);
  m_state.classes.removeLast();
  emit classRemoved(index);
}

void Session::setClassInfo(int index, const ClassInfo& info) {
  m_state.classes[index] = info;
  emit classChanged(index);
}

} // namespace dlm::app
