#pragma once

// A board that prints numbers, behind the same kind of facade as a firmware board's BoardLink:
// TextBoard lives on the GUI thread and only forwards; a worker on its own QThread owns the
// port, parses the lines (TextStreamParser), finds events with the boards' own trigger and
// descriptor (HostEventDetector) and hands out samples and events through queued signals.
// No commands and no model push: a text board runs no model (its model is exported instead).

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>
#include <vector>

#include "devices/link/link_types.h"
#include "devices/link/transport.h"
#include "devices/textstream/stream_parser.h"
#include "devices/textstream/textstream_types.h"

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace dlm::textstream {

class TextBoardWorker;

/// \brief What a text board's link measured: the parser's counters, the segments so far and
/// the recent rate. Emitted once a second, and by finished().
struct TextStatistics {
  ParserCounters counters;
  std::vector<SegmentReport> segments;
  double recentRateHz = 0.0;
  double bytesInPerSecond = 0.0;
  quint64 events = 0;
};

/// \brief The link to a board that prints lines of numbers: opens the port (reopening with
/// backoff after a loss), infers the format, streams int16 samples and host-detected events.
///
/// connected() follows every format lock: the first, and each channel or rate change (a new
/// segment: sample indices restart at 0, as after a board's reconnection). BoardInfo carries
/// the channels and the rate (rounded), boardName "Text board", no model (modelBytes 0) and
/// no capacity; events carry a descriptor and no prediction (predictedClass -1). Every
/// signal is delivered on the thread the TextBoard lives on.
class TextBoard : public QObject {
  Q_OBJECT
public:
  /// \brief Baud rate used when none is given: what most sketches print at.
  static constexpr qint32 kDefaultBaud = 115200;
  /// \brief Longest the destructor waits for the worker thread to stop.
  static constexpr int kShutdownTimeoutMs = 2000;

  explicit TextBoard(QObject* parent = nullptr);
  ~TextBoard() override;

  /// \brief Use \p factory to make the transport (default: link::SerialTransport). Before
  /// the first connectTo(); the factory runs on the worker thread.
  void setTransportFactory(link::TransportFactory factory);
  /// \brief What the parser must not infer (channels, rate, timestamp, scale). Applies from
  /// the next connectTo().
  void setOptions(const ParserOptions& options);
  /// \brief Open \p portName and start learning its format; keeps reopening (with backoff)
  /// until disconnect(). Replaces any current connection.
  void connectTo(const QString& portName, qint32 baud = kDefaultBaud);
  /// \brief Close the port and stop reopening.
  void disconnect();
  /// \brief End of stream without closing: the parser takes what it holds (a format still
  /// being learned is inferred from it), then finished() reports the statistics.
  void finish();
  /// \brief The event trigger, frame counts at the stream's rate, for this segment and the
  /// next ones. Until it is called each segment gets defaultTrigger() for its rate.
  void setTrigger(const link::TriggerConfig& trigger);

  /// \brief Where the link stands: Connecting while the format is learned, Connected once
  /// it is, Reconnecting after a loss.
  link::LinkState state() const;
  bool isConnected() const { return state() == link::LinkState::Connected; }
  /// \brief The board of the last connected().
  link::BoardInfo boardInfo() const { return m_info; }
  /// \brief The format of the last formatChanged().
  StreamFormat format() const { return m_format; }
  QString portName() const { return m_portName; }

signals:
  void stateChanged(dlm::link::LinkState state, const QString& detail);
  /// \brief A format is inferred (first, or after a change).
  void connected(const dlm::link::BoardInfo& info);
  /// \brief The whole inference of the new segment: names, timestamp, rate source, scale.
  void formatChanged(const dlm::textstream::StreamFormat& format);
  /// \brief The port closed (unplugged) or disconnect() was called.
  void disconnected(const QString& reason);
  /// \brief Consecutive samples of the segment from \p firstIndex, frame-major.
  void samplesReceived(quint32 firstIndex, int channels, const QVector<qint16>& values);
  void eventReceived(const dlm::link::BoardEvent& event);
  /// \brief Once a second while a port is wanted: bytes in, and garbage as frame errors.
  void statisticsUpdated(const dlm::link::LinkStatistics& statistics);
  void textStatisticsUpdated(const dlm::textstream::TextStatistics& statistics);
  /// \brief The answer to finish(): every sample and event before it has been delivered.
  void finished(const dlm::textstream::TextStatistics& statistics);

private:
  void ensureWorker();

  QThread* m_thread = nullptr;
  TextBoardWorker* m_worker = nullptr;
  std::shared_ptr<std::atomic<int>> m_state;
  link::TransportFactory m_factory;
  ParserOptions m_options;
  link::BoardInfo m_info;
  StreamFormat m_format;
  QString m_portName;
};

/// \brief Register the types above for queued signals (TextBoard does it).
void registerTextBoardMetaTypes();

} // namespace dlm::textstream

Q_DECLARE_METATYPE(dlm::textstream::StreamFormat)
Q_DECLARE_METATYPE(dlm::textstream::TextStatistics)
