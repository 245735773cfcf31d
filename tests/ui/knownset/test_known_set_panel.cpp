// The known-set panel draws what the model decides: every point, bar and count is the model's
// rule on the event's own level, at whatever strictness the slider or the line is at.
#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTranslator>

#include <cmath>

#include <qcustomplot.h>

#include "ui/knownset/embedding_plot.h"
#include "ui/knownset/explanation_view.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/knownset/score_histogram.h"

using dlm::app::ClassInfo;
using dlm::app::Explanation;
using dlm::app::KnownSetMap;
using dlm::ui::KnownSetPanel;

namespace {

const QVector<ClassInfo> kClasses = {{QStringLiteral("shake"), Qt::blue},
                                     {QStringLiteral("circle"), Qt::darkYellow}};

// 240 events on the line y = 0, x in [-1, 1]; level 1 - |x|: the ends are the least typical.
// The first 200 are tagged (by side), the last 40 untagged.
KnownSetMap makeMap(float threshold) {
  KnownSetMap m;
  m.axisX = QStringLiteral("PC1");
  m.axisY = QStringLiteral("PC2");
  m.hasModel = true;
  m.threshold = threshold;
  for (int k = 0; k < 240; ++k) {
    KnownSetMap::Point p;
    p.eventId = 1000 + k;
    p.x = -1.0f + 2.0f * static_cast<float>(k) / 239.0f;
    p.y = 0.1f * static_cast<float>(k % 7);
    p.tag = k >= 200 ? dlm::app::kUntagged : (p.x < 0 ? 0 : 1);
    p.valid = true;
    p.bestClass = p.x < 0 ? 0 : 1;
    p.knownScore = 1.0f - std::abs(p.x);
    p.predicted = dlm::app::acceptedAt(p.knownScore, threshold) ? p.bestClass : -1;
    m.points.append(p);
  }
  return m;
}

int expectedRejected(const KnownSetMap& m, float t) {
  int n = 0;
  for (const auto& p : m.points) n += dlm::app::acceptedAt(p.knownScore, t) ? 0 : 1;
  return n;
}

} // namespace

class TestKnownSetPanel : public QObject {
  Q_OBJECT

  // Every point drawn by both plots agrees with the model's rule at \p t.
  static void checkAgreement(KnownSetPanel& panel, const KnownSetMap& m, float t) {
    int solid = 0;
    for (const auto& p : m.points) {
      const int drawn = panel.embedding()->drawnDecision(p.eventId);
      QCOMPARE(drawn, dlm::app::acceptedAt(p.knownScore, t) ? 1 : 0);
      solid += drawn;
    }
    QCOMPARE(panel.histogram()->acceptedCount(), solid);
    QCOMPARE(panel.histogram()->rejectedCount(), int(m.points.size()) - solid);
  }

private slots:
  // The studio runs English with its translator: it holds the plural forms.
  void initTestCase() {
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
  }

  void drawingAgreesWithDecisionsAtEveryStrictness() {
    KnownSetPanel panel;
    QCOMPARE(panel.rejectionText(), QStringLiteral("No events yet"));
    const KnownSetMap m = makeMap(0.125f);
    panel.setMap(m, kClasses);
    panel.refreshNow();
    QCOMPARE(panel.threshold(), 0.125f);
    for (int step = 0; step <= KnownSetPanel::kSliderSteps; step += 5) {
      panel.thresholdSlider()->setValue(step);
      const float t = float(step) / float(KnownSetPanel::kSliderSteps);
      QCOMPARE(panel.threshold(), t);
      checkAgreement(panel, m, t);
      QCOMPARE(panel.histogram()->rejectedCount(), expectedRejected(m, t));
    }
    // From nothing to everything.
    panel.thresholdSlider()->setValue(0);
    QCOMPARE(panel.histogram()->rejectedCount(), 0);
    panel.thresholdSlider()->setValue(KnownSetPanel::kSliderSteps);
    QCOMPARE(panel.histogram()->acceptedCount(), 0);
  }

  void strictnessReadsRightAndCountsByKind() {
    KnownSetPanel panel;
    QSignalSpy spy(&panel, &KnownSetPanel::thresholdChanged);
    const KnownSetMap m = makeMap(0.0f);
    panel.setMap(m, kClasses);
    panel.refreshNow();
    QCOMPARE(panel.rejectionText(), QStringLiteral("Rejected now: 0 of 200 tagged · 0 of 40 untagged"));
    int previous = -1;
    for (int v : {10, 50, 100, 150, 199}) {  // more strictness rejects more, never less
      panel.thresholdSlider()->setValue(v);
      QVERIFY(panel.histogram()->rejectedCount() >= previous);
      previous = panel.histogram()->rejectedCount();
    }
    QCOMPARE(spy.count(), 5);
    QCOMPARE(spy.last().at(0).toFloat(), 0.995f);
    panel.setThreshold(0.5f);  // from the application: no echo
    QCOMPARE(spy.count(), 5);
    // At 50%, the events with level < 0.5 (|x| > 0.5) are rejected: count them by kind.
    int tagged = 0, untagged = 0;
    for (const auto& p : m.points) {
      if (dlm::app::acceptedAt(p.knownScore, 0.5f)) continue;
      (p.tag >= 0 ? tagged : untagged) += 1;
    }
    QCOMPARE(panel.rejectionText(), QStringLiteral("Rejected now: %1 of 200 tagged · %2 of 40 untagged")
                                        .arg(tagged).arg(untagged));
  }

  void draggingTheLineSetsTheStrictness() {
    KnownSetPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const KnownSetMap m = makeMap(0.05f);
    panel.setMap(m, kClasses);
    panel.refreshNow();
    dlm::ui::ScoreHistogram* h = panel.histogram();
    h->replot();
    QSignalSpy spy(&panel, &KnownSetPanel::thresholdChanged);
    const int y = h->axisRect()->center().y();
    const QPoint from(int(std::lround(h->linePixel())), y);
    const QPoint to(int(std::lround(h->xAxis->coordToPixel(0.6))), y);
    QTest::mousePress(h, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), h->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(h, &move);
    QTest::mouseRelease(h, Qt::LeftButton, {}, to);
    QVERIFY(!spy.isEmpty());
    const float t = spy.last().at(0).toFloat();
    QVERIFY2(std::abs(t - 0.6f) < 0.02f, qPrintable(QString::number(t)));
    QCOMPARE(panel.threshold(), t);
    QCOMPARE(panel.thresholdSlider()->value(), int(std::lround(t * KnownSetPanel::kSliderSteps)));
    checkAgreement(panel, m, t);
  }

  void clickExplainsInPlainWords() {
    KnownSetPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setMap(makeMap(0.125f), kClasses);
    panel.refreshNow();
    panel.embedding()->replot();
    QSignalSpy explain(&panel, &KnownSetPanel::explainRequested);
    const QPointF at = panel.embedding()->eventPixel(1000);
    QVERIFY(at.x() >= 0);
    QTest::mouseClick(panel.embedding(), Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(explain.count(), 1);
    QCOMPARE(explain.at(0).at(0).toInt(), 1000);
    QVERIFY(panel.embedding()->hoverText(1000).contains(QStringLiteral("rejected as unknown")));

    Explanation e;
    e.eventId = 1200;
    e.threshold = 0.125f;
    e.prediction.valid = true;
    e.prediction.classIndex = 1;
    e.prediction.bestClass = 1;
    e.prediction.knownScore = 0.62f;
    e.examples = {{1190, 1, 0.12f}, {1010, 0, 1.5f}};
    panel.showExplanation(e);
    QCOMPARE(panel.explanationVerdict(), QStringLiteral("Accepted as circle"));
    const QString reason = panel.explanation()->reasonText();
    QVERIFY2(reason.contains(QStringLiteral("circle (event 1190")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("more typical than 62% of known events")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("so it is accepted")), qPrintable(reason));
    QVERIFY(!panel.explanation()->detailsShown());
    QCOMPARE(panel.embedding()->selectedEvent(), 1200);

    e.prediction.classIndex = -1;
    e.prediction.knownScore = 0.03f;
    panel.showExplanation(e);
    QCOMPARE(panel.explanationVerdict(), QStringLiteral("Rejected as unknown"));
    const QString rejected = panel.explanation()->reasonText();
    QVERIFY2(rejected.contains(QStringLiteral("strictness of 3.0% or less")), qPrintable(rejected));

    // A new map (new model or strictness) asks again for the event on show, so its verdict
    // never lags the drawing; once that event is gone, the explanation goes too.
    explain.clear();
    panel.setMap(makeMap(0.5f), kClasses);
    panel.refreshNow();
    QCOMPARE(explain.count(), 1);
    QCOMPARE(explain.at(0).at(0).toInt(), 1200);
    KnownSetMap without = makeMap(0.5f);
    without.points.erase(std::remove_if(without.points.begin(), without.points.end(),
                                        [](const auto& p) { return p.eventId == 1200; }),
                         without.points.end());
    explain.clear();
    panel.setMap(without, kClasses);
    panel.refreshNow();
    QCOMPARE(explain.count(), 0);
    QVERIFY(panel.explanationVerdict().isEmpty());
  }

  void nothingLearnedIsSaidSo() {
    KnownSetPanel panel;
    KnownSetMap m = makeMap(0.05f);
    m.hasModel = false;
    for (auto& p : m.points) p.valid = false;
    panel.setMap(m, kClasses);
    panel.refreshNow();
    QCOMPARE(panel.rejectionText(), QStringLiteral("Nothing learned yet: every event is unknown"));
    QCOMPARE(panel.embedding()->drawnDecision(1000), -1);
    QCOMPARE(panel.histogram()->acceptedCount() + panel.histogram()->rejectedCount(), 0);
  }

  // A narrow dock (or a long translation) wraps the empty notices instead of cutting them.
  void emptyNoticesStayInsideNarrowPlots() {
    KnownSetPanel panel;
    panel.resize(panel.minimumSizeHint().width(), 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setMap(KnownSetMap{}, kClasses);
    panel.refreshNow();
    for (QCustomPlot* plot : {static_cast<QCustomPlot*>(panel.embedding()),
                              static_cast<QCustomPlot*>(panel.histogram())}) {
      plot->replot();
      QString shown;
      for (int i = 0; i < plot->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        if (text != nullptr && text->text().startsWith(QStringLiteral("No events"))) shown = text->text();
      }
      QVERIFY2(!shown.isEmpty(), "the empty notice is shown");
      const QFontMetrics fm(plot->font());
      const int room = plot->axisRect()->width();
      // Narrow enough that the notice cannot be one line: the wrapping is what is tested.
      QVERIFY2(room < fm.horizontalAdvance(QStringLiteral("No events yet: perform a gesture")) ||
                   plot == panel.histogram(),
               qPrintable(QStringLiteral("map %1 px wide").arg(room)));
      QVERIFY(shown.contains(QLatin1Char('\n')) || plot == panel.histogram());
      for (const QString& line : shown.split(QLatin1Char('\n')))
        QVERIFY2(fm.horizontalAdvance(line) <= room, qPrintable(line));
      QCOMPARE(shown.simplified(), shown.split(QLatin1Char('\n')).join(QLatin1Char(' ')));
    }
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
