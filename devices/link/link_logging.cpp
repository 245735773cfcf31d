#include "devices/link/link_logging.h"

namespace dlm {
namespace link {

Q_LOGGING_CATEGORY(lcLink, "dlm.link", QtInfoMsg)

} // namespace link
} // namespace dlm
