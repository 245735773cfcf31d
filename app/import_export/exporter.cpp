#include "app/import_export/exporter.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include "app/data/csv.h"

namespace dlm::app {

namespace {

int majorityDims(const SessionState& state) {
  QHash<int, int> counts;
  int best = 0;
  int bestCount = 0;
  for (const SessionEvent& e : state.events) {
    if (e.tag == kUntagged || e.descriptor.isEmpty()) continue;
    const int n = ++counts[int(e.descriptor.size())];
    if (n > bestCount) {
      best = int(e.descriptor.size());
      bestCount = n;
    }
  }
  return best;
}

} // namespace

bool Exporter::exportDatasetCsv(const SessionState& state, const QString& path, int* rows,
                                int* skipped, QString* error) {
  data::Dataset d;
  d.dims = majorityDims(state);
  for (const ClassInfo& c : state.classes) d.classNames.push_back(c.name.toStdString());
  const int unknown = int(d.classNames.size());
  d.classNames.push_back(unknownLabel().toStdString());
  int left = 0;
  for (const SessionEvent& e : state.events) {
    if (e.tag == kUntagged) continue;
    if (e.descriptor.size() != d.dims) {
      ++left;
      continue;
    }
    d.features.insert(d.features.end(), e.descriptor.begin(), e.descriptor.end());
    d.labels.push_back(e.tag == kOutlier ? unknown : e.tag);
    ++d.rows;
  }
  if (d.rows == 0) {
    if (error) *error = tr("There is nothing to export: no event is tagged yet.");
    return false;
  }
  std::string why;
  if (!data::writeCsv(d, QFile::encodeName(path).toStdString(), why)) {
    if (error) *error = tr("Cannot write “%1”: %2").arg(QFileInfo(path).fileName(),
                                                      QString::fromStdString(why));
    return false;
  }
  if (rows) *rows = d.rows;
  if (skipped) *skipped = left;
  return true;
}

bool Exporter::exportModel(const QByteArray& modelBytes, const QString& path, QString* error) {
  const QString name = QFileInfo(path).fileName();
  if (modelBytes.isEmpty()) {
    if (error) *error = tr("There is no model to export yet: tag a few events first.");
    return false;
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(modelBytes) != modelBytes.size() ||
      !file.commit()) {
    if (error) *error = tr("Cannot write “%1”: %2").arg(name, file.errorString());
    return false;
  }
  return true;
}

} // namespace dlm::app
