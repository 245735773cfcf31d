// StudioController: gestures on request and the demo's spontaneous ones. A requested gesture's
// event is labelled by the board itself (it knows what it was playing), and becomes a
// suggested tag the user confirms; the demo's gestures stay off while the user drives.
#include "app/views/gesture_catalogue.h"
#include "app/controller/studio_controller.h"
#include "app/session/session_event.h"
#include "devices/link/board_link.h"

namespace dlm::app {

void StudioController::performGesture(int gesture) {
  gestureOnBoard(gesture);  // on a cable or through the board's gateway
}

void StudioController::setDemoGestures(bool on) {
  if (on == m_demoGestures) return;
  m_demoGestures = on;
  sendDemoGestures();
  emit demoGesturesChanged(on);
  emit statusMessage(on ? tr("Demo on: the virtual board also performs gestures of its own; "
                             "their events have no suggested tag.")
                        : tr("Demo off: the virtual board performs only the gestures you ask "
                             "for."));
}

void StudioController::sendDemoGestures() {
  // Only the virtual board has gestures of its own; a real board is moved by hand, and would
  // answer that it does not support the command.
  if (!m_virtualWanted || !m_link->isConnected()) return;
  m_link->setSpontaneousGestures(m_demoGestures ? kDemoGestureRate : 0.0f);
}

void StudioController::suggestTag(SessionEvent& event, int requestedGesture) const {
  if (requestedGesture < 0 || requestedGesture >= kGestureCount) return;  // not asked for
  event.suggestion.gesture = gestureName(requestedGesture);
  // A never-seen gesture tagged as a class of its own would become "known": the very mistake
  // the never-seen buttons exist to show. Suggest unknown / outlier instead.
  event.suggestion.outlier = isNeverSeenGesture(requestedGesture);
}

} // namespace dlm::app
