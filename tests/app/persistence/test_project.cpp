#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "app/learning/host_network.h"
#include "app/persistence/event_codec.h"
#include "app/persistence/project.h"
#include "app/session/session.h"
#include "core/model_format.h"
#include "tests/app/studio_test_util.h"

using namespace dlm::app;

namespace {

// A session with gesture events, classes, tags of every kind, predictions and learned flags.
void fillSession(Session& s) {
  s.createClass(QStringLiteral("shake"));
  s.createClass(QStringLiteral("circle"));
  s.createClass(QStringLiteral("tâp ✓"));  // non-ASCII names survive
  s.recolourClass(2, QColor(12, 34, 56));
  const QVector<test::Labelled> events = test::gestureEvents(3, 4);
  QVector<int> ids;
  for (const test::Labelled& l : events) {
    SessionEvent e = l.event;
    e.board.valid = true;
    e.board.classIndex = l.gesture;
    e.board.bestClass = l.gesture;
    e.board.confidence = 0.75f;
    e.board.knownScore = 0.5f;
    e.origin = ids.size() % 2 ? EventOrigin::Import : EventOrigin::Board;
    ids << s.addEvent(e);
  }
  for (int i = 0; i < ids.size(); ++i) {
    if (i % 4 == 3) continue;  // some stay untagged
    s.tag(ids[i], i % 5 == 4 ? int(kOutlier) : events[i].gesture);
  }
  s.discard(ids[1]);
  PredictionInfo p;
  p.valid = true;
  p.classIndex = 1;
  p.bestClass = 1;
  p.confidence = 0.25f;
  p.knownScore = -0.125f;
  s.setStudioPredictions({ids[0], ids[2]}, {p, p});
  s.setLearned({ids[0]}, true);
}

QByteArray modelFor(const Session& s) {
  HostNetwork net;
  QString error;
  int tagged = 0;
  for (int i = 0; i < s.eventCount(); ++i) tagged += s.eventAt(i).tag >= 0 ? 1 : 0;
  net.ensure(tagged, 58, 3, &error);
  for (int i = 0; i < s.eventCount(); ++i) {
    if (s.eventAt(i).tag >= 0) net.network().learn(s.eventAt(i).descriptor.constData(), s.eventAt(i).tag);
  }
  return net.modelBytes(s.classNames());
}

void compareEvents(const SessionEvent& a, const SessionEvent& b) {
  QCOMPARE(a.id, b.id);
  QCOMPARE(a.wallClockMs, b.wallClockMs);
  QCOMPARE(a.boardSample, b.boardSample);
  QCOMPARE(a.frames, b.frames);
  QCOMPARE(a.channels, b.channels);
  QCOMPARE(a.sampleRateHz, b.sampleRateHz);
  QCOMPARE(a.raw, b.raw);
  QCOMPARE(a.descriptor, b.descriptor);
  QCOMPARE(a.tag, b.tag);
  QCOMPARE(a.learned, b.learned);
  QCOMPARE(a.origin, b.origin);
  for (auto [p, q] : {std::pair{a.board, b.board}, std::pair{a.studio, b.studio}}) {
    QCOMPARE(p.valid, q.valid);
    QCOMPARE(p.classIndex, q.classIndex);
    QCOMPARE(p.bestClass, q.bestClass);
    QCOMPARE(p.confidence, q.confidence);
    QCOMPARE(p.knownScore, q.knownScore);
  }
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  f.open(QIODevice::WriteOnly | QIODevice::Truncate);
  f.write(bytes);
}

QVector<GrowthPoint> someGrowth() {
  QVector<GrowthPoint> points;
  for (int i = 0; i < 40; ++i) {
    GrowthPoint p;
    p.eventsLearned = quint32(i + 1);
    p.depth = 1 + i / 15;
    for (int l = 0; l < p.depth; ++l) p.neuronsPerLayer << 3 + i / (l + 1);
    p.learnMicros = 12.5 + i * 0.1;           // not representable in a float: must survive
    p.prequentialAccuracy = double(i) / 41.0;
    p.rejectionRate = 1.0 / (i + 3.0);
    p.rebuild = i % 16 == 15;
    points << p;
  }
  return points;
}

quint32 modelCrc(const QByteArray& model) {
  dlm::ModelInfo info;
  dlm::inspectModel(reinterpret_cast<const std::uint8_t*>(model.constData()),
                    std::size_t(model.size()), &info);
  return info.crc;
}

// A project as Deeplomath Studio wrote it before the growth history and the layout (format
// 1, docs/project-format.md of that version), written here byte by byte.
QByteArray versionOneFile(const SessionState& state, const QByteArray& model) {
  QJsonArray classes;
  for (const ClassInfo& c : state.classes) {
    classes.append(QJsonObject{{"name", c.name}, {"colour", c.colour.name(QColor::HexRgb)}});
  }
  const QJsonObject header{
      {"application", "Deeplomath Studio"}, {"appVersion", "0.9.0"}, {"formatVersion", 1},
      {"savedAt", "2026-12-05T09:14:00.000Z"},
      {"sessionId", state.sessionId.toString(QUuid::WithoutBraces)},
      {"journalSequence", 0}, {"nextEventId", state.nextEventId},
      {"eventCount", double(state.events.size())}, {"classes", classes},
      {"settings", QJsonObject{{"rejectionShare", 0.2}}},
      {"model", QJsonObject{{"bytes", model.size()}, {"crc", double(modelCrc(model))}}}};
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QDataStream out(&buffer);
  codec::setup(out);
  out.writeRawData("DLMPROJ\0", 8);
  out << quint16(1);
  const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  out << quint32(json.size());
  out.writeRawData(json.constData(), int(json.size()));
  out.writeRawData("EVTS", 4);
  out << quint32(state.events.size());
  for (const SessionEvent& e : state.events) codec::writeEvent(out, e);
  out.writeRawData("MODL", 4);
  out << quint32(model.size());
  out.writeRawData(model.constData(), int(model.size()));
  out.writeRawData("END.", 4);
  out << quint32(codec::crc32(bytes.constData(), std::size_t(bytes.size())));
  return bytes;
}

} // namespace

class TestProject : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_saved;
  QByteArray m_model;

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_saved = m_dir.filePath(QStringLiteral("gestures.dlmproj"));
  }

  void saveThenOpenGivesTheSameSession() {
    Session original;
    fillSession(original);
    m_model = modelFor(original);
    QVERIFY(!m_model.isEmpty());
    ProjectExtras extras;
    extras.modelBytes = m_model;
    extras.settings[QStringLiteral("threshold")] = 0.25;
    extras.journalSequence = 77;
    extras.growth = someGrowth();
    extras.layout = QByteArray("\x00\x01layout\xfe", 9);
    QString error;
    QVERIFY2(Project::save(m_saved, original.state(), extras, &error), qPrintable(error));

    Session reopened;
    reopened.createClass(QStringLiteral("will be replaced"));
    ProjectExtras back;
    QVERIFY2(Project::open(m_saved, reopened, &back, &error), qPrintable(error));
    QCOMPARE(reopened.sessionId(), original.sessionId());
    QCOMPARE(reopened.eventCount(), original.eventCount());
    QCOMPARE(reopened.state().nextEventId, original.state().nextEventId);
    QCOMPARE(reopened.classCount(), 3);
    for (int c = 0; c < 3; ++c) {
      QCOMPARE(reopened.classAt(c).name, original.classAt(c).name);
      QCOMPARE(reopened.classAt(c).colour, original.classAt(c).colour);
    }
    for (int row = 0; row < original.eventCount(); ++row) {
      compareEvents(reopened.eventAt(row), original.eventAt(row));
    }
    QCOMPARE(back.modelBytes, m_model);
    dlm::ModelInfo a, b;
    dlm::inspectModel(reinterpret_cast<const std::uint8_t*>(m_model.constData()),
                      std::size_t(m_model.size()), &a);
    dlm::inspectModel(reinterpret_cast<const std::uint8_t*>(back.modelBytes.constData()),
                      std::size_t(back.modelBytes.size()), &b);
    QCOMPARE(a.crc, b.crc);
    QCOMPARE(back.settings.value(QStringLiteral("threshold")).toDouble(), 0.25);
    QCOMPARE(back.journalSequence, quint64(77));
    QCOMPARE(back.layout, extras.layout);
    QCOMPARE(back.growth.size(), extras.growth.size());
    for (int i = 0; i < back.growth.size(); ++i) {  // point for point, bit for bit
      const GrowthPoint& p = back.growth[i];
      const GrowthPoint& q = extras.growth[i];
      QCOMPARE(p.eventsLearned, q.eventsLearned);
      QCOMPARE(p.depth, q.depth);
      QCOMPARE(p.neuronsPerLayer, q.neuronsPerLayer);
      QVERIFY(p.learnMicros == q.learnMicros);
      QVERIFY(p.prequentialAccuracy == q.prequentialAccuracy);
      QVERIFY(p.rejectionRate == q.rejectionRate);
      QCOMPARE(p.rebuild, q.rebuild);
    }
    QCOMPARE(reopened.undoStack()->count(), 0);
  }

  void damagedFilesAreRefusedAndTheSessionIsUntouched_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << "truncate" << "truncated";
    QTest::newRow("cut in the model") << "truncate-end" << "truncated";
    QTest::newRow("bad magic") << "magic" << "not a Deeplomath project";
    QTest::newRow("bad crc") << "flip" << "checksum";
    QTest::newRow("wrong version") << "version" << "newer version of Deeplomath Studio";
    QTest::newRow("empty") << "empty" << "is empty";
    QTest::newRow("missing") << "missing" << "Cannot open";
    QTest::newRow("trailing bytes") << "append" << "unexpected byte";
  }

  void damagedFilesAreRefusedAndTheSessionIsUntouched() {
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    QByteArray bytes = readAll(m_saved);
    QVERIFY(bytes.size() > 1000);
    const QString path = m_dir.filePath(damage + QStringLiteral(".dlmproj"));
    if (damage == QLatin1String("truncate")) bytes.truncate(bytes.size() / 2);
    if (damage == QLatin1String("truncate-end")) bytes.chop(m_model.size() / 2);
    if (damage == QLatin1String("magic")) bytes[0] = 'X';
    if (damage == QLatin1String("flip")) bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5A);
    if (damage == QLatin1String("version")) bytes[8] = char(Project::kFormatVersion + 1);
    if (damage == QLatin1String("empty")) bytes.clear();
    if (damage == QLatin1String("append")) bytes.append("junk");
    if (damage != QLatin1String("missing")) writeAll(path, bytes);

    Session current;
    const int id = current.addEvent(test::blobEvents(1, 1).first().event);
    current.createClass(QStringLiteral("mine"));
    current.tag(id, 0);
    const QUuid identity = current.sessionId();
    ProjectExtras extras;
    extras.journalSequence = 5;
    QString error;
    QVERIFY(!Project::open(path, current, &extras, &error));
    qInfo("%s: %s", qPrintable(damage), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(error.contains(QFileInfo(path).fileName()));
    QCOMPARE(current.sessionId(), identity);
    QCOMPARE(current.eventCount(), 1);
    QCOMPARE(current.classAt(0).name, QStringLiteral("mine"));
    QCOMPARE(current.event(id)->tag, 0);
    QCOMPARE(current.undoStack()->count(), 2);
    QCOMPARE(extras.journalSequence, quint64(5));
  }

  void aVersionOneProjectStillOpens() {
    Session original;
    fillSession(original);
    const QString path = m_dir.filePath(QStringLiteral("version1.dlmproj"));
    writeAll(path, versionOneFile(original.state(), m_model));
    ProjectData data;
    QString error;
    QVERIFY2(Project::read(path, &data, &error), qPrintable(error));
    QCOMPARE(data.formatVersion, quint16(1));
    QCOMPARE(int(data.state.events.size()), original.eventCount());
    for (int row = 0; row < original.eventCount(); ++row) {
      compareEvents(data.state.events[std::size_t(row)], original.eventAt(row));
    }
    QCOMPARE(data.extras.modelBytes, m_model);
    QVERIFY(data.modelProblem.isEmpty());
    QCOMPARE(data.extras.settings.value(QStringLiteral("rejectionShare")).toDouble(), 0.2);
    QVERIFY(data.extras.growth.isEmpty());  // format 1 had none
    QVERIFY(data.extras.layout.isEmpty());
  }

  void aDamagedModelIsLeftOutAndTheEventsOpen() {
    Session original;
    fillSession(original);
    ProjectExtras extras;
    extras.modelBytes = m_model;
    extras.modelBytes[extras.modelBytes.size() / 2] ^= 0x21;  // the model's own CRC fails
    extras.growth = someGrowth();
    const QString path = m_dir.filePath(QStringLiteral("badmodel.dlmproj"));
    QString error;
    QVERIFY2(Project::save(path, original.state(), extras, &error), qPrintable(error));
    ProjectData data;
    QVERIFY2(Project::read(path, &data, &error), qPrintable(error));
    qInfo("model problem: %s", qPrintable(data.modelProblem));
    QVERIFY(data.modelProblem.contains(QStringLiteral("model")));
    QVERIFY(data.extras.modelBytes.isEmpty());
    QCOMPARE(int(data.state.events.size()), original.eventCount());
    for (int row = 0; row < original.eventCount(); ++row) {
      compareEvents(data.state.events[std::size_t(row)], original.eventAt(row));
    }
    QCOMPARE(data.extras.growth.size(), extras.growth.size());
  }

  void headerNumbersOutOfRangeAreNotConverted() {
    // Counts, sequence numbers and the model's CRC in a header are read through jsonCount: a
    // damaged header (a missing "crc", a negative or huge count, found by the project loader's
    // fuzz target) gives the fallback instead of converting an out-of-range double.
    QCOMPARE(codec::jsonCount(QJsonValue(42.0), -1), qint64(42));
    QCOMPARE(codec::jsonCount(QJsonValue(4294967295.0), -1), qint64(4294967295));
    QCOMPARE(codec::jsonCount(QJsonValue(9007199254740992.0), -1), qint64(9007199254740992));
    QCOMPARE(codec::jsonCount(QJsonValue(-1.0), 7), qint64(7));
    QCOMPARE(codec::jsonCount(QJsonValue(1e300), 7), qint64(7));
    QCOMPARE(codec::jsonCount(QJsonValue(3.5), 7), qint64(7));
    QCOMPARE(codec::jsonCount(QJsonValue(QStringLiteral("12")), 7), qint64(7));
    QCOMPARE(codec::jsonCount(QJsonValue(), 7), qint64(7));
  }

  void anImpossibleGrowthPointIsRefused() {
    Session original;
    fillSession(original);
    ProjectExtras extras;
    extras.growth = someGrowth();
    extras.growth[7].prequentialAccuracy = 1.5;
    const QString path = m_dir.filePath(QStringLiteral("badgrowth.dlmproj"));
    QString error;
    QVERIFY2(Project::save(path, original.state(), extras, &error), qPrintable(error));
    ProjectData data;
    QVERIFY(!Project::read(path, &data, &error));
    QVERIFY2(error.contains(QStringLiteral("point 8 of 40")), qPrintable(error));
  }

  void largeSessionSaveAndOpen() {
    // Measurement (printed): 100 000 events with 100-frame windows.
    Session s;
    s.createClass();
    QVector<SessionEvent> events;
    for (const test::Labelled& l : test::blobEvents(100000, 1, 58, 1.0f, 5, 100)) {
      events << l.event;
    }
    s.addEvents(std::move(events));
    const QString path = m_dir.filePath(QStringLiteral("large.dlmproj"));
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(Project::save(path, s.state(), ProjectExtras(), &error), qPrintable(error));
    const qint64 saveMs = clock.restart();
    ProjectData data;
    QVERIFY2(Project::read(path, &data, &error), qPrintable(error));
    const qint64 readMs = clock.elapsed();
    QCOMPARE(int(data.state.events.size()), 100000);
    QCOMPARE(data.state.events.back().raw, s.eventAt(99999).raw);
    qInfo("100 000 events, %lld MB: save %lld ms, open (validated) %lld ms",
          QFileInfo(path).size() >> 20, saveMs, readMs);
  }

  void saveIsAtomic() {
    // A failed save (unwritable directory) leaves no partial file and reports why.
    Session s;
    s.addEvent(test::blobEvents(1, 1).first().event);
    QString error;
    QVERIFY(!Project::save(QStringLiteral("/proc/no/such/dir/x.dlmproj"), s.state(),
                           ProjectExtras(), &error));
    QVERIFY(error.startsWith(QStringLiteral("Cannot write")));
  }
};

QTEST_GUILESS_MAIN(TestProject)
#include "test_project.moc"
