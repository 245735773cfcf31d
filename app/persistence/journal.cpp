#include "app/persistence/journal.h"

#include <QColor>
#include <QDataStream>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <climits>
#include <cstring>

#include "app/persistence/event_codec.h"
#include "app/session/session.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace dlm::app {

namespace {

constexpr char kMagic[8] = {'D', 'L', 'M', 'J', 'R', 'N', 'L', '\0'};
constexpr quint16 kJournalVersion = 1;
constexpr quint32 kMaxRecordBytes = 64u << 20;
constexpr quint32 kMaxHeaderBytes = 1u << 20;
constexpr int kFrameBytes = 8;  // length + CRC

template <typename Fill>
JournalRecord record(JournalRecordType type, Fill fill) {
  JournalRecord r;
  r.type = type;
  QDataStream out(&r.body, QIODevice::WriteOnly);
  codec::setup(out);
  fill(out);
  return r;
}

void writeClass(QDataStream& out, int index, const ClassInfo& info) {
  out << qint32(index) << info.name << quint32(info.colour.rgba());
}

// The rules a project file holds a session to (project.cpp): a record that would break one
// does not fit, since the recovered session could then be saved but never opened again.
bool eventFits(const SessionState& state, const SessionEvent& e) {
  return e.id > 0 && e.id < INT_MAX && state.rowOf(e.id) < 0 && state.validTag(e.tag) &&
         !(e.learned && e.tag < 0);
}

bool applyEventEdit(JournalRecordType type, QDataStream& in, SessionState& state) {
  qint32 id = 0;
  qint32 tag = 0;
  in >> id;
  if (type == JournalRecordType::TagChanged) in >> tag;
  const int row = state.rowOf(id);
  if (in.status() != QDataStream::Ok || row < 0) return false;
  if (type == JournalRecordType::EventRemoved) {
    state.events.erase(state.events.begin() + row);
    return true;
  }
  if (!state.validTag(tag)) return false;
  state.setTag(row, tag);
  return true;
}

bool applyClassEdit(JournalRecordType type, QDataStream& in, SessionState& state) {
  qint32 index = 0;
  QString name;
  quint32 rgba = 0;
  in >> index;
  if (type == JournalRecordType::ClassRemoved) {
    // Only the last class, and only while no event is tagged with it (an undone creation).
    const bool tagged = std::any_of(state.events.begin(), state.events.end(),
                                    [&](const SessionEvent& e) { return e.tag == index; });
    if (in.status() != QDataStream::Ok || index != state.classes.size() - 1 || tagged)
      return false;
    state.classes.removeLast();
    return true;
  }
  in >> name >> rgba;
  if (in.status() != QDataStream::Ok || name.trimmed().isEmpty()) return false;
  const ClassInfo info{name, QColor::fromRgba(rgba)};
  if (type == JournalRecordType::ClassAdded) {
    if (index != state.classes.size() || state.classes.size() >= Session::kMaxClasses)
      return false;
    state.classes.append(info);
    return true;
  }
  if (index < 0 || index >= state.classes.size()) return false;
  state.classes[index] = info;
  return true;
}

bool syncToDisk(QFile& file) {
#ifdef Q_OS_UNIX
  return ::fdatasync(file.handle()) == 0;
#else
  Q_UNUSED(file);
  return true;
#endif
}

} // namespace

// ---- encoding ----------------------------------------------------------------------------

JournalRecord Journal::eventAdded(const SessionEvent& event) {
  return record(JournalRecordType::EventAdded,
                [&](QDataStream& out) { codec::writeEvent(out, event); });
}

JournalRecord Journal::eventRemoved(int id) {
  return record(JournalRecordType::EventRemoved, [&](QDataStream& out) { out << qint32(id); });
}

JournalRecord Journal::tagChanged(int id, int tag) {
  return record(JournalRecordType::TagChanged,
                [&](QDataStream& out) { out << qint32(id) << qint32(tag); });
}

JournalRecord Journal::classAdded(int index, const ClassInfo& info) {
  return record(JournalRecordType::ClassAdded,
                [&](QDataStream& out) { writeClass(out, index, info); });
}

JournalRecord Journal::classRemoved(int index) {
  return record(JournalRecordType::ClassRemoved, [&](QDataStream& out) { out << qint32(index); });
}

JournalRecord Journal::classChanged(int index, const ClassInfo& info) {
  return record(JournalRecordType::ClassChanged,
                [&](QDataStream& out) { writeClass(out, index, info); });
}

QByteArray Journal::frame(const JournalRecord& r) {
  // [length u32][crc u32][sequence u64][type u8][body]; CRC and length cover sequence..body.
  QByteArray payload(qsizetype(9) + r.body.size(), Qt::Uninitialized);
  qToLittleEndian<quint64>(r.sequence, payload.data());
  payload[8] = char(r.type);
  std::memcpy(payload.data() + 9, r.body.constData(), std::size_t(r.body.size()));
  QByteArray framed(kFrameBytes, Qt::Uninitialized);
  qToLittleEndian<quint32>(quint32(payload.size()), framed.data());
  qToLittleEndian<quint32>(codec::crc32(payload.constData(), std::size_t(payload.size())),
                           framed.data() + 4);
  return framed + payload;
}

// ---- writing ------------------------------------------------------------------------------

bool Journal::create(const QString& path, const JournalHeader& header,
                     const QVector<JournalRecord>& records, QString* error) {
  m_file.close();
  const QString name = QFileInfo(path).fileName();
  QJsonObject h;
  h[QStringLiteral("sessionId")] = header.sessionId.toString(QUuid::WithoutBraces);
  h[QStringLiteral("basePath")] = header.basePath;
  h[QStringLiteral("baseSequence")] = double(header.baseSequence);
  h[QStringLiteral("projectPath")] = header.projectPath;
  h[QStringLiteral("created")] = header.created.toUTC().toString(Qt::ISODateWithMs);
  const QByteArray json = QJsonDocument(h).toJson(QJsonDocument::Compact);
  QByteArray bytes(kMagic, sizeof kMagic);
  QByteArray prologue(6, Qt::Uninitialized);
  qToLittleEndian<quint16>(kJournalVersion, prologue.data());
  qToLittleEndian<quint32>(quint32(json.size()), prologue.data() + 2);
  bytes += prologue + json;
  for (const JournalRecord& r : records) bytes += frame(r);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = tr("Cannot write the autosave journal “%1”: %2")
                            .arg(name, file.errorString());
    return false;
  }
  m_file.setFileName(path);
  if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
    if (error) *error = tr("Cannot open the autosave journal “%1”: %2")
                            .arg(name, m_file.errorString());
    return false;
  }
  return true;
}

bool Journal::append(const QVector<JournalRecord>& records, QString* error) {
  if (!m_file.isOpen() || records.isEmpty()) return m_file.isOpen();
  QByteArray bytes;
  for (const JournalRecord& r : records) bytes += frame(r);
  // One write per batch: a kill can only tear the last record, which reading tolerates.
  const bool ok = m_file.write(bytes) == bytes.size() && m_file.flush() &&
                  (!m_durable || syncToDisk(m_file));
  if (!ok && error) {
    *error = tr("Cannot append to the autosave journal “%1”: %2")
                 .arg(QFileInfo(m_file.fileName()).fileName(), m_file.errorString());
  }
  return ok;
}

// ---- reading ------------------------------------------------------------------------------

bool Journal::read(const QString& path, Contents* out, QString* error) {
  const QString name = QFileInfo(path).fileName();
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = tr("Cannot open the autosave journal “%1”: %2")
                            .arg(name, file.errorString());
    return false;
  }
  return read(file.readAll(), name, out, error);
}

bool Journal::read(const QByteArray& all, const QString& name, Contents* out, QString* error) {
  const qsizetype prologue = qsizetype(sizeof kMagic) + 6;
  if (all.size() < prologue || std::memcmp(all.constData(), kMagic, sizeof kMagic) != 0) {
    if (error) *error = tr("“%1” is not an autosave journal.").arg(name);
    return false;
  }
  const quint16 version = qFromLittleEndian<quint16>(all.constData() + sizeof kMagic);
  const quint32 headerBytes = qFromLittleEndian<quint32>(all.constData() + sizeof kMagic + 2);
  if (version != kJournalVersion || headerBytes > kMaxHeaderBytes ||
      prologue + qsizetype(headerBytes) > all.size()) {
    if (error) *error = tr("The autosave journal “%1” has an unreadable header.").arg(name);
    return false;
  }
  const QJsonObject h = QJsonDocument::fromJson(all.mid(prologue, headerBytes)).object();
  Contents c;
  c.header.sessionId = QUuid::fromString(h.value(QStringLiteral("sessionId")).toString());
  c.header.basePath = h.value(QStringLiteral("basePath")).toString();
  c.header.baseSequence = quint64(codec::jsonCount(h.value(QStringLiteral("baseSequence")), 0));
  c.header.projectPath = h.value(QStringLiteral("projectPath")).toString();
  c.header.created = QDateTime::fromString(h.value(QStringLiteral("created")).toString(),
                                           Qt::ISODateWithMs);
  // Every journal names its session: without it the recovered session could be neither
  // matched with its base file nor saved as a project that opens again.
  if (c.header.sessionId.isNull()) {
    if (error) *error = tr("The autosave journal “%1” has an unreadable header.").arg(name);
    return false;
  }
  qsizetype pos = prologue + qsizetype(headerBytes);
  while (all.size() - pos >= kFrameBytes) {
    const quint32 length = qFromLittleEndian<quint32>(all.constData() + pos);
    const quint32 crc = qFromLittleEndian<quint32>(all.constData() + pos + 4);
    const qsizetype start = pos + kFrameBytes;
    if (length < 9 || length > kMaxRecordBytes || start + qsizetype(length) > all.size() ||
        codec::crc32(all.constData() + start, length) != crc) {
      break;  // torn (or damaged) tail: everything before it is intact
    }
    JournalRecord r;
    r.sequence = qFromLittleEndian<quint64>(all.constData() + start);
    r.type = JournalRecordType(quint8(all[start + 8]));
    r.body = all.mid(start + 9, qsizetype(length) - 9);
    c.records << r;
    pos = start + qsizetype(length);
  }
  c.ignoredBytes = all.size() - pos;
  *out = std::move(c);
  return true;
}

bool Journal::replay(const QVector<JournalRecord>& records, quint64 base, SessionState& state,
                     Replay* out) {
  Replay done;
  done.last = base;
  for (const JournalRecord& r : records) {
    if (r.sequence <= done.last) continue;
    if (r.sequence != done.last + 1) {
      done.missingFrom = done.last + 1;
      done.missingTo = r.sequence - 1;
      *out = done;
      return false;
    }
    done.last = r.sequence;
    done.touchedTags = done.touchedTags || r.type == JournalRecordType::TagChanged ||
                       r.type == JournalRecordType::EventRemoved;
    if (!apply(r, state, nullptr)) ++done.skipped;
  }
  *out = done;
  return true;
}

bool Journal::apply(const JournalRecord& r, SessionState& state, QString* problem) {
  QDataStream in(r.body);
  codec::setup(in);
  bool fits = false;
  switch (r.type) {
  case JournalRecordType::EventAdded: {
    SessionEvent e;
    if (!codec::readEvent(in, e, problem)) return false;
    fits = eventFits(state, e);
    if (fits) state.insert(std::move(e));
    break;
  }
  case JournalRecordType::EventRemoved:
  case JournalRecordType::TagChanged:
    fits = applyEventEdit(r.type, in, state);
    break;
  case JournalRecordType::ClassAdded:
  case JournalRecordType::ClassChanged:
  case JournalRecordType::ClassRemoved:
    fits = applyClassEdit(r.type, in, state);
    break;
  }
  if (!fits && problem) *problem = tr("record %1 does not fit the session").arg(r.sequence);
  return fits;
}

} // namespace dlm::app
