#include "ui/common/ui_logging.h"

namespace dlm::ui {

Q_LOGGING_CATEGORY(lcUi, "dlm.ui")

} // namespace dlm::ui
