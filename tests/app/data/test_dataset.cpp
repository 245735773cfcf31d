#include <QtTest>

#include "app/data/dataset.h"
#include "tests/app/data/test_util.h"

using dlm::data::Dataset;
using dlm::data::test::toList;

namespace {

// 4 rows × 3 dims, row i holds i*10, i*10+1, i*10+2; classes "a", "b".
Dataset makeDataset()
{
    Dataset d;
    d.rows = 4;
    d.dims = 3;
    for (int i = 0; i < d.rows; ++i)
        for (int j = 0; j < d.dims; ++j)
            d.features.push_back(static_cast<float>(i * 10 + j));
    d.labels = {0, 1, -1, 0};
    d.classNames = {"a", "b"};
    d.featureNames = {"x", "y", "z"};
    return d;
}

}  // namespace

class TestDataset : public QObject {
    Q_OBJECT

private slots:
    void rowPointsAtRowMajorData()
    {
        const Dataset d = makeDataset();
        QCOMPARE(d.row(0)[0], 0.0f);
        QCOMPARE(d.row(2)[1], 21.0f);
        QCOMPARE(d.row(3)[2], 32.0f);
        QCOMPARE(d.row(1), d.features.data() + 3);
    }

    void subsetCopiesRowsInOrderWithRepeats()
    {
        const Dataset d = makeDataset();
        const Dataset s = d.subset({3, 0, 3});
        QCOMPARE(s.rows, 3);
        QCOMPARE(s.dims, 3);
        QCOMPARE(s.features, (std::vector<float>{30, 31, 32, 0, 1, 2, 30, 31, 32}));
        QCOMPARE(s.labels, (std::vector<int>{0, 0, 0}));
        // Names are kept whole so label indices mean the same thing in both datasets.
        QCOMPARE(toList(s.classNames), QStringList({"a", "b"}));
        QCOMPARE(toList(s.featureNames), QStringList({"x", "y", "z"}));
    }

    void subsetOfNothingIsEmpty()
    {
        const Dataset s = makeDataset().subset({});
        QCOMPARE(s.rows, 0);
        QCOMPARE(s.dims, 3);
        QVERIFY(s.features.empty());
        QVERIFY(s.labels.empty());
    }

    void subsetKeepsUnlabelledRows()
    {
        const Dataset s = makeDataset().subset({2});
        QCOMPARE(s.labels, std::vector<int>{-1});
        QCOMPARE(s.row(0)[0], 20.0f);
    }

    void classIndexFindsNamesOrMinusOne()
    {
        const Dataset d = makeDataset();
        QCOMPARE(d.classIndex("a"), 0);
        QCOMPARE(d.classIndex("b"), 1);
        QCOMPARE(d.classIndex("c"), -1);
        QCOMPARE(d.classIndex(""), -1);
        QCOMPARE(d.classIndex("A"), -1);
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "test_dataset.moc"
