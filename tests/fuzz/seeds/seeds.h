#pragma once
// dlm-fuzz-seeds: makes the seed corpora of the fuzz targets (tests/fuzz/*/corpus) from real
// inputs: a session with the virtual board (dlm-board) captured frame by frame, the models,
// projects and journals the studio's own code writes from it, `dlm record` files, WAV files of
// the simulated sensors, and text-board output printed from the board's signal.
// Run by `scripts/fuzz seeds`; the corpora are committed, so a run is only needed when a
// format changes. Test code: the heap and the standard library are fine here.

#include <cstdint>
#include <string>
#include <vector>

#include "core/protocol/messages.h"

namespace dlm::fuzz::seeds {

using Bytes = std::vector<std::uint8_t>;

/// \brief One frame that crossed the link, as its wire bytes (delimiter included).
struct WireFrame {
  Bytes bytes;
  bool fromBoard = false;
  std::int64_t atMs = 0;  ///< since the session started
  std::string phase;      ///< the step of the session it belongs to
  protocol::MessageType type = protocol::MessageType::Hello;
  std::uint8_t version = 0;
  std::uint16_t seq = 0;
  Bytes payload;
};

/// \brief A session with the virtual board.
struct Capture {
  std::vector<WireFrame> frames;
  std::vector<protocol::Event> events;  ///< the events the board detected (unlearned)
  int channels = 0;
  std::uint32_t signalStart = 0;        ///< stream index of signal's first frame
  std::vector<std::int16_t> signal;     ///< the sample stream, frames x channels interleaved
  Bytes hostModel;                      ///< a model learned from the events, pushed
  Bytes boardModel;                     ///< the board's own model after it learned, pulled
};

/// \brief Run \p boardExe and capture a scripted session (handshakes in every version,
/// commands, gestures and their events, on-board learning, a model pull and a push).
bool captureVirtualBoard(const std::string& boardExe, Capture& out, std::string& error);

/// \brief A model of the board's capacity learned from \p events (label: index mod 3).
Bytes modelFromEvents(const std::vector<protocol::Event>& events);

/// \brief Writes seeds under a root (the repository's tests/fuzz).
class Corpus {
public:
  explicit Corpus(std::string root) : m_root(std::move(root)) {}
  /// \brief <root>/<dir>/corpus/<name>.
  void write(const std::string& dir, const std::string& name, const Bytes& bytes);
  void write(const std::string& dir, const std::string& name, const std::string& text);
  int files() const { return m_files; }
  const std::string& root() const { return m_root; }

private:
  std::string m_root;
  int m_files = 0;
};

void writeProtocolSeeds(const Capture& capture, Corpus& corpus);
void writeFirmwareSeeds(const Capture& capture, Corpus& corpus);
void writeModelSeeds(const Capture& capture, Corpus& corpus);
void writePersistenceSeeds(const Capture& capture, Corpus& corpus);
void writeWavSeeds(const Capture& capture, Corpus& corpus);
void writeCsvSeeds(const Capture& capture, const std::string& dlmExe,
                   const std::string& boardExe, Corpus& corpus);
void writeTextStreamSeeds(const Capture& capture, Corpus& corpus);
void writeFleetSeeds(const Capture& capture, Corpus& corpus);

} // namespace dlm::fuzz::seeds
