#include "devices/link/port_discovery.h"

#include <QFileInfo>
#include <QSerialPortInfo>

#include <algorithm>

namespace dlm {
namespace link {

namespace {

const PortInfo* findPort(const QList<PortInfo>& ports, const QString& location) {
  for (const PortInfo& p : ports)
    if (p.systemLocation == location) return &p;
  return nullptr;
}

} // namespace

PortDiscovery::PortDiscovery(QObject* parent)
    : QObject(parent), m_timer(this), m_enumerator(&PortDiscovery::systemPorts) {
  registerLinkMetaTypes();
  m_timer.setInterval(kDefaultIntervalMs);
  connect(&m_timer, &QTimer::timeout, this, &PortDiscovery::refresh);
}

PortDiscovery::~PortDiscovery() = default;

void PortDiscovery::start() {
  refresh();
  m_timer.start();
}

void PortDiscovery::stop() { m_timer.stop(); }

void PortDiscovery::setInterval(int ms) { m_timer.setInterval(std::max(ms, 10)); }

void PortDiscovery::setEnumerator(Enumerator enumerator) {
  m_enumerator = enumerator ? std::move(enumerator) : Enumerator(&PortDiscovery::systemPorts);
}

void PortDiscovery::addExplicitPort(const QString& path, const QString& description) {
  for (Explicit& e : m_explicit) {
    if (e.path == path) {
      e.description = description;
      return;
    }
  }
  m_explicit.append({path, description});
}

void PortDiscovery::removeExplicitPort(const QString& path) {
  m_explicit.erase(std::remove_if(m_explicit.begin(), m_explicit.end(),
                                  [&path](const Explicit& e) { return e.path == path; }),
                   m_explicit.end());
}

QStringList PortDiscovery::explicitPorts() const {
  QStringList out;
  for (const Explicit& e : m_explicit) out.append(e.path);
  return out;
}

QList<PortInfo> PortDiscovery::systemPorts() {
  QList<PortInfo> out;
  const QList<QSerialPortInfo> found = QSerialPortInfo::availablePorts();
  for (const QSerialPortInfo& s : found) {
    PortInfo p;
    p.portName = s.portName();
    p.systemLocation = s.systemLocation();
    p.description = s.description();
    p.manufacturer = s.manufacturer();
    p.serialNumber = s.serialNumber();
    p.hasVidPid = s.hasVendorIdentifier() && s.hasProductIdentifier();
    p.vendorId = s.vendorIdentifier();
    p.productId = s.productIdentifier();
    out.append(p);
  }
  return out;
}

QList<PortInfo> PortDiscovery::enumerate() const {
  QList<PortInfo> out = m_enumerator();
  for (const Explicit& e : m_explicit) {
    const QFileInfo file(e.path);
    if (!file.exists() || findPort(out, e.path) != nullptr) continue; // exists() follows links
    PortInfo p;
    p.portName = e.path;
    p.systemLocation = e.path;
    p.isExplicit = true;
    if (!e.description.isEmpty())
      p.description = e.description;
    else if (file.isSymLink())
      p.description = tr("Pseudo-terminal (%1)").arg(file.canonicalFilePath());
    else
      p.description = tr("Pseudo-terminal");
    out.append(p);
  }
  std::sort(out.begin(), out.end(), [](const PortInfo& a, const PortInfo& b) {
    return a.systemLocation < b.systemLocation;
  });
  return out;
}

void PortDiscovery::refresh() {
  const QList<PortInfo> now = enumerate();
  if (m_refreshed && now == m_ports) return;
  const QList<PortInfo> before = m_ports;
  m_ports = now;
  m_refreshed = true;
  for (const PortInfo& p : before)
    if (findPort(now, p.systemLocation) == nullptr) emit portRemoved(p);
  for (const PortInfo& p : now)
    if (findPort(before, p.systemLocation) == nullptr) emit portAdded(p);
  emit portsChanged(m_ports);
}

} // namespace link
} // namespace dlm
