#include "app/persistence/studio_settings.h"

#include <QLocale>
#include <QSettings>

#include "core/network.h"

namespace dlm::app {

namespace {

const QStringList kLanguages = {QStringLiteral("en"), QStringLiteral("fr")};

QString brokerKey(const char* name) {
  return QLatin1String(StudioSettings::kBroker) + QLatin1String(name);
}

QString triggerKey(const char* name) { return QLatin1String(StudioSettings::kTrigger) + QLatin1String(name); }

} // namespace

StudioSettings::StudioSettings(QSettings* backend) : m_settings(backend) {
  if (m_settings == nullptr) {
    m_owned = std::make_unique<QSettings>();
    m_settings = m_owned.get();
  }
}

StudioSettings::~StudioSettings() = default;

QString StudioSettings::lastPort() const { return m_settings->value(kLastPort).toString(); }
void StudioSettings::setLastPort(const QString& port) { m_settings->setValue(kLastPort, port); }

RememberedBoard StudioSettings::lastBoard() const {
  RememberedBoard b;
  b.path = lastPort();
  b.serialNumber = m_settings->value(kLastBoardSerial).toString();
  // "0483:374b", as PortInfo::vidPidText() writes it.
  const QStringList ids = m_settings->value(kLastBoardVidPid).toString().split(QLatin1Char(':'));
  bool vendorOk = false;
  bool productOk = false;
  if (ids.size() == 2) {
    b.vendorId = ids.at(0).toUShort(&vendorOk, 16);
    b.productId = ids.at(1).toUShort(&productOk, 16);
  }
  b.hasVidPid = vendorOk && productOk;
  if (!b.hasVidPid) b.vendorId = b.productId = 0;
  return b;
}

void StudioSettings::setLastBoard(const RememberedBoard& board) {
  setLastPort(board.path);
  m_settings->setValue(kLastBoardSerial, board.serialNumber);
  m_settings->setValue(kLastBoardVidPid,
                       board.hasVidPid ? QStringLiteral("%1:%2")
                                             .arg(board.vendorId, 4, 16, QLatin1Char('0'))
                                             .arg(board.productId, 4, 16, QLatin1Char('0'))
                                       : QString());
}

int StudioSettings::baudRate() const {
  const int baud = m_settings->value(kBaudRate, kDefaultBaud).toInt();
  return baud > 0 ? baud : kDefaultBaud;
}
void StudioSettings::setBaudRate(int baud) { m_settings->setValue(kBaudRate, baud); }

QString StudioSettings::language() const {
  const QString system = QLocale::system().name().left(2);
  const QString fallback = kLanguages.contains(system) ? system : QStringLiteral("en");
  const QString stored = m_settings->value(kLanguage, fallback).toString();
  return kLanguages.contains(stored) ? stored : fallback;
}
void StudioSettings::setLanguage(const QString& language) {
  m_settings->setValue(kLanguage, language);
}

float StudioSettings::threshold() const { return m_settings->value(kThreshold, double(KernelParams().threshold)).toFloat(); }
void StudioSettings::setThreshold(float threshold) {
  m_settings->setValue(kThreshold, double(threshold));
}

TriggerSettings StudioSettings::trigger() const {
  TriggerSettings t;
  t.threshold = m_settings->value(triggerKey("threshold"), double(t.threshold)).toFloat();
  t.preTriggerFrames = m_settings->value(triggerKey("preTriggerFrames"), t.preTriggerFrames).toInt();
  t.holdOffFrames = m_settings->value(triggerKey("holdOffFrames"), t.holdOffFrames).toInt();
  t.minFrames = m_settings->value(triggerKey("minFrames"), t.minFrames).toInt();
  t.maxFrames = m_settings->value(triggerKey("maxFrames"), t.maxFrames).toInt();
  return t;
}

void StudioSettings::setTrigger(const TriggerSettings& t) {
  m_settings->setValue(triggerKey("threshold"), double(t.threshold));
  m_settings->setValue(triggerKey("preTriggerFrames"), t.preTriggerFrames);
  m_settings->setValue(triggerKey("holdOffFrames"), t.holdOffFrames);
  m_settings->setValue(triggerKey("minFrames"), t.minFrames);
  m_settings->setValue(triggerKey("maxFrames"), t.maxFrames);
}

QByteArray StudioSettings::windowGeometry() const {
  return m_settings->value(kWindowGeometry).toByteArray();
}
void StudioSettings::setWindowGeometry(const QByteArray& geometry) {
  m_settings->setValue(kWindowGeometry, geometry);
}

QByteArray StudioSettings::windowState() const {
  return m_settings->value(kWindowState).toByteArray();
}
void StudioSettings::setWindowState(const QByteArray& state) {
  m_settings->setValue(kWindowState, state);
}

QString StudioSettings::lastDirectory() const {
  return m_settings->value(kLastDirectory).toString();
}
void StudioSettings::setLastDirectory(const QString& directory) {
  m_settings->setValue(kLastDirectory, directory);
}

QStringList StudioSettings::recentProjects() const {
  return m_settings->value(kRecentProjects).toStringList();
}

void StudioSettings::addRecentProject(const QString& path) {
  QStringList recent = recentProjects();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecentProjects) recent.removeLast();
  m_settings->setValue(kRecentProjects, recent);
}

QJsonObject StudioSettings::projectSettings(float threshold, const TriggerSettings& t) {
  return QJsonObject{
      {QStringLiteral("threshold"), double(threshold)},
      {QStringLiteral("trigger"),
       QJsonObject{{QStringLiteral("threshold"), double(t.threshold)},
                   {QStringLiteral("preTriggerFrames"), t.preTriggerFrames},
                   {QStringLiteral("holdOffFrames"), t.holdOffFrames},
                   {QStringLiteral("minFrames"), t.minFrames},
                   {QStringLiteral("maxFrames"), t.maxFrames}}}};
}

void StudioSettings::fromProjectSettings(const QJsonObject& json, float* threshold,
                                         TriggerSettings* trigger) {
  if (threshold) *threshold = float(json.value(QStringLiteral("threshold")).toDouble(double(*threshold)));
  if (!trigger) return;
  const QJsonObject t = json.value(QStringLiteral("trigger")).toObject();
  trigger->threshold = float(t.value(QStringLiteral("threshold")).toDouble(double(trigger->threshold)));
  trigger->preTriggerFrames = t.value(QStringLiteral("preTriggerFrames")).toInt(trigger->preTriggerFrames);
  trigger->holdOffFrames = t.value(QStringLiteral("holdOffFrames")).toInt(trigger->holdOffFrames);
  trigger->minFrames = t.value(QStringLiteral("minFrames")).toInt(trigger->minFrames);
  trigger->maxFrames = t.value(QStringLiteral("maxFrames")).toInt(trigger->maxFrames);
}

BrokerSettings StudioSettings::broker() const {
  BrokerSettings b;
  b.host = m_settings->value(brokerKey("host"), b.host).toString();
  b.port = m_settings->value(brokerKey("port"), b.port).toInt();
  b.caFile = m_settings->value(brokerKey("caFile")).toString();
  b.certFile = m_settings->value(brokerKey("certFile")).toString();
  b.keyFile = m_settings->value(brokerKey("keyFile")).toString();
  b.username = m_settings->value(brokerKey("username")).toString();
  b.rememberPassword = m_settings->value(brokerKey("rememberPassword"), false).toBool();
  if (b.rememberPassword) b.password = m_settings->value(brokerKey("password")).toString();
  return b;
}

void StudioSettings::setBroker(const BrokerSettings& b) {
  m_settings->setValue(brokerKey("host"), b.host);
  m_settings->setValue(brokerKey("port"), b.port);
  m_settings->setValue(brokerKey("caFile"), b.caFile);
  m_settings->setValue(brokerKey("certFile"), b.certFile);
  m_settings->setValue(brokerKey("keyFile"), b.keyFile);
  m_settings->setValue(brokerKey("username"), b.username);
  m_settings->setValue(brokerKey("rememberPassword"), b.rememberPassword);
  if (b.rememberPassword) {
    m_settings->setValue(brokerKey("password"), b.password);
  } else {
    m_settings->remove(brokerKey("password"));
  }
}

void StudioSettings::sync() { m_settings->sync(); }

} // namespace dlm::app
