#pragma once

#include <QtGlobal>

namespace dlm::app {

/// \brief Columns and roles of the events table: the contract between the table model the
/// application layer builds (EventTableModel) and the events panel that only sees it as a
/// QAbstractItemModel.
struct EventTableLayout {
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
    /// The suggested tag in words ("shake", "Unknown") of an untagged event caused by a
    /// gesture the user asked for (any column); an empty string when there is none.
    SuggestedTagRole,
  };
};

} // namespace dlm::app
