#pragma once

#include <QAbstractTableModel>

#include "app/session/session.h"
#include "app/views/event_table_layout.h"

namespace dlm::app {

/// \brief Table of a Session's events, one row per event, for the events panel.
///
/// data() is O(1) (row = position in the session). Rows stream in with beginInsertRows as
/// events arrive; edits update only the cells they touch. Sort and filter with a
/// QSortFilterProxyModel on top: set its sortRole to SortRole for numeric sorting. Columns and
/// roles are EventTableLayout's, which a view can use without this class.
class EventTableModel : public QAbstractTableModel, public EventTableLayout {
  Q_OBJECT

public:
  /// \brief A model over \p session (not owned; must outlive the model).
  explicit EventTableModel(Session* session, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

  /// \brief Event id of \p row, or -1.
  int eventId(int row) const;
  /// \brief The session shown.
  Session* session() const { return m_session; }

private:
  QVariant display(const SessionEvent& e, int column) const;
  QVariant sortKey(const SessionEvent& e, int column) const;
  QVariant decoration(const SessionEvent& e, int column) const;
  QVariant toolTip(const SessionEvent& e, int column) const;
  int cellClass(const SessionEvent& e, int column) const;
  bool showsSuggestion(const SessionEvent& e) const;
  QString suggestionText(const SessionEvent& e) const;
  QString predictionText(const PredictionInfo& p) const;
  QColor classColour(int classIndex) const;
  void onEventsChanged(int first, int last, Session::EventFields fields);
  void onClassChanged();

  Session* m_session;
};

} // namespace dlm::app
