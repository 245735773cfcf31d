#pragma once

// What a serial port is, in words a user recognises: the USB adapter or probe behind it
// (from its vendor and product ids), its serial number, and whether it is a virtual or an
// emulated board. Two boards on /dev/ttyACM0 and /dev/ttyACM1 are told apart by this.

#include <QCoreApplication>
#include <QString>

#include "app/views/board_views.h"

namespace dlm::link {
struct PortInfo;
} // namespace dlm::link

namespace dlm::app {

/// \brief What the USB device \p vendorId:\p productId is: the product for the probes and
/// adapters boards use ("ST-LINK/V2-1 (Nucleo)" for 0483:374b, "Silicon Labs CP210x" for
/// 10c4:ea60, "WCH CH340" for 1a86:7523…), the vendor for other products of a vendor that
/// makes boards ("Arduino", "Espressif", "Raspberry Pi"); empty when neither is known.
QString usbDeviceName(quint16 vendorId, quint16 productId);

/// \brief A serial number short enough for a menu: as it is up to 16 characters, else its
/// first and last six around an ellipsis (the tail tells boards of one batch apart).
QString shortSerialNumber(const QString& serial);

/// \brief \p port as the "Connect to" menu lists it. \p builtInVirtual: it is the studio's own
/// virtual board; \p lastUsed: it is the board the studio remembers.
PortChoice portChoice(const link::PortInfo& port, bool builtInVirtual, bool lastUsed);

/// \brief The translation context of the port names.
class PortNaming {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::PortNaming)
};

} // namespace dlm::app
