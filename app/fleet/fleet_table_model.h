#pragma once

// The fleet as a table: one row per board the broker's retained messages and the gateways'
// statistics told the studio about (docs/fleet.md §1), with whether it is online, the model it
// runs against the studio's, its event and rejection rates, when it was last heard of, and the
// studio's last push to it. Plain bookkeeping fed with decoded payloads; the fleet client
// feeds it, tests feed it directly.

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <functional>

#include "app/views/fleet_views.h"
#include "devices/fleet/fleet_payloads.h"

namespace dlm::app {

/// \brief What the studio knows of one board of the fleet.
struct FleetBoardRecord {
  QString site;
  QString gateway;
  QString board;
  bool hasIdentity = false;
  link::BoardInfo info; ///< from BoardIdentity (info.portName: the port on its gateway)
  bool hasState = false;
  link::LinkState linkState = link::LinkState::Disconnected;
  QString detail;       ///< BoardState's words
  quint32 modelCrc = 0; ///< the newest of BoardIdentity's and BoardState's
  double modelT = -1.0; ///< `t` of the payload modelCrc comes from
  bool hasStats = false;
  double eventRate = 0.0;
  double rejectionRate = 0.0;
  double lastSeenMs = 0.0; ///< the newest `t` of any payload about it (publisher's clock)
  // The studio's last push to it.
  FleetPushPhase push = FleetPushPhase::None;
  QString pushId;
  quint32 pushSent = 0;
  quint32 pushTotal = 0;
  quint32 pushModel = 0;    ///< the identity pushed
  quint32 pushReported = 0; ///< the identity the board reported in the outcome
  QString pushMessage;

  QString key() const;
};

/// \brief What the studio knows of one gateway.
struct FleetGatewayRecord {
  bool known = false;
  bool online = false;
  QString reason;
  QStringList boards;
  QString version;
};

/// \brief The fleet table (columns and roles: FleetTableLayout).
class FleetTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  explicit FleetTableModel(QObject* parent = nullptr);

  /// \brief "site/gateway/board".
  static QString keyOf(const QString& site, const QString& gateway, const QString& board);
  /// \brief The clock "last seen" counts from (ms since the epoch); tests set theirs.
  void setClock(std::function<double()> nowMs);

  void applyGatewayStatus(const QString& site, const fleet::GatewayStatus& status);
  void applyIdentity(const QString& site, const QString& gateway, const fleet::BoardIdentity& id);
  void applyState(const QString& site, const QString& gateway, const fleet::BoardState& state);
  void applyStats(const QString& site, const QString& gateway, const fleet::BoardStats& stats);
  /// \brief An event of the board arrived (it was heard of at \p t).
  void applySeen(const QString& site, const QString& gateway, const QString& board, double t);
  /// \brief A push of the studio's is on its way to the board.
  void startPush(const QString& key, const QString& push, quint32 model, quint32 bytes);
  /// \brief Progress of the studio's push \p progress.push; false (ignored) for another push.
  bool applyProgress(const QString& site, const QString& gateway,
                     const fleet::PushProgress& progress);
  /// \brief The outcome of push \p outcome.push; false (ignored) unless it is the studio's
  /// push in progress there (a retained outcome of an older push changes nothing).
  bool applyOutcome(const QString& site, const QString& gateway, const fleet::PushOutcome& outcome);
  /// \brief The studio's model changed: every board's match follows.
  void setStudioModel(quint32 identity);
  quint32 studioModel() const { return m_studioModel; }
  /// \brief Forget everything (a new broker connection refills it from retained messages).
  void clear();

  int boardCount() const { return int(m_rows.size()); }
  /// \brief The record of \p key, or null.
  const FleetBoardRecord* record(const QString& key) const;
  const FleetBoardRecord& recordAt(int row) const { return m_rows.at(row); }
  /// \brief True when \p key's board is connected to its gateway and the gateway is online.
  bool isOnline(const QString& key) const;
  FleetModelMatch matchOf(const FleetBoardRecord& record) const;
  const FleetGatewayRecord* gateway(const QString& site, const QString& gateway) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

signals:
  /// \brief Something about \p key changed (a row's data, its being online...).
  void boardChanged(const QString& key);

private:
  bool online(const FleetBoardRecord& r) const;
  int rowFor(const QString& site, const QString& gateway, const QString& board);
  void touch(int row, double t);
  void changed(int row);
  QVariant display(const FleetBoardRecord& r, int column) const;
  QVariant sortKey(const FleetBoardRecord& r, int column) const;
  QVariant toolTip(const FleetBoardRecord& r, int column) const;
  QVariant foreground(const FleetBoardRecord& r, int column) const;
  QString stateText(const FleetBoardRecord& r) const;
  QString modelText(const FleetBoardRecord& r) const;
  QString pushText(const FleetBoardRecord& r) const;
  QString lastSeenText(double t) const;
  QString filterText(const FleetBoardRecord& r) const;

  QVector<FleetBoardRecord> m_rows;
  QHash<QString, int> m_index;                  ///< key -> row
  QHash<QString, FleetGatewayRecord> m_gateways; ///< "site/gateway" -> gateway
  quint32 m_studioModel = 0;
  std::function<double()> m_now;
  QTimer m_ageTimer; ///< "last seen" ages with the clock
};

} // namespace dlm::app
