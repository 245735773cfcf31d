// Board → Flash firmware… and Board → Connect to, as a user sees them: the dialog finds the
// image by itself, flashes through the fake openocd (tests/app/flashing/fake_tools, first on
// the PATH) with progress and a clear outcome, says what to do when no probe is plugged in;
// the port menu names each board and tells two ST-LINKs apart. With DLM_SCREENSHOT_DIR set,
// saves what it checked (under Xvfb with QT_QPA_PLATFORM=xcb, the screen: menus, tooltips).
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QtTest>

#include "app/controller/flash_control.h"
#include "app/controller/studio_controller.h"
#include "devices/link/port_discovery.h"
#include "tests/devices/link/pty_pair.h"
#include "ui/board/flash_dialog.h"
#include "ui/main_window/main_window.h"

using dlm::app::StudioController;
using dlm::link::PortInfo;
using dlm::ui::FlashDialog;

namespace {

constexpr int kTimeoutMs = 10000;

PortInfo usb(const QString& name, quint16 vid, quint16 pid, const QString& serial,
             const QString& description, const QString& manufacturer) {
  PortInfo p;
  p.portName = name;
  p.systemLocation = QStringLiteral("/dev/") + name;
  p.vendorId = vid;
  p.productId = pid;
  p.hasVidPid = true;
  p.serialNumber = serial;
  p.description = description;
  p.manufacturer = manufacturer;
  return p;
}

// \p withPopups: on a real display, the screen, where the menus and tooltips are too.
void screenshot(const QString& name, QWidget* widget, bool withPopups = false) {
  const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QTest::qWait(300);
  const bool screen = withPopups && QGuiApplication::platformName() == QLatin1String("xcb");
  const QPixmap shot = screen ? QGuiApplication::primaryScreen()->grabWindow(0) : widget->grab();
  QVERIFY(shot.save(QDir(dir).filePath(name)));
}

QPushButton* button(FlashDialog& dialog, QDialogButtonBox::ButtonRole role) {
  const auto* box = dialog.findChild<QDialogButtonBox*>();
  for (QAbstractButton* b : box->buttons())
    if (box->buttonRole(b) == role) return qobject_cast<QPushButton*>(b);
  return nullptr;
}

} // namespace

class TestFlashDialog : public QObject {
  Q_OBJECT
  QTemporaryDir m_firmware;

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("PATH", QByteArray(DLM_FAKE_TOOLS_DIR ":") + qgetenv("PATH"));
    qputenv("DLM_FIRMWARE_DIR", m_firmware.path().toLocal8Bit());
    for (const char* ext : {".elf", ".bin"}) {
      QFile f(m_firmware.filePath(QStringLiteral("dlm-firmware-nucleo-f446re") + QLatin1String(ext)));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("image");
    }
  }

  void flashesWithProgressAndAClearOutcome() {
    StudioController controller;
    FlashDialog dialog(controller.flashing());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.imagePath(), m_firmware.filePath(QStringLiteral("dlm-firmware-nucleo-f446re.elf")));
    screenshot(QStringLiteral("flash-dialog-ready.png"), &dialog);
    qputenv("FAKE_FLASH_SCENARIO", "ok");
    QSignalSpy finished(controller.flashing(), &dlm::app::FlashControl::finished);
    button(dialog, QDialogButtonBox::AcceptRole)->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(dialog.outcomeText().contains(QStringLiteral("Flashed and verified")),
             qPrintable(dialog.outcomeText()));
    QCOMPARE(dialog.findChild<QProgressBar*>()->value(), 100);
    QVERIFY(button(dialog, QDialogButtonBox::AcceptRole)->isEnabled());
    screenshot(QStringLiteral("flash-dialog-done.png"), &dialog);
  }

  void saysWhatToDoWithoutAProbe() {
    StudioController controller;
    FlashDialog dialog(controller.flashing());
    dialog.setDetailsVisible(true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    qputenv("FAKE_FLASH_SCENARIO", "noprobe");
    QSignalSpy finished(controller.flashing(), &dlm::app::FlashControl::finished);
    button(dialog, QDialogButtonBox::AcceptRole)->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(dialog.outcomeText().startsWith(QStringLiteral("No ST-LINK probe found")),
             qPrintable(dialog.outcomeText()));
    screenshot(QStringLiteral("flash-dialog-no-probe.png"), &dialog);
    qunsetenv("FAKE_FLASH_SCENARIO");
  }

  // In French, as a French user sees it after a failure: nothing clipped, every word French.
  void inFrench() {
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_fr.qm")));
    QCoreApplication::installTranslator(&french);
    StudioController controller;
    FlashDialog dialog(controller.flashing());
    dialog.setDetailsVisible(true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Flasher le firmware"));
    qputenv("FAKE_FLASH_SCENARIO", "permission");
    QSignalSpy finished(controller.flashing(), &dlm::app::FlashControl::finished);
    button(dialog, QDialogButtonBox::AcceptRole)->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(dialog.outcomeText().contains(QStringLiteral("règles udev")),
             qPrintable(dialog.outcomeText()));
    screenshot(QStringLiteral("flash-dialog-fr.png"), &dialog);
    qunsetenv("FAKE_FLASH_SCENARIO");
    QCoreApplication::removeTranslator(&french);
  }

  void thePortMenuTellsBoardsApart() {
    StudioController controller;
    dlm::test::PtyPair emulator;  // a QEMU board's pseudo-terminal
    const QList<PortInfo> system{
        usb(QStringLiteral("ttyACM0"), 0x0483, 0x374b, QStringLiteral("066DFF495051717867184625"),
            QStringLiteral("STM32 STLink"), QStringLiteral("STMicroelectronics")),
        usb(QStringLiteral("ttyACM1"), 0x0483, 0x374b, QStringLiteral("0670FF485550755187121523"),
            QStringLiteral("STM32 STLink"), QStringLiteral("STMicroelectronics")),
        usb(QStringLiteral("ttyUSB0"), 0x10c4, 0xea60, QStringLiteral("0001"),
            QStringLiteral("CP2102 USB to UART Bridge Controller"), QStringLiteral("Silicon Labs")),
        usb(QStringLiteral("ttyUSB1"), 0x1a86, 0x7523, QString(), QStringLiteral("USB Serial"),
            QStringLiteral("QinHeng Electronics"))};
    controller.portDiscovery()->setEnumerator([system] { return system; });
    controller.portDiscovery()->addExplicitPort(emulator.slavePath());
    controller.portDiscovery()->refresh();
    dlm::ui::MainWindow window(&controller);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu* board = nullptr;
    for (QAction* a : window.menuBar()->actions())
      if (a->menu() != nullptr && a->text() == QStringLiteral("&Board")) board = a->menu();
    QVERIFY(board != nullptr);
    QMenu* ports = nullptr;
    for (QAction* a : board->actions())
      if (a->menu() != nullptr && a->text() == QStringLiteral("&Connect to")) ports = a->menu();
    QVERIFY(ports != nullptr);
    window.menuBar()->setActiveAction(board->menuAction());
    QTest::qWait(100);
    board->setActiveAction(ports->menuAction());
    QTRY_VERIFY(ports->isVisible() || QGuiApplication::platformName() != QLatin1String("xcb"));
    emit ports->aboutToShow();  // offscreen, popups are not shown: fill it as it would be
    QStringList labels;
    for (QAction* a : ports->actions()) labels << a->text();
    QCOMPARE(labels.size(), 5);
    QVERIFY2(labels.contains(QStringLiteral("ST-LINK/V2-1 (Nucleo) — /dev/ttyACM0 — SN 066DFF…184625")),
             qPrintable(labels.join(QLatin1Char('\n'))));
    QVERIFY(labels.contains(QStringLiteral("ST-LINK/V2-1 (Nucleo) — /dev/ttyACM1 — SN 0670FF…121523")));
    QVERIFY(labels.contains(QStringLiteral("WCH CH340 — /dev/ttyUSB1")));
    QVERIFY(labels.contains(QStringLiteral("Virtual or emulated board — ") + emulator.slavePath()));
    QAction* first = ports->actions().at(labels.indexOf(QRegularExpression(QStringLiteral(".*ttyACM0.*"))));
    QVERIFY(first->toolTip().contains(QStringLiteral("0483:374b")));
    QVERIFY(first->toolTip().contains(QStringLiteral("066DFF495051717867184625")));
    if (QGuiApplication::platformName() == QLatin1String("xcb")) {
      ports->setActiveAction(first);
      QToolTip::showText(ports->mapToGlobal(ports->actionGeometry(first).bottomRight() + QPoint(8, 4)),
                         first->toolTip(), ports);
    }
    screenshot(QStringLiteral("connect-to-ports.png"), ports, true);
    ports->hide();
    board->hide();
  }
};

QTEST_MAIN(TestFlashDialog)
#include "test_flash_dialog.moc"
