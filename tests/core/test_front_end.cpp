// The front-end a model records (core/front_end.h, model format 4): the block's bytes, a
// spectral model's round trip, motion models unchanged, and EventFrontEnd's dispatch.
#include <QtTest>

#include <cstring>
#include <vector>

#include "blobs.h"
#include "core/crc32.h"
#include "core/front_end.h"
#include "core/model_format.h"

using namespace dlm;
using test::Box;

namespace {

// A spectral front-end with 4 dims (1 channel x 1 slice x 2 bands + level + duration), so
// that the test's 4-dim blobs stand for its descriptors.
SpectralConfig tinySpectral() {
  SpectralConfig c = soundSpectral();
  c.bands = 2;
  c.slices = 1;
  return c;
}

void refreshCrc(std::vector<std::uint8_t>& bytes) {
  const std::uint32_t crc = crc32(bytes.data(), bytes.size() - 4);
  for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + std::size_t(i)] = std::uint8_t(crc >> (8 * i));
}

} // namespace

class TestFrontEnd : public QObject {
  Q_OBJECT

  test::Events m_train = test::blobs(3, 40, 4, 2.0f);

  std::vector<std::uint8_t> save(Box& b, const FrontEndConfig* fe) {
    std::vector<std::uint8_t> out(modelBytes(b.net, fe));
    std::size_t n = 0;
    if (saveModel(b.net, nullptr, out.data(), out.size(), &n, fe) != Status::Ok) return {};
    return n == out.size() ? out : std::vector<std::uint8_t>();
  }

private slots:
  void blockRoundTrips() {
    const FrontEndConfig configs[] = {spectralFrontEnd(soundSpectral()),
                                      spectralFrontEnd(vibrationSpectral(25600, 3)),
                                      motionFrontEnd(3)};
    for (const FrontEndConfig& c : configs) {
      std::uint8_t bytes[kFrontEndBytes];
      QCOMPARE(encodeFrontEnd(c, bytes, sizeof bytes), Status::Ok);
      FrontEndConfig back;
      QCOMPARE(decodeFrontEnd(bytes, sizeof bytes, &back), Status::Ok);
      QVERIFY(sameFrontEnd(c, back));
      QCOMPARE(back.dims(), c.dims());
      QCOMPARE(back.channels(), c.channels());
      QCOMPARE(encodeFrontEnd(c, bytes, sizeof bytes - 1), Status::BufferTooSmall);
      QCOMPARE(decodeFrontEnd(bytes, sizeof bytes - 1, &back), Status::Truncated);
    }
    QVERIFY(!sameFrontEnd(configs[0], configs[1]));
    SpectralConfig louder = soundSpectral();
    louder.normalise = false;
    QVERIFY(!sameFrontEnd(configs[0], spectralFrontEnd(louder)));
  }

  void decodingIsStrict() {
    std::uint8_t good[kFrontEndBytes];
    QCOMPARE(encodeFrontEnd(spectralFrontEnd(soundSpectral()), good, sizeof good), Status::Ok);
    FrontEndConfig out;
    auto damaged = [&](std::size_t at, std::uint8_t v) {
      std::uint8_t b[kFrontEndBytes];
      std::memcpy(b, good, sizeof b);
      b[at] = v;
      return decodeFrontEnd(b, sizeof b, &out);
    };
    QCOMPARE(damaged(0, 7), Status::CorruptModel);    // unknown kind
    QCOMPARE(damaged(2, 2), Status::CorruptModel);    // unknown band scale
    QCOMPARE(damaged(3, 0x81), Status::CorruptModel); // unknown flag
    QCOMPARE(damaged(10, 1), Status::CorruptModel);   // reserved byte
    QCOMPARE(damaged(6, 0x01), Status::CorruptModel); // frame length 513
    QCOMPARE(damaged(23, 0x7F), Status::CorruptModel); // fmax beyond Nyquist (or NaN)
    std::uint8_t motion[kFrontEndBytes];
    QCOMPARE(encodeFrontEnd(motionFrontEnd(3), motion, sizeof motion), Status::Ok);
    motion[6] = 1;  // a spectral field in a motion block
    QCOMPARE(decodeFrontEnd(motion, sizeof motion, &out), Status::CorruptModel);
    FrontEndConfig invalid = motionFrontEnd(64 * 64);  // no channels
    QCOMPARE(encodeFrontEnd(invalid, motion, sizeof motion), Status::InvalidArgument);
  }

  void aSpectralModelRecordsItsFrontEnd() {
    const FrontEndConfig fe = spectralFrontEnd(tinySpectral());
    QCOMPARE(int(fe.dims()), 4);
    Box a(test::smallCapacity(4));
    a.net.rebuild(m_train.x.data(), m_train.y.data(), std::uint32_t(m_train.rows()));
    const auto bytes = save(a, &fe);
    QVERIFY(!bytes.empty());
    QCOMPARE(int(bytes[4]), int(kModelFormatFrontEnd));
    ModelInfo info;
    QCOMPARE(inspectModel(bytes.data(), bytes.size(), &info), Status::Ok);
    QVERIFY(info.frontEndRecorded);
    QVERIFY(sameFrontEnd(info.frontEnd, fe));
    QVERIFY(modelFitsFrontEnd(info, fe));
    SpectralConfig other = tinySpectral();
    other.fminHz = 50.0f;
    QVERIFY(!modelFitsFrontEnd(info, spectralFrontEnd(other)));
    FrontEndConfig motion4;  // a motion front-end of the same length
    motion4.motion.channels = 1;
    motion4.motion.bins = 0;
    QCOMPARE(int(motion4.dims()), 4);
    QVERIFY(!modelFitsFrontEnd(info, motion4));
    // Loads, predicts the same, and saves back to the same bytes.
    Box b(test::smallCapacity(4));
    QCOMPARE(loadModel(bytes.data(), bytes.size(), b.net, nullptr), Status::Ok);
    Prediction pa, pb;
    for (int i = 0; i < m_train.rows(); ++i) {
      a.net.predict(m_train.row(i), pa, a.net.scratch());
      b.net.predict(m_train.row(i), pb, b.net.scratch());
      QCOMPARE(pa.classIndex, pb.classIndex);
      QCOMPARE(pa.knownScore, pb.knownScore);
    }
    QVERIFY(save(b, &fe) == bytes);
    // A damaged block is caught even under a right CRC.
    auto corrupt = bytes;
    corrupt[corrupt.size() - 4 - 3 * (kClassNameBytes + 1) - kFrontEndBytes] = 9;
    refreshCrc(corrupt);
    QCOMPARE(inspectModel(corrupt.data(), corrupt.size(), &info), Status::CorruptModel);
    // A front-end of another length than the network's is refused.
    const FrontEndConfig wide = spectralFrontEnd(soundSpectral());
    std::vector<std::uint8_t> out(modelBytes(a.net, &wide));
    QCOMPARE(saveModel(a.net, nullptr, out.data(), out.size(), nullptr, &wide),
             Status::InvalidArgument);
  }

  void motionModelsAreUnchanged() {
    Box a(test::smallCapacity(4));
    a.net.rebuild(m_train.x.data(), m_train.y.data(), std::uint32_t(m_train.rows()));
    FrontEndConfig motion4;
    motion4.motion.channels = 1;
    motion4.motion.bins = 0;
    const auto plain = save(a, nullptr);
    QVERIFY(!plain.empty());
    QVERIFY(save(a, &motion4) == plain);  // byte for byte: same identity as before issue 13
    QCOMPARE(int(plain[4]), int(kModelFormatUnitScales));
    ModelInfo info;
    QCOMPARE(inspectModel(plain.data(), plain.size(), &info), Status::Ok);
    QVERIFY(!info.frontEndRecorded);
    QCOMPARE(info.frontEnd.kind, FrontEndKind::Motion);
    QVERIFY(modelFitsFrontEnd(info, motion4));
    QVERIFY(!modelFitsFrontEnd(info, spectralFrontEnd(tinySpectral())));
  }

  void eventFrontEndRunsEither() {
    std::vector<std::int16_t> samples(3 * 3000);
    std::uint32_t seed = 3;
    for (auto& v : samples) {
      seed = seed * 1664525u + 1013904223u;
      v = std::int16_t(std::int32_t(seed >> 16) - 32768);
    }
    const FrontEndConfig configs[] = {motionFrontEnd(3),
                                      spectralFrontEnd(vibrationSpectral(8000, 3))};
    for (const FrontEndConfig& c : configs) {
      std::vector<std::uint8_t> work(EventFrontEnd::workBytes(c));
      EventFrontEnd fe;
      QCOMPARE(fe.init(c, work.data(), work.size()), Status::Ok);
      std::vector<float> got(c.dims());
      QCOMPARE(fe.compute(samples.data(), 3000, got.data(), got.size()), Status::Ok);
      std::vector<float> want(c.dims());
      if (c.kind == FrontEndKind::Motion) {
        QCOMPARE(computeDescriptor(c.motion, samples.data(), 3000, want.data(), want.size()),
                 Status::Ok);
      } else {
        SpectralFrontEnd s;
        QCOMPARE(s.init(c.spectral, work.data(), work.size()), Status::Ok);
        QCOMPARE(s.compute(samples.data(), 3000, want.data(), want.size()), Status::Ok);
      }
      QVERIFY(got == want);
      std::vector<float> w(c.dims());
      QCOMPARE(frontEndFeatureWeights(c, 3.0f, w.data(), w.size()), Status::Ok);
      QCOMPARE(w.back(), 3.0f);
    }
    QCOMPARE(int(EventFrontEnd::workBytes(configs[0])), 0);
    EventFrontEnd idle;
    float out[64];
    QCOMPARE(idle.compute(samples.data(), 10, out, 64), Status::NotInitialized);
  }
};

QTEST_APPLESS_MAIN(TestFrontEnd)
#include "test_front_end.moc"
