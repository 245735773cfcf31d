#pragma once

// What the studio shows and asks of a fleet of boards behind an MQTT broker (docs/fleet.md),
// as app-level values: the fleet client converts the protocol's payloads into these, so no
// widget depends on devices/. Registered meta-types, queued across threads.

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace dlm::app {

/// \brief How to reach and log in to the broker (docs/fleet.md §7). Kept in the studio's
/// settings, the password only when the user asks for it.
struct BrokerSettings {
  QString host = QStringLiteral("localhost");
  int port = 1883;       ///< 1883 plain, 8883 with TLS by convention
  QString caFile;        ///< non-empty: TLS, the broker's certificate checked against it
  QString certFile;      ///< a client certificate (with keyFile) when the broker asks for one
  QString keyFile;
  QString username;      ///< empty: anonymous
  QString password;
  bool rememberPassword = false; ///< keep the password in the settings (unencrypted)

  bool usesTls() const { return !caFile.isEmpty(); }
  /// \brief "localhost:1883", "broker.plant:8883 (TLS)".
  QString address() const {
    const QString a = QStringLiteral("%1:%2").arg(host).arg(port);
    return usesTls() ? a + QStringLiteral(" (TLS)") : a;
  }
  bool operator==(const BrokerSettings& o) const {
    return host == o.host && port == o.port && caFile == o.caFile && certFile == o.certFile &&
           keyFile == o.keyFile && username == o.username && password == o.password &&
           rememberPassword == o.rememberPassword;
  }
  bool operator!=(const BrokerSettings& o) const { return !(*this == o); }
};

/// \brief Where the studio's connection to the broker stands.
struct BrokerStatusView {
  enum class State {
    Off,        ///< not connected, not trying (never asked, or disconnected on purpose)
    Connecting, ///< the first attempt is under way
    Connected,
    Retrying,   ///< unreachable, refused or lost: trying again by itself (message says why)
  };
  State state = State::Off;
  QString address;  ///< BrokerSettings::address()
  QString message;  ///< in words, with what to do when something is wrong
  int reconnects = 0;
  quint64 malformed = 0; ///< payloads rejected and ignored (docs/fleet.md §2)
  QString lastMalformed; ///< topic and reason of the last one, empty when none
};

/// \brief Columns and roles of the fleet table: the contract between the model the
/// application layer builds and the fleet view that only sees a QAbstractItemModel.
struct FleetTableLayout {
  enum Column {
    SiteColumn,
    GatewayColumn,
    BoardColumn,
    StateColumn,     ///< online / offline, and why
    ModelColumn,     ///< the model's identity, and whether it is the studio's
    EventRateColumn, ///< events per second
    RejectionColumn, ///< share rejected as unknown
    LastSeenColumn,
    PushColumn,      ///< the studio's last push to it: progress, then outcome
    ColumnCount
  };
  enum Role {
    SortRole = Qt::UserRole + 1, ///< numeric or text key of the cell
    KeyRole,                     ///< the board's key "site/gateway/board" (any column)
    OnlineRole,                  ///< bool (any column)
    ModelMatchRole,              ///< int: a FleetModelMatch (any column)
    PushPhaseRole,               ///< int: a FleetPushPhase (any column)
    FilterRole,                  ///< everything a filter matches, in one string (any column)
  };
};

/// \brief A board's model against the studio's.
enum class FleetModelMatch { Unknown, NoModel, Matches, Differs };

/// \brief Where the studio's last push to a board stands.
enum class FleetPushPhase {
  None,       ///< no push from this studio
  Queued,     ///< accepted by the gateway, waiting for its turn
  Waiting,    ///< the board is not connected: the push starts when it is
  Sending,    ///< chunks going to the board
  Verifying,  ///< all sent: the board checks, activates, and reports its model
  Verified,   ///< the board runs the pushed model (it reported its identity)
  Failed,     ///< refused or lost: the board keeps its previous model
  Superseded, ///< a newer push for the board came first
};

/// \brief True when \p phase is an outcome (the push is over).
inline bool isFinished(FleetPushPhase phase) {
  return phase == FleetPushPhase::Verified || phase == FleetPushPhase::Failed ||
         phase == FleetPushPhase::Superseded;
}

/// \brief One push to a selection of boards, as the fleet view sums it up.
struct FleetPushSummary {
  QString push;      ///< the push's id
  quint32 modelIdentity = 0;
  int targets = 0;
  int verified = 0;
  int failed = 0;    ///< failed or superseded
  int pending = 0;   ///< not finished yet
  bool finished() const { return pending == 0; }
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::BrokerSettings)
Q_DECLARE_METATYPE(dlm::app::BrokerStatusView)
Q_DECLARE_METATYPE(dlm::app::FleetPushSummary)
