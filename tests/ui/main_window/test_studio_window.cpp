// Drives the studio's main window against the virtual board: capture events, tag them with
// key presses, watch the network grow and the known set update, move the threshold, push
// the model and check the board reports the same hash, undo/redo, save and reopen.
// With DLM_SCREENSHOT_DIR set (and a real display, e.g. Xvfb), it also saves screenshots.
#include <QDir>
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "app/persistence/project.h"
#include "core/model_format.h"
#include "ui/board/board_panel.h"
#include "ui/board/gesture_toolbar.h"
#include "ui/growth/growth_panel.h"
#include "ui/knownset/embedding_plot.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/knownset/score_histogram.h"
#include "ui/events/events_panel.h"
#include "ui/main_window/main_window.h"

using dlm::app::EventTableLayout;
using dlm::app::StudioController;
using dlm::app::StudioEvents;

class TestStudioWindow : public QObject {
  Q_OBJECT

  static constexpr int kPerClass = 8;
  static constexpr int kClasses = 3;
  StudioController* m_controller = nullptr;
  dlm::ui::MainWindow* m_window = nullptr;
  QTemporaryDir m_dir;
  QTranslator m_english;  // as the studio in English: plural forms ("1 event", "2 events")

  void screenshot(const QString& name, QWidget* widget) {
    const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QCoreApplication::processEvents();
    QTest::qWait(300); // let coalesced repaints land
    widget->grab().save(QDir(dir).filePath(name));
  }

  bool waitForEvents(int count, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (events()->eventCount() < count && t.elapsed() < timeoutMs) {
      QTest::qWait(50);
    }
    return events()->eventCount() >= count;
  }

  // What the window shows, read as the window reads it: through the controller's door.
  StudioEvents* events() const { return m_controller->events(); }
  int idAt(int row) const {
    return events()->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
  }
  dlm::app::EventDetail eventAt(int row) const { return events()->event(idAt(row)); }

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DLM_BOARD_EXECUTABLE", DLM_BOARD_PATH);
    m_controller = new StudioController;
    m_controller->setVirtualBoardArguments({"--gesture-rate", "0", "--seed", "3"});
    m_window = new dlm::ui::MainWindow(m_controller);
    m_window->resize(1600, 1000);
    m_window->show();
    QSignalSpy ready(m_controller, &StudioController::boardReady);
    m_controller->startVirtualBoard();
    QVERIFY2(ready.wait(20000) || !ready.isEmpty(), "the virtual board never connected");
  }

  void capturesAndTagsWithKeys() {
    for (const char* name : {"shake", "circle", "tap"}) events()->createClass(name);
    QTableView* table = m_window->events()->table();
    for (int i = 0; i < kPerClass * kClasses; ++i) {
      m_controller->performGesture(i % kClasses);
      QVERIFY2(waitForEvents(i + 1, 15000), qPrintable(QString("no event for gesture %1").arg(i)));
    }
    QTest::qWait(500);
    QCOMPARE(events()->eventCount(), kPerClass * kClasses); // one session event per board event
    for (int row = 0; row < events()->eventCount(); ++row) {
      table->setFocus();
      table->selectRow(row);
      QTest::keyClick(table, Qt::Key(Qt::Key_1 + row % kClasses));
    }
    for (int row = 0; row < events()->eventCount(); ++row) {
      QCOMPARE(eventAt(row).tag, row % kClasses);
    }
  }

  void networkGrowsAndKnownSetUpdates() {
    StudioController* c = m_controller;
    QTRY_VERIFY_WITH_TIMEOUT(c->network().depth >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(c->network().neuronsPerLayer.value(0) >= kClasses, 20000);
    // The known-set panel shows every event, each with its own level and decision.
    dlm::ui::KnownSetPanel* panel = m_window->knownSet();
    QTRY_VERIFY_WITH_TIMEOUT((panel->refreshNow(), panel->map().hasModel &&
                              panel->map().points.size() == events()->eventCount()),
                             20000);
    QSet<int> ids;
    for (const auto& p : panel->map().points) ids.insert(p.eventId);
    QCOMPARE(ids.size(), int(panel->map().points.size())); // every event once
  }

  // What the known-set panel draws agrees with the studio's decisions at every strictness,
  // on this real session: every event drawn solid is accepted, every hollow one rejected.
  void knownSetDrawingAgreesWithDecisions() {
    StudioController* c = m_controller;
    dlm::ui::KnownSetPanel* panel = m_window->knownSet();
    const float initial = c->rejectionThreshold();
    // An explanation on show follows the strictness too (it is asked again with each map).
    const int explained = eventAt(0).id;
    c->requestExplanation(explained);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->explanationVerdict().isEmpty(), 10000);
    for (float t : {0.0f, 0.05f, 0.25f, 0.5f, 0.75f, 0.95f, 1.0f}) {
      c->setRejectionThreshold(t);
      QTRY_VERIFY_WITH_TIMEOUT(c->isLearningUpToDate(), 10000);
      const auto agrees = [&]() -> QString {
        panel->refreshNow();
        if (panel->threshold() != t || panel->map().threshold != t) return "map not updated";
        int judged = 0;
        for (int row = 0; row < events()->eventCount(); ++row) {
          const dlm::app::EventDetail e = eventAt(row);
          if (!e.studio.valid) continue;
          ++judged;
          const int drawn = panel->embedding()->drawnDecision(e.id);
          if (drawn != (e.studio.classIndex >= 0 ? 1 : 0)) {
            return QString("event %1 drawn %2, decided %3").arg(e.id).arg(drawn).arg(e.studio.classIndex);
          }
        }
        if (judged != events()->eventCount()) return QString("%1 judged").arg(judged);
        const bool explainedAccepted = eventAt(0).studio.classIndex >= 0;
        if (!panel->explanationVerdict().startsWith(explainedAccepted ? "Accepted" : "Rejected"))
          return QString("explanation of event %1 says \"%2\"").arg(explained).arg(
              panel->explanationVerdict());
        if (panel->histogram()->acceptedCount() + panel->histogram()->rejectedCount() != judged)
          return "histogram counts";
        return QString();
      };
      QTRY_VERIFY2_WITH_TIMEOUT(agrees().isEmpty(), qPrintable(agrees()), 10000);
      if (t == 0.0f) QCOMPARE(panel->histogram()->rejectedCount(), 0);
      if (t == 1.0f) QCOMPARE(panel->histogram()->acceptedCount(), 0);
    }
    c->setRejectionThreshold(initial);
  }

  void thresholdMovesRejection() {
    StudioController* c = m_controller;
    QSignalSpy rates(c, &StudioController::rejectionRateChanged);
    QSignalSpy boardShare(c, &StudioController::boardRejectionChanged);
    const float initial = c->rejectionThreshold();
    // A rate computed before the move (a rebuild finishing meanwhile) may arrive first: the
    // test waits for the rate the new strictness gives, not for the first one to arrive.
    const auto lastRate = [&rates] { return rates.isEmpty() ? -1.0 : rates.last().at(0).toDouble(); };
    c->setRejectionThreshold(0.6f); // reject 60% of knowns: a much tighter boundary
    QTRY_VERIFY2_WITH_TIMEOUT(lastRate() >= 0.3, qPrintable(QString("rate %1").arg(lastRate())),
                              10000);
    const double tight = lastRate();
    rates.clear();
    c->setRejectionThreshold(0.0f); // reject no known event
    QTRY_VERIFY2_WITH_TIMEOUT(lastRate() >= 0.0 && lastRate() < tight,
                              qPrintable(QString("tight %1, loose %2").arg(tight).arg(lastRate())),
                              10000);
    c->setRejectionThreshold(initial);
    // The board follows the threshold too (once the moves pause): wait until it is back.
    QTRY_VERIFY_WITH_TIMEOUT(!boardShare.isEmpty() && boardShare.last().at(0).toFloat() == initial,
                             10000);
  }

  void pushGivesTheBoardTheSameModel() {
    QSignalSpy done(m_controller, &StudioController::pushFinished);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->studioModelIdentity() != 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isLearningUpToDate(), 10000);
    const quint32 pushed = m_controller->studioModelIdentity();
    m_controller->pushModel();
    QVERIFY(done.wait(30000));
    QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->boardModelIdentity(), pushed, 10000);
    QVERIFY(m_window->board()->staleText().isEmpty());
    // The badge compares the board with the studio's current model, which may have moved on
    // since the push (a threshold change is part of the model): it must say which is true.
    QTest::qWait(500);
    const bool same = m_controller->studioModelIdentity() == pushed;
    const QString badge = m_window->board()->hashBadgeText();
    QVERIFY2(badge.contains(same ? "match" : "differ", Qt::CaseInsensitive), qPrintable(badge));
  }

  void sliderSetsTheBoardsThreshold() {
    StudioController* c = m_controller;
    QTRY_VERIFY_WITH_TIMEOUT(c->isLearningUpToDate(), 10000);
    // The board runs the studio's model unless the studio relearned since the push.
    const bool boardRunsStudioModel = c->boardModelIdentity() == c->studioModelIdentity();
    QSlider* slider = m_window->knownSet()->thresholdSlider();
    const int initial = slider->value();
    const int target = dlm::ui::KnownSetPanel::kSliderSteps / 4;  // 25% of knowns
    QVERIFY(initial < target);
    for (int v = initial + 1; v <= target; ++v) {  // a drag, one step at a time
      slider->setValue(v);
      QTest::qWait(5);
    }
    QCOMPARE(c->rejectionThreshold(), 0.25f);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->board()->rejectionText(), QString("25.0% of knowns"),
                              10000);
    if (boardRunsStudioModel) {
      // The threshold is part of the model: both sides moved to the same identity.
      QTRY_VERIFY_WITH_TIMEOUT(c->isLearningUpToDate(), 10000);
      QTRY_COMPARE_WITH_TIMEOUT(c->boardModelIdentity(), c->studioModelIdentity(), 10000);
      QCOMPARE(m_window->board()->hashState(), dlm::ui::BoardPanel::HashState::Match);
    }
    slider->setValue(initial);  // back to the default for the tests that follow
    QTRY_COMPARE_WITH_TIMEOUT(m_window->board()->rejectionText(), QString("5.0% of knowns"),
                              10000);
  }

  void neverSeenGestureIsRejected() {
    const int before = events()->eventCount();
    // A quarter of known events rejected: with a handful of tagged gestures the never-seen ones
    // land at levels of 0.08-0.15, so the default 5% does not always reject one of three (the
    // level is what is under test here, the default's rate is measured in the benchmarks).
    StudioController* c = m_controller;
    const float initial = c->rejectionThreshold();
    c->setRejectionThreshold(0.25f);
    for (int g : {5, 6, 5}) m_controller->performGesture(g);
    QVERIFY(waitForEvents(before + 3, 20000));
    int rejected = 0;
    QTest::qWait(1500); // studio predictions for the new events
    for (int row = before; row < events()->eventCount(); ++row) {
      const dlm::app::EventDetail e = eventAt(row);
      if ((e.studio.valid && e.studio.classIndex < 0) || (e.board.valid && e.board.classIndex < 0)) {
        ++rejected;
      }
    }
    c->setRejectionThreshold(initial);
    QVERIFY2(rejected >= 1, "no never-seen gesture was rejected");
    screenshot(QStringLiteral("studio-main.png"), m_window);
    for (QDockWidget* d : m_window->findChildren<QDockWidget*>()) {
      screenshot(QStringLiteral("studio-%1.png").arg(d->objectName().remove("Dock")), d->widget());
    }
  }

  void undoRedoRestoresTags() {
    QTableView* table = m_window->events()->table();
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_U);
    QCOMPARE(eventAt(0).tag, int(dlm::app::kOutlier));
    QVERIFY(events()->undoState().canUndo);
    events()->undo();
    QCOMPARE(eventAt(0).tag, 0);
    events()->redo();
    QCOMPARE(eventAt(0).tag, int(dlm::app::kOutlier));
    events()->undo();
  }

  void enterConfirmsSuggestedTagsAndDemoIsATogglePair() {
    // The never-seen gestures asked for above are suggested as unknown, shown apart, and Enter
    // confirms them through the window's table.
    QVector<int> rows;
    for (int row = 0; row < events()->eventCount(); ++row) {
      const dlm::app::EventDetail e = eventAt(row);
      if (e.tag == dlm::app::kUntagged && e.suggestedTag == dlm::app::kOutlier) rows << row;
    }
    QCOMPARE(rows.size(), 3);
    QAbstractItemModel* model = events()->model();
    QVERIFY(model->index(rows[0], EventTableLayout::TagColumn).data().toString().endsWith(
        QStringLiteral("? (Enter)")));
    QTableView* table = m_window->events()->table();
    table->setFocus();
    table->selectRow(rows[0]);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(eventAt(rows[0]).tag, int(dlm::app::kOutlier));
    QCOMPARE(model->index(rows[0], EventTableLayout::TagColumn).data().toString(),
             events()->tagName(dlm::app::kOutlier));
    events()->undo();  // undoable like any tag
    QCOMPARE(eventAt(rows[0]).tag, int(dlm::app::kUntagged));
    // Enter on a tagged event (its tag came from a key) changes nothing.
    table->selectRow(0);
    const int tag = eventAt(0).tag;
    QTest::keyClick(table, Qt::Key_Enter);
    QCOMPARE(eventAt(0).tag, tag);

    // The demo: one checkable action, off, on the gesture toolbar and in the Board menu.
    QAction* demo = m_window->gestures()->demoAction();
    QVERIFY(demo->isCheckable() && !demo->isChecked() && demo->isEnabled());
    QVERIFY(!m_controller->demoGestures());
    bool inMenu = false;
    for (QMenu* menu : m_window->findChildren<QMenu*>())
      inMenu |= menu->actions().contains(demo);
    QVERIFY(inMenu);
    demo->trigger();
    QVERIFY(m_controller->demoGestures());
    demo->trigger();
    QVERIFY(!m_controller->demoGestures());
  }

  void recoveryQuestionSaysCountsAndTime() {
    dlm::app::RecoveryView view;
    view.available = true;
    view.events = 42;
    view.tagged = 15;
    view.lastWrite = QDateTime(QDate(2026, 12, 5), QTime(9, 14));
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(dlm::ui::MainWindow::recoveryQuestion(view),
             QString("A session from 05/12/2026 09:14 was not saved: 42 events, 15 tagged. "
                     "Recover it?"));
    view.events = 1;
    view.tagged = 1;
    QVERIFY2(dlm::ui::MainWindow::recoveryQuestion(view).contains(": 1 event, 1 tagged."),
             qPrintable(dlm::ui::MainWindow::recoveryQuestion(view)));
    QLocale::setDefault(before);
    view.available = false;  // unreadable: the plain question, no made-up numbers
    QVERIFY(!dlm::ui::MainWindow::recoveryQuestion(view).contains("1 event"));
  }

  void saveAndReopenGiveTheSameSession() {
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath("session.dlmproj");
    QString error;
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isLearningUpToDate(), 10000);
    QDockWidget* networkDock = m_window->findChild<QDockWidget*>("networkDock");
    QVERIFY(networkDock != nullptr && networkDock->isVisible());
    networkDock->hide();  // a layout of the user's own, saved with the project
    QVERIFY2(m_controller->saveProject(path, &error, m_window->projectLayout()),
             qPrintable(error));
    dlm::app::ProjectData data;
    QVERIFY2(dlm::app::Project::read(path, &data, &error), qPrintable(error));
    QCOMPARE(int(data.state.events.size()), events()->eventCount());
    QCOMPARE(data.state.classes.size(), events()->classes().size());
    for (int row = 0; row < events()->eventCount(); ++row) {
      const dlm::app::EventDetail shown = eventAt(row);
      QCOMPARE(data.state.events[std::size_t(row)].id, shown.id);
      QCOMPARE(data.state.events[std::size_t(row)].tag, shown.tag);
      QCOMPARE(data.state.events[std::size_t(row)].raw, shown.raw);
      QVERIFY(!data.state.events[std::size_t(row)].descriptor.isEmpty());
    }
    // The same model: the saved bytes carry the studio's identity.
    dlm::ModelInfo info;
    const QByteArray& model = data.extras.modelBytes;
    QCOMPARE(dlm::inspectModel(reinterpret_cast<const std::uint8_t*>(model.constData()),
                               std::size_t(model.size()), &info),
             dlm::Status::Ok);
    QCOMPARE(info.crc, m_controller->studioModelIdentity());

    // Reopened in a fresh studio: the same model, history, threshold and layout.
    const QVector<dlm::app::GrowthPoint> growth = m_controller->growthHistory();
    QVERIFY(growth.size() >= 2);
    StudioController fresh;
    dlm::ui::MainWindow window(&fresh);
    window.show();
    QVERIFY(!window.findChild<QDockWidget*>("networkDock")->isHidden());
    QSignalSpy problems(&fresh, &StudioController::problem);
    QVERIFY2(window.openProjectFile(path, &error), qPrintable(error));
    QVERIFY(window.findChild<QDockWidget*>("networkDock")->isHidden());
    QCOMPARE(fresh.rejectionThreshold(), m_controller->rejectionThreshold());
    QTRY_VERIFY_WITH_TIMEOUT(fresh.isLearningUpToDate() && fresh.studioModelIdentity() != 0,
                             20000);
    QTest::qWait(500);  // a rebuild, had one been scheduled, would have happened
    QCOMPARE(fresh.studioModelIdentity(), info.crc);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
    QCOMPARE(fresh.growthHistory().size(), growth.size());
    window.growth()->refreshNow();
    QCOMPARE(window.growth()->pointCount(), growth.size());
    for (int i = 0; i < growth.size(); ++i) {
      const dlm::app::GrowthPoint& p = window.growth()->points()[i];
      QCOMPARE(p.eventsLearned, growth[i].eventsLearned);
      QCOMPARE(p.neuronsPerLayer, growth[i].neuronsPerLayer);
      QVERIFY(p.prequentialAccuracy == growth[i].prequentialAccuracy);
      QVERIFY(p.rejectionRate == growth[i].rejectionRate);
    }
    // One rejection rate: the growth summary's share of the session's events is the sum of
    // the known-set panel's counts ("Rejected now: 1 of 15 tagged · 4 of 6 untagged").
    QTRY_VERIFY_WITH_TIMEOUT(window.knownSet()->rejectionText().startsWith("Rejected now:"),
                             10000);
    const QRegularExpression growthRate(QStringLiteral("rejected <b>([0-9.]+)%"));
    const auto panelShare = [&] {
      int rejected = 0;
      int events = 0;
      const QRegularExpression part(QStringLiteral("([0-9]+) of ([0-9]+)"));
      for (auto it = part.globalMatch(window.knownSet()->rejectionText()); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        rejected += m.captured(1).toInt();
        events += m.captured(2).toInt();
      }
      return QString::number(100.0 * rejected / std::max(1, events), 'f', 1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(growthRate.match(window.growth()->summaryText()).captured(1),
                              panelShare(), 10000);
    qInfo("after reopening: %s | %s", qPrintable(window.growth()->summaryText()),
          qPrintable(window.knownSet()->rejectionText()));
    fresh.finishJournal();
  }

  void cleanupTestCase() {
    delete m_window;
    delete m_controller;
  }
};

QTEST_MAIN(TestStudioWindow)
#include "test_studio_window.moc"
