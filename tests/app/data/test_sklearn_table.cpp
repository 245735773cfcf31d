#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/data/datasets.h"
#include "app/data/standardize.h"
#include "tests/app/data/test_util.h"

using dlm::data::Dataset;
using dlm::data::kBreastCancerPath;
using dlm::data::kWinePath;
using dlm::data::loadSklearnTable;
using dlm::data::Standardizer;
using dlm::data::test::qs;
using dlm::data::test::toList;
using dlm::data::test::writeFile;

class TestSklearnTable : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString loadError(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        if (!writeFile(path, content))
            return "cannot write the test file";
        Dataset d;
        std::string error;
        if (loadSklearnTable(d, error, path.toStdString()))
            return "unexpected success";
        return qs(error).replace(path, "FILE");
    }

    static double columnMean(const Dataset& d, const std::vector<int>& rows, int c)
    {
        double s = 0.0;
        for (int r : rows)
            s += d.row(r)[c];
        return s / double(rows.size());
    }

    static double columnStd(const Dataset& d, const std::vector<int>& rows, int c)
    {
        const double m = columnMean(d, rows, c);
        double s = 0.0;
        for (int r : rows)
            s += (d.row(r)[c] - m) * (d.row(r)[c] - m);
        return std::sqrt(s / double(rows.size()));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void wine()
    {
        if (!QFile::exists(kWinePath))
            QSKIP("wine_data.csv not installed (apt-get install python3-sklearn)");
        Dataset d;
        std::string error;
        QVERIFY2(loadSklearnTable(d, error, kWinePath), error.c_str());
        QCOMPARE(d.rows, 178);
        QCOMPARE(d.dims, 13);
        QCOMPARE(toList(d.classNames), QStringList({"class_0", "class_1", "class_2"}));
        QCOMPARE(d.row(0)[0], 14.23f);
        QCOMPARE(d.row(0)[12], 1065.0f);
        QCOMPARE(std::count(d.labels.begin(), d.labels.end(), 0), 59);
        QCOMPARE(std::count(d.labels.begin(), d.labels.end(), 1), 71);
        QCOMPARE(std::count(d.labels.begin(), d.labels.end(), 2), 48);
    }

    void breastCancer()
    {
        if (!QFile::exists(kBreastCancerPath))
            QSKIP("breast_cancer.csv not installed (apt-get install python3-sklearn)");
        Dataset d;
        std::string error;
        QVERIFY2(loadSklearnTable(d, error, kBreastCancerPath), error.c_str());
        QCOMPARE(d.rows, 569);
        QCOMPARE(d.dims, 30);
        QCOMPARE(toList(d.classNames), QStringList({"malignant", "benign"}));
        QCOMPARE(d.row(0)[0], 17.99f);
        QCOMPARE(std::count(d.labels.begin(), d.labels.end(), 0), 212);
        QCOMPARE(std::count(d.labels.begin(), d.labels.end(), 1), 357);
    }

    void smallTableWithCrlfAndBlankLines()
    {
        const QString path = m_dir.filePath("small.csv");
        QVERIFY(writeFile(path, "2,2,a,b\r\n1.5, -2,1\r\n\r\n3,4e1,0\r\n"));
        Dataset d;
        std::string error;
        QVERIFY2(loadSklearnTable(d, error, path.toStdString()), error.c_str());
        QCOMPARE(d.rows, 2);
        QCOMPARE(d.features, (std::vector<float>{1.5f, -2.0f, 3.0f, 40.0f}));
        QCOMPARE(d.labels, (std::vector<int>{1, 0}));
        QCOMPARE(toList(d.classNames), QStringList({"a", "b"}));
    }

    void errorsNameFileAndLine()
    {
        QCOMPARE(loadError("empty.csv", ""), QString("FILE: the file is empty"));
        QCOMPARE(loadError("header.csv", "x,2,a\n1,2,0\n"),
                 QString("FILE:1: expected \"rows,features,class names...\" (scikit-learn's "
                         "header), got \"x,2,a\""));
        QCOMPARE(loadError("fields.csv", "2,2,a,b\n1,2,0\n1,0\n"),
                 QString("FILE:3: expected 3 fields (features, then the class), got 2"));
        QCOMPARE(loadError("number.csv", "1,2,a,b\n1,zz,0\n"),
                 QString("FILE:2:2: \"zz\" is not a finite number"));
        QCOMPARE(loadError("class.csv", "1,2,a,b\n1,2,2\n"),
                 QString("FILE:2:3: class \"2\" is not an index from 0 to 1"));
        QCOMPARE(loadError("few.csv", "3,1,a\n1,0\n2,0\n"),
                 QString("FILE: the header announces 3 rows, the file has 2"));
        QCOMPARE(loadError("many.csv", "1,1,a\n1,0\n2,0\n"),
                 QString("FILE:3: more rows than the 1 the header announces"));
        Dataset d;
        std::string error;
        QVERIFY(!loadSklearnTable(d, error, "/nonexistent/wine.csv"));
        QVERIFY2(qs(error).startsWith("data set not found at /nonexistent/wine.csv"),
                 error.c_str());
    }

    void standardizerUsesOnlyTheFittedRows()
    {
        Dataset d;
        d.rows = 5;
        d.dims = 2;
        // Feature 1 is constant on the fitted rows; row 4 is a wild outlier nobody fits on.
        d.features = {1, 7, 2, 7, 3, 7, 6, 7, 1000, -50};
        d.labels = {0, 0, 0, 0, 0};
        const std::vector<int> fitted = {0, 1, 2, 3};
        Standardizer s;
        s.fit(d, fitted);
        QCOMPARE(s.mean(), (std::vector<float>{3.0f, 7.0f}));
        QCOMPARE(s.scale()[1], 1.0f);
        s.apply(d);
        QVERIFY(std::fabs(columnMean(d, fitted, 0)) < 1e-6);
        QVERIFY(std::fabs(columnStd(d, fitted, 0) - 1.0) < 1e-6);
        QCOMPARE(d.row(0)[1], 0.0f);  // constant: centred, not divided by zero
        QVERIFY(std::fabs(d.row(4)[0] - (1000.0 - 3.0) / std::sqrt(3.5)) < 1e-3);
        QCOMPARE(d.row(4)[1], -57.0f);
    }

    void standardizeTrainThenTest()
    {
        Dataset train;
        train.rows = 2;
        train.dims = 1;
        train.features = {10, 20};
        train.labels = {0, 1};
        Dataset test = train;
        test.features = {15, 30};
        dlm::data::standardize(train, test);
        QCOMPARE(train.features, (std::vector<float>{-1.0f, 1.0f}));
        QCOMPARE(test.features, (std::vector<float>{0.0f, 3.0f}));
    }
};

QTEST_GUILESS_MAIN(TestSklearnTable)
#include "test_sklearn_table.moc"
