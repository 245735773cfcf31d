#pragma once

// BoardPort of the virtual board: a pseudo-terminal as the serial port, the monotonic clock,
// a sample source paced by it (motion, vibration or WAV files: board_sources.h), and model storage in memory (optionally mirrored
// to a file, so that a model survives a restart).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/firmware/board_port.h"
#include "devices/boards/virtual/board_sources.h"

namespace dlm::board {

/// \brief Serial byte counters of the virtual port.
struct PortCounters {
  std::uint64_t bytesIn = 0;
  std::uint64_t bytesOut = 0;
  std::uint64_t writeStalls = 0;  ///< writes the pty did not take in full (host not reading)
};

/// \brief The virtual board's BoardPort.
class VirtualPort final : public firmware::BoardPort {
public:
  static constexpr std::uint32_t kSlotBytes = 256u * 1024u;

  /// \brief \p serialFd: the pty master (non-blocking); \p source: the samples (not null);
  /// storage starts erased, in memory.
  VirtualPort(int serialFd, std::unique_ptr<BoardSource> source, bool quiet);
  ~VirtualPort();
  VirtualPort(const VirtualPort&) = delete;
  VirtualPort& operator=(const VirtualPort&) = delete;

  /// \brief Load (or create) the storage file. False with \p error set.
  bool openStorage(const std::string& path, std::string& error);

  firmware::BoardDescription description() const override;
  std::size_t readSerial(std::uint8_t* out, std::size_t capacity) override;
  std::size_t writeSerial(const std::uint8_t* data, std::size_t length) override;
  std::uint32_t micros() override;
  std::uint32_t pullSamples(std::int16_t* out, std::uint32_t maxFrames) override;
  firmware::GestureRequest performGesture(std::uint8_t id) override;
  firmware::GestureRequest setSpontaneousGestures(float ratePerMinute) override;
  std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const override;
  std::uint32_t storageCapacity() const override { return kSlotBytes; }
  bool storageErase(std::uint8_t slot) override;
  bool storageWrite(std::uint8_t slot, std::uint32_t offset, const std::uint8_t* data,
                    std::uint32_t length) override;
  const std::uint8_t* storageData(std::uint8_t slot) const override;
  std::uint8_t* storageRam(std::uint8_t slot) override;
  void log(std::uint8_t level, const char* text) override;

  const PortCounters& counters() const { return m_counters; }
  /// \brief The sample source.
  const BoardSource& source() const { return *m_source; }

private:
  void persist(std::uint8_t slot, std::uint32_t offset, std::uint32_t length);

  int m_fd;
  bool m_quiet;
  std::unique_ptr<BoardSource> m_source;
  std::vector<std::uint8_t> m_storage;  // two slots, erased = 0xFF like NOR flash
  int m_storageFd = -1;
  PortCounters m_counters;
};

} // namespace dlm::board
