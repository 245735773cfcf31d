#pragma once

// Loss and duplicates of a board's events (docs/fleet.md §3.5): per board, the gateway's
// stream and the highest sequence number seen. QoS 1 delivers at least once, so a repeat is
// dropped; a jump is a loss; a new stream is a gateway that restarted.

#include <QHash>
#include <QString>

namespace dlm::app {

class FleetSequence {
public:
  /// \brief What one event is.
  struct Verdict {
    bool duplicate = false; ///< seen already: drop it
    quint64 lost = 0;       ///< events missing before this one
    bool newStream = false; ///< the first of a stream (the first ever, or a restarted gateway)
  };

  /// \brief Judge event \p seq of \p stream for board \p key, and remember it.
  Verdict accept(const QString& key, const QString& stream, quint64 seq) {
    Verdict v;
    State& s = m_states[key];
    if (s.stream != stream) {
      v.newStream = true;
      // Joining a stream under way: the events before are not ours to have seen.
      s.stream = stream;
      s.highest = seq;
      return v;
    }
    if (seq <= s.highest) {
      v.duplicate = true;
      ++m_duplicates;
      return v;
    }
    v.lost = seq - s.highest - 1;
    m_lost += v.lost;
    s.highest = seq;
    return v;
  }

  void forget(const QString& key) { m_states.remove(key); }
  quint64 duplicates() const { return m_duplicates; }
  quint64 lost() const { return m_lost; }

private:
  struct State {
    QString stream;
    quint64 highest = 0;
  };
  QHash<QString, State> m_states;
  quint64 m_duplicates = 0;
  quint64 m_lost = 0;
};

} // namespace dlm::app
