// StudioController: the ports, the last board and flashing. The last board used is
// remembered (by its USB serial number and ids when it has them, else its path) and
// reconnected by itself when it comes back, possibly on another path (/dev/ttyACM0 unplugged
// comes back as /dev/ttyACM1 when something else took ttyACM0); a board the user disconnected,
// or left for another, is not. A probe tool flashing the board has it to itself.
#include <QLocale>
#include <QTimer>

#include <memory>

#include "app/controller/flash_control.h"
#include "app/controller/port_naming.h"
#include "app/controller/studio_controller.h"
#include "app/controller/virtual_board_process.h"
#include "app/persistence/studio_settings.h"
#include "app/session/app_logging.h"
#include "devices/link/board_link.h"
#include "devices/link/port_discovery.h"

namespace dlm::app {

namespace {

constexpr int kFlashCloseWaitStepMs = 20;
constexpr int kFlashCloseWaitMs = 2000;  // the link's own shutdown bound

RememberedBoard identityOf(const link::PortInfo& port) {
  RememberedBoard b;
  b.path = port.systemLocation;
  b.serialNumber = port.serialNumber;
  b.vendorId = port.vendorId;
  b.productId = port.productId;
  b.hasVidPid = port.hasVidPid;
  return b;
}

bool isBoard(const RememberedBoard& board, const link::PortInfo& port) {
  if (board.isEmpty()) return false;
  if (!board.byUsbIdentity()) return port.systemLocation == board.path;
  return port.hasVidPid && port.vendorId == board.vendorId &&
         port.productId == board.productId && port.serialNumber == board.serialNumber;
}

const link::PortInfo* findPort(const QList<link::PortInfo>& ports, const QString& path) {
  for (const link::PortInfo& p : ports)
    if (p.systemLocation == path) return &p;
  return nullptr;
}

} // namespace

void StudioController::wirePorts() {
  m_lastBoard = std::make_unique<RememberedBoard>();
  m_flash = std::make_unique<FlashControl>();
  m_flash->setHooks(
      [this](std::function<void()> proceed) { closeLinkForFlashing(std::move(proceed)); },
      [this](bool flashed) { reopenLinkAfterFlashing(flashed); });
  connect(m_flash.get(), &FlashControl::finished, this, [this](bool ok, const QString& m) {
    emit statusMessage(ok ? tr("Firmware flashed: %1").arg(m) : tr("Flashing failed: %1").arg(m));
  });
  connect(m_ports.get(), &link::PortDiscovery::portAdded, this, &StudioController::onPortAdded);
  connect(m_ports.get(), &link::PortDiscovery::portRemoved, this,
          &StudioController::onPortRemoved);
  // After the controller's own handler (wireLink() connected first): the board's identity
  // is known, and "reconnected" follows "connected" in the status bar.
  connect(m_link.get(), &link::BoardLink::connected, this, [this] {
    if (m_virtualWanted) return;
    rememberConnectedBoard();
    m_lastBoardWanted = true;
    if (!m_autoReconnecting) return;
    m_autoReconnecting = false;
    const QString message = tr("Reconnected to the board on %1 by itself.").arg(m_link->portName());
    qCInfo(lcApp).noquote() << message;
    emit statusMessage(message);
  });
}

QVector<PortChoice> StudioController::ports() const {
  QVector<PortChoice> out;
  const QString virtualPath = m_virtual->running() ? m_virtual->portPath() : QString();
  for (const link::PortInfo& p : m_ports->ports()) {
    out.append(portChoice(p, !virtualPath.isEmpty() && p.systemLocation == virtualPath,
                          m_lastBoardWanted && isBoard(*m_lastBoard, p)));
  }
  return out;
}

QString StudioController::lastBoard() const {
  const RememberedBoard& b = *m_lastBoard;
  if (!b.byUsbIdentity()) return b.path;
  return QStringLiteral("%1:%2 SN %3")
      .arg(b.vendorId, 4, 16, QLatin1Char('0'))
      .arg(b.productId, 4, 16, QLatin1Char('0'))
      .arg(b.serialNumber);
}

void StudioController::rememberBoardsInSettings() {
  m_settings = std::make_unique<StudioSettings>();
  if (!m_lastBoard->isEmpty()) return;  // this session's board is newer
  *m_lastBoard = m_settings->lastBoard();
  if (m_baud <= 0) m_baud = m_settings->baudRate();
}

bool StudioController::connectToLastBoard() {
  m_lastBoardWanted = !m_lastBoard->isEmpty();
  for (const link::PortInfo& p : m_ports->ports()) {
    if (m_lastBoardWanted && isBoard(*m_lastBoard, p)) {
      reconnectTo(p.systemLocation, tr("The last board used is plugged in on %1: connecting…")
                                        .arg(p.systemLocation));
      return true;
    }
  }
  return false;
}

void StudioController::rememberConnectedBoard() {
  const QString path = m_link->portName();
  QList<link::PortInfo> ports = m_ports->ports();
  if (findPort(ports, path) == nullptr) {
    m_ports->refresh();  // connected before the once-a-second refresh saw the port
    ports = m_ports->ports();
  }
  const link::PortInfo* port = findPort(ports, path);
  RememberedBoard board;
  if (port != nullptr && !port->isExplicit) board = identityOf(*port);
  else board.path = path;  // a pseudo-terminal, or a port not listed (yet): its path
  *m_lastBoard = board;
  if (m_settings) {
    m_settings->setLastBoard(board);
    if (m_baud > 0) m_settings->setBaudRate(m_baud);
  }
}

void StudioController::reconnectTo(const QString& path, const QString& why) {
  m_autoReconnecting = true;
  m_virtualWanted = false;
  m_virtual->stop();
  m_link->connectTo(path, m_baud > 0 ? m_baud : link::BoardLink::kDefaultBaud);
  qCInfo(lcApp).noquote() << why;
  emit statusMessage(why);
}

void StudioController::onPortAdded(const link::PortInfo& port) {
  if (!m_lastBoardWanted || m_flashing || !isBoard(*m_lastBoard, port)) return;
  // Already there (the link reopened the same path by itself): nothing to do.
  if (m_link->isConnected() && m_link->portName() == port.systemLocation) return;
  reconnectTo(port.systemLocation,
              tr("The board is back on %1: reconnecting…").arg(port.systemLocation));
}

void StudioController::onPortRemoved(const link::PortInfo& port) {
  if (m_virtualWanted || m_flashing || port.systemLocation != m_link->portName()) return;
  if (m_link->state() == link::LinkState::Disconnected) return;
  const QString message =
      m_lastBoardWanted
          ? tr("The board on %1 was unplugged: it will be reconnected when it is plugged "
               "in again.")
                .arg(port.systemLocation)
          : tr("The board on %1 was unplugged.").arg(port.systemLocation);
  qCInfo(lcApp).noquote() << message;
  emit statusMessage(message);
}

void StudioController::closeLinkForFlashing(std::function<void()> proceed) {
  m_flashing = true;
  // The built-in virtual board has nothing to do with the probe: it keeps running.
  m_reopenAfterFlash = !m_virtualWanted && m_link->state() != link::LinkState::Disconnected;
  if (!m_reopenAfterFlash) {
    proceed();
    return;
  }
  m_link->disconnect();
  emit statusMessage(tr("Closing the link to the board for flashing…"));
  // The worker closes the port on its own thread: the tool starts once it has (bounded, so
  // a stuck close cannot keep the tool from starting).
  auto* wait = new QTimer(this);
  wait->setInterval(kFlashCloseWaitStepMs);
  auto waited = std::make_shared<int>(0);
  connect(wait, &QTimer::timeout, this, [this, wait, waited, proceed = std::move(proceed)] {
    *waited += kFlashCloseWaitStepMs;
    if (m_link->state() != link::LinkState::Disconnected && *waited < kFlashCloseWaitMs) return;
    wait->stop();
    wait->deleteLater();
    proceed();
  });
  wait->start();
}

void StudioController::reopenLinkAfterFlashing(bool flashed) {
  m_flashing = false;
  // The board restarted (and a new firmware may announce itself differently): list the
  // ports again before looking for it.
  m_ports->refresh();
  if (!m_reopenAfterFlash) return;
  m_reopenAfterFlash = false;
  for (const link::PortInfo& p : m_ports->ports()) {
    if (isBoard(*m_lastBoard, p)) {
      reconnectTo(p.systemLocation, flashed ? tr("Flashed; reconnecting to the board on %1…")
                                                  .arg(p.systemLocation)
                                            : tr("Reconnecting to the board on %1…")
                                                  .arg(p.systemLocation));
      return;
    }
  }
}

} // namespace dlm::app
