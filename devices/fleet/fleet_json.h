#pragma once

// Internal to devices/fleet: strict reading and compact writing of the JSON payloads
// (docs/fleet.md §2). A JsonReader keeps the first error; every accessor returns a harmless
// default after one, so a decoder reads all its members and checks ok() once at the end.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>
#include <utility>

#include "devices/link/link_types.h"

namespace dlm {
namespace fleet {
namespace json {

/// Parse \p payload as one JSON object no larger than \p maxBytes; false with \p error set.
bool parseObject(const QByteArray& payload, qsizetype maxBytes, QJsonObject& out, QString* error);
/// The compact UTF-8 text of \p object.
QByteArray toBytes(const QJsonObject& object);

/// A float as the double of its shortest decimal form (so 0.1f is written "0.1").
QJsonValue fromFloat(float value);
/// True when \p value is finite and rounds to a finite float (what fromFloat() writes for
/// +-FLT_MAX reads back as slightly more than FLT_MAX).
bool fitsFloat(double value);
/// An integer (exact up to 2^53).
QJsonValue fromInteger(qint64 value);
/// A time in ms with at most microsecond resolution.
QJsonValue fromTime(double ms);
/// Lower-case hex of \p bytes, and back (false unless exactly \p size bytes of hex).
QString toHex(const QByteArray& bytes);
bool fromHex(const QString& text, int size, QByteArray& out);

class JsonReader {
public:
  explicit JsonReader(QJsonObject object) : m_object(std::move(object)) {}

  bool ok() const { return m_error.isEmpty(); }
  /// The first problem, "member \"x\": ..." (empty when none).
  const QString& error() const { return m_error; }
  /// Report a problem found by the caller (kept only when it is the first).
  void fail(const char* key, const QString& why);

  bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }
  QString id(const char* key);
  QString string(const char* key, int maxLength);
  QString optionalString(const char* key, int maxLength, const QString& fallback);
  /// An integral number in [lo, hi].
  qint64 integer(const char* key, qint64 lo, qint64 hi);
  qint64 optionalInteger(const char* key, qint64 lo, qint64 hi, qint64 fallback);
  /// A finite number in [lo, hi].
  double number(const char* key, double lo, double hi);
  /// A finite number in [lo, hi] that is also a finite float.
  float real(const char* key, float lo, float hi);
  bool boolean(const char* key);
  QJsonObject object(const char* key);
  QJsonArray array(const char* key, qsizetype maxSize);
  /// One of \p names (their index), as a string member.
  int choice(const char* key, std::initializer_list<const char*> names);

private:
  QJsonValue value(const char* key);

  QJsonObject m_object; // a copy (implicitly shared): readers of nested objects outlive them
  QString m_error;
};

/// Parse \p payload (at most \p maxBytes) and let \p read fill a T from it; \p out changes only
/// when the JSON and every member \p read asks for are valid.
template <typename T, typename Read>
bool decodeObject(const QByteArray& payload, qsizetype maxBytes, T& out, QString* error,
                  Read read) {
  QJsonObject object;
  if (!parseObject(payload, maxBytes, object, error)) return false;
  JsonReader reader(object);
  T value;
  read(reader, value);
  if (!reader.ok()) {
    if (error != nullptr) *error = reader.error();
    return false;
  }
  out = std::move(value);
  return true;
}

} // namespace json

/// The trigger object of BoardState and of the setTrigger command, both ways.
QJsonObject encodeTrigger(const link::TriggerConfig& trigger);
bool readTrigger(const QJsonObject& object, link::TriggerConfig& trigger, QString& error);

} // namespace fleet
} // namespace dlm
