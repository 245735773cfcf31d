#pragma once

#include <QByteArray>

namespace dlm::app {

/// \brief The identity (stored CRC) \p model would have with rejection threshold \p share: what
/// a board running \p model reports after SetRejection(\p share). 0 when \p model is empty or
/// not a loadable model.
quint32 modelIdentityAtThreshold(const QByteArray& model, float share);

} // namespace dlm::app
