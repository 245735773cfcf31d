#pragma once

#include <QToolBar>
#include <QVector>

class QAction;

namespace dlm::ui {

/// \brief Buttons that make the virtual board perform a gesture: the five known ones and two
/// it has never been taught, and the demo toggle for the board's own gestures. Disabled unless
/// the board is virtual.
class GestureToolbar : public QToolBar {
  Q_OBJECT

public:
  /// \brief Gesture ids, as the virtual board's motion source numbers them (app::Gesture).
  enum Gesture { Shake, Circle, Tap, Swipe, Tilt, FigureEight, TripleKnock, GestureCount };

  explicit GestureToolbar(QWidget* parent = nullptr);

  /// \brief The action that requests \p gesture.
  QAction* gestureAction(int gesture) const;
  /// \brief The checkable "Demo: spontaneous gestures" action (also in the Board menu).
  QAction* demoAction() const { return m_demo; }
  /// \brief Short name of \p gesture ("shake", "figure-eight", …), translated.
  static QString gestureName(int gesture);
  bool isVirtualBoard() const { return m_virtual; }

public slots:
  /// \brief Enable the buttons when the connected board is the virtual one.
  void setVirtualBoard(bool isVirtual);

signals:
  /// \brief The user asked the virtual board to perform \p gesture (a Gesture value).
  void gestureRequested(int gesture);
  /// \brief The user turned the virtual board's spontaneous (demo) gestures on or off.
  void demoToggled(bool on);

private:
  QVector<QAction*> m_actions;
  QAction* m_demo = nullptr;
  bool m_virtual = false;
};

} // namespace dlm::ui
