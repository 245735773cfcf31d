// dlm-ui-gallery: every studio panel filled with synthetic data, in a docked main window.
//   dlm-ui-gallery                    interactive
//   dlm-ui-gallery --screenshot DIR   write DIR/panel-*.png and DIR/gallery.png, then exit

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

#include <functional>
#include <memory>

#include "ui/board/board_panel.h"
#include "ui/gallery/syntheticdata.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/growth/growth_panel.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/live/live_signal_panel.h"
#include "ui/network/network_panel.h"
#include "ui/common/ui_logging.h"

namespace {

using namespace dlm;
using namespace dlm::ui;

constexpr int kExplainedEvent = 12;

void fillLive(LiveSignalPanel& p) { gallery::feedLiveSignal(p, 12.4); }

void fillGrowth(GrowthPanel& p) {
  for (const app::GrowthPoint& point : gallery::growth(412)) p.appendGrowth(point);
}

void fillNetwork(NetworkPanel& p) {
  p.setSnapshot(gallery::network(), gallery::classes());
  p.selectNeuron(0, 21);
}

void fillKnownSet(KnownSetPanel& p) {
  const app::KnownSetMap map = gallery::knownSet(0.05f);
  p.setFeatureCount(24);
  p.setMap(map, gallery::classes());
  p.refreshNow();
  p.showExplanation(gallery::explanation(map, kExplainedEvent));
}

void fillBoard(BoardPanel& p, bool pushing) {
  p.setBoardInfo(QObject::tr("Deeplomath virtual board"), QStringLiteral("0.3.1"),
                 QStringLiteral("0.1.0"),
                 QObject::tr("256 neurons per layer, 3 layers, 64 dims, 16 classes, "
                             "512 stored events"),
                 1000, 3);
  app::LinkStatsView stats;
  stats.bytesInPerSecond = 7'212;
  stats.bytesOutPerSecond = pushing ? 20'480 : 96;
  stats.framesOk = 184'233;
  stats.crcErrors = pushing ? 2 : 0;
  stats.lostFrames = pushing ? 40 : 0;
  stats.latencyMs = 3.4;
  stats.reconnects = 0;
  p.setLinkStats(stats);
  if (pushing) {
    p.setModelHashes(0x5A3C19E7u, 0x1B00C0DEu);
    p.setPushProgress(38'000, 61'440);
  } else {
    p.setModelHashes(0x5A3C19E7u, 0x5A3C19E7u);
    p.setPushOutcome(true, QString());
  }
}

// Run the event loop for \p ms: lets the panels' 40 ms repaint timers fire.
void settle(int ms) {
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  loop.exec();
}

// Show \p widget alone at \p size, let it lay out and paint, save it as DIR/NAME.png.
bool shoot(QWidget& widget, const QSize& size, const QString& dir, const QString& name,
           const std::function<void()>& prepare = {}) {
  widget.resize(size);
  widget.show();
  settle(100);
  if (prepare) prepare();
  settle(150);
  const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
  const bool ok = widget.grab().save(path);
  qCInfo(lcUi) << (ok ? "wrote" : "FAILED to write") << path;
  widget.hide();
  return ok;
}

bool screenshots(const QString& dir) {
  QDir().mkpath(dir);
  bool ok = true;
  {
    LiveSignalPanel live;
    fillLive(live);
    ok &= shoot(live, {1400, 520}, dir, QStringLiteral("panel-live-signal"),
                [&] { live.refreshNow(); });
    live.setPaused(true);
    ok &= shoot(live, {1400, 520}, dir, QStringLiteral("panel-live-signal-paused"),
                [&] { live.refreshNow(); });
    LiveSignalPanel empty;
    ok &= shoot(empty, {1000, 380}, dir, QStringLiteral("panel-live-signal-empty"));
  }
  {
    GrowthPanel growth;
    fillGrowth(growth);
    ok &= shoot(growth, {1200, 760}, dir, QStringLiteral("panel-growth"),
                [&] { growth.refreshNow(); });
    GrowthPanel empty;
    ok &= shoot(empty, {900, 500}, dir, QStringLiteral("panel-growth-empty"));
  }
  {
    NetworkPanel network;
    ok &= shoot(network, {1300, 720}, dir, QStringLiteral("panel-network"), [&] {
      fillNetwork(network);
      network.refreshNow();
    });
    NetworkPanel empty;
    ok &= shoot(empty, {900, 420}, dir, QStringLiteral("panel-network-empty"));
  }
  {
    KnownSetPanel known;
    ok &= shoot(known, {900, 620}, dir, QStringLiteral("panel-known-set"),
                [&] { fillKnownSet(known); });
    KnownSetPanel empty;
    ok &= shoot(empty, {620, 400}, dir, QStringLiteral("panel-known-set-empty"));
  }
  {
    BoardPanel board;
    fillBoard(board, false);
    ok &= shoot(board, {1000, 460}, dir, QStringLiteral("panel-board"));
    BoardPanel pushing;
    fillBoard(pushing, true);
    ok &= shoot(pushing, {1000, 460}, dir, QStringLiteral("panel-board-pushing"));
    BoardPanel empty;
    ok &= shoot(empty, {800, 320}, dir, QStringLiteral("panel-board-empty"));
  }
  {
    GestureToolbar gestures;
    gestures.setVirtualBoard(true);
    ok &= shoot(gestures, gestures.sizeHint(), dir, QStringLiteral("panel-gestures"));
  }
  return ok;
}

// The docked window a user of the studio will see, all panels at once.
std::unique_ptr<QMainWindow> makeWindow() {
  auto window = std::make_unique<QMainWindow>();
  window->setWindowTitle(QObject::tr("Deeplomath Studio — panel gallery"));
  auto* live = new LiveSignalPanel(window.get());
  window->setCentralWidget(live);
  auto* gestures = new GestureToolbar(window.get());
  gestures->setVirtualBoard(true);
  window->addToolBar(gestures);
  const auto dock = [&](QWidget* panel, const QString& title, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, window.get());
    d->setObjectName(title);
    d->setWidget(panel);
    window->addDockWidget(area, d);
    return d;
  };
  auto* growth = new GrowthPanel;
  auto* network = new NetworkPanel;
  auto* known = new KnownSetPanel;
  auto* board = new BoardPanel;
  QDockWidget* knownDock = dock(known, QObject::tr("Known set"), Qt::RightDockWidgetArea);
  QDockWidget* growthDock = dock(growth, QObject::tr("Network growth"), Qt::RightDockWidgetArea);
  QDockWidget* networkDock = dock(network, QObject::tr("Network"), Qt::BottomDockWidgetArea);
  QDockWidget* boardDock = dock(board, QObject::tr("Board"), Qt::BottomDockWidgetArea);
  window->splitDockWidget(networkDock, boardDock, Qt::Horizontal);
  window->tabifyDockWidget(knownDock, growthDock);
  knownDock->raise();
  window->resizeDocks({knownDock}, {820}, Qt::Horizontal);
  window->resizeDocks({networkDock, boardDock}, {960, 640}, Qt::Horizontal);
  window->resizeDocks({networkDock}, {440}, Qt::Vertical);
  fillLive(*live);
  fillGrowth(*growth);
  fillNetwork(*network);
  fillKnownSet(*known);
  fillBoard(*board, false);
  window->statusBar()->showMessage(QObject::tr("Synthetic data — nothing is connected"));
  window->resize(1600, 1000);
  return window;
}

} // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("dlm-ui-gallery"));
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QObject::tr("Every Deeplomath Studio panel filled with synthetic data."));
  parser.addHelpOption();
  const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                      QObject::tr("Save each panel as DIR/panel-*.png and exit."),
                                      QObject::tr("DIR"));
  parser.addOption(shotOption);
  parser.process(app);

  if (parser.isSet(shotOption)) {
    const QString dir = parser.value(shotOption);
    bool ok = screenshots(dir);
    std::unique_ptr<QMainWindow> window = makeWindow();
    window->show();
    settle(400);
    const QString path = QDir(dir).filePath(QStringLiteral("gallery.png"));
    ok &= window->grab().save(path);
    qCInfo(lcUi) << "wrote" << path;
    return ok ? 0 : 1;
  }
  std::unique_ptr<QMainWindow> window = makeWindow();
  window->show();
  return QApplication::exec();
}
