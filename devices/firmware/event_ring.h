#pragma once

#include <cstdint>

#include "devices/firmware/firmware_limits.h"

namespace dlm::firmware {

/// \brief One recent event: what the board reported, and the descriptor LabelEvent learns.
struct StoredEvent {
  std::uint32_t id = 0;
  std::uint32_t startSample = 0;
  std::uint16_t frames = 0;
  std::int16_t predictedClass = -1;
  std::int16_t bestClass = -1;
  std::int16_t label = -1;
  std::uint8_t flags = 0;  ///< protocol::EventFlag bits
  std::uint8_t requestedGesture = 0xFF;  ///< protocol::kNoGesture unless a request caused it
  float confidence = 0.0f;
  float knownScore = 0.0f;
  float descriptor[kAppDescriptorDims] = {};
};

/// \brief The kCapacity most recent events, oldest overwritten first. Linear search: the
/// ring is small and LabelEvent is rare.
class EventRing {
public:
  static constexpr std::uint32_t kCapacity = 16;

  /// \brief Slot for a new event (overwrites the oldest); the caller fills it.
  StoredEvent& add() {
    StoredEvent& e = m_events[m_next];
    m_next = (m_next + 1) % kCapacity;
    e = StoredEvent();
    return e;
  }
  /// \brief The event with id \p id, or null if unknown or forgotten (id 0 is never used).
  StoredEvent* find(std::uint32_t id) {
    if (id == 0) return nullptr;
    for (StoredEvent& e : m_events) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
  /// \brief Forget event \p id. False if unknown.
  bool forget(std::uint32_t id) {
    StoredEvent* e = find(id);
    if (e == nullptr) return false;
    e->id = 0;
    return true;
  }
  /// \brief Forget every event.
  void clear() {
    for (StoredEvent& e : m_events) e.id = 0;
    m_next = 0;
  }

private:
  StoredEvent m_events[kCapacity];
  std::uint32_t m_next = 0;
};

} // namespace dlm::firmware
