#pragma once

// Internal to devices/link: conversions between core/protocol messages and the link's Qt
// value types.

#include <QString>

#include "core/protocol/messages.h"
#include "devices/link/link_types.h"

namespace dlm {
namespace link {

BoardInfo toBoardInfo(const protocol::Hello& hello, const QString& portName, int version);
BoardEvent toBoardEvent(const protocol::Event& event);
BoardStatus toBoardStatus(const protocol::BoardStatus& status);
LogLevel toLogLevel(protocol::LogLevel level);
/// The board's ack code in words for the user (translated).
QString ackCodeWords(protocol::AckCode code);
/// False when \p config is outside what the protocol carries (the board would refuse it).
bool toTriggerSettings(const TriggerConfig& config, protocol::TriggerSettings& out);

} // namespace link
} // namespace dlm
