#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

#include "app/views/fleet_views.h"
#include "core/protocol/messages.h"

class QSettings;

namespace dlm::app {

/// \brief The event trigger as the studio lets the user set it (sent to the board); it starts
/// as the boards do (protocol::kDefaultTrigger).
struct TriggerSettings {
  /// \brief RMS of the high-passed magnitude, in counts.
  float threshold = protocol::kDefaultTrigger.threshold;
  int preTriggerFrames = protocol::kDefaultTrigger.preTriggerFrames;
  int holdOffFrames = protocol::kDefaultTrigger.holdOffFrames;
  int minFrames = protocol::kDefaultTrigger.minFrames;
  int maxFrames = protocol::kDefaultTrigger.maxFrames;

  bool operator==(const TriggerSettings& o) const {
    return threshold == o.threshold && preTriggerFrames == o.preTriggerFrames &&
           holdOffFrames == o.holdOffFrames && minFrames == o.minFrames &&
           maxFrames == o.maxFrames;
  }
};

/// \brief The last board the studio connected to, as it is recognised when it comes back: by
/// its USB serial number and vendor:product ids when it has them (it may come back on another
/// path, /dev/ttyACM0 becoming /dev/ttyACM1), else by its path.
struct RememberedBoard {
  QString path;          ///< where it was last, e.g. "/dev/ttyACM0"
  QString serialNumber;  ///< the USB serial number; empty when it has none
  quint16 vendorId = 0;
  quint16 productId = 0;
  bool hasVidPid = false;

  bool isEmpty() const { return path.isEmpty(); }
  /// \brief True when it is recognised by its USB identity rather than its path.
  bool byUsbIdentity() const { return hasVidPid && !serialNumber.isEmpty(); }
  bool operator==(const RememberedBoard& o) const {
    return path == o.path && serialNumber == o.serialNumber && vendorId == o.vendorId &&
           productId == o.productId && hasVidPid == o.hasVidPid;
  }
};

/// \brief The studio's persistent settings: a typed wrapper over QSettings, one key each.
class StudioSettings {
public:
  // Keys, grouped like the panels that use them.
  static constexpr const char* kLastPort = "link/lastPort";
  static constexpr const char* kBaudRate = "link/baudRate";
  static constexpr const char* kLastBoardSerial = "link/lastBoardSerial";
  static constexpr const char* kLastBoardVidPid = "link/lastBoardVidPid";
  static constexpr const char* kLanguage = "ui/language";
  static constexpr const char* kWindowGeometry = "ui/windowGeometry";
  static constexpr const char* kWindowState = "ui/windowState";
  static constexpr const char* kLastDirectory = "ui/lastDirectory";
  static constexpr const char* kRecentProjects = "ui/recentProjects";
  static constexpr const char* kThreshold = "learning/rejectionShare";
  static constexpr const char* kTrigger = "trigger/";
  static constexpr const char* kBroker = "fleet/broker/";
  static constexpr int kDefaultBaud = 921600;
  static constexpr int kMaxRecentProjects = 8;

  /// \brief Settings stored in \p backend (not owned), or in the application's QSettings.
  explicit StudioSettings(QSettings* backend = nullptr);
  ~StudioSettings();

  QString lastPort() const;
  void setLastPort(const QString& port);
  /// \brief The last board connected (its path is lastPort()); empty when none was.
  RememberedBoard lastBoard() const;
  void setLastBoard(const RememberedBoard& board);
  int baudRate() const;
  void setBaudRate(int baud);
  /// \brief "en" or "fr"; defaults to the system language when it is one of them, else "en".
  QString language() const;
  void setLanguage(const QString& language);
  float threshold() const;
  void setThreshold(float threshold);
  TriggerSettings trigger() const;
  void setTrigger(const TriggerSettings& trigger);
  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  QByteArray windowState() const;
  void setWindowState(const QByteArray& state);
  QString lastDirectory() const;
  void setLastDirectory(const QString& directory);
  QStringList recentProjects() const;
  /// \brief Put \p path first in the recent projects (at most kMaxRecentProjects).
  void addRecentProject(const QString& path);

  /// \brief The MQTT broker last connected to; its password only if the user asked for it
  /// to be remembered (it is then kept as is, unencrypted, in the settings file).
  BrokerSettings broker() const;
  void setBroker(const BrokerSettings& broker);

  /// \brief The settings a project carries (threshold, trigger), for ProjectExtras::settings.
  static QJsonObject projectSettings(float threshold, const TriggerSettings& trigger);
  /// \brief Read back projectSettings(); missing values keep \p threshold / \p trigger.
  static void fromProjectSettings(const QJsonObject& json, float* threshold,
                                  TriggerSettings* trigger);

  void sync();

private:
  QSettings* m_settings;
  std::unique_ptr<QSettings> m_owned;
};

} // namespace dlm::app
