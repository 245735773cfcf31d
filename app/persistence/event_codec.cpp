#include "app/persistence/event_codec.h"

#include <QCoreApplication>
#include <QtEndian>

#include <algorithm>
#include <cmath>
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
