#pragma once

// What the studio's panels show of the board's trigger before a board reports its own.

#include "core/protocol/messages.h"

namespace dlm::app {

/// \brief The trigger threshold every board starts with (protocol::kDefaultTrigger), in counts
/// of RMS energy: the live plot's line until a board reports its own.
constexpr float kDefaultTriggerThreshold = protocol::kDefaultTrigger.threshold;

} // namespace dlm::app
