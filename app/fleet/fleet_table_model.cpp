#include "app/fleet/fleet_table_model.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace dlm::app {

namespace {

using L = FleetTableLayout;

constexpr int kAgeRefreshMs = 1000;

QString hashText(quint32 crc) {
  return QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0')).toUpper();
}

QString percent(double share) {
  //: A share as a percentage, e.g. "12.5 %"; %1 is the number.
  return FleetTableModel::tr("%1 %").arg(QLocale().toString(100.0 * share, 'f', 1));
}

const QColor kGood(0x1b, 0x7f, 0x3b);   // green, readable on white
const QColor kBad(0xb0, 0x2a, 0x1e);    // red
const QColor kMuted(0x80, 0x80, 0x80);  // grey: offline, unknown
const QColor kWarn(0xa8, 0x62, 0x00);   // amber: another model

} // namespace

QString FleetBoardRecord::key() const { return FleetTableModel::keyOf(site, gateway, board); }

FleetTableModel::FleetTableModel(QObject* parent)
    : QAbstractTableModel(parent), m_now([] { return fleet::nowMs(); }) {
  m_ageTimer.setInterval(kAgeRefreshMs);
  connect(&m_ageTimer, &QTimer::timeout, this, [this] {
    if (m_rows.isEmpty()) return;
    emit dataChanged(index(0, L::LastSeenColumn), index(rowCount() - 1, L::LastSeenColumn));
  });
  m_ageTimer.start();
}

QString FleetTableModel::keyOf(const QString& site, const QString& gateway, const QString& board) {
  return site + QLatin1Char('/') + gateway + QLatin1Char('/') + board;
}

void FleetTableModel::setClock(std::function<double()> nowMs) { m_now = std::move(nowMs); }

int FleetTableModel::rowFor(const QString& site, const QString& gateway, const QString& board) {
  const QString key = keyOf(site, gateway, board);
  const auto it = m_index.constFind(key);
  if (it != m_index.constEnd()) return it.value();
  const int row = int(m_rows.size());
  beginInsertRows(QModelIndex(), row, row);
  FleetBoardRecord r;
  r.site = site;
  r.gateway = gateway;
  r.board = board;
  m_rows.push_back(r);
  m_index.insert(key, row);
  endInsertRows();
  return row;
}

void FleetTableModel::touch(int row, double t) {
  FleetBoardRecord& r = m_rows[row];
  r.lastSeenMs = std::max(r.lastSeenMs, t);
}

void FleetTableModel::changed(int row) {
  emit dataChanged(index(row, 0), index(row, L::ColumnCount - 1));
  emit boardChanged(m_rows.at(row).key());
}

void FleetTableModel::applyGatewayStatus(const QString& site, const fleet::GatewayStatus& status) {
  FleetGatewayRecord& g = m_gateways[site + QLatin1Char('/') + status.gateway];
  g.known = true;
  g.online = status.online;
  g.reason = status.reason;
  g.version = status.version;
  // A board goes offline with its gateway, and is listed as soon as its gateway names it.
  if (!status.boards.isEmpty()) g.boards = status.boards;
  for (const QString& board : std::as_const(g.boards)) rowFor(site, status.gateway, board);
  for (int row = 0; row < m_rows.size(); ++row) {
    if (m_rows.at(row).site == site && m_rows.at(row).gateway == status.gateway) changed(row);
  }
}

void FleetTableModel::applyIdentity(const QString& site, const QString& gateway,
                                    const fleet::BoardIdentity& id) {
  const int row = rowFor(site, gateway, id.board);
  FleetBoardRecord& r = m_rows[row];
  r.hasIdentity = true;
  r.info = id.info;
  if (id.t >= r.modelT) {
    r.modelCrc = id.info.modelCrc;
    r.modelT = id.t;
  }
  touch(row, id.t);
  changed(row);
}

void FleetTableModel::applyState(const QString& site, const QString& gateway,
                                 const fleet::BoardState& state) {
  const int row = rowFor(site, gateway, state.board);
  FleetBoardRecord& r = m_rows[row];
  r.hasState = true;
  r.linkState = state.state;
  r.detail = state.detail;
  if (state.hasStatus && state.t >= r.modelT) {
    r.modelCrc = state.status.modelCrc;
    r.modelT = state.t;
  }
  touch(row, state.t);
  changed(row);
}

void FleetTableModel::applyStats(const QString& site, const QString& gateway,
                                 const fleet::BoardStats& stats) {
  const int row = rowFor(site, gateway, stats.board);
  FleetBoardRecord& r = m_rows[row];
  r.hasStats = true;
  r.eventRate = stats.eventRate;
  r.rejectionRate = stats.rejectionRate;
  touch(row, std::max(stats.t, stats.lastEventT));
  changed(row);
}

void FleetTableModel::applySeen(const QString& site, const QString& gateway, const QString& board,
                                double t) {
  const int row = rowFor(site, gateway, board);
  touch(row, t);
  changed(row);
}

void FleetTableModel::startPush(const QString& key, const QString& push, quint32 model,
                                quint32 bytes) {
  const auto it = m_index.constFind(key);
  if (it == m_index.constEnd()) return;
  FleetBoardRecord& r = m_rows[it.value()];
  r.push = FleetPushPhase::Queued;
  r.pushId = push;
  r.pushSent = 0;
  r.pushTotal = bytes;
  r.pushModel = model;
  r.pushReported = 0;
  r.pushMessage.clear();
  changed(it.value());
}

bool FleetTableModel::applyProgress(const QString& site, const QString& gateway,
                                    const fleet::PushProgress& progress) {
  const auto it = m_index.constFind(keyOf(site, gateway, progress.board));
  if (it == m_index.constEnd()) return false;
  FleetBoardRecord& r = m_rows[it.value()];
  if (r.pushId != progress.push || isFinished(r.push)) return false;
  switch (progress.state) {
  case fleet::PushState::Queued: r.push = FleetPushPhase::Queued; break;
  case fleet::PushState::Waiting: r.push = FleetPushPhase::Waiting; break;
  case fleet::PushState::Sending: r.push = FleetPushPhase::Sending; break;
  case fleet::PushState::Verifying: r.push = FleetPushPhase::Verifying; break;
  }
  r.pushSent = progress.sent;
  if (progress.total > 0) r.pushTotal = progress.total;
  changed(it.value());
  return true;
}

bool FleetTableModel::applyOutcome(const QString& site, const QString& gateway,
                                   const fleet::PushOutcome& outcome) {
  const auto it = m_index.constFind(keyOf(site, gateway, outcome.board));
  if (it == m_index.constEnd()) return false;
  FleetBoardRecord& r = m_rows[it.value()];
  if (r.pushId != outcome.push || isFinished(r.push)) return false;
  switch (outcome.result) {
  case fleet::PushResult::Verified: r.push = FleetPushPhase::Verified; break;
  case fleet::PushResult::Failed: r.push = FleetPushPhase::Failed; break;
  case fleet::PushResult::Superseded: r.push = FleetPushPhase::Superseded; break;
  }
  r.pushReported = outcome.modelCrc;
  r.pushMessage = outcome.message;
  if (r.push == FleetPushPhase::Verified && outcome.modelCrc != r.pushModel) {
    // Verified means the board reports the pushed model (docs/fleet.md §3.11): a gateway
    // that says so of another identity is not believed.
    r.push = FleetPushPhase::Failed;
    r.pushMessage = tr("the gateway said verified, but the board reports another model");
  }
  // The outcome carries a fresh report of the board's model: the newest there is.
  if (outcome.t >= r.modelT) {
    r.modelCrc = outcome.modelCrc;
    r.modelT = outcome.t;
  }
  touch(it.value(), outcome.t);
  changed(it.value());
  return true;
}

void FleetTableModel::setStudioModel(quint32 identity) {
  if (identity == m_studioModel) return;
  m_studioModel = identity;
  if (m_rows.isEmpty()) return;
  emit dataChanged(index(0, 0), index(rowCount() - 1, L::ColumnCount - 1));
}

void FleetTableModel::clear() {
  beginResetModel();
  m_rows.clear();
  m_index.clear();
  m_gateways.clear();
  endResetModel();
}

const FleetBoardRecord* FleetTableModel::record(const QString& key) const {
  const auto it = m_index.constFind(key);
  return it == m_index.constEnd() ? nullptr : &m_rows.at(it.value());
}

const FleetGatewayRecord* FleetTableModel::gateway(const QString& site,
                                                   const QString& gatewayId) const {
  const auto it = m_gateways.constFind(site + QLatin1Char('/') + gatewayId);
  return it == m_gateways.constEnd() ? nullptr : &it.value();
}

bool FleetTableModel::online(const FleetBoardRecord& r) const {
  // docs/fleet.md §1: its own retained status says connected and its gateway's says online
  // (a gateway that died cannot update its boards' status; its last will covers them).
  const FleetGatewayRecord* g = gateway(r.site, r.gateway);
  return r.hasState && r.linkState == link::LinkState::Connected && g != nullptr && g->online &&
         g->boards.contains(r.board);
}

bool FleetTableModel::isOnline(const QString& key) const {
  const FleetBoardRecord* r = record(key);
  return r != nullptr && online(*r);
}

FleetModelMatch FleetTableModel::matchOf(const FleetBoardRecord& r) const {
  if (!r.hasIdentity && r.modelT < 0.0) return FleetModelMatch::Unknown;
  if (r.modelCrc == 0) return FleetModelMatch::NoModel;
  return r.modelCrc == m_studioModel ? FleetModelMatch::Matches : FleetModelMatch::Differs;
}

int FleetTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : L::ColumnCount;
}

QVariant FleetTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_rows.size()) return QVariant();
  const FleetBoardRecord& r = m_rows.at(index.row());
  switch (role) {
  case Qt::DisplayRole: return display(r, index.column());
  case Qt::ToolTipRole: return toolTip(r, index.column());
  case Qt::ForegroundRole: return foreground(r, index.column());
  case Qt::TextAlignmentRole:
    if (index.column() == L::EventRateColumn || index.column() == L::RejectionColumn)
      return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
  case L::SortRole: return sortKey(r, index.column());
  case L::KeyRole: return r.key();
  case L::OnlineRole: return online(r);
  case L::ModelMatchRole: return int(matchOf(r));
  case L::PushPhaseRole: return int(r.push);
  case L::FilterRole: return filterText(r);
  default: return QVariant();
  }
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::DisplayRole) {
    switch (section) {
    case L::SiteColumn: return tr("Site");
    case L::GatewayColumn: return tr("Gateway");
    case L::BoardColumn: return tr("Board");
    case L::StateColumn: return tr("State");
    case L::ModelColumn: return tr("Model");
    case L::EventRateColumn: return tr("Events/s");
    case L::RejectionColumn: return tr("Rejected");
    case L::LastSeenColumn: return tr("Last seen");
    case L::PushColumn: return tr("Push");
    default: return QVariant();
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
    case L::ModelColumn: return tr("The model the board runs (its CRC-32), and whether it is "
                                   "the studio's current model");
    case L::EventRateColumn: return tr("Events the board detected per second, over its "
                                       "gateway's last statistics interval");
    case L::RejectionColumn: return tr("Share of those events the board rejected as unknown");
    case L::LastSeenColumn: return tr("When the board's gateway last said anything about it");
    case L::PushColumn: return tr("The studio's last push to the board: progress, then the "
                                  "verified outcome");
    default: return QVariant();
    }
  }
  return QVariant();
}

QVariant FleetTableModel::display(const FleetBoardRecord& r, int column) const {
  switch (column) {
  case L::SiteColumn: return r.site;
  case L::GatewayColumn: return r.gateway;
  case L::BoardColumn: return r.board;
  case L::StateColumn: return stateText(r);
  case L::ModelColumn: return modelText(r);
  case L::EventRateColumn:
    return r.hasStats ? QLocale().toString(r.eventRate, 'f', r.eventRate < 10.0 ? 2 : 1)
                      : QStringLiteral("—");
  case L::RejectionColumn: return r.hasStats ? percent(r.rejectionRate) : QStringLiteral("—");
  case L::LastSeenColumn: return lastSeenText(r.lastSeenMs);
  case L::PushColumn: return pushText(r);
  default: return QVariant();
  }
}

QVariant FleetTableModel::sortKey(const FleetBoardRecord& r, int column) const {
  const QChar sep(QLatin1Char('\n')); // below every id character: shorter ids first
  switch (column) {
  // Ties broken by the other ids, so that a gateway's boards stay together and in order.
  case L::SiteColumn: return r.site + sep + r.gateway + sep + r.board;
  case L::GatewayColumn: return r.gateway + sep + r.site + sep + r.board;
  case L::BoardColumn: return r.board + sep + r.site + sep + r.gateway;
  case L::StateColumn: return online(r) ? 1 : 0;
  case L::ModelColumn: return int(matchOf(r)) * 10 + (r.modelCrc != 0 ? 1 : 0);
  case L::EventRateColumn: return r.hasStats ? r.eventRate : -1.0;
  case L::RejectionColumn: return r.hasStats ? r.rejectionRate : -1.0;
  case L::LastSeenColumn: return r.lastSeenMs;
  case L::PushColumn: return int(r.push);
  default: return display(r, column);
  }
}

QString FleetTableModel::stateText(const FleetBoardRecord& r) const {
  if (online(r)) return tr("Online");
  const FleetGatewayRecord* g = gateway(r.site, r.gateway);
  if (g == nullptr || !g->known) return tr("Offline (gateway unknown)");
  if (!g->online) {
    return g->reason == QLatin1String("shutdown") ? tr("Offline (gateway stopped)")
                                                  : tr("Offline (gateway lost)");
  }
  if (!g->boards.contains(r.board)) return tr("Offline (no longer served)");
  if (!r.hasState) return tr("Offline");
  switch (r.linkState) {
  case link::LinkState::Connecting: return tr("Offline (connecting)");
  case link::LinkState::Reconnecting: return tr("Offline (reconnecting)");
  case link::LinkState::Incompatible: return tr("Offline (incompatible)");
  default: return tr("Offline (disconnected)");
  }
}

QString FleetTableModel::modelText(const FleetBoardRecord& r) const {
  switch (matchOf(r)) {
  case FleetModelMatch::Unknown: return QStringLiteral("—");
  case FleetModelMatch::NoModel: return tr("none");
  //: %1: a model's CRC-32 in hexadecimal.
  case FleetModelMatch::Matches: return tr("%1 = studio").arg(hashText(r.modelCrc));
  case FleetModelMatch::Differs: return tr("%1 (other)").arg(hashText(r.modelCrc));
  }
  return QString();
}

QString FleetTableModel::pushText(const FleetBoardRecord& r) const {
  switch (r.push) {
  case FleetPushPhase::None: return QString();
  case FleetPushPhase::Queued: return tr("Queued");
  case FleetPushPhase::Waiting: return tr("Waiting");
  case FleetPushPhase::Sending:
    //: A push in progress: %1 is the share of the model sent, e.g. "60".
    return r.pushTotal > 0
               ? tr("Sending %1 %").arg(QLocale().toString(100.0 * r.pushSent / r.pushTotal, 'f', 0))
               : tr("Sending");
  case FleetPushPhase::Verifying: return tr("Verifying");
  case FleetPushPhase::Verified: return tr("Verified");
  case FleetPushPhase::Failed: return tr("Failed: %1").arg(r.pushMessage);
  case FleetPushPhase::Superseded: return tr("Superseded");
  }
  return QString();
}

QString FleetTableModel::lastSeenText(double t) const {
  if (t <= 0.0) return tr("never");
  const double ageSeconds = std::max(0.0, (m_now() - t) / 1000.0);
  const auto n = qint64(std::floor(ageSeconds));
  if (n < 2) return tr("now");
  if (n < 120) return tr("%n s ago", "", int(n));
  if (n < 2 * 3600) return tr("%n min ago", "", int(n / 60));
  if (n < 2 * 86400) return tr("%n h ago", "", int(n / 3600));
  return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(t)), QLocale::ShortFormat);
}

QVariant FleetTableModel::toolTip(const FleetBoardRecord& r, int column) const {
  switch (column) {
  case L::BoardColumn:
    if (!r.hasIdentity) return tr("Its gateway lists it; it has not connected yet.");
    //: %1 board name, %2 firmware version, %3 serial port on the gateway's machine,
    //: %4 channels, %5 sample rate.
    return tr("%1, firmware %2, on %3 of its gateway: %4 channel(s) at %5 Hz", "",
              r.info.channels)
        .arg(r.info.boardName, r.info.firmwareVersion, r.info.portName)
        .arg(r.info.channels)
        .arg(r.info.sampleRateHz);
  case L::StateColumn: return r.detail;
  case L::ModelColumn:
    return tr("Board: %1 — studio: %2")
        .arg(r.modelCrc != 0 ? hashText(r.modelCrc) : tr("none"),
             m_studioModel != 0 ? hashText(m_studioModel) : tr("none"));
  case L::LastSeenColumn:
    return r.lastSeenMs > 0.0
               ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(r.lastSeenMs)),
                                    QLocale::LongFormat)
               : QVariant();
  case L::PushColumn:
    if (r.push == FleetPushPhase::Verified || r.push == FleetPushPhase::Failed) {
      //: %1: the push's words; %2: the model identity the board reported afterwards.
      return tr("%1 — the board reports model %2").arg(r.pushMessage, hashText(r.pushReported));
    }
    if (r.push == FleetPushPhase::Waiting)
      return tr("The board is not connected to its gateway: the push starts when it is.");
    return r.pushMessage.isEmpty() ? QVariant() : QVariant(r.pushMessage);
  default: return QVariant();
  }
}

QVariant FleetTableModel::foreground(const FleetBoardRecord& r, int column) const {
  switch (column) {
  case L::StateColumn: return online(r) ? kGood : kMuted;
  case L::ModelColumn:
    switch (matchOf(r)) {
    case FleetModelMatch::Matches: return kGood;
    case FleetModelMatch::Differs: return kWarn;
    default: return kMuted;
    }
  case L::PushColumn:
    if (r.push == FleetPushPhase::Verified) return kGood;
    if (r.push == FleetPushPhase::Failed) return kBad;
    return QVariant();
  default: return online(r) ? QVariant() : QVariant(kMuted);
  }
}

QString FleetTableModel::filterText(const FleetBoardRecord& r) const {
  return QStringList{r.site, r.gateway, r.board, r.info.boardName, stateText(r), modelText(r),
                     pushText(r)}
      .join(QLatin1Char(' '));
}

} // namespace dlm::app
