#include "app/session/event_table_model.h"

#include <QDateTime>
#include <QFont>
#include <QPalette>
#include <QLocale>

#include <cmath>

#include "app/views/class_palette.h"

namespace dlm::app {

namespace {

// Sort keys of predictions: by class, then by confidence inside a class; "Unknown" sorts
// before every class and "no prediction yet" before that.
constexpr double kUnknownKey = -1.0;
constexpr double kNoPredictionKey = -2.0;
constexpr double kConfidenceSpan = 0.999;

} // namespace

EventTableModel::EventTableModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session) {
  connect(session, &Session::eventsAboutToBeInserted, this,
          [this](int first, int last) { beginInsertRows(QModelIndex(), first, last); });
  connect(session, &Session::eventsInserted, this, [this] { endInsertRows(); });
  connect(session, &Session::eventAboutToBeRemoved, this,
          [this](int row) { beginRemoveRows(QModelIndex(), row, row); });
  connect(session, &Session::eventRemoved, this, [this] { endRemoveRows(); });
  connect(session, &Session::eventsChanged, this, &EventTableModel::onEventsChanged);
  connect(session, &Session::classAdded, this, &EventTableModel::onClassChanged);
  connect(session, &Session::classRemoved, this, &EventTableModel::onClassChanged);
  connect(session, &Session::classChanged, this, &EventTableModel::onClassChanged);
  connect(session, &Session::aboutToReset, this, [this] { beginResetModel(); });
  connect(session, &Session::resetDone, this, [this] { endResetModel(); });
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : m_session->eventCount();
}

int EventTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

int EventTableModel::eventId(int row) const {
  return row >= 0 && row < m_session->eventCount() ? m_session->eventAt(row).id : -1;
}

Qt::ItemFlags EventTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_session->eventCount() || index.column() >= ColumnCount) {
    return QVariant();
  }
  const SessionEvent& e = m_session->eventAt(index.row());
  const int column = index.column();
  if (column == TagColumn && showsSuggestion(e)) {
    // A suggestion is not a tag: set apart (italic, dimmed) until the user confirms it.
    if (role == Qt::FontRole) {
      QFont font;
      font.setItalic(true);
      return font;
    }
    if (role == Qt::ForegroundRole) return QPalette().color(QPalette::Disabled, QPalette::Text);
  }
  switch (role) {
  case Qt::DisplayRole:
    return display(e, column);
  case Qt::DecorationRole:
    return decoration(e, column);
  case Qt::ToolTipRole:
    return toolTip(e, column);
  case Qt::TextAlignmentRole:
    if (column == NumberColumn || column == DurationColumn) {
      return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return column == LearnedColumn ? int(Qt::AlignCenter) : QVariant();
  case SortRole:
    return sortKey(e, column);
  case EventIdRole:
    return e.id;
  case TagRole:
    return e.tag;
  case ClassColourRole: {
    const int c = cellClass(e, column);
    return c == kUntagged ? QVariant() : QVariant(classColour(c));
  }
  case ClassIndexRole:
    return cellClass(e, column);
  case SuggestedTagRole:
    return suggestionText(e);
  default:
    return QVariant();
  }
}

bool EventTableModel::showsSuggestion(const SessionEvent& e) const {
  return e.tag == kUntagged && !e.suggestion.isEmpty();
}

QString EventTableModel::suggestionText(const SessionEvent& e) const {
  if (!showsSuggestion(e)) return QString();
  return e.suggestion.outlier ? m_session->tagName(kOutlier) : e.suggestion.gesture;
}

QString EventTableModel::predictionText(const PredictionInfo& p) const {
  if (!p.valid) return QString();
  const auto name = [this](int c) {
    return c < m_session->classCount() ? m_session->classAt(c).name : tr("Class %1").arg(c + 1);
  };
  if (p.classIndex < 0) {
    // The model's decision stands (a learned event can be rejected: the threshold rejects the
    // least typical known events on purpose), but it says which class it resembles, so that
    // "Unknown" beside a tag and a tick reads as a decision, not as a stale or missing one.
    if (p.bestClass < 0) return tr("Unknown");
    //: A rejected event; %1: the class it resembles most.
    return tr("Unknown (closest: %1)").arg(name(p.bestClass));
  }
  return tr("%1 (%2%)").arg(name(p.classIndex),
                            QLocale().toString(std::lround(100.0 * double(p.confidence))));
}

QVariant EventTableModel::display(const SessionEvent& e, int column) const {
  switch (column) {
  case NumberColumn:
    return e.id;
  case TimeColumn:
    return QDateTime::fromMSecsSinceEpoch(e.wallClockMs).toString(QStringLiteral("HH:mm:ss.zzz"));
  case DurationColumn:
    return QLocale().toString(e.durationMs(), 'f', 0);
  case BoardColumn:
    // A board without a model (one that prints numbers) predicts nothing: a dash, not a
    // blank that reads as "not yet".
    if (!e.board.valid && e.origin == EventOrigin::Board) return QStringLiteral("—");
    return predictionText(e.board);
  case StudioColumn:
    return predictionText(e.studio);
  case TagColumn:
    //: A suggested tag the user has not confirmed yet; %1: a class name or "Unknown".
    return showsSuggestion(e) ? tr("%1? (Enter)").arg(suggestionText(e))
                              : m_session->tagName(e.tag);
  case LearnedColumn:
    return e.learned ? QStringLiteral("\u2713") : QString();
  default:
    return QVariant();
  }
}

QVariant EventTableModel::sortKey(const SessionEvent& e, int column) const {
  auto predictionKey = [](const PredictionInfo& p) {
    if (!p.valid) return kNoPredictionKey;
    if (p.classIndex < 0) return kUnknownKey;
    return double(p.classIndex) + kConfidenceSpan * double(p.confidence);
  };
  switch (column) {
  case NumberColumn:
    return e.id;
  case TimeColumn:
    return e.wallClockMs;
  case DurationColumn:
    return e.durationMs();
  case BoardColumn:
    return predictionKey(e.board);
  case StudioColumn:
    return predictionKey(e.studio);
  case TagColumn:
    return e.tag;
  case LearnedColumn:
    return e.learned ? 1 : 0;
  default:
    return QVariant();
  }
}

int EventTableModel::cellClass(const SessionEvent& e, int column) const {
  switch (column) {
  case BoardColumn:
    return e.board.valid ? (e.board.classIndex < 0 ? kOutlier : e.board.classIndex) : kUntagged;
  case StudioColumn:
    return e.studio.valid ? (e.studio.classIndex < 0 ? kOutlier : e.studio.classIndex)
                          : kUntagged;
  case TagColumn:
    return e.tag;
  default:
    return kUntagged;
  }
}

QColor EventTableModel::classColour(int classIndex) const {
  if (classIndex >= 0 && classIndex < m_session->classCount()) {
    return m_session->classAt(classIndex).colour;
  }
  return classIndex >= 0 ? paletteColour(classIndex) : unknownColour();
}

QVariant EventTableModel::decoration(const SessionEvent& e, int column) const {
  const int c = cellClass(e, column);
  return c == kUntagged ? QVariant() : QVariant(classColour(c));
}

QVariant EventTableModel::toolTip(const SessionEvent& e, int column) const {
  if (column == TagColumn && showsSuggestion(e)) {
    return e.suggestion.outlier
               ? tr("You asked the virtual board for a %1, a gesture no class describes. "
                    "Press Enter to tag it as unknown / outlier.")
                     .arg(e.suggestion.gesture)
               : tr("You asked the virtual board for a %1. Press Enter to tag it %1 (the class "
                    "is created if needed).")
                     .arg(e.suggestion.gesture);
  }
  const PredictionInfo* p = column == BoardColumn    ? &e.board
                            : column == StudioColumn ? &e.studio
                                                     : nullptr;
  if (column == BoardColumn && !e.board.valid && e.origin == EventOrigin::Board) {
    return tr("This board runs no model (it prints numbers): the studio's prediction is the "
              "one that counts.");
  }
  if (p == nullptr || !p->valid) return QVariant();
  if (p->classIndex < 0 && e.learned && e.hasClass() && column == StudioColumn) {
    //: %1: the event's tag; %2: its known-set score.
    return tr("Learned as %1, yet rejected by the current model: with a known-set score of %2 "
              "it is less typical of what the model knows than the rejection threshold "
              "allows. The threshold rejects the least typical known events on purpose; lower "
              "it to accept more of them.")
        .arg(m_session->tagName(e.tag), QLocale().toString(double(p->knownScore), 'f', 2));
  }
  return tr("Known-set score %1, confidence %2%")
      .arg(QLocale().toString(double(p->knownScore), 'f', 2),
           QLocale().toString(std::lround(100.0 * double(p->confidence))));
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
    return QAbstractTableModel::headerData(section, orientation, role);
  }
  switch (section) {
  case NumberColumn:
    return tr("#");
  case TimeColumn:
    return tr("Time");
  case DurationColumn:
    return tr("Duration (ms)");
  case BoardColumn:
    return tr("Board");
  case StudioColumn:
    return tr("Studio");
  case TagColumn:
    return tr("Tag");
  case LearnedColumn:
    return tr("Learned");
  default:
    return QVariant();
  }
}

void EventTableModel::onEventsChanged(int first, int last, Session::EventFields fields) {
  auto touch = [&](Column column) {
    emit dataChanged(index(first, column), index(last, column));
  };
  if (fields & Session::TagField) touch(TagColumn);
  if (fields & Session::LearnedField) touch(LearnedColumn);
  if (fields & Session::BoardPredictionField) touch(BoardColumn);
  if (fields & Session::StudioPredictionField) touch(StudioColumn);
}

void EventTableModel::onClassChanged() {
  // A class name or colour appears in three columns of any row: one range, not per row.
  if (m_session->eventCount() == 0) return;
  emit dataChanged(index(0, BoardColumn), index(m_session->eventCount() - 1, TagColumn));
}

} // namespace dlm::app
