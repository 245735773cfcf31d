// The fleet payload codec (devices/fleet): every payload round-trips; malformed payloads of
// every kind are rejected with a reason and leave the output untouched.
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cfloat>
#include <cmath>

#include "core/front_end.h"
#include "devices/fleet/fleet_codec.h"
#include "tests/devices/fleet/fleet_samples.h"

using namespace dlm;
using namespace dlm::fleet;

namespace {

// \p payload with member \p key set to \p value (or removed when value is undefined).
QByteArray withMember(const QByteArray& payload, const QString& key, const QJsonValue& value) {
  QJsonObject o = QJsonDocument::fromJson(payload).object();
  if (value.isUndefined())
    o.remove(key);
  else
    o[key] = value;
  return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

template <typename T> QString rejectReason(const QByteArray& payload) {
  T out = T();
  QString error;
  if (decode(payload, out, &error)) return QString();
  return error.isEmpty() ? QStringLiteral("(no reason)") : error;
}

} // namespace

class TestFleetCodec : public QObject {
  Q_OBJECT
private slots:
  void gatewayStatusRoundTrips();
  void gatewayStatsRoundTrips();
  void identityRoundTrips();
  void boardStateRoundTrips();
  void eventRoundTripsExactly();
  void boardStatsRoundTrips();
  void samplesAndLogRoundTrip();
  void modelPushRoundTripsAndIsVerified();
  void progressAndOutcomeRoundTrip();
  void everyCommandRoundTrips();
  void commandResultRoundTrips();
  void notAnObjectIsRejected_data();
  void notAnObjectIsRejected();
  void wrongMembersAreRejected_data();
  void wrongMembersAreRejected();
  void modelPushChecksItsModel();
  void commandsCheckTheirArguments_data();
  void commandsCheckTheirArguments();
  void unknownMembersAreIgnored();
  void rejectedPayloadLeavesOutputUntouched();
  void oversizedPayloadsAreRejected();
  void mutatedPayloadsNeverDecodeToInvalidValues();
};

void TestFleetCodec::gatewayStatusRoundTrips() {
  const GatewayStatus in = samples::gatewayStatus();
  GatewayStatus out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.gateway, in.gateway);
  QCOMPARE(out.site, in.site);
  QCOMPARE(out.online, true);
  QCOMPARE(out.stream, in.stream);
  QCOMPARE(out.version, in.version);
  QCOMPARE(out.started, in.started);
  QCOMPARE(out.boards, in.boards);
  GatewayStatus will = in;
  will.online = false;
  will.reason = QStringLiteral("lost");
  QVERIFY(decode(encode(will), out, &error));
  QCOMPARE(out.online, false);
  QCOMPARE(out.reason, QStringLiteral("lost"));
}

void TestFleetCodec::gatewayStatsRoundTrips() {
  GatewayStats in = samples::gatewayStats();
  GatewayStats out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.published, in.published);
  QCOMPARE(out.acked, in.acked);
  QCOMPARE(out.queued, in.queued);
  QCOMPARE(out.dropped, in.dropped);
  QCOMPARE(out.malformedPush, in.malformedPush);
  QCOMPARE(out.malformedCmd, in.malformedCmd);
  QVERIFY(out.hasLastMalformed);
  QCOMPARE(out.lastMalformed.reason, in.lastMalformed.reason);
  QCOMPARE(out.uptimeMs, in.uptimeMs);
  in.hasLastMalformed = false;
  QVERIFY(!encode(in).contains("lastMalformed"));
  QVERIFY(decode(encode(in), out, &error));
  QVERIFY(!out.hasLastMalformed);
}

void TestFleetCodec::identityRoundTrips() {
  const BoardIdentity in = samples::identity();
  BoardIdentity out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.board, in.board);
  QCOMPARE(out.info.portName, in.info.portName);
  QCOMPARE(out.info.boardName, in.info.boardName);
  QCOMPARE(out.info.descriptorDims, 58);
  QCOMPARE(out.info.modelCrc, in.info.modelCrc);
  QCOMPARE(out.info.modelCapacity, in.info.modelCapacity);
  QVERIFY(sameFrontEnd(out.info.frontEnd, in.info.frontEnd));
}

void TestFleetCodec::boardStateRoundTrips() {
  BoardState in = samples::boardState();
  BoardState out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.state, link::LinkState::Connected);
  QVERIFY(out.hasStatus);
  QCOMPARE(out.status.modelCrc, in.status.modelCrc);
  QCOMPARE(out.status.rejectionThreshold, in.status.rejectionThreshold);
  QCOMPARE(out.status.trigger.maxFrames, in.status.trigger.maxFrames);
  QCOMPARE(out.status.trigger.threshold, in.status.trigger.threshold);
  in.hasStatus = false;
  in.state = link::LinkState::Incompatible;
  QVERIFY(decode(encode(in), out, &error));
  QVERIFY(!out.hasStatus);
  QCOMPARE(out.state, link::LinkState::Incompatible);
}

void TestFleetCodec::eventRoundTripsExactly() {
  FleetEvent in = samples::event();
  // Floats that are awkward in decimal come back bit for bit.
  in.event.descriptor[0] = 0.1f;
  in.event.descriptor[1] = FLT_MIN;
  in.event.descriptor[2] = -FLT_MAX;
  in.event.descriptor[3] = 1.0f / 3.0f;
  FleetEvent out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.seq, in.seq);
  QCOMPARE(out.stream, in.stream);
  QCOMPARE(out.t, in.t);
  QCOMPARE(out.event.id, in.event.id);
  QCOMPARE(out.event.predictedClass, in.event.predictedClass);
  QCOMPARE(out.event.requestedGesture, in.event.requestedGesture);
  QCOMPARE(out.modelCrc, in.modelCrc);
  QCOMPARE(out.event.descriptor.size(), in.event.descriptor.size());
  for (int i = 0; i < in.event.descriptor.size(); ++i)
    QCOMPARE(out.event.descriptor[i], in.event.descriptor[i]);
  QCOMPARE(out.event.confidence, in.event.confidence);
  QCOMPARE(out.event.knownScore, in.event.knownScore);
  // Shortest forms keep the payload small: 0.1f is "0.1", not 0.10000000149011612.
  QVERIFY(encode(in).contains("[0.1,"));
}

void TestFleetCodec::boardStatsRoundTrips() {
  const BoardStats in = samples::boardStats();
  BoardStats out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.lastSeq, in.lastSeq);
  QCOMPARE(out.events, in.events);
  QCOMPARE(out.rejected, in.rejected);
  QCOMPARE(out.rejectionRate, in.rejectionRate);
  QCOMPARE(out.link.bytesIn, in.link.bytesIn);
  QCOMPARE(out.link.latencyMs, in.link.latencyMs);
}

void TestFleetCodec::samplesAndLogRoundTrip() {
  SamplesPayload s;
  s.board = QStringLiteral("b1");
  s.first = 4000000000u;
  s.channels = 3;
  s.rateHz = 1000;
  s.values = {-32768, 32767, 0, 1, -1, 5};
  SamplesPayload sOut;
  QString error;
  QVERIFY2(decode(encode(s), sOut, &error), qPrintable(error));
  QCOMPARE(sOut.values, s.values);
  QCOMPARE(sOut.first, s.first);
  LogLine l;
  l.board = QStringLiteral("b1");
  l.level = link::LogLevel::Warning;
  l.text = QStringLiteral("model refused: DimsMismatch é");
  l.t = 1767225600000.5;
  LogLine lOut;
  QVERIFY2(decode(encode(l), lOut, &error), qPrintable(error));
  QCOMPARE(lOut.level, link::LogLevel::Warning);
  QCOMPARE(lOut.text, l.text);
  QCOMPARE(lOut.t, l.t);
}

void TestFleetCodec::modelPushRoundTripsAndIsVerified() {
  const QByteArray model = samples::modelBytes(5000);
  const ModelPush in = makeModelPush(QStringLiteral("p-1"), {"b1", "b2"}, model);
  QCOMPARE(in.sha256, QCryptographicHash::hash(model, QCryptographicHash::Sha256));
  QCOMPARE(in.modelCrc, link::modelIdentity(model));
  ModelPush out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.push, in.push);
  QCOMPARE(out.targets, in.targets);
  QCOMPARE(out.model, model);
  QCOMPARE(out.modelCrc, in.modelCrc);
}

void TestFleetCodec::progressAndOutcomeRoundTrip() {
  PushProgress p{QStringLiteral("p-1"), QStringLiteral("b1"), PushState::Sending, 512, 4096,
                 1767225600000.25};
  PushProgress pOut;
  QString error;
  QVERIFY2(decode(encode(p), pOut, &error), qPrintable(error));
  QCOMPARE(pOut.state, PushState::Sending);
  QCOMPARE(pOut.sent, 512u);
  PushOutcome o{QStringLiteral("p-1"), QStringLiteral("b1"), PushResult::Superseded, 0xDEADBEEF,
                QStringLiteral("a newer push"), 1234, 1767225600001.0};
  PushOutcome oOut;
  QVERIFY2(decode(encode(o), oOut, &error), qPrintable(error));
  QCOMPARE(oOut.result, PushResult::Superseded);
  QCOMPARE(oOut.modelCrc, 0xDEADBEEFu);
  QCOMPARE(oOut.durationMs, 1234u);
}

void TestFleetCodec::everyCommandRoundTrips() {
  for (const FleetCommand& in : samples::commands()) {
    FleetCommand out;
    QString error;
    QVERIFY2(decode(encode(in), out, &error), qPrintable(commandOpName(in.op) + ": " + error));
    QCOMPARE(out.id, in.id);
    QCOMPARE(out.op, in.op);
    QCOMPARE(out.eventId, in.eventId);
    QCOMPARE(out.classIndex, in.classIndex);
    QCOMPARE(out.share, in.share);
    QCOMPARE(out.gesture, in.gesture);
    QCOMPARE(out.perMinute, in.perMinute);
    QCOMPARE(out.seconds, in.seconds);
    QCOMPARE(out.trigger.maxFrames, in.trigger.maxFrames);
    QCOMPARE(out.trigger.threshold, in.trigger.threshold);
  }
}

void TestFleetCodec::commandResultRoundTrips() {
  CommandResult in{QStringLiteral("c.7"), CommandOp::Label, false,
                   QStringLiteral("The board no longer holds this event."), 1767225600000.0};
  CommandResult out;
  QString error;
  QVERIFY2(decode(encode(in), out, &error), qPrintable(error));
  QCOMPARE(out.id, in.id);
  QCOMPARE(out.op, CommandOp::Label);
  QCOMPARE(out.ok, false);
  QCOMPARE(out.message, in.message);
}

void TestFleetCodec::notAnObjectIsRejected_data() {
  QTest::addColumn<QByteArray>("payload");
  QTest::newRow("empty") << QByteArray();
  QTest::newRow("garbage") << QByteArray("\x00\xff\x10garbage", 10);
  QTest::newRow("array") << QByteArray("[1,2,3]");
  QTest::newRow("number") << QByteArray("42");
  QTest::newRow("string") << QByteArray("\"status\"");
  QTest::newRow("truncated") << samples::event().board.toUtf8().prepend("{\"board\":\"");
  QTest::newRow("trailing") << encode(samples::gatewayStatus()) + "x";
  QTest::newRow("empty object") << QByteArray("{}");
}

void TestFleetCodec::notAnObjectIsRejected() {
  QFETCH(QByteArray, payload);
  QVERIFY(!rejectReason<GatewayStatus>(payload).isEmpty());
  QVERIFY(!rejectReason<GatewayStats>(payload).isEmpty());
  QVERIFY(!rejectReason<BoardIdentity>(payload).isEmpty());
  QVERIFY(!rejectReason<BoardState>(payload).isEmpty());
  QVERIFY(!rejectReason<FleetEvent>(payload).isEmpty());
  QVERIFY(!rejectReason<BoardStats>(payload).isEmpty());
  QVERIFY(!rejectReason<SamplesPayload>(payload).isEmpty());
  QVERIFY(!rejectReason<LogLine>(payload).isEmpty());
  QVERIFY(!rejectReason<ModelPush>(payload).isEmpty());
  QVERIFY(!rejectReason<PushProgress>(payload).isEmpty());
  QVERIFY(!rejectReason<PushOutcome>(payload).isEmpty());
  QVERIFY(!rejectReason<FleetCommand>(payload).isEmpty());
  QVERIFY(!rejectReason<CommandResult>(payload).isEmpty());
}

void TestFleetCodec::wrongMembersAreRejected_data() {
  QTest::addColumn<int>("kind"); // 0 event, 1 identity, 2 status, 3 gateway status, 4 stats
  QTest::addColumn<QString>("key");
  QTest::addColumn<QJsonValue>("value");
  QTest::addColumn<QString>("reason"); // a piece of the expected error
  const QJsonValue missing(QJsonValue::Undefined);
  QTest::newRow("event: seq missing") << 0 << "seq" << missing << "missing";
  QTest::newRow("event: seq 0") << 0 << "seq" << QJsonValue(0) << "seq";
  QTest::newRow("event: seq fraction") << 0 << "seq" << QJsonValue(1.5) << "integer";
  QTest::newRow("event: seq beyond 2^53") << 0 << "seq" << QJsonValue(9007199254740993.0) << "seq";
  QTest::newRow("event: seq as text") << 0 << "seq" << QJsonValue("7") << "integer";
  QTest::newRow("event: board wildcard") << 0 << "board" << QJsonValue("b/+") << "id";
  QTest::newRow("event: board empty") << 0 << "board" << QJsonValue("") << "id";
  QTest::newRow("event: board too long") << 0 << "board" << QJsonValue(QString(65, 'a')) << "64";
  QTest::newRow("event: stream upper") << 0 << "stream" << QJsonValue("ABC") << "hex";
  QTest::newRow("event: predicted -2") << 0 << "predicted" << QJsonValue(-2) << "predicted";
  QTest::newRow("event: confidence 2") << 0 << "confidence" << QJsonValue(2) << "confidence";
  QTest::newRow("event: knownScore huge") << 0 << "knownScore" << QJsonValue(1e300) << "knownScore";
  QTest::newRow("event: learned 1") << 0 << "learned" << QJsonValue(1) << "true or false";
  QTest::newRow("event: gesture 256") << 0 << "gesture" << QJsonValue(256) << "gesture";
  QTest::newRow("event: descriptor text")
      << 0 << "descriptor" << QJsonValue(QJsonArray{1, "x"}) << "finite float";
  QTest::newRow("event: descriptor 65 long")
      << 0 << "descriptor" << QJsonValue(QJsonArray::fromVariantList(QVariantList(65, 0.5)))
      << "64";
  QTest::newRow("event: descriptor huge")
      << 0 << "descriptor" << QJsonValue(QJsonArray{1e39}) << "finite float";
  QTest::newRow("identity: frontEnd short") << 1 << "frontEnd" << QJsonValue("00") << "hex";
  QTest::newRow("identity: frontEnd junk")
      << 1 << "frontEnd" << QJsonValue(QString(64, 'f')) << "front-end";
  QTest::newRow("identity: dims mismatch")
      << 1 << "descriptorDims" << QJsonValue(20) << "descriptorDims";
  QTest::newRow("identity: channels 17") << 1 << "channels" << QJsonValue(17) << "channels";
  QTest::newRow("status: state unknown") << 2 << "state" << QJsonValue("up") << "one of";
  QTest::newRow("status: status not object") << 2 << "status" << QJsonValue(3) << "object";
  QTest::newRow("gateway: boards twice")
      << 3 << "boards" << QJsonValue(QJsonArray{"a", "a"}) << "twice";
  QTest::newRow("gateway: state") << 3 << "state" << QJsonValue(true) << "string";
  QTest::newRow("stats: rejected > events") << 4 << "rejected" << QJsonValue(1000) << "rejected";
  QTest::newRow("stats: link missing") << 4 << "link" << missing << "missing";
}

void TestFleetCodec::wrongMembersAreRejected() {
  QFETCH(int, kind);
  QFETCH(QString, key);
  QFETCH(QJsonValue, value);
  QFETCH(QString, reason);
  QString error;
  switch (kind) {
  case 0: error = rejectReason<FleetEvent>(withMember(encode(samples::event()), key, value)); break;
  case 1:
    error = rejectReason<BoardIdentity>(withMember(encode(samples::identity()), key, value));
    break;
  case 2:
    error = rejectReason<BoardState>(withMember(encode(samples::boardState()), key, value));
    break;
  case 3:
    error = rejectReason<GatewayStatus>(withMember(encode(samples::gatewayStatus()), key, value));
    break;
  default:
    error = rejectReason<BoardStats>(withMember(encode(samples::boardStats()), key, value));
    break;
  }
  QVERIFY2(!error.isEmpty(), "accepted");
  QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestFleetCodec::modelPushChecksItsModel() {
  const QByteArray model = samples::modelBytes(3000);
  const QByteArray good = encode(makeModelPush(QStringLiteral("p"), {"b1"}, model));
  QVERIFY(rejectReason<ModelPush>(good).isEmpty());
  QByteArray other = model;
  other[10] = static_cast<char>(other[10] ^ 1);
  const auto b64 = [](const QByteArray& b) { return QJsonValue(QString::fromLatin1(b.toBase64())); };
  QVERIFY(rejectReason<ModelPush>(withMember(good, "model", b64(other))).contains("sha256"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "model", b64(model.left(2999)))).contains("bytes"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "model", QJsonValue("@@@@"))).contains("base64"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "bytes", QJsonValue(0))).contains("bytes"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "bytes", QJsonValue(5 << 20))).contains("bytes"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "modelCrc", QJsonValue(1))).contains("identity"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "sha256", QJsonValue("ab"))).contains("hex"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "targets", QJsonArray{})).contains("empty"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "targets", QJsonArray{"b1", "b1"})).contains("twice"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "targets", QJsonArray{"#"})).contains("id"));
  QVERIFY(rejectReason<ModelPush>(withMember(good, "push", QJsonValue("a b"))).contains("id"));
  // A model whose sha256 matches but whose identity the sender got wrong is caught too.
  ModelPush wrong = makeModelPush(QStringLiteral("p"), {"b1"}, model);
  wrong.modelCrc ^= 1;
  QVERIFY(rejectReason<ModelPush>(encode(wrong)).contains("identity"));
}

void TestFleetCodec::commandsCheckTheirArguments_data() {
  QTest::addColumn<QByteArray>("payload");
  QTest::newRow("no op") << QByteArray(R"({"id":"c1"})");
  QTest::newRow("unknown op") << QByteArray(R"({"id":"c1","op":"format"})");
  QTest::newRow("no id") << QByteArray(R"({"op":"status"})");
  QTest::newRow("label without class") << QByteArray(R"({"id":"c1","op":"label","event":3})");
  QTest::newRow("label class 255") << QByteArray(R"({"id":"c1","op":"label","event":3,"class":255})");
  QTest::newRow("label event -1") << QByteArray(R"({"id":"c1","op":"label","event":-1,"class":0})");
  QTest::newRow("rejection 1.5") << QByteArray(R"({"id":"c1","op":"setRejection","share":1.5})");
  QTest::newRow("rejection text") << QByteArray(R"({"id":"c1","op":"setRejection","share":"0.5"})");
  QTest::newRow("trigger min > max")
      << QByteArray(R"({"id":"c1","op":"setTrigger","trigger":{"threshold":600,)"
                    R"("preTriggerFrames":100,"holdOffFrames":150,"minFrames":200,"maxFrames":100}})");
  QTest::newRow("trigger negative")
      << QByteArray(R"({"id":"c1","op":"setTrigger","trigger":{"threshold":-1,)"
                    R"("preTriggerFrames":100,"holdOffFrames":150,"minFrames":2,"maxFrames":100}})");
  QTest::newRow("gesture 256") << QByteArray(R"({"id":"c1","op":"gesture","gesture":256})");
  QTest::newRow("spontaneous 601") << QByteArray(R"({"id":"c1","op":"spontaneous","perMinute":601})");
  QTest::newRow("watch 601") << QByteArray(R"({"id":"c1","op":"watch","seconds":601})");
  QTest::newRow("watch -1") << QByteArray(R"({"id":"c1","op":"watch","seconds":-1})");
}

void TestFleetCodec::commandsCheckTheirArguments() {
  QFETCH(QByteArray, payload);
  QVERIFY(!rejectReason<FleetCommand>(payload).isEmpty());
}

void TestFleetCodec::unknownMembersAreIgnored() {
  // Version 1 grows by optional members: a decoder of today reads tomorrow's payloads.
  const QByteArray payload = withMember(encode(samples::event()), "humidity", QJsonValue(0.4));
  FleetEvent out;
  QString error;
  QVERIFY2(decode(payload, out, &error), qPrintable(error));
  QCOMPARE(out.seq, samples::event().seq);
}

void TestFleetCodec::rejectedPayloadLeavesOutputUntouched() {
  FleetEvent out = samples::event();
  out.seq = 99;
  QVERIFY(!decode(withMember(encode(samples::event()), "frames", QJsonValue(0)), out));
  QCOMPARE(out.seq, quint64{99});
}

void TestFleetCodec::oversizedPayloadsAreRejected() {
  QByteArray huge = encode(samples::event());
  huge.chop(1);
  huge += ",\"pad\":\"" + QByteArray(kMaxPayloadBytes, 'x') + "\"}";
  QVERIFY(rejectReason<FleetEvent>(huge).contains("bytes"));
  QVERIFY(rejectReason<FleetCommand>(huge).contains("bytes"));
}

void TestFleetCodec::mutatedPayloadsNeverDecodeToInvalidValues() {
  // Random byte flips, cuts and insertions into valid payloads: each either fails with a
  // reason or decodes to values that encode and decode again to the same thing.
  const QList<QByteArray> seeds = {encode(samples::event()), encode(samples::identity()),
                                   encode(samples::boardState()),
                                   encode(samples::commands().first())};
  QRandomGenerator rng(1234);
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    QByteArray p = seeds[round % seeds.size()];
    const int edits = 1 + static_cast<int>(rng.bounded(4));
    for (int e = 0; e < edits && !p.isEmpty(); ++e) {
      const int at = static_cast<int>(rng.bounded(static_cast<quint32>(p.size())));
      switch (rng.bounded(3)) {
      case 0: p[at] = static_cast<char>(rng.bounded(256)); break;
      case 1: p.truncate(at); break;
      default: p.insert(at, static_cast<char>(rng.bounded(32, 127))); break;
      }
    }
    FleetEvent ev;
    if (decode(p, ev)) {
      ++accepted;
      FleetEvent again;
      QVERIFY(decode(encode(ev), again));
      QCOMPARE(again.seq, ev.seq);
      QCOMPARE(again.event.descriptor, ev.event.descriptor);
      QVERIFY(ev.seq >= 1 && ev.event.frames >= 1 && ev.event.descriptor.size() <= 64);
    }
    BoardIdentity id;
    if (decode(p, id)) QVERIFY(id.info.frontEnd.dims() == id.info.descriptorDims);
    FleetCommand c;
    if (decode(p, c)) QVERIFY(c.id.size() >= 1 && c.id.size() <= 64);
  }
  qInfo() << "mutated payloads that still decoded as events:" << accepted;
}

QTEST_GUILESS_MAIN(TestFleetCodec)
#include "test_fleet_codec.moc"
