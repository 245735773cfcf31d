#pragma once

// The gateway's journal of model pushes (docs/fleet.md §4.2), in its state directory: a push is
// written (model bytes and the boards still to do) before any byte goes to a board, updated as
// boards finish, and removed when the last one has; the ids of finished pushes are remembered
// so that a second delivery of the same push does nothing. A gateway killed mid-push finds its
// pushes here when it starts again. Files are replaced atomically (QSaveFile).

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "devices/fleet/fleet_payloads.h"

namespace dlm {
namespace gateway {

/// \brief A push the gateway accepted and the boards of it still to do.
struct PushJob {
  fleet::ModelPush push;
  QStringList pending; ///< boards of this gateway without an outcome yet
  double acceptedMs = 0.0;
};

class PushStore {
public:
  /// \brief How many finished push ids are remembered.
  static constexpr int kRememberedIds = 256;

  /// \brief Use \p directory (created if needed). False with \p error set.
  bool open(const QString& directory, QString* error);
  /// \brief True when \p pushId was finished before (or is in the journal now).
  bool known(const QString& pushId) const;
  /// \brief Write \p job (new, or its pending list changed). False when the disk refused.
  bool save(const PushJob& job);
  /// \brief The job is done for every board: forget its model, remember its id.
  void finish(const QString& pushId);
  /// \brief The jobs of an earlier run that were not finished, oldest first; damaged entries
  /// are skipped (and reported in \p problems).
  std::vector<std::shared_ptr<PushJob>> load(QStringList* problems);

private:
  QString path(const QString& pushId, const char* suffix) const;
  void saveFinished();

  QString m_dir;
  QStringList m_finished; ///< oldest first
};

} // namespace gateway
} // namespace dlm
