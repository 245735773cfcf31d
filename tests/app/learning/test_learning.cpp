#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "app/learning/learning_service.h"
#include "app/learning/network_views.h"
#include "app/persistence/project.h"
#include "app/session/session.h"
#include "tests/app/studio_test_util.h"

using namespace dlm::app;

namespace {

constexpr int kTimeoutMs = 60000;

// A session with three gesture classes and their events (untagged), plus the ground truth.
struct GestureSession {
  Session session;
  QVector<int> ids;
  QVector<int> truth;

  explicit GestureSession(int perClass) {
    session.createClass(QStringLiteral("shake"));
    session.createClass(QStringLiteral("circle"));
    session.createClass(QStringLiteral("tap"));
    const QVector<test::Labelled> events = test::gestureEvents(3, perClass);
    for (const test::Labelled& l : events) {
      ids << session.addEvent(l.event);
      truth << l.gesture;
    }
    session.undoStack()->clear();
  }
};

bool waitUpToDate(LearningService& service) {
  return QTest::qWaitFor([&] { return service.isUpToDate(); }, kTimeoutMs);
}

QVector<GrowthPoint> growth(const QSignalSpy& spy) {
  QVector<GrowthPoint> points;
  for (const QList<QVariant>& args : spy) points << args.at(0).value<GrowthPoint>();
  return points;
}

} // namespace

class TestLearning : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() { registerStudioMetaTypes(); }

  void learnsThreeGesturesIncrementally() {
    GestureSession g(16);
    QVERIFY(g.ids.size() >= 45);  // nearly every performed gesture is detected
    LearningService service;
    QSignalSpy growthSpy(&service, &LearningService::growthPoint);
    QSignalSpy modelSpy(&service, &LearningService::modelChanged);
    service.attachSession(&g.session);
    QVERIFY(waitUpToDate(service));
    // Tag the first 10 events of each class one at a time, as a user does.
    QVector<int> tagged;
    for (int i = 0; i < g.ids.size() && tagged.size() < 30; ++i) {
      g.session.tag(g.ids[i], g.truth[i]);
      tagged << g.ids[i];
      QVERIFY(waitUpToDate(service));
    }
    const QVector<GrowthPoint> points = growth(growthSpy);
    int incremental = 0;
    for (const GrowthPoint& p : points) incremental += p.rebuild ? 0 : 1;
    QVERIFY2(incremental >= 16, qPrintable(QString::number(incremental)));
    const GrowthPoint& last = points.last();
    QCOMPARE(last.depth, 1);
    QVERIFY(last.neuronsPerLayer.value(0) >= 3);
    QVERIFY(last.neuronsPerLayer.value(0) <= 30);
    QVERIFY(points.first().neuronsPerLayer.value(0) < last.neuronsPerLayer.value(0));
    QVERIFY(last.prequentialAccuracy > 0.5);
    // Learned flags and studio predictions came back to the session.
    for (int id : tagged) QVERIFY(g.session.event(id)->learned);
    int right = 0;
    int held = 0;
    for (int i = 0; i < g.ids.size(); ++i) {
      const SessionEvent* e = g.session.event(g.ids[i]);
      QVERIFY(e->studio.valid);
      if (tagged.contains(g.ids[i])) continue;
      ++held;
      right += e->studio.bestClass == g.truth[i] ? 1 : 0;
    }
    qInfo("held-out gestures: %d / %d right, %d neurons", right, held,
          last.neuronsPerLayer.value(0));
    QVERIFY(right >= held * 8 / 10);
    QVERIFY(!service.modelBytes().isEmpty());
    QVERIFY(service.modelCrc() != 0);
    QVERIFY(modelSpy.count() > 0);
    const NetworkSnapshot& net = service.network();
    QCOMPARE(net.neurons.size(), net.neuronsPerLayer.value(0));
    QCOMPARE(net.modelCrc, service.modelCrc());
    int covered = 0;
    for (const NeuronInfo& n : net.neurons) {
      QCOMPARE(n.centre.size(), 58);
      QCOMPARE(n.radii.size(), 58);
      covered += int(n.coveredEvents.size());
    }
    QVERIFY(covered >= 30);
  }

  void retagRebuildsOnceForABurst() {
    GestureSession g(8);
    LearningService service;
    service.attachSession(&g.session);
    QVERIFY(waitUpToDate(service));
    QVector<int> ids = g.ids.mid(0, 18);
    for (int i = 0; i < ids.size(); ++i) g.session.tag(ids[i], g.truth[i]);
    QVERIFY(waitUpToDate(service));
    const quint32 crcBefore = service.modelCrc();
    QSignalSpy growthSpy(&service, &LearningService::growthPoint);
    // Five re-tags in one burst: one rebuild, not five.
    for (int i = 0; i < 5; ++i) g.session.tag(ids[i], (g.truth[i] + 1) % 3);
    QVERIFY(!g.session.event(ids[0])->learned);
    QVERIFY(waitUpToDate(service));
    int rebuilds = 0;
    for (const GrowthPoint& p : growth(growthSpy)) rebuilds += p.rebuild ? 1 : 0;
    QCOMPARE(rebuilds, 1);
    QVERIFY(g.session.event(ids[0])->learned);
    QVERIFY(service.modelCrc() != crcBefore);
    // Undo all five and discard one: the network follows, still one rebuild per burst.
    growthSpy.clear();
    for (int i = 0; i < 5; ++i) g.session.undoStack()->undo();
    g.session.discard(ids[6]);
    QVERIFY(waitUpToDate(service));
    rebuilds = 0;
    for (const GrowthPoint& p : growth(growthSpy)) rebuilds += p.rebuild ? 1 : 0;
    QCOMPARE(rebuilds, 1);
    for (int i = 0; i < 5; ++i) QVERIFY(g.session.event(ids[i])->learned);
  }

  void thresholdMovesRejectionWithoutRelearning() {
    GestureSession g(8);
    LearningService service;
    service.attachSession(&g.session);
    QVERIFY(waitUpToDate(service));
    g.session.tagEvents(g.ids.mid(0, 12), 0);
    for (int i = 0; i < 12; ++i) g.session.tag(g.ids[i], g.truth[i]);
    QVERIFY(waitUpToDate(service));
    const int neurons = service.network().neuronsPerLayer.value(0);
    QSignalSpy growthSpy(&service, &LearningService::growthPoint);
    QSignalSpy rejection(&service, &LearningService::rejectionRateChanged);
    QSignalSpy predictions(&service, &LearningService::predictionsUpdated);
    service.setThreshold(0.0f);  // reject no known event: everything known
    QTRY_COMPARE_WITH_TIMEOUT(rejection.count(), 1, kTimeoutMs);
    QCOMPARE(rejection.last().at(0).toDouble(), 0.0);
    service.setThreshold(1.0f);  // reject every known event: nothing known
    QTRY_COMPARE_WITH_TIMEOUT(rejection.count(), 2, kTimeoutMs);
    QCOMPARE(rejection.last().at(0).toDouble(), 1.0);
    QTRY_VERIFY(predictions.count() >= 2);
    QTRY_COMPARE(g.session.event(g.ids[0])->studio.classIndex, -1);
    QCOMPARE(growthSpy.count(), 0);  // nothing was relearned
    QCOMPARE(service.network().neuronsPerLayer.value(0), neurons);
    QCOMPARE(service.network().threshold, 1.0f);
    service.setThreshold(7.0f);  // beyond "everything" is everything
    QCOMPARE(service.threshold(), 1.0f);
  }

  void knownSetMapAndExplanation() {
    GestureSession g(8);
    LearningService service;
    service.attachSession(&g.session);
    for (int i = 0; i < g.ids.size(); ++i) g.session.tag(g.ids[i], g.truth[i]);
    QVERIFY(waitUpToDate(service));
    QSignalSpy maps(&service, &LearningService::knownSetMapReady);
    service.requestKnownSetMap(KnownSetMap::Projection::Pca, 0, 1);
    QTRY_VERIFY_WITH_TIMEOUT(maps.count() >= 1, kTimeoutMs);
    KnownSetMap map = maps.last().at(0).value<KnownSetMap>();
    QCOMPARE(map.points.size(), g.ids.size());
    QVERIFY(map.hasModel);
    QVERIFY(map.axisX.startsWith(QStringLiteral("PC1 (")));
    // Every point carries its event's own level and decision: drawn as the model decides.
    for (const KnownSetMap::Point& p : map.points) {
      QVERIFY(p.tag >= 0);
      QVERIFY(p.valid);
      QVERIFY(p.knownScore >= 0.0f && p.knownScore <= 1.0f);
      QCOMPARE(dlm::app::pointAccepted(p, map.threshold), p.predicted >= 0);
      QCOMPARE(dlm::app::pointAccepted(p, 0.0f), true);   // strictness 0 rejects nothing
      QCOMPARE(dlm::app::pointAccepted(p, 1.0f), false);  // 100% rejects everything
    }

    service.requestKnownSetMap(KnownSetMap::Projection::FeaturePair, 16, 35);
    QTRY_VERIFY_WITH_TIMEOUT(maps.count() >= 2, kTimeoutMs);
    map = maps.last().at(0).value<KnownSetMap>();
    QCOMPARE(map.axisX, QStringLiteral("ch1 RMS"));
    QCOMPARE(map.axisY, QStringLiteral("ch2 RMS"));
    QCOMPARE(map.points.size(), g.ids.size());

    QSignalSpy explanations(&service, &LearningService::explanationReady);
    service.requestExplanation(g.ids[3]);
    QTRY_VERIFY_WITH_TIMEOUT(explanations.count() == 1, kTimeoutMs);
    const Explanation e = explanations.first().at(0).value<Explanation>();
    QCOMPARE(e.eventId, g.ids[3]);
    QVERIFY(!e.nearest.isEmpty() && e.nearest.size() <= 5);
    for (int i = 1; i < e.nearest.size(); ++i) QVERIFY(e.nearest[i - 1].q <= e.nearest[i].q);
    QCOMPARE(e.scores.size(), 3);
    QVERIFY(e.prediction.valid);
    QCOMPARE(e.margin, e.prediction.knownScore - service.threshold());
    QCOMPARE(e.threshold, service.threshold());
    // The nearest tagged example of each class, nearest first, never the event itself.
    QCOMPARE(e.examples.size(), 3);
    QSet<int> classes;
    for (int i = 0; i < e.examples.size(); ++i) {
      QVERIFY(e.examples[i].eventId != g.ids[3]);
      classes.insert(e.examples[i].classIndex);
      if (i > 0) QVERIFY(e.examples[i - 1].distance <= e.examples[i].distance);
    }
    QCOMPARE(classes.size(), 3);
  }

  void reopenedProjectKeepsItsModel() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.dlmproj"));
    quint32 savedCrc = 0;
    {
      GestureSession g(6);
      LearningService service;
      service.attachSession(&g.session);
      for (int i = 0; i < g.ids.size(); ++i) g.session.tag(g.ids[i], g.truth[i]);
      QVERIFY(waitUpToDate(service));
      ProjectExtras extras;
      extras.modelBytes = service.modelBytes();
      savedCrc = service.modelCrc();
      QVERIFY(Project::save(path, g.session.state(), extras, nullptr));
    }
    // Open, then adopt the saved model: same hash, so a board holding it still matches.
    Session session;
    LearningService service;
    service.attachSession(&session);
    QSignalSpy growthSpy(&service, &LearningService::growthPoint);
    ProjectExtras extras;
    QString error;
    QVERIFY2(Project::open(path, session, &extras, &error), qPrintable(error));
    service.loadModel(extras.modelBytes);
    QVERIFY(waitUpToDate(service));
    QTRY_COMPARE(service.modelCrc(), savedCrc);
    QCOMPARE(growthSpy.count(), 0);  // adopted, not rebuilt
    for (int row = 0; row < session.eventCount(); ++row) {
      QVERIFY(session.eventAt(row).learned);
      QVERIFY(session.eventAt(row).studio.valid);
    }
    // A model that does not match the tags (one re-tagged after saving) is rebuilt instead.
    session.tag(session.eventAt(0).id, (session.eventAt(0).tag + 1) % 3);
    QVERIFY(waitUpToDate(service));
    QVERIFY(service.modelCrc() != savedCrc);
  }

  void arenaGrowsWithTheSession() {
    Session session;
    for (int c = 0; c < 3; ++c) session.createClass();
    const QVector<test::Labelled> events = test::blobEvents(700, 3);
    QVector<int> ids;
    for (const test::Labelled& l : events) ids << session.addEvent(l.event);
    LearningService service;
    service.attachSession(&session);
    // Past the smallest event memory (256): the network is re-initialised larger and rebuilt.
    for (int i = 0; i < ids.size(); i += 100) {
      QVector<int> batch = ids.mid(i, 100);
      for (int k = 0; k < batch.size(); ++k) session.tag(batch[k], events[i + k].gesture);
      QVERIFY(waitUpToDate(service));
    }
    int learned = 0;
    for (int id : ids) learned += session.event(id)->learned ? 1 : 0;
    QCOMPARE(learned, 700);
    // The network snapshot is posted after the learning results: under load it can arrive a
    // little after the service reports it is up to date.
    QTRY_VERIFY2_WITH_TIMEOUT(service.network().eventsLearned >= 700,
                              qPrintable(QString::number(service.network().eventsLearned)),
                              kTimeoutMs);
  }
};

QTEST_GUILESS_MAIN(TestLearning)
#include "test_learning.moc"
