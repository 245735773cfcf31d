// The firmware of the emulated Cortex-M4F board (MPS2+ AN386 under QEMU): the
// board-independent FirmwareApp on the Mps2An386Port.
//
//   qemu-system-arm -M mps2-an386 -nographic -monitor none -serial pty
//       [-serial file:uart1.log] [-semihosting-config enable=on,target=native]
//       -kernel dlm-firmware-mps2-an386.elf
//
// UART0 is the studio link (QEMU prints "char device redirected to /dev/pts/N"); UART1, the
// second -serial if any, gets the port's log and, every second, a line of board figures
// (stack peak, receive-ring stalls, sample overruns, app counters). Semihosting is optional:
// it is used only if the firmware faults (the fault handler exits QEMU with status 3).
#include "board.h"
#include "port.h"

#include "devices/firmware/console_line.h"
#include "devices/firmware/firmware_app.h"

#include <cstdint>

namespace {

dlm::boards::Mps2An386Port g_port;
dlm::firmware::FirmwareApp g_app;
alignas(16) unsigned char g_arena[dlm::firmware::FirmwareApp::kArenaBytes];

constexpr std::uint32_t kReportIntervalUs = 1000000u;

void report() {
  const dlm::firmware::AppCounters& c = g_app.counters();
  const dlm::protocol::DecoderStats& d = g_app.decoderStats();
  dlm::firmware::ConsoleLine<240> line;
  line.text("mps2-an386:")
      .field("uptime_ms", g_app.uptimeMs())
      .field("stack_peak", dlm::boards::Mps2An386Port::stackPeakBytes())
      .field("heap", boardHeapUsed())
      .field("mallocs", boardMallocCount())
      .field("rx_bytes", g_port.rxBytes())
      .field("rx_stalls", g_port.rxStalls())
      .field("sample_overruns", g_port.sampleOverruns())
      .field("samples_sent", c.samplesSent)
      .field("samples_dropped", c.samplesDropped)
      .field("events", c.eventsDetected)
      .field("bytes_sent", c.bytesSent)
      .field("frames_ok", d.framesOk)
      .field("frame_errors", d.crcErrors + d.cobsErrors + d.oversize + d.malformed +
                                 d.versionMismatches)
      .field("neurons", static_cast<std::uint32_t>(g_app.network().neurons(0)));
  dlm::boards::Mps2An386Port::logLine(line.str());
}

} // namespace

int main() {
  g_port.init();
  if (!g_app.init(g_port, g_arena, sizeof g_arena)) {
    dlm::boards::Mps2An386Port::logLine("mps2-an386: FirmwareApp::init failed");
    return 2;
  }
  dlm::boards::Mps2An386Port::logLine("mps2-an386: firmware running");
  std::uint32_t lastReport = g_port.micros();
  for (;;) {
    g_app.poll();
    const std::uint32_t now = g_port.micros();
    if (now - lastReport >= kReportIntervalUs) {
      lastReport = now;
      report();
    }
    g_port.idle();
  }
}
