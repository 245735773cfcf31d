#pragma once

// A WAV reader for recordings (issue 13): 16-bit PCM only, any rate and channel count, with
// every size in the header checked against the file before anything is allocated, because a
// recording folder is untrusted input.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dlm::data {

/// \brief The samples of a WAV file, interleaved int16.
struct WavAudio {
  int channels = 0;
  std::uint32_t sampleRateHz = 0;
  std::uint32_t frames = 0;
  std::vector<std::int16_t> samples;  ///< frames x channels
};

/// \brief Most sample bytes readWav() accepts by default (64 MiB: over half an hour of
/// 16 kHz mono), so a header that declares gigabytes cannot make it allocate them.
constexpr std::size_t kMaxWavDataBytes = std::size_t(64) << 20;

/// \brief Read a RIFF/WAVE file of 16-bit PCM samples (WAVE_FORMAT_PCM, or EXTENSIBLE with
/// the PCM sub-format). Chunks other than "fmt " and "data" are skipped. A data chunk size of
/// 0xFFFFFFFF (a streamed file) means "to the end of the file"; any other declared size beyond
/// the file's end is an error (truncated), as is data longer than \p maxDataBytes.
/// On failure returns false, leaves \p out untouched and sets \p error to "path: reason".
bool readWav(const std::string& path, WavAudio& out, std::string& error,
             std::size_t maxDataBytes = kMaxWavDataBytes);

/// \brief Write \p audio as a 16-bit PCM WAV file (tests, generated data).
bool writeWav(const std::string& path, const WavAudio& audio, std::string& error);

} // namespace dlm::data
