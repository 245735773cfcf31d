#pragma once

// What a board supplies to the board-independent firmware application (FirmwareApp).
// A port implements BoardPort in one folder (devices/boards/<board>/) and calls
// FirmwareApp::init() once and FirmwareApp::poll() from its main loop. Every call below is
// made from that loop only (never from an interrupt), so a port needs no locking beyond its
// own ISR <-> ring-buffer hand-over.

#include <cstddef>
#include <cstdint>

#include "core/front_end.h"

namespace dlm::firmware {

/// \brief Identity and sensor format of a board, constant for its lifetime.
struct BoardDescription {
  const char* name = "board";          ///< at most 23 characters (Hello's board name field)
  const char* firmwareVersion = "0.0"; ///< at most 15 characters
  std::uint16_t sampleRateHz = 1000;   ///< rate of pullSamples() frames
  std::uint8_t channels = 3;           ///< int16 values per frame, 1..6
  /// The front-end of the board's event descriptors (issue 13). Motion, the default: the
  /// motion descriptor of \c channels (dlm::descriptorFor()), its other fields ignored.
  /// Spectral: \c frontEnd.spectral as given, e.g. dlm::soundSpectral() for a microphone; its
  /// channels and sampleRateHz must be the board's, and the build must reserve its work
  /// memory (DLM_FIRMWARE_SPECTRAL_WORK_BYTES, firmware_limits.h).
  FrontEndConfig frontEnd;
};

/// \brief Outcome of BoardPort::performGesture().
enum class GestureRequest : std::uint8_t {
  Queued,       ///< the sample source will perform it
  Rejected,     ///< unknown gesture id or the source's queue is full
  NotSupported, ///< a real sensor: gestures come from the user's hand
};

/// \brief BoardPort::requestedGesture() when no requested gesture was playing (the same value
/// as protocol::kNoGesture).
constexpr std::uint8_t kNoRequestedGesture = 0xFF;

/// \brief Log severities of BoardPort::log(); the same values as protocol::LogLevel.
enum BoardLogLevel : std::uint8_t { kLogDebug = 0, kLogInfo = 1, kLogWarning = 2, kLogError = 3 };

/// \brief Everything board-specific: serial bytes, clock, samples, model storage, log.
///
/// Serial: non-blocking both ways. The app keeps its own TX queue and retries what
/// writeSerial() did not take, so a port may accept fewer bytes than offered (e.g. only what
/// fits in its UART FIFO or DMA ring).
///
/// Storage: two slots (0 and 1) of storageCapacity() bytes each, counted as flash. The app
/// erases a slot before writing it and writes every byte of a slot at most once between
/// erases, in increasing offsets except for a small header at offset 0 written last (the
/// commit mark), so NOR flash with write-once-after-erase semantics works. Reads go through
/// storageData(), a memory-mapped view. The app never assumes erased bytes have a given value.
///
/// Interfaces have a protected non-virtual destructor: a virtual one would pull
/// operator delete into the firmware image, and ports are never deleted through this type.
class BoardPort {
public:
  /// \brief Name, firmware version and sample format of the board.
  virtual BoardDescription description() const = 0;

  /// \brief Copy up to \p capacity received bytes into \p out; returns how many (0 if none).
  virtual std::size_t readSerial(std::uint8_t* out, std::size_t capacity) = 0;
  /// \brief Offer \p length bytes for transmission; returns how many were taken (may be 0).
  virtual std::size_t writeSerial(const std::uint8_t* data, std::size_t length) = 0;

  /// \brief Free-running microsecond clock; wraps at 2^32 (the app only takes differences).
  virtual std::uint32_t micros() = 0;

  /// \brief Frames sampled since the last call, at most \p maxFrames, interleaved
  /// (description().channels int16 values per frame) into \p out. Returns the frame count.
  /// Frames not taken stay pending for the next call.
  virtual std::uint32_t pullSamples(std::int16_t* out, std::uint32_t maxFrames) = 0;

  /// \brief Ask a synthetic sample source to perform gesture \p id (virtual/emulated boards).
  virtual GestureRequest performGesture(std::uint8_t id) {
    static_cast<void>(id);
    return GestureRequest::NotSupported;
  }

  /// \brief Ask a synthetic sample source to start (\p ratePerMinute > 0) or stop (0)
  /// gestures of its own, at a mean of \p ratePerMinute (finite, already range-checked).
  virtual GestureRequest setSpontaneousGestures(float ratePerMinute) {
    static_cast<void>(ratePerMinute);
    return GestureRequest::NotSupported;
  }

  /// \brief Which requested gesture (a performGesture() id) the synthetic source played over
  /// most of the \p frames frames that began \p framesAgo frames before the end of what
  /// pullSamples() has returned so far; kNoRequestedGesture if none, or if a spontaneous
  /// gesture covered more of them. Relative ages, because the app's stream index restarts at
  /// a Reset while the source runs on. Real sensors cannot know: kNoRequestedGesture.
  virtual std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const {
    static_cast<void>(framesAgo);
    static_cast<void>(frames);
    return kNoRequestedGesture;
  }

  /// \brief Bytes of one model storage slot (0 when the board has no storage).
  virtual std::uint32_t storageCapacity() const = 0;
  /// \brief Erase slot \p slot (0 or 1). False on failure.
  virtual bool storageErase(std::uint8_t slot) = 0;
  /// \brief Write \p length bytes at \p offset of slot \p slot. False on failure or if the
  /// range exceeds storageCapacity().
  virtual bool storageWrite(std::uint8_t slot, std::uint32_t offset, const std::uint8_t* data,
                            std::uint32_t length) = 0;
  /// \brief Memory-mapped read view of slot \p slot (storageCapacity() bytes), or null.
  virtual const std::uint8_t* storageData(std::uint8_t slot) const = 0;
  /// \brief Optional writable view of slot \p slot when the storage is plain RAM (virtual and
  /// emulated boards). It lets the app serialize a model for a pull in place; flash boards
  /// return null and can then only serve pulls of a model unchanged since it was stored.
  virtual std::uint8_t* storageRam(std::uint8_t slot) {
    static_cast<void>(slot);
    return nullptr;
  }

  /// \brief A line for the board's own console (semihosting, stderr, ...); may do nothing.
  /// \p level is a BoardLogLevel. The app also sends notable lines to the studio itself.
  virtual void log(std::uint8_t level, const char* text) = 0;

protected:
  BoardPort() = default;
  BoardPort(const BoardPort&) = default;
  BoardPort& operator=(const BoardPort&) = default;
  ~BoardPort() = default;
};

} // namespace dlm::firmware
