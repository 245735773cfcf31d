// A board's payloads: identity, status, events, statistics, samples, log lines
// (docs/fleet.md §3.3-3.8).
#include <QJsonArray>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/front_end.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_json.h"

namespace dlm {
namespace fleet {

namespace {

using json::JsonReader;

constexpr qint64 kU32 = std::numeric_limits<quint32>::max();
constexpr qint64 kU64 = static_cast<qint64>(kMaxJsonInteger);
constexpr double kMaxTime = static_cast<double>(kMaxJsonInteger);
constexpr int kMaxText = 500;
constexpr int kMaxDescriptor = 64;
constexpr int kMaxChannels = 16;
// One Samples message holds at most a second of 16 channels at 64 kHz; far above any board.
constexpr qsizetype kMaxSampleValues = 65536;

QJsonValue u64(quint64 v) { return json::fromInteger(static_cast<qint64>(std::min(v, kMaxJsonInteger))); }

QString readStream(JsonReader& r) {
  const QString stream = r.string("stream", 32);
  if (r.ok() && !isValidStream(stream)) r.fail("stream", QStringLiteral("not 1-32 hex digits"));
  return stream;
}

int readInt(JsonReader& r, const char* key, qint64 lo, qint64 hi) {
  return static_cast<int>(r.integer(key, lo, hi));
}

QString frontEndHex(const FrontEndConfig& config) {
  std::uint8_t bytes[kFrontEndBytes] = {};
  if (encodeFrontEnd(config, bytes, sizeof bytes) != Status::Ok) return QString();
  return json::toHex(QByteArray(reinterpret_cast<const char*>(bytes), int{kFrontEndBytes}));
}

void readFrontEnd(JsonReader& r, link::BoardInfo& info) {
  const QString hex = r.string("frontEnd", 2 * int{kFrontEndBytes});
  if (!r.ok()) return;
  QByteArray bytes;
  if (!json::fromHex(hex, int{kFrontEndBytes}, bytes))
    return r.fail("frontEnd", QStringLiteral("not 64 lower-case hex digits"));
  if (decodeFrontEnd(reinterpret_cast<const std::uint8_t*>(bytes.constData()), kFrontEndBytes,
                     &info.frontEnd) != Status::Ok)
    return r.fail("frontEnd", QStringLiteral("not a valid front-end block"));
  if (info.frontEnd.dims() != info.descriptorDims || info.frontEnd.channels() != info.channels)
    r.fail("frontEnd", QStringLiteral("does not match descriptorDims and channels"));
}

QJsonObject triggerObject(const link::TriggerConfig& t) {
  return QJsonObject{{"threshold", json::fromFloat(t.threshold)},
                     {"preTriggerFrames", t.preTriggerFrames},
                     {"holdOffFrames", t.holdOffFrames},
                     {"minFrames", t.minFrames},
                     {"maxFrames", t.maxFrames}};
}

QJsonObject statusObject(const link::BoardStatus& s) {
  QJsonObject o;
  o["modelCrc"] = json::fromInteger(s.modelCrc);
  o["modelBytes"] = json::fromInteger(s.modelBytes);
  o["neurons"] = s.neurons;
  o["depth"] = s.depth;
  o["freeNeurons"] = s.freeNeurons;
  o["eventsLearned"] = json::fromInteger(s.eventsLearned);
  o["lastLearnUs"] = json::fromInteger(s.lastLearnUs);
  o["lastPredictUs"] = json::fromInteger(s.lastPredictUs);
  o["framesOk"] = json::fromInteger(s.framesOk);
  o["frameErrors"] = json::fromInteger(s.frameErrors);
  o["uptimeMs"] = json::fromInteger(s.uptimeMs);
  o["rejectionThreshold"] = json::fromFloat(s.rejectionThreshold);
  o["trigger"] = triggerObject(s.trigger);
  return o;
}

} // namespace

bool readTrigger(const QJsonObject& object, link::TriggerConfig& t, QString& error) {
  JsonReader r(object);
  t.threshold = r.real("threshold", 0.0f, FLT_MAX);
  t.preTriggerFrames = readInt(r, "preTriggerFrames", 0, 0xFFFF);
  t.holdOffFrames = readInt(r, "holdOffFrames", 0, 0xFFFF);
  t.minFrames = readInt(r, "minFrames", 1, 0xFFFF);
  t.maxFrames = readInt(r, "maxFrames", t.minFrames, 0xFFFF);
  error = r.error();
  return r.ok();
}

QJsonObject encodeTrigger(const link::TriggerConfig& t) { return triggerObject(t); }

namespace {

void readStatus(JsonReader& parent, link::BoardStatus& s) {
  JsonReader r(parent.object("status"));
  s.modelCrc = static_cast<quint32>(r.integer("modelCrc", 0, kU32));
  s.modelBytes = static_cast<quint32>(r.integer("modelBytes", 0, kU32));
  s.neurons = readInt(r, "neurons", 0, 0xFFFF);
  s.depth = readInt(r, "depth", 0, 255);
  s.freeNeurons = readInt(r, "freeNeurons", 0, 0xFFFF);
  s.eventsLearned = static_cast<quint32>(r.integer("eventsLearned", 0, kU32));
  s.lastLearnUs = static_cast<quint32>(r.integer("lastLearnUs", 0, kU32));
  s.lastPredictUs = static_cast<quint32>(r.integer("lastPredictUs", 0, kU32));
  s.framesOk = static_cast<quint32>(r.integer("framesOk", 0, kU32));
  s.frameErrors = static_cast<quint32>(r.integer("frameErrors", 0, kU32));
  s.uptimeMs = static_cast<quint32>(r.integer("uptimeMs", 0, kU32));
  s.rejectionThreshold = r.real("rejectionThreshold", 0.0f, 1.0f);
  QString why;
  if (r.ok() && !readTrigger(r.object("trigger"), s.trigger, why)) r.fail("trigger", why);
  if (!r.ok()) parent.fail("status", r.error());
}

} // namespace

// --- BoardIdentity ---------------------------------------------------------------------------

QByteArray encode(const BoardIdentity& v) {
  const link::BoardInfo& i = v.info;
  QJsonObject o;
  o["board"] = v.board;
  o["port"] = i.portName;
  o["boardName"] = i.boardName;
  o["firmwareVersion"] = i.firmwareVersion;
  o["coreVersion"] = i.coreVersion;
  o["protocolVersion"] = i.protocolVersion;
  o["maxNeurons"] = i.maxNeurons;
  o["maxDeepNeurons"] = i.maxDeepNeurons;
  o["maxDims"] = i.maxDims;
  o["maxLayers"] = i.maxLayers;
  o["maxClasses"] = i.maxClasses;
  o["maxEvents"] = json::fromInteger(i.maxEvents);
  o["modelCapacity"] = json::fromInteger(i.modelCapacity);
  o["sampleRateHz"] = i.sampleRateHz;
  o["channels"] = i.channels;
  o["descriptorDims"] = i.descriptorDims;
  o["frontEnd"] = frontEndHex(i.frontEnd);
  o["modelCrc"] = json::fromInteger(i.modelCrc);
  o["modelBytes"] = json::fromInteger(i.modelBytes);
  o["neurons"] = i.neurons;
  o["depth"] = i.depth;
  o["t"] = json::fromTime(v.t);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, BoardIdentity& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, BoardIdentity& v) {
        link::BoardInfo& i = v.info;
        v.board = r.id("board");
        i.portName = r.string("port", 256);
        i.boardName = r.string("boardName", 32);
        i.firmwareVersion = r.string("firmwareVersion", 32);
        i.coreVersion = r.string("coreVersion", 32);
        i.protocolVersion = readInt(r, "protocolVersion", 1, 255);
        i.maxNeurons = readInt(r, "maxNeurons", 0, 0xFFFF);
        i.maxDeepNeurons = readInt(r, "maxDeepNeurons", 0, 0xFFFF);
        i.maxDims = readInt(r, "maxDims", 0, 0xFFFF);
        i.maxLayers = readInt(r, "maxLayers", 0, 255);
        i.maxClasses = readInt(r, "maxClasses", 0, 255);
        i.maxEvents = static_cast<quint32>(r.integer("maxEvents", 0, kU32));
        i.modelCapacity = static_cast<quint32>(r.integer("modelCapacity", 0, kU32));
        i.sampleRateHz = readInt(r, "sampleRateHz", 1, 0xFFFF);
        i.channels = readInt(r, "channels", 1, kMaxChannels);
        i.descriptorDims = readInt(r, "descriptorDims", 0, kMaxDescriptor);
        readFrontEnd(r, i);
        i.modelCrc = static_cast<quint32>(r.integer("modelCrc", 0, kU32));
        i.modelBytes = static_cast<quint32>(r.integer("modelBytes", 0, kU32));
        i.neurons = readInt(r, "neurons", 0, 0xFFFF);
        i.depth = readInt(r, "depth", 0, 255);
        v.t = r.number("t", 0.0, kMaxTime);
      });
}

// --- BoardState ------------------------------------------------------------------------------

QByteArray encode(const BoardState& v) {
  QJsonObject o;
  o["board"] = v.board;
  o["state"] = linkStateName(v.state);
  o["detail"] = v.detail.left(kMaxText);
  o["t"] = json::fromTime(v.t);
  if (v.hasStatus) o["status"] = statusObject(v.status);
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, BoardState& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, BoardState& v) {
        v.board = r.id("board");
        // In LinkState's order.
        v.state = static_cast<link::LinkState>(r.choice(
            "state", {"disconnected", "connecting", "connected", "reconnecting", "incompatible"}));
        v.detail = r.string("detail", kMaxText);
        v.t = r.number("t", 0.0, kMaxTime);
        v.hasStatus = r.has("status");
        if (v.hasStatus) readStatus(r, v.status);
      });
}

// --- Event -----------------------------------------------------------------------------------

QByteArray encode(const FleetEvent& v) {
  const link::BoardEvent& e = v.event;
  QJsonObject o;
  o["board"] = v.board;
  o["stream"] = v.stream;
  o["seq"] = u64(v.seq);
  o["t"] = json::fromTime(v.t);
  o["id"] = json::fromInteger(e.id);
  o["startSample"] = json::fromInteger(e.startSample);
  o["frames"] = e.frames;
  o["predicted"] = e.predictedClass;
  o["best"] = e.bestClass;
  o["confidence"] = json::fromFloat(e.confidence);
  o["knownScore"] = json::fromFloat(e.knownScore);
  o["learned"] = e.learned;
  o["label"] = e.label;
  o["gesture"] = e.requestedGesture;
  o["modelCrc"] = json::fromInteger(v.modelCrc);
  QJsonArray descriptor;
  for (float x : e.descriptor) descriptor.append(json::fromFloat(x));
  o["descriptor"] = descriptor;
  return json::toBytes(o);
}

namespace {

void readDescriptor(JsonReader& r, QVector<float>& out) {
  const QJsonArray array = r.array("descriptor", kMaxDescriptor);
  out.clear();
  for (const QJsonValue& x : array) {
    const double d = x.isDouble() ? x.toDouble() : std::numeric_limits<double>::quiet_NaN();
    if (!json::fitsFloat(d)) {
      r.fail("descriptor", QStringLiteral("holds something that is not a finite float"));
      return;
    }
    out.append(static_cast<float>(d));
  }
}

} // namespace

bool decode(const QByteArray& payload, FleetEvent& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, FleetEvent& v) {
        link::BoardEvent& e = v.event;
        v.board = r.id("board");
        v.stream = readStream(r);
        v.seq = static_cast<quint64>(r.integer("seq", 1, kU64));
        v.t = r.number("t", 0.0, kMaxTime);
        e.id = static_cast<quint32>(r.integer("id", 0, kU32));
        e.startSample = static_cast<quint32>(r.integer("startSample", 0, kU32));
        e.frames = readInt(r, "frames", 1, 0xFFFF);
        e.predictedClass = readInt(r, "predicted", -1, 0x7FFF);
        e.bestClass = readInt(r, "best", -1, 0x7FFF);
        e.confidence = r.real("confidence", 0.0f, 1.0f);
        e.knownScore = r.real("knownScore", -FLT_MAX, FLT_MAX);
        e.learned = r.boolean("learned");
        e.label = readInt(r, "label", -1, 0x7FFF);
        e.requestedGesture = readInt(r, "gesture", -1, 255);
        v.modelCrc = static_cast<quint32>(r.integer("modelCrc", 0, kU32));
        readDescriptor(r, e.descriptor);
      });
}

// --- BoardStats ------------------------------------------------------------------------------

QByteArray encode(const BoardStats& v) {
  const LinkCounters& l = v.link;
  QJsonObject link;
  link["bytesIn"] = u64(l.bytesIn);
  link["bytesOut"] = u64(l.bytesOut);
  link["framesOk"] = u64(l.framesOk);
  link["frameErrors"] = u64(l.frameErrors);
  link["lostSampleFrames"] = u64(l.lostSampleFrames);
  link["commandsSent"] = u64(l.commandsSent);
  link["commandRetries"] = u64(l.commandRetries);
  link["commandsFailed"] = u64(l.commandsFailed);
  link["reconnects"] = u64(l.reconnects);
  link["bytesInPerSecond"] = QJsonValue(l.bytesInPerSecond);
  link["latencyMs"] = QJsonValue(l.latencyMs < 0.0 ? -1.0 : l.latencyMs);
  QJsonObject o;
  o["board"] = v.board;
  o["stream"] = v.stream;
  o["t"] = json::fromTime(v.t);
  o["lastSeq"] = u64(v.lastSeq);
  o["intervalMs"] = json::fromInteger(v.intervalMs);
  o["events"] = json::fromInteger(v.events);
  o["rejected"] = json::fromInteger(v.rejected);
  o["eventRate"] = QJsonValue(v.eventRate);
  o["rejectionRate"] = QJsonValue(v.rejectionRate);
  o["lastEventT"] = json::fromTime(v.lastEventT);
  o["link"] = link;
  return json::toBytes(o);
}

namespace {

void readLinkCounters(JsonReader& parent, LinkCounters& l) {
  JsonReader r(parent.object("link"));
  l.bytesIn = static_cast<quint64>(r.integer("bytesIn", 0, kU64));
  l.bytesOut = static_cast<quint64>(r.integer("bytesOut", 0, kU64));
  l.framesOk = static_cast<quint64>(r.integer("framesOk", 0, kU64));
  l.frameErrors = static_cast<quint64>(r.integer("frameErrors", 0, kU64));
  l.lostSampleFrames = static_cast<quint64>(r.integer("lostSampleFrames", 0, kU64));
  l.commandsSent = static_cast<quint64>(r.integer("commandsSent", 0, kU64));
  l.commandRetries = static_cast<quint64>(r.integer("commandRetries", 0, kU64));
  l.commandsFailed = static_cast<quint64>(r.integer("commandsFailed", 0, kU64));
  l.reconnects = static_cast<quint64>(r.integer("reconnects", 0, kU64));
  l.bytesInPerSecond = r.number("bytesInPerSecond", 0.0, 1e12);
  l.latencyMs = r.number("latencyMs", -1.0, 1e9);
  if (!r.ok()) parent.fail("link", r.error());
}

} // namespace

bool decode(const QByteArray& payload, BoardStats& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, BoardStats& v) {
        v.board = r.id("board");
        v.stream = readStream(r);
        v.t = r.number("t", 0.0, kMaxTime);
        v.lastSeq = static_cast<quint64>(r.integer("lastSeq", 0, kU64));
        v.intervalMs = static_cast<quint32>(r.integer("intervalMs", 0, kU32));
        v.events = static_cast<quint32>(r.integer("events", 0, kU32));
        v.rejected = static_cast<quint32>(r.integer("rejected", 0, v.events));
        v.eventRate = r.number("eventRate", 0.0, 1e9);
        v.rejectionRate = r.number("rejectionRate", 0.0, 1.0);
        v.lastEventT = r.number("lastEventT", 0.0, kMaxTime);
        readLinkCounters(r, v.link);
      });
}

// --- Samples and Log -------------------------------------------------------------------------

QByteArray encode(const SamplesPayload& v) {
  QJsonArray values;
  for (qint16 x : v.values) values.append(int{x});
  return json::toBytes(QJsonObject{{"board", v.board},
                                   {"first", json::fromInteger(v.first)},
                                   {"channels", v.channels},
                                   {"rateHz", json::fromInteger(v.rateHz)},
                                   {"values", values}});
}

bool decode(const QByteArray& payload, SamplesPayload& out, QString* error) {
  return json::decodeObject(
      payload, kMaxPayloadBytes, out, error, [](JsonReader& r, SamplesPayload& v) {
        v.board = r.id("board");
        v.first = static_cast<quint32>(r.integer("first", 0, kU32));
        v.channels = readInt(r, "channels", 1, kMaxChannels);
        v.rateHz = static_cast<quint32>(r.integer("rateHz", 1, kU32));
        const QJsonArray values = r.array("values", kMaxSampleValues);
        if (!r.ok()) return;
        if (values.isEmpty() || values.size() % v.channels != 0)
          return r.fail("values", QStringLiteral("not whole frames of %1 channels").arg(v.channels));
        for (const QJsonValue& x : values) {
          const double d = x.isDouble() ? x.toDouble() : 1e9;
          if (!(d >= -32768.0 && d <= 32767.0) || std::floor(d) != d)
            return r.fail("values", QStringLiteral("holds something that is not an int16"));
          v.values.append(static_cast<qint16>(d));
        }
      });
}

QByteArray encode(const LogLine& v) {
  return json::toBytes(QJsonObject{{"board", v.board},
                                   {"level", logLevelName(v.level)},
                                   {"text", v.text.left(kMaxText)},
                                   {"t", json::fromTime(v.t)}});
}

bool decode(const QByteArray& payload, LogLine& out, QString* error) {
  return json::decodeObject(payload, kMaxPayloadBytes, out, error,
                            [](JsonReader& r, LogLine& v) {
                              v.board = r.id("board");
                              v.level = static_cast<link::LogLevel>(
                                  r.choice("level", {"debug", "info", "warning", "error"}));
                              v.text = r.string("text", kMaxText);
                              v.t = r.number("t", 0.0, kMaxTime);
                            });
}

} // namespace fleet
} // namespace dlm
