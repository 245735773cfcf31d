#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

#include "app/data/csv.h"
#include "tests/app/data/test_util.h"

using dlm::data::CsvOptions;
using dlm::data::Dataset;
using dlm::data::labelKey;
using dlm::data::readCsv;
using dlm::data::writeCsv;
using dlm::data::test::qs;
using dlm::data::test::toList;
using dlm::data::test::writeFile;
using dlm::data::test::writeGz;

class TestCsv : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }

    // Writes content to name in the temporary directory and reads it back with label.
    bool read(const QByteArray& content, Dataset& out, std::string& error,
              const std::string& label = "label", const QString& name = "data.csv")
    {
        if (!writeFile(m_dir.filePath(name), content))
            qFatal("cannot write test file");
        CsvOptions opt;
        opt.label = label;
        return readCsv(path(name), opt, out, error);
    }

    Dataset mustRead(const QByteArray& content, const std::string& label = "label")
    {
        Dataset out;
        std::string error;
        if (!read(content, out, error, label))
            qWarning("unexpected error: %s", error.c_str());
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void headerIsDetected()
    {
        const Dataset d = mustRead("a,b,label\n1,2,cat\n3,4.5,dog\n-5,6e-1,cat\n");
        QCOMPARE(d.rows, 3);
        QCOMPARE(d.dims, 2);
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4.5f, -5, 0.6f}));
        QCOMPARE(d.labels, (std::vector<int>{0, 1, 0}));
        QCOMPARE(toList(d.classNames), QStringList({"cat", "dog"}));
        QCOMPARE(toList(d.featureNames), QStringList({"a", "b"}));
    }

    void noHeaderDefaultLabelIsLastColumn()
    {
        const Dataset d = mustRead("1,2,x\n3,4,y\n5,6,x\n");
        QCOMPARE(d.rows, 3);
        QCOMPARE(d.dims, 2);
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(toList(d.classNames), QStringList({"x", "y"}));
        QVERIFY(d.featureNames.empty());
    }

    void numericLabelsAreTextInOrderOfFirstAppearance()
    {
        const Dataset d = mustRead("0.5,7\n0.25,3\n1,7\n");
        QCOMPARE(d.dims, 1);
        QCOMPARE(toList(d.classNames), QStringList({"7", "3"}));
        QCOMPARE(d.labels, (std::vector<int>{0, 1, 0}));
    }

    void numericLabelsCompareAsNumbers()
    {
        const Dataset d = mustRead("a,label\n1,1\n2,1.0\n3,\" 1 \"\n4,+1e0\n5,x\n6,01\n7,2\n"
                                   "8,-0\n9,0\n10,x \n11,\" x \"\n12,0.50\n13,.5\n");
        QCOMPARE(toList(d.classNames), QStringList({"1", "x", "2", "-0", " x ", "0.50"}));
        QCOMPARE(d.labels, (std::vector<int>{0, 0, 0, 0, 1, 0, 2, 3, 3, 1, 4, 5, 5}));
        // A number keeps its first spelling, trimmed of the blanks a quote kept.
        QCOMPARE(toList(mustRead("a,label\n1,\" 7.0 \"\n2,7\n").classNames),
                 QStringList({"7.0"}));
    }

    void labelKeyIsNumericOnlyForNumbers()
    {
        QCOMPARE(qs(labelKey("1.0")), qs(labelKey("1")));
        QCOMPARE(qs(labelKey(" 1 ")), qs(labelKey("1")));
        QCOMPARE(qs(labelKey("1e3")), qs(labelKey("1000")));
        QCOMPARE(qs(labelKey("-0.0")), qs(labelKey("0")));
        QVERIFY(labelKey("1") != labelKey("2"));
        QVERIFY(labelKey("0.1") != labelKey("0.10000001"));
        for (const char* text : {"abc", "nan", "inf", "-inf", "+-1", "0x10", "1,5", "1 2", "", "+"})
            QCOMPARE(qs(labelKey(text)), QString(text));
        QVERIFY(labelKey("a") != labelKey(" a"));
    }

    void headerWithNumericFeatureNamesFoundByLabelName()
    {
        // Every non-label field is a number, but the label name marks the row as a header.
        const Dataset d = mustRead("0,1,label\n5,6,a\n");
        QCOMPARE(d.rows, 1);
        QCOMPARE(toList(d.featureNames), QStringList({"0", "1"}));
    }

    void labelByNameInTheMiddle()
    {
        const Dataset d = mustRead("a,target,b\n1,yes,2\n3,no,4\n", "target");
        QCOMPARE(d.dims, 2);
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4}));
        QCOMPARE(toList(d.featureNames), QStringList({"a", "b"}));
        QCOMPARE(toList(d.classNames), QStringList({"yes", "no"}));
    }

    void labelByIndex()
    {
        const Dataset d = mustRead("cat,1,2\ndog,3,4\n", "0");
        QCOMPARE(d.dims, 2);
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4}));
        QCOMPARE(toList(d.classNames), QStringList({"cat", "dog"}));

        const Dataset h = mustRead("kind,w,h\ncat,1,2\n", "0");
        QCOMPARE(h.rows, 1);
        QCOMPARE(toList(h.featureNames), QStringList({"w", "h"}));
    }

    void labelByNegativeIndex()
    {
        const Dataset d = mustRead("1,x,2\n3,y,4\n", "-2");
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4}));
        QCOMPARE(toList(d.classNames), QStringList({"x", "y"}));

        const Dataset last = mustRead("1,2,9\n3,4,8\n", "-1");
        QCOMPARE(toList(last.classNames), QStringList({"9", "8"}));
        QCOMPARE(last.features, (std::vector<float>{1, 2, 3, 4}));
    }

    void emptyLabelOptionMeansNoLabelColumn()
    {
        const Dataset d = mustRead("1,2,3\n4,5,6\n", "");
        QCOMPARE(d.dims, 3);
        QCOMPARE(d.labels, (std::vector<int>{-1, -1}));
        QVERIFY(d.classNames.empty());
    }

    void emptyLabelFieldIsNone()
    {
        const Dataset d = mustRead("a,b,label\n1,2,\n3,4,x\n5,6,  \n");
        QCOMPARE(d.labels, (std::vector<int>{-1, 0, -1}));
        QCOMPARE(toList(d.classNames), QStringList({"x"}));
    }

    void quotedFields()
    {
        const Dataset d = mustRead("x,\"y, too\",label\n"
                                   "1,\"2.5\",\"Smith, John\"\n"
                                   "3,4,\"He said \"\"hi\"\"\"\n"
                                   "5,6, \" padded \" \n"
                                   "7,8,   plain text  \n");
        QCOMPARE(d.rows, 4);
        QCOMPARE(toList(d.featureNames), QStringList({"x", "y, too"}));
        QCOMPARE(d.features, (std::vector<float>{1, 2.5f, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(toList(d.classNames),
                 QStringList({"Smith, John", "He said \"hi\"", " padded ", "plain text"}));
    }

    void crlfBomAndBlankLines()
    {
        const Dataset d = mustRead("\xEF\xBB\xBF" "a,b,label\r\n1,2,x\r\n\r\n3,4,y\r\n\r\n  \r\n\n");
        QCOMPARE(d.rows, 2);
        QCOMPARE(toList(d.featureNames), QStringList({"a", "b"}));
        QCOMPARE(toList(d.classNames), QStringList({"x", "y"}));  // no stray '\r'
    }

    void bomWithoutHeader()
    {
        const Dataset d = mustRead("\xEF\xBB\xBF" "1,2,x\n");
        QCOMPARE(d.rows, 1);
        QCOMPARE(d.features, (std::vector<float>{1, 2}));
    }

    void semicolonDelimiterWithDecimalComma()
    {
        const Dataset d = mustRead("a;b;label\n1,5;2;x\n-0,25;3.75;y, z\n");
        QCOMPARE(d.dims, 2);
        QCOMPARE(d.features, (std::vector<float>{1.5f, 2, -0.25f, 3.75f}));
        QCOMPARE(toList(d.classNames), QStringList({"x", "y, z"}));
    }

    void tabDelimiter()
    {
        const Dataset d = mustRead("a\tb\tlabel\n1\t2\tone, two\n");
        QCOMPARE(d.features, (std::vector<float>{1, 2}));
        QCOMPARE(toList(d.classNames), QStringList({"one, two"}));
    }

    void numberForms()
    {
        const Dataset d = mustRead("+1.5e3, -2 ,.5,1.,1e-50,-1E-45,x\n");
        QCOMPARE(d.dims, 6);
        QCOMPARE(d.features[0], 1500.0f);
        QCOMPARE(d.features[1], -2.0f);
        QCOMPARE(d.features[2], 0.5f);
        QCOMPARE(d.features[3], 1.0f);
        QCOMPARE(d.features[4], 0.0f);  // underflow gives zero, not an error
        QCOMPARE(d.features[5], -std::numeric_limits<float>::denorm_min());
    }

    void gzipIsReadTransparently()
    {
        const QByteArray content = "a,b,label\r\n1,2,x\r\n3,4,y\r\n";
        QVERIFY(writeGz(m_dir.filePath("data.csv.gz"), content));
        Dataset d;
        std::string error;
        QVERIFY2(readCsv(path("data.csv.gz"), CsvOptions(), d, error), error.c_str());
        QCOMPARE(d.rows, 2);
        QCOMPARE(d.features, (std::vector<float>{1, 2, 3, 4}));
        QCOMPARE(toList(d.classNames), QStringList({"x", "y"}));
    }

    void longLinesAreNotSplit()
    {
        // Wider than the reader's 64 kB chunk, so one line needs several gzgets calls.
        QByteArray line;
        for (int i = 0; i < 20000; ++i)
            line += QByteArray::number(i % 10) + ",";
        const Dataset d = mustRead(line + "x\n" + line + "y\n");
        QCOMPARE(d.rows, 2);
        QCOMPARE(d.dims, 20000);
        QCOMPARE(d.features.back(), 9.0f);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");  // after "<path>"

        QTest::newRow("not a number") << QByteArray("a,b,label\n1,2,x\n3,abc,y\n") << "label"
                                      << ":3:2: expected a number in column \"b\", got \"abc\"";
        QTest::newRow("line count includes blank lines")
            << QByteArray("a,b,label\n\n1,2,x\r\n\r\n7,1,y\n4,5q,z\n") << "label"
            << ":6:2: expected a number in column \"b\", got \"5q\"";
        QTest::newRow("column counts the label") << QByteArray("1,x,2\n3,y,abc\n") << "1"
                                                 << ":2:3: expected a number, got \"abc\"";
        QTest::newRow("wrong field count") << QByteArray("1,2,x\n3,4,y\n3,4,5,y\n") << "label"
                                           << ":3: expected 3 fields (as on line 1), found 4";
        QTest::newRow("too few fields") << QByteArray("a,b,label\n1,2,x\n1,y\n") << "label"
                                        << ":3: expected 3 fields (as on line 1), found 2";
        QTest::newRow("no such label")
            << QByteArray("a,b,label\n1,2,x\n") << "target"
            << ":1: no label column named \"target\" in the header (columns: a, b, label)";
        QTest::newRow("header without default label")
            << QByteArray("a,b,class\n1,2,x\n") << "label"
            << ":1: no label column named \"label\" in the header (columns: a, b, class)";
        QTest::newRow("name without header")
            << QByteArray("1,2,x\n") << "target"
            << ":1: no header row, so no column is named \"target\"; give the label column as an "
               "index instead (e.g. 0 or -1)";
        QTest::newRow("empty file") << QByteArray() << "label" << ": empty file";
        QTest::newRow("only blank lines") << QByteArray("\xEF\xBB\xBF\r\n  \n\n") << "label"
                                          << ": empty file";
        QTest::newRow("header only") << QByteArray("a,b,label\n") << "label"
                                     << ":1: a header but no data rows after it";
        QTest::newRow("infinity") << QByteArray("1,2,x\ninf,2,y\n") << "label"
                                  << ":2:1: expected a finite number, got \"inf\"";
        QTest::newRow("nan") << QByteArray("1,nan,x\n") << "-1"
                             << ":1:2: expected a finite number, got \"nan\"";
        QTest::newRow("empty feature") << QByteArray("1,2,x\n1,,x\n") << "label"
                                       << ":2:2: expected a number, got an empty field";
        // By the header rule an unparsable first row is a header; the error then names columns.
        QTest::newRow("empty field in first row")
            << QByteArray("1,,x\n1,2,x\n") << "label"
            << ":1: no label column named \"label\" in the header (columns: 1, , x)";
        QTest::newRow("overflow") << QByteArray("1,1e40,x\n") << "label"
                                  << ":1:2: number out of float range: \"1e40\"";
        QTest::newRow("unterminated quote") << QByteArray("1,2,x\n1,2,\"abc\n") << "label"
                                            << ":2:3: unterminated quoted field";
        QTest::newRow("junk after quote") << QByteArray("1,\"2\"x,y\n") << "label"
                                          << ":1:2: unexpected character 'x' after closing quote";
        QTest::newRow("index out of range") << QByteArray("1,2,x\n") << "3"
                                            << ":1: label column 3 is out of range (the file has 3 "
                                               "columns)";
        QTest::newRow("negative index out of range")
            << QByteArray("1,2,x\n") << "-4"
            << ":1: label column -4 is out of range (the file has 3 columns)";
        QTest::newRow("ambiguous name") << QByteArray("label,a,label\nx,1,y\n") << "label"
                                        << ":1: label column name \"label\" is ambiguous (columns 1 "
                                           "and 3)";
        QTest::newRow("label only") << QByteArray("x\ny\n") << "label"
                                    << ":1: no feature columns besides the label column";
        // A CR anywhere but before the LF (found by the CSV fuzz target: it became part of a
        // class name, which writeCsv then could not write back).
        const QString carriageReturn = ": a carriage return inside the line (classic Mac or "
                                       "doubled line ends?); save the file with LF or CRLF line "
                                       "ends";
        QTest::newRow("doubled line ends") << QByteArray("a,b,label\r\r\n1,2,x\r\r\n") << "label"
                                           << ":1" + carriageReturn;
        QTest::newRow("classic Mac line ends") << QByteArray("a,b,label\r1,2,x\r3,4,y\r")
                                               << "label" << ":1" + carriageReturn;
        QTest::newRow("CR inside a label") << QByteArray("a,b,label\n1,2,x\n1,2,y\rz\n")
                                           << "label" << ":3" + carriageReturn;
    }

    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        Dataset out;
        out.rows = 7;  // must survive a failed read
        std::string error;
        QVERIFY(!read(content, out, error, label.toStdString(), "bad.csv"));
        QCOMPARE(qs(error), qs(path("bad.csv")) + expected);
        QCOMPARE(out.rows, 7);
    }

    void requiredLabelsAndNameLengthAreCheckedAtTheirLine()
    {
        QVERIFY(writeFile(m_dir.filePath("labels.csv"), "a,b,label\n1,2,x\n\n3,4,\n"));
        CsvOptions opt;
        Dataset out;
        std::string error;
        QVERIFY2(readCsv(path("labels.csv"), opt, out, error), error.c_str());
        QCOMPARE(out.labels, (std::vector<int>{0, -1}));
        opt.labelRequired = true;
        QVERIFY(!readCsv(path("labels.csv"), opt, out, error));
        QCOMPARE(qs(error), qs(path("labels.csv"))
                                + ":4:3: empty label in column \"label\"; every row needs its class "
                                  "here");

        QVERIFY(writeFile(m_dir.filePath("names.csv"), "1,abc\n2,abcd\n3,abc\n"));
        opt = CsvOptions();
        opt.maxLabelBytes = 3;
        QVERIFY(!readCsv(path("names.csv"), opt, out, error));
        QCOMPARE(qs(error), qs(path("names.csv"))
                                + ":2:2: label \"abcd\" is 4 bytes long; class names are at most 3 "
                                  "bytes");
        opt.maxLabelBytes = 4;
        QVERIFY2(readCsv(path("names.csv"), opt, out, error), error.c_str());
        QCOMPARE(toList(out.classNames), QStringList({"abc", "abcd"}));
    }

    void manyColumnsAreAbbreviatedInErrors()
    {
        QByteArray header;
        for (int i = 0; i < 30; ++i)
            header += "c" + QByteArray::number(i) + ",";
        Dataset out;
        std::string error;
        QVERIFY(!read(header + "y\n", out, error, "target", "wide.csv"));
        QVERIFY2(qs(error).endsWith(", c11, ... (31 columns))"), error.c_str());
    }

    void missingFile()
    {
        Dataset out;
        std::string error;
        QVERIFY(!readCsv(path("nope.csv"), CsvOptions(), out, error));
        QCOMPARE(qs(error), "cannot open " + qs(path("nope.csv")) + ": No such file or directory");
        QVERIFY(!readCsv(m_dir.path().toStdString(), CsvOptions(), out, error));
        QCOMPARE(qs(error), "cannot open " + m_dir.path() + ": Is a directory");
    }

    void truncatedGzipIsAReadError()
    {
        QByteArray content;
        for (int i = 0; i < 5000; ++i)
            content += QByteArray::number(i) + ",2,x\n";
        QVERIFY(writeGz(m_dir.filePath("full.csv.gz"), content));
        QFile full(m_dir.filePath("full.csv.gz"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        QVERIFY(writeFile(m_dir.filePath("cut.csv.gz"), bytes.left(bytes.size() / 2)));
        Dataset out;
        std::string error;
        QVERIFY(!readCsv(path("cut.csv.gz"), CsvOptions(), out, error));
        // The line being read when the data broke off, past the last complete one.
        QVERIFY2(qs(error).startsWith(qs(path("cut.csv.gz")) + ":"), error.c_str());
        QVERIFY2(qs(error).endsWith(": read error: unexpected end of file"), error.c_str());
        const int line = qs(error).section(':', -3, -3).toInt();
        QVERIFY2(line > 1 && line <= 5000, error.c_str());
    }

    void writeThenReadIsBitExact()
    {
        Dataset d;
        d.dims = 4;
        const float values[] = {0.1f,
                                1.0f / 3.0f,
                                -0.0f,
                                3.14159265f,
                                std::numeric_limits<float>::max(),
                                std::numeric_limits<float>::lowest(),
                                std::numeric_limits<float>::min(),
                                std::numeric_limits<float>::denorm_min(),
                                -123456.789f,
                                1e-30f,
                                16777217.0f,
                                0.0f};
        for (const float v : values)
            d.features.push_back(v);
        d.rows = static_cast<int>(d.features.size()) / d.dims;
        d.classNames = {"plain", "with, comma", "with \"quotes\""};
        d.labels = {0, 1, 2};
        const std::string file = path("roundtrip.csv");
        std::string error;
        QVERIFY2(writeCsv(d, file, error), error.c_str());

        Dataset back;
        QVERIFY2(readCsv(file, CsvOptions(), back, error), error.c_str());
        QCOMPARE(back.rows, d.rows);
        QCOMPARE(back.dims, d.dims);
        QCOMPARE(back.labels, d.labels);
        QCOMPARE(toList(back.classNames), toList(d.classNames));
        QCOMPARE(toList(back.featureNames), QStringList({"f0", "f1", "f2", "f3"}));
        QVERIFY(std::memcmp(back.features.data(), d.features.data(),
                            d.features.size() * sizeof(float)) == 0);
    }

    void writeUsesFeatureNamesAndShortFloats()
    {
        Dataset d;
        d.rows = 2;
        d.dims = 2;
        d.features = {0.1f, 2.0f, -1.5f, 1e-7f};
        d.labels = {1, -1};
        d.classNames = {"unused", " spaced "};
        d.featureNames = {"width", "a;b"};
        std::string error;
        QVERIFY2(writeCsv(d, path("named.csv"), error), error.c_str());
        QFile file(m_dir.filePath("named.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("width,\"a;b\",label\n0.1,2,\" spaced \"\n-1.5,1e-07,\n"));

        Dataset back;
        QVERIFY2(readCsv(path("named.csv"), CsvOptions(), back, error), error.c_str());
        QCOMPARE(toList(back.featureNames), QStringList({"width", "a;b"}));
        QCOMPARE(toList(back.classNames), QStringList({" spaced "}));
        QCOMPARE(back.labels, (std::vector<int>{0, -1}));
    }

    void writeGzipWhenPathEndsInGz()
    {
        Dataset d;
        d.rows = 1;
        d.dims = 1;
        d.features = {42.0f};
        d.labels = {0};
        d.classNames = {"answer"};
        std::string error;
        QVERIFY2(writeCsv(d, path("out.csv.gz"), error), error.c_str());
        QFile file(m_dir.filePath("out.csv.gz"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(2), QByteArray("\x1f\x8b"));  // gzip magic
        Dataset back;
        QVERIFY2(readCsv(path("out.csv.gz"), CsvOptions(), back, error), error.c_str());
        QCOMPARE(back.features, std::vector<float>{42.0f});
        QCOMPARE(toList(back.classNames), QStringList({"answer"}));
    }

    void writeErrors()
    {
        Dataset d;
        d.rows = 1;
        d.dims = 2;
        d.features = {1.0f, 2.0f};
        d.labels = {-1};
        std::string error;
        QVERIFY(!writeCsv(d, "/nonexistent-dir/x.csv", error));
        QCOMPARE(qs(error), QString("cannot create /nonexistent-dir/x.csv: No such file or directory"));

        Dataset bad = d;
        bad.features.pop_back();
        QVERIFY(!writeCsv(bad, path("bad.csv"), error));
        QCOMPARE(qs(error), "cannot write " + qs(path("bad.csv")) + ": features do not match rows x dims");

        bad = d;
        bad.features[1] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(!writeCsv(bad, path("bad.csv"), error));
        QCOMPARE(qs(error), "cannot write " + qs(path("bad.csv"))
                                + ": row 1 holds a value that is not a finite number");

        bad = d;
        bad.labels = {3};
        QVERIFY(!writeCsv(bad, path("unwritten.csv"), error));
        QCOMPARE(qs(error), "cannot write " + qs(path("unwritten.csv")) + ": label 3 has no class name");
        QVERIFY(!QFile::exists(m_dir.filePath("unwritten.csv")));

        bad = d;
        bad.featureNames = {"a", "label"};
        QVERIFY(!writeCsv(bad, path("unwritten.csv"), error));
        QCOMPARE(qs(error), "cannot write " + qs(path("unwritten.csv"))
                                + ": feature name \"label\" cannot be read back");
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
