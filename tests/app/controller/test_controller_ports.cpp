// The port list tells boards apart, and the last board comes back by itself: through the
// controller, with PortDiscovery's enumeration replaced by a list the test edits (plug,
// unplug) and a mock transport that opens only the paths that list holds, as a real serial
// port would. No hardware.
#include <QCoreApplication>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "app/controller/flash_control.h"
#include "app/controller/studio_controller.h"
#include "devices/link/board_link.h"
#include "devices/link/mock_transport.h"
#include "devices/link/port_discovery.h"
#include "tests/devices/link/mock_board.h"

using namespace dlm;
using app::PortChoice;
using app::StudioController;
using link::PortInfo;

namespace {

constexpr int kTimeoutMs = 10000;

// The serial ports of the machine: what the enumeration lists, and what can be opened.
struct FakeSystem {
  mutable QMutex mutex;  // open() runs on the link's worker thread
  QList<PortInfo> ports;
  void set(const QList<PortInfo>& now) {
    QMutexLocker lock(&mutex);
    ports = now;
  }
  QList<PortInfo> list() const {
    QMutexLocker lock(&mutex);
    return ports;
  }
  bool has(const QString& path) const {
    QMutexLocker lock(&mutex);
    for (const PortInfo& p : ports)
      if (p.systemLocation == path) return true;
    return false;
  }
};

class PathTransport : public link::MockTransport {
public:
  PathTransport(link::MockPort* port, const FakeSystem* system)
      : link::MockTransport(port), m_system(system) {}
  bool open(const QString& portName, qint32 baud) override {
    if (!m_system->has(portName)) {
      m_missing = QStringLiteral("Cannot open %1: no such file").arg(portName);
      return false;
    }
    m_missing.clear();
    return link::MockTransport::open(portName, baud);
  }
  QString errorString() const override {
    return m_missing.isEmpty() ? link::MockTransport::errorString() : m_missing;
  }

private:
  const FakeSystem* m_system;
  QString m_missing;
};

PortInfo nucleo(const QString& name, const QString& serial = QStringLiteral("066DFF495051717867184625")) {
  PortInfo p;
  p.portName = name;
  p.systemLocation = QStringLiteral("/dev/") + name;
  p.description = QStringLiteral("STM32 STLink");
  p.manufacturer = QStringLiteral("STMicroelectronics");
  p.serialNumber = serial;
  p.vendorId = 0x0483;
  p.productId = 0x374b;
  p.hasVidPid = true;
  return p;
}

// A controller whose board is a MockBoard behind ports the test plugs and unplugs.
struct PortRig {
  FakeSystem system;
  link::MockPort port;
  dlm::test::MockBoard board{&port};
  StudioController controller{makeLink()};
  QSignalSpy messages{&controller, &StudioController::statusMessage};

  PortRig() {
    controller.portDiscovery()->setEnumerator([this] { return system.list(); });
    controller.portDiscovery()->setInterval(20);
    controller.portDiscovery()->refresh();  // the test's ports from now on, not the machine's
  }
  std::unique_ptr<link::BoardLink> makeLink() {
    auto l = std::make_unique<link::BoardLink>();
    l->setTransportFactory([this]() -> std::unique_ptr<link::Transport> {
      return std::make_unique<PathTransport>(&port, &system);
    });
    return l;
  }
  void plug(const PortInfo& p) {
    system.set({p});
    port.replug();
  }
  void unplug() {
    system.set({});
    port.unplug();
  }
  bool connectedTo(const QString& path) const {
    return controller.isBoardConnected() && controller.boardInfo().portName == path;
  }
  bool messaged(const QString& part) const {
    for (const QList<QVariant>& args : messages)
      if (args.at(0).toString().contains(part)) return true;
    return false;
  }
};

} // namespace

class TestControllerPorts : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // the settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("DeeplomathTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_controller_ports"));
    QSettings().clear();
  }

  void portsAreNamedAndToldApart() {
    PortRig rig;
    rig.system.set({nucleo(QStringLiteral("ttyACM0")),
                    nucleo(QStringLiteral("ttyACM1"), QStringLiteral("0670FF48"))});
    QTRY_COMPARE(rig.controller.ports().size(), 2);
    const QVector<PortChoice> ports = rig.controller.ports();
    QCOMPARE(ports.at(0).label, QStringLiteral("ST-LINK/V2-1 (Nucleo) — /dev/ttyACM0 — SN 066DFF…184625"));
    QCOMPARE(ports.at(1).label, QStringLiteral("ST-LINK/V2-1 (Nucleo) — /dev/ttyACM1 — SN 0670FF48"));
    QVERIFY(ports.at(0).details.contains(QStringLiteral("0483:374b")));
    QVERIFY(ports.at(0).details.contains(QStringLiteral("066DFF495051717867184625")));
    QVERIFY(ports.at(0).details.contains(QStringLiteral("STMicroelectronics")));
    QVERIFY(!ports.at(0).isVirtual && !ports.at(0).lastUsed);
  }

  // Plug → connect; unplug → said, not connected; back on another path → reconnected there.
  void theLastBoardComesBackOnAnotherPath() {
    PortRig rig;
    rig.plug(nucleo(QStringLiteral("ttyACM0")));
    QTRY_COMPARE(rig.controller.ports().size(), 1);
    rig.controller.connectToPort(QStringLiteral("/dev/ttyACM0"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM0")), kTimeoutMs);
    QCOMPARE(rig.controller.lastBoard(), QStringLiteral("0483:374b SN 066DFF495051717867184625"));
    QVERIFY(rig.controller.reconnectsLastBoard());
    QTRY_VERIFY(rig.controller.ports().value(0).lastUsed);

    rig.unplug();
    QTRY_VERIFY_WITH_TIMEOUT(!rig.controller.isBoardConnected(), kTimeoutMs);
    QTRY_VERIFY(rig.messaged(QStringLiteral("/dev/ttyACM0 was unplugged")));
    QTest::qWait(300);  // the link keeps trying the old path, in vain
    QVERIFY(!rig.controller.isBoardConnected());

    rig.messages.clear();
    rig.plug(nucleo(QStringLiteral("ttyACM1")));
    QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM1")), kTimeoutMs);
    QVERIFY(rig.messaged(QStringLiteral("The board is back on /dev/ttyACM1")));
    QTRY_VERIFY(rig.messaged(QStringLiteral("Reconnected to the board on /dev/ttyACM1")));
    QVERIFY(rig.controller.reconnectsLastBoard());
  }

  // A board disconnected on purpose stays disconnected, wherever it comes back.
  void aDeliberateDisconnectIsNotUndone() {
    PortRig rig;
    rig.plug(nucleo(QStringLiteral("ttyACM0")));
    QTRY_COMPARE(rig.controller.ports().size(), 1);
    rig.controller.connectToPort(QStringLiteral("/dev/ttyACM0"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM0")), kTimeoutMs);
    rig.controller.disconnectBoard();
    QVERIFY(!rig.controller.reconnectsLastBoard());
    QTRY_VERIFY(!rig.port.isOpen());
    rig.unplug();
    QTest::qWait(100);
    rig.plug(nucleo(QStringLiteral("ttyACM1")));
    QTRY_COMPARE(rig.controller.ports().size(), 1);
    QTest::qWait(500);
    QVERIFY(!rig.controller.isBoardConnected());
    QVERIFY(!rig.port.isOpen());
    QVERIFY(!rig.controller.ports().value(0).lastUsed);
  }

  // Flashing: the link lets go of the board while the (fake) probe tool runs, and the board
  // is found and reconnected after.
  void flashingClosesTheLinkAndReconnectsAfter() {
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QByteArray(DLM_FAKE_TOOLS_DIR ":") + path);
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("dlm-firmware-nucleo-f446re.elf"));
    QFile file(image);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    PortRig rig;
    rig.plug(nucleo(QStringLiteral("ttyACM0")));
    QTRY_COMPARE(rig.controller.ports().size(), 1);
    rig.controller.connectToPort(QStringLiteral("/dev/ttyACM0"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM0")), kTimeoutMs);
    app::FlashControl* flashing = rig.controller.flashing();
    QSignalSpy started(flashing, &app::FlashControl::started);
    QSignalSpy finished(flashing, &app::FlashControl::finished);
    bool openWhileFlashing = true;
    connect(flashing, &app::FlashControl::started, this,
            [&] { openWhileFlashing = rig.port.isOpen() || rig.controller.isBoardConnected(); });
    flashing->start(QStringLiteral("nucleo-f446re"), QStringLiteral("openocd"), image);
    QVERIFY(finished.wait(kTimeoutMs));
    qputenv("PATH", path);
    QCOMPARE(started.count(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!openWhileFlashing);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM0")), kTimeoutMs);
    QVERIFY(rig.messaged(QStringLiteral("Flashed; reconnecting to the board on /dev/ttyACM0")));
  }

  // Kept in the settings: the next studio finds the board wherever it is plugged.
  void theLastBoardIsRememberedAcrossSessions() {
    {
      PortRig rig;
      rig.controller.rememberBoardsInSettings();
      rig.plug(nucleo(QStringLiteral("ttyACM0")));
      QTRY_COMPARE(rig.controller.ports().size(), 1);
      rig.controller.connectToPort(QStringLiteral("/dev/ttyACM0"));
      QTRY_VERIFY_WITH_TIMEOUT(rig.connectedTo(QStringLiteral("/dev/ttyACM0")), kTimeoutMs);
    }
    PortRig next;
    next.controller.rememberBoardsInSettings();
    QCOMPARE(next.controller.lastBoard(), QStringLiteral("0483:374b SN 066DFF495051717867184625"));
    QVERIFY(!next.controller.connectToLastBoard());  // not plugged in yet
    QVERIFY(next.controller.reconnectsLastBoard());
    next.plug(nucleo(QStringLiteral("ttyACM2")));
    QTRY_VERIFY_WITH_TIMEOUT(next.connectedTo(QStringLiteral("/dev/ttyACM2")), kTimeoutMs);
  }
};

QTEST_GUILESS_MAIN(TestControllerPorts)
#include "test_controller_ports.moc"
