// Seeds of the fleet payload target: every payload kind as the codec writes it (the fleet
// tests' example values), with the events, samples and a model push of the captured session.

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"
#include "devices/link/message_convert.h"
#include "tests/devices/fleet/fleet_samples.h"
#include "tests/fuzz/seeds/seeds.h"

namespace dlm::fuzz::seeds {

namespace {

constexpr const char* kFleet = "devices/fleet";

Bytes bytesOf(const QByteArray& b) { return Bytes(b.begin(), b.end()); }

} // namespace

void writeFleetSeeds(const Capture& c, Corpus& corpus) {
  namespace s = fleet::samples;
  corpus.write(kFleet, "gateway-status.json", bytesOf(fleet::encode(s::gatewayStatus())));
  corpus.write(kFleet, "gateway-stats.json", bytesOf(fleet::encode(s::gatewayStats())));
  corpus.write(kFleet, "board-identity.json", bytesOf(fleet::encode(s::identity())));
  corpus.write(kFleet, "board-state.json", bytesOf(fleet::encode(s::boardState())));
  corpus.write(kFleet, "board-stats.json", bytesOf(fleet::encode(s::boardStats())));
  int n = 0;
  for (const fleet::FleetCommand& cmd : s::commands())
    corpus.write(kFleet, "command-" + std::to_string(++n) + ".json", bytesOf(fleet::encode(cmd)));
  // The session's first events, as a gateway publishes them.
  fleet::FleetEvent e = s::event();
  for (std::size_t i = 0; i < c.events.size() && i < 2; ++i) {
    e.seq = i + 1;
    e.event = link::toBoardEvent(c.events[i]);
    corpus.write(kFleet, "event-" + std::to_string(i + 1) + ".json", bytesOf(fleet::encode(e)));
  }
  fleet::SamplesPayload samples;
  samples.board = QStringLiteral("v00");
  samples.first = c.signalStart;
  samples.channels = c.channels;
  samples.rateHz = 1000;
  for (std::size_t i = 0; i < c.signal.size() && i < 96; ++i) samples.values << c.signal[i];
  corpus.write(kFleet, "samples.json", bytesOf(fleet::encode(samples)));
  fleet::LogLine log;
  log.board = QStringLiteral("v00");
  log.level = link::LogLevel::Warning;
  log.text = QStringLiteral("model refused: corrupt model");
  log.t = 1767225612000.5;
  corpus.write(kFleet, "log.json", bytesOf(fleet::encode(log)));
  const QByteArray model(reinterpret_cast<const char*>(c.hostModel.data()),
                         qsizetype(c.hostModel.size()));
  corpus.write(kFleet, "model-push.json",
               bytesOf(fleet::encode(fleet::makeModelPush(QStringLiteral("p-1"),
                                                          {QStringLiteral("v00")}, model))));
  fleet::PushProgress progress;
  progress.push = QStringLiteral("p-1");
  progress.board = QStringLiteral("v00");
  progress.state = fleet::PushState::Sending;
  progress.sent = 1024;
  progress.total = std::uint32_t(model.size());
  progress.t = 1767225613000.0;
  corpus.write(kFleet, "push-progress.json", bytesOf(fleet::encode(progress)));
  fleet::PushOutcome outcome;
  outcome.push = QStringLiteral("p-1");
  outcome.board = QStringLiteral("v00");
  outcome.result = fleet::PushResult::Verified;
  outcome.modelCrc = 0x89ABCDEFu;
  outcome.durationMs = 850;
  outcome.t = 1767225614000.0;
  corpus.write(kFleet, "push-outcome.json", bytesOf(fleet::encode(outcome)));
  fleet::CommandResult result;
  result.id = QStringLiteral("c-1");
  result.op = fleet::CommandOp::Label;
  result.ok = true;
  result.t = 1767225615000.0;
  corpus.write(kFleet, "command-result.json", bytesOf(fleet::encode(result)));
  const QString topic = fleet::topicFor(QStringLiteral("plant.a"), QStringLiteral("gw-1"),
                                        fleet::TopicKind::Command, QStringLiteral("v00"));
  corpus.write(kFleet, "topic-command.txt", topic.toStdString());
}

} // namespace dlm::fuzz::seeds
