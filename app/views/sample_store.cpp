#include "app/views/sample_store.h"

#include <algorithm>
#include <cmath>

namespace dlm::app {

SampleStore::SampleStore(int sampleRateHz, int channels, double seconds) {
  reset(sampleRateHz, channels, seconds);
}

void SampleStore::reset(int sampleRateHz, int channels, double seconds) {
  m_rate = std::max(1, sampleRateHz);
  const double frames = std::max(0.0, seconds) * m_rate;
  m_capacity = static_cast<int>(std::clamp(std::lround(frames), 1L, long(INT32_MAX / kMaxChannels)));
  m_channels = std::clamp(channels, 0, kMaxChannels);
  // Room for any channel count: a board that changes it costs a clear, not an allocation.
  m_data.assign(static_cast<std::size_t>(m_capacity) * kMaxChannels, 0);
  m_present.assign(static_cast<std::size_t>(m_capacity), 0);
  clear();
}

void SampleStore::clear() {
  m_begin = m_end = 0;
  m_received = 0;
  m_gaps = 0;
}

bool SampleStore::has(quint64 frame) const {
  return frame >= m_begin && frame < m_end && m_present[slot(frame)] != 0;
}

qint16 SampleStore::at(quint64 frame, int channel) const {
  if (channel < 0 || channel >= m_channels || !has(frame)) return kMissing;
  return m_data[static_cast<std::size_t>(channel) * static_cast<std::size_t>(m_capacity) +
                slot(frame)];
}

quint64 SampleStore::unwrap(quint32 index) const {
  const quint32 diff = index - static_cast<quint32>(m_end);
  const qint64 delta = diff < 0x80000000u ? static_cast<qint64>(diff)
                                          : static_cast<qint64>(diff) - (qint64(1) << 32);
  return static_cast<quint64>(std::max<qint64>(0, static_cast<qint64>(m_end) + delta));
}

void SampleStore::storeFrame(const qint16* frame) {
  const std::size_t s = slot(m_end);
  const auto cap = static_cast<std::size_t>(m_capacity);
  if (frame != nullptr) {
    for (int c = 0; c < m_channels; ++c) m_data[static_cast<std::size_t>(c) * cap + s] = frame[c];
  }
  m_present[s] = frame != nullptr ? 1 : 0;
  ++m_end;
  if (m_end - m_begin > static_cast<quint64>(m_capacity)) ++m_begin;
}

void SampleStore::skip(quint64 frames) {
  if (frames >= static_cast<quint64>(m_capacity)) {
    // Everything held would be overwritten by missing frames: jump straight past them.
    m_end += frames;
    m_begin = m_end;
    return;
  }
  for (quint64 i = 0; i < frames; ++i) storeFrame(nullptr);
}

SampleStore::AppendResult SampleStore::append(quint32 firstIndex, int channels,
                                              const qint16* interleaved, int frames) {
  AppendResult result;
  if (frames <= 0 || interleaved == nullptr || channels < 1 || channels > kMaxChannels ||
      m_capacity == 0) {
    return result;
  }
  if (channels != m_channels) {
    result.channelsChanged = true;
    m_channels = channels;
    clear();
  }
  if (isEmpty() && m_received == 0) {
    m_begin = m_end = firstIndex;
  } else {
    // Signed distance between the 32-bit index and where the stream should be.
    const quint32 diff = firstIndex - static_cast<quint32>(m_end);
    if (diff >= 0x80000000u) {
      clear();
      m_begin = m_end = firstIndex;
      result.restarted = true;
    } else if (diff > 0) {
      skip(diff);
      m_gaps += diff;
      result.gapFrames = diff;
    }
  }
  for (int f = 0; f < frames; ++f) storeFrame(interleaved + static_cast<std::ptrdiff_t>(f) * channels);
  m_received += static_cast<quint64>(frames);
  result.written = frames;
  return result;
}

SampleStore::AppendResult SampleStore::append(quint32 firstIndex, int channels,
                                              const QVector<qint16>& interleaved) {
  if (channels < 1) return {};
  return append(firstIndex, channels, interleaved.constData(),
                static_cast<int>(interleaved.size() / channels));
}

QVector<qint16> SampleStore::window(quint32 start, quint32 frames) const {
  const quint64 first = unwrap(start);
  if (frames == 0 || m_capacity == 0 || first < m_begin || first + frames > m_end) return {};
  QVector<qint16> out;
  out.reserve(static_cast<qsizetype>(frames) * m_channels);
  for (quint64 f = first; f < first + frames; ++f) {
    if (!has(f)) return {};
    for (int c = 0; c < m_channels; ++c) out.append(at(f, c));
  }
  return out;
}

void SampleStore::decimate(int channel, quint64 from, quint64 to, int columns,
                           QVector<QPointF>& out) const {
  out.clear();
  from = std::max(from, m_begin);
  to = std::min(to, m_end);
  if (from >= to || channel < 0 || channel >= m_channels) return;
  const double rate = m_rate;
  const quint64 count = to - from;
  const quint64 cols = static_cast<quint64>(std::max(1, columns));
  const double nan = std::nan("");
  if (count <= 2 * cols) {
    for (quint64 f = from; f < to; ++f)
      out.append(QPointF(static_cast<double>(f) / rate, has(f) ? at(f, channel) : nan));
    return;
  }
  // Min/max per pixel column, in time order within the column so the line looks continuous.
  for (quint64 c = 0; c < cols; ++c) {
    const quint64 a = from + count * c / cols;
    const quint64 b = from + count * (c + 1) / cols;
    qint16 lo = std::numeric_limits<qint16>::max();
    qint16 hi = std::numeric_limits<qint16>::min();
    quint64 loAt = a;
    quint64 hiAt = a;
    bool any = false;
    bool gap = false;
    for (quint64 f = a; f < b; ++f) {
      if (!has(f)) { gap = true; continue; }
      const qint16 v = at(f, channel);
      if (!any || v < lo) { lo = v; loAt = f; }
      if (!any || v > hi) { hi = v; hiAt = f; }
      any = true;
    }
    if (!any || gap) out.append(QPointF(static_cast<double>(a) / rate, nan));
    if (!any) continue;
    const QPointF pLo(static_cast<double>(loAt) / rate, lo);
    const QPointF pHi(static_cast<double>(hiAt) / rate, hi);
    if (loAt <= hiAt) { out.append(pLo); out.append(pHi); }
    else { out.append(pHi); out.append(pLo); }
  }
}

} // namespace dlm::app
