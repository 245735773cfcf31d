// What a port is called in the "Connect to" menu: the USB probes and adapters boards carry,
// named from their vendor and product ids; serial numbers shortened but told apart; virtual
// and emulated boards named as such.
#include <QtTest>

#include "app/controller/port_naming.h"
#include "devices/link/link_types.h"

using namespace dlm;
using app::portChoice;
using app::usbDeviceName;

class TestPortNaming : public QObject {
  Q_OBJECT

private slots:
  void usbDevices_data() {
    QTest::addColumn<int>("vendor");
    QTest::addColumn<int>("product");
    QTest::addColumn<QString>("name");
    QTest::newRow("Nucleo-64 ST-LINK") << 0x0483 << 0x374b << "ST-LINK/V2-1 (Nucleo)";
    QTest::newRow("ST-LINK V2-1 no MSD") << 0x0483 << 0x3752 << "ST-LINK/V2-1 (Nucleo)";
    QTest::newRow("STLINK-V3") << 0x0483 << 0x374e << "STLINK-V3 (Nucleo)";
    QTest::newRow("STLINK-V3 bis") << 0x0483 << 0x374f << "STLINK-V3 (Nucleo)";
    QTest::newRow("ST-LINK V2") << 0x0483 << 0x3748 << "ST-LINK/V2";
    QTest::newRow("other ST") << 0x0483 << 0x1234 << "STMicroelectronics";
    QTest::newRow("CP2102") << 0x10c4 << 0xea60 << "Silicon Labs CP210x";
    QTest::newRow("CP2105") << 0x10c4 << 0xea70 << "Silicon Labs CP2105";
    QTest::newRow("CH340") << 0x1a86 << 0x7523 << "WCH CH340";
    QTest::newRow("CH341") << 0x1a86 << 0x5523 << "WCH CH341";
    QTest::newRow("CH9102") << 0x1a86 << 0x55d4 << "WCH CH9102";
    QTest::newRow("FT232R") << 0x0403 << 0x6001 << "FTDI FT232R";
    QTest::newRow("FT2232") << 0x0403 << 0x6010 << "FTDI FT2232";
    QTest::newRow("FT4232") << 0x0403 << 0x6011 << "FTDI FT4232";
    QTest::newRow("FT232H") << 0x0403 << 0x6014 << "FTDI FT232H";
    QTest::newRow("FT-X") << 0x0403 << 0x6015 << "FTDI FT-X";
    QTest::newRow("Uno") << 0x2341 << 0x0043 << "Arduino Uno";
    QTest::newRow("any Arduino") << 0x2341 << 0x9999 << "Arduino";
    QTest::newRow("arduino.org") << 0x2a03 << 0x0043 << "Arduino";
    QTest::newRow("ESP32-S3") << 0x303a << 0x1001 << "Espressif USB JTAG/serial";
    QTest::newRow("Pico") << 0x2e8a << 0x000a << "Raspberry Pi Pico";
    QTest::newRow("any RP2040") << 0x2e8a << 0x00f0 << "Raspberry Pi";
    QTest::newRow("Teensy") << 0x16c0 << 0x0483 << "Teensy";
    QTest::newRow("Microchip") << 0x04d8 << 0x000a << "Microchip";
    QTest::newRow("unknown") << 0x1234 << 0x5678 << "";
  }
  void usbDevices() {
    QFETCH(int, vendor);
    QFETCH(int, product);
    QFETCH(QString, name);
    QCOMPARE(usbDeviceName(quint16(vendor), quint16(product)), name);
  }

  void serialNumbers() {
    QCOMPARE(app::shortSerialNumber(QStringLiteral("A50285BI")), QStringLiteral("A50285BI"));
    QCOMPARE(app::shortSerialNumber(QStringLiteral("066DFF495051717867184625")),
             QStringLiteral("066DFF…184625"));
  }

  void choices() {
    link::PortInfo usb;
    usb.portName = QStringLiteral("ttyUSB0");
    usb.systemLocation = QStringLiteral("/dev/ttyUSB0");
    usb.description = QStringLiteral("CP2102 USB to UART Bridge Controller");
    usb.manufacturer = QStringLiteral("Silicon Labs");
    usb.serialNumber = QStringLiteral("0001");
    usb.vendorId = 0x10c4;
    usb.productId = 0xea60;
    usb.hasVidPid = true;
    app::PortChoice c = portChoice(usb, false, true);
    QCOMPARE(c.label, QStringLiteral("Silicon Labs CP210x — /dev/ttyUSB0 — SN 0001"));
    QCOMPARE(c.vidPid, QStringLiteral("10c4:ea60"));
    QVERIFY(c.lastUsed && !c.isVirtual);
    QVERIFY(c.details.contains(QStringLiteral("CP2102 USB to UART Bridge Controller")));
    QVERIFY(c.details.contains(QStringLiteral("reconnected")));

    link::PortInfo plain;  // a serial port without a USB identity
    plain.systemLocation = QStringLiteral("/dev/ttyS0");
    QCOMPARE(portChoice(plain, false, false).label, QStringLiteral("Serial port — /dev/ttyS0"));
    usb.vendorId = 0x1234;  // unknown: the system's description
    QCOMPARE(portChoice(usb, false, false).name, usb.description);

    link::PortInfo pty;
    pty.portName = pty.systemLocation = QStringLiteral("/dev/pts/4");
    pty.description = QStringLiteral("Pseudo-terminal");
    pty.isExplicit = true;
    c = portChoice(pty, true, false);
    QCOMPARE(c.label, QStringLiteral("Virtual board (built-in) — /dev/pts/4"));
    QVERIFY(c.isVirtual);
    c = portChoice(pty, false, false);
    QCOMPARE(c.label, QStringLiteral("Virtual or emulated board — /dev/pts/4"));
    QVERIFY(c.isVirtual);
  }
};

QTEST_GUILESS_MAIN(TestPortNaming)
#include "test_port_naming.moc"
