#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include "app/views/fleet_views.h"

class QAbstractItemModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace dlm::ui {

class FleetFilterProxy;

/// \brief The fleet behind a broker: whether the studio is connected to it, one row per board
/// (site, gateway, board, online or why not, its model against the studio's, event and
/// rejection rates, last seen, the studio's push to it), sortable and filtered as the user
/// types; open one board as the studio's board, push the studio's model to a selection.
/// Fed by the main window with the controller's table and values; says what the user asks.
class FleetPanel : public QWidget {
  Q_OBJECT
public:
  explicit FleetPanel(QWidget* parent = nullptr);

  /// \brief The boards (columns and roles: app::FleetTableLayout).
  void setBoardsModel(QAbstractItemModel* model);
  QTableView* table() const { return m_table; }
  /// \brief The table's rows as shown (sorted and filtered).
  QAbstractItemModel* shownModel() const;
  /// \brief Keys of the selected boards, in the order shown.
  QStringList selectedKeys() const;
  void selectKeys(const QStringList& keys);
  QString statusText() const;
  QString pushSummaryText() const;
  QString countText() const;
  bool isShowingTable() const;

public slots:
  void setBrokerStatus(const dlm::app::BrokerStatusView& status);
  void setPushSummary(const dlm::app::FleetPushSummary& summary);
  /// \brief The studio's model (0: none yet): a push needs one.
  void setStudioModel(quint32 identity);
  /// \brief The board opened as the studio's board (empty: none): shown in bold.
  void setOpenedBoard(const QString& key);
  void setFilterText(const QString& text);
  void setOnlineOnly(bool on);

signals:
  void connectRequested();
  void disconnectRequested();
  void openRequested(const QString& key);
  void pushRequested(const QStringList& keys);

private:
  QWidget* buildStatusRow();
  QWidget* buildEmptyPage();
  QWidget* buildActionRow();
  void updateActions();
  void updateCounts();
  void fitColumns();

  FleetFilterProxy* m_proxy = nullptr;
  QAbstractItemModel* m_source = nullptr;
  QLabel* m_dot = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_connect = nullptr;
  QPushButton* m_disconnect = nullptr;
  QLineEdit* m_filter = nullptr;
  QCheckBox* m_onlineOnly = nullptr;
  QLabel* m_count = nullptr;
  QStackedWidget* m_stack = nullptr;
  QLabel* m_emptyText = nullptr;
  QTableView* m_table = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_push = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_malformed = nullptr;
  app::BrokerStatusView m_brokerStatus;
  quint32 m_studioModel = 0;
};

} // namespace dlm::ui
