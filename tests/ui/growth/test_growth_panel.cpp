#include <QChart>
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
};

QTEST_MAIN(TestGrowthPanel)
#include "test_growth_panel.moc"
