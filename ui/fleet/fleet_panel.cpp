#include "ui/fleet/fleet_panel.h"

#include <QCheckBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/common/flow_layout.h"

namespace dlm::ui {

using L = app::FleetTableLayout;

/// What the table shows: sorted by the model's sort keys, filtered by the words typed (on
/// everything a row says) and, on request, by being online; the opened board in bold.
class FleetFilterProxy : public QSortFilterProxyModel {
public:
  explicit FleetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(L::SortRole);
    setDynamicSortFilter(true);
  }
  void setWords(const QString& text) {
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
  }
  void setOnlineOnly(bool on) {
    if (on == m_onlineOnly) return;
    m_onlineOnly = on;
    invalidateFilter();
  }
  void setOpened(const QString& key) {
    m_opened = key;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
  }
  QVariant data(const QModelIndex& index, int role) const override {
    if (role == Qt::FontRole && !m_opened.isEmpty() &&
        index.data(L::KeyRole).toString() == m_opened) {
      QFont bold;
      bold.setBold(true);
      return bold;
    }
    return QSortFilterProxyModel::data(index, role);
  }

protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (m_onlineOnly && !i.data(L::OnlineRole).toBool()) return false;
    // Every word typed must appear somewhere in the row ("gw1 offline").
    const QString text = i.data(L::FilterRole).toString();
    for (const QString& w : m_words)
      if (!text.contains(w, Qt::CaseInsensitive)) return false;
    return true;
  }

private:
  bool m_onlineOnly = false;
  QStringList m_words;
  QString m_opened;
};

FleetPanel::FleetPanel(QWidget* parent) : QWidget(parent), m_proxy(new FleetFilterProxy(this)) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(6, 6, 6, 6);
  v->addWidget(buildStatusRow());
  m_stack = new QStackedWidget(this);
  m_stack->addWidget(buildEmptyPage());
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("fleetTable"));
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(L::SiteColumn, Qt::AscendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setAlternatingRowColors(true);
  m_table->setWordWrap(false);
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  m_table->setMinimumHeight(60);
  m_stack->addWidget(m_table);
  v->addWidget(m_stack, 1);
  v->addWidget(buildActionRow());
  connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    emit openRequested(index.data(L::KeyRole).toString());
  });
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &FleetPanel::updateActions);
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
    connect(m_proxy, signal, this, [this] { updateCounts(); });
  }
  connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { updateCounts(); });
  // "Last seen" ages every second on every row: that alone changes no count and no width.
  const auto ageOnly = [](const QModelIndex& from, const QModelIndex& to) {
    return from.column() == L::LastSeenColumn && to.column() == L::LastSeenColumn;
  };
  connect(m_proxy, &QAbstractItemModel::dataChanged, this,
          [this, ageOnly](const QModelIndex& from, const QModelIndex& to) {
            if (!ageOnly(from, to)) updateCounts();
          });
  // Widths follow what the rows say, at most every 200 ms ("last seen" ticks every second).
  auto* fit = new QTimer(this);
  fit->setSingleShot(true);
  fit->setInterval(200);
  connect(fit, &QTimer::timeout, this, &FleetPanel::fitColumns);
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
    connect(m_proxy, signal, fit, [fit] { fit->start(); });
  connect(m_proxy, &QAbstractItemModel::layoutChanged, fit, [fit] { fit->start(); });
  connect(m_proxy, &QAbstractItemModel::modelReset, fit, [fit] { fit->start(); });
  connect(m_proxy, &QAbstractItemModel::dataChanged, fit,
          [fit, ageOnly](const QModelIndex& from, const QModelIndex& to) {
            if (!ageOnly(from, to) && !fit->isActive()) fit->start();
          });
  connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, fit,
          [fit] { fit->start(); });
  setBrokerStatus(m_brokerStatus);
  updateCounts();
}

QWidget* FleetPanel::buildStatusRow() {
  auto* row = new QWidget(this);
  auto* flow = new FlowLayout(row);
  flow->setContentsMargins(0, 0, 0, 0);
  m_dot = new QLabel(row);
  m_status = new QLabel(row);
  m_status->setObjectName(QStringLiteral("brokerStatus"));
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_connect = new QPushButton(QIcon(QStringLiteral(":/icons/connect.svg")),
                              tr("Connect to a broker…"), row);
  m_connect->setObjectName(QStringLiteral("brokerConnect"));
  m_disconnect = new QPushButton(QIcon(QStringLiteral(":/icons/disconnect.svg")),
                                 tr("Disconnect"), row);
  m_filter = new QLineEdit(row);
  m_filter->setObjectName(QStringLiteral("fleetFilter"));
  m_filter->setPlaceholderText(tr("Filter: site, gateway, board, state…"));
  m_filter->setClearButtonEnabled(true);
  m_filter->setMinimumWidth(fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 40);
  m_onlineOnly = new QCheckBox(tr("Online only"), row);
  m_count = new QLabel(row);
  for (QWidget* w : {static_cast<QWidget*>(m_dot), static_cast<QWidget*>(m_status)})
    flow->addFlowWidget(w);
  flow->addFlowWidget(m_connect);
  flow->addFlowWidget(m_disconnect);
  flow->addFlowWidget(m_filter, true);
  flow->addFlowWidget(m_onlineOnly, true);
  flow->addFlowWidget(m_count, true);
  connect(m_connect, &QPushButton::clicked, this, &FleetPanel::connectRequested);
  connect(m_disconnect, &QPushButton::clicked, this, &FleetPanel::disconnectRequested);
  connect(m_filter, &QLineEdit::textChanged, this, &FleetPanel::setFilterText);
  connect(m_onlineOnly, &QCheckBox::toggled, this, &FleetPanel::setOnlineOnly);
  return row;
}

QWidget* FleetPanel::buildEmptyPage() {
  auto* page = new QWidget(this);
  auto* v = new QVBoxLayout(page);
  m_emptyText = new QLabel(page);
  m_emptyText->setWordWrap(true);
  m_emptyText->setAlignment(Qt::AlignCenter);
  m_emptyText->setObjectName(QStringLiteral("fleetEmpty"));
  v->addStretch(1);
  v->addWidget(m_emptyText);
  v->addStretch(1);
  return page;
}

QWidget* FleetPanel::buildActionRow() {
  auto* row = new QWidget(this);
  auto* flow = new FlowLayout(row);
  flow->setContentsMargins(0, 0, 0, 0);
  m_open = new QPushButton(tr("Open board"), row);
  m_open->setObjectName(QStringLiteral("fleetOpen"));
  m_open->setToolTip(tr("Make the selected board the studio's board: watch its signal and "
                        "tag its events as if it were plugged in here"));
  m_push = new QPushButton(QIcon(QStringLiteral(":/icons/push-model.svg")), QString(), row);
  m_push->setObjectName(QStringLiteral("fleetPush"));
  m_push->setToolTip(tr("Send the studio's model to the selected boards through their "
                        "gateways; each activates it only once it has verified it, and keeps "
                        "its own model otherwise"));
  m_summary = new QLabel(row);
  m_summary->setObjectName(QStringLiteral("fleetPushSummary"));
  m_malformed = new QLabel(row);
  m_malformed->setObjectName(QStringLiteral("fleetMalformed"));
  flow->addFlowWidget(m_open);
  flow->addFlowWidget(m_push);
  flow->addFlowWidget(m_summary);
  flow->addFlowWidget(m_malformed, true);
  connect(m_open, &QPushButton::clicked, this, [this] {
    const QStringList keys = selectedKeys();
    if (keys.size() == 1) emit openRequested(keys.first());
  });
  connect(m_push, &QPushButton::clicked, this, [this] {
    const QStringList keys = selectedKeys();
    if (!keys.isEmpty()) emit pushRequested(keys);
  });
  return row;
}

void FleetPanel::setBoardsModel(QAbstractItemModel* model) {
  m_source = model;
  m_proxy->setSourceModel(model);
  QHeaderView* header = m_table->horizontalHeader();
  if (header->count() > L::PushColumn)
    header->setSectionResizeMode(L::PushColumn, QHeaderView::Stretch);
  fitColumns();
  updateCounts();
}

QAbstractItemModel* FleetPanel::shownModel() const { return m_proxy; }

QStringList FleetPanel::selectedKeys() const {
  QStringList keys;
  QModelIndexList rows = m_table->selectionModel()->selectedRows();
  std::sort(rows.begin(), rows.end(),
            [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  for (const QModelIndex& i : rows) keys << i.data(L::KeyRole).toString();
  return keys;
}

void FleetPanel::selectKeys(const QStringList& keys) {
  QItemSelection selection;
  for (int row = 0; row < m_proxy->rowCount(); ++row) {
    const QModelIndex i = m_proxy->index(row, 0);
    if (keys.contains(i.data(L::KeyRole).toString()))
      selection.select(i, m_proxy->index(row, L::ColumnCount - 1));
  }
  m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QString FleetPanel::statusText() const { return m_status->text(); }
QString FleetPanel::pushSummaryText() const { return m_summary->text(); }
QString FleetPanel::countText() const { return m_count->text(); }
bool FleetPanel::isShowingTable() const { return m_stack->currentWidget() == m_table; }

void FleetPanel::setBrokerStatus(const app::BrokerStatusView& status) {
  m_brokerStatus = status;
  using S = app::BrokerStatusView::State;
  QString colour, text;
  switch (status.state) {
  case S::Off:
    colour = QStringLiteral("#9e9e9e");
    text = tr("Not connected to a broker");
    break;
  case S::Connecting:
    colour = QStringLiteral("#f9a825");
    text = tr("Connecting to %1…").arg(status.address);
    break;
  case S::Connected:
    colour = QStringLiteral("#2e7d32");
    text = tr("Broker %1").arg(status.address);
    break;
  case S::Retrying:
    colour = QStringLiteral("#c62828");
    text = tr("Broker %1: not connected, retrying").arg(status.address);
    break;
  }
  // A coloured disc, a text's height: green connected, amber connecting, red retrying.
  const int size = fontMetrics().height() * 2 / 3;
  QPixmap disc(size * 2, size * 2);
  disc.setDevicePixelRatio(2.0);
  disc.fill(Qt::transparent);
  QPainter painter(&disc);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(colour));
  painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
  painter.end();
  m_dot->setPixmap(disc);
  m_status->setText(text);
  m_status->setToolTip(status.message);
  m_dot->setToolTip(status.message);
  m_connect->setText(status.state == S::Off ? tr("Connect to a broker…") : tr("Change broker…"));
  m_disconnect->setVisible(status.state != S::Off);
  m_malformed->setVisible(status.malformed > 0);
  //: Payloads from the broker that were not valid (counted and ignored).
  m_malformed->setText(tr("%n malformed message(s) ignored", "", int(qMin<quint64>(
                                                                   status.malformed, 1000000))));
  m_malformed->setToolTip(status.lastMalformed);
  updateCounts();
}

void FleetPanel::setPushSummary(const app::FleetPushSummary& s) {
  if (s.targets == 0) {
    m_summary->clear();
    return;
  }
  const QString hash = QStringLiteral("%1").arg(s.modelIdentity, 8, 16, QLatin1Char('0')).toUpper();
  //: %1: a model's identity; %2, %3, %4: counts of boards.
  m_summary->setText(tr("Push of %1: %2 verified, %3 failed, %4 in progress")
                         .arg(hash)
                         .arg(s.verified)
                         .arg(s.failed)
                         .arg(s.pending));
  m_summary->setStyleSheet(s.failed > 0 && s.finished() ? QStringLiteral("color: #b02a1e;")
                                                        : QString());
}

void FleetPanel::setStudioModel(quint32 identity) {
  m_studioModel = identity;
  updateActions();
}

void FleetPanel::setOpenedBoard(const QString& key) { m_proxy->setOpened(key); }

void FleetPanel::setFilterText(const QString& text) {
  if (m_filter->text() != text) m_filter->setText(text);
  m_proxy->setWords(text);
  updateCounts();
}

void FleetPanel::setOnlineOnly(bool on) {
  if (m_onlineOnly->isChecked() != on) m_onlineOnly->setChecked(on);
  m_proxy->setOnlineOnly(on);
  updateCounts();
}

void FleetPanel::updateActions() {
  const int selected = int(selectedKeys().size());
  const bool connected = m_brokerStatus.state == app::BrokerStatusView::State::Connected;
  m_open->setEnabled(connected && selected == 1);
  m_push->setText(selected > 0 ? tr("Push model to %n board(s)", "", selected)
                               : tr("Push model to the selected boards"));
  m_push->setEnabled(connected && selected > 0 && m_studioModel != 0);
  if (m_studioModel == 0) {
    m_push->setToolTip(tr("The studio has no model yet: tag a few events first."));
  } else {
    m_push->setToolTip(tr("Send the studio's model to the selected boards through their "
                          "gateways; each activates it only once it has verified it, and "
                          "keeps its own model otherwise"));
  }
}

void FleetPanel::fitColumns() {
  // Every column as wide as what it says, and no wider: Qt's own fitting reserves room for a
  // sort arrow in every header, which a 1366-pixel screen cannot spare. The push column takes
  // the rest (a failure's reason is in its tooltip when cut).
  QHeaderView* header = m_table->horizontalHeader();
  const int arrow = style()->pixelMetric(QStyle::PM_HeaderMarkSize) + 6;
  for (int c = 0; c < header->count() && c < L::PushColumn; ++c) {
    const QString title = m_proxy->headerData(c, Qt::Horizontal).toString();
    int width = header->fontMetrics().horizontalAdvance(title) + 16;
    if (header->sortIndicatorSection() == c) width += arrow;
    const QAbstractItemView* view = m_table; // QTableView hides it; the view's is public
    header->resizeSection(c, std::max(width, view->sizeHintForColumn(c)));
  }
}

void FleetPanel::updateCounts() {
  const int total = m_source != nullptr ? m_source->rowCount() : 0;
  int online = 0;
  for (int row = 0; row < total; ++row)
    if (m_source->index(row, 0).data(L::OnlineRole).toBool()) ++online;
  //: %1: boards online, out of %n boards.
  m_count->setText(tr("%1 of %n board(s) online", "", total).arg(online));
  const bool off = m_brokerStatus.state == app::BrokerStatusView::State::Off;
  if (total > 0) {
    m_stack->setCurrentWidget(m_table);
  } else {
    m_emptyText->setText(off ? tr("Connect to the MQTT broker your gateways publish to: the "
                                  "boards they serve appear here, with their state and model.")
                             : tr("No board yet: start a gateway (dlm-gateway) that "
                                  "publishes to this broker."));
    m_stack->setCurrentIndex(0);
  }
  updateActions();
}

} // namespace dlm::ui
