#pragma once

#include <QVector>

#include <cstdint>

namespace dlm::app {

/// \brief The last seconds of the board's sample stream, indexed by absolute sample number,
/// so an event reported by the board can be given its raw window in the session.
class SampleHistory {
public:
  explicit SampleHistory(int capacityFrames = 60000, int channels = 3);

  /// \brief Append \p values (interleaved) whose first frame is \p firstIndex. A gap (lost
  /// frames) is filled with zeros; a jump backwards (board reset) restarts the history.
  void append(quint32 firstIndex, int channels, const QVector<qint16>& values);
  /// \brief Frames [start, start + frames) if all of them are still held, else empty.
  QVector<qint16> window(quint32 start, quint32 frames) const;
  int channels() const { return m_channels; }
  quint32 endIndex() const { return m_end; }

private:
  void reset(quint32 firstIndex, int channels);

  QVector<qint16> m_ring;   ///< capacity x channels
  int m_capacity;
  int m_channels;
  quint32 m_end = 0;        ///< absolute index one past the newest frame
  quint32 m_held = 0;       ///< frames currently held (<= capacity)
};

} // namespace dlm::app
