#include "devices/link/link_types.h"

#include <QtEndian>

#include <mutex>

#include "core/model_format.h"

namespace dlm {
namespace link {

QString PortInfo::vidPidText() const {
  if (!hasVidPid) return QString();
  return QStringLiteral("%1:%2")
      .arg(vendorId, 4, 16, QLatin1Char('0'))
      .arg(productId, 4, 16, QLatin1Char('0'));
}

bool PortInfo::operator==(const PortInfo& other) const {
  return portName == other.portName && systemLocation == other.systemLocation &&
         description == other.description && manufacturer == other.manufacturer &&
         serialNumber == other.serialNumber && vendorId == other.vendorId &&
         productId == other.productId && hasVidPid == other.hasVidPid &&
         isExplicit == other.isExplicit;
}

quint32 modelIdentity(const QByteArray& model) {
  // Read, not computed again: core/model_format computed this CRC when it wrote the model
  // (dlm::ModelInfo::crc), inspectModel() and a board check it before using the model, and
  // the firmware reports that same field. One definition, however many readers.
  return dlm::modelIdentity(reinterpret_cast<const std::uint8_t*>(model.constData()),
                           std::size_t(model.size()));
}

void registerLinkMetaTypes() {
  static std::once_flag once;
  std::call_once(once, [] {
    qRegisterMetaType<BoardInfo>();
    qRegisterMetaType<BoardEvent>();
    qRegisterMetaType<BoardStatus>();
    qRegisterMetaType<TriggerConfig>();
    qRegisterMetaType<LinkStatistics>();
    qRegisterMetaType<PortInfo>();
    qRegisterMetaType<QList<PortInfo>>();
    qRegisterMetaType<LinkState>();
    qRegisterMetaType<CommandKind>();
    qRegisterMetaType<LogLevel>();
    qRegisterMetaType<QVector<qint16>>();
  });
}

} // namespace link
} // namespace dlm
