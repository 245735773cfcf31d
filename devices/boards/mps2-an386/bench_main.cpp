// Instruction counts of the lean kernel on the emulated Cortex-M4F (MPS2+ AN386).
//
// Run with `-icount shift=0` (and semihosting, for the exit status): QEMU then advances its
// virtual clock by 1 ns per guest instruction, so boardTicks() counts instructions with a
// resolution of 40 (one 25 MHz timer tick). The DWT cycle counter is not modelled; these are
// instructions, not cycles (an M4F spends about 1.1-1.5 cycles per instruction on this kind
// of code with zero-wait-state memory).
//
// The firmware's capacity (FirmwareApp::kCapacity: 256 neurons x 64 dims, 12 classes, up to
// 4 layers whose deeper ones are narrower), 64-dim descriptors.
// The network is filled with events that each commit a neuron (random points in [-1, 1]^64,
// the classes in turn: far apart, so no neuron covers the next event). At 64 and 256 neurons:
//   learn   - median of kRepeats learns that each commit a neuron, ending at that size
//             (the first-layer sweep, the new radius against every neuron, the commit)
//   predict - median of kRepeats predictions of fresh random events at that size
// plus the split of one prediction into distances / activations (expf) / readout, and at 256
// a learn into the full network (prune the least supported neuron, then commit), and predict
// at full depth: the 256-neuron first layer under every deeper layer the capacity has, each
// full (set by hand, as a loaded model would be; neurons close enough that the readout never
// skips one).
//
// Contract with tests/devices (m4f_kernel_bench): prints a "DLM-BENCH | ..." table (medians;
// distances / expf / readout split one predict) and the line "DLM-BENCH DONE" and returns 0; non-zero if the kernel misbehaves (a learn that does
// not commit, an allocation, a failed call). The targets are printed, not asserted.
#include "board.h"
#include "core/layer.h"
#include "core/network.h"
#include "core/version.h"
#include "devices/firmware/firmware_app.h"

#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace {

constexpr dlm::Capacity kCapacity = dlm::firmware::FirmwareApp::kCapacity;
constexpr int kDims = kCapacity.maxDims;
constexpr int kClasses = kCapacity.maxClasses;
constexpr int kRepeats = 9;
constexpr std::uint32_t kLearnTarget = 2000000u;   // instructions, at 256 neurons
constexpr std::uint32_t kPredictTarget = 200000u;  // instructions, at 256 neurons

alignas(16) unsigned char g_arena[160 * 1024];
alignas(16) float g_q[256];
alignas(16) float g_phi[256];
alignas(16) float g_scores[kClasses];

std::uint32_t s_seed = 0x2545F491u;

float uniform()
{
    s_seed = s_seed * 1664525u + 1013904223u;
    return static_cast<float>(s_seed >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

void randomEvent(float* x)
{
    for (int i = 0; i < kDims; ++i) {
        x[i] = uniform();
    }
}

std::uint32_t median(std::uint32_t* v, int n)
{
    for (int i = 1; i < n; ++i) { // insertion sort: n is tiny
        const std::uint32_t key = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            --j;
        }
        v[j + 1] = key;
    }
    return v[n / 2];
}

struct Bench {
    dlm::Network net;
    std::uint32_t overhead = 0; // two back-to-back boardTicks() calls
    int failures = 0;
    int label = 0;

    // Learn one fresh random event; it must commit a neuron (or prune then commit when full).
    std::uint32_t learnOne(bool expectPrune)
    {
        float x[kDims];
        randomEvent(x);
        dlm::LearnReport report;
        const std::uint32_t t0 = boardTicks();
        const dlm::Status s = net.learn(x, label, &report);
        const std::uint32_t t = boardTicks() - t0;
        label = (label + 1) % kClasses;
        if (s != dlm::Status::Ok || !report.committed || report.pruned != expectPrune) {
            std::printf("learn: status=%s committed=%d pruned=%d at %d neurons\n",
                        dlm::statusText(s), report.committed ? 1 : 0, report.pruned ? 1 : 0,
                        net.neurons(0));
            ++failures;
        }
        return t > overhead ? t - overhead : 0u;
    }

    std::uint32_t predictOne()
    {
        float x[kDims];
        randomEvent(x);
        dlm::Prediction p;
        const std::uint32_t t0 = boardTicks();
        const dlm::Status s = net.predict(x, p, net.scratch());
        const std::uint32_t t = boardTicks() - t0;
        if (s != dlm::Status::Ok || p.bestClass < 0) {
            ++failures;
        }
        return t > overhead ? t - overhead : 0u;
    }

    // One prediction's parts, through the layer's own calls (the same code predict runs).
    void split(std::uint32_t& distances, std::uint32_t& activate, std::uint32_t& readout)
    {
        float x[kDims];
        randomEvent(x);
        const dlm::Layer& layer = net.layer(0);
        std::uint32_t d[kRepeats];
        std::uint32_t a[kRepeats];
        std::uint32_t r[kRepeats];
        for (int k = 0; k < kRepeats; ++k) {
            const std::uint32_t t0 = boardTicks();
            layer.distances(x, g_q);
            const std::uint32_t t1 = boardTicks();
            layer.activate(g_q, net.params().sharpness, g_phi);
            const std::uint32_t t2 = boardTicks();
            for (float& s : g_scores) {
                s = 0.0f;
            }
            layer.readout(g_phi, g_scores);
            const std::uint32_t t3 = boardTicks();
            d[k] = t1 - t0 - overhead;
            a[k] = t2 - t1 - overhead;
            r[k] = t3 - t2 - overhead;
        }
        distances = median(d, kRepeats);
        activate = median(a, kRepeats);
        readout = median(r, kRepeats);
    }

    void row(int neurons)
    {
        // Fill with committing learns up to kRepeats short of the size, then time the last
        // kRepeats: they take the network from neurons - kRepeats to neurons.
        while (net.neurons(0) < neurons - kRepeats && failures == 0) {
            learnOne(false);
        }
        std::uint32_t learn[kRepeats];
        for (int k = 0; k < kRepeats; ++k) {
            learn[k] = learnOne(false);
        }
        std::uint32_t predict[kRepeats];
        for (int k = 0; k < kRepeats; ++k) {
            predict[k] = predictOne();
        }
        std::uint32_t distances = 0;
        std::uint32_t activate = 0;
        std::uint32_t readout = 0;
        split(distances, activate, readout);
        const std::uint32_t learnMedian = median(learn, kRepeats);
        const std::uint32_t predictMedian = median(predict, kRepeats);
        std::printf("DLM-BENCH | %7d | %4d | %15" PRIu32 " | %13" PRIu32 " | %9" PRIu32
                    " | %8" PRIu32 " | %7" PRIu32 " |\n",
                    net.neurons(0), kDims, predictMedian, learnMedian, distances, activate,
                    readout);
        if (net.neurons(0) != neurons) {
            std::printf("expected %d neurons, have %d\n", neurons, net.neurons(0));
            ++failures;
        }
        if (neurons == kCapacity.maxNeurons) {
            std::printf("DLM-BENCH target at %d neurons: predict %" PRIu32 " <= %" PRIu32
                        " %s, learn %" PRIu32 " <= %" PRIu32 " %s\n",
                        neurons, predictMedian, kPredictTarget,
                        predictMedian <= kPredictTarget ? "met" : "NOT met", learnMedian,
                        kLearnTarget, learnMedian <= kLearnTarget ? "met" : "NOT met");
        }
    }

    // Every deeper layer the capacity has, full, under the current first layer; then the
    // median predict at that depth.
    std::uint32_t predictFullDepth()
    {
        std::uint16_t counts[8] = {};
        const int depth = kCapacity.maxLayers;
        for (int l = 0; l < depth; ++l) {
            counts[l] = static_cast<std::uint16_t>(l == 0 ? net.neurons(0)
                                                          : kCapacity.layerNeurons(l));
        }
        const dlm::KernelParams params = net.params();
        // setStructure keeps the first layer's stored neurons (it only resets counts and
        // biases), so the learned layer stays and the deeper ones are filled here.
        if (net.setStructure(kDims, kClasses, depth, counts, params, net.eventsLearned()) !=
            dlm::Status::Ok) {
            ++failures;
            return 0;
        }
        float row[kDims + kClasses];
        for (int l = 1; l < depth; ++l) {
            dlm::Layer& layer = net.mutableLayer(l);
            for (int j = 0; j < layer.count; ++j) {
                randomEvent(row);
                for (int c = 0; c < kClasses; ++c) {
                    row[kDims + c] = 0.5f * (uniform() + 1.0f);
                }
                for (int i = 0; i < layer.inDims; ++i) {
                    layer.centre(j)[i] = row[i];
                    row[i] = 1.0f;  // unit metric: q ~ 45 on random events, phi ~ 1e-5
                }
                layer.setMetricRow(j, row);
                layer.labels[j] = static_cast<std::uint8_t>(j % kClasses);
                layer.support[j] = 1;
                for (int c = 0; c < kClasses; ++c) {
                    layer.weightRow(j)[c] = 0.1f * uniform();
                }
            }
        }
        net.finishLoad();
        if (net.depth() != depth) {
            ++failures;
        }
        std::uint32_t predict[kRepeats];
        for (int k = 0; k < kRepeats; ++k) {
            predict[k] = predictOne();
        }
        return median(predict, kRepeats);
    }
};

Bench g_bench;

} // namespace

int main()
{
    Bench& b = g_bench;
    const std::uint32_t mallocsBefore = boardMallocCount();
    std::uint32_t o[kRepeats];
    for (std::uint32_t& v : o) {
        const std::uint32_t t0 = boardTicks();
        v = boardTicks() - t0;
    }
    b.overhead = median(o, kRepeats);

    const std::size_t arena = dlm::Network::arenaBytes(kCapacity);
    std::printf("dlm-kernel-bench-m4f: core %s, lean kernel (DLM_CORE_REBUILD=%d), capacity "
                "%u neurons x %u dims, %u classes; arena %u bytes; timer overhead %" PRIu32
                " instructions (subtracted); resolution %u instructions\n",
                dlm::coreVersion(), DLM_CORE_REBUILD, unsigned{kCapacity.maxNeurons},
                unsigned{kCapacity.maxDims}, unsigned{kCapacity.maxClasses},
                static_cast<unsigned>(arena), b.overhead,
                unsigned{BOARD_INSTRUCTIONS_PER_TIMER_TICK});
    if (arena > sizeof g_arena ||
        b.net.init(kCapacity, g_arena, sizeof g_arena) != dlm::Status::Ok ||
        b.net.reset(kDims, 0) != dlm::Status::Ok) {
        std::printf("DLM-BENCH FAIL: network init\n");
        return 1;
    }

    std::printf("DLM-BENCH | neurons | dims | predict (instr) | learn (instr) | distances |"
                " expf     | readout |\n"
                "DLM-BENCH |---------|------|-----------------|---------------|-----------|"
                "----------|---------|\n");
    b.row(64);
    b.row(256);

    // Full: every further commit first prunes the least supported neuron.
    std::uint32_t full[kRepeats];
    for (std::uint32_t& v : full) {
        v = b.learnOne(true);
    }
    std::printf("DLM-BENCH learn into the full network (prune + commit) at %d neurons: %" PRIu32
                " instructions\n",
                b.net.neurons(0), median(full, kRepeats));

    if (kCapacity.maxLayers > 1) {
        const std::uint32_t deep = b.predictFullDepth();
        std::printf("DLM-BENCH predict at full depth (%d layers: %d + %d x %d neurons): %" PRIu32
                    " instructions; target %" PRIu32 " %s\n",
                    b.net.depth(), b.net.neurons(0), kCapacity.maxLayers - 1,
                    kCapacity.layerNeurons(1), deep, kPredictTarget,
                    deep <= kPredictTarget ? "met" : "NOT met");
    }

    const std::uint32_t mallocs = boardMallocCount() - mallocsBefore;
    if (mallocs != 0) {
        std::printf("DLM-BENCH FAIL: %" PRIu32 " heap allocations\n", mallocs);
        return 1;
    }
    if (b.failures != 0) {
        std::printf("DLM-BENCH FAIL: %d kernel failures\n", b.failures);
        return 1;
    }
    std::printf("DLM-BENCH DONE\n");
    return 0;
}
