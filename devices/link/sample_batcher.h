#pragma once

// Internal to devices/link: gathers the board's Samples messages into larger batches so the
// GUI thread gets tens of signals a second instead of one per message, and counts the sample
// frames lost in gaps of the sample indices.

#include <QVector>

#include <cstdint>
#include <vector>

namespace dlm {
namespace link {

class SampleBatcher {
public:
  /// A batch is emitted once it is this old (milliseconds)...
  static constexpr qint64 kMaxAgeMs = 20;
  /// ...or holds this many frames.
  static constexpr int kMaxFrames = 1024;

  struct Batch {
    quint32 firstIndex = 0;
    int channels = 0;
    QVector<qint16> values; // frame-major
  };

  /// Add \p frames frames of \p channels interleaved values starting at sample \p first.
  /// A gap, a restart or a change of channel count closes the batch in progress.
  void add(quint32 first, int channels, const std::int16_t* values, int frames, qint64 nowMs);
  /// Close the batch in progress if it is old enough (or whatever its age with \p force).
  void closeIfDue(qint64 nowMs, bool force = false);
  /// Move the closed batches out.
  std::vector<Batch> take();
  /// Forget the stream position (a new session may restart its indices): no gap is counted
  /// across it.
  void restart();

  quint64 lostFrames() const { return m_lostFrames; }
  quint64 gaps() const { return m_gaps; }

private:
  void close();

  Batch m_current;
  int m_currentFrames = 0;
  qint64 m_openedMs = 0;
  std::vector<Batch> m_ready;
  quint32 m_expected = 0;
  bool m_haveExpected = false;
  quint64 m_lostFrames = 0;
  quint64 m_gaps = 0;
};

} // namespace link
} // namespace dlm
