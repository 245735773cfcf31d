#pragma once

// BoardPort of the ST Nucleo-F446RE (devices/firmware/board_port.h).
//
//   serial   USART2 at 921600 8N1 on PA2/PA3 (AF7): the ST-LINK's virtual COM port,
//            /dev/ttyACM* on the host. RXNE interrupt into a 2 KiB ring, TX from a 1 KiB ring
//            drained by the TXE interrupt (uart.h)
//   clock    TIM5, 32-bit at 1 MHz (emulation: SysTick, see board.h)
//   samples  the ADC (A0-A2, 1 kHz, adc_sampler.h) on the chip; the synthetic
//            ClockedMotionSource under emulation, or everywhere in a build with
//            DLM_NUCLEO_SYNTHETIC_SAMPLES=1 (a demo without sensors)
//   storage  two model slots. Chip: flash sectors 6 and 7 (128 KiB each at 0x08040000 and
//            0x08060000; the image stays in sectors 0-5), kFlashSlotBytes of each used.
//            Emulation: QEMU's netduinoplus2 maps its flash as ROM, so the slots are two
//            kEmulatedSlotBytes areas of the SRAM QEMU maps past the F446's 128 KiB
//            (0x20020000, 64 KiB that only the emulated STM32F405 has), with the same NOR
//            semantics (erase fills 0xFF, a write only clears bits)
//   log      USART1 TX on PA9 (Arduino D8), 115200 Bd; QEMU's first -serial
//
// C++17, no heap, no exceptions. One instance.

#include <cstddef>
#include <cstdint>

#include "adc_sampler.h"
#include "devices/firmware/board_port.h"
#include "devices/simulator/clocked_motion_source.h"
#include "devices/simulator/motion_source.h"

#ifndef DLM_NUCLEO_SLOT_BYTES
#error "DLM_NUCLEO_SLOT_BYTES: set by devices/boards/nucleo-f446re/board_config.cmake"
#endif
#ifndef DLM_NUCLEO_SYNTHETIC_SAMPLES
#define DLM_NUCLEO_SYNTHETIC_SAMPLES 0
#endif

namespace dlm::boards {

/// \brief The Nucleo-F446RE port of the firmware application.
class NucleoF446rePort final : public firmware::BoardPort {
public:
  static constexpr const char* kBoardName = "nucleo-f446re";
  static constexpr const char* kEmulatedBoardName = "nucleo-f446re emulated";
  static constexpr const char* kFirmwareVersion = "0.1.0";
  static constexpr std::uint16_t kSampleRateHz = 1000;
  static constexpr std::uint8_t kChannels = 3;
  static constexpr std::uint32_t kLinkBaud = 921600;
  /// \brief Bytes of a flash model slot: the largest model the app can load at this build's
  /// capacity plus ModelStore's 32-byte header (board_config.cmake has the sum).
  static constexpr std::uint32_t kFlashSlotBytes = DLM_NUCLEO_SLOT_BYTES;
  /// \brief Flash sectors of the two slots.
  static constexpr std::uint32_t kSlotSectors[2] = {6, 7};
  /// \brief Bytes of an emulated slot: half of the 64 KiB QEMU maps beyond the F446's SRAM.
  static constexpr std::uint32_t kEmulatedSlotBytes = 32u * 1024u;
  static constexpr std::uintptr_t kEmulatedSlotBase = 0x20020000u;
  static_assert(kFlashSlotBytes <= 128u * 1024u, "a flash slot is one 128 KiB sector");

  /// \brief Start the link, the clock and the sample source (after NucleoBoard::init()).
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
  void log(std::uint8_t level, const char* text) override;

  /// \brief True when the samples come from the ADC (the chip, not forced synthetic).
  bool usesAdc() const { return m_useAdc; }
  /// \brief Frames the sample source skipped (the app fell behind, or a flash erase).
  std::uint32_t sampleOverruns() const;

private:
  std::uint8_t* emulatedSlot(std::uint8_t slot) const;

  bool m_useAdc = false;
  AdcSampler m_adc;
  firmware::ClockedMotionSource m_motion;
};

} // namespace dlm::boards
