#pragma once

// A board in software for the link tests: answers HelloRequest and every command as
// docs/protocol.md says (ack cache for duplicates, double-buffered model push with
// verification before activation, pull from a snapshot), streams samples and events, and
// can misbehave on request (lost replies, a damaged staging buffer, a damaged pull, foreign
// protocol versions). Like a board, it re-reports an event it sent once a LabelEvent made it
// learn it, reports the trigger SetTrigger set, and records the events it was told to forget. Bytes come in through receive() and go out through output(), so the
// same board sits behind a MockPort or a pseudo-terminal.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/protocol/frame.h"
#include "core/protocol/link.h"
#include "core/protocol/messages.h"
#include "core/protocol/model_transfer.h"

namespace dlm {
namespace link {
class MockPort;
}

namespace test {

/// The value the board streams for frame \p index, channel \p channel.
std::int16_t sampleValue(std::uint32_t index, int channel);

/// \p n deterministic pseudo-random bytes.
QByteArray randomBytes(int n, std::uint32_t seed);

class MockBoard : public QObject {
  Q_OBJECT
public:
  struct Received {
    protocol::CommandId id;
    std::uint16_t seq;
    std::uint32_t offset; // ModelChunk / ModelPullChunk offset, else 0
    int length;           // ModelChunk length, else 0
  };

  static constexpr int kChannels = 3;

  explicit MockBoard(QObject* parent = nullptr);
  /// A board behind \p port: connected both ways; its session ends when the port reopens.
  explicit MockBoard(link::MockPort* port, QObject* parent = nullptr);

  // Behaviour.
  void setVersions(std::uint8_t highest, std::uint8_t lowest, bool refuseWithAck);
  void setActiveModel(const QByteArray& model) { m_active = model; }
  void setStagingCapacity(int bytes);
  void dropHelloRequests(int count) { m_dropHellos = count; }
  /// Execute the next \p count commands of \p id but lose their replies.
  void dropReplies(protocol::CommandId id, int count) { m_dropReplies[id] = count; }
  /// Damage the staged model before the next activation (a flash write error).
  void setDamageStaging(bool on) { m_damageStaging = on; }
  /// Damage one byte of the next pulled chunk (a board-side fault the frame CRC cannot see).
  void setDamagePull(bool on) { m_damagePull = on; }
  /// Stream \p framesPerMessage frames every \p intervalMs while a session is open.
  void startStreaming(int framesPerMessage, int intervalMs);
  void stopStreaming();
  /// Send \p event and remember it (a LabelEvent for its id re-reports it, learned).
  void sendEvent(const protocol::Event& event);
  /// The trigger Status reports (SetTrigger changes it).
  void setTrigger(const protocol::TriggerSettings& trigger) { m_trigger = trigger; }
  void sendLog(protocol::LogLevel level, const char* text);

  // What happened.
  QByteArray activeModel() const { return m_active; }
  int activations() const { return m_activations; }
  int helloRequests() const { return m_helloRequests; }
  QList<std::uint16_t> helloSeqs() const { return m_helloSeqs; }
  bool sessionOpen() const { return m_session; }
  const QList<Received>& received() const { return m_received; }
  int count(protocol::CommandId id) const;
  int executed(protocol::CommandId id) const;
  std::uint32_t stagedOffset() const { return m_receiver.expectedOffset(); }
  std::uint32_t nextSample() const { return m_nextSample; }
  /// The rejection threshold SetRejection set (Status reports it).
  float rejection() const { return m_rejection; }
  /// The trigger Status reports.
  protocol::TriggerSettings trigger() const { return m_trigger; }
  /// Event ids of the ForgetEvent commands executed, in order.
  QList<std::uint32_t> forgotten() const { return m_forgotten; }
  /// (event id, class) of the LabelEvent commands executed, in order.
  QList<std::pair<std::uint32_t, int>> labels() const { return m_labels; }

public slots:
  void receive(const QByteArray& bytes);
  /// The port was (re)opened: whatever was half-received belongs to no one.
  void resetSession();

signals:
  void output(const QByteArray& bytes);
  void commandReceived(protocol::CommandId id, std::uint32_t offset);

private:
  void handleFrame(const protocol::FrameView& frame);
  void handleHello(const protocol::FrameView& frame);
  void handleCommand(const protocol::FrameView& frame);
  protocol::Ack execute(const protocol::Command& c);
  protocol::Ack activate(std::uint32_t crc);
  protocol::Ack pullChunk(std::uint32_t offset, std::uint16_t length, bool& sendData);
  void stream();
  void labelEvent(std::uint32_t id, int classIndex);
  template <typename M>
  void send(const M& message, std::uint8_t version = 0);  // 0: the session's version

  protocol::FrameDecoder m_decoder;
  protocol::AckCache m_acks;
  std::uint16_t m_seq = 0;
  std::uint8_t m_highest = protocol::kProtocolVersion;
  std::uint8_t m_lowest = protocol::kMinProtocolVersion;
  std::uint8_t m_version = protocol::kProtocolVersion;  // negotiated at the last handshake
  bool m_refuseWithAck = true;
  bool m_session = false;
  int m_dropHellos = 0;
  int m_helloRequests = 0;
  QList<std::uint16_t> m_helloSeqs;
  std::map<protocol::CommandId, int> m_dropReplies;
  std::map<protocol::CommandId, int> m_executed;
  QList<Received> m_received;

  QByteArray m_active;
  QByteArray m_snapshot;
  std::vector<std::uint8_t> m_staging;
  protocol::ModelReceiver m_receiver;
  bool m_damageStaging = false;
  bool m_damagePull = false;
  int m_activations = 0;
  float m_rejection = 0.05f;
  protocol::TriggerSettings m_trigger{0.5f, 0, 0, 10, 400};
  std::map<std::uint32_t, protocol::Event> m_events;
  QList<std::uint32_t> m_forgotten;
  QList<std::pair<std::uint32_t, int>> m_labels;

  QTimer m_streamTimer;
  int m_framesPerMessage = 8;
  std::uint32_t m_nextSample = 0;
};

} // namespace test
} // namespace dlm
