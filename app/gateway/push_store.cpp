#include "app/gateway/push_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace gateway {

namespace {

bool writeAtomically(const QString& path, const QByteArray& bytes) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  if (f.write(bytes) != bytes.size()) {
    f.cancelWriting();
    return false;
  }
  return f.commit();
}

QByteArray readAll(const QString& path, bool* ok) {
  QFile f(path);
  *ok = f.open(QIODevice::ReadOnly);
  return *ok ? f.readAll() : QByteArray();
}

} // namespace

bool PushStore::open(const QString& directory, QString* error) {
  m_dir = QDir(directory).filePath(QStringLiteral("pushes"));
  if (!QDir().mkpath(m_dir)) {
    if (error != nullptr) *error = QStringLiteral("cannot create %1").arg(m_dir);
    return false;
  }
  bool ok = false;
  const QByteArray text = readAll(QDir(m_dir).filePath(QStringLiteral("finished")), &ok);
  m_finished.clear();
  for (const QByteArray& line : text.split('\n'))
    if (fleet::isValidId(QString::fromLatin1(line))) m_finished << QString::fromLatin1(line);
  return true;
}

QString PushStore::path(const QString& pushId, const char* suffix) const {
  // Ids are [A-Za-z0-9_.-], and never "." or ".." in a way that escapes: the suffix follows.
  return QDir(m_dir).filePath(pushId + QLatin1String(suffix));
}

bool PushStore::known(const QString& pushId) const {
  return m_finished.contains(pushId) || QFile::exists(path(pushId, ".json"));
}

bool PushStore::save(const PushJob& job) {
  if (m_dir.isEmpty()) return false;
  const QString modelPath = path(job.push.push, ".model");
  if (!QFile::exists(modelPath) && !writeAtomically(modelPath, job.push.model)) return false;
  QJsonObject o;
  o["push"] = job.push.push;
  o["sha256"] = QString::fromLatin1(job.push.sha256.toHex());
  o["pending"] = QJsonArray::fromStringList(job.pending);
  o["targets"] = QJsonArray::fromStringList(job.push.targets);
  o["accepted"] = job.acceptedMs;
  return writeAtomically(path(job.push.push, ".json"),
                         QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void PushStore::finish(const QString& pushId) {
  if (m_dir.isEmpty()) return;
  QFile::remove(path(pushId, ".json"));
  QFile::remove(path(pushId, ".model"));
  m_finished.removeAll(pushId);
  m_finished << pushId;
  while (m_finished.size() > kRememberedIds) m_finished.removeFirst();
  saveFinished();
}

void PushStore::saveFinished() {
  writeAtomically(QDir(m_dir).filePath(QStringLiteral("finished")),
                  m_finished.join(QLatin1Char('\n')).toLatin1());
}

std::vector<std::shared_ptr<PushJob>> PushStore::load(QStringList* problems) {
  std::vector<std::shared_ptr<PushJob>> jobs;
  const QStringList entries =
      QDir(m_dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QString& entry : entries) {
    bool ok = false;
    const QJsonObject o = QJsonDocument::fromJson(readAll(QDir(m_dir).filePath(entry), &ok)).object();
    const QString id = o.value(QLatin1String("push")).toString();
    auto job = std::make_shared<PushJob>();
    const QByteArray model = readAll(path(id, ".model"), &ok);
    const QByteArray sha = QByteArray::fromHex(o.value(QLatin1String("sha256")).toString().toLatin1());
    // The model is checked again as a pushed one is: a damaged file is never sent.
    if (!fleet::isValidId(id) || !ok || model.isEmpty() ||
        QCryptographicHash::hash(model, QCryptographicHash::Sha256) != sha) {
      if (problems != nullptr) *problems << QStringLiteral("%1: damaged, skipped").arg(entry);
      continue;
    }
    QStringList targets, pending;
    for (const QJsonValue& v : o.value(QLatin1String("targets")).toArray()) targets << v.toString();
    for (const QJsonValue& v : o.value(QLatin1String("pending")).toArray()) pending << v.toString();
    job->push = fleet::makeModelPush(id, targets, model);
    job->pending = pending;
    job->acceptedMs = o.value(QLatin1String("accepted")).toDouble();
    jobs.push_back(job);
  }
  std::sort(jobs.begin(), jobs.end(),
            [](const auto& a, const auto& b) { return a->acceptedMs < b->acceptedMs; });
  return jobs;
}

} // namespace gateway
} // namespace dlm
