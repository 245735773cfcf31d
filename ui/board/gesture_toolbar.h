#pragma once

#include <QToolBar>
#include <QVector>

class QAction;

namespace dlm::ui {

/// \brief Buttons that make the virtual board perform a gesture: the five known ones and two
/// it has never been taught. Disabled unless the board is virtual.
class GestureToolbar : public QToolBar {
  Q_OBJECT

public:
  /// \brief Gesture ids, as the virtual board's motion source numbers them.
  enum Gesture { Shake, Circle, Tap, Swipe, Tilt, FigureEight, TripleKnock, GestureCount };

  explicit GestureToolbar(QWidget* parent = nullptr);

  /// \brief The action that requests \p gesture.
  QAction* gestureAction(int gesture) const;
  /// \brief Short name of \p gesture ("shake", "figure-eight", …), translated.
  static QString gestureName(int gesture);
  bool isVirtualBoard() const { return m_virtual; }

public slots:
  /// \brief Enable the buttons when the connected board is the virtual one.
  void setVirtualBoard(bool isVirtual);

signals:
  /// \brief The user asked the virtual board to perform \p gesture (a Gesture value).
  void gestureRequested(int gesture);

private:
  QVector<QAction*> m_actions;
  bool m_virtual = false;
};

} // namespace dlm::ui
