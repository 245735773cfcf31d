#include "app/flashing/flash_job.h"

#include "app/flashing/flash_logging.h"

namespace dlm::app {

FlashJob::FlashJob(QObject* parent) : QObject(parent) {
  m_timeout.setSingleShot(true);
  m_timeout.setInterval(kTimeoutMs);
  connect(&m_timeout, &QTimer::timeout, this, [this] {
    m_timedOut = true;
    cancel();
  });
}

FlashJob::~FlashJob() {
  if (m_process != nullptr && m_process->state() != QProcess::NotRunning) {
    // No signal into a dying object: stop the tool and wait for it (bounded).
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(kTerminateGraceMs);
  }
}

bool FlashJob::start(const FlashPlan& plan) {
  if (isRunning()) return false;
  m_plan = plan;
  m_parser = std::make_unique<FlashOutputParser>(plan.tool);
  m_pending.clear();
  m_cancelled = false;
  m_timedOut = false;
  m_done = false;
  if (m_process != nullptr) m_process->deleteLater();
  m_process = new QProcess(this);
  m_process->setProcessChannelMode(QProcess::MergedChannels);
  connect(m_process, &QProcess::readyReadStandardOutput, this, &FlashJob::readOutput);
  connect(m_process, &QProcess::finished, this, &FlashJob::onFinished);
  connect(m_process, &QProcess::errorOccurred, this, &FlashJob::onError);
  qCInfo(lcFlash).noquote() << "flashing:" << plan.command.display();
  emit started(plan.command.display());
  emit progress(0, m_parser->stage());
  m_process->start(plan.command.program, plan.command.arguments);
  m_timeout.start();
  return true;
}

void FlashJob::cancel() {
  if (!isRunning()) return;
  m_cancelled = true;
  m_process->terminate();
  QTimer::singleShot(kTerminateGraceMs, this, [this] {
    if (m_process != nullptr && m_process->state() != QProcess::NotRunning) m_process->kill();
  });
}

bool FlashJob::isRunning() const { return !m_done; }

void FlashJob::readOutput() {
  m_pending += m_process->readAllStandardOutput();
  // st-flash redraws its page counter with carriage returns: they end lines too.
  for (;;) {
    qsizetype end = -1;
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
      if (m_pending.at(i) == '\n' || m_pending.at(i) == '\r') {
        end = i;
        break;
      }
    }
    if (end < 0) return;
    const QString line = QString::fromLocal8Bit(m_pending.left(end)).trimmed();
    m_pending.remove(0, end + 1);
    if (!line.isEmpty()) handleLine(line);
  }
}

void FlashJob::handleLine(const QString& line) {
  qCDebug(lcFlash).noquote() << line;
  emit outputLine(line);
  if (m_parser->addLine(line)) emit progress(m_parser->percent(), m_parser->stage());
}

void FlashJob::onFinished(int exitCode, QProcess::ExitStatus status) {
  readOutput();
  if (!m_pending.trimmed().isEmpty()) handleLine(QString::fromLocal8Bit(m_pending).trimmed());
  m_pending.clear();
  if (m_timedOut) {
    finish(false, FlashText::tr("%1 did not finish within %2 s and was stopped: unplug and "
                                "replug the board, then flash again.")
                      .arg(flashToolProgram(m_plan.tool))
                      .arg(kTimeoutMs / 1000));
    return;
  }
  if (m_cancelled) {
    finish(false, FlashText::tr("Cancelled. The board may hold a partly written image: flash "
                                "it again before using it."));
    return;
  }
  if (status == QProcess::CrashExit) {
    finish(false, FlashText::tr("%1 crashed; flash again.").arg(flashToolProgram(m_plan.tool)));
    return;
  }
  bool ok = false;
  const QString message = m_parser->outcome(exitCode, &ok);
  if (ok) emit progress(100, FlashText::tr("Done"));
  finish(ok, message);
}

void FlashJob::onError(QProcess::ProcessError error) {
  // Only a tool that never started ends here; the others end in onFinished().
  if (error != QProcess::FailedToStart) return;
  finish(false, FlashText::tr("%1 could not be started (%2): is it installed?")
                    .arg(m_plan.command.program, m_process->errorString()));
}

void FlashJob::finish(bool ok, const QString& message) {
  if (m_done) return;
  m_done = true;
  m_timeout.stop();
  qCInfo(lcFlash).noquote() << (ok ? "flashed:" : "flashing failed:") << message;
  emit finished(ok, message);
}

} // namespace dlm::app
