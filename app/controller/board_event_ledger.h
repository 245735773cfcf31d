#pragma once

#include <QHash>
#include <QVector>

namespace dlm::app {

/// \brief What the connected board knows of the session's events, and what a studio edit asks
/// of it.
///
/// A board keeps its last few events under its own ids, so the studio can label them (the
/// board learns) or make it forget them (they can no longer be labelled). Its model holds what
/// it learned and what was pushed to it, and no board can unlearn: an edit that takes a class
/// away from an event the board's model holds leaves that model stale until the studio's is
/// pushed. Plain bookkeeping, no link: the controller sends what it is told.
class BoardEventLedger {
public:
  /// \brief What to send the board after an edit, and whether its model is now stale.
  struct Action {
    quint32 labelEvent = 0;  ///< board id to label (0: none)
    int labelClass = -1;     ///< ...with this class
    quint32 forgetEvent = 0; ///< board id to forget (0: none)
    int staleEvent = -1;     ///< session id of an event the board's model holds otherwise
    int staleClass = -1;     ///< ...the class the board's model holds it as
  };

  /// \brief A new session with a board: its ids start again, and what its model holds is not
  /// known yet.
  void clear();
  /// \brief The board reported event \p boardId, now session event \p sessionId.
  void addEvent(int sessionId, quint32 boardId);
  /// \brief Session id of board event \p boardId, or -1.
  int sessionId(quint32 boardId) const;
  /// \brief Board id of session event \p sessionId, or 0 (the board does not know it).
  quint32 boardId(int sessionId) const;
  /// \brief The board reports it learned \p sessionId as \p classIndex.
  void learnedOnBoard(int sessionId, int classIndex);
  /// \brief The board's model is now the studio's, which learned \p held (session id -> class).
  void boardHolds(const QHash<int, int>& held);
  /// \brief Session event \p sessionId went from \p oldTag to \p newTag.
  Action tagChanged(int sessionId, int oldTag, int newTag);
  /// \brief Session event \p sessionId was discarded.
  Action discarded(int sessionId);

private:
  Action forget(int sessionId);

  QHash<int, quint32> m_boardIds;  ///< session id -> board id
  QHash<quint32, int> m_sessionIds; ///< board id -> session id
  QHash<int, int> m_held;           ///< session id -> class the board's model holds it as
};

} // namespace dlm::app
