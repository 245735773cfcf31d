// docs/protocol-examples.md: one worked example of every message type and command, encoded by
// the reference implementation. `protocol_examples --check FILE` fails when the document no
// longer matches what the code encodes (test_protocol_examples); `--write FILE` regenerates it.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/protocol/messages.h"

namespace {

using namespace dlm::protocol;

std::string hex(const std::uint8_t* bytes, std::size_t n) {
  std::string out;
  char two[4];
  for (std::size_t i = 0; i < n; ++i) {
    std::snprintf(two, sizeof two, i ? " %02X" : "%02X", unsigned(bytes[i]));
    out += two;
  }
  return out;
}

class Document {
public:
  template <typename M>
  void add(const char* title, const char* fields, const M& message, std::uint16_t seq) {
    std::uint8_t payload[kMaxPayload];
    std::uint8_t wire[kMaxWireFrame];
    const std::size_t p = encodePayload(message, payload, sizeof payload, kProtocolVersion);
    const std::size_t w = encodeMessage(message, seq, wire, sizeof wire);
    m_text << "### " << title << "\n\n" << fields << "; `seq` " << seq << ".\n\n"
           << "- payload, " << p << (p == 1 ? " byte" : " bytes") << ": `" << hex(payload, p)
           << "`\n"
           << "- on the wire, " << w << " bytes: `" << hex(wire, w) << "`\n\n";
  }
  std::string text() const { return kHeader + m_text.str(); }

private:
  static constexpr const char* kHeader =
      "# Protocol examples (version 5)\n\n"
      "One example of every message and command of [protocol.md](protocol.md), encoded by the\n"
      "reference implementation (`core/protocol/`): the payload, then the whole frame as it goes\n"
      "on the wire (header, payload and CRC-32, COBS-encoded, then the `00` delimiter).\n"
      "`test_protocol_examples` fails when this file and the code disagree; regenerate it with\n"
      "`build/tests/core/protocol/protocol_examples --write docs/protocol-examples.md`.\n\n";
  std::ostringstream m_text;
};

Command command(CommandId id) {
  Command c;
  c.id = id;
  return c;
}

void boardMessages(Document& d) {
  Hello h;
  std::strcpy(h.boardName, "virtual-board");
  std::strcpy(h.firmwareVersion, "0.3.1");
  std::strcpy(h.coreVersion, "0.1.0");
  h.capacity = {256, 64, 4, 12, 0, 4};
  h.sampleRateHz = 1000;
  h.channels = 3;
  h.descriptorDims = 58;
  h.depth = 1;  // no model yet: crc 0, 0 bytes, 0 neurons, depth 1
  h.modelCapacity = 262112;  // its 256 KiB slot less the store's 32-byte header
  d.add("Hello (2)", "A virtual board without a model: 3 channels at 1 kHz, 58-dim descriptors, "
        "models up to 262 112 bytes, the motion front-end (version 5)",
        h, 0);
  Hello sound = h;
  std::strcpy(sound.boardName, "microphone-board");
  sound.minVersion = kFrontEndProtocolVersion;  // an older studio would take it for motion
  sound.sampleRateHz = 16000;
  sound.channels = 1;
  sound.frontEnd = dlm::spectralFrontEnd(dlm::soundSpectral());
  sound.descriptorDims = sound.frontEnd.dims();
  d.add("Hello (2)", "A board with a microphone: 1 channel at 16 kHz, the spectral front-end's "
        "sound preset (10 mel bands from 100 to 8000 Hz x 6 slices, 512-sample frames every "
        "256, normalised, events up to 16 000 frames: 62 dims; version 5 only)",
        sound, 0);
  Samples s;
  s.firstSample = 1000;
  s.channels = 3;
  s.frames = 2;
  const std::int16_t values[] = {12, -3, 4096, 15, -1, 4090};
  std::memcpy(s.data, values, sizeof values);
  d.add("Samples (3)", "Frames 1000 and 1001 of x, y, z: (12, -3, 4096), (15, -1, 4090)", s, 1);
  Event e;
  e.eventId = 7;
  e.startSample = 5200;
  e.frames = 640;
  e.predictedClass = 2;
  e.bestClass = 2;
  e.confidence = 0.75f;
  e.knownScore = 0.5f;
  e.dims = 4;  // a real board sends descriptorDims values
  const float descriptor[] = {0.5f, -1.25f, 2.0f, 0.0f};
  std::memcpy(e.descriptor, descriptor, sizeof descriptor);
  e.requestedGesture = 2;
  d.add("Event (4)",
        "Event 7 from frame 5200, 640 frames, predicted class 2 (confidence 0.75, known level "
        "0.5), not labelled, a 4-value descriptor (0.5, -1.25, 2, 0), caused by PerformGesture "
        "2 (tap)",
        e, 2);
  Ack a;
  a.seq = 5;
  a.commandId = CommandId::LabelEvent;
  a.code = AckCode::Ok;
  a.value = 181;
  d.add("Ack (6)", "LabelEvent with `seq` 5 succeeded; the model has learned 181 events", a, 3);
  ModelData m;
  m.totalBytes = 66168;
  m.crc = 0x12345678u;
  m.length = 4;
  std::memcpy(m.data, "DLMM", 4);
  d.add("ModelData (7)",
        "The first 4 bytes (the magic `DLMM`) of a 66 168-byte snapshot whose CRC-32 is "
        "0x12345678",
        m, 4);
  BoardStatus st;
  st.modelCrc = 0x12345678u;
  st.modelBytes = 66168;
  st.neurons = 136;
  st.depth = 1;
  st.freeNeurons = 120;
  st.eventsLearned = 180;
  st.lastLearnUs = 950;
  st.lastPredictUs = 210;
  st.framesOk = 42;
  st.uptimeMs = 60000;
  st.trigger = kDefaultTrigger;
  st.rejectionThreshold = 0.05f;
  d.add("Status (8)",
        "A board running a pushed 136-neuron model, default trigger, threshold 0.05, up 60 s",
        st, 5);
  Log l;
  l.level = LogLevel::Warning;
  std::strcpy(l.text, "model refused: model header inconsistent");
  d.add("Log (9)", "A warning", l, 6);
}

void studioCommands(Document& d) {
  d.add("HelloRequest (1)", "The studio speaks versions 2 to 5", HelloRequest{}, 1);
  Command c = command(CommandId::SetTrigger);
  c.args.setTrigger = kDefaultTrigger;
  d.add("Command SetTrigger (1)", "The defaults: 600 counts, 100 / 150 / 120 / 2048 frames", c, 2);
  c = command(CommandId::LabelEvent);
  c.args.labelEvent = {7, 2};
  d.add("Command LabelEvent (2)", "Event 7 is class 2", c, 3);
  c = command(CommandId::ForgetEvent);
  c.args.forgetEventId = 42;
  d.add("Command ForgetEvent (3)", "Event 42 (the example of protocol.md 1.3)", c, 2);
  c = command(CommandId::PerformGesture);
  c.args.gesture = 5;
  d.add("Command PerformGesture (4)", "Gesture 5, figure-eight (never seen)", c, 4);
  d.add("Command GetStatus (5)", "No arguments", command(CommandId::GetStatus), 5);
  c = command(CommandId::ModelPushBegin);
  c.args.modelPushBegin = {66168, 0x12345678u};
  d.add("Command ModelPushBegin (6)", "66 168 bytes whose CRC-32 is 0x12345678", c, 6);
  c = command(CommandId::ModelChunk);
  c.args.modelChunk.offset = 0;
  c.args.modelChunk.length = 4;
  std::memcpy(c.args.modelChunk.data, "DLMM", 4);
  d.add("Command ModelChunk (7)", "The first 4 bytes (a real push sends up to 512)", c, 7);
  c = command(CommandId::ModelActivate);
  c.args.activateCrc = 0x12345678u;
  d.add("Command ModelActivate (8)", "Activate the staged model whose CRC-32 is 0x12345678", c,
        8);
  d.add("Command ModelPullBegin (9)", "No arguments", command(CommandId::ModelPullBegin), 9);
  c = command(CommandId::ModelPullChunk);
  c.args.modelPullChunk = {512, 512};
  d.add("Command ModelPullChunk (10)", "512 bytes from offset 512", c, 10);
  c = command(CommandId::InjectSamples);
  c.args.injectSamples.channels = 3;
  c.args.injectSamples.frames = 1;
  c.args.injectSamples.data[0] = 100;
  c.args.injectSamples.data[1] = -200;
  c.args.injectSamples.data[2] = 4096;
  d.add("Command InjectSamples (11)", "One frame of 3 channels: (100, -200, 4096)", c, 11);
  d.add("Command Heartbeat (12)", "No arguments", command(CommandId::Heartbeat), 12);
  d.add("Command Reset (13)", "No arguments", command(CommandId::Reset), 13);
  c = command(CommandId::SetRejection);
  c.args.rejectionShare = 0.05f;
  d.add("Command SetRejection (14)", "Reject 5% of known events", c, 14);
  c = command(CommandId::SetSpontaneousGestures);
  c.args.spontaneousRate = 12.0f;
  d.add("Command SetSpontaneousGestures (15)", "12 unrequested gestures a minute", c, 15);
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "--check") != 0 && std::strcmp(argv[1], "--write") != 0)) {
    std::fprintf(stderr, "usage: protocol_examples --check|--write FILE\n");
    return 2;
  }
  Document d;
  studioCommands(d);
  boardMessages(d);
  const std::string text = d.text();
  if (std::strcmp(argv[1], "--write") == 0) {
    std::ofstream(argv[2], std::ios::trunc) << text;
    return 0;
  }
  std::ifstream in(argv[2]);
  std::stringstream current;
  current << in.rdbuf();
  if (current.str() == text) return 0;
  std::fprintf(stderr, "%s does not match what core/protocol encodes; regenerate it with "
                       "protocol_examples --write %s\n", argv[2], argv[2]);
  return 1;
}
