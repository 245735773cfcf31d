#include "ui/main_window/main_window.h"

#include <QCloseEvent>
#include <QDataStream>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/growth/growth_panel.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/live/live_signal_panel.h"
#include "ui/events/events_panel.h"
#include "ui/fleet/fleet_panel.h"
#include "ui/main_window/main_window_actions.h"
#include "ui/network/network_panel.h"

namespace dlm::ui {

namespace {

constexpr char kGeometryKey[] = "window/geometry";
constexpr char kStateKey[] = "window/state";
// 2: the board has its own tab beside the known set (version 1 stacked it under the tabs).
constexpr int kLayoutVersion = 2;
// Opening a project's layout bytes: "DLML", then a version, the geometry and the dock state.
constexpr quint32 kProjectLayoutMagic = 0x4c4d4c44;
constexpr quint16 kProjectLayoutVersion = 1;

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* body) {
  auto* d = new QDockWidget(title, window);
  d->setObjectName(name); // saveState() identifies docks by object name
  d->setWidget(body);
  d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                 QDockWidget::DockWidgetClosable);
  return d;
}

} // namespace

MainWindow::MainWindow(app::StudioController* controller, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_actions(new Actions) {
  setWindowIcon(QIcon(QStringLiteral(":/icons/deeplomath-studio.svg")));
  setDockNestingEnabled(true);
  buildPanels();
  buildDocks();
  buildActions();
  buildMenus();
  buildToolbars();
  buildStatusBar();
  wireBoard();
  wireTextStream();
  wireLearning();
  wirePanels();
  wireFleet();
  refreshTitle();
  // Sized for the screen it opens on: a 1366 × 768 laptop gets the whole of it.
  const QSize available = screen() != nullptr ? screen()->availableSize() : QSize(1600, 1000);
  resize(QSize(1600, 1000).boundedTo(available));
}

MainWindow::~MainWindow() { delete m_actions; }

void MainWindow::buildPanels() {
  m_live = new LiveSignalPanel(this);
  m_live->setChannelNames({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
  m_live->setValueAxisLabel(tr("acceleration (counts, 4096 = 1 g)"));
  m_events = new EventsPanel(m_controller->events(), this);
  m_growth = new GrowthPanel(this);
  m_network = new NetworkPanel(this);
  m_knownSet = new KnownSetPanel(this);
  m_board = new BoardPanel(this);
  m_gestures = new GestureToolbar(this);
  m_fleet = new FleetPanel(this);
  m_gestures->setObjectName(QStringLiteral("gestureToolbar"));
  m_mapTimer = new QTimer(this);
  m_mapTimer->setSingleShot(true);
  m_mapTimer->setInterval(250); // coalesce map requests while the network keeps changing
  connect(m_mapTimer, &QTimer::timeout, this, [this] {
    m_controller->requestKnownSetMap(m_projection, m_featureX, m_featureY);
  });
}

void MainWindow::buildDocks() {
  setCentralWidget(m_live);
  m_docks.events = dock(this, tr("Events"), QStringLiteral("eventsDock"), m_events);
  m_docks.knownSet = dock(this, tr("Known set"), QStringLiteral("knownSetDock"), m_knownSet);
  m_docks.growth = dock(this, tr("Network growth"), QStringLiteral("growthDock"), m_growth);
  m_docks.network = dock(this, tr("Network"), QStringLiteral("networkDock"), m_network);
  m_docks.board = dock(this, tr("Board"), QStringLiteral("boardDock"), m_board);
  m_docks.fleet = dock(this, tr("Fleet"), QStringLiteral("fleetDock"), m_fleet);
  // The right column runs the window's full height: the events below the live signal keep
  // the width the plot has, and the tabs on the right are never under another panel.
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
  arrangeDocks(kDefaultLayout);
  // Dock sizes only take once the window has its size: apply them on the first turn of the
  // event loop (a restored layout from the last session overrides them).
  QTimer::singleShot(0, this, [this] {
    if (!m_layoutRestored) sizeDocks(kDefaultLayout);
  });
}

void MainWindow::buildStatusBar() {
  m_linkLabel = new QLabel(tr("No board"), this);
  m_modelLabel = new QLabel(tr("No model yet"), this);
  statusBar()->addPermanentWidget(m_modelLabel);
  statusBar()->addPermanentWidget(m_linkLabel);
  statusBar()->showMessage(tr("Starting…"));
  connect(m_controller, &app::StudioController::statusMessage, this,
          [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(m_controller, &app::StudioController::problem, this, &MainWindow::showProblem);
}

void MainWindow::showProblem(const QString& message) {
  statusBar()->showMessage(message, 15000);
  m_board->setToolTip(message);
}

void MainWindow::refreshTitle() {
  const QString path = m_controller->projectPath();
  const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).completeBaseName();
  const bool dirty = !m_controller->events()->undoState().clean;
  setWindowTitle(tr("%1%2 — Deeplomath Studio").arg(name, dirty ? QStringLiteral(" *") : QString()));
}

void MainWindow::requestMap() { m_mapTimer->start(); }

void MainWindow::restoreLayout() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  m_layoutRestored = restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion);
  if (!m_layoutRestored) applyLayoutPreset(savedLayoutPreset());
  placeNewDocks();
}

QByteArray MainWindow::projectLayout() const {
  QByteArray bytes;
  QDataStream out(&bytes, QIODevice::WriteOnly);
  out.setVersion(QDataStream::Qt_6_0);
  out << kProjectLayoutMagic << kProjectLayoutVersion << saveGeometry()
      << saveState(kLayoutVersion);
  return bytes;
}

bool MainWindow::restoreProjectLayout(const QByteArray& layout) {
  QDataStream in(layout);
  in.setVersion(QDataStream::Qt_6_0);
  quint32 magic = 0;
  quint16 version = 0;
  QByteArray geometry;
  QByteArray state;
  in >> magic >> version >> geometry >> state;
  if (in.status() != QDataStream::Ok || magic != kProjectLayoutMagic ||
      version != kProjectLayoutVersion) {
    return false;
  }
  restoreGeometry(geometry);
  const bool restored = restoreState(state, kLayoutVersion);
  m_layoutRestored = m_layoutRestored || restored;
  placeNewDocks();
  return restored;
}

bool MainWindow::openProjectFile(const QString& path, QString* error) {
  QByteArray layout;
  if (!m_controller->openProject(path, error, &layout)) return false;
  // A project saved without a layout (format 1, or from the command line) keeps this one.
  if (!layout.isEmpty() && !restoreProjectLayout(layout)) {
    statusBar()->showMessage(tr("The window layout saved in the project could not be applied; "
                                "the current layout is kept."),
                             8000);
  }
  return true;
}

QString MainWindow::recoveryQuestion(const app::RecoveryView& summary) {
  if (!summary.available || !summary.lastWrite.isValid()) {
    return tr("The studio did not close cleanly last time. Recover the events and tags it had?");
  }
  // Counts and time in the studio's locale (QLocale(), which %Ln follows too).
  const QString when = QLocale().toString(summary.lastWrite.toLocalTime(), QLocale::ShortFormat);
  //: %1: date and time of the last autosave; %2: "%Ln event(s)"; %3: "%Ln tagged" (events
  //: tagged with a class or as unknown). "A session from 5 Dec 2026 09:14 was not saved: 42
  //: events, 15 tagged. Recover it?"
  return tr("A session from %1 was not saved: %2, %3. Recover it?")
      .arg(when, tr("%Ln event(s)", "", summary.events), tr("%Ln tagged", "", summary.tagged));
}

void MainWindow::offerRecovery() {
  if (!m_controller->hasRecovery()) return;
  const QString question = recoveryQuestion(m_controller->recoverySummary());
  const auto answer = QMessageBox::question(this, tr("Recover the last session?"), question,
                                            QMessageBox::Yes | QMessageBox::No,
                                            QMessageBox::Yes);
  if (answer != QMessageBox::Yes) return;
  QString warning;
  QString error;
  if (!m_controller->recoverSession(&warning, &error)) {
    QMessageBox::warning(this, tr("Recovery failed"), error);
  } else if (!warning.isEmpty()) {
    statusBar()->showMessage(warning, 15000);
  }
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!confirmDiscard()) {
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kLayoutVersion));
  m_controller->finishJournal();
  event->accept();
}

} // namespace dlm::ui
