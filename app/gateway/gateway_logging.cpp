#include "app/gateway/gateway_logging.h"

namespace dlm {
namespace gateway {

Q_LOGGING_CATEGORY(lcGateway, "dlm.gateway", QtInfoMsg)

} // namespace gateway
} // namespace dlm
