// Self-test image for the Cortex-M4F (MPS2+ AN386 under QEMU).
//
// Until the kernel has its own self-test, this exercises the way the kernel uses Eigen on the
// MCU: fixed-size types, and dynamic-size views (Map / Ref) over statically allocated buffers,
// with an in-place Cholesky factorisation (LLT<Ref<MatrixXf>>) and a solve. No heap.
//
// Contract with tests/devices (m4f_core_selftest): print the line "DLM-SELFTEST PASS" and
// return 0 on success; return non-zero (and print "DLM-SELFTEST FAIL") otherwise.
#include "board.h"
#include "core/model_format.h"
#include "core/network.h"
#include "core/version.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <cinttypes>
#include <cstdint>
#include <cstdio>

namespace {

constexpr int kN = 16;

// Column-major storage for the dynamic-size views. Eigen never owns (or allocates) these.
alignas(16) float s_a[kN * kN];      // SPD matrix, overwritten in place by its Cholesky factor
alignas(16) float s_aCopy[kN * kN];  // pristine copy, for the residual
alignas(16) float s_m[kN * kN];      // random factor: A = M^T M / n + I
alignas(16) float s_b[kN];
alignas(16) float s_x[kN];
alignas(16) float s_r[kN];

// Deterministic pseudo-random numbers in [-1, 1) (the same on every target).
std::uint32_t s_seed = 12345u;
float nextRandom()
{
    s_seed = s_seed * 1664525u + 1013904223u;
    return static_cast<float>(s_seed >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

// newlib-nano's printf has no %f without -u _printf_float; print "d.ddde-xx" with integers.
void formatSci(char* out, std::size_t size, float v)
{
    const char* sign = v < 0.0f ? "-" : "";
    if (v < 0.0f) {
        v = -v;
    }
    int exponent = 0;
    if (v > 0.0f) {
        while (v >= 10.0f) {
            v /= 10.0f;
            ++exponent;
        }
        while (v < 1.0f) {
            v *= 10.0f;
            --exponent;
        }
    }
    auto milli = static_cast<unsigned>(v * 1000.0f + 0.5f);
    if (milli >= 10000u) {
        milli /= 10u;
        ++exponent;
    }
    std::snprintf(out, size, "%s%u.%03ue%c%02d", sign, milli / 1000u, milli % 1000u,
                  exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
}

// Dynamic-size path: in-place LLT of a 16x16 SPD matrix living in a static array.
float lltResidual16()
{
    using MapMatrix = Eigen::Map<Eigen::MatrixXf, Eigen::Aligned16>;
    using MapVector = Eigen::Map<Eigen::VectorXf, Eigen::Aligned16>;
    MapMatrix a(s_a, kN, kN);
    MapMatrix aCopy(s_aCopy, kN, kN);
    MapMatrix m(s_m, kN, kN);
    MapVector b(s_b, kN);
    MapVector x(s_x, kN);
    MapVector r(s_r, kN);

    for (int i = 0; i < kN * kN; ++i) {
        s_m[i] = nextRandom();
    }
    for (int i = 0; i < kN; ++i) {
        s_b[i] = nextRandom();
    }
    // A = M^T M / n + I, built coefficient-wise (a lazy product never needs a temporary).
    a.noalias() = m.transpose().lazyProduct(m) / static_cast<float>(kN);
    a.diagonal().array() += 1.0f;
    aCopy = a;

    Eigen::Ref<Eigen::MatrixXf> aRef(a);
    Eigen::LLT<Eigen::Ref<Eigen::MatrixXf>> llt(aRef); // factorises s_a in place
    if (llt.info() != Eigen::Success) {
        return 1.0f;
    }
    x = b;
    llt.solveInPlace(x);

    r.noalias() = aCopy.lazyProduct(x);
    r -= b;
    return r.lpNorm<Eigen::Infinity>();
}

// Fixed-size path: 4x4 SPD system, stack only.
float lltResidual4()
{
    Eigen::Matrix4f m;
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            m(i, j) = nextRandom();
        }
    }
    const Eigen::Matrix4f a = m.transpose() * m + Eigen::Matrix4f::Identity();
    Eigen::Vector4f b;
    for (int i = 0; i < 4; ++i) {
        b(i) = nextRandom();
    }
    const Eigen::Vector4f x = a.llt().solve(b);
    return (a * x - b).lpNorm<Eigen::Infinity>();
}

} // namespace

// The kernel itself on the board: learn a 4-class problem from zero, one event at a time,
// with a board-sized capacity (no event memory, no least-squares workspace), predict, and
// round-trip the model bytes. Returns the number of failed checks.
alignas(16) static unsigned char g_arena[48 * 1024];
// Model format v2 carries the calibration; 64 neurons x 16 dims x 4 classes is ~10 KB.
alignas(4) static std::uint8_t g_model[16 * 1024];

static float pseudoNoise(std::uint32_t& s)
{
    s = s * 1664525u + 1013904223u;
    return static_cast<float>((s >> 8) & 0xFFFF) / 65535.0f - 0.5f;
}

static int kernelChecks(std::uint32_t& learnInstructions, std::uint32_t& predictInstructions,
                        int& neurons)
{
    dlm::Capacity cap;
    cap.maxNeurons = 64;
    cap.maxDims = 16;
    cap.maxLayers = 1;
    cap.maxClasses = 4;
    cap.maxEvents = 0;
    cap.exactReadout = false;
    dlm::Network net;
    if (dlm::Network::arenaBytes(cap) > sizeof g_arena) return 100;
    if (net.init(cap, g_arena, sizeof g_arena) != dlm::Status::Ok) return 101;
    net.reset(16, 0);
    std::uint32_t seed = 7;
    float x[16];
    auto event = [&](int label) {
        for (int d = 0; d < 16; ++d) x[d] = (d == label * 4 ? 2.0f : 0.0f) + 0.3f * pseudoNoise(seed);
    };
    int failures = 0;
    for (int i = 0; i < 200; ++i) {
        event(i % 4);
        const std::uint32_t t0 = boardTicks();
        const dlm::Status learned = net.learn(x, i % 4);
        if (learned != dlm::Status::Ok) {
            std::printf("kernel: learn %d: %s\n", i, dlm::statusText(learned));
            ++failures;
        }
        learnInstructions = boardTicks() - t0;
    }
    int right = 0;
    int known = 0;
    dlm::Prediction p;
    for (int i = 0; i < 100; ++i) {
        event(i % 4);
        const std::uint32_t t0 = boardTicks();
        net.predict(x, p, net.scratch());
        predictInstructions = boardTicks() - t0;
        right += p.bestClass == i % 4 ? 1 : 0;
        known += p.known ? 1 : 0;
    }
    // Fresh events of known classes: the calibrated threshold rejects about 5% of them.
    if (right < 95 || known < 85) {
        std::printf("kernel: best class right for %d of 100, %d accepted\n", right, known);
        ++failures;
    }
    std::size_t written = 0;
    dlm::Status s = dlm::saveModel(net, nullptr, g_model, sizeof g_model, &written);
    if (s != dlm::Status::Ok) {
        std::printf("kernel: save: %s (%u bytes)\n", dlm::statusText(s),
                    static_cast<unsigned>(dlm::modelBytes(net)));
        ++failures;
    }
    s = dlm::loadModel(g_model, written, net, nullptr);
    if (s != dlm::Status::Ok) {
        std::printf("kernel: load: %s\n", dlm::statusText(s));
        ++failures;
    }
    g_model[written / 2] ^= 0x01;
    s = dlm::loadModel(g_model, written, net, nullptr);
    if (s != dlm::Status::BadCrc) {
        std::printf("kernel: damaged model: %s, not BadCrc\n", dlm::statusText(s));
        ++failures;
    }
    neurons = net.neurons(0);
    return failures;
}

int main()
{
    const std::uint32_t mallocsBefore = boardMallocCount();
    const std::uint32_t t0 = boardTicks();
    const float residual16 = lltResidual16();
    const std::uint32_t t1 = boardTicks();
    const float residual4 = lltResidual4();
    std::uint32_t learnInstructions = 0;
    std::uint32_t predictInstructions = 0;
    int neurons = 0;
    const int kernelFailures = kernelChecks(learnInstructions, predictInstructions, neurons);
    const std::uint32_t mallocs = boardMallocCount() - mallocsBefore;

    const bool ok = residual16 < 1e-4f && residual4 < 1e-4f && mallocs == 0 && kernelFailures == 0;
    std::printf("kernel: neurons=%d learn_instructions=%" PRIu32 " predict_instructions=%" PRIu32
                " failures=%d\n", neurons, learnInstructions, predictInstructions, kernelFailures);

    char r16[24];
    char r4[24];
    formatSci(r16, sizeof r16, residual16);
    formatSci(r4, sizeof r4, residual4);
    std::printf("dlm-core-selftest-m4f: core %s llt16 residual=%s llt4 residual=%s "
                "llt16_instructions=%" PRIu32 " mallocs=%" PRIu32 "\n",
                dlm::coreVersion(), r16, r4, t1 - t0, mallocs);
    std::printf("DLM-SELFTEST %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
