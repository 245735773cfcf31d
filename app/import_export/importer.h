#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include "app/session/session_event.h"
#include "devices/firmware/event_detector.h"

namespace dlm::app {

/// \brief A multi-channel int16 recording, as read from a file.
struct Recording {
  int channels = 0;
  int sampleRateHz = 0;
  QVector<qint16> samples;  ///< interleaved frames
  qint64 frames() const { return channels > 0 ? samples.size() / channels : 0; }
};

/// \brief How a recording is read and replayed.
struct ImportOptions {
  /// \brief The event trigger; its channels and sample rate are replaced by the file's.
  firmware::TriggerConfig trigger;
  /// \brief Rate of a CSV without a time column (0: 1000 Hz).
  int csvSampleRateHz = 0;
  /// \brief Name of a CSV's time column; empty: recognised by name (time, t, timestamp,
  /// time_ms, time_s, time_us, ms, seconds).
  QString csvTimeColumn;
  /// \brief Wall-clock time of the first frame, ms since the epoch (0: the file's mtime).
  qint64 startTimeMs = 0;
  /// \brief Channels of the connected board (its handshake), 0 without one: a recording with
  /// another count is refused, since its events could not be learned with the board's.
  int boardChannels = 0;
  /// \brief The board's descriptor capacity (its handshake's maxDims): descriptors are sized
  /// within it by the boards' rule, dlm::descriptorFor().
  int maxDims = kMaxDescriptorDims;
};

/// \brief Events found in a recording.
struct ImportResult {
  QVector<SessionEvent> events;  ///< origin Import, untagged, ids to be assigned by Session
  int channels = 0;
  int sampleRateHz = 0;
  qint64 frames = 0;
  QStringList warnings;          ///< what was adjusted or left out, in plain words
};

/// \brief Imports recordings (CSV, WAV) and replays them through the board's event pipeline:
/// dlm::firmware::EventDetector then dlm::computeDescriptor with the boards' configuration for
/// the recording's channel count (dlm::descriptorFor()), so imported events are
/// indistinguishable from a board's. Thread-safe (no shared state): a long recording can be
/// imported off the GUI thread.
class Importer {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Importer)

public:
  /// \brief Read a PCM 16-bit WAV file (1 to dlm::kMaxSensorChannels channels, any rate).
  static bool readWav(const QString& path, Recording* out, QStringList* warnings,
                      QString* error);
  /// \brief Read a CSV recording: one column per channel, optional header and time column.
  static bool readCsv(const QString& path, const ImportOptions& options, Recording* out,
                      QStringList* warnings, QString* error);
  /// \brief Run the event detector and the descriptor over \p recording.
  static ImportResult detectEvents(const Recording& recording, const ImportOptions& options);
  /// \brief Read \p path (WAV by its suffix, CSV otherwise) and detect its events.
  static bool importFile(const QString& path, const ImportOptions& options, ImportResult* out,
                         QString* error);
};

} // namespace dlm::app
