#include "devices/textstream/text_board.h"

#include <QThread>

#include "devices/link/serial_transport.h"
#include "devices/textstream/text_board_worker.h"
#include "devices/textstream/textstream_logging.h"

namespace dlm::textstream {

void registerTextBoardMetaTypes() {
  link::registerLinkMetaTypes();
  qRegisterMetaType<StreamFormat>();
  qRegisterMetaType<TextStatistics>();
}

TextBoard::TextBoard(QObject* parent)
    : QObject(parent),
      m_state(std::make_shared<std::atomic<int>>(static_cast<int>(link::LinkState::Disconnected))),
      m_factory([]() -> std::unique_ptr<link::Transport> {
        return std::make_unique<link::SerialTransport>();
      }) {
  registerTextBoardMetaTypes();
}

TextBoard::~TextBoard() {
  if (m_thread == nullptr) return;
  QObject::disconnect(m_worker, nullptr, this, nullptr);
  m_thread->quit();
  if (!m_thread->wait(kShutdownTimeoutMs)) {
    // Deleting a running QThread aborts the process; leaving it is the lesser evil.
    qCWarning(lcTextStream) << "the text board worker did not stop within"
                            << kShutdownTimeoutMs << "ms; it is left behind";
    return;
  }
  delete m_thread;
}

void TextBoard::setTransportFactory(link::TransportFactory factory) {
  if (m_thread != nullptr) {
    qCWarning(lcTextStream) << "setTransportFactory() after the first connectTo() is ignored";
    return;
  }
  m_factory = std::move(factory);
}

void TextBoard::setOptions(const ParserOptions& options) { m_options = options; }

void TextBoard::ensureWorker() {
  if (m_thread != nullptr) return;
  m_thread = new QThread; // no parent: the destructor bounds its shutdown itself
  m_thread->setObjectName(QStringLiteral("dlm.textstream"));
  m_worker = new TextBoardWorker(m_factory, m_state);
  m_worker->moveToThread(m_thread);
  connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  const auto q = Qt::QueuedConnection;
  connect(
      m_worker, &TextBoardWorker::connected, this,
      [this](const link::BoardInfo& info) {
        m_info = info;
        emit connected(info);
      },
      q);
  connect(
      m_worker, &TextBoardWorker::formatChanged, this,
      [this](const StreamFormat& format) {
        m_format = format;
        emit formatChanged(format);
      },
      q);
  connect(m_worker, &TextBoardWorker::stateChanged, this, &TextBoard::stateChanged, q);
  connect(m_worker, &TextBoardWorker::disconnected, this, &TextBoard::disconnected, q);
  connect(m_worker, &TextBoardWorker::samplesReceived, this, &TextBoard::samplesReceived, q);
  connect(m_worker, &TextBoardWorker::eventReceived, this, &TextBoard::eventReceived, q);
  connect(m_worker, &TextBoardWorker::statisticsUpdated, this, &TextBoard::statisticsUpdated, q);
  connect(m_worker, &TextBoardWorker::textStatisticsUpdated, this,
          &TextBoard::textStatisticsUpdated, q);
  connect(m_worker, &TextBoardWorker::finished, this, &TextBoard::finished, q);
  m_thread->start();
}

void TextBoard::connectTo(const QString& portName, qint32 baud) {
  ensureWorker();
  m_portName = portName;
  TextBoardWorker* worker = m_worker;
  const ParserOptions options = m_options;
  QMetaObject::invokeMethod(
      worker, [worker, portName, baud, options] { worker->connectTo(portName, baud, options); },
      Qt::QueuedConnection);
}

void TextBoard::disconnect() {
  if (m_worker == nullptr) return;
  TextBoardWorker* worker = m_worker;
  QMetaObject::invokeMethod(worker, [worker] { worker->disconnectFromBoard(); },
                            Qt::QueuedConnection);
}

void TextBoard::finish() {
  ensureWorker();
  TextBoardWorker* worker = m_worker;
  QMetaObject::invokeMethod(worker, [worker] { worker->finishStream(); }, Qt::QueuedConnection);
}

void TextBoard::setTrigger(const link::TriggerConfig& trigger) {
  ensureWorker();
  TextBoardWorker* worker = m_worker;
  QMetaObject::invokeMethod(worker, [worker, trigger] { worker->setTrigger(trigger); },
                            Qt::QueuedConnection);
}

link::LinkState TextBoard::state() const { return static_cast<link::LinkState>(m_state->load()); }

} // namespace dlm::textstream
