// The firmware of the ST Nucleo-F446RE: the board-independent FirmwareApp on the
// NucleoF446rePort, the same image on the chip and under QEMU's netduinoplus2:
//
//   qemu-system-arm -M netduinoplus2 -nographic -monitor none -serial null -serial pty
//       -kernel dlm-firmware-nucleo-f446re.elf
//
// USART2 is the studio link (the second -serial; QEMU prints "char device redirected to
// /dev/pts/N"); USART1, the first -serial, is the log console: the port's log lines and, every
// second, a line of board figures (clock, sample source, stack peak, faults, app counters).
#include <cstdint>

#include "board.h"
#include "port.h"
#include "uart.h"

#include "devices/firmware/console_line.h"
#include "devices/firmware/firmware_app.h"

namespace {

dlm::boards::NucleoF446rePort g_port;
dlm::firmware::FirmwareApp g_app;
alignas(16) unsigned char g_arena[dlm::firmware::FirmwareApp::kArenaBytes];

constexpr std::uint32_t kReportIntervalUs = 1000000u;

void report() {
  using dlm::boards::NucleoBoard;
  const dlm::firmware::AppCounters& c = g_app.counters();
  const dlm::protocol::DecoderStats& d = g_app.decoderStats();
  dlm::boards::BoardFaults& faults = NucleoBoard::faults();
  faults.uartErrors = dlm::boards::linkUart().errors();
  dlm::firmware::ConsoleLine<320> line;
  line.text("nucleo-f446re:")
      .field("uptime_ms", g_app.uptimeMs())
      .field("emulated", NucleoBoard::emulated() ? 1u : 0u)
      .field("hclk_mhz", NucleoBoard::clocks().hclk / 1000000u)
      .field("adc", g_port.usesAdc() ? 1u : 0u)
      .field("faults", faults.total())
      .field("stack_peak", NucleoBoard::stackPeakBytes())
      .field("heap", NucleoBoard::heapUsed())
      .field("mallocs", NucleoBoard::mallocCount())
      .field("rx_bytes", dlm::boards::linkUart().rxBytes())
      .field("rx_stalls", dlm::boards::linkUart().rxStalls())
      .field("uart_errors", faults.uartErrors)
      .field("log_dropped", faults.logDropped)
      .field("sample_overruns", g_port.sampleOverruns())
      .field("samples_sent", c.samplesSent)
      .field("samples_dropped", c.samplesDropped)
      .field("events", c.eventsDetected)
      .field("bytes_sent", c.bytesSent)
      .field("frames_ok", d.framesOk)
      .field("frame_errors", d.crcErrors + d.cobsErrors + d.oversize + d.malformed +
                                 d.versionMismatches)
      .field("neurons", static_cast<std::uint32_t>(g_app.network().neurons(0)));
  NucleoBoard::logLine(line.str());
}

void announce() {
  using dlm::boards::NucleoBoard;
  dlm::firmware::ConsoleLine<320> line;
  line.text(NucleoBoard::emulated()
                ? "nucleo-f446re: emulated (RCC reads 0): synthetic samples, model slots in RAM"
                : "nucleo-f446re: on the chip: model slots in flash sectors 6-7,");
  if (!NucleoBoard::emulated()) line.text(g_port.usesAdc() ? " ADC A0-A2" : " synthetic samples");
  line.field("hclk_mhz", NucleoBoard::clocks().hclk / 1000000u)
      .field("slot_bytes", g_port.storageCapacity())
      .field("neurons", dlm::firmware::FirmwareApp::kCapacity.maxNeurons)
      .field("arena", static_cast<std::uint32_t>(sizeof g_arena))
      .field("arena_need", static_cast<std::uint32_t>(
                               dlm::Network::arenaBytes(dlm::firmware::FirmwareApp::kCapacity)));
  NucleoBoard::logLine(line.str());
}

} // namespace

int main() {
  dlm::boards::NucleoBoard::init();
  g_port.init();
  announce();
  if (!g_app.init(g_port, g_arena, sizeof g_arena)) {
    dlm::boards::NucleoBoard::logLine("nucleo-f446re: FirmwareApp::init failed");
    for (;;) dlm::boards::NucleoBoard::sleep();
  }
  dlm::boards::NucleoBoard::logLine("nucleo-f446re: firmware running");
  std::uint32_t lastReport = g_port.micros();
  for (;;) {
    g_app.poll();
    const std::uint32_t now = g_port.micros();
    if (now - lastReport >= kReportIntervalUs) {
      lastReport = now;
      report();
    }
    dlm::boards::NucleoBoard::sleep();
  }
}
