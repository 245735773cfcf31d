#pragma once

#include <QPointF>
#include <QVector>
#include <QtGlobal>

#include <cstdint>
#include <limits>
#include <vector>

namespace dlm::ui {

/// \brief Fixed-capacity ring of multi-channel int16 frames, indexed by absolute frame number.
///
/// Storage is allocated by reset() only; append() never allocates. 32-bit stream indices are
/// unwrapped to 64 bits. A forward gap in the indices is filled with kMissing (drawn as a break
/// in the line); a backward jump means the board restarted its stream and clears the ring.
class SampleRing {
public:
  static constexpr int kMaxChannels = 6;
  /// \brief Value of frames the stream skipped.
  static constexpr qint16 kMissing = std::numeric_limits<qint16>::min();

  /// \brief What one append() did.
  struct AppendResult {
    int written = 0;           ///< frames stored
    quint64 gapFrames = 0;     ///< frames skipped by the stream before these
    bool restarted = false;    ///< the indices went backwards: the ring was cleared first
    bool channelsChanged = false;  ///< a new channel count: the ring was cleared first
  };

  SampleRing() = default;
  /// \brief Empty ring for \p capacityFrames frames of \p channels channels (allocates).
  SampleRing(int capacityFrames, int channels);

  /// \brief Drop everything and size the storage (the only allocation).
  void reset(int capacityFrames, int channels);
  /// \brief Drop the samples, keep the storage.
  void clear();

  /// \brief Store \p frames frames of \p channels interleaved samples starting at stream index
  /// \p firstIndex. Frames older than the capacity fall out of the ring.
  AppendResult append(quint32 firstIndex, int channels, const qint16* interleaved, int frames);

  int capacity() const { return m_capacity; }
  int channels() const { return m_channels; }
  bool isEmpty() const { return m_begin == m_end; }
  /// \brief Frames held (at most capacity()).
  int size() const { return static_cast<int>(m_end - m_begin); }
  /// \brief Absolute index of the oldest frame held.
  quint64 beginIndex() const { return m_begin; }
  /// \brief Absolute index one past the newest frame held.
  quint64 endIndex() const { return m_end; }
  /// \brief Frames received since reset()/clear() (gap fill not counted).
  quint64 receivedFrames() const { return m_received; }
  /// \brief Frames the stream skipped since reset()/clear().
  quint64 gapFrames() const { return m_gaps; }

  /// \brief Sample of \p channel at absolute frame \p frame; kMissing outside the ring.
  qint16 at(quint64 frame, int channel) const;

  /// \brief Display points of \p channel over frames [\p from, \p to): the raw samples when they
  /// fit in 2 × \p columns points, else a minimum and a maximum per column so that no peak
  /// disappears. x is frame / \p rate (seconds); a skipped frame gives a NaN (a line break).
  /// \p out keeps its capacity between calls.
  void decimate(int channel, quint64 from, quint64 to, int columns, double rate,
                QVector<QPointF>& out) const;

private:
  void storeFrame(const qint16* frame, int channels);
  void fillMissing(quint64 frames);

  std::vector<qint16> m_data;  // channel-major: [channel * capacity + slot]
  int m_capacity = 0;
  int m_channels = 0;
  quint64 m_begin = 0;
  quint64 m_end = 0;
  quint64 m_received = 0;
  quint64 m_gaps = 0;
};

} // namespace dlm::ui
