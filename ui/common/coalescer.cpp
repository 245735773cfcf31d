#include "ui/common/coalescer.h"

#include <utility>

namespace dlm::ui {

Coalescer::Coalescer(std::function<void()> refresh, QObject* parent, int intervalMs)
    : QObject(parent), m_refresh(std::move(refresh)) {
  m_timer.setSingleShot(true);
  m_timer.setInterval(intervalMs);
  connect(&m_timer, &QTimer::timeout, this, [this] { m_refresh(); });
}

void Coalescer::request() {
  if (!m_timer.isActive()) m_timer.start();
}

void Coalescer::flush() {
  m_timer.stop();
  m_refresh();
}

} // namespace dlm::ui
