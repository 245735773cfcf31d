// Fuzz target: the autosave journal (app/persistence/journal.cpp) and its replay, the door of
// crash recovery: the studio reads what a previous run left behind, whatever state it is in.
// The input is a journal file (the seed corpus holds real ones written by RecoveryManager:
// events added and discarded, tags, classes added, renamed and removed, a torn last record).
//
// Each input is read as it is and with the CRC of every record made right, so that mutations
// of the records are not all stopped by their checksums; then its records are replayed onto
// an empty session as recovery does for an untitled one (a base file the header names is not
// opened: the project loader has its own target). Checked: the replayed session is
// consistent (ids increasing, tags naming classes, learned events tagged, at most
// Session::kMaxClasses classes with names and valid colours), and it saves as a project that
// opens again: recovering a journal never yields a session that cannot be saved and reopened.

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "app/persistence/event_codec.h"
#include "app/persistence/journal.h"
#include "app/persistence/project.h"
#include "app/session/session.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm::app;

namespace {

constexpr qsizetype kPrologue = 8 + 6;  // magic, version, header length

void checkState(const SessionState& s) {
  int previous = 0;
  for (const SessionEvent& e : s.events) {
    DLM_FUZZ_CHECK(e.id > previous && e.id < s.nextEventId, "event ids out of order");
    DLM_FUZZ_CHECK(s.validTag(e.tag), "a tag that names no class");
    DLM_FUZZ_CHECK(!e.learned || e.tag >= 0, "a learned event without a class");
    previous = e.id;
  }
  DLM_FUZZ_CHECK(s.classes.size() <= Session::kMaxClasses, "more classes than a session holds");
  for (const ClassInfo& c : s.classes) {
    DLM_FUZZ_CHECK(!c.name.trimmed().isEmpty() && c.colour.isValid(), "an invalid class");
  }
}

void checkReopens(const SessionState& state) {
  const QString path =
      QString::fromStdString(dlm::fuzz::ScratchDirectory::instance().path("recovered.dlmproj"));
  QString error;
  DLM_FUZZ_CHECK(Project::save(path, state, ProjectExtras(), &error),
                 "a recovered session cannot be saved");
  ProjectData again;
  const bool reopened = Project::read(path, &again, &error);
  if (!reopened) std::fprintf(stderr, "%s\n", qPrintable(error));
  DLM_FUZZ_CHECK(reopened, "a recovered session, saved, does not open again");
  DLM_FUZZ_CHECK(again.state.events.size() == state.events.size() &&
                     again.state.classes.size() == state.classes.size(),
                 "a recovered session opens with other content");
}

void exercise(const QByteArray& bytes) {
  Journal::Contents contents;
  QString error;
  if (!Journal::read(bytes, QStringLiteral("fuzz.journal"), &contents, &error)) {
    DLM_FUZZ_CHECK(!error.isEmpty(), "a refused journal without a message");
    return;
  }
  DLM_FUZZ_CHECK(contents.ignoredBytes >= 0 && contents.ignoredBytes <= bytes.size(),
                 "ignored bytes");
  SessionState state;
  state.sessionId = contents.header.sessionId;
  Journal::Replay replay;
  if (!Journal::replay(contents.records, contents.header.baseSequence, state, &replay)) {
    DLM_FUZZ_CHECK(replay.missingFrom <= replay.missingTo, "the missing records");
    return;
  }
  checkState(state);
  checkReopens(state);
}

// The journal with the CRC of every whole record recomputed (records as Journal::read walks
// them: length, CRC, then the body the length covers).
QByteArray withRecordCrcsFixed(QByteArray bytes) {
  if (bytes.size() < kPrologue) return bytes;
  const quint32 header = qFromLittleEndian<quint32>(bytes.constData() + 10);
  if (header > quint32(bytes.size() - kPrologue)) return bytes;
  qsizetype pos = kPrologue + qsizetype(header);
  while (bytes.size() - pos >= 8) {
    const quint32 length = qFromLittleEndian<quint32>(bytes.constData() + pos);
    if (length < 9 || length > quint32(bytes.size() - pos - 8)) break;
    const std::uint32_t crc = codec::crc32(bytes.constData() + pos + 8, length);
    qToLittleEndian<quint32>(crc, bytes.data() + pos + 4);
    pos += 8 + qsizetype(length);
  }
  return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
  exercise(bytes);
  const QByteArray fixed = withRecordCrcsFixed(bytes);
  if (fixed != bytes) exercise(fixed);
  return 0;
}
