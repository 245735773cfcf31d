#include "app/cli/record_session.h"

#include <QFile>

#include <cmath>

namespace dlm::cli {

namespace {

constexpr qint32 kFirmwareBaud = link::BoardLink::kDefaultBaud;

std::vector<std::string> numberedNames(int channels) {
  std::vector<std::string> names;
  for (int c = 0; c < channels; ++c) names.push_back("ch" + std::to_string(c + 1));
  return names;
}

double elapsedSeconds(const QElapsedTimer& timer) {
  return timer.isValid() ? static_cast<double>(timer.elapsed()) / 1000.0 : 0.0;
}

std::string rateText(double hz) {
  char text[32];
  std::snprintf(text, sizeof text, hz == std::floor(hz) ? "%.0f" : "%.1f", hz);
  return text;
}

} // namespace

RecordSession::RecordSession(const RecordOptions& options, QObject* parent)
    : QObject(parent), m_options(options) {
  m_timeout.setSingleShot(true);
  m_duration.setSingleShot(true);
  m_duration.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
  connect(&m_duration, &QTimer::timeout, this, &RecordSession::stopRecording);
}

RecordSession::~RecordSession() = default;

void RecordSession::start(std::function<void()> onDone) {
  m_onDone = std::move(onDone);
  m_result.textBoard = m_options.text;
  m_result.eventsPath = eventsPath(m_options.out);
  if (m_options.text) startText(false);
  else startFirmware();
}

// --- firmware board ------------------------------------------------------------------------

void RecordSession::startFirmware() {
  m_link = std::make_unique<link::BoardLink>();
  link::BoardLink* board = m_link.get();
  connect(board, &link::BoardLink::connected, this, &RecordSession::onBoardConnected);
  connect(board, &link::BoardLink::samplesReceived, this, &RecordSession::onSamples);
  connect(board, &link::BoardLink::eventReceived, this, &RecordSession::onBoardEvent);
  connect(board, &link::BoardLink::disconnected, this, &RecordSession::onBoardLost);
  connect(board, &link::BoardLink::statisticsUpdated, this,
          [this](const link::LinkStatistics& s) { m_result.link = s; });
  connect(&m_timeout, &QTimer::timeout, this, &RecordSession::onHandshakeTimeout);
  m_timeout.start(kHandshakeMs);
  board->connectTo(m_options.port, m_options.baud > 0 ? m_options.baud : kFirmwareBaud);
}

void RecordSession::onBoardConnected(const link::BoardInfo& info) {
  if (m_samples.isOpen()) return; // reconnected by itself: the same file goes on
  m_timeout.stop();
  m_result.boardName = info.boardName.toStdString();
  m_result.firmwareVersion = info.firmwareVersion.toStdString();
  RecordedSegment s;
  s.format.segment = 1;
  s.format.channels = info.channels;
  s.format.rateHz = info.sampleRateHz;
  s.format.names = numberedNames(info.channels);
  s.path = m_options.out;
  m_rateHz = info.sampleRateHz;
  std::string error;
  if (!m_samples.open(s.path, s.format.names, m_rateHz, error)) {
    fail(1, error);
    return;
  }
  m_result.segments.push_back(s);
  m_recording.start();
  m_duration.start(static_cast<int>(std::lround(m_options.seconds * 1000.0)));
}

void RecordSession::onBoardEvent(const link::BoardEvent& event) {
  if (!m_samples.isOpen()) return;
  RecordedEvent e;
  e.id = event.id;
  e.start = event.startSample;
  e.frames = event.frames;
  e.rateHz = m_rateHz;
  e.predicted = true;
  e.predictedClass = event.predictedClass;
  e.knownScore = event.knownScore;
  m_result.events.push_back(e);
}

void RecordSession::onBoardLost(const QString& reason) {
  if (m_finished || m_stopping) return;
  if (!m_samples.isOpen()) {
    // Refused before any recording: a board of a protocol this tool cannot talk.
    fail(1, "the board on " + m_options.port.toStdString() + " cannot be recorded: " +
                reason.toStdString());
    return;
  }
  m_result.exitCode = 3;
  m_result.error = "the board was lost after " + rateText(elapsedSeconds(m_recording)) +
                   " s (" + reason.toStdString() + "); what was recorded is kept";
  finishFirmware();
}

void RecordSession::onHandshakeTimeout() {
  if (m_samples.isOpen()) return;
  m_link->disconnect();
  m_link.reset();
  sniffForText();
}

void RecordSession::sniffForText() {
  // Not a Deeplomath board; perhaps one that prints numbers: say so if it does.
  m_sniffing = true;
  startText(true);
}

void RecordSession::finishFirmware() {
  m_finished = true;
  m_duration.stop();
  m_result.seconds = elapsedSeconds(m_recording);
  if (!m_result.segments.empty() && m_result.seconds > 0.0) {
    RecordedSegment& s = m_result.segments.back();
    s.measuredHz = static_cast<double>(s.frames) / m_result.seconds;
  }
  if (m_link) m_link->disconnect();
  complete();
}

// --- text board ----------------------------------------------------------------------------

void RecordSession::startText(bool sniffing) {
  m_text = std::make_unique<textstream::TextBoard>();
  textstream::TextBoard* board = m_text.get();
  board->setOptions(m_options.parser);
  connect(board, &textstream::TextBoard::formatChanged, this, &RecordSession::onTextFormat);
  connect(board, &textstream::TextBoard::samplesReceived, this, &RecordSession::onSamples);
  connect(board, &textstream::TextBoard::eventReceived, this, &RecordSession::onTextEvent);
  connect(board, &textstream::TextBoard::disconnected, this, &RecordSession::onTextLost);
  connect(board, &textstream::TextBoard::finished, this, &RecordSession::onTextFinished);
  m_timeout.disconnect();
  connect(&m_timeout, &QTimer::timeout, this, [this] {
    if (m_result.segments.empty()) stopRecording(); // nothing inferred in time
  });
  m_timeout.start(sniffing ? kSniffMs : kTextFormatMs);
  board->connectTo(m_options.port,
                   m_options.baud > 0 ? m_options.baud : textstream::TextBoard::kDefaultBaud);
  if (!sniffing) {
    m_recording.start();
    m_duration.start(static_cast<int>(std::lround(m_options.seconds * 1000.0)));
  }
}

void RecordSession::onTextFormat(const textstream::StreamFormat& format) {
  if (m_sniffing) {
    fail(1, "no Deeplomath board answered the handshake on " + m_options.port.toStdString() +
                ", but it prints lines of numbers (" + std::to_string(format.channels) +
                " channels at " + rateText(format.rateHz) + " Hz): record it with --text");
    return;
  }
  m_samples.close();
  RecordedSegment s;
  s.format = format;
  s.measuredHz = format.measuredHz;
  s.path = segmentPath(m_options.out, format.segment);
  m_rateHz = format.rateHz;
  std::string error;
  if (!m_samples.open(s.path, format.names, m_rateHz, error)) {
    fail(1, error);
    return;
  }
  m_result.segments.push_back(s);
}

void RecordSession::onTextEvent(const link::BoardEvent& event) {
  if (m_result.segments.empty()) return;
  RecordedEvent e;
  e.segment = m_result.segments.back().format.segment;
  e.id = event.id;
  e.start = event.startSample;
  e.frames = event.frames;
  e.rateHz = m_rateHz;
  m_result.events.push_back(e);
}

void RecordSession::onTextLost(const QString& reason) {
  if (m_finished || m_stopping) return;
  if (m_sniffing) {
    fail(1, "no Deeplomath board answered the handshake on " + m_options.port.toStdString() +
                " (" + reason.toStdString() + ")");
    return;
  }
  m_result.exitCode = 3;
  m_result.error = "the port closed after " + rateText(elapsedSeconds(m_recording)) +
                   " s (" + reason.toStdString() + "); what was recorded is kept";
  stopRecording();
}

void RecordSession::onTextFinished(const textstream::TextStatistics& statistics) {
  if (m_finished) return;
  m_finished = true;
  m_result.counters = statistics.counters;
  m_result.seconds = elapsedSeconds(m_recording);
  for (RecordedSegment& s : m_result.segments) {
    for (const textstream::SegmentReport& r : statistics.segments) {
      if (r.format.segment == s.format.segment) s.measuredHz = r.measuredHz;
    }
  }
  if (m_sniffing) {
    fail(1, "no Deeplomath board answered the handshake on " + m_options.port.toStdString() +
                " (not a board, or a wrong baud rate)");
    return;
  }
  if (m_result.segments.empty()) {
    const textstream::ParserCounters& c = statistics.counters;
    fail(1, m_options.port.toStdString() + " is not a text board: no lines of numbers (" +
                std::to_string(c.bytes) + " bytes, " + std::to_string(c.lines) + " lines, " +
                std::to_string(c.garbage.total()) + " garbage)");
    return;
  }
  m_text->disconnect();
  complete();
}

// --- both ----------------------------------------------------------------------------------

void RecordSession::onSamples(quint32 firstIndex, int channels, const QVector<qint16>& values) {
  if (!m_samples.isOpen() || channels <= 0 || m_finished) return;
  m_samples.write(firstIndex, channels, values.constData(),
                  static_cast<int>(values.size() / channels));
  if (!m_result.segments.empty()) m_result.segments.back().frames = m_samples.frames();
}

void RecordSession::stopRecording() {
  if (m_stopping) return;
  m_stopping = true;
  m_timeout.stop();
  m_duration.stop();
  if (m_text) m_text->finish(); // onTextFinished() completes
  else finishFirmware();
}

void RecordSession::fail(int exitCode, const std::string& error) {
  m_finished = true;
  m_result.exitCode = exitCode;
  m_result.error = error;
  m_timeout.stop();
  m_duration.stop();
  m_samples.close();
  if (m_result.segments.empty() && !m_options.out.empty()) {
    QFile::remove(QString::fromStdString(m_options.out)); // no half-made empty file
  }
  if (m_onDone) m_onDone();
}

void RecordSession::complete() {
  m_samples.close();
  std::string error;
  if (!writeEventsCsv(m_result.eventsPath, m_result.events, error) && m_result.exitCode == 0)
    fail(1, error);
  else
    if (m_onDone) m_onDone();
}

} // namespace dlm::cli
