// The studio in French: every visible text of the main window, its menus, toolbars, docks,
// panels and the About dialog must differ from the English one (language-neutral texts such
// as axis names, numbers and units excepted). The texts are collected twice, once without and
// once with the French translator, from freshly built windows.
#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSlider>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/knownset/known_set_panel.h"
#include "ui/main_window/main_window.h"

namespace {

QString clean(QString text) {
  text.remove(QLatin1Char('&'));
  text.remove(QRegularExpression(QStringLiteral("<[^>]*>"))); // HTML tags
  return text.simplified();
}

// Texts that read the same in both languages: axis names, numbers, units, symbols.
bool neutral(const QString& text) {
  static const QRegularExpression symbolsOnly(QStringLiteral("^[-+0-9.,:;%/×·…()\\[\\] µsmHzBKk#–—=<>|]*$"));
  static const QStringList names = {"x", "y", "z", "Deeplomath Studio", "OK", "Qt", "dB",
                                    "English", "Français",
                                    "Site", // the fleet view's column: the same word in French
                                    "ms", "µs", "Hz", "B/s", "KB/s"};
  return text.isEmpty() || symbolsOnly.match(text).hasMatch() || names.contains(text);
}

QStringList visibleTexts(QMainWindow& window) {
  QStringList texts;
  texts << window.windowTitle();
  for (QAction* a : window.findChildren<QAction*>()) texts << clean(a->text());
  for (QMenu* m : window.findChildren<QMenu*>()) texts << clean(m->title());
  for (QDockWidget* d : window.findChildren<QDockWidget*>()) texts << d->windowTitle();
  for (QLabel* l : window.findChildren<QLabel*>()) {
    if (l->isVisibleTo(&window)) texts << clean(l->text());
  }
  for (QAbstractButton* b : window.findChildren<QAbstractButton*>()) {
    if (b->isVisibleTo(&window)) texts << clean(b->text());
  }
  for (QGroupBox* g : window.findChildren<QGroupBox*>()) texts << clean(g->title());
  for (QTabBar* t : window.findChildren<QTabBar*>()) {
    for (int i = 0; i < t->count(); ++i) texts << clean(t->tabText(i));
  }
  for (QTableView* v : window.findChildren<QTableView*>()) {
    for (int c = 0; c < v->model()->columnCount(); ++c) {
      texts << clean(v->model()->headerData(c, Qt::Horizontal).toString());
    }
  }
  texts.removeAll(QString());
  texts.removeDuplicates();
  return texts;
}

// The About dialog, opened from the Help menu's last action and read while it is up.
QStringList aboutTexts(QMainWindow& window) {
  QStringList texts;
  QTimer::singleShot(300, [&texts] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      texts << clean(box->windowTitle()) << clean(box->text());
      box->accept();
    }
  });
  const QList<QMenu*> menus = window.menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly);
  menus.last()->actions().last()->trigger(); // Help > About
  return texts;
}

QStringList windowTexts() {
  dlm::app::StudioController controller;
  dlm::ui::MainWindow window(&controller);
  window.show();
  QTest::qWait(200);
  QStringList texts = visibleTexts(window);
  const QStringList about = aboutTexts(window);
  texts << about;
  return texts;
}

} // namespace

class TestStudioFrench : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
  }

  void mainWindowHasNoEnglishLeft() {
    const QStringList english = windowTexts();
    QVERIFY(english.size() > 40); // the collection really sees the window
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_fr.qm")));
    QCoreApplication::installTranslator(&french);
    const QStringList translated = windowTexts();
    QCoreApplication::removeTranslator(&french);
    QStringList untranslated;
    for (const QString& t : translated) {
      if (english.contains(t) && !neutral(t)) untranslated << t;
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable("still English: " + untranslated.join(" | ")));
    QVERIFY(translated.contains(QStringLiteral("Fichier")));
    QVERIFY2(translated.filter(QStringLiteral("propos")).size() > 0, "the About dialog was not read");
  }

  // The rejection threshold as a share: the board panel's row (shown only with a board) and
  // the known-set slider's tooltip, with French number formatting.
  void rejectionThresholdInFrench() {
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_fr.qm")));
    QCoreApplication::installTranslator(&french);
    dlm::ui::BoardPanel board;
    board.setLocale(QLocale(QLocale::French, QLocale::France));
    board.setBoardInfo(QStringLiteral("virtual"), {}, {}, {}, 1000, 3);
    board.setRejectionThreshold(0.05f);
    const QString shown = board.rejectionText();
    QStringList labels;
    for (QLabel* l : board.findChildren<QLabel*>()) labels << l->text();
    dlm::ui::KnownSetPanel knownSet;
    const QString tip = knownSet.thresholdSlider()->toolTip();
    QCoreApplication::removeTranslator(&french);
    QCOMPARE(shown, QStringLiteral("5,0\u00a0% des événements connus"));
    QVERIFY2(labels.contains(QStringLiteral("Sévérité\u00a0:")),
             qPrintable(labels.join(" | ")));
    QVERIFY2(tip.startsWith(QStringLiteral("La proportion d’événements connus à rejeter")),
             qPrintable(tip));
  }
};

QTEST_MAIN(TestStudioFrench)
#include "test_studio_french.moc"
