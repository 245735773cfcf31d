#pragma once

// What the panels show of a board, as plain app-level values. The studio controller converts
// the link's own types into these (in one place), so no widget depends on devices/link; they
// are registered meta-types and cross threads in queued signals.

#include <QMetaType>
#include <QString>
#include <QVector>

namespace dlm::app {

/// \brief Consecutive samples of the board's stream: \p values are frame-major, \p channels
/// per frame, the first frame being number \p firstIndex of the stream.
struct SampleBatch {
  quint32 firstIndex = 0;
  int channels = 0;
  QVector<qint16> values;
};

/// \brief The board the studio is connected to, from its handshake.
struct BoardInfoView {
  QString portName;
  QString boardName;
  QString firmwareVersion;
  QString coreVersion;
  int maxNeurons = 0;  ///< capacity of the board's kernel
  int maxDims = 0;
  int maxLayers = 0;
  int maxClasses = 0;
  int sampleRateHz = 0;
  int channels = 0;
  int descriptorDims = 0;     ///< of its events: sized from channels within maxDims
  quint32 modelIdentity = 0;  ///< the model it runs (dlm::ModelInfo::crc), 0 without one
  quint32 modelCapacity = 0;  ///< largest model it stores, in bytes; 0 when it did not say
  bool isVirtual = false;     ///< the studio's built-in virtual board
  /// A board that prints lines of numbers: no firmware, no model; the studio detects and
  /// learns its events, and its model is exported rather than pushed.
  bool isTextStream = false;
  /// A board of a fleet, followed through an MQTT broker (docs/fleet.md): its key
  /// "site/gateway/board"; empty for a board on this machine. Its model is pushed through its
  /// gateway; it cannot be pulled.
  QString fleetKey;
};

/// \brief What the board panel shows of the link (from the link's statistics, once a second).
struct LinkStatsView {
  double bytesInPerSecond = 0.0;
  double bytesOutPerSecond = 0.0;
  quint64 framesOk = 0;
  quint64 crcErrors = 0;     ///< frames rejected for any reason
  quint64 lostFrames = 0;    ///< sample frames lost in gaps
  double latencyMs = -1.0;   ///< mean command round trip; < 0 when not measured
  quint64 reconnects = 0;
};

/// \brief A port a board may be on, as the "Connect to" menu lists it: enough to tell two
/// boards apart (what they are, their USB identity and serial number).
struct PortChoice {
  QString location;     ///< what StudioController::connectToPort() takes, e.g. "/dev/ttyACM0"
  QString description;  ///< as the system describes it, e.g. "STM32 STLink"; may be empty
  QString name;         ///< what it is, e.g. "ST-LINK/V2-1 (Nucleo)", "Virtual board (built-in)"
  QString vidPid;       ///< USB vendor:product, e.g. "0483:374b"; empty without a USB identity
  QString serialNumber; ///< the USB serial number; may be empty
  QString manufacturer; ///< may be empty
  bool isVirtual = false; ///< a pseudo-terminal: the built-in virtual board or an emulator
  bool lastUsed = false;  ///< the board the studio remembers and reconnects by itself
  QString label;        ///< one line: "ST-LINK/V2-1 (Nucleo) — /dev/ttyACM0 — SN 066DFF…"
  QString details;      ///< every detail, one per line (a tooltip)
};

/// \brief The board's event trigger (energy threshold and window lengths, in frames).
struct TriggerView {
  float threshold = 0.0f;
  int preTriggerFrames = 0;
  int holdOffFrames = 0;
  int minFrames = 1;
  int maxFrames = 1;
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::SampleBatch)
Q_DECLARE_METATYPE(dlm::app::BoardInfoView)
Q_DECLARE_METATYPE(dlm::app::LinkStatsView)
Q_DECLARE_METATYPE(dlm::app::PortChoice)
Q_DECLARE_METATYPE(dlm::app::TriggerView)
