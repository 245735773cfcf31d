#pragma once

// What the crash-recovery prompt says about a session that was not saved: plain data the
// controller hands to the window (app/persistence reads the journal, ui/ asks the user).

#include <QDateTime>
#include <QMetaType>

namespace dlm::app {

/// \brief A session left behind by an unclean exit, as the recovery prompt describes it.
struct RecoveryView {
  bool available = false;  ///< false: nothing to recover (or the journal is unreadable)
  int events = 0;          ///< events the recovered session would hold
  int tagged = 0;          ///< of which tagged with a class or as an outlier
  QDateTime lastWrite;     ///< when the journal (or its autosave) was last written, local time
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::RecoveryView)
