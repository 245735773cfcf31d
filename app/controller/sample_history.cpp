#include "app/controller/sample_history.h"

namespace dlm::app {

SampleHistory::SampleHistory(int capacityFrames, int channels)
    : m_capacity(capacityFrames), m_channels(channels) {
  m_ring.resize(m_capacity * m_channels);
}

void SampleHistory::reset(quint32 firstIndex, int channels) {
  if (channels != m_channels) {
    m_channels = channels;
    m_ring.resize(m_capacity * m_channels);
  }
  m_end = firstIndex;
  m_held = 0;
}

void SampleHistory::append(quint32 firstIndex, int channels, const QVector<qint16>& values) {
  if (channels <= 0) return;
  const quint32 frames = quint32(values.size() / channels);
  const bool restart = channels != m_channels || firstIndex < m_end ||
                       firstIndex - m_end > quint32(m_capacity) || m_held == 0;
  if (restart) reset(firstIndex, channels);
  // Lost frames between m_end and firstIndex are held as zeros so indices stay aligned.
  for (; m_end < firstIndex; ++m_end) {
    const int slot = int(m_end % quint32(m_capacity)) * m_channels;
    for (int c = 0; c < m_channels; ++c) m_ring[slot + c] = 0;
    m_held = m_held < quint32(m_capacity) ? m_held + 1 : m_held;
  }
  for (quint32 f = 0; f < frames; ++f, ++m_end) {
    const int slot = int(m_end % quint32(m_capacity)) * m_channels;
    for (int c = 0; c < m_channels; ++c) m_ring[slot + c] = values[int(f) * channels + c];
    m_held = m_held < quint32(m_capacity) ? m_held + 1 : m_held;
  }
}

QVector<qint16> SampleHistory::window(quint32 start, quint32 frames) const {
  const quint32 oldest = m_end - m_held;
  if (frames == 0 || start < oldest || start + frames > m_end) return {};
  QVector<qint16> out;
  out.reserve(int(frames) * m_channels);
  for (quint32 f = start; f < start + frames; ++f) {
    const int slot = int(f % quint32(m_capacity)) * m_channels;
    for (int c = 0; c < m_channels; ++c) out.append(m_ring[slot + c]);
  }
  return out;
}

} // namespace dlm::app
