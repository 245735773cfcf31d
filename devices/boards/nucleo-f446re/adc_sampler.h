#pragma once

// The Nucleo-F446RE's real sample source: ADC1 scanning Arduino A0, A1, A2 (PA0, PA1, PA4 =
// IN0, IN1, IN4) on every rising TIM3 TRGO (1 kHz), DMA2 stream 0 copying each conversion into
// a circular buffer. The CPU takes no interrupt per sample: the DMA's transfer-complete
// interrupt only counts laps, and pull() reads the position from the stream's NDTR.
//
// Hardware only: QEMU's netduinoplus2 models neither the DMA controller nor the ADC's external
// trigger, so the port uses the synthetic source there (port.h).

#include <cstdint>

namespace dlm::boards {

/// \brief ADC1 + TIM3 + DMA2 stream 0: three channels at 1 kHz.
class AdcSampler {
public:
  static constexpr std::uint32_t kChannels = 3;
  /// \brief Frames in the DMA ring: 64 ms at 1 kHz.
  static constexpr std::uint32_t kRingFrames = 64;
  /// \brief Most frames pull() lets wait: beyond that the oldest are skipped (an overrun),
  /// well before the DMA would overwrite a frame being read.
  static constexpr std::uint32_t kMaxBacklogFrames = 48;

  /// \brief Configure and start (clocks and pins already enabled by NucleoBoard::init()).
  /// \p timerClock is TIM3's input clock (Hz), \p rateHz the frame rate.
  void start(std::uint32_t timerClock, std::uint32_t rateHz);
  /// \brief Frames completed since the last call, at most \p maxFrames, interleaved int16
  /// (12-bit code - 2048, times 16: full int16 range, 0 V at -32768).
  std::uint32_t pull(std::int16_t* out, std::uint32_t maxFrames);
  /// \brief Forget what is waiting (after a flash erase stalled the CPU past the ring).
  void resync();
  /// \brief Frames skipped: backlog beyond kMaxBacklogFrames, ADC overruns, resyncs.
  std::uint32_t skipped() const { return m_skipped; }

  /// \brief DMA2 stream 0 interrupt: count a lap, clear the flags, report errors.
  static void onDmaInterrupt();
  /// \brief ADC interrupt (OVR only): stop; pull() restarts the conversion chain.
  static void onAdcInterrupt();

private:
  std::uint32_t framesWritten() const;
  void startDma();
  void restart();

  std::uint32_t m_read = 0;     // frames consumed (free-running, like framesWritten())
  std::uint32_t m_skipped = 0;
  std::uint32_t m_timerClock = 0;
  std::uint32_t m_rateHz = 0;
};

} // namespace dlm::boards
