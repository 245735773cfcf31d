#pragma once

#include <QJsonObject>
#include <QObject>
#include <QVector>

#include <functional>

#include "app/persistence/journal.h"
#include "app/persistence/project.h"
#include "app/views/recovery_view.h"

class QTimer;
class QThread;

namespace dlm::app {

class Session;

/// \brief Autosave and crash recovery of a Session.
///
/// Every primitive edit of the session (event added, tag, outlier, discard, class change) is
/// appended to a journal and flushed at once, so a killed studio loses nothing tagged. A
/// periodic full snapshot (every kSnapshotIntervalMs or kSnapshotEdits edits, written in the
/// background in the project format) lets the journal restart short. The files live next to
/// the project (`name.dlmproj.journal`, `name.dlmproj.autosave`) or, for an untitled session,
/// in the recovery directory (`untitled-<session id>.journal` / `.autosave`). A clean close
/// (finish()) removes them; their presence at start-up means the studio did not close cleanly.
class RecoveryManager : public QObject {
  Q_OBJECT

public:
  static constexpr int kSnapshotIntervalMs = 60000;
  static constexpr int kSnapshotEdits = 200;

  /// \brief Watches \p session (not owned). Nothing is written before start().
  explicit RecoveryManager(Session* session, QObject* parent = nullptr);
  /// \brief Stops journaling but keeps the files (only finish() removes them).
  ~RecoveryManager() override;

  /// \brief Where untitled sessions are journaled (default: AppDataLocation/recovery).
  void setRecoveryDirectory(const QString& directory);
  QString recoveryDirectory() const { return m_directory; }
  /// \brief Where the snapshot gets the model bytes and project settings from.
  void setExtrasProvider(std::function<ProjectExtras()> provider) {
    m_extras = std::move(provider);
  }
  void setSnapshotPolicy(int intervalMs, int edits);
  /// \brief Sync each append to the disk (default on).
  void setDurable(bool durable) { m_journal.setDurable(durable); }

  /// \brief Start journaling the session as it is now. \p projectPath is the project file it
  /// was just opened from or saved to (the journal's base), or empty for an untitled session
  /// (base: a snapshot written now, or nothing when the session is empty).
  /// \p baseSequence is the project's ProjectExtras::journalSequence (0 when untitled).
  bool start(const QString& projectPath, quint64 baseSequence, QString* error);
  /// \brief Save the session to \p projectPath (model and settings from the extras provider,
  /// the journal sequence from here), mark the undo stack clean, and make that file the base
  /// of a fresh journal; the old journal and autosave are removed (an untitled session's too).
  bool saveProject(const QString& projectPath, QString* error);
  /// \brief Clean close (after saving, or when the user discards the changes): stop and
  /// remove the journal and autosave of the session last journaled, even when journaling
  /// already stopped because Session::replaceState() replaced it (open, recover).
  void finish();
  /// \brief Write a full snapshot now (synchronously) and restart the journal after it.
  bool snapshotNow(QString* error);
  /// \brief Last journal sequence number written (what a project saved now includes).
  quint64 sequence() const { return m_sequence; }
  QString journalPath() const { return m_journal.path(); }
  bool isJournaling() const { return m_journal.isOpen(); }

  /// \brief Journal of \p projectPath (next to it), or of the most recent untitled session.
  QString findJournal(const QString& projectPath = QString()) const;
  /// \brief True when a journal left by an unclean exit holds something to recover.
  bool hasRecovery(const QString& projectPath = QString()) const;
  /// \brief What recover(\p projectPath) would bring back: the events and tagged events of
  /// the recovered session and when its journal or autosave was last written (the studio's
  /// last sign of life). Not available when there is nothing to recover or it cannot be read.
  RecoveryView summary(const QString& projectPath = QString()) const;
  /// \brief Rebuild the session from the journal's base (project or autosave) and its records
  /// without touching the current session. A torn last record is ignored (see \p warning).
  bool readRecovery(const QString& journalPath, ProjectData* out, QString* warning,
                    QString* error) const;
  /// \brief readRecovery() of findJournal(projectPath) then, on success only, replace the
  /// session, and start journaling it afresh (snapshot first, so the torn tail is gone).
  bool recover(const QString& projectPath, ProjectExtras* extras, QString* warning,
               QString* error);
  /// \brief Delete a journal and its autosave (the user declined to recover it).
  static void discardRecovery(const QString& journalPath);

signals:
  void snapshotWritten(const QString& path, quint64 sequence);
  /// \brief Autosave failed: what happened and what to do, in plain words.
  void problem(const QString& message);

private:
  void connectSession();
  void record(const QVector<JournalRecord>& records);
  void maybeSnapshot();
  void startBackgroundSnapshot();
  void finishBackgroundSnapshot(quint64 sequence, bool ok, const QString& error);
  bool restartJournal(const QString& basePath, quint64 baseSequence, QString* error);
  void stopJournal();
  static bool readBase(const QString& path, const QUuid& sessionId, ProjectData* out,
                       QString* error);
  QString journalFor(const QString& projectPath) const;
  QString snapshotFor(const QString& journalPath) const;
  ProjectExtras extrasNow() const;

  Session* m_session = nullptr;  // not owned; outlives this object
  Journal m_journal;
  QString m_directory;
  QString m_projectPath;
  quint64 m_sequence = 0;
  quint64 m_baseSequence = 0;  ///< sequence of the current journal's base file
  int m_editsSinceSnapshot = 0;
  int m_snapshotEdits = kSnapshotEdits;
  QTimer* m_timer = nullptr;
  QThread* m_snapshotThread = nullptr;
  QVector<JournalRecord> m_tail;  ///< records appended while a background snapshot runs
  std::function<ProjectExtras()> m_extras;
};

} // namespace dlm::app
