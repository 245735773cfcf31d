#include "devices/textstream/textstream_logging.h"

namespace dlm::textstream {

Q_LOGGING_CATEGORY(lcTextStream, "dlm.textstream", QtInfoMsg)

} // namespace dlm::textstream
