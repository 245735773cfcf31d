// MainWindow: the layout presets of View → Layout. Each arranges every panel for one task so
// that all of them stay reachable (shown, or a tab away) at 1366 × 768 as at 1920 × 1080:
//   Capture & tag — the live signal and the events big, the inspection panels in tabs beside;
//   Inspect       — the known set, growth and network big, with the events;
//   Board         — the board panel beside the live signal;
//   Fleet         — the boards of a broker under the live signal, the events a tab away.
// The chosen preset is remembered; the dock state saved on close keeps the user's own tweaks.
#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QTimer>

#include "ui/main_window/main_window.h"

namespace dlm::ui {

namespace {

constexpr char kPresetKey[] = "window/layoutPreset";

QString presetKey(MainWindow::LayoutPreset preset) {
  switch (preset) {
  case MainWindow::LayoutPreset::CaptureAndTag: return QStringLiteral("capture");
  case MainWindow::LayoutPreset::Inspect: return QStringLiteral("inspect");
  case MainWindow::LayoutPreset::Board: return QStringLiteral("board");
  case MainWindow::LayoutPreset::Fleet: return QStringLiteral("fleet");
  }
  return QString();
}

// Share of the window a dock area gets, per preset: the width of the right column and the
// height of the bottom row.
struct Shares {
  int rightPercent;
  int bottomPercent;
};

Shares shares(MainWindow::LayoutPreset preset) {
  switch (preset) {
  case MainWindow::LayoutPreset::CaptureAndTag: return {36, 50};
  case MainWindow::LayoutPreset::Inspect: return {60, 50};
  case MainWindow::LayoutPreset::Board: return {46, 34};
  case MainWindow::LayoutPreset::Fleet: return {32, 46};
  }
  return {36, 50};
}

} // namespace

void MainWindow::buildLayoutMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Layout"));
  m_layoutGroup = new QActionGroup(this);
  const std::pair<LayoutPreset, QString> presets[] = {
      {LayoutPreset::CaptureAndTag, tr("&Capture && tag")},
      {LayoutPreset::Inspect, tr("&Inspect")},
      {LayoutPreset::Board, tr("&Board")},
      {LayoutPreset::Fleet, tr("&Fleet")}};
  for (const auto& [preset, text] : presets) {
    QAction* a = menu->addAction(text);
    a->setObjectName(QStringLiteral("layout-") + presetKey(preset));
    a->setCheckable(true);
    m_layoutGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, p = preset] { applyLayoutPreset(p); });
    m_layoutActions << a;
  }
  m_layoutActions.at(int(savedLayoutPreset()))->setChecked(true);
  menu->addSeparator();
  QAction* reset = menu->addAction(tr("&Reset layout"));
  reset->setObjectName(QStringLiteral("layout-reset"));
  reset->setToolTip(tr("Put every panel back where the studio first placed it"));
  connect(reset, &QAction::triggered, this, [this] { applyLayoutPreset(kDefaultLayout); });
  m_layoutActions << reset;
}

QList<QAction*> MainWindow::layoutPresetActions() const { return m_layoutActions; }

MainWindow::LayoutPreset MainWindow::savedLayoutPreset() const {
  const QString key = QSettings().value(kPresetKey).toString();
  for (LayoutPreset p : {LayoutPreset::CaptureAndTag, LayoutPreset::Inspect, LayoutPreset::Board,
                         LayoutPreset::Fleet}) {
    if (presetKey(p) == key) return p;
  }
  return kDefaultLayout;
}

void MainWindow::applyLayoutPreset(LayoutPreset preset) {
  QSettings().setValue(kPresetKey, presetKey(preset));
  if (!m_layoutActions.isEmpty()) m_layoutActions.at(int(preset))->setChecked(true);
  arrangeDocks(preset);
  // Sizes need the arranged docks laid out first.
  QTimer::singleShot(0, this, [this, preset] { sizeDocks(preset); });
  sizeDocks(preset);
}

void MainWindow::arrangeDocks(LayoutPreset preset) {
  const Docks& d = m_docks;
  const QList<QDockWidget*> all = {d.events, d.knownSet, d.growth, d.network, d.board, d.fleet};
  for (QDockWidget* dock : all) {
    removeDockWidget(dock);
    dock->setFloating(false);
  }
  // Each preset puts every dock in one of two tab groups: nothing stacks under a tab bar.
  QList<QDockWidget*> right, bottom;
  switch (preset) {
  case LayoutPreset::CaptureAndTag:
    right = {d.knownSet, d.growth, d.network, d.board};
    bottom = {d.events, d.fleet};
    break;
  case LayoutPreset::Inspect:
    right = {d.knownSet, d.growth, d.network};
    bottom = {d.events, d.board, d.fleet};
    break;
  case LayoutPreset::Board:
    right = {d.board};
    bottom = {d.events, d.fleet, d.knownSet, d.growth, d.network};
    break;
  case LayoutPreset::Fleet:
    right = {d.board, d.knownSet, d.growth, d.network};
    bottom = {d.fleet, d.events};
    break;
  }
  for (const auto& [area, group] : {std::pair{Qt::RightDockWidgetArea, right},
                                    std::pair{Qt::BottomDockWidgetArea, bottom}}) {
    addDockWidget(area, group.first());
    for (int i = 1; i < group.size(); ++i) tabifyDockWidget(group.first(), group.at(i));
  }
  for (QDockWidget* dock : all) dock->show();
  right.first()->raise();
  bottom.first()->raise();
}

void MainWindow::sizeDocks(LayoutPreset preset) {
  const Shares s = shares(preset);
  const Docks& d = m_docks;
  // One visible dock of each area stands for its tab group.
  const auto front = [](const QList<QDockWidget*>& docks) {
    for (QDockWidget* dock : docks)
      if (dock->isVisible()) return dock;
    return docks.first();
  };
  QDockWidget* right = front({d.knownSet, d.board, d.growth, d.network});
  QDockWidget* bottom = front({d.events, d.fleet, d.board, d.knownSet});
  if (dockWidgetArea(right) == dockWidgetArea(bottom)) return;  // not arranged yet
  resizeDocks({right}, {width() * s.rightPercent / 100}, Qt::Horizontal);
  resizeDocks({bottom}, {height() * s.bottomPercent / 100}, Qt::Vertical);
}

} // namespace dlm::ui
