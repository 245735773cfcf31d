#include "app/controller/port_naming.h"

#include "devices/link/link_types.h"

namespace dlm::app {

namespace {

constexpr int kAnyProduct = -1;
constexpr int kSerialShown = 16;  // longer serials are shortened in the menu
constexpr int kSerialEnds = 6;

struct UsbName {
  quint16 vendor;
  int product;  // kAnyProduct: the vendor's name for its other products
  const char* name;
};

// The probes and USB-serial adapters development boards carry, then the vendors of boards
// with native USB. Products before their vendor: the first match wins.
constexpr UsbName kUsbNames[] = {
    {0x0483, 0x374b, "ST-LINK/V2-1 (Nucleo)"},
    {0x0483, 0x3752, "ST-LINK/V2-1 (Nucleo)"},
    {0x0483, 0x374e, "STLINK-V3 (Nucleo)"},
    {0x0483, 0x374f, "STLINK-V3 (Nucleo)"},
    {0x0483, 0x3753, "STLINK-V3 (Nucleo)"},
    {0x0483, 0x3754, "STLINK-V3 (Nucleo)"},
    {0x0483, 0x3748, "ST-LINK/V2"},
    {0x0483, 0x5740, "STM32 virtual COM port"},
    {0x0483, kAnyProduct, "STMicroelectronics"},
    {0x10c4, 0xea60, "Silicon Labs CP210x"},
    {0x10c4, 0xea70, "Silicon Labs CP2105"},
    {0x10c4, 0xea71, "Silicon Labs CP2108"},
    {0x10c4, kAnyProduct, "Silicon Labs"},
    {0x1a86, 0x7523, "WCH CH340"},
    {0x1a86, 0x5523, "WCH CH341"},
    {0x1a86, 0x55d4, "WCH CH9102"},
    {0x1a86, kAnyProduct, "WCH"},
    {0x0403, 0x6001, "FTDI FT232R"},
    {0x0403, 0x6010, "FTDI FT2232"},
    {0x0403, 0x6011, "FTDI FT4232"},
    {0x0403, 0x6014, "FTDI FT232H"},
    {0x0403, 0x6015, "FTDI FT-X"},
    {0x0403, kAnyProduct, "FTDI"},
    {0x067b, 0x2303, "Prolific PL2303"},
    {0x067b, kAnyProduct, "Prolific"},
    {0x2341, 0x0043, "Arduino Uno"},
    {0x2341, 0x0001, "Arduino Uno"},
    {0x2341, 0x0042, "Arduino Mega 2560"},
    {0x2341, 0x0010, "Arduino Mega 2560"},
    {0x2341, 0x8036, "Arduino Leonardo"},
    {0x2341, 0x804d, "Arduino Zero"},
    {0x2341, 0x805a, "Arduino Nano 33 BLE"},
    {0x2341, 0x0069, "Arduino Uno R4 Minima"},
    {0x2341, 0x1002, "Arduino Uno R4 WiFi"},
    {0x2341, kAnyProduct, "Arduino"},
    {0x2a03, kAnyProduct, "Arduino"},
    {0x303a, 0x1001, "Espressif USB JTAG/serial"},
    {0x303a, kAnyProduct, "Espressif"},
    {0x2e8a, 0x000c, "Raspberry Pi Debug Probe"},
    {0x2e8a, 0x0005, "Raspberry Pi Pico"},
    {0x2e8a, 0x000a, "Raspberry Pi Pico"},
    {0x2e8a, kAnyProduct, "Raspberry Pi"},
    {0x16c0, 0x0483, "Teensy"},
    {0x04d8, 0x00dd, "Microchip MCP2221"},
    {0x04d8, 0x00df, "Microchip MCP2200"},
    {0x04d8, kAnyProduct, "Microchip"},
    {0x03eb, kAnyProduct, "Microchip (Atmel)"},
    {0x0d28, 0x0204, "Arm DAPLink (mbed)"},
    {0x1366, kAnyProduct, "SEGGER J-Link"},
    {0x1d50, 0x6018, "Black Magic Probe"},
    {0x0451, 0xbef3, "TI LaunchPad (XDS110)"},
    {0x0451, kAnyProduct, "Texas Instruments"},
    {0x1fc9, kAnyProduct, "NXP"},
    {0x1915, kAnyProduct, "Nordic Semiconductor"},
    {0x239a, kAnyProduct, "Adafruit"},
    {0x1b4f, kAnyProduct, "SparkFun"},
    {0x2886, kAnyProduct, "Seeed Studio"},
};

// The built-in virtual board, an emulated board on a pseudo-terminal, or a USB device.
QString nameOf(const link::PortInfo& port, bool builtInVirtual) {
  if (builtInVirtual) return PortNaming::tr("Virtual board (built-in)");
  // Ports given by path are pseudo-terminals (or links to them): a dlm-board, or QEMU.
  if (port.isExplicit) return PortNaming::tr("Virtual or emulated board");
  if (port.hasVidPid) {
    const QString usb = usbDeviceName(port.vendorId, port.productId);
    if (!usb.isEmpty()) return usb;
  }
  return port.description.isEmpty() ? PortNaming::tr("Serial port") : port.description;
}

QString detailsOf(const PortChoice& c, const link::PortInfo& port) {
  QStringList lines{c.name, PortNaming::tr("Port: %1").arg(c.location)};
  if (!c.vidPid.isEmpty()) lines << PortNaming::tr("USB vendor:product: %1").arg(c.vidPid);
  if (!c.serialNumber.isEmpty()) lines << PortNaming::tr("Serial number: %1").arg(c.serialNumber);
  if (!c.manufacturer.isEmpty()) lines << PortNaming::tr("Manufacturer: %1").arg(c.manufacturer);
  if (!c.description.isEmpty() && c.description != c.name)
    lines << PortNaming::tr("Described by the system as: %1").arg(c.description);
  if (port.isExplicit && !c.isVirtual)
    lines << PortNaming::tr("A pseudo-terminal, e.g. a board emulated by QEMU.");
  if (c.lastUsed)
    lines << PortNaming::tr("The last board used: reconnected by itself when it is plugged in.");
  return lines.join(QLatin1Char('\n'));
}

} // namespace

QString usbDeviceName(quint16 vendorId, quint16 productId) {
  for (const UsbName& n : kUsbNames) {
    if (n.vendor == vendorId && (n.product == kAnyProduct || n.product == productId))
      return QString::fromLatin1(n.name);
  }
  return QString();
}

QString shortSerialNumber(const QString& serial) {
  if (serial.size() <= kSerialShown) return serial;
  return serial.left(kSerialEnds) + QChar(0x2026) + serial.right(kSerialEnds);
}

PortChoice portChoice(const link::PortInfo& port, bool builtInVirtual, bool lastUsed) {
  PortChoice c;
  c.location = port.systemLocation;
  c.description = port.description;
  c.vidPid = port.vidPidText();
  c.serialNumber = port.serialNumber;
  c.manufacturer = port.manufacturer;
  c.isVirtual = builtInVirtual || port.isExplicit;
  c.lastUsed = lastUsed;
  c.name = nameOf(port, builtInVirtual);
  const QString dash = QStringLiteral(" \u2014 ");
  c.label = c.name + dash + c.location;
  if (!c.serialNumber.isEmpty())
    c.label += dash + PortNaming::tr("SN %1").arg(shortSerialNumber(c.serialNumber));
  c.details = detailsOf(c, port);
  return c;
}

} // namespace dlm::app
