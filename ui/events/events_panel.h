#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QCustomPlot;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;

namespace dlm::app {
class StudioEvents;
} // namespace dlm::app

namespace dlm::ui {

/// \brief The events list, keyboard first: digits 1-9 tag the selected events with a class
/// (creating it when needed), U marks them unknown/outlier, Enter confirms their suggested tag
/// (events caused by a gesture the user asked for), Del discards, arrows move. Every
/// edit is a request to the application layer (app::StudioEvents), which makes it undoable and
/// tells the learner and the board. Classes are created, renamed (double-click) and recoloured
/// in place; the selected event's raw window is plotted below.
class EventsPanel : public QWidget {
  Q_OBJECT
public:
  /// \brief The events of \p events (not owned; it outlives the panel).
  explicit EventsPanel(app::StudioEvents* events, QWidget* parent = nullptr);

  QTableView* table() const { return m_table; }
  /// \brief Ids of the selected events, in row order.
  QVector<int> selectedIds() const;
  /// \brief Select the event \p id and scroll to it.
  void showEvent(int id);
  /// \brief Legend names of the detail plot's channels (default x, y, z, c4, c5, c6): a
  /// board that prints numbers names its own.
  void setChannelNames(const QStringList& names);

signals:
  /// \brief The selected event changed (-1: none).
  void currentEventChanged(int eventId);

protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void buildTable();
  void buildClassList();
  void buildDetail();
  void refreshClasses();
  void tagSelection(int classIndex);
  void onCurrentChanged();
  void plotEvent(int id);
  void addClass();
  void recolourClass(int index);
  void followNewRows(int firstRow, int lastRow);

  app::StudioEvents* m_events;
  QAbstractItemModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QListWidget* m_classes = nullptr;
  QCustomPlot* m_detail = nullptr;
  QLabel* m_detailTitle = nullptr;
  QStringList m_channelNames{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z"),
                             QStringLiteral("c4"), QStringLiteral("c5"), QStringLiteral("c6")};
  bool m_follow = true;   ///< keep the newest event in view while the user is at the bottom
};

} // namespace dlm::ui
