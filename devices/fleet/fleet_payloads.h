#pragma once

// The payloads of the fleet protocol (docs/fleet.md §3) as plain values. The board's own facts
// reuse the link's value types (BoardInfo, BoardEvent, BoardStatus), so a consumer of the
// fleet handles a board behind a broker with the same types as a board on its own cable.

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include "devices/link/link_types.h"

namespace dlm {
namespace fleet {

/// \brief The fleet protocol version: the `v1` topic level.
constexpr int kFleetVersion = 1;
/// \brief Largest payload accepted on any topic but model/push (docs/fleet.md §2).
constexpr qsizetype kMaxPayloadBytes = qsizetype{1} << 20;
/// \brief Largest model/push payload accepted.
constexpr qsizetype kMaxPushPayloadBytes = qsizetype{8} << 20;
/// \brief Largest model a push carries.
constexpr quint32 kMaxModelBytes = 4u << 20;
/// \brief Most boards a gateway serves, and targets a push names.
constexpr int kMaxBoards = 1024;
/// \brief Largest integer the codec writes or accepts as a "u64": exact in every JSON reader.
constexpr quint64 kMaxJsonInteger = (quint64{1} << 53) - 1;
/// \brief Longest a `watch` command may ask for, in seconds.
constexpr int kMaxWatchSeconds = 600;

/// \brief GatewayStatus, on P/status (retained; also the gateway's last will).
struct GatewayStatus {
  QString gateway;
  QString site;
  bool online = false;
  QString reason; ///< "shutdown" or "lost" when offline, empty when online
  QString stream; ///< this run of the gateway: 1-32 lower-case hex digits
  QString version;
  double started = 0.0; ///< ms since the epoch
  QStringList boards;
};

/// \brief The last rejected payload a gateway saw.
struct MalformedNote {
  QString topic;
  QString reason;
  double t = 0.0;
};

/// \brief GatewayStats, on P/stats.
struct GatewayStats {
  QString gateway;
  QString stream;
  double t = 0.0;
  quint64 uptimeMs = 0;
  quint32 boards = 0;
  quint32 connected = 0;
  quint64 published = 0; ///< QoS 1 messages handed to the broker connection
  quint64 acked = 0;     ///< of those, acknowledged by the broker
  quint32 queued = 0;    ///< waiting in the offline buffer now
  quint64 dropped = 0;   ///< events dropped from a full buffer
  quint32 reconnects = 0;
  quint64 malformedPush = 0; ///< rejected payloads on P/model/push
  quint64 malformedCmd = 0;  ///< rejected payloads on P/<board>/cmd
  bool hasLastMalformed = false;
  MalformedNote lastMalformed;
  quint32 pushes = 0; ///< model pushes not finished
};

/// \brief BoardIdentity, on P/<board>/identity (retained): the board's Hello.
struct BoardIdentity {
  QString board;
  link::BoardInfo info; ///< info.portName is the port on the gateway's machine
  double t = 0.0;
};

/// \brief BoardState, on P/<board>/status (retained): the link state and the last Status.
struct BoardState {
  QString board;
  link::LinkState state = link::LinkState::Disconnected;
  QString detail;
  double t = 0.0;
  bool hasStatus = false;
  link::BoardStatus status;
};

/// \brief Event, on P/<board>/event (QoS 1), numbered per board within a gateway stream.
struct FleetEvent {
  QString board;
  QString stream;
  quint64 seq = 0; ///< 1, 2, 3 ... per board within the stream
  double t = 0.0;  ///< when the gateway read it off the serial link
  link::BoardEvent event;
  quint32 modelCrc = 0; ///< the board's model identity when the event arrived
};

/// \brief The serial link's counters as BoardStats carries them.
struct LinkCounters {
  quint64 bytesIn = 0;
  quint64 bytesOut = 0;
  quint64 framesOk = 0;
  quint64 frameErrors = 0;
  quint64 lostSampleFrames = 0;
  quint64 commandsSent = 0;
  quint64 commandRetries = 0;
  quint64 commandsFailed = 0;
  quint64 reconnects = 0;
  double bytesInPerSecond = 0.0;
  double latencyMs = -1.0; ///< -1: no command round trip in the interval
};

/// \brief LinkCounters of \p statistics.
LinkCounters toLinkCounters(const link::LinkStatistics& statistics);

/// \brief BoardStats, on P/<board>/stats.
struct BoardStats {
  QString board;
  QString stream;
  double t = 0.0;
  quint64 lastSeq = 0;
  quint32 intervalMs = 0;
  quint32 events = 0;   ///< in the interval
  quint32 rejected = 0; ///< of them, rejected as unknown
  double eventRate = 0.0;
  double rejectionRate = 0.0;
  double lastEventT = 0.0; ///< 0 when none
  LinkCounters link;
};

/// \brief Samples, on P/<board>/samples while watched: frame-major values.
struct SamplesPayload {
  QString board;
  quint32 first = 0;
  int channels = 0;
  quint32 rateHz = 0;
  QVector<qint16> values;
};

/// \brief Log, on P/<board>/log.
struct LogLine {
  QString board;
  link::LogLevel level = link::LogLevel::Info;
  QString text;
  double t = 0.0;
};

/// \brief ModelPush, on P/model/push: a verified model for some boards of one gateway.
struct ModelPush {
  QString push;
  QStringList targets;
  QByteArray model;     ///< the model bytes (decoded from base64 and checked)
  QByteArray sha256;    ///< 32 bytes
  quint32 modelCrc = 0; ///< the model's identity
};

/// \brief A ModelPush of \p model for \p targets: fills the hash and the identity.
ModelPush makeModelPush(const QString& pushId, const QStringList& targets, const QByteArray& model);

enum class PushState { Queued, Waiting, Sending, Verifying };

/// \brief PushProgress, on P/<board>/model/progress.
struct PushProgress {
  QString push;
  QString board;
  PushState state = PushState::Queued;
  quint32 sent = 0;
  quint32 total = 0;
  double t = 0.0;
};

enum class PushResult { Verified, Failed, Superseded };

/// \brief PushOutcome, on P/<board>/model/outcome (retained).
struct PushOutcome {
  QString push;
  QString board;
  PushResult result = PushResult::Failed;
  quint32 modelCrc = 0; ///< the model the board reports active afterwards
  QString message;
  quint32 durationMs = 0;
  double t = 0.0;
};

enum class CommandOp { Label, Forget, SetRejection, SetTrigger, Gesture, Spontaneous, Status, Watch, Reset };

/// \brief Command, on P/<board>/cmd. Only the arguments of \c op are meaningful.
struct FleetCommand {
  QString id;
  CommandOp op = CommandOp::Status;
  quint32 eventId = 0;     ///< label, forget
  int classIndex = 0;      ///< label: 0 ... 254
  float share = 0.0f;      ///< setRejection: 0 ... 1
  link::TriggerConfig trigger; ///< setTrigger
  int gesture = 0;         ///< gesture: 0 ... 255
  float perMinute = 0.0f;  ///< spontaneous: 0 ... 600
  int seconds = 0;         ///< watch: 0 ... kMaxWatchSeconds
};

/// \brief CommandResult, on P/<board>/cmd/result.
struct CommandResult {
  QString id;
  CommandOp op = CommandOp::Status;
  bool ok = false;
  QString message;
  double t = 0.0;
};

/// \brief The wire names: "queued", "verified", "label", "connected", "info", ...
QString pushStateName(PushState state);
QString pushResultName(PushResult result);
QString commandOpName(CommandOp op);
QString linkStateName(link::LinkState state);
QString logLevelName(link::LogLevel level);

/// \brief True for a gateway stream id: 1-32 lower-case hex digits.
bool isValidStream(const QString& stream);
/// \brief A new random stream id (16 hex digits).
QString newStreamId();

/// \brief Milliseconds since the Unix epoch with microseconds, the payloads' `t`.
double nowMs();

} // namespace fleet
} // namespace dlm

Q_DECLARE_METATYPE(dlm::fleet::GatewayStatus)
Q_DECLARE_METATYPE(dlm::fleet::GatewayStats)
Q_DECLARE_METATYPE(dlm::fleet::BoardIdentity)
Q_DECLARE_METATYPE(dlm::fleet::BoardState)
Q_DECLARE_METATYPE(dlm::fleet::FleetEvent)
Q_DECLARE_METATYPE(dlm::fleet::BoardStats)
Q_DECLARE_METATYPE(dlm::fleet::PushProgress)
Q_DECLARE_METATYPE(dlm::fleet::PushOutcome)
Q_DECLARE_METATYPE(dlm::fleet::CommandResult)
