// Projects reopen exactly: a project saved by one controller and opened by a fresh one gives
// back the same model (same identity, not rebuilt), the same growth history point by point,
// the same threshold and the same layout bytes, and learning resumes from that model. A
// damaged or mismatched model falls back to a rebuild, says so, and keeps every event and tag.
// The controller's board is the link tests' software board (controller_rig.h).
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/learning/learning_worker.h"
#include "app/persistence/project.h"
#include "core/model_format.h"
#include "tests/app/controller/controller_rig.h"

using namespace dlm;
using app::GrowthPoint;
using app::StudioController;
using app::test::kLearnTimeoutMs;
using app::test::kTimeoutMs;
using app::test::Rig;

namespace {

constexpr float kThreshold = 0.125f;

quint32 identityOf(const QByteArray& model) {
  ModelInfo info;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(model.constData());
  return inspectModel(bytes, std::size_t(model.size()), &info) == Status::Ok ? info.crc : 0;
}

bool sameGrowth(const QVector<GrowthPoint>& a, const QVector<GrowthPoint>& b, QString* why) {
  if (a.size() != b.size()) {
    *why = QStringLiteral("%1 points, expected %2").arg(a.size()).arg(b.size());
    return false;
  }
  for (int i = 0; i < a.size(); ++i) {
    const GrowthPoint& p = a[i];
    const GrowthPoint& q = b[i];
    if (p.eventsLearned != q.eventsLearned || p.depth != q.depth ||
        p.neuronsPerLayer != q.neuronsPerLayer || p.learnMicros != q.learnMicros ||
        p.prequentialAccuracy != q.prequentialAccuracy || p.rejectionRate != q.rejectionRate ||
        p.rebuild != q.rebuild) {
      *why = QStringLiteral("point %1 differs").arg(i);
      return false;
    }
  }
  return true;
}

// What a user sees of the events: ids and tags, row by row.
QVector<QPair<int, int>> idsAndTags(StudioController& c) {
  QVector<QPair<int, int>> out;
  const QAbstractItemModel* model = c.events()->model();
  for (int row = 0; row < c.events()->eventCount(); ++row) {
    const int id = model->index(row, 0).data(app::EventTableLayout::EventIdRole).toInt();
    out << qMakePair(id, c.events()->event(id).tag);
  }
  return out;
}

bool settled(StudioController& c) {
  return QTest::qWaitFor(
      [&] { return c.isLearningUpToDate() && c.studioModelIdentity() != 0; }, kLearnTimeoutMs);
}

} // namespace

class TestControllerProjects : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_path;
  const QByteArray m_layout{"opaque\0layout\xff bytes", 21};
  quint32 m_identity = 0;
  QVector<GrowthPoint> m_growth;
  QVector<QPair<int, int>> m_tags;

  // A session learned in a few steps (so the history has several points), then saved.
  void saveALearnedSession() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    app::StudioEvents* studio = rig.controller.events();
    studio->createClass(QStringLiteral("a"));
    studio->createClass(QStringLiteral("b"));
    const QVector<app::test::Labelled> events = app::test::blobEvents(24, 2);
    const QVector<int> ids = rig.boardReports(events);
    QCOMPARE(ids.size(), events.size());
    for (int i = 0; i < 20; ++i) {  // one at a time: each learned incrementally
      studio->tagEvents({ids[i]}, events[i].gesture);
      QVERIFY(settled(rig.controller));
    }
    rig.controller.setRejectionThreshold(kThreshold);
    QTRY_COMPARE_WITH_TIMEOUT(rig.controller.network().threshold, kThreshold, kTimeoutMs);
    QVERIFY(settled(rig.controller));
    QVERIFY2(rig.controller.growthHistory().size() >= 4,
             qPrintable(QString::number(rig.controller.growthHistory().size())));
    QString error;
    QVERIFY2(rig.controller.saveProject(m_path, &error, m_layout), qPrintable(error));
    m_identity = rig.controller.studioModelIdentity();
    m_growth = rig.controller.growthHistory();
    m_tags = idsAndTags(rig.controller);
  }

  // The saved project, rewritten with \p change applied to what it holds.
  QString rewritten(const QString& name, const std::function<void(app::ProjectData&)>& change) {
    app::ProjectData data;
    QString error;
    if (!app::Project::read(m_path, &data, &error)) return QString();
    change(data);
    const QString path = m_dir.filePath(name);
    return app::Project::save(path, data.state, data.extras, &error) ? path : QString();
  }

  // Opens \p path in a fresh controller that must fall back to a rebuild and say so.
  void fallsBackToARebuild(const QString& path, const QString& expected) {
    Rig fresh;
    QSignalSpy problems(&fresh.controller, &StudioController::problem);
    QString error;
    QVERIFY2(fresh.controller.openProject(path, &error), qPrintable(error));
    QVERIFY(settled(fresh.controller));
    QCOMPARE(idsAndTags(fresh.controller), m_tags);  // every event and tag kept
    QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), kTimeoutMs);
    const QString message = problems.last().at(0).toString();
    qInfo("%s", qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("rebuilt")), qPrintable(message));
    // Rebuilt from the same events: a model exists and its growth point follows the history.
    QVERIFY(fresh.controller.growthHistory().size() > m_growth.size());
    QVERIFY(fresh.controller.growthHistory().last().rebuild);
  }

private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("reopen.dlmproj"));
    saveALearnedSession();
  }

  void theFileHoldsWhatWasSaved() {
    app::ProjectData data;
    QString error;
    QVERIFY2(app::Project::read(m_path, &data, &error), qPrintable(error));
    QCOMPARE(data.formatVersion, app::Project::kFormatVersion);
    QCOMPARE(identityOf(data.extras.modelBytes), m_identity);
    QVERIFY(data.modelProblem.isEmpty());
    QString why;
    QVERIFY2(sameGrowth(data.extras.growth, m_growth, &why), qPrintable(why));
    QCOMPARE(data.extras.layout, m_layout);
  }

  void reopenGivesBackTheModelHistoryThresholdAndLayout() {
    Rig fresh;  // a new studio, no board yet
    QSignalSpy problems(&fresh.controller, &StudioController::problem);
    QSignalSpy points(&fresh.controller, &StudioController::growthPoint);
    QSignalSpy resets(&fresh.controller, &StudioController::growthHistoryReset);
    QByteArray layout;
    QString error;
    QVERIFY2(fresh.controller.openProject(m_path, &error, &layout), qPrintable(error));
    QCOMPARE(layout, m_layout);
    QCOMPARE(fresh.controller.rejectionThreshold(), kThreshold);
    QVERIFY(settled(fresh.controller));
    // A rebuild, had one been scheduled, would have run by now.
    QTest::qWait(5 * app::LearningWorker::kRebuildDelayMs);
    QCOMPARE(fresh.controller.studioModelIdentity(), m_identity);
    QCOMPARE(fresh.controller.network().threshold, kThreshold);
    QCOMPARE(points.count(), 0);  // nothing relearned
    QString why;
    QVERIFY2(sameGrowth(fresh.controller.growthHistory(), m_growth, &why), qPrintable(why));
    QCOMPARE(resets.count(), 1);
    QVERIFY2(sameGrowth(resets.first().at(0).value<QVector<GrowthPoint>>(), m_growth, &why),
             qPrintable(why));
    QCOMPARE(idsAndTags(fresh.controller), m_tags);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));

    // The board's handshake limits the network to what it can run: a model that fits stays.
    QVERIFY(fresh.connectAndSettle());
    QVERIFY(settled(fresh.controller));
    QTest::qWait(5 * app::LearningWorker::kRebuildDelayMs);
    QCOMPARE(fresh.controller.studioModelIdentity(), m_identity);
    QCOMPARE(points.count(), 0);

    // Learning resumes from the saved model: the next tags are learned onto it, one point each.
    const QVector<int> ids = [&] {
      QVector<int> out;
      for (const auto& [id, tag] : m_tags) {
        if (tag == app::kUntagged) out << id;
      }
      return out;
    }();
    QCOMPARE(ids.size(), 4);
    const QVector<app::test::Labelled> events = app::test::blobEvents(24, 2);
    fresh.controller.events()->tagEvents({ids[0]}, events[20].gesture);
    QVERIFY(settled(fresh.controller));
    QTRY_VERIFY_WITH_TIMEOUT(points.count() >= 1, kTimeoutMs);
    const GrowthPoint next = points.first().at(0).value<GrowthPoint>();
    QVERIFY(!next.rebuild);
    QCOMPARE(next.eventsLearned, m_growth.last().eventsLearned + 1);
    // A rebuild this small is cheap, so one follows the incremental step once tagging pauses;
    // it learns the same events and adds exactly one more point.
    QTRY_COMPARE_WITH_TIMEOUT(points.count(), 2, kTimeoutMs);
    const GrowthPoint rebuilt = points.at(1).at(0).value<GrowthPoint>();
    QVERIFY(rebuilt.rebuild);
    QCOMPARE(rebuilt.eventsLearned, next.eventsLearned);
    QTest::qWait(5 * app::LearningWorker::kRebuildDelayMs);
    QCOMPARE(points.count(), 2);  // and nothing loops: no rebuild without new events
    QCOMPARE(fresh.controller.growthHistory().size(), m_growth.size() + 2);
    QVERIFY(fresh.controller.studioModelIdentity() != m_identity);
  }

  void aDamagedModelIsRebuiltAndNothingIsLost() {
    const QString path = rewritten(QStringLiteral("damaged.dlmproj"), [](app::ProjectData& d) {
      // Bytes that are not a model: the header records no valid checksum for them.
      d.extras.modelBytes = QByteArray(d.extras.modelBytes.size(), '\x5a');
    });
    QVERIFY(!path.isEmpty());
    app::ProjectData data;
    QString error;
    QVERIFY2(app::Project::read(path, &data, &error), qPrintable(error));
    QVERIFY(!data.modelProblem.isEmpty());
    QVERIFY(data.extras.modelBytes.isEmpty());
    fallsBackToARebuild(path, QStringLiteral("could not be used"));
  }

  void aModelOfOtherEventsIsRebuiltAndNothingIsLost() {
    // The session no longer says its tagged events were learned: the model does not match.
    const QString path = rewritten(QStringLiteral("mismatch.dlmproj"), [](app::ProjectData& d) {
      for (app::SessionEvent& e : d.state.events) e.learned = false;
    });
    QVERIFY(!path.isEmpty());
    fallsBackToARebuild(path, QStringLiteral("does not match"));
  }

  void aProjectWithoutAModelIsRebuiltAndSaysSo() {
    const QString path = rewritten(QStringLiteral("nomodel.dlmproj"),
                                   [](app::ProjectData& d) { d.extras.modelBytes.clear(); });
    QVERIFY(!path.isEmpty());
    fallsBackToARebuild(path, QStringLiteral("no saved model"));
  }
};

QTEST_MAIN(TestControllerProjects)
#include "test_controller_projects.moc"
