#include "ui/live/sample_ring.h"

#include <algorithm>
#include <cmath>

namespace dlm::ui {

SampleRing::SampleRing(int capacityFrames, int channels) { reset(capacityFrames, channels); }

void SampleRing::reset(int capacityFrames, int channels) {
  m_capacity = std::max(1, capacityFrames);
  m_channels = std::clamp(channels, 1, kMaxChannels);
  m_data.assign(static_cast<std::size_t>(m_capacity) * kMaxChannels, 0);
  clear();
}

void SampleRing::clear() {
  m_begin = m_end = 0;
  m_received = 0;
  m_gaps = 0;
}

qint16 SampleRing::at(quint64 frame, int channel) const {
  if (frame < m_begin || frame >= m_end || channel < 0 || channel >= m_channels) return kMissing;
  const auto slot = static_cast<std::size_t>(frame % static_cast<quint64>(m_capacity));
  return m_data[static_cast<std::size_t>(channel) * static_cast<std::size_t>(m_capacity) + slot];
}

void SampleRing::storeFrame(const qint16* frame, int channels) {
  const auto slot = static_cast<std::size_t>(m_end % static_cast<quint64>(m_capacity));
  const auto cap = static_cast<std::size_t>(m_capacity);
  for (int c = 0; c < channels; ++c)
    m_data[static_cast<std::size_t>(c) * cap + slot] = frame != nullptr ? frame[c] : kMissing;
  ++m_end;
  if (m_end - m_begin > static_cast<quint64>(m_capacity)) ++m_begin;
}

void SampleRing::fillMissing(quint64 frames) {
  if (frames >= static_cast<quint64>(m_capacity)) {
    // Everything held would be overwritten by the gap: jump straight past it.
    m_end += frames;
    m_begin = m_end;
    return;
  }
  for (quint64 i = 0; i < frames; ++i) storeFrame(nullptr, m_channels);
}

SampleRing::AppendResult SampleRing::append(quint32 firstIndex, int channels,
                                            const qint16* interleaved, int frames) {
  AppendResult result;
  if (frames <= 0 || channels < 1 || channels > kMaxChannels || m_capacity == 0) return result;
  if (channels != m_channels) {
    m_channels = channels;
    clear();
    result.channelsChanged = true;
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
      fillMissing(diff);
      m_gaps += diff;
      result.gapFrames = diff;
    }
  }
  for (int f = 0; f < frames; ++f) storeFrame(interleaved + static_cast<std::ptrdiff_t>(f) * channels, channels);
  m_received += static_cast<quint64>(frames);
  result.written = frames;
  return result;
}

void SampleRing::decimate(int channel, quint64 from, quint64 to, int columns, double rate,
                          QVector<QPointF>& out) const {
  out.clear();
  from = std::max(from, m_begin);
  to = std::min(to, m_end);
  if (from >= to || channel < 0 || channel >= m_channels || rate <= 0.0) return;
  const quint64 count = to - from;
  const quint64 cols = static_cast<quint64>(std::max(1, columns));
  const double nan = std::nan("");
  if (count <= 2 * cols) {
    for (quint64 f = from; f < to; ++f) {
      const qint16 v = at(f, channel);
      out.append(QPointF(static_cast<double>(f) / rate, v == kMissing ? nan : v));
    }
    return;
  }
  // Min/max per pixel column, in time order within the column so the line looks continuous.
  for (quint64 c = 0; c < cols; ++c) {
    const quint64 a = from + count * c / cols;
    const quint64 b = from + count * (c + 1) / cols;
    qint16 lo = std::numeric_limits<qint16>::max();
    qint16 hi = kMissing;
    quint64 loAt = a;
    quint64 hiAt = a;
    bool any = false;
    bool gap = false;
    for (quint64 f = a; f < b; ++f) {
      const qint16 v = at(f, channel);
      if (v == kMissing) { gap = true; continue; }
      any = true;
      if (v < lo) { lo = v; loAt = f; }
      if (v > hi) { hi = v; hiAt = f; }
    }
    if (!any || gap) out.append(QPointF(static_cast<double>(a) / rate, nan));
    if (!any) continue;
    const QPointF pLo(static_cast<double>(loAt) / rate, lo);
    const QPointF pHi(static_cast<double>(hiAt) / rate, hi);
    if (loAt <= hiAt) { out.append(pLo); out.append(pHi); }
    else { out.append(pHi); out.append(pLo); }
  }
}

} // namespace dlm::ui
