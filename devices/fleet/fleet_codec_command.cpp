// Commands to a board and their results (docs/fleet.md §3.12).
#include <limits>

#include "core/network.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_json.h"

namespace dlm {
namespace fleet {

namespace {

using json::JsonReader;

constexpr qint64 kU32 = std::numeric_limits<quint32>::max();
constexpr double kMaxTime = static_cast<double>(kMaxJsonInteger);
constexpr int kMaxText = 500;
constexpr float kMaxPerMinute = 600.0f;

// In CommandOp's order.
CommandOp readOp(JsonReader& r) {
  return static_cast<CommandOp>(r.choice("op", {"label", "forget", "setRejection", "setTrigger",
                                                "gesture", "spontaneous", "status", "watch",
                                                "reset"}));
}

void readArguments(JsonReader& r, FleetCommand& c) {
  switch (c.op) {
  case CommandOp::Label:
    c.eventId = static_cast<quint32>(r.integer("event", 0, kU32));
    c.classIndex = static_cast<int>(r.integer("class", 0, kMaxClasses - 1));
    break;
  case CommandOp::Forget: c.eventId = static_cast<quint32>(r.integer("event", 0, kU32)); break;
  case CommandOp::SetRejection: c.share = r.real("share", 0.0f, 1.0f); break;
  case CommandOp::SetTrigger: {
    const QJsonObject trigger = r.object("trigger");
    QString why;
    if (r.ok() && !readTrigger(trigger, c.trigger, why)) r.fail("trigger", why);
    break;
  }
  case CommandOp::Gesture: c.gesture = static_cast<int>(r.integer("gesture", 0, 255)); break;
  case CommandOp::Spontaneous: c.perMinute = r.real("perMinute", 0.0f, kMaxPerMinute); break;
  case CommandOp::Watch:
    c.seconds = static_cast<int>(r.integer("seconds", 0, kMaxWatchSeconds));
    break;
  case CommandOp::Status:
  case CommandOp::Reset: break;
  }
}

} // namespace

QByteArray encode(const FleetCommand& c) {
  QJsonObject o;
  o["id"] = c.id;
  o["op"] = commandOpName(c.op);
  switch (c.op) {
  case CommandOp::Label:
    o["event"] = json::fromInteger(c.eventId);
    o["class"] = c.classIndex;
    break;
  case CommandOp::Forget: o["event"] = json::fromInteger(c.eventId); break;
  case CommandOp::SetRejection: o["share"] = json::fromFloat(c.share); break;
  case CommandOp::SetTrigger: o["trigger"] = encodeTrigger(c.trigger); break;
  case CommandOp::Gesture: o["gesture"] = c.gesture; break;
  case CommandOp::Spontaneous: o["perMinute"] = json::fromFloat(c.perMinute); break;
  case CommandOp::Watch: o["seconds"] = c.seconds; break;
  case CommandOp::Status:
  case CommandOp::Reset: break;
  }
  return json::toBytes(o);
}

bool decode(const QByteArray& payload, FleetCommand& out, QString* error) {
  return json::decodeObject(payload, kMaxPayloadBytes, out, error,
                            [](JsonReader& r, FleetCommand& c) {
                              c.id = r.id("id");
                              c.op = readOp(r);
                              if (r.ok()) readArguments(r, c);
                            });
}

QByteArray encode(const CommandResult& v) {
  return json::toBytes(QJsonObject{{"id", v.id},
                                   {"op", commandOpName(v.op)},
                                   {"ok", v.ok},
                                   {"message", v.message.left(kMaxText)},
                                   {"t", json::fromTime(v.t)}});
}

bool decode(const QByteArray& payload, CommandResult& out, QString* error) {
  return json::decodeObject(payload, kMaxPayloadBytes, out, error,
                            [](JsonReader& r, CommandResult& v) {
                              v.id = r.id("id");
                              v.op = readOp(r);
                              v.ok = r.boolean("ok");
                              v.message = r.string("message", kMaxText);
                              v.t = r.number("t", 0.0, kMaxTime);
                            });
}

} // namespace fleet
} // namespace dlm
