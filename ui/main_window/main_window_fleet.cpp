// MainWindow: a fleet of boards behind an MQTT broker. The Fleet menu and the Fleet view
// connect to the broker, list the gateways' boards, open one as the studio's board, and push
// the studio's model to a selection; the controller does the work and says how it went.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#include "app/controller/studio_controller.h"
#include "ui/fleet/broker_dialog.h"
#include "ui/fleet/fleet_panel.h"
#include "ui/main_window/main_window.h"

namespace dlm::ui {

void MainWindow::buildFleetMenu() {
  QMenu* menu = menuBar()->addMenu(tr("F&leet"));
  QAction* connectBroker = menu->addAction(QIcon(QStringLiteral(":/icons/connect.svg")),
                                           tr("&Connect to a broker…"));
  connectBroker->setObjectName(QStringLiteral("brokerConnectAction"));
  connect(connectBroker, &QAction::triggered, this, &MainWindow::showBrokerDialog);
  QAction* disconnectBroker = menu->addAction(QIcon(QStringLiteral(":/icons/disconnect.svg")),
                                              tr("&Disconnect from the broker"));
  connect(disconnectBroker, &QAction::triggered, m_controller,
          &app::StudioController::disconnectBroker);
  menu->addSeparator();
  QAction* open = menu->addAction(tr("&Open the selected board"));
  connect(open, &QAction::triggered, this, [this] {
    const QStringList keys = m_fleet->selectedKeys();
    if (keys.size() == 1) m_controller->openFleetBoard(keys.first());
  });
  QAction* push = menu->addAction(QIcon(QStringLiteral(":/icons/push-model.svg")),
                                  tr("&Push the model to the selected boards…"));
  connect(push, &QAction::triggered, this, [this] { pushToFleet(m_fleet->selectedKeys()); });
  menu->addSeparator();
  QAction* show = menu->addAction(tr("Show the &fleet"));
  connect(show, &QAction::triggered, this, &MainWindow::showFleet);
  connect(menu, &QMenu::aboutToShow, this, [this, disconnectBroker, open, push] {
    const bool off = m_controller->brokerStatus().state == app::BrokerStatusView::State::Off;
    const int selected = int(m_fleet->selectedKeys().size());
    disconnectBroker->setEnabled(!off);
    open->setEnabled(!off && selected == 1);
    push->setEnabled(!off && selected > 0 && m_controller->studioModelIdentity() != 0);
  });
}

void MainWindow::wireFleet() {
  app::StudioController* c = m_controller;
  m_fleet->setBoardsModel(c->fleetBoards());
  m_fleet->setBrokerStatus(c->brokerStatus());
  m_fleet->setStudioModel(c->studioModelIdentity());
  connect(c, &app::StudioController::brokerStatusChanged, m_fleet, &FleetPanel::setBrokerStatus);
  connect(c, &app::StudioController::fleetPushChanged, m_fleet, &FleetPanel::setPushSummary);
  connect(c, &app::StudioController::modelHashesChanged, m_fleet,
          [this](quint32 studio, quint32) { m_fleet->setStudioModel(studio); });
  connect(c, &app::StudioController::boardReady, m_fleet, [this](const app::BoardInfoView& info) {
    m_fleet->setOpenedBoard(info.fleetKey);
    if (!info.fleetKey.isEmpty()) m_linkLabel->setText(tr("Board: %1 (fleet)").arg(info.fleetKey));
  });
  connect(c, &app::StudioController::boardLost, m_fleet,
          [this] { m_fleet->setOpenedBoard(m_controller->fleetBoard()); });
  connect(m_fleet, &FleetPanel::connectRequested, this, &MainWindow::showBrokerDialog);
  connect(m_fleet, &FleetPanel::disconnectRequested, c, &app::StudioController::disconnectBroker);
  connect(m_fleet, &FleetPanel::openRequested, this, [this](const QString& key) {
    m_controller->openFleetBoard(key);
    m_fleet->setOpenedBoard(key);
  });
  connect(m_fleet, &FleetPanel::pushRequested, this, &MainWindow::pushToFleet);
}

void MainWindow::showFleet() {
  m_docks.fleet->show();
  m_docks.fleet->raise();
}

void MainWindow::showBrokerDialog() {
  BrokerDialog dialog(m_controller->brokerSettings(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  QString error;
  if (!m_controller->connectToBroker(dialog.settings(), &error)) {
    showProblem(error);
    QMessageBox::warning(this, tr("Cannot connect to the broker"), error);
    return;
  }
  showFleet();
}

void MainWindow::pushToFleet(const QStringList& keys) {
  if (keys.isEmpty()) return;
  if (keys.size() > 1) {
    const QString hash = QStringLiteral("%1")
                             .arg(m_controller->studioModelIdentity(), 8, 16, QLatin1Char('0'))
                             .toUpper();
    //: %1: the model's identity (CRC-32); %n: how many boards.
    const QString question =
        tr("Push the studio's model %1 to %n board(s)? Each board activates it only once it "
           "has received and verified it; a board that refuses it keeps its own model.",
           "", int(keys.size()))
            .arg(hash);
    if (QMessageBox::question(this, tr("Push to the fleet"), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Yes) != QMessageBox::Yes) {
      return;
    }
  }
  m_controller->pushModelToFleet(keys); // a refusal comes back as a problem()
}

void MainWindow::placeNewDocks() {
  // A layout saved before the fleet view existed leaves it out: put it beside the events.
  // (A fleet view the user closed stays closed: Fleet → Show the fleet brings it back.)
  if (dockWidgetArea(m_docks.fleet) != Qt::NoDockWidgetArea) return;
  tabifyDockWidget(m_docks.events, m_docks.fleet);
  m_docks.fleet->show();
  m_docks.events->raise();
}

} // namespace dlm::ui
