// Plural forms of the studio's counted texts ("%n event(s)"). Without a translator Qt shows
// the source text, "(s)" and all, so English needs its own .qm for "1 event" / "2 events".
// Checked on real code paths (the undo text of a tag command, a layer title of the network
// view) and, for every %n message of the .ts files, through the compiled translators.
#include <QFile>
#include <QStandardPaths>
#include <QTranslator>
#include <QUndoStack>
#include <QXmlStreamReader>
#include <QtTest>

#include "app/session/session.h"
#include "app/session/session_event.h"
#include "ui/network/network_canvas.h"

namespace {

struct NumerusMessage {
  QByteArray context;
  QByteArray source;
  QByteArray comment;
};

// Every numerus message of \p tsPath, read with the same keys lupdate writes.
QVector<NumerusMessage> numerusMessages(const QString& tsPath) {
  QVector<NumerusMessage> found;
  QFile file(tsPath);
  if (!file.open(QIODevice::ReadOnly)) return found;
  QXmlStreamReader xml(&file);
  QByteArray context;
  NumerusMessage current;
  bool numerus = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) {
      if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus) {
        found << current;
      }
      continue;
    }
    if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText().toUtf8();
    } else if (xml.name() == QLatin1String("message")) {
      numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
      current = {context, QByteArray(), QByteArray()};
    } else if (xml.name() == QLatin1String("source")) {
      current.source = xml.readElementText().toUtf8();
    } else if (xml.name() == QLatin1String("comment")) {
      current.comment = xml.readElementText().toUtf8();
    }
  }
  return found;
}

QString translated(const NumerusMessage& m, int n) {
  return QCoreApplication::translate(m.context.constData(), m.source.constData(),
                                     m.comment.isEmpty() ? nullptr : m.comment.constData(), n);
}

// The undo text of tagging \p count events: what Edit > Undo shows.
QString tagUndoText(int count) {
  dlm::app::Session session;
  const int cls = session.createClass(QStringLiteral("shake"));
  QVector<int> ids;
  for (int i = 0; i < count; ++i) ids << session.addEvent(dlm::app::SessionEvent());
  if (!session.tagEvents(ids, cls)) return QString();
  return session.undoStack()->undoText();
}

} // namespace

class TestStudioPlurals : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void cleanup() {
    QCoreApplication::removeTranslator(&m_translator);
  }

  void englishSaysOneEventAndTwoEvents() {
    QVERIFY(m_translator.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    const char* context = "dlm::app::StudioController";
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 1),
             QStringLiteral("1 event"));
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 2),
             QStringLiteral("2 events"));
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 0),
             QStringLiteral("0 events"));
    QCOMPARE(tagUndoText(1), QStringLiteral("Tag 1 event as shake"));
    QCOMPARE(tagUndoText(2), QStringLiteral("Tag 2 events as shake"));
    QCOMPARE(dlm::ui::NetworkCanvas::layerTitle(0, 1), QStringLiteral("Layer 1 — 1 neuron"));
    QCOMPARE(dlm::ui::NetworkCanvas::layerTitle(1, 2), QStringLiteral("Layer 2 — 2 neurons"));
  }

  void frenchSaysUnEvenementAndDeuxEvenements() {
    QVERIFY(m_translator.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_fr.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    const char* context = "dlm::app::StudioController";
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 1),
             QStringLiteral("1 événement"));
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 2),
             QStringLiteral("2 événements"));
    // French counts zero as singular.
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 0),
             QStringLiteral("0 événement"));
    QCOMPARE(tagUndoText(1), QStringLiteral("Étiqueter 1 événement comme shake"));
    QCOMPARE(tagUndoText(2), QStringLiteral("Étiqueter 2 événements comme shake"));
    QCOMPARE(dlm::ui::NetworkCanvas::layerTitle(0, 1), QStringLiteral("Couche 1 — 1 neurone"));
    QCOMPARE(dlm::ui::NetworkCanvas::layerTitle(1, 2), QStringLiteral("Couche 2 — 2 neurones"));
  }

  // A %n text added without its plural forms would show "(s)" again: every one is checked.
  void everyCountedTextHasBothForms_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
  }
  void everyCountedTextHasBothForms() {
    QFETCH(QString, language);
    const QVector<NumerusMessage> messages =
        numerusMessages(QStringLiteral(DLM_TRANSLATIONS_DIR "/deeplomath_%1.ts").arg(language));
    QVERIFY(messages.size() >= 30); // the .ts really was read
    QVERIFY(m_translator.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_%1.qm").arg(language)));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    QStringList wrong;
    for (const NumerusMessage& m : messages) {
      const QString one = translated(m, 1);
      const QString two = translated(m, 2);
      const bool placeholderLeft = one.contains(QLatin1String("(s)")) ||
                                   one.contains(QLatin1String("(es)")) ||
                                   two.contains(QLatin1String("(s)")) ||
                                   two.contains(QLatin1String("(es)"));
      const bool countShown = !m.source.contains("%n") && !m.source.contains("%Ln")
                                  ? true
                                  : one.contains(QLatin1Char('1')) && two.contains(QLatin1Char('2'));
      if (placeholderLeft || one == two || !countShown) {
        wrong << QStringLiteral("%1 | %2 -> \"%3\" / \"%4\"")
                     .arg(QString::fromUtf8(m.context), QString::fromUtf8(m.source), one, two);
      }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(QLatin1Char('\n') + wrong.join(QLatin1Char('\n'))));
  }

private:
  QTranslator m_translator;
};

QTEST_MAIN(TestStudioPlurals)
#include "test_studio_plurals.moc"
