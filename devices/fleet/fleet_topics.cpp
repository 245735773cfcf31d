#include "devices/fleet/fleet_topics.h"

#include <array>
#include <utility>

namespace dlm {
namespace fleet {

namespace {

const QString kRoot = QStringLiteral("dlm/v1");

bool isIdChar(QChar c) {
  const char16_t u = c.unicode();
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
         u == '_' || u == '-' || u == '.';
}

// The suffix after the gateway prefix (and after the board for a board's topic).
struct KindSuffix {
  TopicKind kind;
  const char* suffix;
};

constexpr std::array<KindSuffix, 13> kSuffixes{{
    {TopicKind::GatewayStatus, "status"},
    {TopicKind::GatewayStats, "stats"},
    {TopicKind::ModelPush, "model/push"},
    {TopicKind::BoardIdentity, "identity"},
    {TopicKind::BoardState, "status"},
    {TopicKind::Event, "event"},
    {TopicKind::BoardStats, "stats"},
    {TopicKind::Samples, "samples"},
    {TopicKind::Log, "log"},
    {TopicKind::Command, "cmd"},
    {TopicKind::CommandResult, "cmd/result"},
    {TopicKind::PushProgress, "model/progress"},
    {TopicKind::PushOutcome, "model/outcome"},
}};

QString suffixOf(TopicKind kind) {
  for (const KindSuffix& k : kSuffixes)
    if (k.kind == kind) return QString::fromLatin1(k.suffix);
  return QString();
}

bool matchSuffix(const QStringList& parts, qsizetype from, bool board, TopicKind& out) {
  const QString rest = parts.mid(from).join(QLatin1Char('/'));
  for (const KindSuffix& k : kSuffixes) {
    if (isBoardTopic(k.kind) != board) continue;
    if (rest == QLatin1String(k.suffix)) {
      out = k.kind;
      return true;
    }
  }
  return false;
}

} // namespace

bool isValidId(const QString& id) {
  if (id.isEmpty() || id.size() > kMaxIdLength) return false;
  for (QChar c : id)
    if (!isIdChar(c)) return false;
  return true;
}

QString sanitizeId(const QString& text) {
  QString out;
  for (QChar c : text) {
    if (out.size() >= kMaxIdLength) break;
    out += isIdChar(c) ? c : QLatin1Char('-');
  }
  return out.isEmpty() ? QStringLiteral("board") : out;
}

bool isBoardTopic(TopicKind kind) {
  return kind != TopicKind::GatewayStatus && kind != TopicKind::GatewayStats &&
         kind != TopicKind::ModelPush;
}

QString gatewayPrefix(const QString& site, const QString& gateway) {
  return kRoot + QLatin1Char('/') + site + QLatin1Char('/') + gateway;
}

QString topicFor(const QString& site, const QString& gateway, TopicKind kind,
                 const QString& board) {
  QString topic = gatewayPrefix(site, gateway) + QLatin1Char('/');
  if (isBoardTopic(kind)) topic += board + QLatin1Char('/');
  return topic + suffixOf(kind);
}

bool parseTopic(const QString& topic, Topic& out) {
  const QStringList parts = topic.split(QLatin1Char('/'));
  // dlm, v1, site, gateway, then 1-2 levels (gateway topic) or a board and 1-2 levels.
  if (parts.size() < 5 || parts.size() > 7) return false;
  if (parts[0] != QLatin1String("dlm") || parts[1] != QLatin1String("v1")) return false;
  if (!isValidId(parts[2]) || !isValidId(parts[3])) return false;
  Topic t;
  t.site = parts[2];
  t.gateway = parts[3];
  if (matchSuffix(parts, 4, false, t.kind)) {
    out = std::move(t);
    return true;
  }
  if (!isValidId(parts[4]) || !matchSuffix(parts, 5, true, t.kind)) return false;
  t.board = parts[4];
  out = std::move(t);
  return true;
}

QStringList gatewaySubscriptions(const QString& site, const QString& gateway) {
  const QString prefix = gatewayPrefix(site, gateway);
  return {prefix + QStringLiteral("/model/push"), prefix + QStringLiteral("/+/cmd")};
}

} // namespace fleet
} // namespace dlm
