#pragma once

#include <QAbstractTableModel>

#include "app/session/session.h"

namespace dlm::app {

/// \brief Table of a Session's events, one row per event, for the events panel.
///
/// data() is O(1) (row = position in the session). Rows stream in with beginInsertRows as
/// events arrive; edits update only the cells they touch. Sort and filter with a
/// QSortFilterProxyModel on top: set its sortRole to SortRole for numeric sorting.
class EventTableModel : public QAbstractTableModel {
  Q_OBJECT

public:
  enum Column {
    NumberColumn,
    TimeColumn,
    DurationColumn,
    BoardColumn,
    StudioColumn,
    TagColumn,
    LearnedColumn,
    ColumnCount
  };
  enum Role {
    SortRole = Qt::UserRole + 1,  ///< numeric key of the cell, for QSortFilterProxyModel
    EventIdRole,                  ///< the event's id (any column)
    TagRole,                      ///< the event's tag value (any column)
    ClassColourRole,              ///< colour of the cell's class (QColor), invalid if none
    ClassIndexRole,               ///< class shown in the cell (-1 unknown / none)
  };

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
  QString predictionText(const PredictionInfo& p) const;
  QColor classColour(int classIndex) const;
  void onEventsChanged(int first, int last, Session::EventFields fields);
  void onClassChanged();

  Session* m_session;
};

} // namespace dlm::app
