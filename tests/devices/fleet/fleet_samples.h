#pragma once

// Valid example payloads for the fleet tests: each field set to something other than its
// default, so a round trip that drops a field shows.

#include <QByteArray>
#include <QList>

#include "core/front_end.h"
#include "devices/fleet/fleet_payloads.h"

namespace dlm::fleet::samples {

inline GatewayStatus gatewayStatus() {
  GatewayStatus s;
  s.gateway = QStringLiteral("gw-1");
  s.site = QStringLiteral("plant.a");
  s.online = true;
  s.stream = QStringLiteral("9f3c2a7d5e10b4c8");
  s.version = QStringLiteral("0.1.0");
  s.started = 1767225600000.0;
  s.boards = {QStringLiteral("v00"), QStringLiteral("ttyACM0")};
  return s;
}

inline GatewayStats gatewayStats() {
  GatewayStats s;
  s.gateway = QStringLiteral("gw-1");
  s.stream = QStringLiteral("9f3c2a7d5e10b4c8");
  s.t = 1767225612345.5;
  s.uptimeMs = 5000000000ull;
  s.boards = 10;
  s.connected = 9;
  s.published = 123456;
  s.acked = 123400;
  s.queued = 56;
  s.dropped = 3;
  s.reconnects = 2;
  s.malformedPush = 4;
  s.malformedCmd = 5;
  s.hasLastMalformed = true;
  s.lastMalformed = {QStringLiteral("dlm/v1/plant.a/gw-1/v00/cmd"),
                     QStringLiteral("member \"op\": missing"), 1767225612000.0};
  s.pushes = 1;
  return s;
}

inline link::BoardInfo boardInfo() {
  link::BoardInfo i;
  i.portName = QStringLiteral("/dev/pts/7");
  i.boardName = QStringLiteral("virtual-board");
  i.firmwareVersion = QStringLiteral("0.1.0");
  i.coreVersion = QStringLiteral("0.1.0");
  i.protocolVersion = 5;
  i.maxNeurons = 256;
  i.maxDeepNeurons = 128;
  i.maxDims = 64;
  i.maxLayers = 4;
  i.maxClasses = 16;
  i.maxEvents = 0;
  i.sampleRateHz = 1000;
  i.channels = 3;
  i.descriptorDims = 58;
  i.modelCrc = 0x89ABCDEFu;
  i.modelBytes = 66168;
  i.neurons = 136;
  i.depth = 2;
  i.modelCapacity = 262112;
  i.frontEnd = motionFrontEnd(3);
  return i;
}

inline BoardIdentity identity() {
  BoardIdentity b;
  b.board = QStringLiteral("v00");
  b.info = boardInfo();
  b.t = 1767225600100.0;
  return b;
}

inline BoardState boardState() {
  BoardState s;
  s.board = QStringLiteral("v00");
  s.state = link::LinkState::Connected;
  s.detail = QStringLiteral("Connected to virtual-board");
  s.t = 1767225600200.0;
  s.hasStatus = true;
  s.status.modelCrc = 0x89ABCDEFu;
  s.status.modelBytes = 66168;
  s.status.neurons = 136;
  s.status.depth = 2;
  s.status.freeNeurons = 120;
  s.status.eventsLearned = 24;
  s.status.lastLearnUs = 1500;
  s.status.lastPredictUs = 80;
  s.status.framesOk = 1000;
  s.status.frameErrors = 1;
  s.status.uptimeMs = 60000;
  s.status.trigger = {600.5f, 100, 150, 120, 2048};
  s.status.rejectionThreshold = 0.25f;
  return s;
}

inline FleetEvent event() {
  FleetEvent e;
  e.board = QStringLiteral("v00");
  e.stream = QStringLiteral("9f3c2a7d5e10b4c8");
  e.seq = 42;
  e.t = 1767225612345.125;
  e.event.id = 17;
  e.event.startSample = 120311;
  e.event.frames = 640;
  e.event.predictedClass = 2;
  e.event.bestClass = 2;
  e.event.confidence = 0.93f;
  e.event.knownScore = 0.71f;
  e.event.learned = true;
  e.event.label = 2;
  e.event.requestedGesture = 1;
  for (int i = 0; i < 58; ++i) e.event.descriptor.append(0.01f * static_cast<float>(i) - 0.2f);
  e.modelCrc = 0x89ABCDEFu;
  return e;
}

inline BoardStats boardStats() {
  BoardStats s;
  s.board = QStringLiteral("v00");
  s.stream = QStringLiteral("9f3c2a7d5e10b4c8");
  s.t = 1767225612345.0;
  s.lastSeq = 42;
  s.intervalMs = 10000;
  s.events = 12;
  s.rejected = 3;
  s.eventRate = 1.2;
  s.rejectionRate = 0.25;
  s.lastEventT = 1767225612000.0;
  s.link.bytesIn = 65000;
  s.link.bytesOut = 130;
  s.link.framesOk = 320;
  s.link.frameErrors = 1;
  s.link.lostSampleFrames = 32;
  s.link.commandsSent = 10;
  s.link.commandRetries = 1;
  s.link.commandsFailed = 0;
  s.link.reconnects = 1;
  s.link.bytesInPerSecond = 6579.5;
  s.link.latencyMs = 1.25;
  return s;
}

inline QList<FleetCommand> commands() {
  QList<FleetCommand> list;
  FleetCommand c;
  c.id = QStringLiteral("c-1");
  c.op = CommandOp::Label;
  c.eventId = 4000000000u;
  c.classIndex = 254;
  list << c;
  c = FleetCommand();
  c.id = QStringLiteral("c-2");
  c.op = CommandOp::Forget;
  c.eventId = 7;
  list << c;
  c = FleetCommand();
  c.id = QStringLiteral("c-3");
  c.op = CommandOp::SetRejection;
  c.share = 0.3f;
  list << c;
  c = FleetCommand();
  c.id = QStringLiteral("c-4");
  c.op = CommandOp::SetTrigger;
  c.trigger = {450.25f, 64, 100, 80, 1500};
  list << c;
  c = FleetCommand();
  c.id = QStringLiteral("c-5");
  c.op = CommandOp::Gesture;
  c.gesture = 6;
  list << c;
  c = FleetCommand();
  c.id = QStringLiteral("c-6");
  c.op = CommandOp::Spontaneous;
  c.perMinute = 12.5f;
  list << c;
  for (CommandOp op : {CommandOp::Status, CommandOp::Reset}) {
    c = FleetCommand();
    c.id = QStringLiteral("c-7");
    c.op = op;
    list << c;
  }
  c = FleetCommand();
  c.id = QStringLiteral("c-9");
  c.op = CommandOp::Watch;
  c.seconds = 30;
  list << c;
  return list;
}

/// \p size bytes that stand for a model (the codec checks size, hash and identity only).
inline QByteArray modelBytes(int size) {
  QByteArray b(size, '\0');
  for (int i = 0; i < size; ++i) b[i] = static_cast<char>((i * 131 + 7) & 0xFF);
  return b;
}

} // namespace dlm::fleet::samples
