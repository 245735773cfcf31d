// Fuzz target: the project loader (app/persistence/project.cpp), the door of every .dlmproj
// file the studio opens, and of the autosaves crash recovery starts from. The input is a
// project file (the seed corpus holds real ones: formats 1 and 2, with and without a model,
// raw windows, a growth history and a layout).
//
// Each input is read as it is and with its trailing CRC-32 made right, so that mutations of
// the content are not all stopped by the checksum. Checked: a file that is refused says why;
// a file that is accepted holds a consistent session (ids strictly increasing and below the
// next id, tags naming classes, learned events tagged, raw windows of frames x channels);
// and it saves and opens again with the same content, so accepting it loses nothing later.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/persistence/event_codec.h"
#include "app/persistence/project.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm::app;

namespace {

void checkState(const SessionState& s) {
  int previous = 0;
  for (const SessionEvent& e : s.events) {
    DLM_FUZZ_CHECK(e.id > previous && e.id < s.nextEventId, "event ids out of order");
    DLM_FUZZ_CHECK(s.validTag(e.tag), "a tag that names no class");
    DLM_FUZZ_CHECK(!e.learned || e.tag >= 0, "a learned event without a class");
    DLM_FUZZ_CHECK(e.raw.isEmpty() || qint64(e.frames) * e.channels == e.raw.size(),
                   "a raw window that is not frames x channels");
    previous = e.id;
  }
}

void checkReopens(const ProjectData& data) {
  const std::string path = dlm::fuzz::ScratchDirectory::instance().path("reopen.dlmproj");
  QString error;
  DLM_FUZZ_CHECK(Project::save(QString::fromStdString(path), data.state, data.extras, &error),
                 "an accepted project cannot be saved");
  ProjectData again;
  const bool reopened = Project::read(QString::fromStdString(path), &again, &error);
  if (!reopened) std::fprintf(stderr, "%s\n", qPrintable(error));
  DLM_FUZZ_CHECK(reopened, "an accepted project, saved, does not open again");
  DLM_FUZZ_CHECK(again.state.events.size() == data.state.events.size() &&
                     again.state.classes.size() == data.state.classes.size() &&
                     again.state.nextEventId == data.state.nextEventId &&
                     again.state.sessionId == data.state.sessionId &&
                     again.extras.modelBytes == data.extras.modelBytes &&
                     again.extras.growth.size() == data.extras.growth.size() &&
                     again.extras.layout == data.extras.layout,
                 "a saved project opens with other content");
  for (std::size_t i = 0; i < data.state.events.size(); ++i) {
    const SessionEvent& a = data.state.events[i];
    const SessionEvent& b = again.state.events[i];
    DLM_FUZZ_CHECK(a.id == b.id && a.tag == b.tag && a.learned == b.learned && a.raw == b.raw &&
                       a.frames == b.frames && a.channels == b.channels,
                   "an event changed on saving and opening again");
  }
}

void exercise(const QByteArray& bytes) {
  ProjectData data;
  QString error;
  if (!Project::read(bytes, QStringLiteral("fuzz.dlmproj"), &data, &error)) {
    DLM_FUZZ_CHECK(!error.isEmpty(), "a refused project without a message");
    return;
  }
  checkState(data.state);
  checkReopens(data);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
  exercise(bytes);
  if (size < 4) return 0;
  // The same bytes with the file's checksum (its last 4 bytes) made right.
  QByteArray fixed = bytes;
  const std::uint32_t crc = codec::crc32(fixed.constData(), size - 4);
  for (int i = 0; i < 4; ++i) fixed[qsizetype(size) - 4 + i] = char(crc >> (8 * i));
  if (fixed != bytes) exercise(fixed);
  return 0;
}
