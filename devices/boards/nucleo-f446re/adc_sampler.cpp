// ADC1 + TIM3 TRGO + DMA2 stream 0 on the Nucleo-F446RE; see adc_sampler.h.
#include "adc_sampler.h"

#include "board.h"
#include "stm32f446.h"

extern "C" {
void DMA2_Stream0_IRQHandler(void);
void ADC_IRQHandler(void);
}

namespace dlm::boards {

namespace {

using namespace f446;

constexpr std::uint32_t kRingValues = AdcSampler::kRingFrames * AdcSampler::kChannels;
static_assert((AdcSampler::kRingFrames & (AdcSampler::kRingFrames - 1u)) == 0,
              "ring frames must be a power of two (frame counters wrap at 2^32)");
// Written by the DMA only.
alignas(4) volatile std::uint16_t s_ring[kRingValues];
volatile std::uint32_t s_laps = 0;       // completed passes over s_ring
volatile bool s_overrun = false;         // ADC OVR: the DMA request chain stopped
constexpr std::uint32_t kDmaSpins = 10000u;  // EN clears within a few bus cycles

// Sampling time 480 ADC cycles per channel (SMP = 7): 3 x (480 + 12) cycles at 22.5 MHz
// = 66 us a scan, far inside the 1 ms period, and gentle on high-impedance sensors.
constexpr std::uint32_t kSmp480 = 0x7u;

} // namespace

void AdcSampler::start(std::uint32_t timerClock, std::uint32_t rateHz) {
  m_timerClock = timerClock;
  m_rateHz = rateHz;
  // ADC clock PCLK2 / 4 = 22.5 MHz (at most 36 MHz). 12 bits, scan IN0, IN1, IN4.
  reg(kAdcCcr) = kAdcCcrAdcpreDiv4;
  reg(kAdc1 + kAdcCr2) = 0;
  reg(kAdc1 + kAdcCr1) = kAdcCr1Scan | kAdcCr1Ovrie;
  reg(kAdc1 + kAdcSmpr2) = (kSmp480 << 0) | (kSmp480 << 3) | (kSmp480 << 12);
  reg(kAdc1 + kAdcSqr1) = (kChannels - 1u) << 20;
  reg(kAdc1 + kAdcSqr3) = (0u << 0) | (1u << 5) | (4u << 10);
  nvicEnable(kIrqDma2Stream0, 0x40);
  nvicEnable(kIrqAdc, 0x40);
  restart();
}

// DMA first, then the ADC (ADON, then DMA requests on every trigger), then the timer.
void AdcSampler::restart() {
  reg(kTim3 + kTimCr1) = 0;
  reg(kAdc1 + kAdcCr2) = 0;
  reg(kAdc1 + kAdcSr) = 0;
  s_overrun = false;
  startDma();
  reg(kAdc1 + kAdcCr2) = kAdcCr2Adon;
  // tSTAB (3 us) passes while the timer is set up below (the first trigger is 1 ms away).
  reg(kAdc1 + kAdcCr2) = kAdcCr2Adon | kAdcCr2Dma | kAdcCr2Dds | kAdcCr2ExtselTim3Trgo |
                         kAdcCr2ExtenRising;
  // TIM3: 1 MHz counter, update (TRGO) every 1000 counts.
  reg(kTim3 + kTimPsc) = m_timerClock / 1000000u - 1u;
  reg(kTim3 + kTimArr) = 1000000u / m_rateHz - 1u;
  reg(kTim3 + kTimCr2) = kTimCr2MmsUpdate;
  reg(kTim3 + kTimEgr) = kTimEgrUg;
  reg(kTim3 + kTimCr1) = kTimCr1Cen;
  m_read = framesWritten();
}

void AdcSampler::startDma() {
  reg(kDmaS0Cr) = 0;
  std::uint32_t spin = 0;
  while ((reg(kDmaS0Cr) & kDmaCrEn) != 0 && ++spin < kDmaSpins) {
  }
  if ((reg(kDmaS0Cr) & kDmaCrEn) != 0)
    NucleoBoard::fault(NucleoBoard::faults().dmaError, "DMA2 stream 0 did not stop");
  reg(kDmaLifcr) = kDmaS0AllFlags;
  s_laps = 0;
  reg(kDmaS0Par) = static_cast<std::uint32_t>(kAdc1 + kAdcDr);
  reg(kDmaS0M0ar) = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&s_ring[0]));
  reg(kDmaS0Ndtr) = kRingValues;
  // Channel 0 (ADC1), peripheral to memory, 16-bit both sides, memory increment, circular.
  reg(kDmaS0Cr) = kDmaCrMinc | kDmaCrCirc | kDmaCrPsize16 | kDmaCrMsize16 | kDmaCrPlHigh |
                  kDmaCrTcie | kDmaCrTeie | kDmaCrDmeie;
  reg(kDmaS0Cr) |= kDmaCrEn;
}

// Complete frames the DMA has written since startDma(), modulo 2^32 (kRingFrames divides it).
std::uint32_t AdcSampler::framesWritten() const {
  const std::uint32_t primask = maskInterrupts();
  std::uint32_t laps = s_laps;
  const std::uint32_t ndtr = reg(kDmaS0Ndtr);
  // A lap completed but not yet counted by the interrupt (masked here): its flag is up. If
  // NDTR was read after the reload (most of the ring left), that lap is behind the reading.
  if ((reg(kDmaLisr) & kDmaS0Tcif) != 0 && ndtr > kRingValues / 2u) ++laps;
  restoreInterrupts(primask);
  const std::uint32_t values = kRingValues - (ndtr <= kRingValues ? ndtr : kRingValues);
  return laps * kRingFrames + values / kChannels;
}

std::uint32_t AdcSampler::pull(std::int16_t* out, std::uint32_t maxFrames) {
  if (s_overrun) {
    NucleoBoard::fault(NucleoBoard::faults().adcOverrun, "ADC overrun; sampling restarted");
    restart();
    return 0;
  }
  const std::uint32_t written = framesWritten();
  std::uint32_t waiting = written - m_read;
  if (waiting > kMaxBacklogFrames) {
    m_skipped += waiting - kMaxBacklogFrames;
    m_read = written - kMaxBacklogFrames;
    waiting = kMaxBacklogFrames;
  }
  const std::uint32_t n = waiting < maxFrames ? waiting : maxFrames;
  for (std::uint32_t f = 0; f < n; ++f) {
    const std::uint32_t base = ((m_read + f) & (kRingFrames - 1u)) * kChannels;
    for (std::uint32_t c = 0; c < kChannels; ++c) {
      const std::int32_t code = static_cast<std::int32_t>(s_ring[base + c] & 0x0FFFu);
      out[f * kChannels + c] = static_cast<std::int16_t>((code - 2048) * 16);
    }
  }
  m_read += n;
  return n;
}

void AdcSampler::resync() {
  const std::uint32_t written = framesWritten();
  m_skipped += written - m_read;
  m_read = written;
}

void AdcSampler::onDmaInterrupt() {
  const std::uint32_t flags = reg(kDmaLisr) & kDmaS0AllFlags;
  reg(kDmaLifcr) = flags;
  if ((flags & kDmaS0Tcif) != 0) s_laps = s_laps + 1u;
  if ((flags & (kDmaS0Teif | kDmaS0Dmeif)) != 0) {
    ++NucleoBoard::faults().dmaError;
    s_overrun = true;  // a transfer error disables the stream: restart the chain
  }
}

void AdcSampler::onAdcInterrupt() {
  if ((reg(kAdc1 + kAdcSr) & kAdcSrOvr) != 0) {
    reg(kAdc1 + kAdcSr) = ~kAdcSrOvr;
    s_overrun = true;
  }
}

} // namespace dlm::boards

extern "C" void DMA2_Stream0_IRQHandler(void) { dlm::boards::AdcSampler::onDmaInterrupt(); }
extern "C" void ADC_IRQHandler(void) { dlm::boards::AdcSampler::onAdcInterrupt(); }
