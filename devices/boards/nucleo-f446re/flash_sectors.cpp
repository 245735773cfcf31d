// STM32F446 flash erase/program; see flash_sectors.h.
#include "flash_sectors.h"

#include "board.h"
#include "stm32f446.h"

namespace dlm::boards {

namespace {

using namespace f446;

constexpr std::uint32_t kFlashBase = 0x08000000u;
constexpr std::uint32_t kSectors = 8;
// Deadlines: 128 KiB sector erase at x32 is 1 s typical, 2 s worst case (DS10693 table
// "Flash memory programming"); a byte program at most 100 us. Twice those, measured on TIM5,
// which runs on through the CPU stall.
constexpr std::uint32_t kEraseTimeoutUs = 4000000u;
constexpr std::uint32_t kProgramTimeoutUs = 1000u;

// Reads of the slots go through the flash data cache: drop what it holds after a change.
void flushDataCache() {
  reg(kFlashAcr) &= ~kFlashAcrDcen;
  reg(kFlashAcr) |= kFlashAcrDcrst;
  reg(kFlashAcr) &= ~kFlashAcrDcrst;
  reg(kFlashAcr) |= kFlashAcrDcen;
}

} // namespace

std::uint32_t FlashSectors::address(std::uint32_t sector) {
  if (sector < 4) return kFlashBase + sector * 0x4000u;
  if (sector == 4) return kFlashBase + 0x10000u;
  return kFlashBase + 0x20000u * (sector - 4u);
}

std::uint32_t FlashSectors::size(std::uint32_t sector) {
  if (sector < 4) return 0x4000u;
  return sector == 4 ? 0x10000u : 0x20000u;
}

bool FlashSectors::waitIdle(std::uint32_t timeoutUs, const char* what) {
  const std::uint32_t start = NucleoBoard::micros();
  while ((reg(kFlashSr) & kFlashSrBsy) != 0) {
    if (NucleoBoard::micros() - start > timeoutUs) {
      NucleoBoard::fault(NucleoBoard::faults().flashBusy, what);
      return false;
    }
  }
  return true;
}

// Idle, errors of an earlier operation cleared (write 1s), unlocked.
bool FlashSectors::begin() {
  if (!waitIdle(kEraseTimeoutUs, "flash busy before an operation")) return false;
  reg(kFlashSr) = kFlashSrErrors | kFlashSrEop;
  if ((reg(kFlashCr) & kFlashCrLock) != 0) {
    reg(kFlashKeyr) = kFlashKey1;
    reg(kFlashKeyr) = kFlashKey2;
  }
  if ((reg(kFlashCr) & kFlashCrLock) != 0) {
    NucleoBoard::fault(NucleoBoard::faults().flashError, "flash unlock refused");
    return false;
  }
  return true;
}

// Clear the operation bits, lock again (always), report error flags.
bool FlashSectors::end(const char* what) {
  const std::uint32_t errors = reg(kFlashSr) & kFlashSrErrors;
  reg(kFlashCr) = kFlashCrLock;
  flushDataCache();
  if (errors != 0) {
    reg(kFlashSr) = errors;
    NucleoBoard::fault(NucleoBoard::faults().flashError, what);
    return false;
  }
  return true;
}

bool FlashSectors::erase(std::uint32_t sector) {
  if (sector >= kSectors || !begin()) return false;
  reg(kFlashCr) = kFlashCrPsizeX32 | kFlashCrSer | (sector << kFlashCrSnbShift);
  reg(kFlashCr) |= kFlashCrStrt;
  const bool idle = waitIdle(kEraseTimeoutUs, "flash erase timed out");
  if (!end("flash erase error flag") || !idle) return false;
  const auto* word = reinterpret_cast<const volatile std::uint32_t*>(address(sector));
  for (std::uint32_t i = 0; i < size(sector) / 4u; ++i) {
    if (word[i] != 0xFFFFFFFFu) {
      NucleoBoard::fault(NucleoBoard::faults().flashError, "flash sector not blank after erase");
      return false;
    }
  }
  return true;
}

bool FlashSectors::program(std::uint32_t address, const std::uint8_t* data,
                           std::uint32_t length) {
  if (length == 0) return true;
  if (!begin()) return false;
  reg(kFlashCr) = kFlashCrPsizeX8 | kFlashCrPg;
  auto* dst = reinterpret_cast<volatile std::uint8_t*>(address);
  bool idle = true;
  for (std::uint32_t i = 0; i < length && idle; ++i) {
    dst[i] = data[i];
    idle = waitIdle(kProgramTimeoutUs, "flash program timed out");
    if ((reg(kFlashSr) & kFlashSrErrors) != 0) break;
  }
  if (!end("flash program error flag") || !idle) return false;
  for (std::uint32_t i = 0; i < length; ++i) {
    if (dst[i] != data[i]) {
      NucleoBoard::fault(NucleoBoard::faults().flashError, "flash read-back differs");
      return false;
    }
  }
  return true;
}

} // namespace dlm::boards
