#pragma once

#include <QLoggingCategory>

namespace dlm::ui {

/// \brief The one logging category of the studio's widgets: "dlm.ui".
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace dlm::ui
