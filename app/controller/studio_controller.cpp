// StudioController: construction, the parts it owns, and the learner seen through it.
#include "app/controller/studio_controller.h"

#include <QJsonObject>

#include "app/controller/flash_control.h"
#include "app/controller/virtual_board_process.h"
#include "app/fleet/fleet_client.h"
#include "app/learning/learning_service.h"
#include "app/persistence/recovery_manager.h"
#include "app/persistence/studio_settings.h"
#include "app/session/session.h"
#include "app/views/sample_store.h"
#include "core/version.h"
#include "devices/link/board_link.h"
#include "devices/link/port_discovery.h"
#include "devices/textstream/text_board.h"

namespace dlm::app {

namespace {

void registerViewTypes() {
  qRegisterMetaType<SampleBatch>();
  qRegisterMetaType<BoardInfoView>();
  qRegisterMetaType<LinkStatsView>();
  qRegisterMetaType<PortChoice>();
  qRegisterMetaType<QVector<PortChoice>>();
  qRegisterMetaType<TriggerView>();
  qRegisterMetaType<NetworkSnapshot>();
  qRegisterMetaType<GrowthPoint>();
  qRegisterMetaType<QVector<GrowthPoint>>();
  qRegisterMetaType<RecoveryView>();
  qRegisterMetaType<KnownSetMap>();
  qRegisterMetaType<Explanation>();
  qRegisterMetaType<TextStreamOptions>();
  qRegisterMetaType<TextStreamView>();
  qRegisterMetaType<TextStatsView>();
  qRegisterMetaType<BrokerSettings>();
  qRegisterMetaType<BrokerStatusView>();
  qRegisterMetaType<FleetPushSummary>();
}

} // namespace

StudioController::StudioController(QObject* parent)
    : StudioController(std::make_unique<link::BoardLink>(), parent) {}

StudioController::StudioController(std::unique_ptr<link::BoardLink> boardLink, QObject* parent)
    : QObject(parent),
      m_session(std::make_unique<Session>()),
      m_events(std::make_unique<StudioEvents>(m_session.get())),
      m_learning(std::make_unique<LearningService>()),
      m_link(std::move(boardLink)),
      m_ports(std::make_unique<link::PortDiscovery>()),
      m_virtual(std::make_unique<VirtualBoardProcess>()),
      m_recovery(std::make_unique<RecoveryManager>(m_session.get())),
      m_history(std::make_unique<SampleStore>()) {  // sized by each board's handshake
  registerViewTypes();
  m_learning->attachSession(m_session.get());
  m_recovery->setExtrasProvider([this] { return extras(); });
  m_rejectionTimer.setSingleShot(true);
  m_rejectionTimer.setInterval(kRejectionQuietMs);
  connect(&m_rejectionTimer, &QTimer::timeout, this, &StudioController::sendRejection);
  m_boardStatusTimer.setSingleShot(true);
  m_boardStatusTimer.setInterval(kBoardLearnedQuietMs);
  connect(&m_boardStatusTimer, &QTimer::timeout, this, [this] {
    requestBoardStatus();
  });
  wireParts();
  wireLink();
  wireLinkTransfers();
  wireLearning();
  wireBoardSync();
  wirePorts();
  wireText();
  wireFleet();
  m_ports->start();
}

StudioController::~StudioController() {
  m_text.reset();  // its worker closes the port
  m_link->disconnect();
  m_virtual->stop();
}

void StudioController::wireParts() {
  connect(m_recovery.get(), &RecoveryManager::problem, this, &StudioController::problem);
  connect(m_virtual.get(), &VirtualBoardProcess::ready, this, [this](const QString& path) {
    m_ports->addExplicitPort(path, tr("Built-in virtual board"));
    m_link->connectTo(path);
    emit statusMessage(tr("Virtual board started on %1; connecting…").arg(path));
  });
  connect(m_virtual.get(), &VirtualBoardProcess::failed, this, &StudioController::problem);
  connect(m_ports.get(), &link::PortDiscovery::portsChanged, this,
          [this] { emit portsChanged(ports()); });
}

void StudioController::wireLearning() {
  LearningService* learning = m_learning.get();
  connect(learning, &LearningService::modelChanged, this, [this](const QByteArray&, quint32) {
    emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
    // Back in step (e.g. an undo restored what the board holds): nothing stale any more.
    if (m_boardModelCrc != 0 && studioModelIdentity() == m_boardModelCrc) setStale(QString());
  });
  connect(learning, &LearningService::activityChanged, this, &StudioController::statusMessage);
  connect(learning, &LearningService::problem, this, &StudioController::problem);
  connect(learning, &LearningService::growthPoint, this, [this](const GrowthPoint& point) {
    m_growth << point;  // the history a project keeps
    emit growthPoint(point);
  });
  connect(learning, &LearningService::networkChanged, this, &StudioController::networkChanged);
  connect(learning, &LearningService::knownSetMapReady, this,
          &StudioController::knownSetMapReady);
  connect(learning, &LearningService::explanationReady, this,
          &StudioController::explanationReady);
  connect(learning, &LearningService::predictionsUpdated, this,
          [this] { emit predictionsUpdated(); });
  connect(learning, &LearningService::rejectionRateChanged, this,
          &StudioController::rejectionRateChanged);
}

NetworkSnapshot StudioController::network() const { return m_learning->network(); }

float StudioController::rejectionThreshold() const { return m_learning->threshold(); }

bool StudioController::isLearningUpToDate() const { return m_learning->isUpToDate(); }

quint32 StudioController::studioModelIdentity() const {
  // The identity core/model_format gave the model (what a board running it reports), as the
  // learner read it when it saved the model: not computed a second time here.
  return m_learning->modelCrc();
}

QString StudioController::kernelVersion() { return QString::fromLatin1(dlm::coreVersion()); }

void StudioController::requestRebuild() { m_learning->requestRebuild(); }

void StudioController::requestKnownSetMap(KnownSetMap::Projection projection, int featureX,
                                          int featureY) {
  m_learning->requestKnownSetMap(projection, featureX, featureY);
}

void StudioController::requestExplanation(int eventId) {
  if (eventId >= 0) m_learning->requestExplanation(eventId);
}

ProjectExtras StudioController::extras() const {
  ProjectExtras e;
  e.modelBytes = m_learning->modelBytes();
  e.settings.insert(QStringLiteral("rejectionShare"), double(m_learning->threshold()));
  e.growth = m_growth;
  e.layout = m_layout;
  return e;
}

} // namespace dlm::app
