#include "app/persistence/event_codec.h"

#include <QCoreApplication>
#include <QtEndian>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include <zlib.h>

namespace dlm::app::codec {

namespace {

constexpr qint64 kChunk = 1 << 20;

struct Tr {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::codec)
};

// Arrays are written as their little-endian bytes in one call: a session's raw windows are
// hundreds of megabytes, which per-value operator<< would make slow.
template <typename T>
void writeArray(QDataStream& out, const QVector<T>& values) {
  out << quint32(values.size());
  if (values.isEmpty()) return;
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
  out.writeRawData(reinterpret_cast<const char*>(values.constData()),
                   int(values.size() * qsizetype(sizeof(T))));
#else
  QVector<T> swapped(values.size());
  qToLittleEndian<T>(values.constData(), values.size(), swapped.data());
  out.writeRawData(reinterpret_cast<const char*>(swapped.constData()),
                   int(swapped.size() * qsizetype(sizeof(T))));
#endif
}

template <typename T>
bool readArray(QDataStream& in, QVector<T>& values, quint32 limit) {
  quint32 count = 0;
  in >> count;
  if (in.status() != QDataStream::Ok || count > limit) return false;
  // Never allocate more than the device can still deliver: a corrupt count must not cost
  // gigabytes before the short read is noticed.
  const QIODevice* device = in.device();
  if (device != nullptr && !device->isSequential() &&
      qint64(count) * qint64(sizeof(T)) > device->size() - device->pos()) {
    in.setStatus(QDataStream::ReadPastEnd);
    return false;
  }
  values.resize(qsizetype(count));
  if (count == 0) return true;
  const int bytes = int(count * sizeof(T));
  if (in.readRawData(reinterpret_cast<char*>(values.data()), bytes) != bytes) {
    in.setStatus(QDataStream::ReadPastEnd);
    return false;
  }
#if Q_BYTE_ORDER != Q_LITTLE_ENDIAN
  qFromLittleEndian<T>(values.constData(), values.size(), values.data());
#endif
  return true;
}

} // namespace

qint64 jsonCount(const QJsonValue& value, qint64 fallback) {
  constexpr double kLargest = 9007199254740992.0;  // 2^53: every integer below is a double
  const double v = value.toDouble(-1.0);
  if (!value.isDouble() || !(v >= 0.0 && v <= kLargest) || std::floor(v) != v) return fallback;
  return qint64(v);
}

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc) {
  const auto* bytes = static_cast<const Bytef*>(data);
  uLong value = crc;
  // zlib takes 32-bit lengths: feed larger blocks in pieces.
  constexpr std::size_t kPiece = 1u << 30;
  while (size > 0) {
    const std::size_t n = std::min(size, kPiece);
    value = ::crc32(value, bytes, uInt(n));
    bytes += n;
    size -= n;
  }
  return std::uint32_t(value);
}

void setup(QDataStream& stream) {
  stream.setVersion(QDataStream::Qt_6_0);
  stream.setByteOrder(QDataStream::LittleEndian);
  stream.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

void writePrediction(QDataStream& out, const PredictionInfo& p) {
  out << qint32(p.classIndex) << qint32(p.bestClass) << p.confidence << p.knownScore
      << quint8(p.valid ? 1 : 0);
}

void readPrediction(QDataStream& in, PredictionInfo& p) {
  qint32 classIndex = -1;
  qint32 best = -1;
  quint8 valid = 0;
  in >> classIndex >> best >> p.confidence >> p.knownScore >> valid;
  p.classIndex = classIndex;
  p.bestClass = best;
  p.valid = valid != 0;
}

void writeEvent(QDataStream& out, const SessionEvent& e) {
  out << qint32(e.id) << qint64(e.wallClockMs) << quint32(e.boardSample) << quint32(e.frames)
      << quint8(e.channels) << quint32(e.sampleRateHz) << quint8(e.origin) << qint32(e.tag)
      << quint8(e.learned ? 1 : 0);
  writePrediction(out, e.board);
  writePrediction(out, e.studio);
  writeArray(out, e.raw);
  writeArray(out, e.descriptor);
}

bool readEvent(QDataStream& in, SessionEvent& e, QString* problem) {
  qint32 id = 0;
  qint32 tag = 0;
  quint8 origin = 0;
  quint8 learned = 0;
  in >> id >> e.wallClockMs >> e.boardSample >> e.frames >> e.channels >> e.sampleRateHz >>
      origin >> tag >> learned;
  readPrediction(in, e.board);
  readPrediction(in, e.studio);
  e.id = id;
  e.tag = tag;
  e.learned = learned != 0;
  e.origin = EventOrigin(origin);
  if (!readArray(in, e.raw, kMaxRawValues) || !readArray(in, e.descriptor, kMaxDescriptor)) {
    if (in.status() == QDataStream::Ok && problem) {
      *problem = Tr::tr("its signal or descriptor is longer than the studio accepts");
    }
    return false;
  }
  if (in.status() != QDataStream::Ok) return false;
  QString why;
  if (origin > quint8(EventOrigin::Demo)) {
    why = Tr::tr("its origin (%1) is unknown").arg(origin);
  } else if (!e.raw.isEmpty() && qint64(e.frames) * e.channels != e.raw.size()) {
    why = Tr::tr("its raw signal holds %n value(s) instead of %1 frames × %2 channels", "",
                 int(e.raw.size()))
              .arg(e.frames).arg(e.channels);
  } else {
    for (float v : e.descriptor) {
      if (!std::isfinite(v)) {
        why = Tr::tr("its descriptor holds a value that is not a finite number");
        break;
      }
    }
  }
  if (!why.isEmpty() && problem) *problem = why;
  return why.isEmpty();
}

namespace {

// QDataStream writes doubles as floats when its precision is single (as set up here): the
// growth history's doubles go as their bit patterns instead.
void writeDouble(QDataStream& out, double v) {
  quint64 bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  out << bits;
}

double readDouble(QDataStream& in) {
  quint64 bits = 0;
  in >> bits;
  double v = 0.0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

constexpr quint16 kMaxGrowthLayers = 255;  // a network's depth is a byte in the model format

} // namespace

void writeGrowthPoint(QDataStream& out, const GrowthPoint& p) {
  const auto layers = quint16(std::min<qsizetype>(p.neuronsPerLayer.size(), kMaxGrowthLayers));
  out << quint32(p.eventsLearned) << quint16(std::clamp(p.depth, 0, int(kMaxGrowthLayers)))
      << layers;
  for (quint16 l = 0; l < layers; ++l) out << quint32(std::max(0, p.neuronsPerLayer[l]));
  writeDouble(out, p.learnMicros);
  writeDouble(out, p.prequentialAccuracy);
  writeDouble(out, p.rejectionRate);
  out << quint8(p.rebuild ? 1 : 0);
}

bool readGrowthPoint(QDataStream& in, GrowthPoint& p, QString* problem) {
  quint32 learned = 0;
  quint16 depth = 0;
  quint16 layers = 0;
  in >> learned >> depth >> layers;
  if (in.status() != QDataStream::Ok) return false;
  if (depth > kMaxGrowthLayers || layers > kMaxGrowthLayers) {
    if (problem) *problem = Tr::tr("it has more layers than a network can have");
    return false;
  }
  p.eventsLearned = learned;
  p.depth = depth;
  p.neuronsPerLayer.resize(layers);
  for (quint16 l = 0; l < layers; ++l) {
    quint32 n = 0;
    in >> n;
    p.neuronsPerLayer[l] = int(std::min<quint32>(n, quint32(INT_MAX)));
  }
  p.learnMicros = readDouble(in);
  p.prequentialAccuracy = readDouble(in);
  p.rejectionRate = readDouble(in);
  quint8 flags = 0;
  in >> flags;
  if (in.status() != QDataStream::Ok) return false;
  p.rebuild = (flags & 1) != 0;
  const auto ratio = [](double v) { return std::isfinite(v) && v >= 0.0 && v <= 1.0; };
  if (!std::isfinite(p.learnMicros) || p.learnMicros < 0.0 || !ratio(p.prequentialAccuracy) ||
      !ratio(p.rejectionRate)) {
    if (problem) *problem = Tr::tr("it holds a time or a rate that is not a valid number");
    return false;
  }
  return true;
}

CrcWriter::CrcWriter(QIODevice* target) : m_target(target) {
  open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 CrcWriter::readData(char*, qint64) { return -1; }

qint64 CrcWriter::writeData(const char* data, qint64 size) {
  m_buffer.append(data, qsizetype(size));
  if (m_buffer.size() >= kChunk && !finish()) return -1;
  return size;
}

bool CrcWriter::finish() {
  if (m_buffer.isEmpty()) return !m_failed;
  m_crc = codec::crc32(m_buffer.constData(), std::size_t(m_buffer.size()), m_crc);
  m_failed = m_failed || m_target->write(m_buffer) != m_buffer.size();
  m_buffer.clear();
  return !m_failed;
}

bool crcOfPrefix(QIODevice& device, qint64 size, std::uint32_t* crc) {
  if (!device.seek(0)) return false;
  std::uint32_t value = 0;
  std::vector<char> buffer(std::size_t(std::min(kChunk, std::max<qint64>(size, 1))));
  qint64 left = size;
  while (left > 0) {
    const qint64 want = std::min<qint64>(left, qint64(buffer.size()));
    const qint64 got = device.read(buffer.data(), want);
    if (got <= 0) return false;
    value = codec::crc32(buffer.data(), std::size_t(got), value);
    left -= got;
  }
  *crc = value;
  return true;
}

} // namespace dlm::app::codec
