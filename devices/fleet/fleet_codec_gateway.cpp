// The gateway's own payloads and the model push (docs/fleet.md §3.1-3.2, §3.9-3.11).
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

#include <limits>

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_json.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleet {

namespace {

using json::JsonReader;

constexpr qint64 kU32 = std::numeric_limits<quint32>::max();
constexpr qint64 kU64 = static_cast<qint64>(kMaxJsonInteger);
constexpr double kMaxTime = static_cast<double>(kMaxJsonInteger);
constexpr int kMaxText = 500;

QJsonValue u64(quint64 v) { return json::fromInteger(static_cast<qint64>(std::min(v, kMaxJsonInteger))); }

QString readStream(JsonReader& r) {
  const QString stream = r.string("stream", 32);
  if (r.ok() && !isValidStream(stream)) r.fail("stream", QStringLiteral("not 1-32 hex digits"));
  return stream;
}

QStringList readIds(JsonReader& r, const char* key, bool allowEmpty) {
  const QJsonArray array = r.array(key, kMaxBoards);
  QStringList ids;
  QSet<QString> seen;
  for (const QJsonValue& v : array) {
    const QString id = v.toString();
    if (!v.isString() || !isValidId(id)) {
      r.fail(key, QStringLiteral("holds something that is not an id"));
      return {};
    }
    if (seen.contains(id)) {
      r.fail(key, QStringLiteral("names %1 twice").arg(id));
      return {};
    }
    seen.insert(id);
    ids << id;
  }
  if (r.ok() && ids.isEmpty() && !allowEmpty) r.fail(key, QStringLiteral("is empty"));
  return ids;
}

void readMalformed(JsonReader& r, GatewayStats& s) {
  if (!r.has("lastMalformed")) return;
  JsonReader m(r.object("lastMalformed"));
  s.lastMalformed.topic = m.string("topic", 1024);
  s.lastMalformed.reason = m.string("reason", kMaxText);
  s.lastMalformed.t = m.number("t", 0.0, kMaxTime);
  if (!m.ok()) r.fail("lastMalformed", m.error());
  s.hasLastMalformed = true;
}

} // namespace

// --- GatewayStatus ---------------------------------------------------------------------------

QByteArray encode(const GatewayStatus& v) {
  QJsonObject o;
  o["gateway"] = v.gateway;
  o["site"] = v.site;
  o["state"] = v.online ? QStringLiteral("online") : QStringLiteral("offline");
  o["reason"] = v.reason;
  o["stream"] = v.stream;
  o["version"] = v.version;
  o["started"] = json::fromTime(v.started);
  o["boards"] = QJsonArray::fromStringList(v.boards);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, GatewayStatus& out, QString* error) {
  return json::decodeObject(payload, kMaxPayloadBytes, out, error,
                            [](JsonReader& r, GatewayStatus& v) {
                              v.gateway = r.id("gateway");
                              v.site = r.id("site");
                              v.online = r.choice("state", {"offline", "online"}) == 1;
                              v.reason = r.string("reason", 200);
                              v.stream = readStream(r);
                              v.version = r.string("version", 32);
                              v.started = r.number("started", 0.0, kMaxTime);
                              v.boards = readIds(r, "boards", true);
                            });
}

// --- GatewayStats ----------------------------------------------------------------------------

QByteArray encode(const GatewayStats& v) {
  QJsonObject o;
  o["gateway"] = v.gateway;
  o["stream"] = v.stream;
  o["t"] = json::fromTime(v.t);
  o["uptimeMs"] = u64(v.uptimeMs);
  o["boards"] = json::fromInteger(v.boards);
  o["connected"] = json::fromInteger(v.connected);
  o["published"] = u64(v.published);
  o["acked"] = u64(v.acked);
  o["queued"] = json::fromInteger(v.queued);
  o["dropped"] = u64(v.dropped);
  o["reconnects"] = json::fromInteger(v.reconnects);
  o["malformed"] = QJsonObject{{"push", u64(v.malformedPush)}, {"cmd", u64(v.malformedCmd)}};
  if (v.hasLastMalformed)
    o["lastMalformed"] = QJsonObject{{"topic", v.lastMalformed.topic},
                                     {"reason", v.lastMalformed.reason},
                                     {"t", json::fromTime(v.lastMalformed.t)}};
  o["pushes"] = json::fromInteger(v.pushes);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, GatewayStats& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, GatewayStats& v) {
        v.gateway = r.id("gateway");
        v.stream = readStream(r);
        v.t = r.number("t", 0.0, kMaxTime);
        v.uptimeMs = static_cast<quint64>(r.integer("uptimeMs", 0, kU64));
        v.boards = static_cast<quint32>(r.integer("boards", 0, kU32));
        v.connected = static_cast<quint32>(r.integer("connected", 0, kU32));
        v.published = static_cast<quint64>(r.integer("published", 0, kU64));
        v.acked = static_cast<quint64>(r.integer("acked", 0, kU64));
        v.queued = static_cast<quint32>(r.integer("queued", 0, kU32));
        v.dropped = static_cast<quint64>(r.integer("dropped", 0, kU64));
        v.reconnects = static_cast<quint32>(r.integer("reconnects", 0, kU32));
        JsonReader m(r.object("malformed"));
        v.malformedPush = static_cast<quint64>(m.integer("push", 0, kU64));
        v.malformedCmd = static_cast<quint64>(m.integer("cmd", 0, kU64));
        if (!m.ok()) r.fail("malformed", m.error());
        readMalformed(r, v);
        v.pushes = static_cast<quint32>(r.integer("pushes", 0, kU32));
      });
}

// --- ModelPush -------------------------------------------------------------------------------

QByteArray encode(const ModelPush& v) {
  QJsonObject o;
  o["push"] = v.push;
  o["targets"] = QJsonArray::fromStringList(v.targets);
  o["bytes"] = json::fromInteger(v.model.size());
  o["sha256"] = json::toHex(v.sha256);
  o["modelCrc"] = json::fromInteger(v.modelCrc);
  o["model"] = QString::fromLatin1(v.model.toBase64());
  return json::toBytes(o);
}

namespace {

void readModel(JsonReader& r, ModelPush& v) {
  const qint64 bytes = r.integer("bytes", 1, kMaxModelBytes);
  const QString sha = r.string("sha256", 64);
  if (r.ok() && !json::fromHex(sha, 32, v.sha256))
    r.fail("sha256", QStringLiteral("not 64 lower-case hex digits"));
  v.modelCrc = static_cast<quint32>(r.integer("modelCrc", 0, kU32));
  // Base64 of the largest model is about 5.6 M characters; the payload limit bounds it too.
  const QString text = r.string("model", static_cast<int>(kMaxPushPayloadBytes));
  if (!r.ok()) return;
  const QByteArray::FromBase64Result decoded =
      QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
  if (!decoded) return r.fail("model", QStringLiteral("not base64"));
  if (decoded.decoded.size() != bytes)
    return r.fail("model", QStringLiteral("decodes to %1 bytes, not the %2 of \"bytes\"")
                               .arg(decoded.decoded.size())
                               .arg(bytes));
  if (QCryptographicHash::hash(decoded.decoded, QCryptographicHash::Sha256) != v.sha256)
    return r.fail("sha256", QStringLiteral("does not match the model"));
  if (link::modelIdentity(decoded.decoded) != v.modelCrc)
    return r.fail("modelCrc", QStringLiteral("is not the model's identity (its last 4 bytes)"));
  v.model = decoded.decoded;
}

} // namespace

bool decode(const QByteArray& payload, ModelPush& out, QString* error) {
  return json::decodeObject(payload, kMaxPushPayloadBytes, out, error,
                            [](JsonReader& r, ModelPush& v) {
                              v.push = r.id("push");
                              v.targets = readIds(r, "targets", false);
                              readModel(r, v);
                            });
}

// --- PushProgress ----------------------------------------------------------------------------

QByteArray encode(const PushProgress& v) {
  QJsonObject o;
  o["push"] = v.push;
  o["board"] = v.board;
  o["state"] = pushStateName(v.state);
  o["sent"] = json::fromInteger(v.sent);
  o["total"] = json::fromInteger(v.total);
  o["t"] = json::fromTime(v.t);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, PushProgress& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, PushProgress& v) {
        v.push = r.id("push");
        v.board = r.id("board");
        v.state = static_cast<PushState>(
            r.choice("state", {"queued", "waiting", "sending", "verifying"}));
        v.total = static_cast<quint32>(r.integer("total", 0, kMaxModelBytes));
        v.sent = static_cast<quint32>(r.integer("sent", 0, v.total));
        v.t = r.number("t", 0.0, kMaxTime);
      });
}

// --- PushOutcome -----------------------------------------------------------------------------

QByteArray encode(const PushOutcome& v) {
  QJsonObject o;
  o["push"] = v.push;
  o["board"] = v.board;
  o["result"] = pushResultName(v.result);
  o["modelCrc"] = json::fromInteger(v.modelCrc);
  o["message"] = v.message.left(kMaxText);
  o["durationMs"] = json::fromInteger(v.durationMs);
  o["t"] = json::fromTime(v.t);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, PushOutcome& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, PushOutcome& v) {
        v.push = r.id("push");
        v.board = r.id("board");
        v.result =
            static_cast<PushResult>(r.choice("result", {"verified", "failed", "superseded"}));
        v.modelCrc = static_cast<quint32>(r.integer("modelCrc", 0, kU32));
        v.message = r.string("message", kMaxText);
        v.durationMs = static_cast<quint32>(r.integer("durationMs", 0, kU32));
        v.t = r.number("t", 0.0, kMaxTime);
      });
}

} // namespace fleet
} // namespace dlm
