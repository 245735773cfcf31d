#pragma once

// What the studio shows and asks of a board that prints lines of numbers (a text-stream
// board), as app-level values: the controller converts devices/textstream's own types into
// these, so no widget depends on devices/. Registered meta-types, queued across threads.

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>

namespace dlm::app {

/// \brief What the user fixes instead of letting the studio infer it (0: inferred).
struct TextStreamOptions {
  int channels = 0;    ///< value columns, a timestamp excluded
  double rateHz = 0.0; ///< samples per second
  /// Timestamp column: inferred, none, or in seconds, milliseconds or microseconds.
  enum class Timestamp { Auto, None, Seconds, Milliseconds, Microseconds };
  Timestamp timestamp = Timestamp::Auto;
  double scale = 0.0;  ///< int16 counts per printed unit (0: automatic)

  bool overridesSomething() const {
    return channels > 0 || rateHz > 0.0 || timestamp != Timestamp::Auto || scale > 0.0;
  }
};

/// \brief The format the studio inferred (or was told) for the current stretch of a text
/// stream: it changes when the board starts printing another number of columns or rate.
struct TextStreamView {
  QString portName;
  int segment = 0;        ///< 1 for the first format, 2 after the first change...
  int channels = 0;
  double rateHz = 0.0;    ///< the rate in use (snapped to a common rate)
  double measuredHz = 0.0;
  /// Where the rate comes from: the lines' own timestamps, their arrival times, the user.
  enum class RateSource { Unknown, Arrival, Timestamp, User };
  RateSource rateSource = RateSource::Unknown;
  QString timestampUnit;  ///< "s", "ms", "us", or empty without a timestamp column
  QStringList names;      ///< one per channel: the header's, or ch1, ch2...
  double scale = 1.0;     ///< int16 counts per printed unit
  bool autoScale = true;
  TextStreamOptions overrides; ///< what the user fixed
};

/// \brief Lines a text board printed that were not samples, by kind (never fatal: counted).
enum class TextGarbage {
  NonNumeric,
  WrongColumns,
  TooManyColumns,
  NonFinite,
  Overlong,
  Binary,
};
constexpr int kTextGarbageKinds = 6;

/// \brief What the link to a text board counted since it was opened (once a second).
struct TextStatsView {
  quint64 lines = 0;
  quint64 frames = 0;       ///< sample lines
  quint64 headerLines = 0;
  quint64 emptyLines = 0;
  quint64 clippedValues = 0; ///< beyond the int16 range after scaling
  quint64 events = 0;
  int segments = 0;
  double recentRateHz = 0.0;
  std::array<quint64, kTextGarbageKinds> garbage{}; ///< indexed by TextGarbage

  quint64 garbageTotal() const {
    quint64 total = 0;
    for (quint64 n : garbage) total += n;
    return total;
  }
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::TextStreamOptions)
Q_DECLARE_METATYPE(dlm::app::TextStreamView)
Q_DECLARE_METATYPE(dlm::app::TextStatsView)
