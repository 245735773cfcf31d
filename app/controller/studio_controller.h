#pragma once

#include <QColor>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include "app/controller/virtual_board_process.h"
#include "app/learning/learning_service.h"
#include "app/persistence/recovery_manager.h"
#include "app/session/session.h"
#include "app/views/sample_store.h"
#include "devices/link/board_link.h"
#include "devices/link/port_discovery.h"

namespace dlm::app {

/// \brief Everything the studio does, without a widget: the session, the learning service,
/// the board link (a real port or the built-in virtual board), projects, autosave and
/// recovery, import and export. The main window only forwards user intent to it and draws
/// what it reports.
class StudioController : public QObject {
  Q_OBJECT
public:
  explicit StudioController(QObject* parent = nullptr);
  ~StudioController() override;

  Session& session() { return m_session; }
  LearningService& learning() { return m_learning; }
  link::BoardLink& board() { return m_link; }
  link::PortDiscovery& ports() { return m_ports; }
  RecoveryManager& recovery() { return m_recovery; }
  bool usingVirtualBoard() const { return m_virtualWanted; }
  quint32 boardModelCrc() const { return m_boardModelCrc; }
  /// \brief The studio model's identity, as a board reports it (0 without a model).
  quint32 studioModelIdentity() const;
  /// \brief The kernel's version ("major.minor.patch"), for the About box.
  static QString kernelVersion();

  // Board
  /// \brief Arguments given to dlm-board (default: a spontaneous gesture every 5 s).
  void setVirtualBoardArguments(const QStringList& arguments) { m_virtualArguments = arguments; }
  void startVirtualBoard();
  void connectToPort(const QString& path, qint32 baud);
  void disconnectBoard();
  void pushModel();
  void pullModel();
  void performGesture(int gesture);
  void setTriggerThreshold(float threshold);
  /// \brief The user moved the rejection threshold (a share of known events, clamped to
  /// [0, 1]): the studio applies it at once; a connected board gets the latest value once
  /// the changes have paused for kRejectionQuietMs, so a slider drag sends one command.
  void setRejectionThreshold(float share);
  /// \brief Quiet time before a moved rejection threshold is sent to the board.
  static constexpr int kRejectionQuietMs = 200;

  // Files (each returns false with a plain-words \p error and changes nothing on failure)
  QString projectPath() const { return m_projectPath; }
  void newProject();
  bool openProject(const QString& path, QString* error);
  bool saveProject(const QString& path, QString* error);
  bool recoverSession(QString* warning, QString* error);
  bool importRecording(const QString& path, int* events, QString* error);
  bool exportDataset(const QString& path, int* rows, QString* error);
  bool exportModel(const QString& path, QString* error);
  /// \brief Start journaling an untitled session (call once the window is up).
  void startJournal();

signals:
  void statusMessage(const QString& message);
  void problem(const QString& message);
  void boardReady(const dlm::link::BoardInfo& info, bool isVirtual);
  void boardLost(const QString& reason);
  void eventDetected(int sessionId, quint32 start, quint32 frames, const QColor& colour,
                     const QString& label);
  void modelHashesChanged(quint32 studio, quint32 board);
  void projectChanged(const QString& path);

private:
  void wireLink();
  void wireLearning();
  void onBoardEvent(const link::BoardEvent& event);
  void onTagsChanged(const QVector<TagChange>& changes);
  void onBoardConnected(const link::BoardInfo& info);
  void onBoardStatus(const link::BoardStatus& status);
  void sendRejection();
  void syncRejectionAfterConnect(const link::BoardStatus& status);
  ProjectExtras extras() const;
  QString predictionLabel(const link::BoardEvent& event) const;
  PredictionInfo boardPrediction(const link::BoardEvent& event) const;

  Session m_session;
  LearningService m_learning;
  link::BoardLink m_link;
  link::PortDiscovery m_ports;
  VirtualBoardProcess m_virtual;
  RecoveryManager m_recovery;
  SampleStore m_history;             ///< the board's stream: events' raw windows
  QHash<int, quint32> m_boardIds;   ///< session event id -> board event id
  QHash<quint32, int> m_sessionIds; ///< board event id -> session event id
  QString m_projectPath;
  link::TriggerConfig m_trigger = link::defaultTrigger(); ///< the board's, once it reports it
  quint32 m_boardModelCrc = 0;
  QTimer m_rejectionTimer;             ///< coalesces threshold moves before they go to the board
  bool m_rejectionSyncPending = false; ///< connected; the board's first Status decides
  bool m_virtualWanted = false;
  QStringList m_virtualArguments{QStringLiteral("--gesture-rate"), QStringLiteral("12")};
};

} // namespace dlm::app
