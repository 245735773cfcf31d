// MainWindow: what the controller reports, drawn by the panels; what the panels ask,
// forwarded to the controller.
#include <QLocale>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/growth/growth_panel.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/live/live_signal_panel.h"
#include "ui/events/events_panel.h"
#include "ui/main_window/main_window.h"
#include "ui/network/network_panel.h"

namespace dlm::ui {

namespace {
const QString kDemoGesturesKey = QStringLiteral("board/demoGestures");
} // namespace

// The demo toggle: one checkable action (toolbar and Board menu), the controller's state, and
// the user's last choice remembered (off the first time: every event is one the user asked for).
void MainWindow::wireDemoGestures() {
  app::StudioController* c = m_controller;
  QAction* demo = m_gestures->demoAction();
  c->setDemoGestures(QSettings().value(kDemoGesturesKey, false).toBool());
  demo->setChecked(c->demoGestures());
  connect(m_gestures, &GestureToolbar::demoToggled, c, &app::StudioController::setDemoGestures);
  connect(c, &app::StudioController::demoGesturesChanged, this, [demo](bool on) {
    demo->setChecked(on);  // no echo: the controller ignores a value it already has
    QSettings().setValue(kDemoGesturesKey, on);
  });
}

void MainWindow::wireBoard() {
  app::StudioController* c = m_controller;
  connect(c, &app::StudioController::samplesReceived, m_live, [this](const app::SampleBatch& b) {
    m_live->appendSamples(b.firstIndex, b.channels, b.values);
  });
  connect(c, &app::StudioController::eventDetected, this,
          [this](int, quint32 start, quint32 frames, const QColor& colour, const QString& label) {
            m_live->markEvent(start, frames, colour, label);
          });
  connect(c, &app::StudioController::boardReady, this, [this](const app::BoardInfoView& info) {
    QString capacity = tr("%1 neurons × %2 dimensions, %n class(es)", "",
                          static_cast<int>(info.maxClasses))
                           .arg(info.maxNeurons)
                           .arg(info.maxDims);
    if (info.modelCapacity != 0)
      capacity += tr("; models up to %1").arg(QLocale().formattedDataSize(info.modelCapacity));
    m_board->setBoardInfo(info.boardName, info.firmwareVersion, info.coreVersion, capacity,
                          info.sampleRateHz, info.channels);
    m_live->setStreamFormat(info.sampleRateHz, info.channels);
    m_gestures->setVirtualBoard(info.isVirtual);
    m_linkLabel->setText(tr("Board: %1").arg(info.boardName));
    applyBoardMode(info);
  });
  connect(c, &app::StudioController::boardLost, this, [this](const QString& reason) {
    m_board->clearBoardInfo();
    applyBoardMode(app::BoardInfoView());
    m_gestures->setVirtualBoard(false);
    m_linkLabel->setText(tr("No board (%1)").arg(reason));
  });
  connect(c, &app::StudioController::modelHashesChanged, m_board, &BoardPanel::setModelHashes);
  connect(c, &app::StudioController::boardRejectionChanged, m_board,
          &BoardPanel::setRejectionThreshold);
  connect(c, &app::StudioController::boardModelStale, m_board, &BoardPanel::setBoardStale);
  // The line shows the trigger the board detects with (setThreshold sends nothing back).
  connect(c, &app::StudioController::boardTriggerChanged, m_live, &LiveSignalPanel::setThreshold);
  connect(c, &app::StudioController::pushProgress, m_board, &BoardPanel::setPushProgress);
  connect(c, &app::StudioController::pushFinished, m_board, &BoardPanel::setPushOutcome);
  connect(c, &app::StudioController::pullFinished, this,
          [this](bool ok, const QByteArray& bytes, const QString& message) {
            if (ok) {
              savePulledModel(bytes);
            } else {
              showProblem(tr("Model pull failed: %1").arg(message));
            }
          });
  connect(c, &app::StudioController::linkStatsChanged, this, [this](const app::LinkStatsView& s) {
    m_board->setLinkStats(s);
    // Samples/s from bytes/s would be a guess; the panel shows frames lost, the link's truth.
    m_live->setStreamStats(double(m_live->sampleRate()), s.lostFrames);
  });
  connect(m_board, &BoardPanel::pushRequested, c, &app::StudioController::pushModel);
  connect(m_board, &BoardPanel::pullRequested, c, &app::StudioController::pullModel);
  connect(m_gestures, &GestureToolbar::gestureRequested, c, &app::StudioController::performGesture);
  wireDemoGestures();
  connect(m_live, &LiveSignalPanel::thresholdChanged, c, &app::StudioController::setTriggerThreshold);
}

void MainWindow::wireLearning() {
  app::StudioController* c = m_controller;
  connect(c, &app::StudioController::growthPoint, m_growth, &GrowthPanel::appendGrowth);
  // A new, opened or recovered session brings its own history (saving keeps the drawn one).
  connect(c, &app::StudioController::growthHistoryReset, m_growth, &GrowthPanel::setHistory);
  connect(c, &app::StudioController::rejectionRateChanged, m_growth,
          &GrowthPanel::setSessionRejectionRate);
  connect(c, &app::StudioController::networkChanged, this,
          [this](const app::NetworkSnapshot& snapshot) {
            m_network->setSnapshot(snapshot, m_controller->events()->classes());
            QStringList layers;
            for (int n : snapshot.neuronsPerLayer) layers << locale().toString(n);
            m_modelLabel->setText(snapshot.depth == 0
                                      ? tr("No model yet")
                                      : tr("Model: depth %1, neurons %2, %n event(s) learned",
                                           "", static_cast<int>(snapshot.eventsLearned))
                                            .arg(locale().toString(snapshot.depth))
                                            .arg(layers.join(QStringLiteral("+"))));
            m_knownSet->setFeatureCount(snapshot.dims);
            requestMap();
          });
  connect(c, &app::StudioController::knownSetMapReady, this, [this](const app::KnownSetMap& map) {
    m_knownSet->setMap(map, m_controller->events()->classes());
  });
  connect(c, &app::StudioController::explanationReady, m_knownSet,
          &KnownSetPanel::showExplanation);
  connect(c, &app::StudioController::predictionsUpdated, this, [this] { requestMap(); });
  connect(c->events(), &app::StudioEvents::classesChanged, this, [this] { requestMap(); });
  connect(c->events(), &app::StudioEvents::undoStateChanged, this,
          [this](const app::UndoState& state) {
            updateUndoActions(state);
            refreshTitle();
          });
}

void MainWindow::wirePanels() {
  app::StudioController* c = m_controller;
  // Through the controller: it also sends the threshold to a connected board.
  connect(m_knownSet, &KnownSetPanel::thresholdChanged, c,
          &app::StudioController::setRejectionThreshold);
  connect(m_knownSet, &KnownSetPanel::projectionRequested, this,
          [this](app::KnownSetMap::Projection p, int fx, int fy) {
            m_projection = p;
            m_featureX = fx;
            m_featureY = fy;
            requestMap();
          });
  connect(m_knownSet, &KnownSetPanel::explainRequested, c,
          &app::StudioController::requestExplanation);
  connect(m_network, &NetworkPanel::eventActivated, m_events, &EventsPanel::showEvent);
  connect(m_events, &EventsPanel::currentEventChanged, c,
          &app::StudioController::requestExplanation);
  connect(c, &app::StudioController::projectChanged, this, [this] { refreshTitle(); });
}

void MainWindow::savePulledModel(const QByteArray& bytes) {
  statusBar()->showMessage(tr("Pulled the board's model (%1 bytes, CRC verified).")
                               .arg(locale().toString(bytes.size())),
                           8000);
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the board's model"), QString(),
                                                    tr("Deeplomath models (*.dlm)"));
  if (path.isEmpty()) return;
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
    QMessageBox::warning(this, tr("Cannot save the model"), file.errorString());
  }
}

} // namespace dlm::ui
