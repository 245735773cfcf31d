#pragma once

// What the studio's panels show of the board's trigger before a board reports its own.

#include "app/views/board_views.h"
#include "core/protocol/messages.h"

namespace dlm::app {

/// \brief The trigger threshold every board starts with (protocol::kDefaultTrigger), in counts
/// of RMS energy: the live plot's line until a board reports its own.
constexpr float kDefaultTriggerThreshold = protocol::kDefaultTrigger.threshold;

/// \brief The whole trigger every board starts with, as the studio holds it until a board
/// reports its own.
inline TriggerView defaultTrigger() {
  const protocol::TriggerSettings& t = protocol::kDefaultTrigger;
  return TriggerView{t.threshold, t.preTriggerFrames, t.holdOffFrames, t.minFrames, t.maxFrames};
}

} // namespace dlm::app
