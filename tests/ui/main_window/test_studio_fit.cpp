// The studio fits the screens people have: the real main window, filled as a session a few
// minutes in looks (board connected, a network, growth, a push outcome), at 1366 × 768 and
// 1920 × 1080, in English and in French, in each layout preset of View → Layout. For each it
// checks what a user would see go wrong:
//  - the window's minimum size fits the screen (it could not be made that small otherwise);
//  - every panel is reachable: a dock is shown inside the window without overlapping another,
//    or tabified with its tab inside its tab bar;
//  - no visible widget is squeezed below its own minimum size (the layout ran out of room and
//    clipped it) or pushed out of its parent;
//  - no label's text is cut: a one-line label is as wide as its text, a wrapped one as tall as
//    its lines, unless it elides on purpose (property "dlmElided", full text in its tooltip).
// Run offscreen: sizes are the window's, fonts are the system's (fontconfig) as on a desktop.
#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTextDocument>
#include <QToolBar>
#include <QTranslator>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/gallery/syntheticdata.h"
#include "ui/growth/growth_panel.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/live/live_signal_panel.h"
#include "ui/main_window/main_window.h"
#include "ui/network/network_panel.h"

using dlm::ui::MainWindow;

namespace {

QString path(const QWidget* w) {
  QStringList parts;
  for (const QWidget* p = w; p != nullptr && !p->isWindow(); p = p->parentWidget()) {
    parts.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()),
                                                 p->objectName()));
  }
  return parts.join(QLatin1Char('/'));
}

// Inside a scroll area's viewport a widget may be larger than what shows: it scrolls.
bool scrolls(const QWidget* w) {
  for (const QWidget* p = w->parentWidget(); p != nullptr; p = p->parentWidget()) {
    if (auto* area = qobject_cast<const QAbstractScrollArea*>(p)) {
      if (area->viewport()->isAncestorOf(w)) return true;
    }
  }
  return false;
}

// A session a few minutes in, fed through the panels' own slots (no board process needed).
void fill(MainWindow& window) {
  using namespace dlm::ui;
  window.board()->setBoardInfo(QStringLiteral("dlm virtual board"), QStringLiteral("1.4.0"),
                               QStringLiteral("2.1.0"),
                               MainWindow::tr("%1 neurons × %2 dimensions, %n class(es)", "", 8)
                                   .arg(256)
                                   .arg(64),
                               1000, 3);
  window.board()->setModelHashes(0x1a2b3c4d, 0x5e6f7081);
  window.board()->setRejectionThreshold(0.05f);
  dlm::app::LinkStatsView stats;
  stats.bytesInPerSecond = 6553.6;
  stats.bytesOutPerSecond = 120.0;
  stats.framesOk = 123456;
  stats.latencyMs = 3.25;
  window.board()->setLinkStats(stats);
  window.board()->setBoardStale(BoardPanel::tr("The board's model still holds event #%1 as “%2”: "
                                               "a board cannot unlearn.")
                                    .arg(12)
                                    .arg(QStringLiteral("shake")));
  window.board()->setPushOutcome(false, QStringLiteral("the board did not answer in time."));
  for (const dlm::app::GrowthPoint& p : gallery::growth(1200)) window.growth()->appendGrowth(p);
  window.growth()->refreshNow();
  window.network()->setSnapshot(gallery::network(), gallery::classes());
  window.network()->refreshNow();
  gallery::feedLiveSignal(*window.liveSignal(), 3.0);
}

} // namespace

class TestStudioFit : public QObject {
  Q_OBJECT

  QStringList m_problems;

  void problem(const QString& what) { m_problems << what; }

  void checkDocks(MainWindow& window) {
    const QRect inside = window.rect();
    QList<QDockWidget*> shown;
    const QList<QTabBar*> tabBars = window.findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly);
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
      if (dock->isFloating()) problem(dock->objectName() + " floats");
      const bool tabified = !window.tabifiedDockWidgets(dock).isEmpty();
      if (dock->isVisible() && !dock->visibleRegion().isEmpty()) {
        const QRect g(dock->mapTo(&window, QPoint(0, 0)), dock->size());
        if (!inside.contains(g)) problem(dock->objectName() + " lies outside the window");
        shown << dock;
      } else if (!tabified) {
        problem(dock->objectName() + " is hidden and not in a tab");
        continue;
      }
      if (!tabified) continue;
      // Its tab: in a visible tab bar of the window, whole, not scrolled away.
      bool reachable = false;
      for (QTabBar* bar : tabBars) {
        if (!bar->isVisible()) continue;
        for (int i = 0; i < bar->count(); ++i) {
          if (bar->tabText(i) != dock->windowTitle()) continue;
          const QRect tab = bar->tabRect(i);
          const QRect barInWindow(bar->mapTo(&window, QPoint(0, 0)), bar->size());
          reachable = bar->rect().contains(tab) && inside.contains(barInWindow) &&
                      tab.width() >= bar->fontMetrics().horizontalAdvance(bar->tabText(i));
        }
      }
      if (!reachable) problem(dock->objectName() + "'s tab is not reachable");
    }
    for (int i = 0; i < shown.size(); ++i) {
      for (int j = i + 1; j < shown.size(); ++j) {
        const QRect a(shown[i]->mapTo(&window, QPoint(0, 0)), shown[i]->size());
        const QRect b(shown[j]->mapTo(&window, QPoint(0, 0)), shown[j]->size());
        if (a.intersects(b)) problem(shown[i]->objectName() + " overlaps " + shown[j]->objectName());
      }
    }
    if (window.centralWidget() != nullptr) {
      const QRect c(window.centralWidget()->mapTo(&window, QPoint(0, 0)),
                    window.centralWidget()->size());
      for (QDockWidget* d : shown) {
        if (QRect(d->mapTo(&window, QPoint(0, 0)), d->size()).intersects(c))
          problem(d->objectName() + " overlaps the live signal");
      }
    }
  }

  void checkWidget(MainWindow& window, QWidget* w) {
    if (w->isWindow() || !w->isVisible() || w->visibleRegion().isEmpty()) return;
    // Menus and tool bars overflow into an extension menu: their items stay reachable.
    if (qobject_cast<QMenuBar*>(w->parentWidget()) || qobject_cast<QToolBar*>(w->parentWidget()))
      return;
    // Checked where a layout places the widget; widgets placed by hand by their parent (a spin
    // box's editor, a dock's title buttons) follow their own rules.
    QWidget* parent = w->parentWidget();
    auto* dock = qobject_cast<QDockWidget*>(parent);
    if (parent->layout() == nullptr || (dock != nullptr && dock->widget() != w)) return;
    const bool scrolled = scrolls(w);
    const QSizePolicy policy = w->sizePolicy();
    QSize wanted = w->minimumSizeHint();
    if (w->minimumWidth() > 0) wanted.setWidth(w->minimumWidth());
    if (w->minimumHeight() > 0) wanted.setHeight(w->minimumHeight());
    if (policy.horizontalPolicy() == QSizePolicy::Ignored) wanted.setWidth(0);
    if (policy.verticalPolicy() == QSizePolicy::Ignored) wanted.setHeight(0);
    if (!scrolled && (w->width() < wanted.width() || w->height() < wanted.height())) {
      problem(QStringLiteral("%1 is %2×%3, below its minimum %4×%5")
                  .arg(path(w)).arg(w->width()).arg(w->height())
                  .arg(wanted.width()).arg(wanted.height()));
    }
    if (auto* label = qobject_cast<QLabel*>(w)) checkLabel(label);
    Q_UNUSED(window);
  }

  void checkLabel(QLabel* label) {
    if (label->text().isEmpty() || label->property("dlmElided").toBool()) return;
    const QRect r = label->contentsRect();
    const int margins = 2 * label->margin();
    if (!label->wordWrap()) {
      QTextDocument doc;
      doc.setDefaultFont(label->font());
      doc.setDocumentMargin(0);
      if (Qt::mightBeRichText(label->text()) && label->textFormat() != Qt::PlainText) {
        doc.setHtml(label->text());
      } else {
        doc.setPlainText(label->text());
      }
      const int needed = int(std::ceil(doc.idealWidth())) + margins;
      if (r.width() + 1 < needed) {
        problem(QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                    .arg(path(label), label->text().left(60)).arg(needed).arg(r.width()));
      }
    } else if (label->heightForWidth(label->width()) > label->height() + 1) {
      problem(QStringLiteral("%1: wrapped \"%2\" needs %3 px high, has %4")
                  .arg(path(label), label->text().left(60))
                  .arg(label->heightForWidth(label->width()))
                  .arg(label->height()));
    }
  }

  void checkWindow(MainWindow& window, const QSize& screen) {
    const QSize min = window.minimumSizeHint().expandedTo(window.minimumSize());
    if (min.width() > screen.width() || min.height() > screen.height()) {
      problem(QStringLiteral("minimum size %1×%2 exceeds the screen")
                  .arg(min.width()).arg(min.height()));
      // What asks for the room: the minimum of each part of the window.
      QStringList parts;
      for (QWidget* part : window.findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!part->isVisible()) continue;
        const QSize m = part->minimumSizeHint().expandedTo(part->minimumSize());
        parts << QStringLiteral("%1 %2×%3").arg(path(part)).arg(m.width()).arg(m.height());
      }
      problem(QStringLiteral("parts: ") + parts.join(QStringLiteral(", ")));
    }
    if (window.size() != screen) {
      problem(QStringLiteral("the window is %1×%2").arg(window.width()).arg(window.height()));
    }
    checkDocks(window);
    for (QWidget* w : window.findChildren<QWidget*>()) checkWidget(window, w);
  }

private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
  }

  void fits_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("screen");
    for (const char* language : {"en", "fr"}) {
      for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        QTest::addRow("%s-%dx%d", language, size.width(), size.height())
            << QString::fromLatin1(language) << size;
      }
    }
  }

  void fits() {
    QFETCH(QString, language);
    QFETCH(QSize, screen);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(language));
    dlm::app::StudioController controller;
    {
      MainWindow window(&controller);
      fill(window);
      window.resize(screen);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      qInfo("minimum window size (%s): %d×%d", qPrintable(language),
            window.minimumSizeHint().width(), window.minimumSizeHint().height());
      const QList<QAction*> presets = window.layoutPresetActions();
      QVERIFY(presets.size() >= 3);
      for (QAction* preset : presets) {
        preset->trigger();
        QTest::qWait(100);
        m_problems.clear();
        checkWindow(window, screen);
        // With DLM_SCREENSHOT_DIR set, what was checked is saved to look at.
        const QString dir = qEnvironmentVariable("DLM_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
          window.grab().save(QDir(dir).filePath(QStringLiteral("fit-%1-%2x%3-%4.png")
                                                    .arg(language).arg(screen.width())
                                                    .arg(screen.height())
                                                    .arg(preset->objectName())));
        }
        QVERIFY2(m_problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 at %2×%3 (%4):\n  ")
                                .arg(preset->objectName()).arg(screen.width())
                                .arg(screen.height()).arg(language) +
                            m_problems.join(QStringLiteral("\n  "))));
      }
    }
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
  }

  // The checks themselves can fail: a window squeezed below its minimum is caught.
  void checksCatchASqueezedWindow() {
    dlm::app::StudioController controller;
    MainWindow window(&controller);
    fill(window);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // In the live signal, shown by every preset.
    auto* wide = new QLabel(QString(400, QLatin1Char('W')), window.liveSignal());
    window.liveSignal()->layout()->addWidget(wide);
    wide->setMinimumWidth(1);  // the layout may squeeze it: its text is cut
    QTest::qWait(50);
    m_problems.clear();
    checkWindow(window, QSize(1366, 768));
    QVERIFY2(!m_problems.filter(QStringLiteral("WWWW")).isEmpty(), qPrintable(m_problems.join('\n')));
  }
};

QTEST_MAIN(TestStudioFit)
#include "test_studio_fit.moc"
