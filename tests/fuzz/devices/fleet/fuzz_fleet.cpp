// Fuzz target: the fleet payload decoder and topic parser (devices/fleet, docs/fleet.md), the
// door of every message a broker delivers: to a gateway (model pushes, commands) and to a
// studio (everything the gateways publish). Anyone who can publish on the broker writes them.
// The input is one payload (the seed corpus holds real ones: every payload kind as the
// codec writes it, events and a model push made from a session with the virtual board).
//
// The payload is decoded as every kind. Checked: a refused payload says why; an accepted one
// encodes to a payload that decodes again and encodes to the same bytes (a gateway relaying
// or a studio storing what it accepted never produces what it would refuse). The input is
// also parsed as a topic: an accepted topic is rebuilt exactly from its parts.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm::fleet;

namespace {

template <typename T>
void roundTrip(const QByteArray& payload) {
  T value;
  QString error;
  if (!decode(payload, value, &error)) {
    DLM_FUZZ_CHECK(!error.isEmpty(), "a refused payload without a message");
    return;
  }
  const QByteArray once = encode(value);
  T again;
  const bool accepted = decode(once, again, &error);
  if (!accepted) std::fprintf(stderr, "%s\n%s\n", once.constData(), qPrintable(error));
  DLM_FUZZ_CHECK(accepted, "an accepted payload, encoded again, is refused");
  DLM_FUZZ_CHECK(encode(again) == once, "encoding an accepted payload is not stable");
}

void checkTopic(const QByteArray& bytes) {
  if (bytes.size() > 1024) return;
  const QString text = QString::fromUtf8(bytes);
  Topic topic;
  if (!parseTopic(text, topic)) return;
  DLM_FUZZ_CHECK(topicFor(topic.site, topic.gateway, topic.kind, topic.board) == text,
                 "a parsed topic is not rebuilt from its parts");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const QByteArray payload(reinterpret_cast<const char*>(data), qsizetype(size));
  roundTrip<GatewayStatus>(payload);
  roundTrip<GatewayStats>(payload);
  roundTrip<BoardIdentity>(payload);
  roundTrip<BoardState>(payload);
  roundTrip<FleetEvent>(payload);
  roundTrip<BoardStats>(payload);
  roundTrip<SamplesPayload>(payload);
  roundTrip<LogLine>(payload);
  roundTrip<ModelPush>(payload);
  roundTrip<PushProgress>(payload);
  roundTrip<PushOutcome>(payload);
  roundTrip<FleetCommand>(payload);
  roundTrip<CommandResult>(payload);
  checkTopic(payload);
  return 0;
}
