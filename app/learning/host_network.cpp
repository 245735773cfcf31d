#include "app/learning/host_network.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/session/app_logging.h"
#include "core/descriptor.h"
#include "core/model_format.h"

namespace dlm::app {

namespace {

constexpr int kClassStep = 16;

// The rebuild profile's clock (a handful of reads per rebuild), for the debug log.
std::uint64_t steadyNanoseconds() {
  return std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count());
}

int roundUpPow2(int n) {
  int p = 1;
  while (p < n) p *= 2;
  return p;
}

// Cut a name to the model's slot without splitting a UTF-8 sequence.
void copyName(const QString& name, ClassName& slot) {
  QByteArray utf8 = name.toUtf8();
  if (utf8.size() > kClassNameBytes) {
    qsizetype cut = kClassNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    utf8.truncate(cut);
  }
  std::memcpy(slot.text, utf8.constData(), std::size_t(utf8.size()));
  slot.text[utf8.size()] = '\0';
}

} // namespace

HostNetwork::Outcome HostNetwork::ensure(int events, int dims, int classes, QString* error) {
  if (dims < 1 || dims > 65535 || classes > kMaxClasses) {
    if (error) *error = tr("the network does not support %1 features with %2 classes")
                            .arg(dims).arg(classes);
    return Outcome::Failed;
  }
  const bool fits = ready() && m_network.dims() == dims && m_capacity.maxDims == dims &&
                    std::uint32_t(events) <= m_capacity.maxEvents &&
                    classes <= m_capacity.maxClasses && m_capacity.maxLayers <= m_limitLayers &&
                    m_capacity.maxNeurons <= m_limitNeurons &&
                    (m_limitDeepNeurons == 0 || m_capacity.layerNeurons(1) <= m_limitDeepNeurons);
  if (fits) return Outcome::Kept;
  Capacity cap;
  // Geometric growth: re-initialising costs a rebuild, so it must stay rare.
  cap.maxEvents = std::uint32_t(roundUpPow2(std::max(kMinEvents, events + events / 2)));
  cap.maxNeurons = std::uint16_t(std::min<std::uint32_t>(
      std::uint32_t(std::min(kMaxNeurons, m_limitNeurons)), cap.maxEvents));
  cap.maxDims = std::uint16_t(dims);
  cap.maxLayers = std::uint8_t(std::min(kMaxLayers, m_limitLayers));
  // A board's correction layers are narrow: the host builds them no wider, so the rebuild
  // keeps (by leave-one-out) only the depth that board can run.
  if (m_limitDeepNeurons > 0) {
    cap.maxDeepNeurons = std::uint16_t(std::min<int>(m_limitDeepNeurons, cap.maxNeurons));
  }
  const int wantClasses = std::max({classes, 1, ready() ? int(m_capacity.maxClasses) : 0});
  cap.maxClasses = std::uint8_t(std::min(kMaxClasses, (wantClasses + kClassStep - 1) /
                                                         kClassStep * kClassStep));
  cap.exactReadout = true;
  cap.workers = std::uint8_t(parallel::hostWorkers());
  return init(cap, dims, error) ? Outcome::Reinitialised : Outcome::Failed;
}

void HostNetwork::setLimits(int maxLayers, int maxNeurons, int maxDeepNeurons) {
  m_limitLayers = std::clamp(maxLayers, 1, kMaxLayers);
  m_limitNeurons = std::clamp(maxNeurons, 1, int(kMaxNeurons));
  m_limitDeepNeurons = std::clamp(maxDeepNeurons, 0, m_limitNeurons);
}

bool HostNetwork::init(const Capacity& capacity, int dims, QString* error) {
  m_arena.reset();  // release the old arena before taking the larger one
  m_arenaSize = 0;
  const std::size_t bytes = Network::arenaBytes(capacity);
  // calloc, not a zero-filled vector: large blocks come as lazily mapped zero pages, so a
  // 100 MB arena costs nothing until the network touches it (filling it took ~0.7 s).
  m_arena.reset(static_cast<unsigned char*>(std::calloc(bytes, 1)));
  if (!m_arena) {
    if (error) *error = tr("not enough memory for a network of %1 MB").arg(bytes >> 20);
    return false;
  }
  m_arenaSize = bytes;
  m_capacity = capacity;
  m_network.setTaskRunner(parallel::poolFor(m_pool, capacity.workers));
  Status s = m_network.init(capacity, m_arena.get(), m_arenaSize);
  if (s == Status::Ok) s = m_network.reset(dims, 0);
  if (s != Status::Ok) {
    m_arena.reset();
    m_arenaSize = 0;
    if (error) {
      *error = tr("the network could not be set up (%1)").arg(QString::fromUtf8(statusText(s)));
    }
    return false;
  }
  // The worker schedules its own rebuilds from the session's events (coalesced, cancellable);
  // the kernel's automatic ones would rebuild from its internal ring instead.
  m_network.setAutoRebuild(0.0f);
  m_network.setProfileClock(&steadyNanoseconds);
  qCDebug(lcApp) << "network arena" << m_arenaSize << "bytes for" << capacity.maxEvents
                 << "events," << capacity.maxNeurons << "neurons per layer";
  return true;
}

void HostNetwork::setDescriptorChannels(int channels) {
  if (!ready()) return;
  KnownScaling rule;
  const DescriptorConfig config = descriptorFor(channels);
  std::vector<float> prior(std::size_t(m_network.dims()), 1.0f);
  rule.standardise = channels > 0 && config.channels != 0 &&
                     config.dims() == m_network.dims() &&
                     descriptorFeatureWeights(config, kRebuildStatsWeight, prior.data(),
                                              prior.size()) == Status::Ok;
  m_network.setKnownScaling(rule, rule.standardise ? prior.data() : nullptr);
  qCDebug(lcApp) << "known-set scales:" << (rule.standardise ? "standardised" : "plain")
                 << "for" << channels << "channels," << m_network.dims() << "dims";
}

bool HostNetwork::withinLimits() const {
  return m_capacity.maxLayers <= m_limitLayers && m_capacity.maxNeurons <= m_limitNeurons &&
         (m_limitDeepNeurons == 0 || m_capacity.layerNeurons(1) <= m_limitDeepNeurons);
}

void HostNetwork::clear() {
  if (ready()) m_network.reset(m_network.dims(), 0, m_network.params());
}

QByteArray HostNetwork::modelBytes(const QStringList& names) const {
  if (!hasModel()) return QByteArray();
  std::vector<ClassName> slotNames(std::size_t(m_network.classes()));
  for (std::size_t k = 0; k < slotNames.size() && int(k) < names.size(); ++k) {
    copyName(names[int(k)], slotNames[k]);
  }
  QByteArray out(qsizetype(dlm::modelBytes(m_network)), Qt::Uninitialized);
  std::size_t written = 0;
  auto* data = reinterpret_cast<std::uint8_t*>(out.data());
  if (saveModel(m_network, slotNames.data(), data, std::size_t(out.size()), &written) != Status::Ok) {
    return QByteArray();
  }
  out.truncate(qsizetype(written));
  return out;
}

bool HostNetwork::load(const QByteArray& bytes, int events, QString* error) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.constData());
  ModelInfo info;
  Status s = inspectModel(data, std::size_t(bytes.size()), &info);
  if (s != Status::Ok) {
    if (error) *error = tr("the model is unreadable (%1)").arg(QString::fromUtf8(statusText(s)));
    return false;
  }
  if (ensure(events, info.dims, info.classes, error) == Outcome::Failed) return false;
  if (m_capacity.maxNeurons < info.maxLayerNeurons || m_capacity.maxLayers < info.depth ||
      m_capacity.layerNeurons(1) < info.maxDeepNeurons) {
    Capacity cap = m_capacity;
    cap.maxNeurons = std::max(cap.maxNeurons, info.maxLayerNeurons);
    cap.maxLayers = std::uint8_t(std::max<int>(cap.maxLayers, info.depth));
    if (cap.maxDeepNeurons != 0) {
      cap.maxDeepNeurons = std::max(cap.maxDeepNeurons, info.maxDeepNeurons);
    }
    if (!init(cap, info.dims, error)) return false;
  }
  std::vector<ClassName> names(m_capacity.maxClasses);
  s = loadModel(data, std::size_t(bytes.size()), m_network, names.data());
  if (s != Status::Ok) {
    clear();
    if (error) *error = tr("the model is unreadable (%1)").arg(QString::fromUtf8(statusText(s)));
    return false;
  }
  return true;
}

} // namespace dlm::app
