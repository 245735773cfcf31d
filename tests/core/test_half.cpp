#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/half.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
// The CPU's own conversion (F16C), round to nearest even: the reference when present.
__attribute__((target("f16c"))) static std::uint16_t hardwareHalf(float x) {
  return static_cast<std::uint16_t>(_cvtss_sh(x, _MM_FROUND_TO_NEAREST_INT));
}
static bool hasF16c() { return __builtin_cpu_supports("f16c"); }
#else
static std::uint16_t hardwareHalf(float) { return 0; }
static bool hasF16c() { return false; }
#endif

using namespace dlm;

namespace {
float fromBits(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}
} // namespace

class TestHalf : public QObject {
  Q_OBJECT

private slots:
  void everyHalfRoundTrips() {
    for (std::uint32_t h = 0; h <= 0xffffu; ++h) {
      const float f = floatFromHalf(std::uint16_t(h));
      if (std::isnan(f)) {
        QVERIFY(((h >> 10) & 0x1f) == 0x1f && (h & 0x3ff) != 0);
        QVERIFY(std::isnan(floatFromHalf(halfFromFloat(f))));
        continue;
      }
      QCOMPARE(halfFromFloat(f), std::uint16_t(h));
    }
  }

  void knownValues() {
    QCOMPARE(floatFromHalf(0x3c00), 1.0f);
    QCOMPARE(floatFromHalf(0x7bff), 65504.0f);
    QCOMPARE(floatFromHalf(0x0001), std::ldexp(1.0f, -24));
    QCOMPARE(floatFromHalf(0xc000), -2.0f);
    QVERIFY(std::isinf(floatFromHalf(0x7c00)));
  }

  void roundsToNearestEven() {
    const float ulp = std::ldexp(1.0f, -10);  // spacing of halves in [1, 2)
    QCOMPARE(halfFromFloat(1.0f + ulp / 2), std::uint16_t(0x3c00));      // tie: even (down)
    QCOMPARE(halfFromFloat(1.0f + 3 * ulp / 2), std::uint16_t(0x3c02));  // tie: even (up)
    QCOMPARE(halfFromFloat(std::nextafter(1.0f + ulp / 2, 2.0f)), std::uint16_t(0x3c01));
    QCOMPARE(halfFromFloat(65519.0f), std::uint16_t(0x7bff));
    QCOMPARE(halfFromFloat(65520.0f), std::uint16_t(0x7c00));  // tie with 2^16: infinity
    QCOMPARE(halfFromFloat(std::ldexp(1.0f, -25)), std::uint16_t(0));  // tie with 0: even
    QCOMPARE(halfFromFloat(std::ldexp(1.5f, -25)), std::uint16_t(1));
    QCOMPARE(halfFromFloat(std::ldexp(1023.5f, -24)), std::uint16_t(0x400)); // carry to normal
    QCOMPARE(halfFromFloat(-0.0f), std::uint16_t(0x8000));
    QCOMPARE(halfFromFloat(-std::numeric_limits<float>::infinity()), std::uint16_t(0xfc00));
  }

  void matchesTheCpuOnRandomFloats() {
    if (!hasF16c()) QSKIP("no F16C on this CPU to compare with");
    std::uint32_t s = 12345;
    for (int k = 0; k < 2000000; ++k) {
      s = s * 1664525u + 1013904223u;
      const float f = fromBits(s);
      if (std::isnan(f)) continue;
      QCOMPARE(halfFromFloat(f), hardwareHalf(f));
    }
  }

  void metricRowsKeepTheirShape() {
    float row[6] = {4.0f, 3.1f, 1e-9f, 0.0f, 1000.0f, 0.33f};
    const float original[6] = {4.0f, 3.1f, 1e-9f, 0.0f, 1000.0f, 0.33f};
    std::uint16_t bits[6] = {};
    const float scale = quantizeMetricRow(row, 6, bits);
    QCOMPARE(scale, 1024.0f);  // 1000 = 0.977 x 2^10
    for (int i = 0; i < 6; ++i) {
      QCOMPARE(row[i], floatFromHalf(bits[i]) * scale);  // what compact storage decodes
      // Within half an ulp of a half-precision fraction of the scale (subnormals included).
      QVERIFY(std::fabs(row[i] - original[i]) <= scale * std::ldexp(1.0f, -12) + 1e-30f);
    }
    QVERIFY(row[2] > 0.0f);   // a tiny positive extent stays positive
    QCOMPARE(row[3], 0.0f);
    float again[6];
    std::memcpy(again, row, sizeof again);
    QCOMPARE(quantizeMetricRow(again, 6), scale);
    QVERIFY(std::memcmp(again, row, sizeof again) == 0);  // idempotent
  }

  void metricRowsStayFixedWhenTheLargestRoundsUp() {
    // 0.99999 is 0.99999 x 2^0, but rounds to 1.0 in half precision: with scale 1 the row
    // would quantise to 1.0 = 0.5 x 2^1, and a second pass (a saved model loaded again) at
    // scale 2 would move 0.3 (found by the model loader's fuzz target).
    float row[3] = {0.99999f, 0.3f, 0.123456f};
    const float scale = quantizeMetricRow(row, 3);
    QCOMPARE(scale, 2.0f);
    QCOMPARE(row[0], 1.0f);
    float again[3];
    std::memcpy(again, row, sizeof again);
    QCOMPARE(quantizeMetricRow(again, 3), scale);
    QVERIFY(std::memcmp(again, row, sizeof again) == 0);
    // And for rows of every size, near every power of two: quantising twice changes nothing.
    std::uint32_t s = 99;
    for (int k = 0; k < 20000; ++k) {
      float values[8];
      for (float& v : values) {
        s = s * 1664525u + 1013904223u;
        v = std::ldexp(1.0f - float(s >> 20) * 1e-7f, int(s % 40) - 20);
      }
      float first[8];
      std::memcpy(first, values, sizeof first);
      const float a = quantizeMetricRow(first, 8);
      float second[8];
      std::memcpy(second, first, sizeof second);
      QCOMPARE(quantizeMetricRow(second, 8), a);
      QVERIFY(std::memcmp(first, second, sizeof first) == 0);
    }
  }

  void metricRowsSurviveHostileValues() {
    float row[4] = {std::numeric_limits<float>::infinity(), -1.0f,
                    std::numeric_limits<float>::quiet_NaN(), 2.0f};
    const float scale = quantizeMetricRow(row, 4);
    QVERIFY(std::isfinite(scale));
    for (float v : row) QVERIFY(std::isfinite(v) && v >= 0.0f);
  }
};

QTEST_APPLESS_MAIN(TestHalf)
#include "test_half.moc"
