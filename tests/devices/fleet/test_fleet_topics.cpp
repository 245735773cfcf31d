// The fleet's topic layout (devices/fleet/fleet_topics.h): every kind builds and parses back;
// anything else is refused.
#include <QtTest>

#include "devices/fleet/fleet_topics.h"

using namespace dlm::fleet;

class TestFleetTopics : public QObject {
  Q_OBJECT
private slots:
  void everyKindRoundTrips();
  void gatewayListensToTwoFilters();
  void badTopicsAreRefused_data();
  void badTopicsAreRefused();
  void idsAreOneSafeLevel();
};

void TestFleetTopics::everyKindRoundTrips() {
  const QList<TopicKind> kinds = {
      TopicKind::GatewayStatus, TopicKind::GatewayStats, TopicKind::ModelPush,
      TopicKind::BoardIdentity, TopicKind::BoardState,   TopicKind::Event,
      TopicKind::BoardStats,    TopicKind::Samples,      TopicKind::Log,
      TopicKind::Command,       TopicKind::CommandResult, TopicKind::PushProgress,
      TopicKind::PushOutcome};
  QSet<QString> seen;
  for (TopicKind kind : kinds) {
    // A board named like a topic word must not confuse the parser.
    for (const QString& board : {QStringLiteral("b1"), QStringLiteral("model"),
                                QStringLiteral("status"), QStringLiteral("cmd")}) {
      const QString topic = topicFor("plant", "gw-1", kind, board);
      Topic t;
      QVERIFY2(parseTopic(topic, t), qPrintable(topic));
      QCOMPARE(t.kind, kind);
      QCOMPARE(t.site, QStringLiteral("plant"));
      QCOMPARE(t.gateway, QStringLiteral("gw-1"));
      QCOMPARE(t.board, isBoardTopic(kind) ? board : QString());
      if (board == QLatin1String("b1")) seen.insert(topic);
    }
  }
  QCOMPARE(seen.size(), kinds.size());
  QCOMPARE(topicFor("s", "g", TopicKind::Event, "b"), QStringLiteral("dlm/v1/s/g/b/event"));
  QCOMPARE(topicFor("s", "g", TopicKind::ModelPush), QStringLiteral("dlm/v1/s/g/model/push"));
  QCOMPARE(topicFor("s", "g", TopicKind::PushOutcome, "b"),
           QStringLiteral("dlm/v1/s/g/b/model/outcome"));
}

void TestFleetTopics::gatewayListensToTwoFilters() {
  QCOMPARE(gatewaySubscriptions("s", "g"),
           QStringList({"dlm/v1/s/g/model/push", "dlm/v1/s/g/+/cmd"}));
}

void TestFleetTopics::badTopicsAreRefused_data() {
  QTest::addColumn<QString>("topic");
  QTest::newRow("empty") << "";
  QTest::newRow("other root") << "foo/v1/s/g/status";
  QTest::newRow("v2") << "dlm/v2/s/g/status";
  QTest::newRow("too short") << "dlm/v1/s/g";
  QTest::newRow("unknown kind") << "dlm/v1/s/g/b/temperature";
  QTest::newRow("empty level") << "dlm/v1/s//b/event";
  QTest::newRow("wildcard") << "dlm/v1/s/g/+/event";
  QTest::newRow("too deep") << "dlm/v1/s/g/b/model/outcome/x";
  QTest::newRow("gateway kind with board") << "dlm/v1/s/g/b/model/push";
  QTest::newRow("trailing slash") << "dlm/v1/s/g/b/event/";
}

void TestFleetTopics::badTopicsAreRefused() {
  QFETCH(QString, topic);
  Topic t;
  QVERIFY(!parseTopic(topic, t));
}

void TestFleetTopics::idsAreOneSafeLevel() {
  QVERIFY(isValidId("gw-1.a_B"));
  QVERIFY(!isValidId(""));
  QVERIFY(!isValidId(QString(65, 'a')));
  QVERIFY(isValidId(QString(64, 'a')));
  for (const char* bad : {"a/b", "+", "#", "$SYS", "a b", "é"}) QVERIFY2(!isValidId(bad), bad);
  QCOMPARE(sanitizeId("my host/1"), QStringLiteral("my-host-1"));
  QCOMPARE(sanitizeId(""), QStringLiteral("board"));
  QVERIFY(isValidId(sanitizeId(QString(100, '#'))));
}

QTEST_GUILESS_MAIN(TestFleetTopics)
#include "test_fleet_topics.moc"
