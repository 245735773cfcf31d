#include <QtTest>

#include <QDir>
#include <QTemporaryDir>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "app/cli/eval_baseline.h"
#include "app/cli/evaluation.h"
#include "app/cli/network_box.h"
#include "app/data/recordings.h"
#include "app/data/wav.h"

namespace {

// A 1 s clip: a 0.5 s tone gliding from \p hz by \p glide Hz, in light noise.
dlm::data::WavAudio clip(double hz, double glide, std::mt19937& rng) {
  std::normal_distribution<double> noise(0.0, 150.0);
  dlm::data::WavAudio a;
  a.channels = 1;
  a.sampleRateHz = 16000;
  a.frames = 16000;
  double phase = 0.0;
  for (int i = 0; i < 16000; ++i) {
    const bool on = i >= 4000 && i < 12000;
    phase += 2.0 * M_PI * (hz + glide * (i - 4000) / 8000.0) / 16000.0;
    const double v = (on ? 8000.0 * std::sin(phase) : 0.0) + noise(rng);
    a.samples.push_back(static_cast<std::int16_t>(std::lround(v)));
  }
  return a;
}

int run(int (*command)(int, char**), std::vector<std::string> args) {
  args.insert(args.begin(), {"dlm", "cmd"});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return command(int(argv.size()), argv.data());
}

} // namespace

class TestRecordingsCli : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    std::mt19937 rng(7);
    const struct { const char* name; double hz, glide; } kinds[] = {
        {"low", 300, 0}, {"high", 2500, 0}, {"rise", 600, 2500}, {"unknown", 1200, -600}};
    std::string error;
    for (const auto& k : kinds) {
      QVERIFY(QDir(m_dir.path()).mkpath(k.name));
      for (int n = 0; n < 8; ++n) {
        const double jitter = std::uniform_real_distribution<double>(-0.05, 0.05)(rng);
        const std::string path = m_dir.filePath(QString("%1/%2.wav").arg(k.name).arg(n))
                                     .toStdString();
        QVERIFY(dlm::data::writeWav(path, clip(k.hz * (1 + jitter), k.glide, rng), error));
      }
    }
  }

  void learnThenEvalRoundTrip() {
    const std::string dir = m_dir.path().toStdString();
    const std::string model = m_dir.filePath("m.dlm").toStdString();
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", dir, "--out", model, "--json"}), 0);
    dlm::cli::NetworkBox box;
    std::string error;
    QVERIFY2(box.loadFile(model, error), error.c_str());
    QVERIFY(box.frontEndRecorded());
    QVERIFY(box.frontEnd().kind == dlm::FrontEndKind::Spectral);
    QCOMPARE(box.network().classes(), 3);  // unknown/ is not learned
    QCOMPARE(run(dlm::cli::runEval, {"--model", model, "--recordings", dir, "--json"}), 0);
    dlm::data::RecordingOptions options;
    options.useFrontEnd = true;
    options.frontEnd = box.frontEnd();
    dlm::data::Recordings r;
    QVERIFY2(dlm::data::loadRecordings(dir, options, r, error), error.c_str());
    const dlm::cli::Evaluation e = dlm::cli::evaluate(box, r.data);
    QCOMPARE(e.knownRows, 24);
    QCOMPARE(e.unknownRows, 8);
    QVERIFY(e.accuracy > 0.95);
    QVERIFY(e.auroc > 0.9);
  }

  void oneClassGivesAuroc() {
    QTemporaryDir one;
    QVERIFY(QDir(one.path()).mkpath("low"));
    for (int n = 0; n < 8; ++n) {
      QVERIFY(QFile::copy(m_dir.filePath(QString("low/%1.wav").arg(n)),
                          one.filePath(QString("low/%1.wav").arg(n))));
    }
    const std::string model = one.filePath("normal.dlm").toStdString();
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", one.path().toStdString(), "--out", model,
                                      "--json"}),
             0);
    dlm::cli::NetworkBox box;
    std::string error;
    QVERIFY2(box.loadFile(model, error), error.c_str());
    // Evaluated on the full folder: "low" is the known class, every other one never seen.
    dlm::data::RecordingOptions options;
    options.useFrontEnd = true;
    options.frontEnd = box.frontEnd();
    dlm::data::Recordings r;
    QVERIFY2(dlm::data::loadRecordings(m_dir.path().toStdString(), options, r, error),
             error.c_str());
    const dlm::cli::Evaluation e = dlm::cli::evaluate(box, r.data);
    QCOMPARE(e.knownRows, 8);
    QCOMPARE(e.unknownRows, 24);
    QVERIFY2(e.auroc > 0.5, std::to_string(e.auroc).c_str());
  }

  void nearestNeighbourFigures() {
    // Two classes at (0, 0) and (10, 0); test rows near each, one far from both, and one of a
    // class the training folder does not have (an unknown too).
    dlm::data::Dataset train;
    train.dims = 2;
    train.rows = 2;
    train.classNames = {"a", "b"};
    train.features = {0, 0, 10, 0};
    train.labels = {0, 1};
    dlm::data::Dataset test;
    test.dims = 2;
    test.rows = 4;
    test.classNames = {"b", "a", "c"};
    test.features = {9, 0, 1, 0, 5, 5, 10, 1};
    test.labels = {0, 1, -1, 2};
    const dlm::cli::Evaluation e = dlm::cli::evaluateNearest(train, test, "test");
    QCOMPARE(e.knownRows, 2);
    QCOMPARE(e.unknownRows, 2);
    QCOMPARE(e.accuracy, 1.0);
    QCOMPARE(e.rejectedFraction, 0.0);  // kNN-1 never rejects
    QCOMPARE(e.openSetAccuracy, 0.5);
    // Known scores -1, -1; unknown -sqrt(50) and -1 (the "c" row sits 1 from b): of the four
    // (known, unknown) pairs two are won and two tied, 3 of 4.
    QCOMPARE(e.auroc, 0.75);
    QCOMPARE(e.confusion.count(0, 0), 1);
    QCOMPARE(e.confusion.count(1, 1), 1);
    QCOMPARE(e.unmatchedLabels, std::vector<std::string>{"c"});
  }

  void baselinesOnRecordings() {
    // Learn from clips 0-5 of each tone, test on clips 6-7 and the unknown glides.
    QTemporaryDir train, test;
    for (const char* k : {"low", "high", "rise", "unknown"}) {
      QVERIFY(QDir(train.path()).mkpath(k) && QDir(test.path()).mkpath(k));
      for (int n = 0; n < 8; ++n) {
        const QString name = QString("%1/%2.wav").arg(k).arg(n);
        const bool learned = n < 6 && std::string(k) != "unknown";
        QVERIFY(QFile::copy(m_dir.filePath(name), (learned ? train : test).filePath(name)));
      }
    }
    const std::string trainDir = train.path().toStdString();
    const std::string testDir = test.path().toStdString();
    for (const char* baseline : {"knn1", "knn1-spectrogram"}) {
      QCOMPARE(run(dlm::cli::runEval, {"--baseline", baseline, "--train", trainDir,
                                       "--recordings", testDir, "--json"}),
               0);
    }
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn1-spectrogram", "--spectrogram", "hop",
                                     "--train", trainDir, "--recordings", testDir}),
             0);
    for (int method = 0; method < 3; ++method) {
      std::unique_ptr<dlm::data::EventDescriber> d;
      if (method > 0) d = dlm::cli::spectrogramDescriber(method == 2);
      dlm::data::RecordingOptions options;
      options.describer = d.get();
      options.includeUnknown = false;
      dlm::data::Recordings learned, tested;
      std::string error;
      QVERIFY2(dlm::data::loadRecordings(trainDir, options, learned, error), error.c_str());
      options.includeUnknown = true;
      QVERIFY2(dlm::data::loadRecordings(testDir, options, tested, error), error.c_str());
      QCOMPARE(learned.data.dims, method == 0 ? 62 : 62 * 257);
      QCOMPARE(learned.data.rows, 18);
      const dlm::cli::Evaluation e = dlm::cli::evaluateNearest(learned.data, tested.data, "t");
      QCOMPARE(e.knownRows, 6);
      QCOMPARE(e.unknownRows, 8);
      QCOMPARE(e.accuracy, 1.0);
      QVERIFY2(e.auroc > 0.9, std::to_string(e.auroc).c_str());
    }
  }

  void cliErrors() {
    const std::string out = m_dir.filePath("x.dlm").toStdString();
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", m_dir.filePath("nope").toStdString(),
                                      "--out", out}),
             1);
    QTemporaryDir none;
    QVERIFY(QDir(none.path()).mkpath("unknown"));
    QVERIFY(QFile::copy(m_dir.filePath("low/0.wav"), none.filePath("unknown/0.wav")));
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", none.path().toStdString(), "--out", out}),
             1);  // no class besides unknown/
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", m_dir.path().toStdString(), "--out", out,
                                      "--front-end", "smell"}),
             1);
    QCOMPARE(run(dlm::cli::runLearn, {"--recordings", m_dir.path().toStdString(), "--data",
                                      "x.csv", "--out", out}),
             1);
    const std::string dir = m_dir.path().toStdString();
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn5", "--train", dir, "--recordings", dir}),
             1);
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn1", "--recordings", dir}), 1);  // no --train
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn1", "--train", dir, "--recordings", dir,
                                     "--spectrogram", "hop"}),
             1);  // --spectrogram is the spectrogram baseline's
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn1-spectrogram", "--spectrogram", "mel",
                                     "--train", dir, "--recordings", dir}),
             1);
    QCOMPARE(run(dlm::cli::runEval, {"--baseline", "knn1", "--train", dir, "--recordings", dir,
                                     "--threshold", "0.1"}),
             1);  // kNN-1 has no threshold
    QCOMPARE(run(dlm::cli::runEval, {"--model", out, "--train", dir, "--recordings", dir}),
             1);  // --train without --baseline
  }

private:
  QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRecordingsCli)
#include "test_recordings_cli.moc"
