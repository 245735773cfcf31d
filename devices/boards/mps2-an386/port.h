#pragma once

// BoardPort of the emulated Cortex-M4F board: Arm MPS2+ AN386 under
// `qemu-system-arm -M mps2-an386` (devices/firmware/board_port.h).
//
//   serial   UART0 (the studio link, `-serial pty`): interrupt-driven RX (IRQ 0) into a ring,
//            non-blocking TX (as many bytes as the UART takes without waiting)
//   clock    timer0 (25 MHz free-running, board.c) -> microseconds. Without -icount that is
//            the host's virtual clock; under -icount it is 1 us per 1000 instructions
//   samples  ClockedMotionSource, the synthetic 3-axis accelerometer paced by micros()
//   storage  two model slots in the `.modelstore` section: emulated flash, placed in the code
//            memory's upper half by mps2_an386.ld (not RAM; the MPU makes it read/write,
//            never executable). NOR semantics: erase fills 0xFF, a write can only clear bits
//   log      UART1 (0x40005000), which QEMU discards unless a second `-serial` is given;
//            never blocks for long
//
// C++17, no heap, no exceptions. One instance (the UART0 RX interrupt serves it).

#include <cstddef>
#include <cstdint>

#include "devices/firmware/board_port.h"
#include "devices/simulator/clocked_motion_source.h"
#include "devices/simulator/motion_source.h"

namespace dlm::boards {

/// \brief The MPS2+ AN386 (emulated Cortex-M4F) port of the firmware application.
class Mps2An386Port final : public firmware::BoardPort {
public:
  /// \brief Hello's board name (at most 23 characters: the protocol's field).
  static constexpr const char* kBoardName = "mps2-an386 emulated M4F";
  static constexpr const char* kFirmwareVersion = "0.1.0";
  static constexpr std::uint16_t kSampleRateHz = 1000;
  static constexpr std::uint8_t kChannels = 3;
  /// \brief Bytes of one model slot: the largest lean model the app can load (256 + 3 x 4
  /// neurons, 58 dims, 12 classes serializes to 141 296 bytes) plus ModelStore's 32-byte
  /// header, rounded up to 144 KiB.
  static constexpr std::uint32_t kSlotBytes = 144u * 1024u;
  /// \brief Bytes of the UART0 receive ring (a power of two).
  static constexpr std::uint32_t kRxRingBytes = 2048;

  /// \brief Bring up the port: UART0 receive interrupt (NVIC IRQ 0), UART1 log, the clock and
  /// the sample source started with \p motion. Call once, after boardInit() (Reset_Handler
  /// does that) and before FirmwareApp::init().
  void init(const firmware::MotionConfig& motion = firmware::MotionConfig());

  firmware::BoardDescription description() const override;
  std::size_t readSerial(std::uint8_t* out, std::size_t capacity) override;
  std::size_t writeSerial(const std::uint8_t* data, std::size_t length) override;
  std::uint32_t micros() override;
  std::uint32_t pullSamples(std::int16_t* out, std::uint32_t maxFrames) override;
  firmware::GestureRequest performGesture(std::uint8_t id) override;
  firmware::GestureRequest setSpontaneousGestures(float ratePerMinute) override;
  std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const override;
  std::uint32_t storageCapacity() const override;
  bool storageErase(std::uint8_t slot) override;
  bool storageWrite(std::uint8_t slot, std::uint32_t offset, const std::uint8_t* data,
                    std::uint32_t length) override;
  const std::uint8_t* storageData(std::uint8_t slot) const override;
  std::uint8_t* storageRam(std::uint8_t slot) override;
  void log(std::uint8_t level, const char* text) override;

  /// \brief Sleep until the next interrupt (UART0 RX, or the 1 kHz wake-up tick of timer1),
  /// unless received bytes are already waiting. Keeps QEMU from spinning a host core.
  void idle();

  /// \brief Times the receive ring was full. No byte is lost: the byte waits in the UART,
  /// which makes QEMU stop reading the host's pty until readSerial() makes room.
  std::uint32_t rxStalls() const;
  /// \brief Bytes received on UART0 since init() (wraps at 2^32).
  std::uint32_t rxBytes() const;
  /// \brief Frames the sample source skipped because the app fell behind (sensor overrun).
  std::uint32_t sampleOverruns() const { return m_motion.overruns(); }
  /// \brief Deepest main-stack use so far, in bytes (the stack is painted by init()).
  static std::uint32_t stackPeakBytes();
  /// \brief Write a line to the log UART (UART1) without a level prefix.
  static void logLine(const char* text);

private:
  firmware::ClockedMotionSource m_motion;
  std::uint32_t m_lastTicks = 0;     // timer0 ticks at the last micros()
  std::uint32_t m_tickRemainder = 0; // ticks not yet worth a whole microsecond (< 25)
  std::uint32_t m_micros = 0;
};

} // namespace dlm::boards
