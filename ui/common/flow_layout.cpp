#include "ui/common/flow_layout.h"

#include <QWidget>

#include <algorithm>

namespace dlm::ui {

FlowLayout::FlowLayout(QWidget* parent, int hSpacing, int vSpacing)
    : QLayout(parent), m_hSpacing(hSpacing), m_vSpacing(vSpacing) {
  setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout() {
  while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem* item) { m_items.append(item); }

void FlowLayout::addFlowWidget(QWidget* widget, bool alignRight) {
  if (alignRight && m_rightFrom < 0) m_rightFrom = int(m_items.size());
  addWidget(widget);
}

QLayoutItem* FlowLayout::takeAt(int index) {
  if (index < 0 || index >= m_items.size()) return nullptr;
  if (m_rightFrom > index) --m_rightFrom;
  return m_items.takeAt(index);
}

QSize FlowLayout::minimumSize() const {
  QSize size;
  for (const QLayoutItem* item : m_items) size = size.expandedTo(item->minimumSize());
  const QMargins m = contentsMargins();
  return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
  // One row, as wide as everything side by side.
  int width = 0;
  int height = 0;
  for (const QLayoutItem* item : m_items) {
    if (item->isEmpty()) continue;
    width += item->sizeHint().width() + (width > 0 ? m_hSpacing : 0);
    height = std::max(height, item->sizeHint().height());
  }
  const QMargins m = contentsMargins();
  return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
  QLayout::setGeometry(rect);
  arrange(rect, false);
}

int FlowLayout::arrange(const QRect& rect, bool measureOnly) const {
  const QRect area = rect.marginsRemoved(contentsMargins());
  // Rows first (which items share a row), then place each row: its left items from the left
  // edge, its right-aligned items against the right edge, all centred on the row's height.
  struct Row {
    int first, last, height;
  };
  QList<Row> rows;
  int x = 0;
  for (int i = 0; i < m_items.size(); ++i) {
    if (m_items[i]->isEmpty()) continue;
    const QSize hint = m_items[i]->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
    const bool fresh = rows.isEmpty() || (x > 0 && x + m_hSpacing + hint.width() > area.width());
    if (fresh) {
      rows.append({i, i, hint.height()});
      x = hint.width();
    } else {
      x += m_hSpacing + hint.width();
      rows.last().last = i;
      rows.last().height = std::max(rows.last().height, hint.height());
    }
  }
  int y = area.y();
  for (const Row& row : rows) {
    if (!measureOnly) placeRow(area, y, row.first, row.last, row.height);
    y += row.height + m_vSpacing;
  }
  const QMargins m = contentsMargins();
  return rows.isEmpty() ? m.top() + m.bottom() : y - m_vSpacing - rect.y() + m.bottom();
}

void FlowLayout::placeRow(const QRect& area, int y, int first, int last, int height) const {
  const auto size = [&](int i) {
    return m_items[i]->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
  };
  int left = area.x();
  int right = area.right() + 1;
  const int split = m_rightFrom >= 0 ? std::clamp(m_rightFrom, first, last + 1) : last + 1;
  for (int i = first; i < split; ++i) {
    if (m_items[i]->isEmpty()) continue;
    const QSize s = size(i);
    m_items[i]->setGeometry(QRect(QPoint(left, y + (height - s.height()) / 2), s));
    left += s.width() + m_hSpacing;
  }
  for (int i = last; i >= split; --i) {
    if (m_items[i]->isEmpty()) continue;
    const QSize s = size(i);
    right -= s.width();
    m_items[i]->setGeometry(QRect(QPoint(right, y + (height - s.height()) / 2), s));
    right -= m_hSpacing;
  }
}

} // namespace dlm::ui
