// StudioController: boards that print lines of numbers (devices/textstream's TextBoard). Such a
// board runs no Deeplomath firmware: the studio infers its format, detects its events on the
// host with the firmware's own trigger and descriptor, learns and predicts them itself, and
// exports the model rather than pushing it. A real port that never answers the handshake is
// probed as one, and the user is offered to use it so.
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "app/controller/studio_controller.h"
#include "app/controller/virtual_board_process.h"
#include "app/session/app_logging.h"
#include "app/session/session.h"
#include "app/views/class_palette.h"
#include "app/views/sample_store.h"
#include "devices/link/board_link.h"
#include "devices/textstream/host_events.h"
#include "devices/textstream/text_board.h"

namespace dlm::app {

namespace {

constexpr double kTextHistorySeconds = 60.0;  // as for a firmware board's stream
constexpr int kFallbackRateHz = 100;          // a rate not known yet (never on a live port)

textstream::ParserOptions toParser(const TextStreamOptions& o) {
  textstream::ParserOptions p;
  p.channels = o.channels;
  p.rateHz = o.rateHz;
  p.scale = o.scale;
  using T = textstream::ParserOptions::Timestamp;
  switch (o.timestamp) {
  case TextStreamOptions::Timestamp::Auto: p.timestamp = T::Auto; break;
  case TextStreamOptions::Timestamp::None: p.timestamp = T::None; break;
  case TextStreamOptions::Timestamp::Seconds: p.timestamp = T::Seconds; break;
  case TextStreamOptions::Timestamp::Milliseconds: p.timestamp = T::Milliseconds; break;
  case TextStreamOptions::Timestamp::Microseconds: p.timestamp = T::Microseconds; break;
  }
  return p;
}

TextStreamView toView(const textstream::StreamFormat& f, const QString& port,
                      const TextStreamOptions& overrides) {
  TextStreamView v;
  v.portName = port;
  v.segment = f.segment;
  v.channels = f.channels;
  v.rateHz = f.rateHz;
  v.measuredHz = f.measuredHz;
  switch (f.rateSource) {
  case textstream::RateSource::None: v.rateSource = TextStreamView::RateSource::Unknown; break;
  case textstream::RateSource::Arrival: v.rateSource = TextStreamView::RateSource::Arrival; break;
  case textstream::RateSource::Timestamp:
    v.rateSource = TextStreamView::RateSource::Timestamp;
    break;
  case textstream::RateSource::User: v.rateSource = TextStreamView::RateSource::User; break;
  }
  v.timestampUnit = QString::fromLatin1(textstream::unitName(f.timestamp));
  for (const std::string& name : f.names) v.names << QString::fromStdString(name);
  v.scale = f.scale;
  v.autoScale = f.autoScale;
  v.overrides = overrides;
  return v;
}

TextStatsView toView(const textstream::TextStatistics& s) {
  TextStatsView v;
  const textstream::ParserCounters& c = s.counters;
  v.lines = c.lines;
  v.frames = c.frames;
  v.headerLines = c.headerLines;
  v.emptyLines = c.emptyLines;
  v.clippedValues = c.clippedValues;
  v.events = s.events;
  v.segments = int(s.segments.size());
  v.recentRateHz = s.recentRateHz;
  using G = textstream::GarbageKind;
  const auto set = [&](TextGarbage kind, G from) { v.garbage[std::size_t(kind)] = c.garbage[from]; };
  set(TextGarbage::NonNumeric, G::NonNumeric);
  set(TextGarbage::WrongColumns, G::WrongColumns);
  set(TextGarbage::TooManyColumns, G::TooManyColumns);
  set(TextGarbage::NonFinite, G::NonFinite);
  set(TextGarbage::Overlong, G::Overlong);
  set(TextGarbage::Binary, G::Binary);
  return v;
}

LinkStatsView toView(const link::LinkStatistics& s) {
  LinkStatsView v;
  v.bytesInPerSecond = s.bytesInPerSecond;
  v.framesOk = s.framesOk;
  v.crcErrors = s.frameErrors();  // garbage lines, as the text board counts them
  v.lostFrames = s.lostSampleFrames;
  v.reconnects = s.reconnects;
  return v;  // no commands: no latency, nothing sent
}

} // namespace

bool StudioController::isTextBoard() const { return m_textMode == TextMode::On; }

QString StudioController::textBoardRefusal() {
  return tr("This board prints numbers and runs no Deeplomath firmware: export the model "
            "instead (File → Export…)");
}

void StudioController::wireText() {
  m_textOfferTimer.setSingleShot(true);
  m_textOfferTimer.setInterval(kTextOfferAfterMs);
  connect(&m_textOfferTimer, &QTimer::timeout, this, &StudioController::probeText);
  m_textProbeTimer.setSingleShot(true);
  m_textProbeTimer.setInterval(kTextProbeMs);
  connect(&m_textProbeTimer, &QTimer::timeout, this, &StudioController::endTextProbe);
  // A board that answers is a firmware board: nothing to offer.
  connect(m_link.get(), &link::BoardLink::connected, this, [this] { m_textOfferTimer.stop(); });
}

void StudioController::armTextOffer(qint32 requestedBaud) {
  m_textPath = m_link->portName();
  // The firmware's 921600 is not what a sketch prints at: the text boards' own default,
  // unless the user chose a rate.
  m_textBaud = requestedBaud;
  m_textOfferTimer.start();
}

void StudioController::probeText() {
  const link::LinkState state = m_link->state();
  if (m_virtualWanted || m_flashing || m_textMode != TextMode::Off ||
      state == link::LinkState::Connected || state == link::LinkState::Incompatible ||
      state == link::LinkState::Disconnected) {
    return;
  }
  // The port is one program's at a time: the link lets go, the text board reads it.
  m_textMode = TextMode::Probing;
  m_probeGarbage = 0;
  m_link->disconnect();
  startTextBoard();
  m_textProbeTimer.start();
  const QString message =
      tr("No Deeplomath board answered on %1: looking for lines of numbers…").arg(m_textPath);
  qCInfo(lcApp).noquote() << message;
  emit statusMessage(message);
}

void StudioController::endTextProbe() {
  if (m_textMode != TextMode::Probing) return;
  // Nothing but garbage (or nothing at all) within the probe: not a text board either.
  m_text.reset();
  m_textMode = TextMode::Off;
  m_link->connectTo(m_textPath, m_baud > 0 ? m_baud : link::BoardLink::kDefaultBaud);
  //: %1: a serial port; %2: a count of lines that were not numbers.
  const QString message = tr("No Deeplomath board answered on %1, and it prints no lines of "
                             "numbers either (%2 unreadable lines): still waiting for the "
                             "handshake. Check the baud rate and that the board runs.")
                              .arg(m_textPath, QLocale().toString(m_probeGarbage));
  qCInfo(lcApp).noquote() << message;
  emit problem(message);
}

void StudioController::acceptTextStream() {
  if (m_textMode != TextMode::Offered) return;
  m_textMode = TextMode::On;
  m_textThreshold = 0.0f;
  emit textStreamOfferEnded();
  onTextConnected();  // the format the probe inferred; the stream is already flowing
}

void StudioController::declineTextStream() {
  if (m_textMode != TextMode::Offered) return;
  m_text.reset();
  m_textMode = TextMode::Off;
  m_link->connectTo(m_textPath, m_baud > 0 ? m_baud : link::BoardLink::kDefaultBaud);
  emit textStreamOfferEnded();
  emit statusMessage(tr("Waiting for a Deeplomath board to answer on %1…").arg(m_textPath));
}

void StudioController::connectToTextPort(const QString& path, qint32 baud,
                                         const TextStreamOptions& options) {
  closeFleetBoard(tr("Switched to a text-stream board."));
  stopTextBoard();
  m_virtualWanted = false;
  m_lastBoardWanted = false;  // the last-board logic is for boards that answer a handshake
  m_autoReconnecting = false;
  m_textOfferTimer.stop();
  m_virtual->stop();
  if (m_link->isConnected()) emit boardLost(tr("Switched to a text-stream board."));
  m_textMode = TextMode::On;  // before the link's disconnected(): the text board speaks now
  m_link->disconnect();
  m_textPath = path;
  m_textBaud = baud;
  m_textOptions = options;
  m_textThreshold = 0.0f;
  startTextBoard();
  emit statusMessage(
      tr("Reading %1 as a board that prints numbers: learning the format of its lines…")
          .arg(path));
}

void StudioController::setTextStreamOverrides(int channels, double rateHz) {
  m_textOptions.channels = std::max(0, channels);
  m_textOptions.rateHz = std::max(0.0, rateHz);
  if (!isTextBoard()) return;
  // The parser takes its options when it opens the port: read it again. The board panel
  // keeps the old format until the new one is learned; the session is untouched.
  startTextBoard();
  emit statusMessage(tr("Reading %1 again with the new channels and rate…").arg(m_textPath));
}

void StudioController::startTextBoard() {
  m_text.reset();  // a new board each time: no signal of the previous one can arrive late
  m_text = std::make_unique<textstream::TextBoard>();
  m_textLost = false;
  textstream::TextBoard* board = m_text.get();
  board->setOptions(toParser(m_textOptions));
  connect(board, &textstream::TextBoard::connected, this, [this] {
    if (m_textMode == TextMode::On) {
      onTextConnected();
    } else if (m_textMode == TextMode::Probing) {
      m_textProbeTimer.stop();
      m_textMode = TextMode::Offered;
      const TextStreamView format = toView(m_text->format(), m_textPath, m_textOptions);
      qCInfo(lcApp).noquote() << m_textPath << "prints numbers:" << format.channels
                              << "channels at" << format.rateHz << "Hz; offered as a text board";
      emit textStreamOffered(m_textPath, format);
      emit statusMessage(tr("%1 prints lines of numbers but runs no Deeplomath firmware: use it "
                            "as a text-stream board?")
                             .arg(m_textPath));
    }
  });
  connect(board, &textstream::TextBoard::samplesReceived, this,
          [this](quint32 first, int channels, const QVector<qint16>& values) {
            if (!isTextBoard()) return;  // an offer not taken yet shows nothing
            m_history->append(first, channels, values);
            emit samplesReceived(SampleBatch{first, channels, values});
          });
  connect(board, &textstream::TextBoard::eventReceived, this, &StudioController::onTextEvent);
  connect(board, &textstream::TextBoard::disconnected, this, &StudioController::onTextLost);
  connect(board, &textstream::TextBoard::stateChanged, this, [this](link::LinkState state) {
    if (!isTextBoard() || !m_textLost || state != link::LinkState::Connected) return;
    m_textLost = false;  // reopened with the format it had: no new connected()
    emit boardReady(textBoardView());
    emit statusMessage(tr("The text board on %1 is back.").arg(m_textPath));
  });
  connect(board, &textstream::TextBoard::statisticsUpdated, this,
          [this](const link::LinkStatistics& s) {
            if (isTextBoard()) emit linkStatsChanged(toView(s));
          });
  connect(board, &textstream::TextBoard::textStatisticsUpdated, this,
          [this](const textstream::TextStatistics& s) {
            m_probeGarbage = s.counters.garbage.total();
            if (isTextBoard()) emit textStatsChanged(toView(s));
          });
  board->connectTo(m_textPath, m_textBaud > 0 ? m_textBaud : textstream::TextBoard::kDefaultBaud);
}

void StudioController::stopTextBoard() {
  const TextMode was = m_textMode;
  m_textMode = TextMode::Off;
  m_textOfferTimer.stop();
  m_textProbeTimer.stop();
  m_text.reset();  // no disconnected() will come: say it here
  m_textView = TextStreamView();
  if (was == TextMode::Offered) emit textStreamOfferEnded();
  if (was == TextMode::On) emit boardLost(tr("Disconnected."));
}

void StudioController::onTextConnected() {
  // A format, the first or a new one: the sample indices start again at 0, as after a
  // firmware board's reconnection. The session and its tagged events stay as they are.
  m_textView = toView(m_text->format(), m_textPath, m_textOptions);
  m_textLost = false;
  const link::BoardInfo info = m_text->boardInfo();
  const int rate = info.sampleRateHz > 0 ? info.sampleRateHz : kFallbackRateHz;
  m_history->reset(rate, info.channels, kTextHistorySeconds);
  m_boardModelCrc = 0;  // it runs none
  m_ledger.clear();     // it learns nothing: nothing to label or forget on it
  setStale(QString());
  applyTextTrigger();
  emit boardReady(textBoardView());
  emit modelHashesChanged(studioModelIdentity(), 0);
  emit textFormatChanged(m_textView);
  //: %1: a serial port; %2: a sample rate in Hz.
  emit statusMessage(tr("Text-stream board on %1: %n channel(s) at %2 Hz. The studio detects "
                        "and learns its events; export the model when done.",
                        "", info.channels)
                         .arg(m_textPath, QLocale().toString(m_textView.rateHz, 'g', 6)));
}

void StudioController::applyTextTrigger() {
  if (!m_text) return;
  // The firmware's trigger, its windows scaled to the stream's rate (as the text board does
  // by itself), with the threshold the user set here if any.
  const double rate = m_textView.rateHz > 0.0 ? m_textView.rateHz : double(kFallbackRateHz);
  const firmware::TriggerConfig t = textstream::defaultTrigger(rate);
  m_trigger = TriggerView{m_textThreshold > 0.0f ? m_textThreshold : t.threshold,
                          t.preTriggerFrames, t.holdOffFrames, t.minFrames, t.maxFrames};
  if (m_textThreshold > 0.0f) {
    m_text->setTrigger(link::TriggerConfig{m_trigger.threshold, m_trigger.preTriggerFrames,
                                           m_trigger.holdOffFrames, m_trigger.minFrames,
                                           m_trigger.maxFrames});
  }
  emit boardTriggerChanged(m_trigger.threshold);
}

void StudioController::onTextEvent(const link::BoardEvent& event) {
  if (!isTextBoard()) return;
  // The board predicts nothing (no model): the Board column says so, the studio predicts.
  const int id = addBoardEvent(event, PredictionInfo{});
  emit eventDetected(id, event.startSample, quint32(event.frames), unknownColour(), QString());
}

void StudioController::onTextLost(const QString& reason) {
  if (!isTextBoard() || m_textLost) return;
  m_textLost = true;  // the text board reopens the port by itself
  emit boardLost(reason);
  emit statusMessage(tr("Text board disconnected: %1").arg(reason));
}

BoardInfoView StudioController::textBoardView() const {
  BoardInfoView v;
  v.portName = m_textPath;
  v.boardName = tr("Text stream");
  v.sampleRateHz = int(std::lround(m_textView.rateHz));
  v.channels = m_textView.channels;
  if (m_text) v.descriptorDims = m_text->boardInfo().descriptorDims;
  v.isTextStream = true;
  return v;
}

} // namespace dlm::app
