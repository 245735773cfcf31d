#pragma once

// Serial ports a board may be on, refreshed while the user looks at the list. Enumeration
// (QSerialPortInfo reads sysfs/udev) takes milliseconds, so it runs on the thread the object
// lives on, normally the GUI thread; nothing is opened.

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

#include "devices/link/link_types.h"

namespace dlm {
namespace link {

/// \brief Lists serial ports every second and reports plug and unplug. Pseudo-terminals
/// (the virtual board, an emulator) are not enumerable: give their path or a symlink to it
/// with addExplicitPort(); it is listed while the path exists.
class PortDiscovery : public QObject {
  Q_OBJECT
public:
  /// \brief Refresh period when none is set.
  static constexpr int kDefaultIntervalMs = 1000;
  /// \brief Where the system's ports come from (tests replace it).
  using Enumerator = std::function<QList<PortInfo>()>;

  explicit PortDiscovery(QObject* parent = nullptr);
  ~PortDiscovery() override;

  /// \brief Refresh now, then every interval.
  void start();
  void stop();
  bool isActive() const { return m_timer.isActive(); }
  void setInterval(int ms);
  int interval() const { return m_timer.interval(); }
  /// \brief Replace the system enumeration (default: systemPorts()).
  void setEnumerator(Enumerator enumerator);

  /// \brief Also list \p path (e.g. "/dev/pts/3" or a stable symlink to it) while it exists.
  void addExplicitPort(const QString& path, const QString& description = QString());
  void removeExplicitPort(const QString& path);
  QStringList explicitPorts() const;

  /// \brief The ports of the last refresh, sorted by location.
  QList<PortInfo> ports() const { return m_ports; }
  /// \brief Enumerate now; emits the signals if anything changed.
  void refresh();

  /// \brief The serial ports QSerialPortInfo finds.
  static QList<PortInfo> systemPorts();

signals:
  /// \brief The list changed (a port appeared, disappeared or changed its description).
  void portsChanged(const QList<dlm::link::PortInfo>& ports);
  void portAdded(const dlm::link::PortInfo& port);
  void portRemoved(const dlm::link::PortInfo& port);

private:
  struct Explicit {
    QString path;
    QString description;
  };
  QList<PortInfo> enumerate() const;

  QTimer m_timer;
  Enumerator m_enumerator;
  QList<Explicit> m_explicit;
  QList<PortInfo> m_ports;
  bool m_refreshed = false;
};

} // namespace link
} // namespace dlm
