#include "devices/textstream/host_events.h"

#include <algorithm>
#include <cmath>

namespace dlm::textstream {

namespace {

std::uint16_t scaledFrames(std::uint16_t framesAt1kHz, double rateHz) {
  const double f = std::round(static_cast<double>(framesAt1kHz) * rateHz / 1000.0);
  return static_cast<std::uint16_t>(std::clamp(f, 1.0, 65535.0));
}

} // namespace

firmware::TriggerConfig defaultTrigger(double rateHz) {
  firmware::TriggerConfig t; // the protocol's defaults, a 1 kHz board's frames
  if (!(rateHz > 0.0)) return t;
  t.preTriggerFrames = scaledFrames(t.preTriggerFrames, rateHz);
  t.holdOffFrames = scaledFrames(t.holdOffFrames, rateHz);
  t.minFrames = scaledFrames(t.minFrames, rateHz);
  t.maxFrames = scaledFrames(t.maxFrames, rateHz);
  return t;
}

HostEventDetector::HostEventDetector() : m_detector(std::make_unique<firmware::EventDetector>()) {}

HostEventDetector::~HostEventDetector() = default;

bool HostEventDetector::configure(int channels, double rateHz,
                                  const firmware::TriggerConfig& trigger) {
  m_channels = std::max(channels, 0);
  m_used = std::min(m_channels, kMaxSensorChannels);
  firmware::TriggerConfig t = trigger;
  t.channels = static_cast<std::uint8_t>(std::max(m_used, 1));
  t.sampleRateHz = static_cast<std::uint16_t>(std::clamp(std::round(rateHz), 1.0, 65535.0));
  m_detector->configure(t);
  m_descriptor = descriptorFor(m_used);
  // The duration feature is relative to the longest window, as on a board.
  m_descriptor.maxFrames = m_detector->config().maxFrames;
  m_frame.assign(static_cast<std::size_t>(std::max(m_used, 1)), 0);
  m_window.assign(static_cast<std::size_t>(firmware::EventDetector::kMaxWindowFrames) *
                      static_cast<std::size_t>(std::max(m_used, 1)),
                  0);
  m_last = HostEvent{};
  return m_used > 0 && m_descriptor.channels != 0;
}

const firmware::TriggerConfig& HostEventDetector::trigger() const { return m_detector->config(); }

bool HostEventDetector::push(const std::int16_t* frame) {
  if (m_used == 0 || frame == nullptr) return false;
  std::copy(frame, frame + m_used, m_frame.begin());
  if (!m_detector->push(m_frame.data())) return false;
  const firmware::DetectedEvent& found = m_detector->lastEvent();
  const std::uint32_t frames =
      m_detector->copyWindow(m_window.data(), firmware::EventDetector::kMaxWindowFrames);
  if (frames == 0) return false;
  HostEvent e;
  e.start = found.start;
  e.frames = frames;
  e.triggerFrame = found.triggerFrame;
  e.peakEnergy = found.peakEnergy;
  e.truncated = found.truncated;
  e.descriptor.resize(m_descriptor.dims());
  if (computeDescriptor(m_descriptor, m_window.data(), frames, e.descriptor.data(),
                        e.descriptor.size()) != Status::Ok)
    return false;
  m_last = std::move(e);
  return true;
}

} // namespace dlm::textstream
