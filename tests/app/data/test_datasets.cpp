#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdint>

#include "app/data/datasets.h"
#include "tests/app/data/test_util.h"

using dlm::data::Dataset;
using dlm::data::kDigitsPath;
using dlm::data::kFashionMnistDir;
using dlm::data::loadDigits;
using dlm::data::loadFashionMnist;
using dlm::data::test::qs;
using dlm::data::test::toList;
using dlm::data::test::writeGz;

namespace {

const QStringList kFashionClasses = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                     "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

void appendBigEndian(QByteArray& bytes, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes += static_cast<char>((value >> shift) & 0xFF);
}

QByteArray idxImages(std::uint32_t magic, std::uint32_t count, std::uint32_t side,
                     const QByteArray& pixels)
{
    QByteArray bytes;
    appendBigEndian(bytes, magic);
    appendBigEndian(bytes, count);
    appendBigEndian(bytes, side);
    appendBigEndian(bytes, side);
    return bytes + pixels;
}

QByteArray idxLabels(std::uint32_t magic, const QByteArray& labels)
{
    QByteArray bytes;
    appendBigEndian(bytes, magic);
    appendBigEndian(bytes, static_cast<std::uint32_t>(labels.size()));
    return bytes + labels;
}

bool inUnitRange(const Dataset& d)
{
    return std::all_of(d.features.begin(), d.features.end(),
                       [](float v) { return v >= 0.0f && v <= 1.0f; });
}

}  // namespace

class TestDatasets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A tiny, valid Fashion-MNIST-shaped set of 2×2 images in dir.
    void writeTinySet(const QString& dir, const QByteArray& trainImages,
                      const QByteArray& trainLabels)
    {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeGz(dir + "/train-images-idx3-ubyte.gz", trainImages));
        QVERIFY(writeGz(dir + "/train-labels-idx1-ubyte.gz", trainLabels));
        QVERIFY(writeGz(dir + "/t10k-images-idx3-ubyte.gz",
                        idxImages(2051, 1, 2, QByteArray("\x00\x01\x02\x03", 4))));
        QVERIFY(writeGz(dir + "/t10k-labels-idx1-ubyte.gz", idxLabels(2049, QByteArray("\x05", 1))));
    }

    QString tinySetError(const QString& name, const QByteArray& trainImages,
                         const QByteArray& trainLabels)
    {
        const QString dir = m_dir.filePath(name);
        writeTinySet(dir, trainImages, trainLabels);
        Dataset train;
        Dataset test;
        std::string error;
        if (loadFashionMnist(train, test, error, dir.toStdString()))
            return "unexpected success";
        return qs(error);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void digits()
    {
        if (!QFile::exists(kDigitsPath))
            QSKIP("digits.csv.gz not installed (apt-get install python3-sklearn)");
        Dataset d;
        std::string error;
        QVERIFY2(loadDigits(d, error), error.c_str());
        QCOMPARE(d.rows, 1797);
        QCOMPARE(d.dims, 64);
        QCOMPARE(d.features.size(), std::size_t{1797 * 64});
        QVERIFY(inUnitRange(d));
        QCOMPARE(*std::max_element(d.features.begin(), d.features.end()), 1.0f);
        QCOMPARE(d.row(0)[2], 5.0f / 16.0f);  // first sample's third pixel is 5
        QCOMPARE(toList(d.classNames),
                 QStringList({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
        QCOMPARE(d.labels.size(), std::size_t{1797});
        QCOMPARE(d.labels[0], 0);
        QCOMPARE(d.labels[1], 1);
        QCOMPARE(d.labels[9], 9);
        for (int c = 0; c < 10; ++c) {
            const auto count = std::count(d.labels.begin(), d.labels.end(), c);
            QVERIFY2(count >= 170 && count <= 190, qPrintable(QString::number(count)));
        }
    }

    void digitsClassesAreInNumericOrder()
    {
        // Labels first appear as 3 then 1; classNames must still be "0".."9" with index = digit.
        QByteArray content;
        for (const char* label : {"3", "1.0"}) {
            for (int i = 0; i < 64; ++i)
                content += QByteArray::number(i % 17) + ",";
            content += QByteArray(label) + "\n";
        }
        const QString file = m_dir.filePath("digits.csv.gz");
        QVERIFY(writeGz(file, content));
        Dataset d;
        std::string error;
        QVERIFY2(loadDigits(d, error, file.toStdString()), error.c_str());
        QCOMPARE(d.labels, (std::vector<int>{3, 1}));
        QCOMPARE(d.classNames.size(), std::size_t{10});
        QCOMPARE(d.classIndex("3"), 3);
        QCOMPARE(d.row(1)[16], 16.0f / 16.0f);
        QCOMPARE(d.row(1)[8], 0.5f);
    }

    void digitsErrors()
    {
        Dataset d;
        std::string error;
        QVERIFY(!loadDigits(d, error, "/nonexistent/digits.csv.gz"));
        QCOMPARE(qs(error), QString("digits dataset not found at /nonexistent/digits.csv.gz; "
                                    "install it with: apt-get install python3-sklearn"));

        const QString narrow = m_dir.filePath("narrow.csv");
        QVERIFY(writeGz(narrow, "1,2,3\n"));
        QVERIFY(!loadDigits(d, error, narrow.toStdString()));
        QCOMPARE(qs(error), narrow + ": expected 64 pixel columns, got 2");

        QByteArray row;
        for (int i = 0; i < 64; ++i)
            row += i == 5 ? "17," : "0,";
        const QString bright = m_dir.filePath("bright.csv");
        QVERIFY(writeGz(bright, row + "1\n"));
        QVERIFY(!loadDigits(d, error, bright.toStdString()));
        QCOMPARE(qs(error), bright + ": row 1, column 6: pixel value out of range 0-16");

        const QString letter = m_dir.filePath("letter.csv");
        QVERIFY(writeGz(letter, QByteArray(row).replace("17", "1") + "x\n"));
        QVERIFY(!loadDigits(d, error, letter.toStdString()));
        QCOMPARE(qs(error), letter + ": label \"x\" is not a digit 0-9");
    }

    void fashionMnistWithLimit()
    {
        if (!QFile::exists(QString(kFashionMnistDir) + "/train-images-idx3-ubyte.gz"))
            QSKIP("Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        Dataset train;
        Dataset test;
        std::string error;
        QVERIFY2(loadFashionMnist(train, test, error, kFashionMnistDir, 100, 50), error.c_str());
        QCOMPARE(train.rows, 100);
        QCOMPARE(test.rows, 50);
        QCOMPARE(train.dims, 784);
        QCOMPARE(test.dims, 784);
        QCOMPARE(train.features.size(), std::size_t{100 * 784});
        QCOMPARE(test.labels.size(), std::size_t{50});
        QVERIFY(inUnitRange(train));
        QVERIFY(inUnitRange(test));
        QCOMPARE(*std::max_element(train.features.begin(), train.features.end()), 1.0f);
        // The published files start with these labels.
        QCOMPARE(std::vector<int>(train.labels.begin(), train.labels.begin() + 8),
                 (std::vector<int>{9, 0, 0, 3, 0, 2, 7, 2}));
        QCOMPARE(std::vector<int>(test.labels.begin(), test.labels.begin() + 8),
                 (std::vector<int>{9, 2, 1, 1, 6, 1, 4, 6}));
        QCOMPARE(toList(train.classNames), kFashionClasses);
        QCOMPARE(toList(test.classNames), kFashionClasses);
    }

    void fashionMnistFull()
    {
        if (!QFile::exists(QString(kFashionMnistDir) + "/train-images-idx3-ubyte.gz"))
            QSKIP("Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        Dataset train;
        Dataset test;
        std::string error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(loadFashionMnist(train, test, error), error.c_str());
        qInfo("loaded 70000 Fashion-MNIST images in %lld ms", timer.elapsed());
        QCOMPARE(train.rows, 60000);
        QCOMPARE(test.rows, 10000);
        QCOMPARE(train.features.size(), std::size_t{60000} * 784);
        for (int c = 0; c < 10; ++c)
            QCOMPARE(std::count(train.labels.begin(), train.labels.end(), c), 6000L);
    }

    void fashionMnistMissing()
    {
        Dataset train;
        Dataset test;
        std::string error;
        QVERIFY(!loadFashionMnist(train, test, error, "/nonexistent"));
        QCOMPARE(qs(error), QString("Fashion-MNIST not found: missing "
                                    "/nonexistent/train-images-idx3-ubyte.gz; install it with: "
                                    "apt-get install dataset-fashion-mnist"));
    }

    void tinyIdxSetLoads()
    {
        const QString dir = m_dir.filePath("tiny");
        writeTinySet(dir, idxImages(2051, 2, 2, QByteArray("\x00\x33\xff\x80\x01\x02\x03\x04", 8)),
                     idxLabels(2049, QByteArray("\x09\x00", 2)));
        Dataset train;
        Dataset test;
        std::string error;
        QVERIFY2(loadFashionMnist(train, test, error, dir.toStdString()), error.c_str());
        QCOMPARE(train.rows, 2);
        QCOMPARE(train.dims, 4);
        QCOMPARE(train.row(0)[0], 0.0f);
        QCOMPARE(train.row(0)[1], 0.2f);  // 0x33 = 51 = 255 / 5
        QCOMPARE(train.row(0)[2], 1.0f);
        QCOMPARE(train.row(1)[3], 4.0f / 255.0f);
        QCOMPARE(train.labels, (std::vector<int>{9, 0}));
        QCOMPARE(test.rows, 1);
        QCOMPARE(test.labels, std::vector<int>{5});

        QVERIFY2(loadFashionMnist(train, test, error, dir.toStdString(), 1, 5), error.c_str());
        QCOMPARE(train.rows, 1);
        QCOMPARE(test.rows, 1);  // a limit above the count keeps everything
    }

    void idxErrors_data()
    {
        QTest::addColumn<QByteArray>("images");
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<QString>("expected");  // after "<dir>/"

        const QByteArray pixels("\x00\x01\x02\x03\x04\x05\x06\x07", 8);
        const QByteArray goodImages = idxImages(2051, 2, 2, pixels);
        const QByteArray goodLabels = idxLabels(2049, QByteArray("\x01\x02", 2));
        QTest::newRow("image magic")
            << idxImages(2049, 2, 2, pixels) << goodLabels
            << "train-images-idx3-ubyte.gz: bad magic number 2049 (expected 2051); not an IDX "
               "image file";
        QTest::newRow("label magic")
            << goodImages << idxLabels(2051, QByteArray("\x01\x02", 2))
            << "train-labels-idx1-ubyte.gz: bad magic number 2051 (expected 2049); not an IDX "
               "label file";
        QTest::newRow("truncated pixels")
            << idxImages(2051, 3, 2, pixels) << goodLabels
            << "train-images-idx3-ubyte.gz: file is truncated (expected 12 bytes, got 8)";
        QTest::newRow("truncated header")
            << QByteArray("\x00\x00\x08", 3) << goodLabels
            << "train-images-idx3-ubyte.gz: file is truncated (expected 16 bytes, got 3)";
        QTest::newRow("zero size") << idxImages(2051, 2, 0, QByteArray()) << goodLabels
                                   << "train-images-idx3-ubyte.gz: implausible image size 0x0";
        QTest::newRow("count mismatch") << goodImages << idxLabels(2049, QByteArray("\x01", 1))
                                        << "train-labels-idx1-ubyte.gz: has 1 labels but DIR/"
                                           "train-images-idx3-ubyte.gz has 2 images";
        QTest::newRow("label range") << goodImages << idxLabels(2049, QByteArray("\x01\x0a", 2))
                                     << "train-labels-idx1-ubyte.gz: label 10 of item 2 is not a "
                                        "Fashion-MNIST class (0-9)";
    }

    void idxErrors()
    {
        QFETCH(QByteArray, images);
        QFETCH(QByteArray, labels);
        QFETCH(QString, expected);
        const QString dir = m_dir.filePath(QString("bad-%1").arg(QTest::currentDataTag()));
        QCOMPARE(tinySetError(QString("bad-%1").arg(QTest::currentDataTag()), images, labels),
                 dir + "/" + QString(expected).replace("DIR", dir));
    }

    void corruptGzip()
    {
        const QString dir = m_dir.filePath("corrupt");
        writeTinySet(dir, QByteArray(), idxLabels(2049, QByteArray()));
        // Valid gzip header, then garbage where the deflate stream should be.
        QFile file(dir + "/train-images-idx3-ubyte.gz");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff\xff", 15));
        file.close();
        Dataset train;
        Dataset test;
        std::string error;
        QVERIFY(!loadFashionMnist(train, test, error, dir.toStdString()));
        QVERIFY2(qs(error).startsWith(dir + "/train-images-idx3-ubyte.gz: read error: "),
                 error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "test_datasets.moc"
