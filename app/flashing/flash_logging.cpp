#include "app/flashing/flash_logging.h"

namespace dlm::app {

Q_LOGGING_CATEGORY(lcFlash, "dlm.flash", QtInfoMsg)

} // namespace dlm::app
