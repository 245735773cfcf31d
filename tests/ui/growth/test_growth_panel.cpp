#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QCheckBox>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTest>

#include "ui/growth/growth_panel.h"

using dlm::app::GrowthPoint;
using dlm::ui::GrowthPanel;

namespace {

GrowthPoint point(quint32 events, QVector<int> layers, bool rebuild = false) {
  GrowthPoint p;
  p.eventsLearned = events;
  p.depth = static_cast<int>(layers.size());
  p.neuronsPerLayer = std::move(layers);
  p.learnMicros = rebuild ? 12000.0 : 150.0 + events;
  p.prequentialAccuracy = 0.5 + 0.01 * events;
  p.rejectionRate = 0.2;
  p.rebuild = rebuild;
  return p;
}

int lineCount(QChart* chart) {
  int n = 0;
  for (QAbstractSeries* s : chart->series())
    if (s->type() == QAbstractSeries::SeriesTypeLine) ++n;
  return n;
}

QXYSeries* seriesNamed(QChart* chart, const QString& name) {
  for (QAbstractSeries* s : chart->series())
    if (s->name() == name) return qobject_cast<QXYSeries*>(s);
  return nullptr;
}

} // namespace

class TestGrowthPanel : public QObject {
  Q_OBJECT

private slots:
  void seriesCounts() {
    GrowthPanel panel;
    panel.resize(900, 600);
    panel.appendGrowth(point(1, {1}));
    panel.appendGrowth(point(2, {2}));
    panel.appendGrowth(point(3, {3}));
    panel.refreshNow();
    QCOMPARE(panel.pointCount(), 3);
    QCOMPARE(panel.layerSeriesCount(), 1);
    panel.appendGrowth(point(4, {4, 1}));
    panel.appendGrowth(point(5, {4, 2}, true));  // a rebuild
    panel.refreshNow();

    QCOMPARE(panel.pointCount(), 5);
    QCOMPARE(panel.layerSeriesCount(), 2);
    QCOMPARE(panel.rebuildCount(), 1);
    QChart* size = panel.chart(GrowthPanel::Chart::Size);
    QCOMPARE(lineCount(size), 3);  // two layers and the depth
    QCOMPARE(seriesNamed(size, QStringLiteral("Layer 1"))->count(), 5);
    QCOMPARE(seriesNamed(size, QStringLiteral("Layer 2"))->count(), 2);
    QCOMPARE(seriesNamed(size, QStringLiteral("Depth"))->count(), 5);
    for (GrowthPanel::Chart c : {GrowthPanel::Chart::Size, GrowthPanel::Chart::LearnTime,
                                 GrowthPanel::Chart::Accuracy, GrowthPanel::Chart::Rejection}) {
      QXYSeries* rebuilds = seriesNamed(panel.chart(c), QStringLiteral("Full rebuild"));
      QVERIFY(rebuilds != nullptr);
      QCOMPARE(rebuilds->count(), 1);
      QVERIFY(!panel.chart(c)->title().isEmpty());
    }
    QCOMPARE(lineCount(panel.chart(GrowthPanel::Chart::Accuracy)), 1);
    auto* accuracy = qobject_cast<QXYSeries*>(panel.chart(GrowthPanel::Chart::Accuracy)->series().first());
    QCOMPARE(accuracy->count(), 5);
    // Incremental learns on the time line, the rebuild as a marker.
    QCOMPARE(seriesNamed(panel.chart(GrowthPanel::Chart::LearnTime),
                         QStringLiteral("Learn (incremental)"))->count(), 4);

    panel.clear();
    QCOMPARE(panel.pointCount(), 0);
    QCOMPARE(panel.layerSeriesCount(), 0);
    QCOMPARE(lineCount(size), 1);  // the depth line stays, emptied
    QCOMPARE(seriesNamed(size, QStringLiteral("Depth"))->count(), 0);
  }

  void logScaleToggle() {
    GrowthPanel panel;
    panel.appendGrowth(point(1, {1}));
    panel.refreshNow();
    QVERIFY(panel.logTimeScale());
    QChart* time = panel.chart(GrowthPanel::Chart::LearnTime);
    const auto hasLog = [time] {
      for (QAbstractAxis* a : time->axes(Qt::Vertical))
        if (a->type() == QAbstractAxis::AxisTypeLogValue) return true;
      return false;
    };
    QVERIFY(hasLog());
    panel.findChild<QCheckBox*>()->setChecked(false);
    QVERIFY(!panel.logTimeScale());
    QVERIFY(!hasLog());
    QCOMPARE(time->axes(Qt::Vertical).size(), 1);
  }

  // Tick labels read in full at the size the panel has in a dock at 1366 × 768 (its minimum)
  // and at 1920 × 1080, with thousands of events and slow rebuilds, in English and French:
  // Qt Charts elides a label with "..." when it does not fit its room.
  void axisLabelsAreNeverElided_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("locale");
    for (const char* locale : {"en_US", "fr_FR"}) {
      QTest::addRow("minimum %s", locale) << QSize() << QString::fromLatin1(locale);
      QTest::addRow("480x360 %s", locale) << QSize(480, 360) << QString::fromLatin1(locale);
      QTest::addRow("900x600 %s", locale) << QSize(900, 600) << QString::fromLatin1(locale);
    }
  }

  void axisLabelsAreNeverElided() {
    QFETCH(QSize, size);
    QFETCH(QString, locale);
    QLocale::setDefault(QLocale(locale));
    GrowthPanel panel;
    for (quint32 e = 1; e <= 12345; e += 97) {
      GrowthPoint p = point(e, {int(e / 40) + 3, int(e / 400) + 1}, e % 1000 == 1);
      p.learnMicros = e % 1000 == 1 ? 123456.0 : 150.0 + e;
      panel.appendGrowth(p);
    }
    panel.resize(size.isValid() ? size : panel.minimumSizeHint());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    QStringList elided;
    for (bool log : {true, false}) {
      panel.setLogTimeScale(log);
      QTest::qWait(50);
      for (GrowthPanel::Chart c : {GrowthPanel::Chart::Size, GrowthPanel::Chart::LearnTime,
                                   GrowthPanel::Chart::Accuracy, GrowthPanel::Chart::Rejection}) {
        QChart* chart = panel.chart(c);
        int labels = 0;
        for (QGraphicsItem* item : chart->scene()->items()) {
          auto* text = dynamic_cast<QGraphicsTextItem*>(item);
          if (text == nullptr || !text->isVisible() || !chart->isAncestorOf(text)) continue;
          const QString shown = text->toPlainText();
          ++labels;
          if (shown.contains(QStringLiteral("...")) || shown.contains(QChar(0x2026)))
            elided << QStringLiteral("%1 (log %2): \"%3\"").arg(chart->title()).arg(log).arg(shown);
        }
        QVERIFY(labels >= 4);  // the labels are really looked at
      }
    }
    QVERIFY2(elided.isEmpty(), qPrintable(QStringLiteral("at %1×%2: ").arg(panel.width())
                                              .arg(panel.height()) + elided.join(QStringLiteral(", "))));
    QLocale::setDefault(QLocale::c());
  }
};

QTEST_MAIN(TestGrowthPanel)
#include "test_growth_panel.moc"
