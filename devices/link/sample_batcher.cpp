#include "devices/link/sample_batcher.h"

namespace dlm {
namespace link {

void SampleBatcher::add(quint32 first, int channels, const std::int16_t* values, int frames,
                        qint64 nowMs) {
  if (channels <= 0 || frames <= 0 || values == nullptr) return;
  if (m_haveExpected) {
    // Wrap-aware distance on the board's 32-bit sample counter.
    const auto ahead = static_cast<qint32>(first - m_expected);
    if (ahead > 0) {
      m_lostFrames += static_cast<quint64>(ahead);
      ++m_gaps;
    }
    // ahead < 0: the board restarted its stream; not a loss, but a new batch.
    if (ahead != 0) close();
  }
  if (m_currentFrames > 0 && channels != m_current.channels) close();
  if (m_currentFrames == 0) {
    m_current.firstIndex = first;
    m_current.channels = channels;
    m_openedMs = nowMs;
  }
  const qsizetype count = static_cast<qsizetype>(channels) * frames;
  m_current.values.reserve(m_current.values.size() + count);
  for (qsizetype i = 0; i < count; ++i) m_current.values.append(values[i]);
  m_currentFrames += frames;
  m_expected = first + static_cast<quint32>(frames);
  m_haveExpected = true;
  if (m_currentFrames >= kMaxFrames) close();
}

void SampleBatcher::closeIfDue(qint64 nowMs, bool force) {
  if (m_currentFrames > 0 && (force || nowMs - m_openedMs >= kMaxAgeMs)) close();
}

std::vector<SampleBatcher::Batch> SampleBatcher::take() {
  std::vector<Batch> out;
  out.swap(m_ready);
  return out;
}

void SampleBatcher::restart() {
  close();
  m_haveExpected = false;
}

void SampleBatcher::close() {
  if (m_currentFrames == 0) return;
  m_ready.push_back(std::move(m_current));
  m_current = Batch();
  m_currentFrames = 0;
}

} // namespace link
} // namespace dlm
