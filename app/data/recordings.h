#pragma once

// Recordings in folders (issue 13): DIR/<class>/*.wav|*.csv, cut into events by the boards'
// energy trigger and described by a front-end, into a Dataset that `dlm learn`, `dlm eval`
// and the studio's import use like a CSV of descriptors. A folder named "unknown" holds
// examples of no class (never-seen ones, for AUROC and rejection).

#include <cstdint>
#include <string>
#include <vector>

#include "app/data/dataset.h"
#include "core/front_end.h"

namespace dlm::data {

/// \brief The folder of never-seen examples.
inline constexpr const char* kUnknownFolder = "unknown";

/// \brief One recording file and the folder (class) it is in.
struct RecordingFile {
  std::string path;
  std::string className;  ///< the folder's name; kUnknownFolder for never-seen examples
  bool unknown = false;
};

/// \brief What scanRecordings() found: class folders (sorted by name, empty ones left out),
/// their .wav and .csv files (sorted), and a warning for everything ignored.
struct RecordingFolder {
  std::vector<std::string> classes;  ///< without kUnknownFolder
  std::vector<RecordingFile> files;
  std::vector<std::string> warnings;
};

/// \brief List \p dir's class folders and recordings. False with \p error when \p dir is not
/// a readable folder or holds no folder with a .wav or .csv file.
bool scanRecordings(const std::string& dir, RecordingFolder& out, std::string& error);

/// \brief A signal: interleaved int16 frames at a rate.
struct Signal {
  int channels = 0;
  double rateHz = 0.0;
  std::uint32_t frames = 0;
  std::vector<std::int16_t> samples;
  bool audio = false;  ///< read from a WAV file
};

/// \brief The sample rate assumed for a samples CSV whose time_s column is empty (a board's).
constexpr double kDefaultCsvRateHz = 1000.0;

/// \brief Read a .wav file (readWav()) or a samples CSV as `dlm record` writes it
/// ("sample,time_s,<channels>" then one row of int16 counts per frame; the rate from time_s,
/// kDefaultCsvRateHz when it is empty). False with \p error; \p skip set when the file is a
/// CSV but not a samples file (e.g. REC.events.csv), to be ignored rather than refused.
bool readSignal(const std::string& path, Signal& out, bool& skip, std::string& error);

/// \brief The front-end to describe recordings with.
enum class FrontEndChoice { Auto, Motion, Sound, Vibration };
/// \brief "motion", "sound", "vibration" (or "auto"); false for anything else.
bool parseFrontEndChoice(const std::string& text, FrontEndChoice& out);

/// \brief One event found in a signal, in frames of that signal.
struct EventSpan {
  std::uint32_t start = 0;
  std::uint32_t frames = 0;
};

/// \brief The events of \p signal by the boards' energy trigger (textstream::defaultTrigger()
/// at the signal's rate, \p threshold counts if > 0). The rule: a signal of at most
/// \p oneEventFrames frames is one example, so it gives one event from the start of the first
/// triggered window to the end of the last (to the end of the signal when that one was cut at
/// the detector's longest window), or the whole signal when nothing triggers; a longer signal
/// gives one event per triggered window.
std::vector<EventSpan> findEvents(const Signal& signal, std::uint32_t oneEventFrames,
                                  float threshold);

/// \brief A description of events other than the front-end's: a baseline's own representation
/// (e.g. a plain log-spectrogram), computed on the same events the front-end would describe.
class EventDescriber {
public:
  virtual ~EventDescriber() = default;
  /// \brief Length of the description of an event of \p channels channels at \p rateHz.
  virtual int dims(int channels, double rateHz) const = 0;
  /// \brief Describe \p frames interleaved frames of \p channels channels at \p rateHz into
  /// \p out (dims() floats). False when the event cannot be described.
  virtual bool describe(const std::int16_t* samples, std::uint32_t frames, int channels,
                        double rateHz, float* out) = 0;
};

/// \brief How loadRecordings() reads a folder.
struct RecordingOptions {
  FrontEndChoice choice = FrontEndChoice::Auto;  ///< Auto: sound for WAV, motion for CSV
  bool useFrontEnd = false;       ///< describe with \c frontEnd (a model's), not \c choice
  FrontEndConfig frontEnd;
  bool includeUnknown = true;     ///< read unknown/ (label -1); learning leaves it out
  float triggerThreshold = 0.0f;  ///< 0: the protocol's default (600 counts)
  /// Not null: each event is described by it instead of the front-end, which still sets the
  /// event rule (how long a file may be to be one example) and what files fit.
  EventDescriber* describer = nullptr;
};

/// \brief A folder of recordings as descriptors.
struct Recordings {
  Dataset data;  ///< one row per event; class names are the folder names, unknown/ is -1;
                 ///< the options' describer's descriptions when it is set
  FrontEndConfig frontEnd;
  std::vector<std::string> rowFiles;  ///< the file of each row
  std::vector<std::string> warnings;
  int files = 0;  ///< files read
};

/// \brief Scan \p dir, read every file, find its events and describe them. Every file must
/// fit the front-end (sound: 16 kHz mono; the same rate and channels throughout). False with
/// \p error naming the file and the reason.
bool loadRecordings(const std::string& dir, const RecordingOptions& options, Recordings& out,
                    std::string& error);

} // namespace dlm::data
