#include "ui/events/events_panel.h"

#include <algorithm>
#include <QLocale>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/controller/studio_events.h"

namespace dlm::ui {

namespace {

const QColor kAxisColours[] = {QColor(0xd6, 0x45, 0x45), QColor(0x2f, 0x9e, 0x44),
                               QColor(0x2a, 0x7d, 0xe1), QColor(0x9c, 0x5c, 0xd4),
                               QColor(0xe0, 0x8e, 0x0b), QColor(0x12, 0x98, 0x9e)};

} // namespace

using Layout = app::EventTableLayout;

EventsPanel::EventsPanel(app::StudioEvents* events, QWidget* parent)
    : QWidget(parent), m_events(events) {
  buildTable();
  buildClassList();
  buildDetail();
  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(new QLabel(tr("<b>Classes</b> — keys 1–9 tag, U unknown, Del discard"),
                                    right));
  rightLayout->addWidget(m_classes, 1);
  auto* add = new QPushButton(tr("New class"), right);
  connect(add, &QPushButton::clicked, this, &EventsPanel::addClass);
  rightLayout->addWidget(add);
  auto* top = new QSplitter(Qt::Horizontal, this);
  top->addWidget(m_table);
  top->addWidget(right);
  top->setStretchFactor(0, 4);
  top->setStretchFactor(1, 1);
  auto* bottom = new QWidget(this);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(m_detailTitle);
  bottomLayout->addWidget(m_detail, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(top);
  split->addWidget(bottom);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);
  refreshClasses();
}

void EventsPanel::buildTable() {
  m_model = m_events->model();
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(Layout::SortRole);
  m_table = new QTableView(this);
  m_table->setModel(m_proxy);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(Layout::NumberColumn, Qt::AscendingOrder);
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(22);
  // Uniform rows and fixed-width columns keep a 100 000-row table scrolling smoothly.
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setAlternatingRowColors(true);
  m_table->setWordWrap(false);
  m_table->installEventFilter(this);
  m_table->setToolTip(tr("1–9: tag with a class · U: unknown/outlier · Enter: confirm the "
                         "suggested tag (shown in italics) · Del: discard · "
                         "Ctrl+Z / Ctrl+Shift+Z: undo / redo"));
  const int widths[] = {60, 90, 110, 170, 170, 120, 70};
  // At least the header's own width: French titles are longer than the English ones.
  for (int c = 0; c < Layout::ColumnCount; ++c)
    m_table->setColumnWidth(c, std::max(widths[c], m_table->horizontalHeader()->sectionSizeHint(c)));
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &EventsPanel::onCurrentChanged);
  connect(m_model, &QAbstractItemModel::rowsInserted, this,
          [this](const QModelIndex&, int first, int last) { followNewRows(first, last); });
  connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
    m_follow = value >= m_table->verticalScrollBar()->maximum() - 1;
  });
}

void EventsPanel::followNewRows(int, int) {
  if (m_follow) m_table->scrollToBottom();
}

void EventsPanel::buildClassList() {
  m_classes = new QListWidget(this);
  m_classes->setToolTip(tr("Double-click to rename; right-click to change the colour."));
  m_classes->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(m_classes, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
    const int index = m_classes->row(item);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename class"), tr("Name:"),
                                               QLineEdit::Normal,
                                               m_events->classes().value(index).name,
                                               &ok);
    if (ok && !name.trimmed().isEmpty()) m_events->renameClass(index, name.trimmed());
  });
  connect(m_classes, &QListWidget::customContextMenuRequested, this, [this](const QPoint& p) {
    if (QListWidgetItem* item = m_classes->itemAt(p)) recolourClass(m_classes->row(item));
  });
  // Keep the detail title (tag, duration) in step with edits of the shown event.
  connect(m_events, &app::StudioEvents::tagsEdited, this, [this] { onCurrentChanged(); });
  connect(m_events, &app::StudioEvents::classesChanged, this, &EventsPanel::refreshClasses);
}

void EventsPanel::refreshClasses() {
  m_classes->clear();
  const QVector<app::ClassInfo> classes = m_events->classes();
  for (int i = 0; i < classes.size(); ++i) {
    const app::ClassInfo& c = classes[i];
    QPixmap swatch(14, 14);
    swatch.fill(c.colour);
    const QString key = i < 9 ? QString::number(i + 1) : QStringLiteral("–");
    m_classes->addItem(new QListWidgetItem(QIcon(swatch), QStringLiteral("%1  %2").arg(key, c.name)));
  }
}

void EventsPanel::addClass() {
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("New class"), tr("Name:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (!ok) return;
  const QString problem = m_events->classNameProblem(name.trimmed());
  if (!problem.isEmpty()) {
    m_detailTitle->setText(problem);
    return;
  }
  m_events->createClass(name.trimmed());
}

void EventsPanel::recolourClass(int index) {
  const app::ClassInfo current = m_events->classes().value(index);
  const QColor colour = QColorDialog::getColor(current.colour, this,
                                               tr("Colour of %1").arg(current.name));
  if (colour.isValid()) m_events->recolourClass(index, colour);
}

QVector<int> EventsPanel::selectedIds() const {
  QVector<int> ids;
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  for (const QModelIndex& r : rows) ids.append(r.data(Layout::EventIdRole).toInt());
  return ids;
}

void EventsPanel::tagSelection(int classIndex) {
  const QVector<int> ids = selectedIds();
  if (ids.isEmpty()) return;
  // Pressing a digit for a class that does not exist yet creates it ("Class 4").
  while (classIndex >= 0 && classIndex >= m_events->classCount()) {
    if (m_events->createClass() < 0) return;  // the session holds no more classes
  }
  m_events->tagEvents(ids, classIndex);
}

bool EventsPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched != m_table || event->type() != QEvent::KeyPress) return QWidget::eventFilter(watched, event);
  const auto* key = static_cast<QKeyEvent*>(event);
  if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) return false;
  if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9) {
    tagSelection(key->key() - Qt::Key_1);
    return true;
  }
  if (key->key() == Qt::Key_U) {
    m_events->tagEvents(selectedIds(), app::kOutlier);
    return true;
  }
  if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
    m_events->discardEvents(selectedIds());
    return true;
  }
  if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
    m_events->confirmSuggestions(selectedIds());  // events without a suggestion: nothing
    return true;
  }
  return false;
}

void EventsPanel::buildDetail() {
  m_detailTitle = new QLabel(tr("Select an event to see its signal."), this);
  m_detail = new QCustomPlot(this);
  m_detail->setMinimumHeight(140);
  m_detail->xAxis->setLabel(tr("time in the event (ms)"));
  m_detail->yAxis->setLabel(tr("counts"));
  // The legend takes a narrow column right of the plot: inside, it hid the end of the event
  // (where a tap's last knock is); the plot is short, so a row above would cost more.
  m_detail->legend->setVisible(true);
  m_detail->legend->setFont(QFont(font().family(), 8));
  m_detail->legend->setBrush(Qt::NoBrush);
  m_detail->legend->setBorderPen(Qt::NoPen);
  m_detail->legend->setFillOrder(QCPLegend::foRowsFirst);
  m_detail->axisRect()->insetLayout()->take(m_detail->legend);
  m_detail->axisRect()->insetLayout()->simplify();
  auto* legendColumn = new QCPLayoutGrid;  // legend on top, an empty cell takes the rest
  m_detail->plotLayout()->addElement(0, 1, legendColumn);
  m_detail->plotLayout()->setColumnStretchFactor(1, 0.001);
  legendColumn->addElement(0, 0, m_detail->legend);
  legendColumn->addElement(1, 0, new QCPLayoutElement(m_detail));
  legendColumn->setRowStretchFactor(0, 0.001);
  legendColumn->setRowStretchFactor(1, 1.0);
  legendColumn->setMargins(QMargins(0, 0, 0, 0));
}

void EventsPanel::onCurrentChanged() {
  const QModelIndex current = m_table->selectionModel()->currentIndex();
  const int id = current.isValid() ? current.data(Layout::EventIdRole).toInt() : -1;
  plotEvent(id);
  emit currentEventChanged(id);
}

void EventsPanel::plotEvent(int id) {
  m_detail->clearGraphs();
  const app::EventDetail e = id >= 0 ? m_events->event(id) : app::EventDetail();
  if (!e.isValid() || e.raw.isEmpty() || e.channels == 0) {
    m_detailTitle->setText(!e.isValid() ? tr("Select an event to see its signal.")
                                        : tr("Event #%1: no raw signal kept.").arg(id));
    m_detail->replot();
    return;
  }
  const int frames = int(e.raw.size()) / e.channels;
  const double msPerFrame = e.sampleRateHz > 0 ? 1000.0 / e.sampleRateHz : 1.0;
  for (int c = 0; c < e.channels && c < 6; ++c) {
    QVector<double> t(frames), v(frames);
    for (int f = 0; f < frames; ++f) {
      t[f] = f * msPerFrame;
      v[f] = e.raw[f * e.channels + c];
    }
    QCPGraph* g = m_detail->addGraph();
    g->setData(t, v, true);
    g->setPen(QPen(kAxisColours[c], 1.4));
    g->setName(c < m_channelNames.size() ? m_channelNames[c]
                                         : QStringLiteral("c%1").arg(c + 1));
  }
  m_detail->rescaleAxes();
  m_detailTitle->setText(tr("Event #%1 — %2 ms, tag: %3")
                             .arg(id)
                             .arg(locale().toString(e.durationMs, 'f', 0))
                             .arg(e.tag == app::kUntagged ? tr("untagged") : e.tagName));
  m_detail->replot();
}

void EventsPanel::setChannelNames(const QStringList& names) {
  if (names == m_channelNames) return;
  m_channelNames = names;
  onCurrentChanged();  // the plotted event's legend follows
}

void EventsPanel::showEvent(int id) {
  const QModelIndex source = m_events->indexOf(id);
  if (!source.isValid()) return;
  const QModelIndex index = m_proxy->mapFromSource(source);
  m_table->selectRow(index.row());
  m_table->scrollTo(index);
}

} // namespace dlm::ui
