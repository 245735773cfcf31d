#pragma once

#include <QAction>

#include "ui/main_window/main_window.h"

namespace dlm::ui {

/// The window's actions, shared by its menus and toolbars (internal to MainWindow).
struct MainWindow::Actions {
  QAction* newProject = nullptr;
  QAction* open = nullptr;
  QAction* save = nullptr;
  QAction* saveAs = nullptr;
  QAction* importRecording = nullptr;
  QAction* exportDataset = nullptr;
  QAction* exportModel = nullptr;
  QAction* quit = nullptr;
  QAction* undo = nullptr;
  QAction* redo = nullptr;
  QAction* virtualBoard = nullptr;
  QAction* disconnect = nullptr;
  QAction* push = nullptr;
  QAction* pull = nullptr;
  QAction* flash = nullptr;
  QAction* rebuild = nullptr;
  QAction* pause = nullptr;
  QAction* about = nullptr;
  QString undoPrefix;  ///< "&Undo" in the user's language, before what it undoes
  QString redoPrefix;
};

} // namespace dlm::ui
