#pragma once

// Erase and program of the STM32F446's internal flash through the FLASH interface registers
// (RM0390 section 3.6): unlock with the two KEYR keys, SER + SNB + STRT for a sector erase,
// PG for programming, BSY polled with a deadline, every SR error flag reported.
//
// Hardware only: QEMU's netduinoplus2 maps the flash as ROM and leaves the interface
// unimplemented. While an erase or a write runs, the CPU stalls on its next fetch from flash
// (the code runs from flash, single bank): a sector erase (1-2 s for 128 KB) holds the whole
// firmware, interrupts included, for that long.

#include <cstdint>

namespace dlm::boards {

/// \brief The F446's flash sectors and the operations on them.
class FlashSectors {
public:
  /// \brief Sector base address and size (0 .. 7: 4 x 16 KiB, 64 KiB, 3 x 128 KiB).
  static std::uint32_t address(std::uint32_t sector);
  static std::uint32_t size(std::uint32_t sector);

  /// \brief Erase \p sector and check that every byte reads 0xFF. False (with a fault logged
  /// and counted) on a timeout, an error flag, or a byte that did not erase.
  static bool erase(std::uint32_t sector);
  /// \brief Program \p length bytes at \p address (any alignment: byte parallelism, valid
  /// from 1.7 V) and read them back. The bytes must be erased. False with a fault otherwise.
  static bool program(std::uint32_t address, const std::uint8_t* data, std::uint32_t length);

private:
  static bool begin();
  static bool waitIdle(std::uint32_t timeoutUs, const char* what);
  static bool end(const char* what);
};

} // namespace dlm::boards
