#include "devices/fleet/fleet_payloads.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <chrono>

namespace dlm {
namespace fleet {

LinkCounters toLinkCounters(const link::LinkStatistics& s) {
  LinkCounters c;
  c.bytesIn = s.bytesIn;
  c.bytesOut = s.bytesOut;
  c.framesOk = s.framesOk;
  c.frameErrors = s.frameErrors();
  c.lostSampleFrames = s.lostSampleFrames;
  c.commandsSent = s.commandsSent;
  c.commandRetries = s.commandRetries;
  c.commandsFailed = s.commandsFailed;
  c.reconnects = s.reconnects;
  c.bytesInPerSecond = s.bytesInPerSecond;
  c.latencyMs = s.latencyMs;
  return c;
}

ModelPush makeModelPush(const QString& pushId, const QStringList& targets,
                        const QByteArray& model) {
  ModelPush p;
  p.push = pushId;
  p.targets = targets;
  p.model = model;
  p.sha256 = QCryptographicHash::hash(model, QCryptographicHash::Sha256);
  p.modelCrc = link::modelIdentity(model);
  return p;
}

QString pushStateName(PushState state) {
  switch (state) {
  case PushState::Queued: return QStringLiteral("queued");
  case PushState::Waiting: return QStringLiteral("waiting");
  case PushState::Sending: return QStringLiteral("sending");
  case PushState::Verifying: return QStringLiteral("verifying");
  }
  return QString();
}

QString pushResultName(PushResult result) {
  switch (result) {
  case PushResult::Verified: return QStringLiteral("verified");
  case PushResult::Failed: return QStringLiteral("failed");
  case PushResult::Superseded: return QStringLiteral("superseded");
  }
  return QString();
}

QString commandOpName(CommandOp op) {
  switch (op) {
  case CommandOp::Label: return QStringLiteral("label");
  case CommandOp::Forget: return QStringLiteral("forget");
  case CommandOp::SetRejection: return QStringLiteral("setRejection");
  case CommandOp::SetTrigger: return QStringLiteral("setTrigger");
  case CommandOp::Gesture: return QStringLiteral("gesture");
  case CommandOp::Spontaneous: return QStringLiteral("spontaneous");
  case CommandOp::Status: return QStringLiteral("status");
  case CommandOp::Watch: return QStringLiteral("watch");
  case CommandOp::Reset: return QStringLiteral("reset");
  }
  return QString();
}

QString linkStateName(link::LinkState state) {
  switch (state) {
  case link::LinkState::Connecting: return QStringLiteral("connecting");
  case link::LinkState::Connected: return QStringLiteral("connected");
  case link::LinkState::Reconnecting: return QStringLiteral("reconnecting");
  case link::LinkState::Disconnected: return QStringLiteral("disconnected");
  case link::LinkState::Incompatible: return QStringLiteral("incompatible");
  }
  return QString();
}

QString logLevelName(link::LogLevel level) {
  switch (level) {
  case link::LogLevel::Debug: return QStringLiteral("debug");
  case link::LogLevel::Info: return QStringLiteral("info");
  case link::LogLevel::Warning: return QStringLiteral("warning");
  case link::LogLevel::Error: return QStringLiteral("error");
  }
  return QString();
}

bool isValidStream(const QString& stream) {
  if (stream.isEmpty() || stream.size() > 32) return false;
  for (QChar c : stream) {
    const char16_t u = c.unicode();
    if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f'))) return false;
  }
  return true;
}

QString newStreamId() {
  return QStringLiteral("%1").arg(QRandomGenerator::system()->generate64(), 16, 16,
                                  QLatin1Char('0'));
}

double nowMs() {
  const auto since = std::chrono::system_clock::now().time_since_epoch();
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(since).count();
  return static_cast<double>(us) / 1000.0;
}

} // namespace fleet
} // namespace dlm
