#pragma once

// Encoding and strict decoding of every fleet payload (docs/fleet.md §2-3). encode() writes
// compact JSON; decode() accepts a payload only when every documented member has its type and
// range (unknown members are ignored), and otherwise leaves \p out untouched and says why in
// \p error. Decoding never throws and never trusts a length it has not checked.

#include <QByteArray>
#include <QString>

#include "devices/fleet/fleet_payloads.h"

namespace dlm {
namespace fleet {

QByteArray encode(const GatewayStatus& value);
QByteArray encode(const GatewayStats& value);
QByteArray encode(const BoardIdentity& value);
QByteArray encode(const BoardState& value);
QByteArray encode(const FleetEvent& value);
QByteArray encode(const BoardStats& value);
QByteArray encode(const SamplesPayload& value);
QByteArray encode(const LogLine& value);
QByteArray encode(const ModelPush& value);
QByteArray encode(const PushProgress& value);
QByteArray encode(const PushOutcome& value);
QByteArray encode(const FleetCommand& value);
QByteArray encode(const CommandResult& value);

bool decode(const QByteArray& payload, GatewayStatus& out, QString* error = nullptr);
bool decode(const QByteArray& payload, GatewayStats& out, QString* error = nullptr);
bool decode(const QByteArray& payload, BoardIdentity& out, QString* error = nullptr);
bool decode(const QByteArray& payload, BoardState& out, QString* error = nullptr);
bool decode(const QByteArray& payload, FleetEvent& out, QString* error = nullptr);
bool decode(const QByteArray& payload, BoardStats& out, QString* error = nullptr);
bool decode(const QByteArray& payload, SamplesPayload& out, QString* error = nullptr);
bool decode(const QByteArray& payload, LogLine& out, QString* error = nullptr);
/// \brief Also checks the model against its size, SHA-256 and identity.
bool decode(const QByteArray& payload, ModelPush& out, QString* error = nullptr);
bool decode(const QByteArray& payload, PushProgress& out, QString* error = nullptr);
bool decode(const QByteArray& payload, PushOutcome& out, QString* error = nullptr);
bool decode(const QByteArray& payload, FleetCommand& out, QString* error = nullptr);
bool decode(const QByteArray& payload, CommandResult& out, QString* error = nullptr);

} // namespace fleet
} // namespace dlm
