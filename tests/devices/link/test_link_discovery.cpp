// PortDiscovery: plug and unplug reported from the system enumeration, explicit
// pseudo-terminals and symlinks listed while they exist.
#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include "devices/link/port_discovery.h"
#include "tests/devices/link/pty_pair.h"

using namespace dlm::link;

namespace {

PortInfo usbPort(const QString& name, quint16 pid) {
  PortInfo p;
  p.portName = name;
  p.systemLocation = QStringLiteral("/dev/") + name;
  p.description = QStringLiteral("STM32 STLink");
  p.manufacturer = QStringLiteral("STMicroelectronics");
  p.serialNumber = QStringLiteral("0671FF");
  p.vendorId = 0x0483;
  p.productId = pid;
  p.hasVidPid = true;
  return p;
}

} // namespace

class TestLinkDiscovery : public QObject {
  Q_OBJECT
private slots:
  void plugAndUnplugAreReported() {
    QList<PortInfo> system;
    PortDiscovery discovery;
    discovery.setEnumerator([&system] { return system; });
    discovery.setInterval(20);
    QSignalSpy changed(&discovery, &PortDiscovery::portsChanged);
    QSignalSpy added(&discovery, &PortDiscovery::portAdded);
    QSignalSpy removed(&discovery, &PortDiscovery::portRemoved);
    discovery.start();
    QCOMPARE(changed.count(), 1); // the first list, even empty
    QVERIFY(discovery.ports().isEmpty());

    system.append(usbPort(QStringLiteral("ttyACM0"), 0x374b));
    QTRY_COMPARE(added.count(), 1);
    const auto port = added.at(0).at(0).value<PortInfo>();
    QCOMPARE(port.systemLocation, QStringLiteral("/dev/ttyACM0"));
    QCOMPARE(port.vidPidText(), QStringLiteral("0483:374b"));
    QCOMPARE(port.manufacturer, QStringLiteral("STMicroelectronics"));
    QCOMPARE(changed.last().at(0).value<QList<PortInfo>>().size(), 1);

    const qsizetype changes = changed.count();
    discovery.refresh(); // refreshes with nothing new...
    discovery.refresh();
    QCOMPARE(changed.count(), changes); // ...say nothing

    system.clear();
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).value<PortInfo>().portName, QStringLiteral("ttyACM0"));
    QVERIFY(discovery.ports().isEmpty());
  }

  void explicitPseudoTerminalsAreListedWhileTheyExist() {
    auto pty = std::make_unique<dlm::test::PtyPair>();
    QVERIFY(pty->isValid());
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("dlm-board"));
    QVERIFY(QFile::link(pty->slavePath(), link));

    PortDiscovery discovery;
    discovery.setEnumerator([] { return QList<PortInfo>(); });
    discovery.setInterval(20);
    discovery.addExplicitPort(pty->slavePath(), QStringLiteral("Virtual board"));
    discovery.addExplicitPort(link);
    discovery.addExplicitPort(QStringLiteral("/dev/pts/dlm-never"));
    QSignalSpy removed(&discovery, &PortDiscovery::portRemoved);
    discovery.start();
    const QList<PortInfo> ports = discovery.ports();
    QCOMPARE(ports.size(), 2);
    for (const PortInfo& p : ports) {
      QVERIFY(p.isExplicit);
      QVERIFY(!p.hasVidPid);
      QVERIFY(p.vidPidText().isEmpty());
      if (p.systemLocation == link)
        QVERIFY2(p.description.contains(pty->slavePath()), qPrintable(p.description));
      else
        QCOMPARE(p.description, QStringLiteral("Virtual board"));
    }
    QCOMPARE(discovery.explicitPorts().size(), 3);

    pty.reset(); // the board exits: its terminal and the symlink's target disappear
    QTRY_COMPARE(removed.count(), 2);
    QVERIFY(discovery.ports().isEmpty());
    discovery.removeExplicitPort(link);
    QCOMPARE(discovery.explicitPorts().size(), 2);
  }

  void systemEnumerationWorksWithoutHardware() {
    const QList<PortInfo> ports = PortDiscovery::systemPorts();
    for (const PortInfo& p : ports) QVERIFY(!p.systemLocation.isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestLinkDiscovery)
#include "test_link_discovery.moc"
