#include "ui/uilogging.h"

namespace dlm::ui {

Q_LOGGING_CATEGORY(lcUi, "dlm.ui")

} // namespace dlm::ui
