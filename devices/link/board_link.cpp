#include "devices/link/board_link.h"

#include <QThread>

#include <algorithm>

#include "core/network.h"
#include "core/protocol/messages.h"
#include "devices/link/link_logging.h"
#include "devices/link/link_worker.h"
#include "devices/link/message_convert.h"
#include "devices/link/serial_transport.h"

namespace dlm {
namespace link {

using protocol::CommandId;

BoardLink::BoardLink(QObject* parent)
    : QObject(parent),
      m_shared(std::make_shared<SharedLinkState>()),
      m_factory(
          []() -> std::unique_ptr<Transport> { return std::make_unique<SerialTransport>(); }) {
  registerLinkMetaTypes();
  qRegisterMetaType<QueuedCommand>();
}

BoardLink::~BoardLink() {
  if (m_thread == nullptr) return;
  // Whatever the worker still emits must not reach a BoardLink being destroyed.
  QObject::disconnect(m_worker, nullptr, this, nullptr);
  // quit() ends the worker's event loop after the slot it runs; the worker is deleted on
  // its own thread (finished -> deleteLater), which closes the port.
  m_thread->quit();
  if (!m_thread->wait(kShutdownTimeoutMs)) {
    // Deleting a running QThread aborts the process; leaving it is the lesser evil.
    qCWarning(lcLink) << "the link worker did not stop within" << kShutdownTimeoutMs
                      << "ms; it is left behind";
    return;
  }
  delete m_thread;
}

void BoardLink::setTransportFactory(TransportFactory factory) {
  if (m_thread != nullptr) {
    qCWarning(lcLink) << "setTransportFactory() after the first connectTo() is ignored";
    return;
  }
  m_factory = std::move(factory);
}

void BoardLink::ensureWorker() {
  if (m_thread != nullptr) return;
  m_thread = new QThread; // no parent: the destructor bounds its shutdown itself
  m_thread->setObjectName(QStringLiteral("dlm.link"));
  m_worker = new LinkWorker(m_factory, m_shared);
  m_worker->moveToThread(m_thread);
  connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

  m_control = new LinkControl(this);
  const auto q = Qt::QueuedConnection;
  connect(m_control, &LinkControl::connectRequested, m_worker, &LinkWorker::connectTo, q);
  connect(m_control, &LinkControl::disconnectRequested, m_worker, &LinkWorker::disconnectFromBoard,
          q);
  connect(m_control, &LinkControl::commandRequested, m_worker, &LinkWorker::sendCommand, q);
  connect(m_control, &LinkControl::pushRequested, m_worker, &LinkWorker::pushModel, q);
  connect(m_control, &LinkControl::pullRequested, m_worker, &LinkWorker::pullModel, q);

  // Signals the facade keeps a copy of go through lambdas; the rest are forwarded as is.
  connect(
      m_worker, &LinkWorker::connected, this,
      [this](const BoardInfo& info) {
        m_info = info;
        emit connected(info);
      },
      q);
  connect(
      m_worker, &LinkWorker::boardModelChanged, this,
      [this](quint32 identity, quint32 bytes) {
        m_info.modelCrc = identity;
        m_info.modelBytes = bytes;
        emit boardModelChanged(identity, bytes);
      },
      q);
  connect(
      m_worker, &LinkWorker::statusReceived, this,
      [this](const BoardStatus& status) {
        m_info.modelCrc = status.modelCrc;
        m_info.modelBytes = status.modelBytes;
        m_info.neurons = status.neurons;
        m_info.depth = status.depth;
        emit statusReceived(status);
      },
      q);
  connect(m_worker, &LinkWorker::stateChanged, this, &BoardLink::stateChanged, q);
  connect(m_worker, &LinkWorker::disconnected, this, &BoardLink::disconnected, q);
  connect(m_worker, &LinkWorker::samplesReceived, this, &BoardLink::samplesReceived, q);
  connect(m_worker, &LinkWorker::eventReceived, this, &BoardLink::eventReceived, q);
  connect(m_worker, &LinkWorker::logReceived, this, &BoardLink::logReceived, q);
  connect(m_worker, &LinkWorker::commandFailed, this, &BoardLink::commandFailed, q);
  connect(m_worker, &LinkWorker::commandSucceeded, this, &BoardLink::commandSucceeded, q);
  connect(m_worker, &LinkWorker::pushProgress, this, &BoardLink::pushProgress, q);
  connect(m_worker, &LinkWorker::pushFinished, this, &BoardLink::pushFinished, q);
  connect(m_worker, &LinkWorker::pullProgress, this, &BoardLink::pullProgress, q);
  connect(m_worker, &LinkWorker::pullFinished, this, &BoardLink::pullFinished, q);
  connect(m_worker, &LinkWorker::statisticsUpdated, this, &BoardLink::statisticsUpdated, q);
  m_thread->start();
}

void BoardLink::connectTo(const QString& portName, qint32 baud) {
  ensureWorker();
  m_portName = portName;
  emit m_control->connectRequested(portName, baud);
}

void BoardLink::disconnect() {
  if (m_control != nullptr) emit m_control->disconnectRequested();
}

LinkState BoardLink::state() const { return static_cast<LinkState>(m_shared->state.load()); }

bool BoardLink::transferActive() const { return m_shared->transferActive.load(); }

// --- commands ----------------------------------------------------------------------------

void BoardLink::failLater(CommandKind kind, const QString& message) {
  // Deferred like every other outcome, so callers see one behaviour whatever the cause.
  QMetaObject::invokeMethod(
      this, [this, kind, message]() { emit commandFailed(kind, message); }, Qt::QueuedConnection);
}

void BoardLink::send(CommandKind kind, const protocol::Command& command) {
  if (m_control == nullptr) {
    failLater(kind, tr("The board is not connected."));
    return;
  }
  QueuedCommand queued;
  queued.command = command;
  queued.kind = kind;
  queued.origin = CommandOrigin::User;
  emit m_control->commandRequested(queued);
}

void BoardLink::setTrigger(const TriggerConfig& trigger) {
  protocol::Command c;
  c.id = CommandId::SetTrigger;
  if (!toTriggerSettings(trigger, c.args.setTrigger)) {
    failLater(CommandKind::SetTrigger,
              tr("The trigger settings are out of range: the threshold must be zero or more, "
                 "and the minimum length at least 1 frame and at most the maximum length."));
    return;
  }
  send(CommandKind::SetTrigger, c);
}

void BoardLink::setRejection(float share) {
  // Checked here as the board's decoder checks it (NaN fails both comparisons).
  if (!(share >= 0.0f && share <= 1.0f)) {
    failLater(CommandKind::SetRejection,
              tr("The rejection threshold must be a share between 0 (reject nothing) and 1 "
                 "(reject everything)."));
    return;
  }
  protocol::Command c;
  c.id = CommandId::SetRejection;
  c.args.rejectionShare = share;
  send(CommandKind::SetRejection, c);
}

void BoardLink::labelEvent(quint32 eventId, int classIndex) {
  if (classIndex < 0 || classIndex >= kMaxClasses) {
    failLater(CommandKind::LabelEvent, tr("Class %1 does not exist on the board.").arg(classIndex));
    return;
  }
  protocol::Command c;
  c.id = CommandId::LabelEvent;
  c.args.labelEvent.eventId = eventId;
  c.args.labelEvent.classIndex = static_cast<std::uint8_t>(classIndex);
  send(CommandKind::LabelEvent, c);
}

void BoardLink::forgetEvent(quint32 eventId) {
  protocol::Command c;
  c.id = CommandId::ForgetEvent;
  c.args.forgetEventId = eventId;
  send(CommandKind::ForgetEvent, c);
}

void BoardLink::performGesture(int gestureId) {
  if (gestureId < 0 || gestureId > 255) {
    failLater(CommandKind::PerformGesture, tr("Gesture %1 does not exist.").arg(gestureId));
    return;
  }
  protocol::Command c;
  c.id = CommandId::PerformGesture;
  c.args.gesture = static_cast<std::uint8_t>(gestureId);
  send(CommandKind::PerformGesture, c);
}

void BoardLink::setSpontaneousGestures(float perMinute) {
  // Checked here as the board's decoder checks it (NaN fails both comparisons).
  if (!(perMinute >= 0.0f && perMinute <= protocol::kMaxSpontaneousRate)) {
    failLater(CommandKind::SetSpontaneousGestures,
              tr("The rate of spontaneous gestures must be between 0 and %1 a minute.")
                  .arg(double(protocol::kMaxSpontaneousRate)));
    return;
  }
  protocol::Command c;
  c.id = CommandId::SetSpontaneousGestures;
  c.args.spontaneousRate = perMinute;
  send(CommandKind::SetSpontaneousGestures, c);
}

void BoardLink::requestStatus() {
  protocol::Command c;
  c.id = CommandId::GetStatus;
  send(CommandKind::RequestStatus, c);
}

void BoardLink::resetBoard() {
  protocol::Command c;
  c.id = CommandId::Reset;
  send(CommandKind::ResetBoard, c);
}

void BoardLink::injectSamples(int channels, const QVector<qint16>& interleaved) {
  if (channels < 1 || channels > static_cast<int>(protocol::kMaxChannels) ||
      interleaved.isEmpty() || interleaved.size() % channels != 0) {
    failLater(CommandKind::InjectSamples,
              tr("The samples to inject must be whole frames of 1 to %1 channels.")
                  .arg(protocol::kMaxChannels));
    return;
  }
  // One command carries at most 255 frames and kMaxInjectValues values.
  const int perCommand = std::min(255, static_cast<int>(protocol::kMaxInjectValues) / channels);
  const qsizetype totalFrames = interleaved.size() / channels;
  for (qsizetype first = 0; first < totalFrames; first += perCommand) {
    const int frames = static_cast<int>(std::min<qsizetype>(perCommand, totalFrames - first));
    protocol::Command c;
    c.id = CommandId::InjectSamples;
    c.args.injectSamples.channels = static_cast<std::uint8_t>(channels);
    c.args.injectSamples.frames = static_cast<std::uint8_t>(frames);
    const qsizetype base = first * channels;
    for (qsizetype i = 0; i < static_cast<qsizetype>(frames) * channels; ++i)
      c.args.injectSamples.data[i] = interleaved[base + i];
    send(CommandKind::InjectSamples, c);
  }
}

// --- model transfers ---------------------------------------------------------------------

void BoardLink::pushModel(const QByteArray& modelBytes) {
  if (m_control == nullptr) {
    const QString message = tr("The board is not connected; connect it and push again.");
    QMetaObject::invokeMethod(
        this, [this, message]() { emit pushFinished(false, message); }, Qt::QueuedConnection);
    return;
  }
  emit m_control->pushRequested(modelBytes);
}

void BoardLink::pullModel() {
  if (m_control == nullptr) {
    const QString message = tr("The board is not connected; connect it and pull again.");
    QMetaObject::invokeMethod(
        this, [this, message]() { emit pullFinished(false, QByteArray(), message); },
        Qt::QueuedConnection);
    return;
  }
  emit m_control->pullRequested();
}

} // namespace link
} // namespace dlm
