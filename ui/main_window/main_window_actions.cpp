// MainWindow: actions, menus, toolbars and the file commands behind them.
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include "app/controller/studio_controller.h"
#include "ui/board/flash_dialog.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/live/live_signal_panel.h"
#include "ui/main_window/main_window_actions.h"

namespace dlm::ui {

namespace {

QAction* action(QObject* parent, const QString& icon, const QString& text,
                const QKeySequence& shortcut = QKeySequence()) {
  auto* a = new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), text, parent);
  if (!shortcut.isEmpty()) a->setShortcut(shortcut);
  a->setToolTip(shortcut.isEmpty() ? text
                                   : QStringLiteral("%1 (%2)").arg(text, shortcut.toString(
                                                                            QKeySequence::NativeText)));
  return a;
}

QString projectFilter() { return QObject::tr("Deeplomath projects (*.dlmproj)"); }

} // namespace

void MainWindow::buildActions() {
  Actions& a = *m_actions;
  a.newProject = action(this, "new-project", tr("&New project"), QKeySequence::New);
  a.open = action(this, "open-project", tr("&Open project…"), QKeySequence::Open);
  a.save = action(this, "save-project", tr("&Save project"), QKeySequence::Save);
  a.saveAs = action(this, "save-project", tr("Save project &as…"), QKeySequence::SaveAs);
  a.importRecording = action(this, "import-recording", tr("&Import recording (CSV, WAV)…"));
  a.exportDataset = action(this, "export-dataset", tr("Export &dataset (CSV)…"));
  a.exportModel = action(this, "export-model", tr("Export &model…"));
  a.quit = new QAction(tr("&Quit"), this);
  a.quit->setShortcut(QKeySequence::Quit);
  // Built here, fed by the controller's undo state: the window holds no undo stack.
  a.undo = action(this, "undo", tr("&Undo"), QKeySequence::Undo);
  a.redo = action(this, "redo", tr("&Redo"), QKeySequence::Redo);
  a.undoPrefix = a.undo->text();
  a.redoPrefix = a.redo->text();
  app::StudioEvents* events = m_controller->events();
  connect(a.undo, &QAction::triggered, events, &app::StudioEvents::undo);
  connect(a.redo, &QAction::triggered, events, &app::StudioEvents::redo);
  updateUndoActions(events->undoState());
  a.virtualBoard = action(this, "virtual-board", tr("Use the &virtual board"));
  a.disconnect = action(this, "disconnect", tr("&Disconnect"));
  a.push = action(this, "push-model", tr("&Push model to the board"), QKeySequence(tr("Ctrl+P")));
  a.pull = action(this, "pull-model", tr("P&ull model from the board"));
  a.push->setObjectName(QStringLiteral("pushModelAction"));  // found by tests
  a.pull->setObjectName(QStringLiteral("pullModelAction"));
  a.flash = action(this, "flash-firmware", tr("&Flash firmware…"));
  a.rebuild = action(this, "rebuild", tr("&Rebuild the network"), QKeySequence(tr("Ctrl+R")));
  a.pause = action(this, "pause", tr("&Pause the live signal"), QKeySequence(Qt::Key_Space));
  a.pause->setCheckable(true);
  a.about = action(this, "about", tr("&About Deeplomath Studio"));
  connect(a.newProject, &QAction::triggered, this, &MainWindow::newProject);
  connect(a.open, &QAction::triggered, this, &MainWindow::openProject);
  connect(a.save, &QAction::triggered, this, &MainWindow::saveProject);
  connect(a.saveAs, &QAction::triggered, this, &MainWindow::saveProjectAs);
  connect(a.importRecording, &QAction::triggered, this, &MainWindow::importRecording);
  connect(a.exportDataset, &QAction::triggered, this, &MainWindow::exportDataset);
  connect(a.exportModel, &QAction::triggered, this, &MainWindow::exportModel);
  connect(a.quit, &QAction::triggered, this, &QWidget::close);
  connect(a.virtualBoard, &QAction::triggered, m_controller, &app::StudioController::startVirtualBoard);
  connect(a.disconnect, &QAction::triggered, m_controller, &app::StudioController::disconnectBoard);
  connect(a.push, &QAction::triggered, m_controller, &app::StudioController::pushModel);
  connect(a.pull, &QAction::triggered, m_controller, &app::StudioController::pullModel);
  connect(a.flash, &QAction::triggered, this, &MainWindow::showFlashDialog);
  connect(a.rebuild, &QAction::triggered, m_controller, &app::StudioController::requestRebuild);
  connect(a.pause, &QAction::toggled, m_live, &LiveSignalPanel::setPaused);
  connect(m_live, &LiveSignalPanel::pausedChanged, a.pause, &QAction::setChecked);
  connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildMenus() {
  Actions& a = *m_actions;
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addActions({a.newProject, a.open, a.save, a.saveAs});
  file->addSeparator();
  file->addActions({a.importRecording, a.exportDataset, a.exportModel});
  file->addSeparator();
  file->addAction(a.quit);
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addActions({a.undo, a.redo});
  QMenu* board = menuBar()->addMenu(tr("&Board"));
  board->addAction(a.virtualBoard);
  m_portsMenu = board->addMenu(QIcon(QStringLiteral(":/icons/connect.svg")), tr("&Connect to"));
  m_portsMenu->setToolTipsVisible(true);  // each port's USB identity and serial number
  connect(m_portsMenu, &QMenu::aboutToShow, this, &MainWindow::refreshPortsMenu);
  board->addAction(a.disconnect);
  board->addSeparator();
  board->addActions({a.push, a.pull});
  board->addAction(a.flash);
  board->addSeparator();
  board->addAction(m_gestures->demoAction());
  buildFleetMenu();
  QMenu* network = menuBar()->addMenu(tr("&Network"));
  network->addAction(a.rebuild);
  m_viewMenu = menuBar()->addMenu(tr("&View"));
  m_viewMenu->addAction(a.pause);
  m_viewMenu->addSeparator();
  for (QDockWidget* d : findChildren<QDockWidget*>()) m_viewMenu->addAction(d->toggleViewAction());
  buildLayoutMenu(m_viewMenu);
  m_viewMenu->addSeparator();
  QMenu* language = m_viewMenu->addMenu(tr("&Language"));
  const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
  for (const auto& [code, name] : {std::pair<QString, QString>{QStringLiteral("en"), QStringLiteral("English")},
                                   std::pair<QString, QString>{QStringLiteral("fr"), QStringLiteral("Français")}}) {
    QAction* item = language->addAction(name); // each language named in itself
    item->setCheckable(true);
    item->setChecked(current == code);
    connect(item, &QAction::triggered, this, [this, code = code] {
      QSettings().setValue(QStringLiteral("ui/language"), code);
      QMessageBox::information(this, tr("Language"),
                               tr("The new language applies the next time the studio starts."));
    });
  }
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(a.about);
}

void MainWindow::buildToolbars() {
  Actions& a = *m_actions;
  QToolBar* main = addToolBar(tr("Main"));
  main->setObjectName(QStringLiteral("mainToolbar"));
  main->setIconSize(QSize(22, 22));
  main->addActions({a.open, a.save});
  main->addSeparator();
  main->addActions({a.undo, a.redo});
  main->addSeparator();
  main->addActions({a.virtualBoard, a.disconnect, a.push, a.pull});
  main->addSeparator();
  main->addActions({a.rebuild, a.pause});
  addToolBar(m_gestures);
}

void MainWindow::refreshPortsMenu() {
  m_portsMenu->clear();
  const QVector<app::PortChoice> ports = m_controller->ports();
  if (ports.isEmpty()) {
    m_portsMenu->addAction(tr("No serial port found — plug a board in"))->setEnabled(false);
    return;
  }
  for (const app::PortChoice& p : ports) {
    // "ST-LINK/V2-1 (Nucleo) — /dev/ttyACM0 — SN 066DFF…184625"; every detail in the tooltip.
    QAction* item = m_portsMenu->addAction(
        p.lastUsed ? tr("%1 (last used)").arg(p.label) : p.label);
    item->setToolTip(p.details);
    item->setIcon(QIcon(QStringLiteral(":/icons/%1.svg")
                            .arg(p.isVirtual ? QStringLiteral("virtual-board")
                                             : QStringLiteral("connect"))));
    connect(item, &QAction::triggered, this,
            [this, location = p.location] { m_controller->connectToPort(location); });
  }
}

void MainWindow::showFlashDialog() {
  FlashDialog dialog(m_controller->flashing(), this);
  dialog.exec();
}

void MainWindow::updateUndoActions(const app::UndoState& state) {
  // As QUndoStack's own actions read: "Undo Tag 3 events as shake".
  const auto text = [](const QString& prefix, const QString& what) {
    return what.isEmpty() ? prefix : QStringLiteral("%1 %2").arg(prefix, what);
  };
  Actions& a = *m_actions;
  a.undo->setEnabled(state.canUndo);
  a.undo->setText(text(a.undoPrefix, state.undoText));
  a.redo->setEnabled(state.canRedo);
  a.redo->setText(text(a.redoPrefix, state.redoText));
}

bool MainWindow::confirmDiscard() {
  if (m_controller->events()->undoState().clean) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"),
      tr("The session has changes that are not saved in a project. Save them first?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  return answer == QMessageBox::Discard || saveProject();
}

void MainWindow::newProject() {
  if (confirmDiscard()) m_controller->newProject();
}

void MainWindow::openProject() {
  if (!confirmDiscard()) return;
  const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                    projectFilter());
  if (path.isEmpty()) return;
  QString error;
  if (!openProjectFile(path, &error)) {
    QMessageBox::warning(this, tr("Cannot open the project"),
                         tr("%1\n\nNothing was changed in the current session.").arg(error));
  }
}

bool MainWindow::saveProject() {
  if (m_controller->projectPath().isEmpty()) return saveProjectAs();
  QString error;
  if (m_controller->saveProject(m_controller->projectPath(), &error, projectLayout())) return true;
  QMessageBox::warning(this, tr("Cannot save the project"), error);
  return false;
}

bool MainWindow::saveProjectAs() {
  QString path = QFileDialog::getSaveFileName(this, tr("Save project"), QString(), projectFilter());
  if (path.isEmpty()) return false;
  if (!path.endsWith(QStringLiteral(".dlmproj"))) path += QStringLiteral(".dlmproj");
  QString error;
  if (m_controller->saveProject(path, &error, projectLayout())) return true;
  QMessageBox::warning(this, tr("Cannot save the project"), error);
  return false;
}

void MainWindow::importRecording() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Import a recording"), QString(), tr("Recordings (*.csv *.wav);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  int events = 0;
  if (!m_controller->importRecording(path, &events, &error)) {
    QMessageBox::warning(this, tr("Cannot import the recording"), error);
  }
}

void MainWindow::exportDataset() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the dataset"), QString(),
                                                    tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  int rows = 0;
  if (!m_controller->exportDataset(path, &rows, &error)) {
    QMessageBox::warning(this, tr("Cannot export the dataset"), error);
  }
}

void MainWindow::exportModel() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the model"), QString(),
                                                    tr("Deeplomath models (*.dlm)"));
  if (path.isEmpty()) return;
  QString error;
  if (!m_controller->exportModel(path, &error)) {
    QMessageBox::warning(this, tr("Cannot export the model"), error);
  }
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About Deeplomath Studio"),
      tr("<h3>Deeplomath Studio %1</h3><p>A deep-learning kernel that learns without "
         "backpropagation, one event at a time, builds its own depth and neuron density, and "
         "rejects what lies outside its known set.</p><p>Kernel %2.</p>")
          .arg(QApplication::applicationVersion(), app::StudioController::kernelVersion()));
}

} // namespace dlm::ui
