// dlm record: headless capture of a board's stream and events, from a firmware board (the
// binary protocol) or a board that prints lines of numbers (--text).
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <string>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/record_session.h"

namespace dlm::cli {

namespace {

constexpr const char* kRecordUsage =
    "usage: dlm record --port PATH --seconds S --out REC.csv [--baud N] [--text]\n"
    "                  [--rate HZ] [--channels N] [--scale X] [--json]\n\n"
    "Records a board's live stream and the events detected in it, without the studio.\n"
    "  --port PATH     the serial port (/dev/ttyACM0, or the virtual board's /dev/pts/N)\n"
    "  --seconds S     how long to record: from the handshake for a Deeplomath board, from\n"
    "                  the port's opening with --text\n"
    "  --out REC.csv   the samples file (below)\n"
    "  --baud N        default 921600 (a Deeplomath board), 115200 with --text\n"
    "  --text          a board that prints lines of numbers (an Arduino sketch, Edge Impulse's\n"
    "                  data forwarder format): 1 to 16 numbers a line separated by commas,\n"
    "                  spaces, tabs or semicolons, an optional timestamp column (s, ms or us)\n"
    "                  and header line of names; the channels, rate, timestamp and names are\n"
    "                  inferred (and again when they change), garbage lines are counted by\n"
    "                  kind, events are found on the host by the boards' own trigger\n"
    "  --rate HZ, --channels N, --scale X\n"
    "                  with --text, fix what would be inferred: the sample rate, the value\n"
    "                  columns (timestamp excluded), the int16 counts per printed unit\n"
    "  --json          print the summary as one JSON object\n\n"
    "Without --text the board must answer the Deeplomath handshake; a port that does not is\n"
    "reported, with a hint when it prints numbers.\n\n"
    "Files (CSV with a header row, readable by dlm and the studio's import):\n"
    "  REC.csv         sample,time_s,<channel names>: one row per sample. sample is the\n"
    "                  board's sample index (a text board's starts at 0), time_s is\n"
    "                  sample / rate, the values are the int16 counts the event trigger sees:\n"
    "                  a text board's printed values times its scale (integers that fit\n"
    "                  int16 unchanged; otherwise a power of ten, printed at the end)\n"
    "  REC-seg2.csv... one file per further segment when a text board changes its channels\n"
    "                  or rate (its sample index starts again at 0)\n"
    "  REC.events.csv  segment,event,start_sample,end_sample,start_s,end_s,frames,predicted,\n"
    "                  known_score: one row per event, end_sample excluded, in the samples of\n"
    "                  its segment; predicted is a Deeplomath board's class index (-1:\n"
    "                  unknown), empty for a text board (it runs no model)\n\n"
    "At the end it prints what it found: channels, rate (a text board's measured rate and\n"
    "where it comes from), garbage lines by kind or frame errors, events.\n"
    "Exit status: 0 done; 1 bad options, no such port, not a board, or a file that cannot\n"
    "be written; 3 the board was lost while recording (what was recorded is kept).\n";

int usageError(const std::string& message) {
  std::fprintf(stderr, "dlm record: %s\n", message.c_str());
  return 1;
}

bool parseRecordOptions(const Args& args, RecordOptions& o, std::string& error) {
  if (!args.require("port", error) || !args.require("seconds", error) ||
      !args.require("out", error))
    return false;
  o.port = QString::fromStdString(args.value("port"));
  o.out = args.value("out");
  o.text = args.has("text");
  int baud = 0;
  int channels = 0;
  if (!args.intValue("baud", 0, 0, 100'000'000, baud, error) ||
      !args.intValue("channels", 0, 0, textstream::kMaxColumns, channels, error) ||
      !args.doubleValue("seconds", 0.0, o.seconds, error) ||
      !args.doubleValue("rate", 0.0, o.parser.rateHz, error) ||
      !args.doubleValue("scale", 0.0, o.parser.scale, error))
    return false;
  o.baud = baud;
  o.parser.channels = channels;
  if (!(o.seconds > 0.0) || o.seconds > 7 * 24 * 3600.0) {
    error = "--seconds must be above 0";
    return false;
  }
  if (o.parser.rateHz < 0.0 || o.parser.scale < 0.0) {
    error = "--rate and --scale must be positive";
    return false;
  }
  if (!o.text && (args.has("rate") || args.has("channels") || args.has("scale"))) {
    error = "--rate, --channels and --scale are for --text boards (a firmware board says them)";
    return false;
  }
  return true;
}

QString garbageText(const textstream::GarbageCounts& g) {
  QStringList parts;
  for (int k = 0; k < textstream::kGarbageKinds; ++k) {
    const auto kind = static_cast<textstream::GarbageKind>(k);
    parts << QStringLiteral("%1 %2").arg(textstream::garbageName(kind)).arg(g[kind]);
  }
  return parts.join(QStringLiteral(", "));
}

QJsonObject segmentJson(const RecordedSegment& s, bool text) {
  const textstream::StreamFormat& f = s.format;
  QJsonArray names;
  for (const std::string& n : f.names) names.append(QString::fromStdString(n));
  return QJsonObject{{"segment", f.segment},
                     {"channels", f.channels},
                     {"names", names},
                     {"rate_hz", f.rateHz},
                     {"measured_hz", s.measuredHz},
                     {"rate_source", text ? textstream::rateSourceName(f.rateSource) : "handshake"},
                     {"timestamp", textstream::unitName(f.timestamp)},
                     {"scale", f.scale},
                     {"auto_scale", f.autoScale},
                     {"frames", qint64(s.frames)},
                     {"file", QString::fromStdString(s.path)}};
}

void printJson(const RecordResult& r, const RecordOptions& o) {
  QJsonArray segments;
  for (const RecordedSegment& s : r.segments) segments.append(segmentJson(s, r.textBoard));
  QJsonObject garbage;
  for (int k = 0; k < textstream::kGarbageKinds; ++k) {
    const auto kind = static_cast<textstream::GarbageKind>(k);
    garbage.insert(textstream::garbageName(kind), qint64(r.counters.garbage[kind]));
  }
  QJsonObject root{{"port", o.port},
                   {"board", r.textBoard ? QStringLiteral("text") : QStringLiteral("firmware")},
                   {"exit_code", r.exitCode},
                   {"error", QString::fromStdString(r.error)},
                   {"seconds", r.seconds},
                   {"segments", segments},
                   {"events", qint64(r.events.size())},
                   {"events_file", QString::fromStdString(r.eventsPath)}};
  if (r.textBoard) {
    const textstream::ParserCounters& c = r.counters;
    root.insert("lines", QJsonObject{{"total", qint64(c.lines)},
                                     {"samples", qint64(c.frames)},
                                     {"headers", qint64(c.headerLines)},
                                     {"empty", qint64(c.emptyLines)},
                                     {"garbage", qint64(c.garbage.total())},
                                     {"clipped_values", qint64(c.clippedValues)},
                                     {"garbage_by_kind", garbage}});
  } else {
    root.insert("board_name", QString::fromStdString(r.boardName));
    root.insert("frame_errors", qint64(r.link.frameErrors()));
    root.insert("lost_sample_frames", qint64(r.link.lostSampleFrames));
  }
  std::printf("%s\n", QJsonDocument(root).toJson(QJsonDocument::Compact).constData());
}

void printSegment(const RecordedSegment& s, bool text) {
  const textstream::StreamFormat& f = s.format;
  QStringList names;
  for (const std::string& n : f.names) names << QString::fromStdString(n);
  QString line = QStringLiteral("  segment %1: %2 channels (%3) at %4 Hz")
                     .arg(f.segment)
                     .arg(f.channels)
                     .arg(names.join(QStringLiteral(", ")))
                     .arg(f.rateHz, 0, 'g', 6);
  if (text) {
    line += QStringLiteral(" [measured %1 Hz from %2], timestamp: %3, scale x%4 (%5)")
                .arg(s.measuredHz, 0, 'f', 2)
                .arg(textstream::rateSourceName(f.rateSource))
                .arg(f.hasTimestamp() ? textstream::unitName(f.timestamp) : "none")
                .arg(f.scale, 0, 'g', 6)
                .arg(f.autoScale ? "auto" : "set");
  }
  line += QStringLiteral("; %1 samples -> %2").arg(s.frames).arg(QString::fromStdString(s.path));
  std::printf("%s\n", qPrintable(line));
}

void printSummary(const RecordResult& r, const RecordOptions& o) {
  std::printf("recorded %.1f s from %s (%s)\n", r.seconds, qPrintable(o.port),
              r.textBoard ? "text board" : ("board " + r.boardName + " " + r.firmwareVersion).c_str());
  for (const RecordedSegment& s : r.segments) printSegment(s, r.textBoard);
  if (r.textBoard) {
    const textstream::ParserCounters& c = r.counters;
    std::printf("  lines %llu: %llu samples, %llu headers, %llu empty, %llu garbage (%s)\n",
                static_cast<unsigned long long>(c.lines), static_cast<unsigned long long>(c.frames),
                static_cast<unsigned long long>(c.headerLines),
                static_cast<unsigned long long>(c.emptyLines),
                static_cast<unsigned long long>(c.garbage.total()),
                qPrintable(garbageText(c.garbage)));
    if (c.clippedValues > 0)
      std::printf("  %llu values clipped to int16: set --scale\n",
                  static_cast<unsigned long long>(c.clippedValues));
  } else {
    std::printf("  frame errors %llu, sample frames lost %llu\n",
                static_cast<unsigned long long>(r.link.frameErrors()),
                static_cast<unsigned long long>(r.link.lostSampleFrames));
  }
  std::printf("  events: %zu -> %s\n", r.events.size(), r.eventsPath.c_str());
}

} // namespace

const char* recordUsage() { return kRecordUsage; }

int runRecord(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.parse(argc, argv, 2, {"port", "baud", "seconds", "out", "rate", "channels", "scale"},
                  {"text", "json"}, error))
    return usageError(error);
  RecordOptions options;
  if (!parseRecordOptions(args, options, error)) return usageError(error);
  if (!QFileInfo::exists(options.port))
    return usageError("no port " + options.port.toStdString() +
                      " (is the board plugged in? ls /dev/ttyACM* /dev/ttyUSB*)");
  int qtArgc = 1;
  QCoreApplication app(qtArgc, argv);
  RecordSession session(options);
  // Queued: done may come from inside start() (nothing to wait for) or a signal handler.
  session.start([&app] { QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection); });
  app.exec();
  const RecordResult& r = session.result();
  if (r.exitCode == 1) {
    if (args.has("json")) printJson(r, options);
    return usageError(r.error);
  }
  if (args.has("json")) printJson(r, options);
  else printSummary(r, options);
  if (r.exitCode != 0) std::fprintf(stderr, "dlm record: %s\n", r.error.c_str());
  return r.exitCode;
}

} // namespace dlm::cli
