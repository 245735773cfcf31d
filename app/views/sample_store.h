#pragma once

#include <QPointF>
#include <QVector>
#include <QtGlobal>

#include <cstdint>
#include <limits>
#include <vector>

#include "core/descriptor.h"

namespace dlm::app {

/// \brief The studio's one store of the board's sample stream: a fixed-capacity ring of
/// multi-channel int16 frames indexed by absolute frame number. The controller keeps one to
/// give each event its raw window (and so the recordings their samples), the live plot one to
/// draw; both are sized from the board's handshake (rate, channels) and follow the stream.
///
/// Gap policy, decided here only: frames the stream skipped (a forward jump of its index) are
/// held as missing, never as invented values, so indices stay aligned. at() gives kMissing
/// for them, decimate() breaks the line there, and window() gives no window that overlaps one:
/// an event over lost frames keeps its descriptor (the board computed it from real samples)
/// but no raw samples. A gap longer than the capacity leaves the store empty from the new
/// index on. A backward jump (the board restarted its stream) or another channel count clears
/// the store first. The 32-bit stream index is unwrapped to 64 bits, so its wrap is no gap.
///
/// Storage is allocated by reset() only; append() never allocates.
class SampleStore {
public:
  /// \brief Most channels a stream may have (dlm::kMaxSensorChannels).
  static constexpr int kMaxChannels = kMaxSensorChannels;
  /// \brief What at() gives for a frame that is missing or not held.
  static constexpr qint16 kMissing = std::numeric_limits<qint16>::min();

  /// \brief What one append() did.
  struct AppendResult {
    int written = 0;               ///< frames stored
    quint64 gapFrames = 0;         ///< frames skipped by the stream before these
    bool restarted = false;        ///< the indices went backwards: the store was cleared first
    bool channelsChanged = false;  ///< a new (or a first) channel count: cleared first
  };

  /// \brief An empty store without capacity (append() stores nothing until reset()).
  SampleStore() = default;
  /// \brief reset(\p sampleRateHz, \p channels, \p seconds).
  SampleStore(int sampleRateHz, int channels, double seconds);

  /// \brief Drop everything and hold \p seconds of a stream of \p channels channels (0: taken
  /// from the first append()) at \p sampleRateHz (the board's handshake). The only allocation.
  void reset(int sampleRateHz, int channels, double seconds);
  /// \brief Drop the samples, keep the storage and the format.
  void clear();

  /// \brief Store \p frames frames of \p channels interleaved samples starting at stream index
  /// \p firstIndex. Frames older than the capacity fall out. Ignored (nothing written) when
  /// \p channels is outside 1..kMaxChannels.
  AppendResult append(quint32 firstIndex, int channels, const qint16* interleaved, int frames);
  /// \brief append() of whole frames of \p interleaved.
  AppendResult append(quint32 firstIndex, int channels, const QVector<qint16>& interleaved);

  int sampleRateHz() const { return m_rate; }
  int capacity() const { return m_capacity; }
  int channels() const { return m_channels; }
  bool isEmpty() const { return m_begin == m_end; }
  /// \brief Frames held, missing ones included (at most capacity()).
  int size() const { return static_cast<int>(m_end - m_begin); }
  /// \brief Absolute index of the oldest frame held.
  quint64 beginIndex() const { return m_begin; }
  /// \brief Absolute index one past the newest frame held.
  quint64 endIndex() const { return m_end; }
  /// \brief Frames received since reset()/clear() (missing ones not counted).
  quint64 receivedFrames() const { return m_received; }
  /// \brief Frames the stream skipped since reset()/clear().
  quint64 gapFrames() const { return m_gaps; }

  /// \brief True when frame \p frame is held and was received (not missing).
  bool has(quint64 frame) const;
  /// \brief Sample of \p channel at absolute frame \p frame; kMissing unless has(frame).
  qint16 at(quint64 frame, int channel) const;
  /// \brief The absolute index of stream index \p index, taken as the one nearest the end.
  quint64 unwrap(quint32 index) const;
  /// \brief Frames [\p start, \p start + \p frames) of the stream, interleaved, if every one is
  /// held and none is missing; else empty (the gap policy above).
  QVector<qint16> window(quint32 start, quint32 frames) const;

  /// \brief Display points of \p channel over frames [\p from, \p to): the raw samples when they
  /// fit in 2 × \p columns points, else a minimum and a maximum per column so that no peak
  /// disappears. x is in seconds at sampleRateHz(); a missing frame gives a NaN (a line
  /// break). \p out keeps its capacity between calls.
  void decimate(int channel, quint64 from, quint64 to, int columns, QVector<QPointF>& out) const;

private:
  std::size_t slot(quint64 frame) const {
    return static_cast<std::size_t>(frame % static_cast<quint64>(m_capacity));
  }
  void storeFrame(const qint16* frame);
  void skip(quint64 frames);

  std::vector<qint16> m_data;     // channel-major: [channel * capacity + slot]
  std::vector<quint8> m_present;  // per slot: 1 received, 0 missing
  int m_rate = 1;
  int m_capacity = 0;
  int m_channels = 0;
  quint64 m_begin = 0;
  quint64 m_end = 0;
  quint64 m_received = 0;
  quint64 m_gaps = 0;
};

} // namespace dlm::app
