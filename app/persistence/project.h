#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include "app/session/session_event.h"
#include "app/views/snapshots.h"

namespace dlm::app {

class Session;

/// \brief What a project stores besides the session itself.
struct ProjectExtras {
  QJsonObject settings;          ///< studio settings that belong to the project (threshold, …)
  QByteArray modelBytes;         ///< the studio model (LearningService::modelBytes()), or empty
  quint64 journalSequence = 0;   ///< last journal record this file includes (autosave)
  QVector<GrowthPoint> growth;   ///< the growth history, oldest first (format 2)
  QByteArray layout;             ///< the window's layout, opaque to the file (format 2)
};

/// \brief A project file read back: the session, its extras and facts from the header.
struct ProjectData {
  SessionState state;
  ProjectExtras extras;
  QString appVersion;            ///< studio version that wrote it
  QDateTime savedAt;
  quint16 formatVersion = 0;     ///< format the file was written in
  /// \brief Why the file's model was left out (it is unreadable or disagrees with the
  /// header), or empty. The rest of the file is intact: the learner rebuilds from the events.
  QString modelProblem;
};

/// \brief Project files (`*.dlmproj`, see docs/project-format.md): one versioned binary file
/// with a JSON header, the events with their raw windows and descriptors, the model bytes and
/// a CRC-32 of everything. Saved atomically; read fully validated before anything is used.
class Project {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Project)

public:
  /// \brief Version of the project format written; others are refused with a clear message.
  /// Version 2 added the growth history and the window layout; version 1 files still open.
  static constexpr quint16 kFormatVersion = 2;
  /// \brief File suffix, without the dot.
  static QString suffix() { return QStringLiteral("dlmproj"); }

  /// \brief Write \p state and \p extras to \p path atomically (QSaveFile: the old file stays
  /// intact until the new one is complete). False with a message on failure.
  static bool save(const QString& path, const SessionState& state, const ProjectExtras& extras,
                   QString* error);
  /// \brief Read and validate \p path. On any problem returns false and a message that says
  /// what is wrong and in which part of the file; \p out is then untouched. The one part that
  /// may be damaged without refusing the file is the model (ProjectData::modelProblem): it can
  /// always be rebuilt from the events, which are what the user cannot recreate.
  static bool read(const QString& path, ProjectData* out, QString* error);
  /// \brief read() of a file's bytes already in memory; \p name is the file's name for the
  /// messages.
  static bool read(const QByteArray& bytes, const QString& name, ProjectData* out,
                   QString* error);
  /// \brief read() then, only on success, replace \p session's content (undo history cleared).
  static bool open(const QString& path, Session& session, ProjectExtras* extras, QString* error);
};

} // namespace dlm::app
