#pragma once

// Internal to devices/textstream: the object that runs one text board on its own thread. It
// owns the transport, the parser and the host's event detector; TextBoard reaches it only
// through queued calls, and it answers through queued signals.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

#include "devices/link/link_types.h"
#include "devices/link/transport.h"
#include "devices/textstream/host_events.h"
#include "devices/textstream/stream_parser.h"
#include "devices/textstream/text_board.h"

namespace dlm::textstream {

class TextBoardWorker : public QObject, private TextStreamSink {
  Q_OBJECT
public:
  /// Samples go out in batches this old at most (milliseconds)...
  static constexpr qint64 kBatchMs = 20;
  /// ...or this large.
  static constexpr int kBatchFrames = 1024;
  static constexpr int kBackoffBaseMs = 250;
  static constexpr int kBackoffMaxMs = 4000;

  TextBoardWorker(link::TransportFactory factory, std::shared_ptr<std::atomic<int>> state);
  ~TextBoardWorker() override;

  void connectTo(const QString& portName, qint32 baud, const ParserOptions& options);
  void disconnectFromBoard();
  void finishStream();
  void setTrigger(const link::TriggerConfig& trigger);

signals:
  void stateChanged(dlm::link::LinkState state, const QString& detail);
  void connected(const dlm::link::BoardInfo& info);
  void formatChanged(const dlm::textstream::StreamFormat& format);
  void disconnected(const QString& reason);
  void samplesReceived(quint32 firstIndex, int channels, const QVector<qint16>& values);
  void eventReceived(const dlm::link::BoardEvent& event);
  void statisticsUpdated(const dlm::link::LinkStatistics& statistics);
  void textStatisticsUpdated(const dlm::textstream::TextStatistics& statistics);
  void finished(const dlm::textstream::TextStatistics& statistics);

private:
  void onFormat(const StreamFormat& format) override;
  void onFrame(const Frame& frame) override;

  void openPort();
  void onBytes(const QByteArray& bytes);
  void onClosed();
  void closeTransport();
  void setState(link::LinkState state, const QString& detail);
  void flushBatch(bool force);
  void configureDetector();
  void emitStatistics();
  TextStatistics statistics() const;
  std::int64_t nowUs() const { return m_clock.nsecsElapsed() / 1000; }

  link::TransportFactory m_factory;
  std::unique_ptr<link::Transport> m_transport;
  std::shared_ptr<std::atomic<int>> m_state;
  QString m_portName;
  qint32 m_baud = 0;
  bool m_wanted = false;
  int m_openFailures = 0;

  std::unique_ptr<TextStreamParser> m_parser;
  HostEventDetector m_detector;
  std::optional<firmware::TriggerConfig> m_userTrigger;
  StreamFormat m_format;
  quint32 m_nextEventId = 1;
  quint64 m_events = 0;

  QVector<qint16> m_batch;
  quint32 m_batchFirst = 0;
  int m_batchFrames = 0;
  qint64 m_batchOpenedMs = 0;

  QElapsedTimer m_clock;
  QTimer m_flushTimer;
  QTimer m_statisticsTimer;
  QTimer m_reopenTimer;
  quint64 m_bytesIn = 0;
  quint64 m_lastBytesIn = 0;
  qint64 m_lastStatisticsMs = 0;
  double m_bytesPerSecond = 0.0;
};

} // namespace dlm::textstream
