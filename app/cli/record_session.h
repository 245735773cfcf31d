#pragma once

// `dlm record`'s engine: drives a firmware board (BoardLink: handshake, samples and events
// over the binary protocol) or a text board (TextBoard: lines of numbers, events found on the
// host), writes what arrives, and ends with a result the command prints.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/record_files.h"
#include "devices/link/board_link.h"
#include "devices/textstream/text_board.h"

namespace dlm::cli {

struct RecordOptions {
  QString port;
  qint32 baud = 0; ///< 0: the board kind's default
  bool text = false;
  double seconds = 0.0;
  std::string out;
  textstream::ParserOptions parser;
};

/// \brief One samples file of a recording.
struct RecordedSegment {
  textstream::StreamFormat format; ///< a firmware board's: channels and rate of its handshake
  double measuredHz = 0.0;         ///< text boards: over the whole segment
  std::int64_t frames = 0;
  std::string path;
};

struct RecordResult {
  int exitCode = 0;   ///< 0 done, 1 no port / not a board / cannot write, 3 lost while recording
  std::string error;  ///< why, when exitCode != 0
  bool textBoard = false;
  double seconds = 0.0; ///< recorded
  std::string boardName;
  std::string firmwareVersion;
  std::vector<RecordedSegment> segments;
  std::vector<RecordedEvent> events;
  std::string eventsPath;
  textstream::ParserCounters counters; ///< text boards
  link::LinkStatistics link;           ///< firmware boards
};

// A QObject for its connections (functor-based: no moc needed), with a callback for the end.
class RecordSession : public QObject {
public:
  /// How long a firmware board has to answer the handshake.
  static constexpr int kHandshakeMs = 6000;
  /// How long a port that fails the handshake is listened to for lines of numbers.
  static constexpr int kSniffMs = 3500;
  /// How long a text board has to print lines the format can be inferred from.
  static constexpr int kTextFormatMs = 6000;

  explicit RecordSession(const RecordOptions& options, QObject* parent = nullptr);
  ~RecordSession() override;

  /// \brief Start; \p onDone is called from the event loop when the recording ends.
  void start(std::function<void()> onDone);
  const RecordResult& result() const { return m_result; }

private:
  // Firmware board.
  void startFirmware();
  void onBoardConnected(const link::BoardInfo& info);
  void onBoardEvent(const link::BoardEvent& event);
  void onBoardLost(const QString& reason);
  void onHandshakeTimeout();
  void sniffForText();
  // Text board.
  void startText(bool sniffing);
  void onTextFormat(const textstream::StreamFormat& format);
  void onTextEvent(const link::BoardEvent& event);
  void onTextLost(const QString& reason);
  void onTextFinished(const textstream::TextStatistics& statistics);
  // Both.
  void onSamples(quint32 firstIndex, int channels, const QVector<qint16>& values);
  void stopRecording();
  void finishFirmware();
  void fail(int exitCode, const std::string& error);
  void complete();

  RecordOptions m_options;
  std::function<void()> m_onDone;
  RecordResult m_result;
  std::unique_ptr<link::BoardLink> m_link;
  std::unique_ptr<textstream::TextBoard> m_text;
  SamplesCsv m_samples;
  QTimer m_timeout;  // handshake, format or sniff deadline
  QTimer m_duration; // the recording's length
  QElapsedTimer m_recording;
  bool m_sniffing = false;
  bool m_stopping = false;
  bool m_finished = false;
  double m_rateHz = 0.0;
};

} // namespace dlm::cli
