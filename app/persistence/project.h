#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "app/session/session_event.h"

namespace dlm::app {

class Session;

/// \brief What a project stores besides the session itself.
struct ProjectExtras {
  QJsonObject settings;          ///< studio settings that belong to the project (threshold, …)
  QByteArray modelBytes;         ///< the studio model (LearningService::modelBytes()), or empty
  quint64 journalSequence = 0;   ///< last journal record this file includes (autosave)
};

/// \brief A project file read back: the session, its extras and facts from the header.
struct ProjectData {
  SessionState state;
  ProjectExtras extras;
  QString appVersion;            ///< studio version that wrote it
  QDateTime savedAt;
};

/// \brief Project files (`*.dlmproj`, see docs/project-format.md): one versioned binary file
/// with a JSON header, the events with their raw windows and descriptors, the model bytes and
/// a CRC-32 of everything. Saved atomically; read fully validated before anything is used.
class Project {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Project)

public:
  /// \brief Version of the project format written; others are refused with a clear message.
  static constexpr quint16 kFormatVersion = 1;
  /// \brief File suffix, without the dot.
  static QString suffix() { return QStringLiteral("dlmproj"); }

  /// \brief Write \p state and \p extras to \p path atomically (QSaveFile: the old file stays
  /// intact until the new one is complete). False with a message on failure.
  static bool save(const QString& path, const SessionState& state, const ProjectExtras& extras,
                   QString* error);
  /// \brief Read and validate \p path. On any problem returns false and a message that says
  /// what is wrong and in which part of the file; \p out is then untouched.
  static bool read(const QString& path, ProjectData* out, QString* error);
  /// \brief read() then, only on success, replace \p session's content (undo history cleared).
  static bool open(const QString& path, Session& session, ProjectExtras* extras, QString* error);
};

} // namespace dlm::app
