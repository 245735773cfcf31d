#include "app/persistence/recovery_manager.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include "app/session/app_logging.h"
#include "app/session/session.h"

namespace dlm::app {

namespace {

const QString kJournalSuffix = QStringLiteral(".journal");
const QString kSnapshotSuffix = QStringLiteral(".autosave");
const QString kUntitledPrefix = QStringLiteral("untitled-");

} // namespace

RecoveryManager::RecoveryManager(Session* session, QObject* parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this)) {
  m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/recovery");
  m_timer->setInterval(kSnapshotIntervalMs);
  connect(m_timer, &QTimer::timeout, this, [this] {
    if (m_editsSinceSnapshot > 0) startBackgroundSnapshot();
  });
  connectSession();
}

RecoveryManager::~RecoveryManager() {
  if (m_snapshotThread != nullptr) m_snapshotThread->wait();
  m_journal.close();
}

void RecoveryManager::setRecoveryDirectory(const QString& directory) { m_directory = directory; }

void RecoveryManager::setSnapshotPolicy(int intervalMs, int edits) {
  m_timer->setInterval(intervalMs);
  m_snapshotEdits = edits;
}

void RecoveryManager::connectSession() {
  Session* s = m_session;
  connect(s, &Session::eventsInserted, this, [this](int first, int last) {
    QVector<JournalRecord> records;
    for (int row = first; row <= last; ++row) {
      records << Journal::eventAdded(m_session->eventAt(row));
    }
    record(records);
  });
  connect(s, &Session::eventRemoved, this,
          [this](int, int id) { record({Journal::eventRemoved(id)}); });
  connect(s, &Session::tagsChanged, this, [this](const QVector<TagChange>& changes) {
    QVector<JournalRecord> records;
    for (const TagChange& c : changes) records << Journal::tagChanged(c.id, c.newTag);
    record(records);
  });
  connect(s, &Session::classAdded, this,
          [this](int i) { record({Journal::classAdded(i, m_session->classAt(i))}); });
  connect(s, &Session::classRemoved, this, [this](int i) { record({Journal::classRemoved(i)}); });
  connect(s, &Session::classChanged, this,
          [this](int i) { record({Journal::classChanged(i, m_session->classAt(i))}); });
  // A replaced session is another base: journaling resumes with start() or recover().
  connect(s, &Session::aboutToReset, this, &RecoveryManager::stopJournal);
}

ProjectExtras RecoveryManager::extrasNow() const {
  ProjectExtras extras = m_extras ? m_extras() : ProjectExtras();
  extras.journalSequence = m_sequence;
  return extras;
}

QString RecoveryManager::journalFor(const QString& projectPath) const {
  if (!projectPath.isEmpty()) return projectPath + kJournalSuffix;
  return m_directory + QLatin1Char('/') + kUntitledPrefix +
         m_session->sessionId().toString(QUuid::WithoutBraces) + kJournalSuffix;
}

QString RecoveryManager::snapshotFor(const QString& journalPath) const {
  QString base = journalPath;
  if (base.endsWith(kJournalSuffix)) base.chop(kJournalSuffix.size());
  return base + kSnapshotSuffix;
}

// ---- journaling ---------------------------------------------------------------------------

void RecoveryManager::record(const QVector<JournalRecord>& records) {
  if (!m_journal.isOpen() || records.isEmpty()) return;
  QVector<JournalRecord> numbered = records;
  for (JournalRecord& r : numbered) r.sequence = ++m_sequence;
  QString error;
  if (!m_journal.append(numbered, &error)) {
    emit problem(tr("Autosave failed: %1. Save the project to keep your work.").arg(error));
  }
  if (m_snapshotThread != nullptr) m_tail += numbered;
  m_editsSinceSnapshot += int(numbered.size());
  if (m_editsSinceSnapshot >= m_snapshotEdits) startBackgroundSnapshot();
}

bool RecoveryManager::restartJournal(const QString& basePath, quint64 baseSequence,
                                     QString* error) {
  JournalHeader header;
  header.sessionId = m_session->sessionId();
  header.basePath = basePath;
  header.baseSequence = baseSequence;
  header.projectPath = m_projectPath;
  header.created = QDateTime::currentDateTimeUtc();
  // Records appended after the base was captured (during a background snapshot) carry over.
  QVector<JournalRecord> carried;
  for (const JournalRecord& r : m_tail) {
    if (r.sequence > baseSequence) carried << r;
  }
  m_tail.clear();
  const QString path = journalFor(m_projectPath);
  QDir().mkpath(QFileInfo(path).absolutePath());
  if (!m_journal.create(path, header, carried, error)) return false;
  m_baseSequence = baseSequence;
  return true;
}

void RecoveryManager::stopJournal() {
  m_timer->stop();
  m_journal.close();
}

bool RecoveryManager::start(const QString& projectPath, quint64 baseSequence, QString* error) {
  stopJournal();
  m_projectPath = projectPath;
  m_sequence = baseSequence;
  m_editsSinceSnapshot = 0;
  m_tail.clear();
  bool ok = false;
  if (!projectPath.isEmpty()) {
    ok = restartJournal(projectPath, baseSequence, error);
  } else if (m_session->eventCount() == 0 && m_session->classCount() == 0) {
    ok = restartJournal(QString(), baseSequence, error);
  } else {
    ok = snapshotNow(error);
  }
  if (ok) m_timer->start();
  return ok;
}

bool RecoveryManager::snapshotNow(QString* error) {
  if (m_snapshotThread != nullptr) m_snapshotThread->wait();
  const QString journal = journalFor(m_projectPath);
  const QString path = snapshotFor(journal);
  QDir().mkpath(QFileInfo(path).absolutePath());
  const quint64 sequence = m_sequence;
  if (!Project::save(path, m_session->state(), extrasNow(), error)) return false;
  if (!restartJournal(path, sequence, error)) return false;
  m_editsSinceSnapshot = 0;
  emit snapshotWritten(path, sequence);
  return true;
}

void RecoveryManager::startBackgroundSnapshot() {
  if (m_snapshotThread != nullptr || !m_journal.isOpen()) return;
  // A copy of the state shares every raw window and descriptor (implicit sharing): cheap
  // here, and the GUI thread may go on editing while the copy is written.
  SessionState state = m_session->state();
  const ProjectExtras extras = extrasNow();
  const quint64 sequence = m_sequence;
  const QString path = snapshotFor(journalFor(m_projectPath));
  m_tail.clear();
  m_editsSinceSnapshot = 0;
  m_snapshotThread = QThread::create([this, state = std::move(state), extras, sequence, path] {
    QString error;
    const bool ok = Project::save(path, state, extras, &error);
    QMetaObject::invokeMethod(
        this, [this, sequence, ok, error] { finishBackgroundSnapshot(sequence, ok, error); },
        Qt::QueuedConnection);
  });
  connect(m_snapshotThread, &QThread::finished, m_snapshotThread, &QObject::deleteLater);
  m_snapshotThread->start(QThread::LowPriority);
}

void RecoveryManager::finishBackgroundSnapshot(quint64 sequence, bool ok, const QString& error) {
  m_snapshotThread = nullptr;
  // Superseded by a synchronous snapshot or a save meanwhile, or journaling stopped.
  if (sequence <= m_baseSequence || !m_journal.isOpen()) return;
  if (!ok) {
    m_tail.clear();  // the journal still holds every record since its base
    emit problem(tr("Autosave could not write a snapshot: %1").arg(error));
    return;
  }
  const QString path = snapshotFor(journalFor(m_projectPath));
  QString restartError;
  if (!restartJournal(path, sequence, &restartError)) {
    emit problem(tr("Autosave failed: %1. Save the project to keep your work.")
                     .arg(restartError));
    return;
  }
  emit snapshotWritten(path, sequence);
}

bool RecoveryManager::saveProject(const QString& projectPath, QString* error) {
  if (m_snapshotThread != nullptr) m_snapshotThread->wait();
  const ProjectExtras extras = extrasNow();
  if (!Project::save(projectPath, m_session->state(), extras, error)) return false;
  m_session->markSaved();
  const QString oldJournal = m_journal.isOpen() ? m_journal.path() : QString();
  m_projectPath = projectPath;
  m_sequence = extras.journalSequence;
  if (!restartJournal(projectPath, extras.journalSequence, error)) return false;
  m_editsSinceSnapshot = 0;
  if (!m_timer->isActive()) m_timer->start();
  // The project now holds everything: the older autosave (and an untitled journal) go.
  QFile::remove(snapshotFor(journalFor(projectPath)));
  if (!oldJournal.isEmpty() && oldJournal != m_journal.path()) discardRecovery(oldJournal);
  return true;
}

void RecoveryManager::finish() {
  if (m_snapshotThread != nullptr) m_snapshotThread->wait();
  // Also when journaling already stopped because the session was replaced (a project was
  // opened over it): its files are the closed session's and must not look like a crash.
  const QString path = m_journal.path();
  stopJournal();
  m_tail.clear();
  if (!path.isEmpty()) discardRecovery(path);
}

void RecoveryManager::discardRecovery(const QString& journalPath) {
  QString base = journalPath;
  if (base.endsWith(kJournalSuffix)) base.chop(kJournalSuffix.size());
  QFile::remove(base + kSnapshotSuffix);
  QFile::remove(journalPath);
}

// ---- recovery -----------------------------------------------------------------------------

QString RecoveryManager::findJournal(const QString& projectPath) const {
  if (!projectPath.isEmpty()) {
    const QString path = projectPath + kJournalSuffix;
    return QFileInfo::exists(path) ? path : QString();
  }
  QString best;
  QDateTime newest;
  QDirIterator it(m_directory, {kUntitledPrefix + QLatin1Char('*') + kJournalSuffix},
                  QDir::Files);
  while (it.hasNext()) {
    const QFileInfo info(it.next());
    // Our own journal is the live session's, not a leftover.
    if (m_journal.isOpen() && info.absoluteFilePath() == QFileInfo(m_journal.path()).absoluteFilePath()) {
      continue;
    }
    if (best.isEmpty() || info.lastModified() > newest) {
      best = info.absoluteFilePath();
      newest = info.lastModified();
    }
  }
  return best;
}

bool RecoveryManager::hasRecovery(const QString& projectPath) const {
  const QString path = findJournal(projectPath);
  Journal::Contents contents;
  if (path.isEmpty() || !Journal::read(path, &contents, nullptr)) return false;
  // A journal over its own autosave holds unsaved work even without records.
  return !contents.records.isEmpty() || contents.header.basePath.endsWith(kSnapshotSuffix);
}

RecoveryView RecoveryManager::summary(const QString& projectPath) const {
  RecoveryView view;
  if (!hasRecovery(projectPath)) return view;
  const QString path = findJournal(projectPath);
  ProjectData data;
  if (!readRecovery(path, &data, nullptr, nullptr)) return view;
  view.available = true;
  view.events = int(data.state.events.size());
  for (const SessionEvent& e : data.state.events) view.tagged += e.tag != kUntagged ? 1 : 0;
  // Every edit is flushed to the journal at once, and a snapshot restarts it: the later of
  // the two files is when the session last changed.
  view.lastWrite = QFileInfo(path).lastModified();
  const QFileInfo snapshot(snapshotFor(path));
  if (snapshot.exists() && snapshot.lastModified() > view.lastWrite) {
    view.lastWrite = snapshot.lastModified();
  }
  return view;
}

bool RecoveryManager::readBase(const QString& path, const QUuid& sessionId, ProjectData* out,
                               QString* error) {
  ProjectData data;
  if (!Project::read(path, &data, error)) return false;
  if (data.state.sessionId != sessionId) {
    if (error) *error = tr("“%1” belongs to another session.").arg(QFileInfo(path).fileName());
    return false;
  }
  *out = std::move(data);
  return true;
}

bool RecoveryManager::readRecovery(const QString& journalPath, ProjectData* out,
                                   QString* warning, QString* error) const {
  Journal::Contents journal;
  if (!Journal::read(journalPath, &journal, error)) return false;
  const JournalHeader& h = journal.header;
  ProjectData data;
  data.state.sessionId = h.sessionId;
  if (!h.basePath.isEmpty()) {
    QString why;
    if (!readBase(h.basePath, h.sessionId, &data, &why)) {
      if (error) *error = tr("The autosave cannot be recovered: its base file is unusable. %1")
                              .arg(why);
      return false;
    }
  }
  quint64 base = h.basePath.isEmpty() ? h.baseSequence : data.extras.journalSequence;
  // An autosave written after the journal last restarted (the studio died in between)
  // includes more: prefer it, and skip the records it already holds.
  ProjectData newer;
  const QString snapshot = snapshotFor(journalPath);
  if (snapshot != h.basePath && QFileInfo::exists(snapshot) &&
      readBase(snapshot, h.sessionId, &newer, nullptr) && newer.extras.journalSequence > base) {
    base = newer.extras.journalSequence;
    data = std::move(newer);
  }
  Journal::Replay replay;
  if (!Journal::replay(journal.records, base, data.state, &replay)) {
    if (error) {
      *error = replay.missingFrom == replay.missingTo
                   ? tr("The autosave cannot be recovered: edit %1 is missing.")
                         .arg(replay.missingFrom)
                   : tr("The autosave cannot be recovered: edits %1 to %2 are missing.")
                         .arg(replay.missingFrom)
                         .arg(replay.missingTo);
    }
    return false;
  }
  QStringList notes;
  if (journal.ignoredBytes > 0) {
    notes << tr("The last autosaved edit was incomplete (the studio stopped while writing it) "
                "and was left out.");
  }
  if (replay.skipped > 0) {
    notes << tr("%n autosaved edit(s) did not fit the session and were skipped.", "",
                replay.skipped);
  }
  // Replayed tag edits may contradict the base's model: the learner rebuilds instead.
  if (replay.touchedTags) data.extras.modelBytes.clear();
  data.extras.journalSequence = replay.last;
  if (warning) *warning = notes.join(QLatin1Char(' '));
  *out = std::move(data);
  return true;
}

bool RecoveryManager::recover(const QString& projectPath, ProjectExtras* extras,
                              QString* warning, QString* error) {
  const QString path = findJournal(projectPath);
  Journal::Contents journal;
  if (path.isEmpty() || !Journal::read(path, &journal, error)) {
    if (error && error->isEmpty()) *error = tr("There is no autosave to recover.");
    return false;
  }
  ProjectData data;
  if (!readRecovery(path, &data, warning, error)) return false;
  const QString ownJournal = m_journal.isOpen() ? m_journal.path() : QString();
  m_session->replaceState(std::move(data.state));
  m_projectPath = journal.header.projectPath;
  m_sequence = data.extras.journalSequence;
  m_editsSinceSnapshot = 0;
  m_tail.clear();
  // A fresh snapshot makes the recovered state the base: the torn tail is gone for good.
  if (!snapshotNow(error)) return false;
  m_timer->start();
  if (!ownJournal.isEmpty() && ownJournal != m_journal.path()) discardRecovery(ownJournal);
  if (extras) *extras = std::move(data.extras);
  return true;
}

} // namespace dlm::app
