// The spectral front-end (core/spectral.h, issue 13) on the emulated Cortex-M4F: its cost per
// event in instructions, and its descriptors of fixed signals for the host to compare.
//
// Run with `-icount shift=0` (tests/devices: m4f_spectral_bench, test_m4f_spectral_qemu):
// boardTicks() then counts instructions with a resolution of 40 (see bench_main.cpp).
// Two events from spectral_signal.h:
//   sound     - 1 s at 16 kHz, mono, the sound preset (10 mel bands x 6 slices, 62 dims);
//               also its first half (0.5 s), to show the cost grows with the event
//   vibration - 2048 frames of 3 axes at 25.6 kHz, the vibration preset (64 dims)
// Contract with tests/devices: prints, per event, "DLM-SPECTRAL cost <name> frames=<n>
// init=<instructions> compute=<instructions>", then each value as
// "DLM-SPECTRAL value <name> <index> <IEEE-754 bits in hex>", and "DLM-SPECTRAL DONE"; returns
// 0, or non-zero if a call fails or anything allocates.
#include "board.h"
#include "core/front_end.h"
#include "spectral_signal.h"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace {

constexpr std::uint32_t kSoundFrames = 16000;
constexpr std::uint32_t kVibrationFrames = 2048;

std::int16_t g_sound[kSoundFrames];
std::int16_t g_vibration[kVibrationFrames * 3];
alignas(16) std::uint8_t g_work[8192];
float g_descriptor[dlm::kMaxDescriptorDims];

// Computes and prints one event's descriptor; false on any failure.
bool run(const char* name, const dlm::FrontEndConfig& config, const std::int16_t* samples,
         std::uint32_t frames, bool printValues)
{
    dlm::EventFrontEnd frontEnd;
    const std::uint32_t t0 = boardTicks();
    const dlm::Status init = frontEnd.init(config, g_work, sizeof g_work);
    const std::uint32_t t1 = boardTicks();
    const dlm::Status computed =
        frontEnd.compute(samples, frames, g_descriptor, dlm::kMaxDescriptorDims);
    const std::uint32_t t2 = boardTicks();
    if (init != dlm::Status::Ok || computed != dlm::Status::Ok) {
        std::printf("DLM-SPECTRAL FAIL %s: %s / %s\n", name, dlm::statusText(init),
                    dlm::statusText(computed));
        return false;
    }
    std::printf("DLM-SPECTRAL cost %s frames=%" PRIu32 " dims=%u work=%u init=%" PRIu32
                " compute=%" PRIu32 "\n",
                name, frames, static_cast<unsigned>(config.dims()),
                static_cast<unsigned>(dlm::EventFrontEnd::workBytes(config)), t1 - t0, t2 - t1);
    for (int i = 0; printValues && i < config.dims(); ++i) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &g_descriptor[i], sizeof bits);
        std::printf("DLM-SPECTRAL value %s %d %08" PRIx32 "\n", name, i, bits);
    }
    return true;
}

} // namespace

int main()
{
    const std::uint32_t mallocsBefore = boardMallocCount();
    dlm::bench::soundSignal(g_sound, kSoundFrames);
    dlm::bench::vibrationSignal(g_vibration, kVibrationFrames);
    const dlm::FrontEndConfig sound = dlm::spectralFrontEnd(dlm::soundSpectral());
    const dlm::FrontEndConfig vibration = dlm::spectralFrontEnd(dlm::vibrationSpectral(25600, 3));
    bool ok = run("sound", sound, g_sound, kSoundFrames, true);
    ok = run("sound-half", sound, g_sound, kSoundFrames / 2, true) && ok;
    ok = run("vibration", vibration, g_vibration, kVibrationFrames, true) && ok;
    const std::uint32_t mallocs = boardMallocCount() - mallocsBefore;
    if (mallocs != 0) {
        std::printf("DLM-SPECTRAL FAIL: %" PRIu32 " heap allocations\n", mallocs);
        ok = false;
    }
    if (!ok) {
        return 1;
    }
    std::printf("DLM-SPECTRAL DONE\n");
    return 0;
}
