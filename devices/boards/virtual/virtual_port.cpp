#include "devices/boards/virtual/virtual_port.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace dlm::board {

namespace {

std::uint32_t monotonicMicros() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  const std::uint64_t us = static_cast<std::uint64_t>(ts.tv_sec) * 1000000u +
                           static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
  return static_cast<std::uint32_t>(us);  // free-running, wraps like a hardware timer
}

} // namespace

VirtualPort::VirtualPort(int serialFd, std::unique_ptr<BoardSource> source, bool quiet)
    : m_fd(serialFd), m_quiet(quiet), m_source(std::move(source)),
      m_storage(2u * kSlotBytes, 0xFF) {
  m_source->start(monotonicMicros());
}

VirtualPort::~VirtualPort() {
  if (m_storageFd >= 0) ::close(m_storageFd);
}

bool VirtualPort::openStorage(const std::string& path, std::string& error) {
  m_storageFd = ::open(path.c_str(), O_RDWR | O_CREAT, 0644);
  if (m_storageFd < 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  fstat(m_storageFd, &st);
  if (static_cast<std::size_t>(st.st_size) == m_storage.size()) {
    if (pread(m_storageFd, m_storage.data(), m_storage.size(), 0) !=
        static_cast<ssize_t>(m_storage.size())) {
      error = path + ": short read";
      return false;
    }
  } else {
    // New (or foreign-sized) file: start erased.
    if (ftruncate(m_storageFd, 0) != 0 ||
        pwrite(m_storageFd, m_storage.data(), m_storage.size(), 0) !=
            static_cast<ssize_t>(m_storage.size())) {
      error = path + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

firmware::BoardDescription VirtualPort::description() const {
  firmware::BoardDescription d;
  d.name = "virtual-board";
  d.firmwareVersion = "0.1.0";
  d.sampleRateHz = m_source->sampleRateHz();
  d.channels = m_source->channels();  // dlm-board --channels, or the source's own
  d.frontEnd = m_source->frontEnd();
  return d;
}

std::size_t VirtualPort::readSerial(std::uint8_t* out, std::size_t capacity) {
  const ssize_t n = ::read(m_fd, out, capacity);
  if (n <= 0) return 0;  // EAGAIN: nothing; EIO cannot happen while we hold the slave
  m_counters.bytesIn += static_cast<std::uint64_t>(n);
  return static_cast<std::size_t>(n);
}

std::size_t VirtualPort::writeSerial(const std::uint8_t* data, std::size_t length) {
  const ssize_t n = ::write(m_fd, data, length);
  if (n < 0) {
    ++m_counters.writeStalls;
    // EAGAIN: the pty buffer is full (host not reading): the app keeps the bytes queued.
    // Any other error: the bytes are lost, as on a UART nobody listens to.
    return errno == EAGAIN || errno == EINTR ? 0 : length;
  }
  if (static_cast<std::size_t>(n) < length) ++m_counters.writeStalls;
  m_counters.bytesOut += static_cast<std::uint64_t>(n);
  return static_cast<std::size_t>(n);
}

std::uint32_t VirtualPort::micros() { return monotonicMicros(); }

std::uint32_t VirtualPort::pullSamples(std::int16_t* out, std::uint32_t maxFrames) {
  return m_source->pull(monotonicMicros(), out, maxFrames);
}

firmware::GestureRequest VirtualPort::performGesture(std::uint8_t id) {
  return m_source->performGesture(id);
}

firmware::GestureRequest VirtualPort::setSpontaneousGestures(float ratePerMinute) {
  return m_source->setSpontaneousGestures(ratePerMinute);
}

std::uint8_t VirtualPort::requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const {
  return m_source->requestedGesture(framesAgo, frames);
}

bool VirtualPort::storageErase(std::uint8_t slot) {
  if (slot > 1) return false;
  std::memset(m_storage.data() + slot * kSlotBytes, 0xFF, kSlotBytes);
  persist(slot, 0, kSlotBytes);
  return true;
}

bool VirtualPort::storageWrite(std::uint8_t slot, std::uint32_t offset, const std::uint8_t* data,
                               std::uint32_t length) {
  if (slot > 1 || data == nullptr || offset > kSlotBytes || length > kSlotBytes - offset)
    return false;
  std::memcpy(m_storage.data() + slot * kSlotBytes + offset, data, length);
  persist(slot, offset, length);
  return true;
}

const std::uint8_t* VirtualPort::storageData(std::uint8_t slot) const {
  return slot > 1 ? nullptr : m_storage.data() + slot * kSlotBytes;
}

std::uint8_t* VirtualPort::storageRam(std::uint8_t slot) {
  return slot > 1 ? nullptr : m_storage.data() + slot * kSlotBytes;
}

void VirtualPort::persist(std::uint8_t slot, std::uint32_t offset, std::uint32_t length) {
  if (m_storageFd < 0) return;
  const off_t at = static_cast<off_t>(slot) * kSlotBytes + offset;
  if (pwrite(m_storageFd, m_storage.data() + at, length, at) != static_cast<ssize_t>(length))
    log(firmware::kLogWarning, "storage file write failed");
}

void VirtualPort::log(std::uint8_t level, const char* text) {
  if (m_quiet && level < firmware::kLogError) return;
  static const char* const kNames[] = {"debug", "info", "warning", "error"};
  std::fprintf(stderr, "dlm-board: %s: %s\n", kNames[level & 3u], text);
}

} // namespace dlm::board
