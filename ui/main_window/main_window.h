#pragma once

#include <QMainWindow>
#include <QPointer>

#include "app/views/snapshots.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QMessageBox;

namespace dlm::app {
class StudioController;
struct BoardInfoView;
struct RecoveryView;
struct TextStreamView;
struct UndoState;
} // namespace dlm::app

namespace dlm::ui {

class BoardPanel;
class EventsPanel;
class FleetPanel;
class GestureToolbar;
class GrowthPanel;
class KnownSetPanel;
class LiveSignalPanel;
class NetworkPanel;

/// \brief The studio's window: dockable panels around the live signal, menus, toolbars and a
/// status bar that always says what the studio is doing. It holds no logic of its own: user
/// intent goes to the StudioController, what the controller reports is drawn by the panels.
class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(app::StudioController* controller, QWidget* parent = nullptr);
  ~MainWindow() override;

  LiveSignalPanel* liveSignal() const { return m_live; }
  EventsPanel* events() const { return m_events; }
  GrowthPanel* growth() const { return m_growth; }
  NetworkPanel* network() const { return m_network; }
  KnownSetPanel* knownSet() const { return m_knownSet; }
  BoardPanel* board() const { return m_board; }
  GestureToolbar* gestures() const { return m_gestures; }
  FleetPanel* fleet() const { return m_fleet; }
  /// \brief The open offer to use a silent port as a board that prints numbers, or null.
  QMessageBox* textStreamOffer() const;

  /// \brief A named arrangement of the panels for one task (View → Layout).
  enum class LayoutPreset { CaptureAndTag, Inspect, Board, Fleet };
  static constexpr LayoutPreset kDefaultLayout = LayoutPreset::CaptureAndTag;

  /// \brief Restore the dock layout and geometry saved by the last session (or, without
  /// one, the remembered preset, sized to the screen).
  void restoreLayout();
  /// \brief Arrange the panels as \p preset does and remember it as the chosen layout.
  void applyLayoutPreset(LayoutPreset preset);
  /// \brief The View → Layout actions, one per preset, then "Reset layout".
  QList<QAction*> layoutPresetActions() const;
  /// \brief The window's layout (geometry and docks) as the opaque bytes a project keeps.
  QByteArray projectLayout() const;
  /// \brief Apply bytes from projectLayout(); false (and nothing changed) if they are not
  /// a layout this window wrote.
  bool restoreProjectLayout(const QByteArray& layout);
  /// \brief Open the project at \p path with the layout saved in it; false with \p error.
  bool openProjectFile(const QString& path, QString* error);
  /// \brief If the last session was not closed cleanly, ask whether to recover it (how many
  /// events and tags, from when) and recover it if the user says yes.
  void offerRecovery();
  /// \brief Show the Fleet view in front (its tab raised).
  void showFleet();
  /// \brief The recovery question for \p summary, its time and counts in the default
  /// QLocale: "A session from 5 Dec 2026 09:14 was not saved: 42 events, 15 tagged. Recover
  /// it?" (the generic question when the summary is not available).
  static QString recoveryQuestion(const app::RecoveryView& summary);

protected:
  void closeEvent(QCloseEvent* event) override;

private:
  void buildPanels();
  void buildDocks();
  void buildActions();
  void buildMenus();
  void buildToolbars();
  void buildStatusBar();
  void buildLayoutMenu(QMenu* view);
  void arrangeDocks(LayoutPreset preset);
  void sizeDocks(LayoutPreset preset);
  LayoutPreset savedLayoutPreset() const;
  void wireBoard();
  void wireDemoGestures();
  void wireLearning();
  void wirePanels();
  // A board that prints numbers (main_window_text.cpp).
  void wireTextStream();
  void applyBoardMode(const app::BoardInfoView& info);
  void showTextOffer(const QString& path, const app::TextStreamView& format);
  void showTextOverrides();
  // A fleet behind a broker (main_window_fleet.cpp).
  void buildFleetMenu();
  void wireFleet();
  void showBrokerDialog();
  void pushToFleet(const QStringList& keys);
  void placeNewDocks();
  void refreshPortsMenu();
  void updateUndoActions(const app::UndoState& state);
  void refreshTitle();
  void requestMap();
  void showProblem(const QString& message);

  // File actions
  void newProject();
  void openProject();
  bool saveProject();
  bool saveProjectAs();
  void importRecording();
  void exportDataset();
  void exportModel();
  void savePulledModel(const QByteArray& bytes);
  void showFlashDialog();
  void showAbout();
  bool confirmDiscard();

  app::StudioController* m_controller;
  LiveSignalPanel* m_live = nullptr;
  EventsPanel* m_events = nullptr;
  GrowthPanel* m_growth = nullptr;
  NetworkPanel* m_network = nullptr;
  KnownSetPanel* m_knownSet = nullptr;
  BoardPanel* m_board = nullptr;
  GestureToolbar* m_gestures = nullptr;
  FleetPanel* m_fleet = nullptr;
  QMenu* m_portsMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  struct Docks {
    QDockWidget* events = nullptr;
    QDockWidget* knownSet = nullptr;
    QDockWidget* growth = nullptr;
    QDockWidget* network = nullptr;
    QDockWidget* board = nullptr;
    QDockWidget* fleet = nullptr;
  } m_docks;
  QActionGroup* m_layoutGroup = nullptr;
  QList<QAction*> m_layoutActions;
  QLabel* m_linkLabel = nullptr;
  QLabel* m_modelLabel = nullptr;
  QTimer* m_mapTimer = nullptr;
  app::KnownSetMap::Projection m_projection = app::KnownSetMap::Projection::Pca;
  int m_featureX = 0;
  int m_featureY = 1;
  bool m_layoutRestored = false;
  QPointer<QMessageBox> m_textOffer;
  struct Actions;
  Actions* m_actions = nullptr;
};

} // namespace dlm::ui
