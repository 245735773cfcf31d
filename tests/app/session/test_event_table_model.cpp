#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QUndoStack>
#include <QtTest>

#include "app/session/event_table_model.h"
#include "app/session/session.h"

using namespace dlm::app;

namespace {

SessionEvent makeEvent(int frames, float confidence = 0.5f, int boardClass = -1) {
  SessionEvent e;
  e.frames = quint32(frames);
  e.channels = 3;
  e.sampleRateHz = 1000;
  e.wallClockMs = 1700000000000LL + frames;
  e.raw.resize(frames * 3);
  e.descriptor = QVector<float>(58, 0.25f);
  e.board.valid = true;
  e.board.classIndex = boardClass;
  e.board.bestClass = boardClass < 0 ? 0 : boardClass;
  e.board.confidence = confidence;
  return e;
}

QVector<SessionEvent> manyEvents(int count) {
  QVector<SessionEvent> events;
  events.reserve(count);
  for (int i = 0; i < count; ++i) events << makeEvent(100 + i % 900, 0.5f, i % 3 - 1);
  return events;
}

} // namespace

class TestEventTableModel : public QObject {
  Q_OBJECT

private slots:
  void columnsAndRoles() {
    Session s;
    EventTableModel model(&s);
    const int shake = s.createClass(QStringLiteral("shake"));
    const int id = s.addEvent(makeEvent(250, 0.87f, shake));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    auto cell = [&](int column, int role = Qt::DisplayRole) {
      return model.data(model.index(0, column), role);
    };
    QCOMPARE(cell(EventTableModel::NumberColumn).toInt(), id);
    QCOMPARE(cell(EventTableModel::DurationColumn).toString(), QStringLiteral("250"));
    QCOMPARE(cell(EventTableModel::BoardColumn).toString(), QStringLiteral("shake (87%)"));
    QCOMPARE(cell(EventTableModel::BoardColumn, Qt::DecorationRole).value<QColor>(),
             s.classAt(shake).colour);
    QCOMPARE(cell(EventTableModel::StudioColumn).toString(), QString());
    QCOMPARE(cell(EventTableModel::TagColumn).toString(), QString());
    QCOMPARE(cell(EventTableModel::LearnedColumn).toString(), QString());
    QCOMPARE(cell(EventTableModel::NumberColumn, EventTableModel::EventIdRole).toInt(), id);
    QVERIFY(!cell(EventTableModel::TimeColumn).toString().isEmpty());
    QCOMPARE(model.headerData(EventTableModel::TagColumn, Qt::Horizontal).toString(),
             QStringLiteral("Tag"));

    s.tag(id, shake);
    s.setLearned({id}, true);
    QCOMPARE(cell(EventTableModel::TagColumn).toString(), QStringLiteral("shake"));
    QCOMPARE(cell(EventTableModel::LearnedColumn).toString(), QStringLiteral("\u2713"));
    s.markOutlier(id);
    QCOMPARE(cell(EventTableModel::TagColumn).toString(), QStringLiteral("Unknown"));
    QCOMPARE(cell(EventTableModel::LearnedColumn).toString(), QString());

    PredictionInfo rejected;
    rejected.valid = true;
    rejected.classIndex = -1;
    s.setStudioPredictions({id}, {rejected});
    QCOMPARE(cell(EventTableModel::StudioColumn).toString(), QStringLiteral("Unknown"));
    // Tagged and learned, yet rejected by the current model: said as a decision, with the
    // class it resembles and why in the tooltip.
    s.tag(id, shake);
    s.setLearned({id}, true);
    rejected.bestClass = shake;
    rejected.knownScore = 0.031f;
    s.setStudioPredictions({id}, {rejected});
    QCOMPARE(cell(EventTableModel::StudioColumn).toString(),
             QStringLiteral("Unknown (closest: shake)"));
    const QString why = cell(EventTableModel::StudioColumn, Qt::ToolTipRole).toString();
    QVERIFY2(why.startsWith(QStringLiteral("Learned as shake, yet rejected")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("0.03")), qPrintable(why));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    s.renameClass(shake, QStringLiteral("wave"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell(EventTableModel::BoardColumn).toString(), QStringLiteral("wave (87%)"));
  }

  void passesTheModelTesterThroughEdits() {
    Session s;
    EventTableModel model(&s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EventTableModel::SortRole);
    proxy.sort(EventTableModel::DurationColumn, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int c = s.createClass();
    const QVector<int> ids = s.addEvents(manyEvents(20));
    s.addEvent(makeEvent(5000));
    QCOMPARE(proxy.rowCount(), 21);
    QCOMPARE(proxy.data(proxy.index(0, EventTableModel::DurationColumn)).toString(),
             QLocale().toString(5000));  // the locale's format: 5,000 or 5 000
    s.tagEvents({ids[0], ids[3], ids[7]}, c);
    s.discardEvents({ids[1], ids[5]});
    QCOMPARE(model.rowCount(), 19);
    s.undoStack()->undo();
    QCOMPARE(model.rowCount(), 21);
    s.renameClass(c, QStringLiteral("tap"));
    // Filter on the tag column: only the tagged rows remain.
    proxy.setFilterKeyColumn(EventTableModel::TagColumn);
    proxy.setFilterFixedString(QStringLiteral("tap"));
    QCOMPARE(proxy.rowCount(), 3);
    s.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void holdsOneHundredThousandEvents() {
    Session s;
    EventTableModel model(&s);
    s.createClass();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVector<SessionEvent> events = manyEvents(100000);
    QElapsedTimer clock;
    clock.start();
    const QVector<int> ids = s.addEvents(std::move(events));
    const qint64 addMs = clock.elapsed();
    QCOMPARE(model.rowCount(), 100000);
    QCOMPARE(inserted.count(), 1);
    // Streaming: each new event is one row inserted at the end.
    s.addEvent(makeEvent(300));
    QCOMPARE(model.rowCount(), 100001);
    QCOMPARE(inserted.last().at(1).toInt(), 100000);
    QCOMPARE(model.data(model.index(0, 0)).toInt(), ids.first());
    QCOMPARE(model.data(model.index(99999, 0)).toInt(), ids.last());
    clock.restart();
    qint64 sum = 0;
    for (int row = 0; row < model.rowCount(); row += 7) {
      for (int col = 0; col < EventTableModel::ColumnCount; ++col) {
        sum += model.data(model.index(row, col)).toString().size();
        sum += model.data(model.index(row, col), EventTableModel::SortRole).isValid() ? 1 : 0;
      }
    }
    const qint64 readMs = clock.elapsed();
    QVERIFY(sum > 0);
    clock.restart();
    s.tag(ids.last(), 0);
    s.undoStack()->undo();
    const qint64 tagMs = clock.elapsed();
    qInfo("100 000 events: add %lld ms, data() over 1/7 of rows x 7 columns %lld ms, "
          "tag+undo %lld ms",
          addMs, readMs, tagMs);
  }
};

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "test_event_table_model.moc"
