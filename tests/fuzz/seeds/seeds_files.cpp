// Seeds the studio's and the kernel's own writers make: models (.dlm), projects (.dlmproj,
// including an autosave) and autosave journals, from the captured session's events.

#include <QColor>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstring>

#include "app/import_export/exporter.h"
#include "app/persistence/event_codec.h"
#include "app/persistence/project.h"
#include "app/persistence/recovery_manager.h"
#include "app/session/session.h"
#include "core/model_format.h"
#include "core/network.h"
#include "devices/firmware/firmware_app.h"
#include "devices/simulator/vibration_source.h"
#include "tests/core/blobs.h"
#include "tests/fuzz/seeds/seeds.h"

namespace dlm::fuzz::seeds {

namespace {

constexpr const char* kModel = "core/model_format";
constexpr const char* kProject = "app/persistence/project";
constexpr const char* kJournal = "app/persistence/journal";
constexpr const char* kClassNames[] = {"shake", "circle", "tap"};
// Raw windows are cut to this many frames: real signal, small seeds.
constexpr std::uint32_t kRawFrames = 60;

struct Box {
  std::vector<std::max_align_t> arena;
  Network net;
  explicit Box(const Capacity& cap)
      : arena(Network::arenaBytes(cap) / sizeof(std::max_align_t) + 1) {
    net.init(cap, arena.data(), arena.size() * sizeof(std::max_align_t));
  }
};

Bytes save(const Network& net, const FrontEndConfig* frontEnd = nullptr) {
  ClassName names[kMaxClasses] = {};
  for (int k = 0; k < net.classes() && k < 3; ++k)
    std::strncpy(names[k].text, kClassNames[k], kClassNameBytes);
  Bytes out(modelBytes(net, frontEnd));
  std::size_t written = 0;
  if (saveModel(net, names, out.data(), out.size(), &written, frontEnd) != Status::Ok) return {};
  out.resize(written);
  return out;
}

// Descriptors of the vibration demo's machine (healthy, bearing, imbalance) by the vibration
// front-end, learned: a spectral model (format 4).
Bytes spectralModel() {
  const FrontEndConfig fe = spectralFrontEnd(vibrationSpectral(6400, 1));
  EventFrontEnd runner;
  std::vector<unsigned char> work(EventFrontEnd::workBytes(fe) + 1);
  if (runner.init(fe, work.data(), work.size()) != Status::Ok) return {};
  Capacity cap;
  cap.maxDims = fe.dims();
  cap.maxNeurons = 16;
  cap.exactReadout = false;
  Box box(cap);
  box.net.reset(fe.dims(), 3);
  const firmware::MachineFault faults[] = {firmware::MachineFault::None, firmware::MachineFault::Bearing,
                                 firmware::MachineFault::Imbalance};
  std::vector<std::int16_t> window(1900);
  std::vector<float> x(fe.dims());
  for (int i = 0; i < 6; ++i) {
    firmware::VibrationConfig vc;
    vc.seed = std::uint32_t(1 + i);
    vc.fault = faults[i % 3];
    firmware::VibrationSource source(vc);
    source.generate(window.data(), std::uint32_t(window.size()));
    runner.compute(window.data(), std::uint32_t(window.size()), x.data(), x.size());
    box.net.learn(x.data(), i % 3);
  }
  return save(box.net, &fe);
}

// XOR of two signs among noise, rebuilt: a model whose deeper layers were kept.
Bytes deepModel() {
  const test::Events e = test::xorSigns(300, 7);
  Capacity cap = test::smallCapacity(e.dims, e.rows());
  cap.maxNeurons = 24;
  Box box(cap);
  box.net.reset(e.dims, 2);
  for (int i = 0; i < e.rows(); ++i) box.net.learn(e.row(i), e.y[std::size_t(i)]);
  box.net.rebuild();
  return save(box.net);
}

// The host model again with learned known-set scales (format 3).
Bytes scaledModel(const Bytes& model) {
  Box box(firmware::FirmwareApp::kCapacity);
  if (loadModel(model.data(), model.size(), box.net, nullptr) != Status::Ok) return {};
  std::vector<float> scales(std::size_t(box.net.dims()));
  for (std::size_t i = 0; i < scales.size(); ++i) scales[i] = 0.5f + float(i % 5) * 0.25f;
  box.net.setKnownScales(scales.data());
  return save(box.net);
}

app::SessionEvent sessionEvent(const Capture& c, const protocol::Event& e) {
  app::SessionEvent s;
  s.boardSample = e.startSample;
  s.channels = quint8(c.channels);
  s.wallClockMs = 1767225600000 + qint64(e.startSample);  // 2026-01-01 + the stream's time
  const std::size_t first = std::size_t(e.startSample - c.signalStart) * std::size_t(c.channels);
  const std::size_t n = std::size_t(kRawFrames) * std::size_t(c.channels);
  if (e.startSample >= c.signalStart && first + n <= c.signal.size()) {
    s.frames = kRawFrames;
    s.raw = QVector<qint16>(c.signal.begin() + long(first), c.signal.begin() + long(first + n));
  }
  s.descriptor = QVector<float>(e.descriptor, e.descriptor + e.dims);
  s.board.classIndex = e.predictedClass;
  s.board.bestClass = e.bestClass;
  s.board.confidence = e.confidence;
  s.board.knownScore = e.knownScore;
  s.board.valid = true;
  return s;
}

app::SessionState sessionState(const Capture& c) {
  app::SessionState state;
  state.sessionId = QUuid::fromString(QStringLiteral("6f9d3c1e-2b4a-4f1e-9c3d-1a2b3c4d5e6f"));
  const QColor colours[] = {QColor(0xd6, 0x27, 0x28), QColor(0x1f, 0x77, 0xb4),
                            QColor(0x2c, 0xa0, 0x2c)};
  for (int k = 0; k < 3; ++k) state.classes << app::ClassInfo{kClassNames[k], colours[k]};
  const int tags[] = {0, 1, app::kOutlier, app::kUntagged};
  for (std::size_t i = 0; i < c.events.size() && i < 4; ++i) {
    app::SessionEvent e = sessionEvent(c, c.events[i]);
    e.id = int(i) + 1;
    e.tag = tags[i];
    e.learned = i == 0;
    state.insert(e);
  }
  return state;
}

app::ProjectExtras extras(const Capture& c) {
  app::ProjectExtras x;
  x.settings = QJsonObject{{QStringLiteral("triggerThreshold"), 600.0},
                           {QStringLiteral("rejection"), 0.1}};
  x.modelBytes = QByteArray(reinterpret_cast<const char*>(c.hostModel.data()),
                            qsizetype(c.hostModel.size()));
  x.journalSequence = 7;
  app::GrowthPoint p;
  p.eventsLearned = 1;
  p.depth = 1;
  p.neuronsPerLayer = {1};
  p.learnMicros = 41.5;
  p.prequentialAccuracy = 0.0;
  x.growth << p;
  p.eventsLearned = 2;
  p.neuronsPerLayer = {2};
  p.prequentialAccuracy = 0.5;
  p.rebuild = true;
  x.growth << p;
  x.layout = QByteArray("\x00\x00\x00\xff\x00\x00\x00\x01", 8);
  return x;
}

Bytes readFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QByteArray b = f.readAll();
  return Bytes(b.begin(), b.end());
}

// A format 2 file without growth history and layout, rewritten as format 1 (which ends after
// the model): what Deeplomath Studio 0.1 saved.
Bytes formatOne(Bytes v2) {
  const Bytes tail = {'G', 'R', 'O', 'W', 0, 0, 0, 0, 'L', 'A', 'Y', 'T', 0, 0, 0, 0};
  const auto at = std::search(v2.begin(), v2.end(), tail.begin(), tail.end());
  if (at == v2.end()) return {};
  v2.erase(at, at + long(tail.size()));
  v2[8] = 1;  // version (u16 after the 8-byte magic)
  v2[9] = 0;
  const std::uint32_t crc = app::codec::crc32(v2.data(), v2.size() - 4);
  for (int i = 0; i < 4; ++i) v2[v2.size() - 4 + std::size_t(i)] = std::uint8_t(crc >> (8 * i));
  return v2;
}

void writeProjects(const Capture& c, const QString& dir, Corpus& corpus) {
  const QString path = dir + QStringLiteral("/session.dlmproj");
  QString error;
  app::Project::save(path, sessionState(c), extras(c), &error);
  corpus.write(kProject, "session.dlmproj", readFile(path));
  // The studio's dataset export (File > Export dataset), a CSV seed.
  const QString csv = dir + QStringLiteral("/export.csv");
  int rows = 0;
  int skipped = 0;
  app::Exporter::exportDatasetCsv(sessionState(c), csv, &rows, &skipped, &error);
  corpus.write("app/data/csv", "studio-export.csv", readFile(csv));
  app::SessionState empty;
  empty.sessionId = QUuid::fromString(QStringLiteral("0b5c7e2a-9d1f-4c3b-8a6e-5f4d3c2b1a09"));
  app::Project::save(path, empty, app::ProjectExtras(), &error);
  const Bytes emptyBytes = readFile(path);
  corpus.write(kProject, "empty.dlmproj", emptyBytes);
  corpus.write(kProject, "format1-empty.dlmproj", formatOne(emptyBytes));
}

// The edits a user makes, journaled by RecoveryManager as the studio does.
void edit(app::Session& s, const Capture& c, std::size_t from, std::size_t count) {
  if (s.classCount() == 0) {
    s.createClass(QStringLiteral("shake"));
    s.createClass(QStringLiteral("circle"));
  }
  QVector<int> ids;
  for (std::size_t i = from; i < from + count && i < c.events.size(); ++i)
    ids << s.addEvent(sessionEvent(c, c.events[i]));
  if (ids.size() < 3) return;
  s.tag(ids[0], 0);
  s.tag(ids[1], 1);
  s.markOutlier(ids[2]);
  s.renameClass(1, QStringLiteral("circle-2"));
  s.recolourClass(0, QColor(200, 10, 40));
  s.discard(ids[1]);
  s.undoStack()->undo();  // the discard
  s.createClass(QStringLiteral("tap"));
  s.undoStack()->undo();  // the new class
}

void writeJournals(const Capture& c, const QString& dir, Corpus& corpus) {
  app::Session session;
  app::RecoveryManager rm(&session);
  rm.setRecoveryDirectory(dir);
  rm.setDurable(false);
  QString error;
  rm.start(QString(), 0, &error);
  edit(session, c, 0, 3);
  const Bytes untitled = readFile(rm.journalPath());
  corpus.write(kJournal, "untitled.journal", untitled);
  corpus.write(kJournal, "torn-tail.journal", Bytes(untitled.begin(), untitled.end() - 3));
  rm.saveProject(dir + QStringLiteral("/saved.dlmproj"), &error);
  edit(session, c, 3, 3);
  corpus.write(kJournal, "after-save.journal", readFile(rm.journalPath()));
  rm.snapshotNow(&error);
  for (const QString& name : QDir(dir).entryList({QStringLiteral("*.autosave")}))
    corpus.write(kProject, "autosave.dlmproj", readFile(dir + QLatin1Char('/') + name));
  corpus.write(kJournal, "after-snapshot.journal", readFile(rm.journalPath()));
}

} // namespace

Bytes modelFromEvents(const std::vector<protocol::Event>& events) {
  Box box(firmware::FirmwareApp::kCapacity);
  if (events.empty()) return {};
  box.net.reset(events.front().dims, 3);
  for (std::size_t i = 0; i < events.size(); ++i) box.net.learn(events[i].descriptor, int(i % 3));
  return save(box.net);
}

void writeModelSeeds(const Capture& c, Corpus& corpus) {
  corpus.write(kModel, "host-motion.dlm", c.hostModel);
  corpus.write(kModel, "board-learned.dlm", c.boardModel);
  corpus.write(kModel, "motion-scaled.dlm", scaledModel(c.hostModel));
  corpus.write(kModel, "vibration-spectral.dlm", spectralModel());
  corpus.write(kModel, "xor-deep.dlm", deepModel());
}

void writePersistenceSeeds(const Capture& c, Corpus& corpus) {
  QTemporaryDir dir;
  writeProjects(c, dir.path(), corpus);
  writeJournals(c, dir.path(), corpus);
}

} // namespace dlm::fuzz::seeds
