// BoardPort of the Nucleo-F446RE; see port.h.
#include "port.h"

#include <cstring>

#include "board.h"
#include "devices/firmware/console_line.h"
#include "flash_sectors.h"
#include "uart.h"

namespace dlm::boards {

void NucleoF446rePort::init(const firmware::MotionConfig& motion) {
  NucleoBoard::startLink(kLinkBaud);
  m_useAdc = !NucleoBoard::emulated() && DLM_NUCLEO_SYNTHETIC_SAMPLES == 0;
  if (m_useAdc) {
    m_adc.start(NucleoBoard::clocks().apb1Timers, kSampleRateHz);
  } else {
    m_motion.start(motion, micros());
  }
}

firmware::BoardDescription NucleoF446rePort::description() const {
  firmware::BoardDescription d;
  d.name = NucleoBoard::emulated() ? kEmulatedBoardName : kBoardName;
  d.firmwareVersion = kFirmwareVersion;
  d.sampleRateHz = kSampleRateHz;
  d.channels = kChannels;
  return d;
}

std::size_t NucleoF446rePort::readSerial(std::uint8_t* out, std::size_t capacity) {
  return linkUart().read(out, capacity);
}

std::size_t NucleoF446rePort::writeSerial(const std::uint8_t* data, std::size_t length) {
  return linkUart().write(data, length);
}

std::uint32_t NucleoF446rePort::micros() { return NucleoBoard::micros(); }

std::uint32_t NucleoF446rePort::pullSamples(std::int16_t* out, std::uint32_t maxFrames) {
  return m_useAdc ? m_adc.pull(out, maxFrames) : m_motion.pull(micros(), out, maxFrames);
}

firmware::GestureRequest NucleoF446rePort::performGesture(std::uint8_t id) {
  return m_useAdc ? firmware::GestureRequest::NotSupported : m_motion.performGesture(id);
}

firmware::GestureRequest NucleoF446rePort::setSpontaneousGestures(float ratePerMinute) {
  return m_useAdc ? firmware::GestureRequest::NotSupported
                  : m_motion.setSpontaneousGestures(ratePerMinute);
}

std::uint8_t NucleoF446rePort::requestedGesture(std::uint32_t framesAgo,
                                                std::uint32_t frames) const {
  return m_useAdc ? firmware::kNoRequestedGesture : m_motion.requestedGesture(framesAgo, frames);
}

std::uint32_t NucleoF446rePort::sampleOverruns() const {
  return m_useAdc ? m_adc.skipped() : m_motion.overruns();
}

std::uint32_t NucleoF446rePort::storageCapacity() const {
  return NucleoBoard::emulated() ? kEmulatedSlotBytes : kFlashSlotBytes;
}

std::uint8_t* NucleoF446rePort::emulatedSlot(std::uint8_t slot) const {
  return reinterpret_cast<std::uint8_t*>(kEmulatedSlotBase + slot * kEmulatedSlotBytes);
}

bool NucleoF446rePort::storageErase(std::uint8_t slot) {
  if (slot > 1) return false;
  if (NucleoBoard::emulated()) {
    std::memset(emulatedSlot(slot), 0xFF, kEmulatedSlotBytes);
    return true;
  }
  const bool ok = FlashSectors::erase(kSlotSectors[slot]);
  // The erase held the CPU for about a second: the DMA kept sampling but its lap count did
  // not follow. Start again from what is in the ring now (counted as skipped frames).
  if (m_useAdc) m_adc.resync();
  return ok;
}

bool NucleoF446rePort::storageWrite(std::uint8_t slot, std::uint32_t offset,
                                    const std::uint8_t* data, std::uint32_t length) {
  const std::uint32_t capacity = storageCapacity();
  if (slot > 1 || data == nullptr || offset > capacity || length > capacity - offset) return false;
  if (!NucleoBoard::emulated()) {
    return FlashSectors::program(FlashSectors::address(kSlotSectors[slot]) + offset, data, length);
  }
  // NOR semantics, as the chip: a write only clears bits, so a second write to the same
  // bytes fails (and leaves the AND), which catches an app that writes twice.
  std::uint8_t* dst = emulatedSlot(slot) + offset;
  bool ok = true;
  for (std::uint32_t i = 0; i < length; ++i) {
    const auto v = static_cast<std::uint8_t>(dst[i] & data[i]);
    dst[i] = v;
    ok = ok && v == data[i];
  }
  return ok;
}

const std::uint8_t* NucleoF446rePort::storageData(std::uint8_t slot) const {
  if (slot > 1) return nullptr;
  if (NucleoBoard::emulated()) return emulatedSlot(slot);
  return reinterpret_cast<const std::uint8_t*>(FlashSectors::address(kSlotSectors[slot]));
}

void NucleoF446rePort::log(std::uint8_t level, const char* text) {
  firmware::ConsoleLine<160> line;
  NucleoBoard::logLine(line.text(firmware::logLevelPrefix(level)).text(text).str());
}

} // namespace dlm::boards
