#pragma once

// Binary encoding shared by project files and the journal (see docs/project-format.md):
// QDataStream, little-endian, single-precision floats, arrays as a count then raw values.

#include <QDataStream>
#include <QIODevice>
#include <QJsonValue>
#include <QString>

#include <cstdint>

#include "app/session/session_event.h"

namespace dlm::app::codec {

/// \brief Most int16 values one raw window may hold (guards against corrupt counts).
constexpr quint32 kMaxRawValues = 1u << 24;
/// \brief Most floats one descriptor may hold.
constexpr quint32 kMaxDescriptor = 65535;

/// \brief Configure \p stream for the studio's files (byte order, float precision, version).
void setup(QDataStream& stream);

void writePrediction(QDataStream& out, const PredictionInfo& p);
void readPrediction(QDataStream& in, PredictionInfo& p);

/// \brief Write one event (everything it carries, predictions included).
void writeEvent(QDataStream& out, const SessionEvent& e);
/// \brief Read one event. False with \p problem set when a value is impossible (a count
/// beyond its limit, a raw window that does not match frames x channels, a non-finite
/// descriptor value, an unknown origin); on a short read the stream's status says so.
bool readEvent(QDataStream& in, SessionEvent& e, QString* problem);

/// \brief Bytes of the smallest growth point record (bounds a corrupt point count).
constexpr qint64 kMinGrowthPointBytes = 4 + 2 + 2 + 3 * 8 + 1;
/// \brief Write one point of the growth history (project format 2). Its three ratios and
/// times are written as IEEE-754 doubles, bit for bit: the history reopens point for point.
void writeGrowthPoint(QDataStream& out, const GrowthPoint& p);
/// \brief Read one growth point. False with \p problem set when a value is impossible (a
/// ratio outside [0, 1], a negative or non-finite time, more layers than a network has); on
/// a short read the stream's status says so.
bool readGrowthPoint(QDataStream& in, GrowthPoint& p, QString* problem);

/// \brief A whole JSON number in [0, 2^53] (a count, a sequence number, a CRC), or \p fallback
/// when \p value is missing, not a number, negative, fractional or larger. Headers are read
/// through it: a damaged one never converts an out-of-range double to an integer.
qint64 jsonCount(const QJsonValue& value, qint64 fallback);

/// \brief CRC-32 (IEEE, as zlib's and dlm::crc32()) with zlib's fast implementation: the
/// kernel's nibble table is sized for a board, and project files are hundreds of megabytes.
std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc = 0);

/// \brief A write-only device that forwards to another one in large blocks and keeps a
/// CRC-32 of all bytes (QDataStream writes a few bytes at a time).
class CrcWriter : public QIODevice {
public:
  explicit CrcWriter(QIODevice* target);
  /// \brief Write what is buffered; false if the target refused it.
  bool finish();
  /// \brief CRC-32 of everything written (call finish() first).
  std::uint32_t crc() const { return m_crc; }

protected:
  qint64 readData(char* data, qint64 maxSize) override;
  qint64 writeData(const char* data, qint64 size) override;

private:
  QIODevice* m_target;
  QByteArray m_buffer;
  std::uint32_t m_crc = 0;
  bool m_failed = false;
};

/// \brief CRC-32 of the first \p size bytes of \p device from its start (reads in chunks).
/// False if the device could not deliver them.
bool crcOfPrefix(QIODevice& device, qint64 size, std::uint32_t* crc);

} // namespace dlm::app::codec
