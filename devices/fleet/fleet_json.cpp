#include "devices/fleet/fleet_json.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleet {
namespace json {

bool parseObject(const QByteArray& payload, qsizetype maxBytes, QJsonObject& out, QString* error) {
  auto fail = [error](const QString& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  if (payload.size() > maxBytes)
    return fail(QStringLiteral("payload of %1 bytes, more than the %2 allowed")
                    .arg(payload.size())
                    .arg(maxBytes));
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
  if (parseError.error != QJsonParseError::NoError)
    return fail(QStringLiteral("not JSON: %1 at byte %2")
                    .arg(parseError.errorString())
                    .arg(parseError.offset));
  if (!document.isObject()) return fail(QStringLiteral("not a JSON object"));
  out = document.object();
  return true;
}

QByteArray toBytes(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue fromFloat(float value) {
  if (!std::isfinite(value)) return QJsonValue(0); // never written: the types hold finite values
  char text[32];
  const std::to_chars_result r = std::to_chars(text, text + sizeof text - 1, value);
  *r.ptr = '\0';
  return QJsonValue(std::strtod(text, nullptr));
}

bool fitsFloat(double value) {
  // The shortest decimal of FLT_MAX; every double up to it rounds to a finite float.
  constexpr double kLimit = 3.4028235e38;
  return value >= -kLimit && value <= kLimit;
}

QJsonValue fromInteger(qint64 value) { return QJsonValue(value); }

QJsonValue fromTime(double ms) {
  if (!std::isfinite(ms)) return QJsonValue(0);
  const double us = std::round(ms * 1000.0);
  if (std::fmod(us, 1000.0) == 0.0) return QJsonValue(static_cast<qint64>(us / 1000.0));
  return QJsonValue(us / 1000.0);
}

QString toHex(const QByteArray& bytes) { return QString::fromLatin1(bytes.toHex()); }

bool fromHex(const QString& text, int size, QByteArray& out) {
  if (text.size() != 2 * size) return false;
  for (QChar c : text) {
    const char16_t u = c.unicode();
    if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f'))) return false;
  }
  out = QByteArray::fromHex(text.toLatin1());
  return out.size() == size;
}

// --- JsonReader ---------------------------------------------------------------------------

void JsonReader::fail(const char* key, const QString& why) {
  if (m_error.isEmpty()) m_error = QStringLiteral("member \"%1\": %2").arg(QLatin1String(key), why);
}

QJsonValue JsonReader::value(const char* key) {
  const QJsonValue v = m_object.value(QLatin1String(key));
  if (v.isUndefined()) fail(key, QStringLiteral("missing"));
  return v;
}

QString JsonReader::id(const char* key) {
  const QString text = string(key, kMaxIdLength);
  if (!ok()) return QString();
  if (!isValidId(text)) {
    fail(key, QStringLiteral("not an id (1-64 of A-Z a-z 0-9 _ - .)"));
    return QString();
  }
  return text;
}

QString JsonReader::string(const char* key, int maxLength) {
  const QJsonValue v = value(key);
  if (!ok()) return QString();
  if (!v.isString()) {
    fail(key, QStringLiteral("not a string"));
    return QString();
  }
  const QString text = v.toString();
  if (text.size() > maxLength) {
    fail(key, QStringLiteral("longer than %1 characters").arg(maxLength));
    return QString();
  }
  return text;
}

QString JsonReader::optionalString(const char* key, int maxLength, const QString& fallback) {
  return has(key) ? string(key, maxLength) : fallback;
}

qint64 JsonReader::integer(const char* key, qint64 lo, qint64 hi) {
  const QJsonValue v = value(key);
  if (!ok()) return lo;
  const double d = v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
  // Both bounds are within 2^53, where doubles are exact, so comparing doubles is exact.
  if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || std::floor(d) != d) {
    fail(key, QStringLiteral("not an integer in %1 ... %2").arg(lo).arg(hi));
    return lo;
  }
  return static_cast<qint64>(d);
}

qint64 JsonReader::optionalInteger(const char* key, qint64 lo, qint64 hi, qint64 fallback) {
  return has(key) ? integer(key, lo, hi) : fallback;
}

double JsonReader::number(const char* key, double lo, double hi) {
  const QJsonValue v = value(key);
  if (!ok()) return lo;
  const double d = v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
  if (!(std::isfinite(d) && d >= lo && d <= hi)) {
    fail(key, QStringLiteral("not a number in %1 ... %2").arg(lo).arg(hi));
    return lo;
  }
  return d;
}

float JsonReader::real(const char* key, float lo, float hi) {
  // A bound of +-FLT_MAX stands for "any finite float": widen it to what reads back as one.
  const double low = lo == -FLT_MAX ? -3.4028235e38 : static_cast<double>(lo);
  const double high = hi == FLT_MAX ? 3.4028235e38 : static_cast<double>(hi);
  const double d = number(key, low, high);
  return fitsFloat(d) ? static_cast<float>(d) : 0.0f;
}

bool JsonReader::boolean(const char* key) {
  const QJsonValue v = value(key);
  if (!ok()) return false;
  if (!v.isBool()) {
    fail(key, QStringLiteral("not true or false"));
    return false;
  }
  return v.toBool();
}

QJsonObject JsonReader::object(const char* key) {
  const QJsonValue v = value(key);
  if (!ok()) return QJsonObject();
  if (!v.isObject()) {
    fail(key, QStringLiteral("not an object"));
    return QJsonObject();
  }
  return v.toObject();
}

QJsonArray JsonReader::array(const char* key, qsizetype maxSize) {
  const QJsonValue v = value(key);
  if (!ok()) return QJsonArray();
  if (!v.isArray()) {
    fail(key, QStringLiteral("not an array"));
    return QJsonArray();
  }
  const QJsonArray a = v.toArray();
  if (a.size() > maxSize) {
    fail(key, QStringLiteral("more than %1 elements").arg(maxSize));
    return QJsonArray();
  }
  return a;
}

int JsonReader::choice(const char* key, std::initializer_list<const char*> names) {
  const QString text = string(key, 64);
  if (!ok()) return 0;
  int index = 0;
  QStringList allowed;
  for (const char* name : names) {
    if (text == QLatin1String(name)) return index;
    allowed << QStringLiteral("\"%1\"").arg(QLatin1String(name));
    ++index;
  }
  fail(key, QStringLiteral("not one of %1").arg(allowed.join(QStringLiteral(", "))));
  return 0;
}

} // namespace json
} // namespace fleet
} // namespace dlm
