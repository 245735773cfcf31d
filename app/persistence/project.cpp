#include "app/persistence/project.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <climits>
#include <cstring>

#include "app/persistence/event_codec.h"
#include "app/session/session.h"
#include "core/model_format.h"

#ifndef DLM_STUDIO_VERSION
#define DLM_STUDIO_VERSION "0.0.0"
#endif

namespace dlm::app {

namespace {

constexpr char kMagic[8] = {'D', 'L', 'M', 'P', 'R', 'O', 'J', '\0'};
constexpr quint32 kMaxHeaderBytes = 16u << 20;
constexpr quint32 kMaxModelBytes = 256u << 20;
// Bytes of an event with an empty raw window and descriptor: bounds a corrupt event count.
constexpr qint64 kMinEventBytes = 4 + 8 + 4 + 4 + 1 + 4 + 1 + 4 + 1 + 2 * 17 + 4 + 4;

constexpr quint32 fourCc(const char (&s)[5]) {
  return quint32(quint8(s[0])) | quint32(quint8(s[1])) << 8 | quint32(quint8(s[2])) << 16 |
         quint32(quint8(s[3])) << 24;
}
constexpr quint32 kEventsTag = fourCc("EVTS");
constexpr quint32 kModelTag = fourCc("MODL");
constexpr quint32 kGrowthTag = fourCc("GROW");
constexpr quint32 kLayoutTag = fourCc("LAYT");
constexpr quint32 kMaxLayoutBytes = 16u << 20;
constexpr quint32 kEndTag = fourCc("END.");

QJsonObject headerOf(const SessionState& state, const ProjectExtras& extras) {
  QJsonArray classes;
  for (const ClassInfo& c : state.classes) {
    classes.append(QJsonObject{{QStringLiteral("name"), c.name},
                               {QStringLiteral("colour"), c.colour.name(QColor::HexRgb)}});
  }
  quint32 modelCrc = 0;
  ModelInfo info;
  const auto* model = reinterpret_cast<const std::uint8_t*>(extras.modelBytes.constData());
  if (!extras.modelBytes.isEmpty() &&
      inspectModel(model, std::size_t(extras.modelBytes.size()), &info) == Status::Ok) {
    modelCrc = info.crc;
  }
  QJsonObject h;
  h[QStringLiteral("application")] = QStringLiteral("Deeplomath Studio");
  h[QStringLiteral("appVersion")] = QStringLiteral(DLM_STUDIO_VERSION);
  h[QStringLiteral("formatVersion")] = int(Project::kFormatVersion);
  h[QStringLiteral("savedAt")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
  h[QStringLiteral("sessionId")] = state.sessionId.toString(QUuid::WithoutBraces);
  h[QStringLiteral("journalSequence")] = double(extras.journalSequence);
  h[QStringLiteral("nextEventId")] = state.nextEventId;
  h[QStringLiteral("eventCount")] = double(state.events.size());
  h[QStringLiteral("classes")] = classes;
  h[QStringLiteral("settings")] = extras.settings;
  h[QStringLiteral("model")] = QJsonObject{{QStringLiteral("bytes"), extras.modelBytes.size()},
                                          {QStringLiteral("crc"), double(modelCrc)}};
  return h;
}

// Reads one project file; every failure sets a message naming the file and the part.
class Reader {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Project)

public:
  Reader(QIODevice& file, QString name) : m_file(file), m_in(&file), m_name(std::move(name)) {
    codec::setup(m_in);
  }
  bool run(ProjectData& out);
  QString error;

private:
  bool fail(const QString& message) {
    error = message;
    return false;
  }
  bool truncated(const QString& part) {
    //: %2: the part the file ends in, such as "header" or "list of events".
    return fail(tr("“%1” is truncated: the file ends in the middle of its %2. It was not "
                   "completely written, or was cut short when copied; open an autosave or an "
                   "older copy instead.")
                    .arg(m_name, part));
  }
  bool readPrologue();
  bool readHeader(QJsonObject& header);
  bool readEvents(std::vector<SessionEvent>& events);
  bool readModel(QByteArray& model);
  bool readGrowth(QVector<GrowthPoint>& growth);
  bool readLayout(QByteArray& layout);
  bool readEnd();
  bool checkCrc();
  bool applyHeader(const QJsonObject& h, ProjectData& out);
  bool checkEvents(const ProjectData& data, qint64 declaredCount);
  void checkModel(const QJsonObject& h, ProjectData& out);
  qint64 remaining() const { return m_file.size() - m_file.pos(); }

  QIODevice& m_file;
  QDataStream m_in;
  QString m_name;
  quint16 m_version = 0;
};

bool Reader::readPrologue() {
  char magic[sizeof kMagic] = {};
  if (m_file.size() == 0) return fail(tr("“%1” is empty.").arg(m_name));
  if (m_in.readRawData(magic, int(sizeof magic)) != int(sizeof magic) ||
      std::memcmp(magic, kMagic, sizeof magic) != 0) {
    return fail(tr("“%1” is not a Deeplomath project (it does not start with the project "
                   "signature). Choose a .dlmproj file saved by Deeplomath Studio.")
                    .arg(m_name));
  }
  quint16 version = 0;
  m_in >> version;
  if (m_in.status() != QDataStream::Ok) return truncated(tr("format version number"));
  m_version = version;
  if (version > Project::kFormatVersion) {
    return fail(tr("“%1” was saved by a newer version of Deeplomath Studio (project format "
                   "%2); this version opens formats up to %3. Update Deeplomath Studio to open "
                   "it.")
                    .arg(m_name).arg(version).arg(Project::kFormatVersion));
  }
  if (version < 1) {
    return fail(tr("“%1” has an invalid project format version (%2): the file is damaged or "
                   "was not saved by Deeplomath Studio.")
                    .arg(m_name)
                    .arg(version));
  }
  return true;
}

bool Reader::readHeader(QJsonObject& header) {
  quint32 size = 0;
  m_in >> size;
  if (m_in.status() != QDataStream::Ok || qint64(size) > remaining()) {
    return truncated(tr("header"));
  }
  if (size > kMaxHeaderBytes) {
    return fail(tr("“%1” is damaged: its header claims a length of %L2 bytes, far more than a "
                   "project header can hold.")
                    .arg(m_name)
                    .arg(size));
  }
  QByteArray json(qsizetype(size), Qt::Uninitialized);
  if (m_in.readRawData(json.data(), int(size)) != int(size)) return truncated(tr("header"));
  QJsonParseError parse;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
  if (!doc.isObject()) {
    return fail(tr("“%1” is damaged: its header cannot be read (%2).")
                    .arg(m_name, parse.errorString()));
  }
  header = doc.object();
  return true;
}

bool Reader::readEvents(std::vector<SessionEvent>& events) {
  quint32 tag = 0;
  quint32 count = 0;
  m_in >> tag >> count;
  if (m_in.status() != QDataStream::Ok) return truncated(tr("list of events"));
  if (tag != kEventsTag) {
    return fail(tr("“%1” is damaged: its list of events is missing.").arg(m_name));
  }
  if (qint64(count) * kMinEventBytes > remaining()) {
    return truncated(tr("list of events (%n event(s) expected)", "", int(count)));
  }
  events.reserve(count);
  for (quint32 i = 0; i < count; ++i) {
    SessionEvent e;
    QString problem;
    if (!codec::readEvent(m_in, e, &problem)) {
      if (m_in.status() != QDataStream::Ok) {
        return truncated(tr("list of events (at event %1 of %2)").arg(i + 1).arg(count));
      }
      return fail(tr("“%1” is damaged: event %2 of %3 is invalid: %4.")
                      .arg(m_name).arg(i + 1).arg(count).arg(problem));
    }
    events.push_back(std::move(e));
  }
  return true;
}

bool Reader::readModel(QByteArray& model) {
  quint32 tag = 0;
  quint32 size = 0;
  m_in >> tag >> size;
  if (m_in.status() != QDataStream::Ok) return truncated(tr("model"));
  if (tag != kModelTag) return fail(tr("“%1” is damaged: its model is missing.").arg(m_name));
  if (size > kMaxModelBytes || qint64(size) > remaining()) return truncated(tr("model"));
  model.resize(qsizetype(size));
  if (size > 0 && m_in.readRawData(model.data(), int(size)) != int(size)) {
    return truncated(tr("model"));
  }
  return true;
}

bool Reader::readGrowth(QVector<GrowthPoint>& growth) {
  quint32 tag = 0;
  quint32 count = 0;
  m_in >> tag >> count;
  if (m_in.status() != QDataStream::Ok) return truncated(tr("growth history"));
  if (tag != kGrowthTag) {
    return fail(tr("“%1” is damaged: its growth history is missing.").arg(m_name));
  }
  if (qint64(count) * codec::kMinGrowthPointBytes > remaining()) {
    return truncated(tr("growth history"));
  }
  growth.reserve(qsizetype(count));
  for (quint32 i = 0; i < count; ++i) {
    GrowthPoint p;
    QString problem;
    if (!codec::readGrowthPoint(m_in, p, &problem)) {
      if (m_in.status() != QDataStream::Ok) return truncated(tr("growth history"));
      return fail(tr("“%1” is damaged: point %2 of %3 of its growth history is invalid: %4.")
                      .arg(m_name).arg(i + 1).arg(count).arg(problem));
    }
    growth << p;
  }
  return true;
}

bool Reader::readLayout(QByteArray& layout) {
  quint32 tag = 0;
  quint32 size = 0;
  m_in >> tag >> size;
  if (m_in.status() != QDataStream::Ok) return truncated(tr("window layout"));
  if (tag != kLayoutTag) {
    return fail(tr("“%1” is damaged: its window layout is missing.").arg(m_name));
  }
  if (size > kMaxLayoutBytes || qint64(size) > remaining()) return truncated(tr("window layout"));
  layout.resize(qsizetype(size));
  if (size > 0 && m_in.readRawData(layout.data(), int(size)) != int(size)) {
    return truncated(tr("window layout"));
  }
  return true;
}

bool Reader::readEnd() {
  quint32 end = 0;
  m_in >> end;
  if (m_in.status() != QDataStream::Ok || remaining() < 4) return truncated(tr("end-of-file marker"));
  if (end != kEndTag) {
    return fail(tr("“%1” is damaged: its end-of-file marker is missing.").arg(m_name));
  }
  if (remaining() != 4) {
    return fail(tr("“%1” is damaged: %n unexpected byte(s) follow its end-of-file marker.", "",
                   int(std::min<qint64>(remaining() - 4, INT_MAX)))
                    .arg(m_name));
  }
  return true;
}

bool Reader::checkCrc() {
  quint32 stored = 0;
  m_in >> stored;
  std::uint32_t computed = 0;
  if (!codec::crcOfPrefix(m_file, m_file.size() - 4, &computed)) {
    return fail(tr("Cannot read “%1”: %2").arg(m_name, m_file.errorString()));
  }
  if (stored != computed) {
    return fail(tr("“%1” is damaged: its checksum does not match its content (stored %2, "
                   "computed %3). The file was altered or only partly written.")
                    .arg(m_name)
                    .arg(stored, 8, 16, QLatin1Char('0'))
                    .arg(computed, 8, 16, QLatin1Char('0')));
  }
  return true;
}

bool Reader::applyHeader(const QJsonObject& h, ProjectData& out) {
  auto bad = [&](const QString& what) {
    return fail(tr("“%1” has an invalid header: %2.").arg(m_name, what));
  };
  out.state.sessionId = QUuid::fromString(h.value(QStringLiteral("sessionId")).toString());
  if (out.state.sessionId.isNull()) return bad(tr("the session identifier is missing"));
  out.state.nextEventId = h.value(QStringLiteral("nextEventId")).toInt(0);
  if (out.state.nextEventId < 1) return bad(tr("the number of the next event is missing"));
  const QJsonValue classes = h.value(QStringLiteral("classes"));
  if (!classes.isArray() || classes.toArray().size() > Session::kMaxClasses) {
    return bad(tr("the list of classes is missing or too long"));
  }
  for (const QJsonValue& v : classes.toArray()) {
    ClassInfo c;
    c.name = v.toObject().value(QStringLiteral("name")).toString();
    c.colour = QColor(v.toObject().value(QStringLiteral("colour")).toString());
    if (c.name.trimmed().isEmpty() || !c.colour.isValid()) {
      return bad(tr("class %1 has no name or an invalid colour").arg(out.state.classes.size() + 1));
    }
    out.state.classes << c;
  }
  out.extras.settings = h.value(QStringLiteral("settings")).toObject();
  out.extras.journalSequence =
      quint64(codec::jsonCount(h.value(QStringLiteral("journalSequence")), 0));
  out.appVersion = h.value(QStringLiteral("appVersion")).toString();
  out.savedAt = QDateTime::fromString(h.value(QStringLiteral("savedAt")).toString(),
                                      Qt::ISODateWithMs);
  return true;
}

bool Reader::checkEvents(const ProjectData& data, qint64 declaredCount) {
  const std::vector<SessionEvent>& events = data.state.events;
  if (declaredCount < 0) {
    return fail(tr("“%1” has an invalid header: %2.")
                    .arg(m_name, tr("the number of events is missing")));
  }
  if (declaredCount != qint64(events.size())) {
    return fail(tr("“%1” is inconsistent: its header announces %n event(s), but the file holds "
                   "%2.", "", int(std::min<qint64>(declaredCount, INT_MAX)))
                    .arg(m_name)
                    .arg(events.size()));
  }
  int previous = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const SessionEvent& e = events[i];
    QString why;
    if (e.id <= previous || e.id >= data.state.nextEventId) {
      why = tr("its id %1 is out of order").arg(e.id);
    } else if (!data.state.validTag(e.tag)) {
      why = tr("its tag %1 does not name an existing class").arg(e.tag);
    } else if (e.learned && e.tag < 0) {
      why = tr("it is marked as learned but has no class");
    }
    if (!why.isEmpty()) {
      return fail(tr("“%1” is damaged: event %2 of %3 is invalid: %4.")
                      .arg(m_name).arg(i + 1).arg(events.size()).arg(why));
    }
    previous = e.id;
  }
  return true;
}

void Reader::checkModel(const QJsonObject& h, ProjectData& out) {
  // A bad model does not refuse the file: the events are intact (the file's checksum passed)
  // and the learner rebuilds the model from them. The model is left out and the reason kept.
  QByteArray& model = out.extras.modelBytes;
  const QJsonObject declared = h.value(QStringLiteral("model")).toObject();
  if (declared.value(QStringLiteral("bytes")).toInteger(-1) != model.size()) {
    out.modelProblem = tr("the header and the model disagree on the model's size");
  } else if (!model.isEmpty()) {
    ModelInfo info;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(model.constData());
    const Status s = inspectModel(bytes, std::size_t(model.size()), &info);
    if (s != Status::Ok) {
      out.modelProblem = tr("the model is unreadable (%1)").arg(QString::fromUtf8(statusText(s)));
    } else if (codec::jsonCount(declared.value(QStringLiteral("crc")), -1) != qint64(info.crc)) {
      out.modelProblem = tr("the model's checksum differs from the one recorded in the header");
    }
  }
  if (!out.modelProblem.isEmpty()) model.clear();
}

bool Reader::run(ProjectData& out) {
  QJsonObject header;
  if (!readPrologue() || !readHeader(header) || !readEvents(out.state.events) ||
      !readModel(out.extras.modelBytes)) {
    return false;
  }
  // Version 1 ends after the model; version 2 adds the growth history and the layout.
  if (m_version >= 2 && (!readGrowth(out.extras.growth) || !readLayout(out.extras.layout))) {
    return false;
  }
  if (!readEnd() || !checkCrc()) return false;
  out.formatVersion = m_version;
  if (!applyHeader(header, out) ||
      !checkEvents(out, codec::jsonCount(header.value(QStringLiteral("eventCount")), -1))) {
    return false;
  }
  checkModel(header, out);
  return true;
}

} // namespace

bool Project::save(const QString& path, const SessionState& state, const ProjectExtras& extras,
                   QString* error) {
  const QString name = QFileInfo(path).fileName();
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = tr("Cannot write “%1”: %2").arg(name, file.errorString());
    return false;
  }
  codec::CrcWriter crc(&file);
  QDataStream out(&crc);
  codec::setup(out);
  out.writeRawData(kMagic, int(sizeof kMagic));
  out << kFormatVersion;
  const QByteArray json = QJsonDocument(headerOf(state, extras)).toJson(QJsonDocument::Compact);
  out << quint32(json.size());
  out.writeRawData(json.constData(), int(json.size()));
  out << kEventsTag << quint32(state.events.size());
  for (const SessionEvent& e : state.events) codec::writeEvent(out, e);
  out << kModelTag << quint32(extras.modelBytes.size());
  out.writeRawData(extras.modelBytes.constData(), int(extras.modelBytes.size()));
  out << kGrowthTag << quint32(extras.growth.size());
  for (const GrowthPoint& p : extras.growth) codec::writeGrowthPoint(out, p);
  out << kLayoutTag << quint32(extras.layout.size());
  out.writeRawData(extras.layout.constData(), int(extras.layout.size()));
  out << kEndTag;
  const bool written = crc.finish();
  QDataStream tail(&file);
  codec::setup(tail);
  tail << quint32(crc.crc());
  if (!written || out.status() != QDataStream::Ok || tail.status() != QDataStream::Ok ||
      !file.commit()) {
    if (error) *error = tr("Cannot write “%1”: %2").arg(name, file.errorString());
    return false;
  }
  return true;
}

bool Project::read(const QString& path, ProjectData* out, QString* error) {
  const QString name = QFileInfo(path).fileName();
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = tr("Cannot open “%1”: %2").arg(name, file.errorString());
    return false;
  }
  // Parse from a memory map: sizes and positions are then free to query (a QFile asks the
  // system each time) and the checksum pass reads no file a second time.
  const qint64 size = file.size();
  uchar* mapped = size > 0 ? file.map(0, size) : nullptr;
  const QByteArray bytes = mapped != nullptr
                               ? QByteArray::fromRawData(reinterpret_cast<const char*>(mapped),
                                                         qsizetype(size))
                               : file.readAll();
  return read(bytes, name, out, error);
}

bool Project::read(const QByteArray& bytes, const QString& name, ProjectData* out,
                   QString* error) {
  QBuffer buffer;
  buffer.setData(bytes);
  buffer.open(QIODevice::ReadOnly);
  ProjectData data;
  Reader reader(buffer, name);
  if (!reader.run(data)) {
    if (error) *error = reader.error;
    return false;
  }
  *out = std::move(data);
  return true;
}

bool Project::open(const QString& path, Session& session, ProjectExtras* extras, QString* error) {
  ProjectData data;
  if (!read(path, &data, error)) return false;
  session.replaceState(std::move(data.state));
  if (extras) *extras = std::move(data.extras);
  return true;
}

} // namespace dlm::app
