#include <QtTest>

#include <algorithm>
#include <cmath>

#include "app/data/gestures.h"

using dlm::data::Dataset;
using dlm::data::GestureOptions;
using dlm::data::generateGestures;
using dlm::data::kGestureClasses;
using dlm::data::kKnownGestureClasses;

class TestGestures : public QObject {
    Q_OBJECT

private slots:
    void everyGestureBecomesOneLabelledEvent()
    {
        GestureOptions o;
        o.seed = 5;
        o.perGesture = 6;
        const Dataset d = generateGestures(o);
        QCOMPARE(kKnownGestureClasses, 5);
        QCOMPARE(kGestureClasses, 7);
        QCOMPARE(int(d.classNames.size()), kGestureClasses);
        QCOMPARE(d.classNames.front(), std::string("shake"));
        QCOMPARE(d.classNames.back(), std::string("triple-knock"));
        QCOMPARE(d.dims, 58);  // 3 channels x (16 bins + 3 statistics) + duration
        QCOMPARE(d.features.size(), std::size_t(d.rows) * std::size_t(d.dims));
        QCOMPARE(d.labels.size(), std::size_t(d.rows));
        // The board's trigger catches every requested gesture once, and nothing else.
        for (int g = 0; g < kGestureClasses; ++g)
            QCOMPARE(int(std::count(d.labels.begin(), d.labels.end(), g)), o.perGesture);
        QVERIFY(std::all_of(d.features.begin(), d.features.end(),
                            [](float v) { return std::isfinite(v) && std::fabs(v) < 4.0f; }));
    }

    void seedDecidesTheEvents()
    {
        GestureOptions o;
        o.perGesture = 3;
        o.seed = 11;
        const Dataset a = generateGestures(o);
        const Dataset b = generateGestures(o);
        QCOMPARE(a.features, b.features);
        QCOMPARE(a.labels, b.labels);
        o.seed = 12;
        const Dataset c = generateGestures(o);
        QVERIFY(a.features != c.features);
    }

    void sameGestureLooksAlikeOthersDiffer()
    {
        // Events of one gesture lie nearer each other than to another gesture's, on average:
        // the descriptor carries the gesture, so the data set is learnable at all.
        GestureOptions o;
        o.seed = 3;
        o.perGesture = 8;
        const Dataset d = generateGestures(o);
        double within = 0.0, between = 0.0;
        int nw = 0, nb = 0;
        for (int i = 0; i < d.rows; ++i) {
            for (int j = i + 1; j < d.rows; ++j) {
                double s = 0.0;
                for (int k = 0; k < d.dims; ++k)
                    s += std::pow(double(d.row(i)[k]) - d.row(j)[k], 2);
                const bool same = d.labels[std::size_t(i)] == d.labels[std::size_t(j)];
                (same ? within : between) += std::sqrt(s);
                ++(same ? nw : nb);
            }
        }
        QVERIFY2(within / nw < 0.6 * between / nb,
                 qPrintable(QString("within %1, between %2").arg(within / nw).arg(between / nb)));
    }
};

QTEST_GUILESS_MAIN(TestGestures)
#include "test_gestures.moc"
