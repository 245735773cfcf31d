#pragma once

#include <QByteArray>
#include <QColor>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <functional>
#include <memory>

#include "app/controller/board_event_ledger.h"
#include "app/controller/studio_events.h"
#include "app/views/board_views.h"
#include "app/views/fleet_views.h"
#include "app/views/recovery_view.h"
#include "app/views/snapshots.h"
#include "app/views/text_stream_views.h"
#include "app/views/trigger_defaults.h"

// The controller is the studio's one door: this header names the parts it owns but includes
// none of them, so a widget cannot reach a link, a worker or a session through it (and the
// build does not even give ui/ their include paths).
namespace dlm::link {
class BoardLink;
class PortDiscovery;
struct BoardEvent;
struct BoardInfo;
struct BoardStatus;
struct PortInfo;
} // namespace dlm::link
namespace dlm::textstream {
class TextBoard;
} // namespace dlm::textstream
namespace dlm::fleet {
struct BoardIdentity;
struct BoardState;
struct BoardStats;
struct CommandResult;
struct FleetCommand;
struct PushOutcome;
} // namespace dlm::fleet

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
QT_END_NAMESPACE

namespace dlm::app {

class FleetClient;
class FlashControl;
class LearningService;
class RecoveryManager;
class SampleStore;
class Session;
class StudioSettings;
class VirtualBoardProcess;
struct ProjectExtras;
struct RememberedBoard;
struct SessionEvent;
struct TagChange;

/// \brief Everything the studio does, without a widget, behind one door: the session and its
/// events (events()), the learner, the board link (a real port or the built-in virtual board),
/// projects, autosave and recovery, import and export.
///
/// The window forwards user intent to its slots and draws what its signals report. Everything
/// crosses this door as app-level values (app/views, studio_events.h): the link's own types
/// are converted inside the controller, so no widget depends on devices/. Every signal carries
/// registered value types and may be queued. Lives on the GUI thread.
///
/// Board and studio are kept in agreement: a tag is sent to the board as a label, an untag or
/// a discard as a forget, and when the board's model holds something the studio no longer has
/// (a board cannot unlearn) boardModelStale() says so until the studio's model is pushed.
class StudioController : public QObject {
  Q_OBJECT
public:
  /// \brief Quiet time before a moved rejection threshold is sent to the board.
  static constexpr int kRejectionQuietMs = 200;
  /// \brief Quiet time after the board reports learned events before its status (and so its
  /// model's identity) is asked for.
  static constexpr int kBoardLearnedQuietMs = 150;

  /// \brief A controller that talks to boards through a serial BoardLink.
  explicit StudioController(QObject* parent = nullptr);
  /// \brief A controller that talks to boards through \p link (for the composition root and
  /// tests, e.g. a link whose transport is a software board).
  explicit StudioController(std::unique_ptr<link::BoardLink> link, QObject* parent = nullptr);
  ~StudioController() override;

  // --- Events and classes --------------------------------------------------------------
  /// \brief The events panel's door: table model, classes, tag/discard/undo (owned here).
  StudioEvents* events() const { return m_events.get(); }

  // --- Learning ------------------------------------------------------------------------
  /// \brief The latest network snapshot.
  NetworkSnapshot network() const;
  /// \brief The studio's rejection threshold (a share of known events rejected).
  float rejectionThreshold() const;
  /// \brief True when the learner has caught up with every edit.
  bool isLearningUpToDate() const;
  /// \brief The studio model's identity, as a board running it reports it (0 without one).
  quint32 studioModelIdentity() const;
  /// \brief The kernel's version ("major.minor.patch"), for the About box.
  static QString kernelVersion();

  // --- Board ---------------------------------------------------------------------------
  bool isBoardConnected() const;
  /// \brief The board of the last boardReady() (model identity kept current).
  BoardInfoView boardInfo() const;
  /// \brief Identity of the model the board runs, as it last reported (0: none).
  quint32 boardModelIdentity() const { return m_boardModelCrc; }
  /// \brief The board's trigger as it last reported it (the firmware defaults before).
  TriggerView boardTrigger() const { return m_trigger; }
  /// \brief Why the board's model is out of step with the studio's, or empty.
  QString boardModelStaleReason() const { return m_staleReason; }
  bool usingVirtualBoard() const { return m_virtualWanted; }
  /// \brief The ports a board may be on (refreshed every second).
  QVector<PortChoice> ports() const;
  /// \brief True when the virtual board performs gestures of its own (the demo), besides
  /// those the user asks for. Off by default: every event then comes from a request.
  bool demoGestures() const { return m_demoGestures; }
  /// \brief The ports and what they are; tests give it their own enumeration (the studio's
  /// widgets cannot include its header).
  link::PortDiscovery* portDiscovery() const { return m_ports.get(); }
  /// \brief The board remembered as the last one used ("" when none): "/dev/ttyACM0", or
  /// its USB identity, e.g. "0483:374b SN 066DFF495051717867184625".
  QString lastBoard() const;
  /// \brief True while the last board is reconnected by itself when it comes back (after a
  /// connection the user asked for, until they disconnect or pick another board).
  bool reconnectsLastBoard() const { return m_lastBoardWanted; }
  /// \brief Flashing a board's firmware (Board → Flash firmware…).
  FlashControl* flashing() const { return m_flash.get(); }
  /// \brief Arguments given to dlm-board (default: no spontaneous gestures; the controller
  /// sets the board's rate from demoGestures() once connected).
  void setVirtualBoardArguments(const QStringList& arguments) { m_virtualArguments = arguments; }

  // --- Boards that print numbers (studio_controller_text.cpp) --------------------------
  /// \brief How long a real port may stay silent to the handshake before the studio looks
  /// at it as a board that prints lines of numbers.
  static constexpr int kTextOfferAfterMs = 4000;
  /// \brief How long that look lasts: a text board's format is inferred within ~2 s.
  static constexpr int kTextProbeMs = 3500;
  /// \brief True while the board is a text-stream board: events are detected and learned on
  /// the host, and the model is exported instead of pushed.
  bool isTextBoard() const;
  /// \brief The text board's current format (empty outside text mode).
  TextStreamView textStream() const { return m_textView; }
  /// \brief What a push or pull to a text board answers, in words for the user.
  static QString textBoardRefusal();

  // --- A fleet behind an MQTT broker (studio_controller_fleet.cpp, docs/fleet.md) -------
  /// \brief The fleet's boards, one row each (columns and roles: FleetTableLayout), filled
  /// from the broker's retained messages and the gateways' statistics once connected.
  QAbstractItemModel* fleetBoards() const;
  BrokerStatusView brokerStatus() const;
  /// \brief The broker last connected to (kept in the settings after
  /// rememberBoardsInSettings(); the password only when the user asked for it).
  BrokerSettings brokerSettings() const;
  /// \brief The key ("site/gateway/board") of the fleet board opened, or empty.
  QString fleetBoard() const { return m_fleetBoard; }
  /// \brief True while the board is a board of the fleet, followed through the broker.
  bool isFleetBoard() const { return !m_fleetBoard.isEmpty(); }
  /// \brief The studio's last push to boards of the fleet.
  FleetPushSummary fleetPush() const;
  /// \brief What a pull from a board of the fleet answers, in words for the user.
  static QString fleetPullRefusal();

  // --- Files (each returns false with a plain-words \p error and changes nothing on failure)
  QString projectPath() const { return m_projectPath; }
  /// \brief Open the project at \p path: its events and classes, its saved model as it was
  /// (same identity; rebuilt, with a problem() saying why, only when it is missing, damaged or
  /// does not fit the events), its threshold and growth history (growthHistoryReset()).
  /// \p layout receives the window layout saved with it (opaque, empty when none).
  bool openProject(const QString& path, QString* error, QByteArray* layout = nullptr);
  /// \brief Save the session to \p path with its model, threshold, growth history and
  /// \p layout, the window's layout as opaque bytes (empty: keep the last one opened or
  /// saved). Autosaves carry the same layout.
  bool saveProject(const QString& path, QString* error, const QByteArray& layout = QByteArray());
  /// \brief The growth history of the session: every point since it was created, the
  /// points of a reopened project first.
  QVector<GrowthPoint> growthHistory() const { return m_growth; }
  /// \brief True when the last session did not close cleanly and left something to recover.
  bool hasRecovery() const;
  /// \brief What recoverSession() would bring back: counts and the time of the last write.
  RecoveryView recoverySummary() const;
  bool recoverSession(QString* warning, QString* error);
  bool importRecording(const QString& path, int* events, QString* error);
  bool exportDataset(const QString& path, int* rows, QString* error);
  bool exportModel(const QString& path, QString* error);
  /// \brief Start journaling an untitled session (call once the window is up).
  void startJournal();
  /// \brief Clean close: stop journaling and remove the autosave (nothing left to recover).
  void finishJournal();

public slots:
  // Learning
  /// \brief Rebuild the network from every class-tagged event.
  void requestRebuild();
  /// \brief Ask for a known-set map (knownSetMapReady()), recomputed after every change.
  void requestKnownSetMap(dlm::app::KnownSetMap::Projection projection, int featureX,
                          int featureY);
  /// \brief Ask why event \p eventId is classified as it is (explanationReady()).
  void requestExplanation(int eventId);
  /// \brief The user moved the rejection threshold (a share of known events, clamped to
  /// [0, 1]): the studio applies it at once; a connected board gets the latest value once
  /// the changes have paused for kRejectionQuietMs, so a slider drag sends one command.
  void setRejectionThreshold(float share);

  // Board
  void startVirtualBoard();
  /// \brief Keep the last board in the studio's settings (QSettings) from now on, and read
  /// the one kept there: the studio calls it at start (tests keep theirs in memory).
  void rememberBoardsInSettings();
  /// \brief Connect to the remembered board if it is plugged in (false when it is not), and
  /// from then on reconnect it whenever it comes back.
  bool connectToLastBoard();
  /// \brief Connect to the board on \p path at \p baud (0: the link's default).
  void connectToPort(const QString& path, qint32 baud = 0);
  void disconnectBoard();
  void pushModel();
  void pullModel();
  /// \brief Ask the virtual board for \p gesture (a Gesture id). The event it causes arrives
  /// with a suggested tag: the gesture's class, or unknown for a never-seen gesture.
  void performGesture(int gesture);
  /// \brief Turn the virtual board's spontaneous gestures on or off, at once and without
  /// restarting it (kept for later connections; demoGesturesChanged()).
  void setDemoGestures(bool on);
  /// \brief Set the board's trigger threshold (energy, in counts).
  void setTriggerThreshold(float threshold);
  /// \brief Read the board on \p path as one that prints lines of numbers (\p baud 0: the
  /// text boards' usual 115200), inferring what \p options leave open.
  void connectToTextPort(const QString& path, qint32 baud = 0,
                         const dlm::app::TextStreamOptions& options = {});
  /// \brief The user took the offer of textStreamOffered(): use the port as a text board.
  void acceptTextStream();
  /// \brief The user declined it: wait for a Deeplomath board's handshake on the port.
  void declineTextStream();
  /// \brief Fix the text board's channels and rate (0: inferred) and read it again.
  void setTextStreamOverrides(int channels, double rateHz);

  // A fleet behind a broker
  /// \brief Connect to the broker \p settings names, remember them, and keep the fleet
  /// table current. False with \p error (nothing changed) when the settings cannot work; an
  /// unreachable or refusing broker is said by brokerStatusChanged(), and retried.
  bool connectToBroker(const dlm::app::BrokerSettings& settings, QString* error = nullptr);
  void disconnectBroker();
  /// \brief Make board \p key of the fleet the studio's board: its events come into the
  /// session (tagged, learned, labelled on the board through its gateway) and its samples are
  /// streamed while it is open, as for a board on a cable.
  void openFleetBoard(const QString& key);
  /// \brief Push the studio's model to the boards \p keys through their gateways, which
  /// activate it only once verified (fleetPushChanged(), per board in fleetBoards()). False
  /// with \p error when nothing was sent.
  bool pushModelToFleet(const QStringList& keys, QString* error = nullptr);

  // Files
  void newProject();

signals:
  /// \brief What the studio is doing, for the status bar.
  void statusMessage(const QString& message);
  /// \brief Something went wrong, in plain words with what to do next.
  void problem(const QString& message);
  void projectChanged(const QString& path);

  // Learning
  void growthPoint(const dlm::app::GrowthPoint& point);
  /// \brief The growth history was replaced (new project, open, recovery): draw \p points
  /// instead of what was drawn; growthPoint() appends to them from then on.
  void growthHistoryReset(const QVector<dlm::app::GrowthPoint>& points);
  void networkChanged(const dlm::app::NetworkSnapshot& snapshot);
  void knownSetMapReady(const dlm::app::KnownSetMap& map);
  void explanationReady(const dlm::app::Explanation& explanation);
  /// \brief The studio's predictions of some events changed.
  void predictionsUpdated();
  /// \brief Share of the session's predicted events the studio rejects as unknown.
  void rejectionRateChanged(double rate);
  /// \brief Identities of the studio's and the board's models (0: none).
  void modelHashesChanged(quint32 studio, quint32 board);

  // Board
  void samplesReceived(const dlm::app::SampleBatch& batch);
  void eventDetected(int sessionId, quint32 start, quint32 frames, const QColor& colour,
                     const QString& label);
  void boardReady(const dlm::app::BoardInfoView& info);
  void boardLost(const QString& reason);
  /// \brief The board's trigger threshold, from its status: the live plot's threshold line.
  void boardTriggerChanged(float threshold);
  /// \brief The rejection threshold the board applies (a share of known events).
  void boardRejectionChanged(float share);
  /// \brief The demo's spontaneous gestures were turned on or off (setDemoGestures()).
  void demoGesturesChanged(bool on);
  /// \brief The board's model holds what the studio no longer has (\p reason says what, and
  /// what to do), or, with an empty \p reason, is back in step.
  void boardModelStale(const QString& reason);
  void linkStatsChanged(const dlm::app::LinkStatsView& stats);
  void portsChanged(const QVector<dlm::app::PortChoice>& ports);
  void pushProgress(qint64 sent, qint64 total);
  /// \brief The push ended; \p message says how, in words for the user.
  void pushFinished(bool ok, const QString& message);
  /// \brief The pull ended; \p model is the verified model when \p ok.
  void pullFinished(bool ok, const QByteArray& model, const QString& message);
  /// \brief No Deeplomath board answered on \p path, but it prints lines of numbers in
  /// \p format: acceptTextStream() or declineTextStream().
  void textStreamOffered(const QString& path, const dlm::app::TextStreamView& format);
  /// \brief The offer is no longer open (taken, declined, or the port was left).
  void textStreamOfferEnded();
  /// \brief A text board's format was inferred: the first, or after a change.
  void textFormatChanged(const dlm::app::TextStreamView& format);
  /// \brief A text board's counters (garbage lines by kind...), once a second.
  void textStatsChanged(const dlm::app::TextStatsView& stats);
  /// \brief The broker connection changed (or its count of malformed payloads).
  void brokerStatusChanged(const dlm::app::BrokerStatusView& status);
  /// \brief The studio's last push to boards of the fleet progressed or ended on a board.
  void fleetPushChanged(const dlm::app::FleetPushSummary& summary);

private:
  void wireParts();
  void wirePorts();
  void onPortAdded(const link::PortInfo& port);
  void onPortRemoved(const link::PortInfo& port);
  void rememberConnectedBoard();
  void reconnectTo(const QString& path, const QString& why);
  void closeLinkForFlashing(std::function<void()> proceed);
  void reopenLinkAfterFlashing(bool flashed);
  void wireLink();
  void wireLinkTransfers();
  void wireLearning();
  void wireBoardSync();
  void onBoardEvent(const link::BoardEvent& event);
  int addBoardEvent(const link::BoardEvent& event, const PredictionInfo& board);
  // Text-stream boards (studio_controller_text.cpp).
  void wireText();
  void armTextOffer(qint32 requestedBaud);
  void probeText();
  void endTextProbe();
  void startTextBoard();
  void stopTextBoard();
  void onTextConnected();
  void onTextEvent(const link::BoardEvent& event);
  void onTextLost(const QString& reason);
  void applyTextTrigger();
  BoardInfoView textBoardView() const;
  // Boards of a fleet (studio_controller_fleet.cpp).
  void wireFleet();
  void wireFleetBoard();
  void closeFleetBoard(const QString& why);
  void updateFleetBoard();
  link::BoardInfo fleetBoardInfo() const;
  void onFleetState(const fleet::BoardState& state);
  void onFleetStats(const fleet::BoardStats& stats);
  void onFleetCommand(const fleet::CommandResult& result);
  void onFleetOutcome(const QString& key, const fleet::PushOutcome& outcome);
  void onFleetPushSummary(const FleetPushSummary& summary);
  void sendFleetCommand(const fleet::FleetCommand& command);
  // What the board is asked, on a cable or through its gateway (the same commands).
  bool boardTakesCommands() const;
  void requestBoardStatus();
  void labelOnBoard(quint32 boardEvent, int classIndex);
  void forgetOnBoard(quint32 boardEvent);
  void setBoardRejection(float share);
  void setBoardTrigger(const TriggerView& trigger);
  void gestureOnBoard(int gesture);
  void onBoardConnected(const link::BoardInfo& info);
  void onBoardStatus(const link::BoardStatus& status);
  void onBoardModel(quint32 identity);
  void onTagsChanged(const QVector<TagChange>& changes);
  void onEventAboutToBeRemoved(int row);
  void applyBoardAction(const BoardEventLedger::Action& action);
  void setStale(const QString& reason);
  QHash<int, int> studioLearned() const;
  void sendRejection();
  void syncRejectionAfterConnect(const link::BoardStatus& status);
  void sendDemoGestures();
  void suggestTag(SessionEvent& event, int requestedGesture) const;
  ProjectExtras extras() const;
  /// Threshold, growth history, layout and model of an opened or recovered session; returns
  /// how many events are tagged with a class (what a rebuild learns from).
  int adoptExtras(const ProjectExtras& loaded);

  // Declared in the order they depend on one another: destroyed in reverse.
  std::unique_ptr<Session> m_session;
  std::unique_ptr<StudioEvents> m_events;
  std::unique_ptr<LearningService> m_learning;
  std::unique_ptr<link::BoardLink> m_link;
  std::unique_ptr<textstream::TextBoard> m_text; ///< a board that prints numbers, or null
  std::unique_ptr<link::PortDiscovery> m_ports;
  std::unique_ptr<VirtualBoardProcess> m_virtual;
  std::unique_ptr<RecoveryManager> m_recovery;
  std::unique_ptr<SampleStore> m_history;  ///< the board's stream: events' raw windows
  BoardEventLedger m_ledger;
  QString m_projectPath;
  QVector<GrowthPoint> m_growth;       ///< the session's growth history (saved in projects)
  QByteArray m_layout;                 ///< the window layout of the project (opaque)
  TriggerView m_trigger = defaultTrigger(); ///< the boards' defaults until one reports
  bool m_boardTriggerKnown = false;    ///< a status of this connection reported the trigger
  quint32 m_boardModelCrc = 0;
  QString m_staleReason;               ///< why the board's model is out of step, or empty
  QHash<int, int> m_pushing;           ///< what the model being pushed learned (id -> class)
  QTimer m_rejectionTimer;             ///< coalesces threshold moves before they go to the board
  QTimer m_boardStatusTimer;           ///< coalesces status requests after on-board learning
  bool m_rejectionSyncPending = false; ///< connected; the board's first Status decides
  bool m_virtualWanted = false;
  bool m_demoGestures = false;  ///< the virtual board's spontaneous gestures (the demo)
  // The last board (studio_controller_ports.cpp).
  std::unique_ptr<StudioSettings> m_settings;   ///< where it is kept; null: this session only
  std::unique_ptr<RememberedBoard> m_lastBoard; ///< empty until a board connects
  bool m_lastBoardWanted = false;  ///< reconnect it when it comes back
  bool m_autoReconnecting = false; ///< the connection under way is the studio's own doing
  bool m_flashing = false;         ///< a probe tool owns the board: hands off
  bool m_reopenAfterFlash = false; ///< the link was closed for flashing
  qint32 m_baud = 0;               ///< of the last connectToPort() (0: the link's default)
  std::unique_ptr<FlashControl> m_flash;
  // A board that prints numbers (studio_controller_text.cpp).
  enum class TextMode { Off, Probing, Offered, On };
  TextMode m_textMode = TextMode::Off;
  QString m_textPath;
  qint32 m_textBaud = 0;           ///< 0: the text boards' usual rate
  TextStreamOptions m_textOptions; ///< what the user fixed
  TextStreamView m_textView;
  float m_textThreshold = 0.0f;    ///< set by the user for this text board (0: the default)
  bool m_textLost = false;         ///< the port closed; it reopens by itself
  quint64 m_probeGarbage = 0;      ///< garbage lines the probe saw
  QTimer m_textOfferTimer;         ///< started with a real port's handshake
  QTimer m_textProbeTimer;
  // A board of a fleet (studio_controller_fleet.cpp).
  std::unique_ptr<FleetClient> m_fleet;
  BrokerSettings m_broker;         ///< the last connected to (tests: not in the settings)
  QString m_fleetBoard;            ///< key of the fleet board opened, empty when none
  bool m_fleetBoardUp = false;     ///< it is online and its session has started here
  QString m_fleetPushId;           ///< the push whose outcome the Board panel waits for
  QString m_fleetPushReported;     ///< the push whose end was said in the status bar
  // Spontaneous gestures off from the first sample: a demo gesture never mixes with the
  // user's first requests, even before the connection lets the controller say so.
  QStringList m_virtualArguments{QStringLiteral("--gesture-rate"), QStringLiteral("0")};
};

} // namespace dlm::app
