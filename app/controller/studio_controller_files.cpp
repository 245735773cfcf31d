// StudioController: projects, autosave and recovery, import and export.
#include <QFileInfo>

#include "app/controller/studio_controller.h"
#include "app/import_export/exporter.h"
#include "app/import_export/importer.h"
#include "app/learning/learning_service.h"
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

void StudioController::newProject() {
  m_recovery->finish();
  m_session->clear();
  m_projectPath.clear();
  startJournal();
  emit projectChanged(m_projectPath);
  emit statusMessage(tr("New project."));
}

bool StudioController::openProject(const QString& path, QString* error) {
  ProjectExtras loaded;
  // Project::open validates everything first and leaves the session untouched on failure.
  if (!Project::open(path, *m_session, &loaded, error)) return false;
  m_recovery->finish();
  m_projectPath = path;
  // The threshold is part of the model bytes: set it first so the adopted model keeps the
  // saved identity. It is a share of known events to reject; projects saved before it was
  // one kept a margin under "threshold", which means something else and is not read.
  const double threshold = loaded.settings.value(QStringLiteral("rejectionShare"))
                               .toDouble(double(KernelParams().threshold));
  m_learning->setThreshold(float(threshold));
  if (!loaded.modelBytes.isEmpty()) m_learning->loadModel(loaded.modelBytes);
  QString journalError;
  if (!m_recovery->start(path, loaded.journalSequence, &journalError)) {
    emit problem(tr("Autosave is off: %1").arg(journalError));
  }
  emit projectChanged(path);
  //: %1: file name; %2: "%n event(s)"; %3: "%n class(es)".
  emit statusMessage(tr("Opened %1: %2, %3.")
                         .arg(QFileInfo(path).fileName(),
                              tr("%n event(s)", "", m_session->eventCount()),
                              tr("%n class(es)", "", m_session->classCount())));
  return true;
}

bool StudioController::saveProject(const QString& path, QString* error) {
  if (!m_recovery->saveProject(path, error)) return false;
  m_projectPath = path;
  emit projectChanged(path);
  emit statusMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()));
  return true;
}

bool StudioController::recoverSession(QString* warning, QString* error) {
  ProjectExtras recovered;
  if (!m_recovery->recover(m_projectPath, &recovered, warning, error)) return false;
  if (!recovered.modelBytes.isEmpty()) m_learning->loadModel(recovered.modelBytes);
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
