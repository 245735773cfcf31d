#pragma once

// The virtual board's sound source: WAV files played as its microphone (issue 13).

#include <cstdint>
#include <string>
#include <vector>

namespace dlm::board {

/// \brief Plays 16 kHz mono 16-bit PCM WAV files one after the other, with silence between
/// them, as a 1-channel sample stream.
///
/// Two modes, as the motion source's spontaneous and requested gestures: looping (every file
/// in turn, forever) or on request (silence until playNext(), then one file). Files are read
/// whole at load(); generate() allocates nothing.
class WavSource {
public:
  static constexpr std::uint32_t kSampleRateHz = 16000;
  /// \brief Silence before each file: longer than the detector's hold-off, so that two files
  /// never merge into one event.
  static constexpr std::uint32_t kGapFrames = kSampleRateHz / 2;

  /// \brief Read every file of \p paths; false with \p error naming the file and the reason
  /// (missing, not a WAV, not 16 kHz mono 16-bit PCM).
  bool load(const std::vector<std::string>& paths, std::string& error);
  /// \brief Read one WAV file's samples; false with \p error set (same rules as load()).
  static bool readWav(const std::string& path, std::vector<std::int16_t>& samples,
                      std::string& error);

  /// \brief Loop over the files (true) or play one only when asked (false).
  void setLooping(bool looping) { m_looping = looping; }
  bool looping() const { return m_looping; }
  /// \brief Play the next file after a gap (on request mode); false if one is already queued.
  bool playNext();
  /// \brief Continue the stream by \p frames frames (1 value each).
  void generate(std::int16_t* out, std::uint32_t frames);

  /// \brief Files loaded.
  std::size_t fileCount() const { return m_files.size(); }
  /// \brief Index of the file playing or next to play.
  std::size_t currentFile() const { return m_file; }
  /// \brief Files started so far.
  std::uint32_t filesStarted() const { return m_started; }

private:
  std::vector<std::vector<std::int16_t>> m_files;
  bool m_looping = true;
  bool m_requested = false;
  bool m_playing = false;
  std::size_t m_file = 0;
  std::size_t m_position = 0;  // in the file playing, or frames of gap so far
  std::uint32_t m_started = 0;
};

} // namespace dlm::board
