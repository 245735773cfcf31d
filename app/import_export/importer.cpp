#include "app/import_export/importer.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "app/data/csv.h"
#include "core/descriptor.h"

namespace dlm::app {

namespace {

constexpr int kDefaultRateHz = 1000;
// Far above any sensor or audio rate, and an int: a header's rate beyond is damage.
constexpr quint32 kMaxRateHz = 16'000'000;
constexpr quint16 kPcm = 1;
constexpr quint16 kExtensible = 0xFFFE;

struct WavFormat {
  quint16 format = 0;
  quint16 channels = 0;
  quint32 rate = 0;
  quint16 blockAlign = 0;
  quint16 bits = 0;
};

quint16 le16(const char* p) { return qFromLittleEndian<quint16>(p); }
quint32 le32(const char* p) { return qFromLittleEndian<quint32>(p); }

bool isTimeName(const QString& name) {
  static const QStringList kNames = {
      QStringLiteral("time"),   QStringLiteral("t"),      QStringLiteral("timestamp"),
      QStringLiteral("time_ms"), QStringLiteral("time_s"), QStringLiteral("time_us"),
      QStringLiteral("ms"),     QStringLiteral("seconds")};
  return kNames.contains(name.trimmed().toLower());
}

// Seconds per unit of a time column: from its name, else from the step (a step below 0.5 is
// in seconds, otherwise in milliseconds: 1 kHz sensors log 1, 2, 3 … ms).
double secondsPerUnit(const QString& name, double medianStep) {
  const QString n = name.trimmed().toLower();
  if (n.endsWith(QLatin1String("us"))) return 1e-6;
  if (n.endsWith(QLatin1String("ms"))) return 1e-3;
  if (n.endsWith(QLatin1String("_s")) || n == QLatin1String("seconds")) return 1.0;
  return medianStep < 0.5 ? 1.0 : 1e-3;
}

int rateFromTimes(const data::Dataset& d, int column, const QString& name) {
  std::vector<double> steps;
  for (int i = 1; i < d.rows; ++i) {
    steps.push_back(double(d.row(i)[column]) - double(d.row(i - 1)[column]));
  }
  if (steps.empty()) return 0;
  std::nth_element(steps.begin(), steps.begin() + long(steps.size() / 2), steps.end());
  const double step = steps[steps.size() / 2];
  if (!(step > 0.0)) return 0;
  return int(std::lround(1.0 / (step * secondsPerUnit(name, step))));
}

bool parseWavChunks(const QByteArray& bytes, WavFormat& fmt, qsizetype& dataStart,
                    qsizetype& dataSize, QString* error) {
  const char* p = bytes.constData();
  if (bytes.size() < 12 || std::memcmp(p, "RIFF", 4) != 0 || std::memcmp(p + 8, "WAVE", 4) != 0) {
    *error = Importer::tr("it is not a WAV file (it does not start with a WAV header)");
    return false;
  }
  bool haveFormat = false;
  qsizetype pos = 12;
  while (pos + 8 <= bytes.size()) {
    const quint32 size = le32(p + pos + 4);
    const qsizetype body = pos + 8;
    if (std::memcmp(p + pos, "fmt ", 4) == 0 && size >= 16 && body + 16 <= bytes.size()) {
      fmt.format = le16(p + body);
      fmt.channels = le16(p + body + 2);
      fmt.rate = le32(p + body + 4);
      fmt.blockAlign = le16(p + body + 12);
      fmt.bits = le16(p + body + 14);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (fmt.format == kExtensible && size >= 40 && body + 26 <= bytes.size()) {
        fmt.format = le16(p + body + 24);
      }
      haveFormat = true;
    } else if (std::memcmp(p + pos, "data", 4) == 0) {
      dataStart = body;
      dataSize = std::min<qsizetype>(qsizetype(size), bytes.size() - body);
      break;
    }
    pos = body + qsizetype(size) + qsizetype(size & 1u);  // chunks are padded to even sizes
  }
  if (!haveFormat) {
    *error = Importer::tr("its WAV header does not describe the sample format");
    return false;
  }
  if (dataStart < 0) {
    *error = Importer::tr("it holds no sample data");
    return false;
  }
  return true;
}

} // namespace

bool Importer::readWav(const QString& path, Recording* out, QStringList* warnings,
                       QString* error) {
  const QString name = QFileInfo(path).fileName();
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = tr("Cannot open “%1”: %2").arg(name, file.errorString());
    return false;
  }
  const QByteArray bytes = file.readAll();
  WavFormat fmt;
  qsizetype dataStart = -1;
  qsizetype dataSize = 0;
  QString why;
  if (parseWavChunks(bytes, fmt, dataStart, dataSize, &why)) {
    if (fmt.format != kPcm) {
      why = tr("it is compressed (format 0x%1); save it as 16-bit PCM").arg(fmt.format, 0, 16);
    } else if (fmt.bits != 16) {
      why = tr("it has %1-bit samples; only 16-bit PCM is supported").arg(fmt.bits);
    } else if (fmt.channels < 1 || fmt.channels > kMaxSensorChannels) {
      why = tr("it has %n channel(s); 1 to %1 are supported", "", int(fmt.channels))
                .arg(kMaxSensorChannels);
    } else if (fmt.rate == 0) {
      why = tr("its sample rate is 0");
    } else if (fmt.rate > kMaxRateHz) {
      //: %1: the rate the file declares, in Hz.
      why = tr("its sample rate of %1 Hz is beyond what a recording has").arg(fmt.rate);
    } else if (dataSize < qsizetype(fmt.channels) * 2) {
      why = tr("it holds no sample data");
    }
  }
  if (!why.isEmpty()) {
    *error = tr("Cannot import “%1”: %2.").arg(name, why);
    return false;
  }
  const qsizetype frameBytes = qsizetype(fmt.channels) * 2;
  if (dataSize % frameBytes != 0 || dataStart + dataSize > bytes.size()) {
    warnings->append(tr("“%1” ends inside a frame; the partial frame was ignored.").arg(name));
  }
  const qsizetype frames = dataSize / frameBytes;
  out->channels = fmt.channels;
  out->sampleRateHz = int(fmt.rate);
  out->samples.resize(frames * fmt.channels);
  qFromLittleEndian<qint16>(bytes.constData() + dataStart, out->samples.size(),
                            out->samples.data());
  return true;
}

bool Importer::readCsv(const QString& path, const ImportOptions& options, Recording* out,
                       QStringList* warnings, QString* error) {
  const QString name = QFileInfo(path).fileName();
  data::CsvOptions csv;
  csv.label.clear();  // every column is a signal (or the time)
  data::Dataset d;
  std::string why;
  if (!data::readCsv(QFile::encodeName(path).toStdString(), csv, d, why)) {
    *error = tr("Cannot import “%1”: %2").arg(name, QString::fromStdString(why));
    return false;
  }
  int timeColumn = -1;
  for (int c = 0; c < int(d.featureNames.size()); ++c) {
    const QString column = QString::fromStdString(d.featureNames[std::size_t(c)]);
    const bool wanted = options.csvTimeColumn.isEmpty()
                            ? isTimeName(column)
                            : column.compare(options.csvTimeColumn, Qt::CaseInsensitive) == 0;
    if (wanted) timeColumn = c;
  }
  if (!options.csvTimeColumn.isEmpty() && timeColumn < 0) {
    *error = tr("Cannot import “%1”: it has no column “%2”.").arg(name, options.csvTimeColumn);
    return false;
  }
  const int channels = d.dims - (timeColumn >= 0 ? 1 : 0);
  if (channels < 1 || channels > kMaxSensorChannels || d.rows == 0) {
    //: %1: file name; %2: "%n signal column(s)"; %3: "%n row(s)"; %4: the most columns.
    *error = tr("Cannot import “%1”: it has %2 and %3; 1 to %4 signal columns and at least one "
                "row are needed.")
                 .arg(name, tr("%n signal column(s)", "", channels), tr("%n row(s)", "", d.rows),
                      QString::number(kMaxSensorChannels));
    return false;
  }
  int rate = 0;
  if (timeColumn >= 0) {
    rate = rateFromTimes(d, timeColumn,
                         QString::fromStdString(d.featureNames[std::size_t(timeColumn)]));
  }
  if (rate <= 0) rate = options.csvSampleRateHz > 0 ? options.csvSampleRateHz : kDefaultRateHz;
  out->channels = channels;
  out->sampleRateHz = rate;
  out->samples.resize(qsizetype(d.rows) * channels);
  qint64 clipped = 0;
  qsizetype k = 0;
  for (int i = 0; i < d.rows; ++i) {
    for (int c = 0; c < d.dims; ++c) {
      if (c == timeColumn) continue;
      const float v = std::round(d.row(i)[c]);
      const float clamped = std::clamp(v, -32768.0f, 32767.0f);
      clipped += clamped != v ? 1 : 0;
      out->samples[k++] = qint16(clamped);
    }
  }
  if (clipped > 0) {
    warnings->append(tr("%n value(s) beyond the 16-bit range were clipped.", "", int(clipped)));
  }
  return true;
}

ImportResult Importer::detectEvents(const Recording& recording, const ImportOptions& options) {
  ImportResult result;
  result.channels = recording.channels;
  result.sampleRateHz = recording.sampleRateHz;
  result.frames = recording.frames();
  firmware::TriggerConfig trigger = options.trigger;
  trigger.channels = std::uint8_t(recording.channels);
  trigger.sampleRateHz = std::uint16_t(std::clamp(recording.sampleRateHz, 1, 65535));
  if (recording.sampleRateHz > 65535) {
    result.warnings << tr("The trigger runs at 65535 Hz at most; its filters assume that rate.");
  }
  firmware::EventDetector detector;
  detector.configure(trigger);
  // The board's own rule for this channel count, within the board's dims: an imported event
  // is described exactly as a board with this sensor describes its own.
  const DescriptorConfig dc = descriptorFor(recording.channels, options.maxDims);
  if (dc.channels == 0) {
    result.warnings << tr("%n channel(s) do not fit a descriptor of %1 dimensions.", "",
                          recording.channels).arg(options.maxDims);
    return result;
  }
  std::vector<std::int16_t> window(std::size_t(firmware::EventDetector::kMaxWindowFrames) *
                                   std::size_t(recording.channels));
  const qint64 total = recording.frames();
  qint64 pos = 0;
  while (pos < total) {
    const std::uint32_t chunk = std::uint32_t(std::min<qint64>(total - pos, 1 << 20));
    const std::uint32_t used = detector.process(
        recording.samples.constData() + pos * recording.channels, chunk);
    pos += used == 0 ? chunk : used;
    if (!detector.eventReady()) continue;
    const firmware::DetectedEvent& found = detector.lastEvent();
    const std::uint32_t frames =
        detector.copyWindow(window.data(), firmware::EventDetector::kMaxWindowFrames);
    if (frames == 0) continue;
    SessionEvent e;
    e.origin = EventOrigin::Import;
    e.boardSample = found.start;
    e.frames = frames;
    e.channels = quint8(recording.channels);
    e.sampleRateHz = quint32(recording.sampleRateHz);
    e.wallClockMs = options.startTimeMs + qint64(found.start) * 1000 / recording.sampleRateHz;
    e.raw = QVector<qint16>(window.begin(), window.begin() + long(frames) * recording.channels);
    e.descriptor.resize(dc.dims());
    computeDescriptor(dc, window.data(), frames, e.descriptor.data(),
                      std::size_t(e.descriptor.size()));
    result.events << e;
  }
  if (detector.active()) {
    result.warnings << tr("The recording ends during an event; that event was left out.");
  }
  return result;
}

bool Importer::importFile(const QString& path, const ImportOptions& options, ImportResult* out,
                          QString* error) {
  Recording recording;
  QStringList warnings;
  const bool wav = path.endsWith(QLatin1String(".wav"), Qt::CaseInsensitive);
  const bool ok = wav ? readWav(path, &recording, &warnings, error)
                      : readCsv(path, options, &recording, &warnings, error);
  if (!ok) return false;
  if (options.boardChannels > 0 && recording.channels != options.boardChannels) {
    //: %1: file name; %2: "%n channel(s)" of the file; %3: the board's channel count.
    *error = tr("Cannot import “%1”: it has %2 and the board %3; its events could not be "
                "learned with the board's.")
                 .arg(QFileInfo(path).fileName(),
                      tr("%n channel(s)", "", recording.channels))
                 .arg(options.boardChannels);
    return false;
  }
  ImportOptions adjusted = options;
  if (adjusted.startTimeMs == 0) {
    adjusted.startTimeMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
  }
  *out = detectEvents(recording, adjusted);
  out->warnings = warnings + out->warnings;
  if (out->events.isEmpty()) {
    out->warnings << tr("No event was detected in “%1”: the signal never crossed the trigger "
                        "threshold (%2).")
                         .arg(QFileInfo(path).fileName())
                         .arg(double(options.trigger.threshold));
  }
  return true;
}

} // namespace dlm::app
