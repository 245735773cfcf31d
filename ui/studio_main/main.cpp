// deeplomath-studio: the desktop studio. With no board given, it starts the built-in virtual
// board and connects to it, so signals flow without any configuration.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/controller/studio_controller.h"
#include "termination_signals.h"
#include "ui/main_window/main_window.h"

namespace {

struct Options {
  QString port;
  qint32 baud = 921600;
  bool baudGiven = false;  ///< --baud: otherwise a text board is read at its own usual rate
  bool text = false;       ///< --text: the port's board prints lines of numbers
  dlm::app::TextStreamOptions textOptions; ///< --channels, --rate
  QString project;
  QString language;
  bool virtualBoard = true;
  bool virtualAsked = false;  ///< --virtual: the virtual board even if the last board is there
  bool noRecovery = false;
  QString broker;  ///< --broker HOST[:PORT]: the fleet behind that MQTT broker
};

// "host", "host:port", "[v6 address]:port"; the rest of the settings (TLS, login) are the
// remembered ones when they are for the same host.
bool brokerFromArgument(const QString& argument, dlm::app::BrokerSettings* settings) {
  QString host = argument.trimmed();
  int port = 0;
  const int colon = int(host.lastIndexOf(QLatin1Char(':')));
  const bool bracketed = host.startsWith(QLatin1Char('['));
  if (colon > 0 && (bracketed || host.count(QLatin1Char(':')) == 1)) {
    bool ok = false;
    port = host.mid(colon + 1).toInt(&ok);
    if (!ok || port < 1 || port > 65535) return false;
    host = host.left(colon);
  }
  if (bracketed) host = host.mid(1, host.size() - 2);
  if (host.isEmpty()) return false;
  if (host != settings->host) *settings = dlm::app::BrokerSettings();
  settings->host = host;
  if (port != 0) settings->port = port;
  return true;
}

Options parseArguments(QApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate(
      "main", "Tag live sensor events, watch a backpropagation-free network grow, and push "
              "models to boards."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption port({QStringLiteral("port")},
                                QCoreApplication::translate("main", "Serial port of a board."),
                                QStringLiteral("PATH"));
  const QCommandLineOption baud({QStringLiteral("baud")},
                                QCoreApplication::translate("main", "Baud rate (default 921600)."),
                                QStringLiteral("N"), QStringLiteral("921600"));
  const QCommandLineOption virt({QStringLiteral("virtual")},
                                QCoreApplication::translate("main", "Use the built-in virtual board "
                                                                    "(the default without --port)."));
  const QCommandLineOption project({QStringLiteral("project")},
                                   QCoreApplication::translate("main", "Open a project file."),
                                   QStringLiteral("FILE"));
  const QCommandLineOption lang({QStringLiteral("lang")},
                                QCoreApplication::translate("main", "Interface language: fr or en."),
                                QStringLiteral("LANG"));
  const QCommandLineOption noRecovery({QStringLiteral("no-recovery")},
                                      QCoreApplication::translate(
                                          "main", "Do not offer to recover an unsaved session."));
  const QCommandLineOption text(
      {QStringLiteral("text")},
      QCoreApplication::translate("main", "With --port: the board prints lines of numbers "
                                          "(no Deeplomath firmware); the studio detects and "
                                          "learns its events. Default baud rate 115200."));
  const QCommandLineOption channels(
      {QStringLiteral("channels")},
      QCoreApplication::translate("main", "With --text: the number of channels (columns, a "
                                          "timestamp excluded) instead of inferring it."),
      QStringLiteral("N"));
  const QCommandLineOption rate(
      {QStringLiteral("rate")},
      QCoreApplication::translate("main", "With --text: the sample rate in Hz instead of "
                                          "inferring it."),
      QStringLiteral("HZ"));
  const QCommandLineOption broker(
      {QStringLiteral("broker")},
      QCoreApplication::translate("main", "Connect to the MQTT broker of a fleet of boards "
                                          "(docs/fleet.md) and show it in the Fleet view."),
      QStringLiteral("HOST[:PORT]"));
  parser.addOptions({port, baud, virt, project, lang, noRecovery, text, channels, rate, broker});
  parser.process(app);
  if (parser.isSet(text) && parser.value(port).isEmpty()) {
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate("main", "--text needs --port PATH.")));
    std::exit(2);
  }
  Options o;
  o.port = parser.value(port);
  bool ok = false;
  o.baud = parser.value(baud).toInt(&ok);
  if (!ok || o.baud <= 0) o.baud = 921600;
  o.project = parser.value(project);
  o.language = parser.value(lang);
  o.virtualAsked = parser.isSet(virt);
  o.virtualBoard = o.virtualAsked || o.port.isEmpty();
  o.noRecovery = parser.isSet(noRecovery);
  o.broker = parser.value(broker);
  o.baudGiven = parser.isSet(baud);
  o.text = parser.isSet(text);
  o.textOptions.channels = std::max(0, parser.value(channels).toInt());
  o.textOptions.rateHz = std::max(0.0, parser.value(rate).toDouble());
  return o;
}

void installTranslators(QApplication& app, const QString& requested) {
  // --lang wins, then the language chosen in the studio, then the system's.
  QString language = requested;
  if (language.isEmpty()) language = QSettings().value(QStringLiteral("ui/language")).toString();
  if (language.isEmpty()) language = QLocale::system().name().left(2);
  // English needs its translator too: it holds the plural forms of the "%n event(s)" texts.
  // A language the studio does not ship falls back to English.
  auto* studio = new QTranslator(&app);
  if (studio->load(QStringLiteral(":/i18n/deeplomath_%1.qm").arg(language))) {
    app.installTranslator(studio);
  } else {
    language = QStringLiteral("en");
    if (studio->load(QStringLiteral(":/i18n/deeplomath_en.qm"))) app.installTranslator(studio);
  }
  // Numbers follow the language shown (1 000,5 in French, 1,000.5 in English): every widget
  // and QLocale() takes the default. The system's own region is kept when it speaks it.
  QLocale::setDefault(QLocale::system().language() == QLocale(language).language()
                          ? QLocale::system()
                          : QLocale(language));
  if (language == QLatin1String("en")) return;
  auto* qt = new QTranslator(&app);
  if (qt->load(QStringLiteral("qtbase_%1").arg(language),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    app.installTranslator(qt);
  }
}

} // namespace

// --lang must be known before the parser builds its (translated) help text.
QString requestedLanguage(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray arg(argv[i]);
    if (arg.startsWith("--lang=")) return QString::fromLocal8Bit(arg.mid(7));
    if (arg == "--lang" && i + 1 < argc) return QString::fromLocal8Bit(argv[i + 1]);
  }
  return QString();
}

int main(int argc, char** argv) {
  Q_INIT_RESOURCE(resources);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Deeplomath"));
  QApplication::setApplicationName(QStringLiteral("Deeplomath Studio"));
  QApplication::setApplicationVersion(QStringLiteral(DLM_STUDIO_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/deeplomath-studio.svg")));
  installTranslators(app, requestedLanguage(argc, argv));
  const Options options = parseArguments(app);

  dlm::app::StudioController controller;
  dlm::ui::MainWindow window(&controller);
  // SIGTERM, SIGINT, SIGHUP: unwind as a normal quit (the board is stopped, the journal kept).
  dlm::studio::TerminationSignals termination;
  QObject::connect(&termination, &dlm::studio::TerminationSignals::received, &app,
                   [] { QCoreApplication::quit(); });
  window.restoreLayout();
  window.show();
  if (!options.noRecovery) window.offerRecovery();
  if (!options.project.isEmpty()) {
    QString error;
    if (!window.openProjectFile(options.project, &error)) {
      QMessageBox::warning(&window, QCoreApplication::translate("main", "Cannot open the project"),
                           error);
    }
  }
  if (controller.projectPath().isEmpty()) controller.startJournal();
  controller.rememberBoardsInSettings();
  if (options.virtualAsked) {
    controller.startVirtualBoard();
  } else if (options.virtualBoard) {
    // Nothing asked for: the last board used if it is plugged in, else the virtual board
    // until that board is plugged in.
    if (!controller.connectToLastBoard()) {
      controller.startVirtualBoard();
      controller.connectToLastBoard();
    }
  } else if (options.text) {
    controller.connectToTextPort(options.port, options.baudGiven ? options.baud : 0,
                                 options.textOptions);
  } else {
    controller.connectToPort(options.port, options.baudGiven ? options.baud : 0);
  }
  if (!options.broker.isEmpty()) {
    dlm::app::BrokerSettings broker = controller.brokerSettings();
    QString error;
    if (!brokerFromArgument(options.broker, &broker)) {
      error = QCoreApplication::translate("main", "--broker takes HOST or HOST:PORT.");
    } else if (controller.connectToBroker(broker, &error)) {
      window.showFleet();
    }
    if (!error.isEmpty()) {
      QMessageBox::warning(&window, QCoreApplication::translate("main", "Cannot connect to the broker"),
                           error);
    }
  }
  return QApplication::exec();
}
