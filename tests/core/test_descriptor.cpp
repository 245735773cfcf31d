#include <QtTest>

#include <cmath>
#include <vector>

#include "core/descriptor.h"

using dlm::DescriptorConfig;
using dlm::Status;
using dlm::descriptorFeatureWeights;
using dlm::descriptorFor;

class TestDescriptor : public QObject {
  Q_OBJECT

  static std::vector<std::int16_t> gesture(int frames, float amplitude) {
    std::vector<std::int16_t> s;
    for (int f = 0; f < frames; ++f) {
      const float t = float(f) / float(frames);
      s.push_back(std::int16_t(amplitude * std::sin(6.2831853f * t)));
      s.push_back(std::int16_t(amplitude * 0.5f * std::cos(6.2831853f * t)));
      s.push_back(std::int16_t(100));
    }
    return s;
  }

private slots:
  void featureWeightsFollowTheLayout() {
    // Issue 10: bins weigh 1, each channel's statistics and the duration the given weight.
    const DescriptorConfig c = descriptorFor(3);
    std::vector<float> w(c.dims(), 0.0f);
    QCOMPARE(descriptorFeatureWeights(c, 3.0f, w.data(), w.size()), Status::Ok);
    int heavy = 0;
    for (int i = 0; i < c.dims(); ++i) heavy += w[std::size_t(i)] == 3.0f ? 1 : 0;
    QCOMPARE(heavy, 3 * DescriptorConfig::kStatsPerChannel + 1);
    QCOMPARE(w[0], 1.0f);
    QCOMPARE(w[std::size_t(c.bins)], 3.0f);              // channel 0's RMS
    QCOMPARE(w[std::size_t(c.bins + 3)], 1.0f);          // channel 1's first bin
    QCOMPARE(w[std::size_t(c.dims() - 1)], 3.0f);        // duration
    QCOMPARE(descriptorFeatureWeights(c, 3.0f, w.data(), w.size() - 1), Status::BufferTooSmall);
    QCOMPARE(descriptorFeatureWeights(c, 0.0f, w.data(), w.size()), Status::InvalidArgument);
    QCOMPARE(descriptorFeatureWeights(descriptorFor(0), 3.0f, w.data(), w.size()),
             Status::InvalidArgument);
  }

  void dimsFollowConfig() {
    DescriptorConfig c;
    QCOMPARE(int(c.dims()), 3 * (16 + 3) + 1);
    c.channels = 6;
    c.bins = 8;
    QCOMPARE(int(c.dims()), 6 * 11 + 1);
  }

  void channelCountSizesTheDescriptorWithinTheBoardsDims() {
    // Three channels: exactly the default configuration, as every board has always used.
    const DescriptorConfig three = dlm::descriptorFor(3);
    QCOMPARE(int(three.channels), 3);
    QCOMPARE(int(three.bins), int(DescriptorConfig().bins));
    QCOMPARE(int(three.dims()), int(DescriptorConfig().dims()));
    QCOMPARE(int(dlm::descriptorFor(1).dims()), 20);
    QCOMPARE(int(dlm::descriptorFor(1).bins), 16);
    // Six channels: fewer bins, within the boards' 64 dimensions.
    const DescriptorConfig six = dlm::descriptorFor(6);
    QCOMPARE(int(six.bins), 7);
    QCOMPARE(int(six.dims()), 61);
    for (int channels = 1; channels <= dlm::kMaxSensorChannels; ++channels)
      QVERIFY(dlm::descriptorFor(channels).dims() <= dlm::kMaxDescriptorDims);
    // Not even one bin per channel: refused, and computeDescriptor() says so.
    const DescriptorConfig none = dlm::descriptorFor(16);
    QCOMPARE(int(none.channels), 0);
    QCOMPARE(int(dlm::descriptorFor(0).channels), 0);
    std::vector<std::int16_t> s(16 * 10, 1);
    std::vector<float> out(64);
    QCOMPARE(dlm::computeDescriptor(none, s.data(), 10, out.data(), out.size()),
             Status::InvalidArgument);
    // A studio with room for more gets more bins, never more than the default.
    QCOMPARE(int(dlm::descriptorFor(6, 200).bins), 16);
  }

  void deterministicBitForBit() {
    DescriptorConfig c;
    const auto s = gesture(300, 8000.0f);
    std::vector<float> a(c.dims()), b(c.dims());
    QCOMPARE(dlm::computeDescriptor(c, s.data(), 300, a.data(), a.size()), Status::Ok);
    QCOMPARE(dlm::computeDescriptor(c, s.data(), 300, b.data(), b.size()), Status::Ok);
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
  }

  void shapeIsSpeedInvariant() {
    // The same gesture performed faster keeps its shape bins; only the duration differs.
    DescriptorConfig c;
    const auto slow = gesture(640, 8000.0f);
    const auto fast = gesture(320, 8000.0f);
    std::vector<float> a(c.dims()), b(c.dims());
    dlm::computeDescriptor(c, slow.data(), 640, a.data(), a.size());
    dlm::computeDescriptor(c, fast.data(), 320, b.data(), b.size());
    for (int i = 0; i < c.bins; ++i) QVERIFY(std::fabs(a[i] - b[i]) < 0.01f);
    QVERIFY(std::fabs(a.back() - 2.0f * b.back()) < 1e-6f);
  }

  void amplitudeScalesFeatures() {
    DescriptorConfig c;
    const auto small = gesture(256, 2000.0f);
    const auto large = gesture(256, 8000.0f);
    std::vector<float> a(c.dims()), b(c.dims());
    dlm::computeDescriptor(c, small.data(), 256, a.data(), a.size());
    dlm::computeDescriptor(c, large.data(), 256, b.data(), b.size());
    QVERIFY(b[c.bins] > 3.5f * a[c.bins]); // detrended RMS of channel 0
  }

  void rejectsBadArguments() {
    DescriptorConfig c;
    std::vector<float> out(c.dims());
    const auto s = gesture(10, 1000.0f);
    QCOMPARE(dlm::computeDescriptor(c, nullptr, 10, out.data(), out.size()),
             Status::InvalidArgument);
    QCOMPARE(dlm::computeDescriptor(c, s.data(), 0, out.data(), out.size()),
             Status::InvalidArgument);
    QCOMPARE(dlm::computeDescriptor(c, s.data(), 10, out.data(), out.size() - 1),
             Status::BufferTooSmall);
    // Windows shorter than the bin count still give finite values.
    QCOMPARE(dlm::computeDescriptor(c, s.data(), 3, out.data(), out.size()), Status::Ok);
    for (float v : out) QVERIFY(std::isfinite(v));
  }
};

QTEST_APPLESS_MAIN(TestDescriptor)
#include "test_descriptor.moc"
