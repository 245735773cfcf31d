#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTranslator>

#include <cmath>

#include "ui/geometry/contour.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/knownset/known_set_plot.h"

using dlm::app::ClassInfo;
using dlm::app::Explanation;
using dlm::app::KnownSetMap;
using dlm::ui::GridGeometry;
using dlm::ui::KnownSetPanel;

namespace {

const QVector<ClassInfo> kClasses = {{QStringLiteral("shake"), Qt::blue},
                                     {QStringLiteral("circle"), Qt::darkYellow}};

GridGeometry grid(int n) { return {n, -1.0, 1.0, -1.0, 1.0}; }

QVector<float> sample(const GridGeometry& g, const std::function<double(double, double)>& f) {
  QVector<float> v;
  for (int j = 0; j < g.size; ++j)
    for (int i = 0; i < g.size; ++i) v.append(static_cast<float>(f(g.x(i), g.y(j))));
  return v;
}

// 240 events on a line y = 0, x in [-1, 1]; score decreasing with |x|; 30 rejected.
KnownSetMap makeMap() {
  KnownSetMap m;
  m.axisX = QStringLiteral("PC1");
  m.axisY = QStringLiteral("PC2");
  m.gridSize = 41;
  m.xMin = -1.2f; m.xMax = 1.2f; m.yMin = -1.2f; m.yMax = 1.2f;
  const GridGeometry g{m.gridSize, m.xMin, m.xMax, m.yMin, m.yMax};
  // Calibrated levels: 1 at the centre, falling to 0 at radius 1.
  m.knownScore = sample(g, [](double x, double y) { return std::max(0.0, 1.0 - std::hypot(x, y)); });
  for (int j = 0; j < g.size; ++j)
    for (int i = 0; i < g.size; ++i) m.bestClass.append(g.x(i) < 0 ? 0 : 1);
  m.threshold = 0.125f;
  for (int k = 0; k < 240; ++k) {
    KnownSetMap::Point p;
    p.eventId = 1000 + k;
    p.x = -1.0f + 2.0f * static_cast<float>(k) / 239.0f;
    p.y = 0.0f;
    p.tag = p.x < 0 ? 0 : 1;
    p.knownScore = 1.0f - std::abs(p.x);
    p.predicted = dlm::app::acceptedAt(p.knownScore, m.threshold) ? p.tag : -1;
    m.points.append(p);
  }
  m.rejectionRate = 0.125;
  return m;
}

} // namespace

class TestKnownSetPanel : public QObject {
  Q_OBJECT

private slots:
  // The studio runs English with its translator: it holds the plural forms ("240 events").
  void initTestCase() {
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
  }

  void contourOfACircle() {
    const GridGeometry g = grid(101);
    const double r = 0.6;
    const QVector<float> v = sample(g, [r](double x, double y) { return r - std::hypot(x, y); });
    const QVector<QPolygonF> lines = dlm::ui::extractContour(v, g, 0.0f);
    QCOMPARE(lines.size(), 1);
    const QPolygonF& loop = lines.first();
    QVERIFY(loop.size() > 100);
    QCOMPARE(loop.first(), loop.last());  // closed
    for (const QPointF& p : loop) QVERIFY(std::abs(std::hypot(p.x(), p.y()) - r) < g.cellWidth());
    // The threshold moves the level: score = -0.2 is the circle of radius 0.8.
    const QVector<QPolygonF> wider = dlm::ui::extractContour(v, g, -0.2f);
    QCOMPARE(wider.size(), 1);
    for (const QPointF& p : wider.first())
      QVERIFY(std::abs(std::hypot(p.x(), p.y()) - 0.8) < g.cellWidth());
  }

  void contourOpenAndEmpty() {
    const GridGeometry g = grid(21);
    const QVector<float> ramp = sample(g, [](double x, double) { return x; });
    const QVector<QPolygonF> lines = dlm::ui::extractContour(ramp, g, 0.25f);
    QCOMPARE(lines.size(), 1);
    for (const QPointF& p : lines.first()) QVERIFY(std::abs(p.x() - 0.25) < 1e-6);
    QVERIFY(lines.first().first() != lines.first().last());  // runs border to border
    QVERIFY(dlm::ui::extractContour(ramp, g, 5.0f).isEmpty());
    // Two separate blobs give two loops; -inf cells count as outside.
    QVector<float> blobs = sample(g, [](double x, double y) {
      return 0.3 - std::min(std::hypot(x - 0.5, y), std::hypot(x + 0.5, y));
    });
    blobs[0] = -std::numeric_limits<float>::infinity();
    QCOMPARE(dlm::ui::extractContour(blobs, g, 0.0f).size(), 2);
  }

  void classBoundaries() {
    const GridGeometry g = grid(51);
    QVector<int> halves;
    for (int j = 0; j < g.size; ++j)
      for (int i = 0; i < g.size; ++i) halves.append(i < 25 ? 0 : 1);
    const QVector<QLineF> split = dlm::ui::extractClassBoundaries(halves, g);
    QCOMPARE(split.size(), g.size - 1);  // one segment per row of cells
    const double xb = g.x(24.5);
    for (const QLineF& l : split) {
      QVERIFY(std::abs(l.p1().x() - xb) < 1e-9);
      QVERIFY(std::abs(l.p2().x() - xb) < 1e-9);
    }
    // A diagonal boundary y = x stays within one cell of the line.
    QVector<int> diagonal;
    for (int j = 0; j < g.size; ++j)
      for (int i = 0; i < g.size; ++i) diagonal.append(g.x(i) > g.y(j) + 1e-9 ? 1 : 0);
    const QVector<QLineF> diag = dlm::ui::extractClassBoundaries(diagonal, g);
    QVERIFY(!diag.isEmpty());
    for (const QLineF& l : diag)
      for (const QPointF& p : {l.p1(), l.p2()})
        QVERIFY(std::abs(p.x() - p.y()) < g.cellWidth() * 1.5);
    // Three classes meeting in a cell join at its centre.
    const GridGeometry tiny = grid(2);
    QCOMPARE(dlm::ui::extractClassBoundaries({0, 1, 2, 2}, tiny).size(), 3);
    QVERIFY(dlm::ui::extractClassBoundaries({1, 1, 1, 1}, tiny).isEmpty());
  }

  void sliderEmitsAndShowsRejection() {
    KnownSetPanel panel;
    panel.resize(1100, 700);
    QCOMPARE(panel.rejectionText(), QStringLiteral("No events yet"));
    const KnownSetMap map = makeMap();
    panel.setMap(map, kClasses);
    panel.refreshNow();
    QCOMPARE(panel.rejectionText(), QStringLiteral("Rejected: 12.5% of 240 events"));
    QCOMPARE(panel.threshold(), 0.125f);
    QCOMPARE(panel.plot()->contourPolylineCount(), 1);
    QVERIFY(panel.plot()->boundarySegmentCount() > 0);

    QSignalSpy spy(&panel, &KnownSetPanel::thresholdChanged);
    QSlider* slider = panel.thresholdSlider();
    slider->setValue(0);  // threshold 0: rejects nothing
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toFloat(), 0.0f);
    QCOMPARE(panel.rejectionText(), QStringLiteral("Rejected: 0.0% of 240 events"));
    slider->setValue(slider->maximum() / 2);  // threshold 0.5: |x| > 0.5 rejected, about half
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toFloat(), 0.5f);
    const int rejected = panel.plot()->rejectedCount();
    QVERIFY(rejected > 110 && rejected < 130);
    QCOMPARE(panel.rejectionText(),
             QStringLiteral("Rejected: %1% of 240 events").arg(100.0 * rejected / 240, 0, 'f', 1));
    slider->setValue(slider->maximum());  // threshold 1: everything rejected
    QCOMPARE(panel.plot()->rejectedCount(), 240);
    // Raising the threshold never rejects less.
    auto previous = panel.plot()->rejectedCount();
    slider->setValue(0);
    previous = panel.plot()->rejectedCount();
    for (int position = 0; position <= slider->maximum(); position += slider->maximum() / 20) {
      slider->setValue(position);
      QVERIFY(panel.plot()->rejectedCount() >= previous);
      previous = panel.plot()->rejectedCount();
    }
    // setThreshold from the application does not echo.
    const auto echoes = spy.count();
    panel.setThreshold(0.125f);
    QCOMPARE(spy.count(), echoes);
    QCOMPARE(panel.rejectionText(), QStringLiteral("Rejected: 12.5% of 240 events"));
  }

  void clickExplainsAndShowsVerdict() {
    KnownSetPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setMap(makeMap(), kClasses);
    panel.refreshNow();
    panel.plot()->replot();
    QSignalSpy explain(&panel, &KnownSetPanel::explainRequested);
    const QPointF at = panel.plot()->eventPixel(1000);
    QVERIFY(at.x() >= 0);
    QTest::mouseClick(panel.plot(), Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(explain.count(), 1);
    QCOMPARE(explain.at(0).at(0).toInt(), 1000);
    QVERIFY(panel.plot()->hoverText(at).contains(QStringLiteral("Event 1000")));
    // The map's cells say inside or outside by the network's own rule (level >= threshold).
    const auto pixel = [&](double x, double y) {
      return QPointF(panel.plot()->xAxis->coordToPixel(x), panel.plot()->yAxis->coordToPixel(y));
    };
    QVERIFY(panel.plot()->hoverText(pixel(0.0, 0.5)).contains(QStringLiteral("inside")));
    const QString outside = panel.plot()->hoverText(pixel(1.1, 1.1));
    QVERIFY2(outside.contains(QStringLiteral("would be rejected")), qPrintable(outside));
    QVERIFY2(outside.contains(QStringLiteral("boundary at 0.13")), qPrintable(outside));

    Explanation known;
    known.eventId = 1200;
    known.prediction.valid = true;
    known.prediction.classIndex = 1;
    known.prediction.confidence = 0.82f;
    known.margin = 0.4f;
    known.nearest = {{3, 1, 0.4f, 0.9f}, {5, 0, 1.7f, 0.65f}};
    known.scores = {0.1f, 0.8f};
    panel.showExplanation(known);
    QCOMPARE(panel.explanationVerdict(), QStringLiteral("Known: circle (confidence 0.82)"));
    QCOMPARE(panel.plot()->selectedEvent(), 1200);

    Explanation rejected = known;
    rejected.prediction.classIndex = -1;
    rejected.margin = -0.31f;
    panel.showExplanation(rejected);
    QCOMPARE(panel.explanationVerdict(),
             QStringLiteral("Rejected: outside the known set by 0.31"));
  }

  void projectionRequests() {
    KnownSetPanel panel;
    panel.setFeatureCount(12);
    QSignalSpy spy(&panel, &KnownSetPanel::projectionRequested);
    auto* combo = panel.findChild<QComboBox*>();
    QVERIFY(combo != nullptr);
    combo->setCurrentIndex(1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<KnownSetMap::Projection>(), KnownSetMap::Projection::FeaturePair);
    QCOMPARE(spy.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.at(0).at(2).toInt(), 1);
  }

private:
  QTranslator m_english;
};

QTEST_MAIN(TestKnownSetPanel)
#include "test_known_set_panel.moc"
