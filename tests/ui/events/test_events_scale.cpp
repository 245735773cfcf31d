// The events panel with 100 000 events: measures (prints, does not assert) how long a page
// of scrolling takes to repaint, and checks that keyboard tagging still works at that size.
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

#include "app/controller/studio_events.h"
#include "app/session/session.h"
#include "ui/events/events_panel.h"

class TestEventsScale : public QObject {
  Q_OBJECT
private slots:
  void hundredThousandEvents() {
    dlm::app::Session session;
    session.createClass("shake");
    QVector<dlm::app::SessionEvent> events(100000);
    for (int i = 0; i < events.size(); ++i) {
      events[i].frames = 500;
      events[i].channels = 3;
      events[i].wallClockMs = 1700000000000 + i * 1000;
      events[i].descriptor = QVector<float>(58, float(i % 7));
    }
    QElapsedTimer t;
    t.start();
    session.addEvents(events);
    const qint64 insertMs = t.elapsed();
    dlm::app::StudioEvents studioEvents(&session);  // what the controller gives the panel
    dlm::ui::EventsPanel panel(&studioEvents);
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel) || qEnvironmentVariable("QT_QPA_PLATFORM") == "offscreen");
    QTableView* table = panel.table();
    QCOMPARE(table->model()->rowCount(), 100000);
    QScrollBar* bar = table->verticalScrollBar();
    const int pages = 200;
    t.restart();
    double worst = 0.0;
    for (int p = 0; p < pages; ++p) {
      QElapsedTimer frame;
      frame.start();
      bar->setValue(bar->maximum() * p / pages);
      table->viewport()->repaint();
      worst = std::max(worst, double(frame.nsecsElapsed()) / 1e6);
    }
    const double perPage = double(t.nsecsElapsed()) / 1e6 / pages;
    qInfo("events panel, 100 000 events: insert %lld ms, scroll+repaint %.2f ms per page "
          "(worst %.2f ms) over %d pages", insertMs, perPage, worst, pages);
    table->setFocus();
    table->selectRow(99999);
    QTest::keyClick(table, Qt::Key_1);
    QCOMPARE(session.eventAt(99999).tag, 0);
  }
};

QTEST_MAIN(TestEventsScale)
#include "test_events_scale.moc"
