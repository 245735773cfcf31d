#pragma once

// The fleet's topic layout (docs/fleet.md §1): dlm/v1/<site>/<gateway>/[<board>/]<kind>.

#include <QString>
#include <QStringList>

namespace dlm {
namespace fleet {

/// \brief What a topic carries.
enum class TopicKind {
  GatewayStatus, ///< P/status
  GatewayStats,  ///< P/stats
  ModelPush,     ///< P/model/push
  BoardIdentity, ///< P/<board>/identity
  BoardState,    ///< P/<board>/status
  Event,         ///< P/<board>/event
  BoardStats,    ///< P/<board>/stats
  Samples,       ///< P/<board>/samples
  Log,           ///< P/<board>/log
  Command,       ///< P/<board>/cmd
  CommandResult, ///< P/<board>/cmd/result
  PushProgress,  ///< P/<board>/model/progress
  PushOutcome,   ///< P/<board>/model/outcome
};

/// \brief A parsed topic; \c board is empty for the gateway's own topics.
struct Topic {
  QString site;
  QString gateway;
  QString board;
  TopicKind kind = TopicKind::GatewayStatus;
};

/// \brief Longest id.
constexpr int kMaxIdLength = 64;

/// \brief True for 1-64 characters of A-Z a-z 0-9 _ - . (one topic level, never a wildcard).
bool isValidId(const QString& id);
/// \brief \p text with every character an id may not hold replaced by '-', cut to 64 characters
/// ("board" when nothing is left).
QString sanitizeId(const QString& text);
/// \brief True when \p kind is one of a board's topics.
bool isBoardTopic(TopicKind kind);

/// \brief "dlm/v1/<site>/<gateway>".
QString gatewayPrefix(const QString& site, const QString& gateway);
/// \brief The topic of \p kind; \p board is ignored for the gateway's own kinds.
QString topicFor(const QString& site, const QString& gateway, TopicKind kind,
                 const QString& board = QString());
/// \brief Parse \p topic; false unless it is exactly one of the layout's topics with valid ids.
bool parseTopic(const QString& topic, Topic& out);
/// \brief The two filters a gateway subscribes to: P/model/push and P/+/cmd.
QStringList gatewaySubscriptions(const QString& site, const QString& gateway);

} // namespace fleet
} // namespace dlm
