// StudioController: projects, autosave and recovery, import and export.
#include <QFileInfo>

#include <algorithm>

#include "app/controller/studio_controller.h"
#include "app/import_export/exporter.h"
#include "app/import_export/importer.h"
#include "app/learning/learning_service.h"
#include "app/learning/learning_worker.h"
#include "app/persistence/project.h"
#include "app/persistence/recovery_manager.h"
#include "app/session/session.h"
#include "core/network.h"

namespace dlm::app {

void StudioController::startJournal() {
  QString error;
  if (!m_recovery->start(m_projectPath, 0, &error)) {
    emit problem(tr("Autosave is off: %1").arg(error));
  }
}

void StudioController::finishJournal() { m_recovery->finish(); }

bool StudioController::hasRecovery() const { return m_recovery->hasRecovery(m_projectPath); }

RecoveryView StudioController::recoverySummary() const {
  return m_recovery->summary(m_projectPath);
}

void StudioController::newProject() {
  m_recovery->finish();
  m_session->clear();
  m_projectPath.clear();
  m_growth.clear();
  m_layout.clear();
  emit growthHistoryReset(m_growth);
  startJournal();
  emit projectChanged(m_projectPath);
  emit statusMessage(tr("New project."));
}

int StudioController::adoptExtras(const ProjectExtras& loaded) {
  // The threshold is part of the model bytes: set it first so the adopted model keeps the
  // saved identity. It is a share of known events to reject; projects saved before it was
  // one kept a margin under "threshold", which means something else and is not read.
  const double threshold = loaded.settings.value(QStringLiteral("rejectionShare"))
                               .toDouble(double(KernelParams().threshold));
  m_learning->setThreshold(float(threshold));
  // The session was just replaced, so the learner has a rebuild scheduled; a saved model it
  // can use (LearningWorker::loadModel checks that it fits) cancels it. Posted before anything
  // slow (drawing the history) so it reaches the learner well within the rebuild's delay.
  if (!loaded.modelBytes.isEmpty()) m_learning->loadModel(loaded.modelBytes);
  m_growth = loaded.growth;
  m_layout = loaded.layout;
  emit growthHistoryReset(m_growth);
  // The accuracy curve carries on from its last point: each incremental learn was one
  // predict-then-learn outcome (rebuilds are not), within the worker's window.
  int learns = 0;
  for (const GrowthPoint& p : loaded.growth) learns += p.rebuild ? 0 : 1;
  if (learns > 0) {
    m_learning->seedPrequential(loaded.growth.constLast().prequentialAccuracy,
                                std::min(learns, LearningWorker::kPrequentialWindow));
  }
  int tagged = 0;
  for (int row = 0; row < m_session->eventCount(); ++row) {
    tagged += m_session->eventAt(row).tag >= 0 ? 1 : 0;
  }
  return tagged;
}

bool StudioController::openProject(const QString& path, QString* error, QByteArray* layout) {
  ProjectData data;
  // Everything is validated before anything changes: on failure the session is untouched.
  if (!Project::read(path, &data, error)) return false;
  m_session->replaceState(std::move(data.state));
  const int tagged = adoptExtras(data.extras);
  m_recovery->finish();
  m_projectPath = path;
  if (layout != nullptr) *layout = m_layout;
  const QString name = QFileInfo(path).fileName();
  QString journalError;
  if (!m_recovery->start(path, data.extras.journalSequence, &journalError)) {
    emit problem(tr("Autosave is off: %1").arg(journalError));
  }
  emit projectChanged(path);
  //: %1: file name; %2: "%n event(s)"; %3: "%n class(es)".
  emit statusMessage(tr("Opened %1: %2, %3.")
                         .arg(name, tr("%n event(s)", "", m_session->eventCount()),
                              tr("%n class(es)", "", m_session->classCount())));
  // After the status line, so that the status bar keeps the problem in view.
  if (!data.modelProblem.isEmpty() && tagged > 0) {
    //: %1: file name; %2: why its model was not used; %n: events the model is rebuilt from.
    emit problem(tr("The model saved in “%1” could not be used: %2. It is being rebuilt from "
                    "the %n tagged event(s); no event or tag was lost.", "", tagged)
                     .arg(name, data.modelProblem));
  } else if (data.extras.modelBytes.isEmpty() && tagged > 0) {
    emit problem(tr("“%1” holds no saved model: it is being rebuilt from the %n tagged "
                    "event(s).", "", tagged)
                     .arg(name));
  }
  return true;
}

bool StudioController::saveProject(const QString& path, QString* error, const QByteArray& layout) {
  if (!layout.isEmpty()) m_layout = layout;
  if (!m_recovery->saveProject(path, error)) return false;
  m_projectPath = path;
  emit projectChanged(path);
  emit statusMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()));
  return true;
}

bool StudioController::recoverSession(QString* warning, QString* error) {
  ProjectExtras recovered;
  if (!m_recovery->recover(m_projectPath, &recovered, warning, error)) return false;
  // A recovered session without a model (none yet, or replayed tag edits that contradict
  // it) is rebuilt from its events as a matter of course: nothing to tell the user.
  adoptExtras(recovered);
  emit statusMessage(
      tr("Recovered %n event(s) from the last session.", "", m_session->eventCount()));
  return true;
}

bool StudioController::importRecording(const QString& path, int* events, QString* error) {
  ImportResult result;
  ImportOptions options;
  if (isBoardConnected()) {  // described as the connected board describes its own events
    options.boardChannels = boardInfo().channels;
    if (boardInfo().maxDims > 0) options.maxDims = boardInfo().maxDims;
  }
  if (!Importer::importFile(path, options, &result, error)) return false;
  m_session->addEvents(result.events);
  if (events != nullptr) *events = int(result.events.size());
  for (const QString& w : result.warnings) emit statusMessage(w);
  emit statusMessage(tr("Imported %n event(s) from %1.", "", int(result.events.size()))
                         .arg(QFileInfo(path).fileName()));
  return true;
}

bool StudioController::exportDataset(const QString& path, int* rows, QString* error) {
  int skipped = 0;
  if (!Exporter::exportDatasetCsv(m_session->state(), path, rows, &skipped, error)) return false;
  emit statusMessage(tr("Exported %n tagged event(s) to %1.", "", rows != nullptr ? *rows : 0)
                         .arg(QFileInfo(path).fileName()));
  return true;
}

bool StudioController::exportModel(const QString& path, QString* error) {
  const QByteArray bytes = m_learning->modelBytes();
  if (bytes.isEmpty()) {
    if (error != nullptr) *error = tr("There is no model yet: tag a few events first.");
    return false;
  }
  if (!Exporter::exportModel(bytes, path, error)) return false;
  emit statusMessage(tr("Exported the model to %1.").arg(QFileInfo(path).fileName()));
  return true;
}

} // namespace dlm::app
