// MainWindow: what the controller, the learning service and the link report, drawn by the
// panels; what the panels ask, forwarded to the controller.
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

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

void MainWindow::wireBoard() {
  app::StudioController* c = m_controller;
  link::BoardLink* link = &c->board();
  connect(link, &link::BoardLink::samplesReceived, m_live, &LiveSignalPanel::appendSamples);
  connect(c, &app::StudioController::eventDetected, this,
          [this](int, quint32 start, quint32 frames, const QColor& colour, const QString& label) {
            m_live->markEvent(start, frames, colour, label);
          });
  connect(c, &app::StudioController::boardReady, this,
          [this](const link::BoardInfo& info, bool isVirtual) {
            m_board->setBoardInfo(info.boardName, info.firmwareVersion, info.coreVersion,
                                  tr("%1 neurons × %2 dimensions, %n class(es)", "",
                                     static_cast<int>(info.maxClasses))
                                      .arg(info.maxNeurons)
                                      .arg(info.maxDims),
                                  info.sampleRateHz, info.channels);
            m_live->setStreamFormat(info.sampleRateHz, info.channels);
            m_gestures->setVirtualBoard(isVirtual);
            m_linkLabel->setText(tr("Board: %1").arg(info.boardName));
          });
  connect(c, &app::StudioController::boardLost, this, [this](const QString& reason) {
    m_board->clearBoardInfo();
    m_gestures->setVirtualBoard(false);
    m_linkLabel->setText(tr("No board (%1)").arg(reason));
  });
  connect(c, &app::StudioController::modelHashesChanged, m_board, &BoardPanel::setModelHashes);
  connect(link, &link::BoardLink::statusReceived, this, [this](const link::BoardStatus& s) {
    m_board->setRejectionThreshold(s.rejectionThreshold);
  });
  connect(link, &link::BoardLink::pushProgress, m_board, &BoardPanel::setPushProgress);
  connect(link, &link::BoardLink::pushFinished, m_board, &BoardPanel::setPushOutcome);
  connect(link, &link::BoardLink::pullFinished, this,
          [this](bool ok, const QByteArray& bytes, const QString& message) {
            if (ok) {
              savePulledModel(bytes);
            } else {
              showProblem(tr("Model pull failed: %1").arg(message));
            }
          });
  connect(link, &link::BoardLink::statisticsUpdated, this, [this](const link::LinkStatistics& s) {
    LinkStatsView view;
    view.bytesInPerSecond = s.bytesInPerSecond;
    view.bytesOutPerSecond = s.bytesOutPerSecond;
    view.framesOk = s.framesOk;
    view.crcErrors = s.crcErrors + s.cobsErrors + s.otherFrameErrors;
    view.lostFrames = s.lostSampleFrames;
    view.latencyMs = s.latencyMs;
    view.reconnects = s.reconnects;
    m_board->setLinkStats(view);
    // Samples/s from bytes/s would be a guess; the panel shows frames lost, the link's truth.
    m_live->setStreamStats(double(m_live->sampleRate()), s.lostSampleFrames);
  });
  connect(m_board, &BoardPanel::pushRequested, c, &app::StudioController::pushModel);
  connect(m_board, &BoardPanel::pullRequested, c, &app::StudioController::pullModel);
  connect(m_gestures, &GestureToolbar::gestureRequested, c, &app::StudioController::performGesture);
  connect(m_live, &LiveSignalPanel::thresholdChanged, c, &app::StudioController::setTriggerThreshold);
}

void MainWindow::wireLearning() {
  app::LearningService* learning = &m_controller->learning();
  app::Session* session = &m_controller->session();
  connect(learning, &app::LearningService::growthPoint, m_growth, &GrowthPanel::appendGrowth);
  connect(learning, &app::LearningService::networkChanged, this,
          [this, session](const app::NetworkSnapshot& snapshot) {
            m_network->setSnapshot(snapshot, session->classes());
            QStringList layers;
            for (int n : snapshot.neuronsPerLayer) layers << QString::number(n);
            m_modelLabel->setText(snapshot.depth == 0
                                      ? tr("No model yet")
                                      : tr("Model: depth %1, neurons %2, %n event(s) learned",
                                           "", static_cast<int>(snapshot.eventsLearned))
                                            .arg(snapshot.depth)
                                            .arg(layers.join(QStringLiteral("+"))));
            m_knownSet->setFeatureCount(snapshot.dims);
            requestMap();
          });
  connect(learning, &app::LearningService::knownSetMapReady, this,
          [this, session](const app::KnownSetMap& map) { m_knownSet->setMap(map, session->classes()); });
  connect(learning, &app::LearningService::explanationReady, m_knownSet,
          &KnownSetPanel::showExplanation);
  connect(learning, &app::LearningService::predictionsUpdated, this, [this] { requestMap(); });
  connect(session, &app::Session::classChanged, this, [this] { requestMap(); });
  connect(session->undoStack(), &QUndoStack::cleanChanged, this, [this] { refreshTitle(); });
  connect(session->undoStack(), &QUndoStack::indexChanged, this, [this] { refreshTitle(); });
}

void MainWindow::wirePanels() {
  app::LearningService* learning = &m_controller->learning();
  // Through the controller: it also sends the threshold to a connected board.
  connect(m_knownSet, &KnownSetPanel::thresholdChanged, m_controller,
          &app::StudioController::setRejectionThreshold);
  connect(m_knownSet, &KnownSetPanel::projectionRequested, this,
          [this](app::KnownSetMap::Projection p, int fx, int fy) {
            m_projection = p;
            m_featureX = fx;
            m_featureY = fy;
            requestMap();
          });
  connect(m_knownSet, &KnownSetPanel::explainRequested, learning,
          &app::LearningService::requestExplanation);
  connect(m_network, &NetworkPanel::eventActivated, m_events, &EventsPanel::showEvent);
  connect(m_events, &EventsPanel::currentEventChanged, this, [learning](int id) {
    if (id >= 0) learning->requestExplanation(id);
  });
  connect(m_controller, &app::StudioController::projectChanged, this, [this] {
    m_growth->clear();
    refreshTitle();
  });
}

void MainWindow::savePulledModel(const QByteArray& bytes) {
  statusBar()->showMessage(tr("Pulled the board's model (%1 bytes, CRC verified).").arg(bytes.size()),
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
