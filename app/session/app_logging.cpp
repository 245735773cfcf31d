#include "app/session/app_logging.h"

namespace dlm::app {

Q_LOGGING_CATEGORY(lcApp, "dlm.app", QtInfoMsg)

} // namespace dlm::app
