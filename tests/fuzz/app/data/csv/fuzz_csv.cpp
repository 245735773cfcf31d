// Fuzz target: the CSV readers, the door of every table a user hands the tools: datasets
// (app/data/csv.cpp: `dlm learn`, `dlm eval`), samples recordings (app/data/recordings_scan.cpp:
// recording folders) and the studio's recording import (app/import_export/importer.cpp, which
// then runs the board's event pipeline over the signal). The input is a CSV file (the seed
// corpus holds real ones: a dataset export, `dlm record` samples and events files, a studio
// import with a time column, quoted fields, decimal commas, a BOM, CRLF).
//
// Checked: a refused file says why; an accepted dataset is consistent (rows x dims finite
// features, labels naming classes, one name per column or none) and writes back (writeCsv)
// to a file that reads as the same dataset, bit for bit; a samples file and an import give
// whole frames, and their events lie inside the signal.

#include <QString>
#include <QStringList>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "app/data/csv.h"
#include "app/data/recordings.h"
#include "app/import_export/importer.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm;

namespace {

void checkDataset(const data::Dataset& d) {
  DLM_FUZZ_CHECK(d.rows >= 0 && d.dims >= 0 && d.features.size() == std::size_t(d.rows) *
                                                                        std::size_t(d.dims),
                 "features are not rows x dims");
  DLM_FUZZ_CHECK(d.labels.size() == std::size_t(d.rows), "one label per row");
  for (int label : d.labels) {
    DLM_FUZZ_CHECK(label >= -1 && label < int(d.classNames.size()), "a label names no class");
  }
  for (float v : d.features) DLM_FUZZ_CHECK(std::isfinite(v), "a feature is not finite");
  DLM_FUZZ_CHECK(d.featureNames.empty() || d.featureNames.size() == std::size_t(d.dims),
                 "feature names");
}

void checkWritesBack(const data::Dataset& d) {
  const std::string path = fuzz::ScratchDirectory::instance().path("again.csv");
  std::string error;
  DLM_FUZZ_CHECK(data::writeCsv(d, path, error), "an accepted dataset cannot be written");
  data::Dataset again;
  DLM_FUZZ_CHECK(data::readCsv(path, data::CsvOptions(), again, error),
                 "a written dataset does not read back");
  DLM_FUZZ_CHECK(again.rows == d.rows && again.dims == d.dims && again.labels == d.labels &&
                     again.classNames == d.classNames,
                 "a written dataset reads back with other rows, labels or classes");
  DLM_FUZZ_CHECK(std::memcmp(again.features.data(), d.features.data(),
                             d.features.size() * sizeof(float)) == 0,
                 "a written dataset reads back with other features");
}

void readDataset(const std::string& path) {
  data::Dataset d;
  std::string error;
  if (data::readCsv(path, data::CsvOptions(), d, error)) {
    checkDataset(d);
    checkWritesBack(d);
  } else {
    DLM_FUZZ_CHECK(!error.empty(), "a refused dataset without a message");
  }
  data::CsvOptions unlabelled;
  unlabelled.label.clear();
  unlabelled.maxLabelBytes = 31;
  data::Dataset u;
  if (data::readCsv(path, unlabelled, u, error)) checkDataset(u);
}

void readSamples(const std::string& path) {
  data::Signal s;
  bool skip = false;
  std::string error;
  if (!data::readSignal(path, s, skip, error)) return;
  DLM_FUZZ_CHECK(s.channels > 0 &&
                     s.samples.size() >= std::size_t(s.frames) * std::size_t(s.channels),
                 "a samples file without whole frames");
  for (const data::EventSpan& e : data::findEvents(s, 2048, 0.0f)) {
    DLM_FUZZ_CHECK(e.frames > 0 && e.start < s.frames && e.frames <= s.frames - e.start,
                   "an event outside the signal");
  }
}

void import(const std::string& path) {
  app::Recording recording;
  QStringList warnings;
  QString error;
  const app::ImportOptions options;
  if (!app::Importer::readCsv(QString::fromStdString(path), options, &recording, &warnings,
                              &error)) {
    DLM_FUZZ_CHECK(!error.isEmpty(), "a refused import without a message");
    return;
  }
  DLM_FUZZ_CHECK(recording.channels > 0 && recording.sampleRateHz > 0 &&
                     recording.samples.size() % recording.channels == 0,
                 "an import without whole frames");
  const app::ImportResult result = app::Importer::detectEvents(recording, options);
  for (const app::SessionEvent& e : result.events) {
    DLM_FUZZ_CHECK(qint64(e.frames) * e.channels == e.raw.size(), "an imported event's window");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = fuzz::ScratchDirectory::instance().write("input.csv", data, size);
  readDataset(path);
  readSamples(path);
  import(path);
  return 0;
}
