// The studio's window on a board that prints numbers (dlm-fake-text-device on a pty): a port
// that does not answer the handshake brings up the offer; taking it switches the window to
// text mode (the Board panel says "Text stream", shows the format and the unreadable lines,
// push and pull are disabled), and tagging from the keyboard teaches the studio. With
// DLM_SCREENSHOT_DIR set (and a real display, e.g. Xvfb) it saves the window at 1366 × 768
// and 1920 × 1080.
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMessageBox>
#include <QProcess>
#include <QScreen>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/board/text_stream_box.h"
#include "ui/events/events_panel.h"
#include "ui/main_window/main_window.h"

using dlm::app::EventTableLayout;
using dlm::app::StudioController;

namespace {

constexpr int kEventTimeoutMs = 30000;

QString startDevice(QProcess& device, const QStringList& arguments) {
  device.start(QStringLiteral(DLM_TEXT_DEVICE_PATH), arguments);
  if (!device.waitForStarted(5000)) return QString();
  QByteArray line;
  const bool gotLine = QTest::qWaitFor(
      [&] {
        line += device.readAllStandardOutput();
        return line.contains('\n') || device.state() == QProcess::NotRunning;
      },
      5000);
  line = line.left(line.indexOf('\n')).trimmed();
  return gotLine && line.startsWith("port: ") ? QString::fromLocal8Bit(line.mid(6)) : QString();
}

} // namespace

class TestStudioTextStream : public QObject {
  Q_OBJECT

  QTranslator m_english;  // "3 channels", not "3 channel(s)"
  QProcess m_device;

  // The whole screen: the offer is a window of its own.
  void screenshotScreen(const QString& name) {
    const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
    if (dir.isEmpty() || QGuiApplication::primaryScreen() == nullptr) return;
    QTest::qWait(500);
    QGuiApplication::primaryScreen()->grabWindow(0).save(QDir(dir).filePath(name));
  }

  void screenshot(QWidget* window, const QSize& size, const QString& name) {
    const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    window->resize(size);
    QTest::qWait(1500);  // the live plot scrolls and relayouts
    window->grab().save(QDir(dir).filePath(name));
  }

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QStandardPaths::setTestModeEnabled(true);
  }

  void cleanupTestCase() {
    m_device.terminate();
    if (!m_device.waitForFinished(3000)) m_device.kill();
  }

  void offerThenTextMode() {
    const QString port =
        startDevice(m_device, {"--plan", "3@100:120", "--garbage", "0.01", "--seed", "5"});
    QVERIFY(!port.isEmpty());
    StudioController controller;
    dlm::ui::MainWindow window(&controller);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller.connectToPort(port);

    // The offer: non-blocking, two plain choices.
    QTRY_VERIFY_WITH_TIMEOUT(window.textStreamOffer() != nullptr &&
                                 window.textStreamOffer()->isVisible(),
                             StudioController::kTextOfferAfterMs +
                                 StudioController::kTextProbeMs + 3000);
    QMessageBox* offer = window.textStreamOffer();
    QVERIFY(!offer->isModal());
    QVERIFY2(offer->text().contains("prints lines of numbers: 3 channels at 100 Hz"),
             qPrintable(offer->text()));
    QPushButton* use = nullptr;
    for (QAbstractButton* b : offer->buttons()) {
      if (b->text() == "Use as a text-stream board") use = qobject_cast<QPushButton*>(b);
    }
    QVERIFY(use != nullptr);
    QVERIFY(offer->escapeButton()->text() == "Keep waiting for a Deeplomath board");
    screenshotScreen("text-offer.png");
    use->click();

    // Text mode: the panel says what the board is, push and pull are off.
    dlm::ui::BoardPanel* board = window.board();
    QTRY_VERIFY_WITH_TIMEOUT(board->isTextMode(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.textStreamOffer() == nullptr, 5000);
    QVERIFY(controller.isTextBoard());
    auto* push = window.findChild<QAction*>("pushModelAction");
    auto* pull = window.findChild<QAction*>("pullModelAction");
    QVERIFY(push != nullptr && pull != nullptr);
    QVERIFY(!push->isEnabled());
    QVERIFY(!pull->isEnabled());
    QVERIFY(board->hashBadgeText().contains("Export the studio's model"));
    QVERIFY2(board->textStream()->formatText().startsWith("3 channels at 100 Hz"),
             qPrintable(board->textStream()->formatText()));
    QVERIFY(board->textStream()->isVisible() || !board->isVisible());

    // Events come, are tagged from the keyboard, and the studio learns them.
    dlm::app::StudioEvents* events = controller.events();
    QVERIFY2(QTest::qWaitFor([&] { return events->eventCount() >= 4; }, kEventTimeoutMs),
             "no events from the text board");
    const QModelIndex boardCell = events->model()->index(0, EventTableLayout::BoardColumn);
    QCOMPARE(boardCell.data().toString(), QStringLiteral("—"));
    QTableView* table = window.events()->table();
    for (int row = 0; row < 4; ++row) {
      table->setFocus();
      table->selectRow(row);
      QTest::keyClick(table, Qt::Key(Qt::Key_1 + row % 2));
    }
    QTRY_VERIFY_WITH_TIMEOUT(controller.isLearningUpToDate() &&
                                 controller.studioModelIdentity() != 0,
                             60000);
    // Garbage is counted by kind as it comes (1% of the lines).
    QTRY_VERIFY_WITH_TIMEOUT(
        board->textStream()->garbageText(dlm::app::TextGarbage::NonNumeric) != "0", 20000);
    // Ctrl+P does nothing either way; the controller says why if asked.
    QSignalSpy problems(&controller, &StudioController::problem);
    push->trigger();
    QVERIFY(problems.isEmpty());
    for (QDockWidget* d : window.findChildren<QDockWidget*>())
      if (d->objectName() == "boardDock") d->raise();
    screenshot(&window, QSize(1366, 768), "text-mode-1366x768.png");
    screenshot(&window, QSize(1920, 1080), "text-mode-1920x1080.png");
  }
};

QTEST_MAIN(TestStudioTextStream)
#include "test_studio_text_stream.moc"
