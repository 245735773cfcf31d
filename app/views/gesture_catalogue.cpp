#include "app/views/gesture_catalogue.h"

#include <QCoreApplication>

namespace dlm::app {

QString gestureName(int id) {
  // One list for the toolbar and the suggested tags, so that confirming a suggestion creates
  // exactly the class name the user clicked.
  static const char* const kNames[kGestureCount] = {
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "shake"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "circle"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "tap"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "swipe"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "tilt"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "figure-eight"),
      QT_TRANSLATE_NOOP("dlm::app::Gestures", "triple-knock"),
  };
  if (id >= 0 && id < kGestureCount)
    return QCoreApplication::translate("dlm::app::Gestures", kNames[id]);
  return QCoreApplication::translate("dlm::app::Gestures", "gesture %1").arg(id);
}

} // namespace dlm::app
