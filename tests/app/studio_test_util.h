#pragma once
// Test data for the studio's application layer: gesture events from the firmware's synthetic
// motion source through the same detector and descriptor as a board, and synthetic blobs for
// large sessions. Test code: plain and deterministic.

#include <QDateTime>
#include <QFile>
#include <QVector>
#include <QtEndian>

#include <cmath>
#include <cstdint>
#include <vector>

#include "app/session/session_event.h"
#include "core/descriptor.h"
#include "devices/firmware/event_detector.h"
#include "devices/simulator/motion_source.h"

namespace dlm::app::test {

/// A labelled event: what a board would report, and the gesture that caused it.
struct Labelled {
  SessionEvent event;
  int gesture = 0;
};

/// The raw 3-axis stream of the motion source performing \p gestures one after the other,
/// with idle between them (rest 0.5 s plus \p idleFrames).
inline std::vector<std::int16_t> gestureStream(const QVector<int>& gestures, std::uint32_t seed,
                                               std::uint32_t idleFrames = 1500,
                                               float noiseCounts = 20.0f, int channels = 3) {
  firmware::MotionConfig config;
  config.seed = seed;
  config.noiseCounts = noiseCounts;
  config.gestureRatePerMinute = 0.0f;  // gestures only on request
  config.channels = std::uint8_t(channels);
  firmware::MotionSource source(config);
  std::vector<std::int16_t> stream;
  std::vector<std::int16_t> chunk(std::size_t(channels) * 100);
  auto run = [&](std::uint32_t frames) {
    for (std::uint32_t done = 0; done < frames; done += 100) {
      source.generate(chunk.data(), 100);
      stream.insert(stream.end(), chunk.begin(), chunk.end());
    }
  };
  run(idleFrames);
  for (int g : gestures) {
    source.performGesture(std::uint8_t(g));
    run(100);
    while (source.gestureActive()) run(100);
    run(idleFrames);
  }
  return stream;
}

/// Events detected in a stream of \p perClass gestures of each of the first \p classes known
/// gestures (interleaved), labelled with the gesture that produced them.
inline QVector<Labelled> gestureEvents(int classes, int perClass, std::uint32_t seed = 7,
                                       float noiseCounts = 20.0f) {
  QVector<Labelled> out;
  firmware::EventDetector detector;
  DescriptorConfig dc;  // 3 channels, 16 bins, 2048 frames, 32768 full scale
  std::vector<std::int16_t> window(firmware::EventDetector::kMaxWindowFrames * 3);
  for (int i = 0; i < perClass; ++i) {
    for (int g = 0; g < classes; ++g) {
      const std::vector<std::int16_t> stream =
          gestureStream({g}, seed + std::uint32_t(i * 31 + g), 1500, noiseCounts);
      detector.reset();
      const std::uint32_t frames = std::uint32_t(stream.size() / 3);
      for (std::uint32_t pos = 0; pos < frames;) {
        pos += detector.process(stream.data() + pos * 3, frames - pos);
        if (!detector.eventReady()) continue;
        const std::uint32_t n =
            detector.copyWindow(window.data(), firmware::EventDetector::kMaxWindowFrames);
        Labelled l;
        l.gesture = g;
        l.event.frames = n;
        l.event.channels = 3;
        l.event.boardSample = detector.lastEvent().start;
        l.event.wallClockMs = QDateTime::currentMSecsSinceEpoch();
        l.event.raw = QVector<qint16>(window.begin(), window.begin() + long(n) * 3);
        l.event.descriptor.resize(dc.dims());
        computeDescriptor(dc, window.data(), n, l.event.descriptor.data(), dc.dims());
        out << l;
        break;  // one event per performed gesture
      }
    }
  }
  return out;
}

/// Cheap deterministic noise in [-0.5, 0.5) x 4 (roughly Gaussian).
inline float noise(std::uint64_t& s) {
  float sum = 0.0f;
  for (int k = 0; k < 4; ++k) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    sum += float((s >> 40) & 0xFFFFFF) / float(0xFFFFFF) - 0.5f;
  }
  return sum;
}

/// \p count descriptor-only events in \p dims dimensions around \p classes centres
/// (class = index % classes), with a small raw window so that sessions stay realistic.
inline QVector<Labelled> blobEvents(int count, int classes, int dims = 58, float spread = 1.0f,
                                    std::uint64_t seed = 3, int rawFrames = 16) {
  QVector<Labelled> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) {
    Labelled l;
    l.gesture = i % classes;
    l.event.frames = std::uint32_t(rawFrames);
    l.event.channels = 3;
    l.event.wallClockMs = 1700000000000LL + i * 1000LL;
    l.event.raw.resize(rawFrames * 3);
    for (int k = 0; k < l.event.raw.size(); ++k) l.event.raw[k] = qint16((i * 7 + k) % 1000);
    l.event.descriptor.resize(dims);
    for (int d = 0; d < dims; ++d) {
      const float centre = d == l.gesture ? spread : 0.0f;
      l.event.descriptor[d] = centre + 0.15f * noise(seed);
    }
    out << l;
  }
  return out;
}

/// A PCM16 WAV file of \p channels interleaved channels.
inline bool writeWav(const QString& path, const std::vector<std::int16_t>& samples, int channels,
                     int rate) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  const quint32 dataBytes = quint32(samples.size() * 2);
  QByteArray h(44, '\0');
  char* p = h.data();
  std::memcpy(p, "RIFF", 4);
  qToLittleEndian<quint32>(36 + dataBytes, p + 4);
  std::memcpy(p + 8, "WAVEfmt ", 8);
  qToLittleEndian<quint32>(16, p + 16);
  qToLittleEndian<quint16>(1, p + 20);
  qToLittleEndian<quint16>(quint16(channels), p + 22);
  qToLittleEndian<quint32>(quint32(rate), p + 24);
  qToLittleEndian<quint32>(quint32(rate * channels * 2), p + 28);
  qToLittleEndian<quint16>(quint16(channels * 2), p + 32);
  qToLittleEndian<quint16>(16, p + 34);
  std::memcpy(p + 36, "data", 4);
  qToLittleEndian<quint32>(dataBytes, p + 40);
  QByteArray data(qsizetype(dataBytes), Qt::Uninitialized);
  qToLittleEndian<qint16>(samples.data(), qsizetype(samples.size()), data.data());
  return f.write(h) == h.size() && f.write(data) == data.size();
}

} // namespace dlm::app::test
