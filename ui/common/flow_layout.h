#pragma once

#include <QLayout>
#include <QList>

namespace dlm::ui {

/// \brief Lays its widgets out left to right and wraps them onto further rows when the width
/// runs out (the flow layout of Qt's examples). A row of controls in it asks for the width of
/// its widest control only, so a panel shrinks into a narrow dock, or into a longer language,
/// without clipping anything. An item added with a stretch is pushed to the row's right end.
class FlowLayout : public QLayout {
public:
  explicit FlowLayout(QWidget* parent = nullptr, int hSpacing = 8, int vSpacing = 4);
  ~FlowLayout() override;

  void addItem(QLayoutItem* item) override;
  /// \brief Add \p widget; with \p alignRight it (and what follows) goes to the row's end.
  void addFlowWidget(QWidget* widget, bool alignRight = false);
  int count() const override { return int(m_items.size()); }
  QLayoutItem* itemAt(int index) const override { return m_items.value(index); }
  QLayoutItem* takeAt(int index) override;
  Qt::Orientations expandingDirections() const override { return {}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), true); }
  QSize minimumSize() const override;
  QSize sizeHint() const override;
  void setGeometry(const QRect& rect) override;

private:
  int arrange(const QRect& rect, bool measureOnly) const;
  void placeRow(const QRect& area, int y, int first, int last, int height) const;

  QList<QLayoutItem*> m_items;
  int m_rightFrom = -1;  ///< items from this index on are right-aligned in their row
  int m_hSpacing;
  int m_vSpacing;
};

} // namespace dlm::ui
