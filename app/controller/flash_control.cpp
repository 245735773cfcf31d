#include "app/controller/flash_control.h"

#include <QCoreApplication>

#include "app/flashing/flash_job.h"
#include "app/flashing/flash_plan.h"

namespace dlm::app {

namespace {

FlashTool toolOf(const QString& id) {
  FlashTool tool = FlashTool::Auto;
  parseFlashTool(id, &tool);
  return tool;
}

FlashRequest request(const QString& boardId, const QString& probeId, const QString& image) {
  FlashRequest r;
  r.boardId = boardId;
  r.tool = toolOf(probeId);
  r.image = image;
  r.applicationDir = QCoreApplication::applicationDirPath();
  r.envDir = qEnvironmentVariable("DLM_FIRMWARE_DIR");
  return r;
}

} // namespace

FlashControl::FlashControl(QObject* parent)
    : QObject(parent), m_job(std::make_unique<FlashJob>()) {
  connect(m_job.get(), &FlashJob::started, this, &FlashControl::started);
  connect(m_job.get(), &FlashJob::progress, this, &FlashControl::progress);
  connect(m_job.get(), &FlashJob::outputLine, this, &FlashControl::outputLine);
  connect(m_job.get(), &FlashJob::finished, this, [this](bool ok, const QString& message) {
    if (m_after) m_after(ok);
    emit finished(ok, message);
  });
}

FlashControl::~FlashControl() = default;

QVector<FlashBoardChoice> FlashControl::boards() const {
  QVector<FlashBoardChoice> out;
  for (const FlashBoard& b : flashBoards()) out.append({b.id, b.name});
  return out;
}

QVector<FlashProbeChoice> FlashControl::probes() const {
  const FlashTool picked = resolveFlashTool(FlashTool::Auto);
  FlashProbeChoice automatic{QStringLiteral("auto"), QString(), picked != FlashTool::Auto};
  automatic.name = automatic.installed
                       ? tr("Automatic (%1)").arg(flashToolProgram(picked))
                       : tr("Automatic (no probe tool installed)");
  QVector<FlashProbeChoice> out{automatic};
  out.append({QStringLiteral("openocd"), tr("OpenOCD (openocd)"),
              !findFlashTool(FlashTool::OpenOcd).isEmpty()});
  out.append({QStringLiteral("st-flash"), tr("stlink-tools (st-flash)"),
              !findFlashTool(FlashTool::StFlash).isEmpty()});
  return out;
}

QString FlashControl::imageFor(const QString& boardId, const QString& probeId,
                               QString* why) const {
  const FlashBoard* board = findFlashBoard(boardId);
  if (board == nullptr) return QString();
  const FlashRequest r = request(boardId, probeId, QString());
  const FlashTool tool = resolveFlashTool(r.tool);
  const ImageLookup image = findFirmwareImage(*board, tool, QString(), r.applicationDir, r.envDir);
  if (why != nullptr) *why = image.error;
  return image.path;
}

bool FlashControl::isRunning() const { return m_waiting || m_job->isRunning(); }

void FlashControl::setHooks(Before before, std::function<void(bool)> after) {
  m_before = std::move(before);
  m_after = std::move(after);
}

void FlashControl::start(const QString& boardId, const QString& probeId, const QString& image) {
  if (isRunning()) return;
  FlashPlan plan;
  QString error;
  if (!planFlash(request(boardId, probeId, image), &plan, &error)) {
    emit finished(false, error);
    return;
  }
  // The probe tool and the studio's link must not share the board: the link lets go first,
  // and the tool starts once it has.
  if (!m_before) {
    m_job->start(plan);
    return;
  }
  m_waiting = true;
  m_before([this, plan] {
    if (!m_waiting) return;  // cancelled meanwhile
    m_waiting = false;
    m_job->start(plan);
  });
}

void FlashControl::cancel() {
  if (m_waiting) {
    m_waiting = false;
    finishUnstarted(tr("Cancelled before anything was written."));
    return;
  }
  m_job->cancel();
}

void FlashControl::finishUnstarted(const QString& message) {
  if (m_after) m_after(false);
  emit finished(false, message);
}

} // namespace dlm::app
