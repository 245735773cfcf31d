#pragma once

// Value types the board link hands to the application: what the board said (identity, events,
// status, log lines), what the link measured (statistics) and which serial ports exist. They
// are plain copyable values registered with the meta-type system, so they cross threads in
// queued signals.

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

#include "core/front_end.h"

namespace dlm {
namespace link {

Q_NAMESPACE

/// \brief Where the link to a board stands.
enum class LinkState {
  Disconnected, ///< no port wanted (initial state, or after disconnect())
  Connecting,   ///< opening the port and handshaking for the first time
  Connected,    ///< handshake done: data flows, commands are accepted
  Reconnecting, ///< the link was lost; reopening the port and handshaking again
  Incompatible, ///< the board answered but no protocol version is common: stopped
};
Q_ENUM_NS(LinkState)

/// \brief The user-level commands a BoardLink sends; reported by BoardLink::commandFailed().
enum class CommandKind {
  SetTrigger,
  LabelEvent,
  ForgetEvent,
  PerformGesture,
  RequestStatus,
  InjectSamples,
  ResetBoard,
  SetRejection,
  SetSpontaneousGestures,
};
Q_ENUM_NS(CommandKind)

/// \brief Severity of a board log line.
enum class LogLevel { Debug, Info, Warning, Error };
Q_ENUM_NS(LogLevel)

/// \brief Identity, capacity and active model of a board, from its Hello.
struct BoardInfo {
  QString portName;
  QString boardName;
  QString firmwareVersion;
  QString coreVersion;
  int protocolVersion = 0; ///< the version both ends agreed on
  int maxNeurons = 0;
  int maxDims = 0;
  int maxLayers = 0;
  int maxDeepNeurons = 0; ///< neurons per layer after the first (Hello's 0 read as maxNeurons)
  int maxClasses = 0;
  quint32 maxEvents = 0;
  int sampleRateHz = 0;
  int channels = 0;
  int descriptorDims = 0;
  quint32 modelCrc = 0;   ///< CRC-32 of the active model; 0 when the board has none
  quint32 modelBytes = 0; ///< size of the active model; 0 when the board has none
  int neurons = 0;
  int depth = 0;
  /// Largest model the board stores, in bytes (Hello since protocol 4); 0 when unknown (an
  /// older board, or one without storage): a push then learns it from TooLarge.
  quint32 modelCapacity = 0;
  /// The front-end of the board's descriptors (Hello since protocol 5; before, the motion
  /// front-end of its channels): what an import or a model for this board must use.
  FrontEndConfig frontEnd;

  /// \brief True when the board runs a model.
  bool hasModel() const { return modelBytes != 0; }
};

/// \brief One event the board detected, with its prediction and descriptor.
struct BoardEvent {
  quint32 id = 0;
  quint32 startSample = 0; ///< index in the board's sample stream
  int frames = 0;
  int predictedClass = -1; ///< -1 when the board rejected the event as unknown
  int bestClass = -1;      ///< class the readout favours, even when rejected
  float confidence = 0.0f;
  float knownScore = 0.0f;
  bool learned = false; ///< the board learned this event (it carried a label)
  int label = -1;       ///< the label the board holds for it, -1 when none
  QVector<float> descriptor;
  /// The PerformGesture id the board was playing when it detected this event (an emulated
  /// board that was asked for it), -1 when none: real sensors, spontaneous gestures.
  int requestedGesture = -1;

  /// \brief True when the board rejected the event as unknown.
  bool isUnknown() const { return predictedClass < 0; }
};

/// \brief Energy-trigger settings of the board's event detector.
struct TriggerConfig {
  float threshold = 0.0f; ///< >= 0
  int preTriggerFrames = 0;
  int holdOffFrames = 0;
  int minFrames = 1; ///< >= 1
  int maxFrames = 1; ///< >= minFrames
};

/// \brief Counters, timings and settings the board reports on request.
struct BoardStatus {
  quint32 modelCrc = 0;
  quint32 modelBytes = 0;
  int neurons = 0;
  int depth = 0;
  int freeNeurons = 0;
  quint32 eventsLearned = 0;
  quint32 lastLearnUs = 0;
  quint32 lastPredictUs = 0;
  quint32 framesOk = 0;    ///< frames the board decoded
  quint32 frameErrors = 0; ///< frames the board rejected
  quint32 uptimeMs = 0;
  TriggerConfig trigger;
  /// The rejection threshold in force on the board, in [0, 1]: the estimated share of known
  /// events it rejects as unknown (see BoardLink::setRejection()).
  float rejectionThreshold = 0.0f;
};

/// \brief What the link measured; BoardLink emits it once a second while a port is wanted.
/// Counters run from connectTo(); rates and latencies cover the last interval.
struct LinkStatistics {
  double bytesInPerSecond = 0.0;
  double bytesOutPerSecond = 0.0;
  quint64 bytesIn = 0;
  quint64 bytesOut = 0;
  quint64 framesOk = 0;
  quint64 crcErrors = 0;
  quint64 cobsErrors = 0;
  quint64 otherFrameErrors = 0; ///< oversize, malformed, foreign version, undecodable message
  quint64 lostSampleFrames = 0; ///< sample frames missing from gaps in the sample indices
  quint64 sampleGaps = 0;       ///< gaps seen (about one per lost Samples message)
  double latencyMs = -1.0;      ///< mean command round trip of the interval; -1 when none
  double latencyMaxMs = -1.0;   ///< largest round trip of the interval; -1 when none
  quint64 commandsSent = 0;
  quint64 commandRetries = 0; ///< resends after a missing ack
  quint64 commandsFailed = 0; ///< commands given up after every try
  quint64 reconnects = 0;     ///< sessions re-established after the link was lost

  /// \brief Frames rejected for any reason.
  quint64 frameErrors() const { return crcErrors + cobsErrors + otherFrameErrors; }
};

/// \brief A serial port as PortDiscovery lists it.
struct PortInfo {
  QString portName;       ///< e.g. "ttyACM0", or the path given for an explicit port
  QString systemLocation; ///< e.g. "/dev/ttyACM0"; what BoardLink::connectTo() takes
  QString description;
  QString manufacturer;
  QString serialNumber;
  quint16 vendorId = 0;
  quint16 productId = 0;
  bool hasVidPid = false;
  bool isExplicit = false; ///< given by path (a pseudo-terminal such as the virtual board)

  /// \brief "0483:374b", or an empty string without a USB identity.
  QString vidPidText() const;
  bool operator==(const PortInfo& other) const;
  bool operator!=(const PortInfo& other) const { return !(*this == other); }
};

/// \brief Identity of a model as boards report it (Hello and Status \c modelCrc): the CRC-32 a
/// Deeplomath model stores in its last 4 bytes (dlm::ModelInfo::crc, defined and computed by
/// core/model_format), read from there. 0 for fewer than 4 bytes.
quint32 modelIdentity(const QByteArray& model);

/// \brief Register the types above for queued signals; called by BoardLink and PortDiscovery.
void registerLinkMetaTypes();

} // namespace link
} // namespace dlm

Q_DECLARE_METATYPE(dlm::link::BoardInfo)
Q_DECLARE_METATYPE(dlm::link::BoardEvent)
Q_DECLARE_METATYPE(dlm::link::BoardStatus)
Q_DECLARE_METATYPE(dlm::link::TriggerConfig)
Q_DECLARE_METATYPE(dlm::link::LinkStatistics)
Q_DECLARE_METATYPE(dlm::link::PortInfo)
