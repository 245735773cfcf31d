#include "core/model_format.h"

#include <cmath>
#include <cstring>

#include "core/crc32.h"
#include "core/network.h"

namespace dlm {

namespace {

constexpr std::uint8_t kMagic[4] = {'D', 'L', 'M', 'M'};
constexpr std::size_t kHeaderBytes = 64;
constexpr int kParamCount = 10;

// Little-endian cursors that never write or read past their end: every access is checked, and
// ok() stays false after any access that did not fit. Writer and reader are separate types so
// that the bytes a reader walks stay const.
template <typename Byte>
class ByteCursor {
public:
  ByteCursor(Byte* data, std::size_t size) : m_data(data), m_size(size) {}

  bool ok() const { return m_ok; }
  std::size_t position() const { return m_pos; }
  void seek(std::size_t pos) { m_pos = pos; }

protected:
  // True when n more bytes fit; otherwise marks the cursor as failed.
  bool room(int n) {
    if (m_pos + std::size_t(n) <= m_size) return true;
    m_ok = false;
    return false;
  }

  Byte* m_data;
  std::size_t m_size;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

class ByteWriter : public ByteCursor<std::uint8_t> {
public:
  using ByteCursor::ByteCursor;

  void putU8(std::uint32_t v) { putBytes(v, 1); }
  void putU16(std::uint32_t v) { putBytes(v, 2); }
  void putU32(std::uint32_t v) { putBytes(v, 4); }
  void putF32(float v) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    putBytes(bits, 4);
  }

private:
  void putBytes(std::uint32_t v, int n) {
    if (!room(n)) return;
    for (int i = 0; i < n; ++i) m_data[m_pos++] = static_cast<std::uint8_t>(v >> (8 * i));
  }
};

class ByteReader : public ByteCursor<const std::uint8_t> {
public:
  using ByteCursor::ByteCursor;

  std::uint32_t u8() { return getBytes(1); }
  std::uint32_t u16() { return getBytes(2); }
  std::uint32_t u32() { return getBytes(4); }
  float f32() {
    const std::uint32_t bits = getBytes(4);
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }

private:
  std::uint32_t getBytes(int n) {
    if (!room(n)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v |= std::uint32_t(m_data[m_pos++]) << (8 * i);
    return v;
  }
};

int inputDims(int layer, int dims, int classes) { return layer == 0 ? dims : dims + classes; }

constexpr std::size_t kCalibrationBytes = 4 + 5 * std::size_t(kCalibrationKnots);

std::size_t bodyBytes(int dims, int classes, int depth, const std::uint16_t* counts,
                      bool scaled, bool frontEnd) {
  std::size_t bytes = (std::size_t(depth) * 2 + 3) / 4 * 4;
  for (int l = 0; l < depth; ++l) {
    const std::size_t in = std::size_t(inputDims(l, dims, classes));
    bytes += counts[l] * (in * 8 + 8) + (std::size_t(counts[l]) + 1) * classes * 4;
  }
  bytes += kCalibrationBytes;  // count and arrivals, knots, stamps
  if (scaled) bytes += std::size_t(dims) * 4;  // version 3: the known-set scales
  if (frontEnd) bytes += kFrontEndBytes;        // version 4: the front-end block
  return bytes + std::size_t(classes) * (kClassNameBytes + 1);
}

void writeParams(ByteWriter& out, const KernelParams& p) {
  const float values[kParamCount] = {p.conflictFraction, p.gradation, p.sharpness, p.ridge,
                                     p.shrinkTarget, p.stackScale, p.threshold, p.spacing,
                                     0.0f, 0.0f};
  for (float v : values) out.putF32(v);
}

KernelParams readParams(ByteReader& in) {
  KernelParams p;
  p.conflictFraction = in.f32();
  p.gradation = in.f32();
  p.sharpness = in.f32();
  p.ridge = in.f32();
  p.shrinkTarget = in.f32();
  p.stackScale = in.f32();
  p.threshold = in.f32();
  p.spacing = in.f32();
  in.f32();  // reserved
  in.f32();  // reserved
  return p;
}

void writeLayer(ByteWriter& out, const Layer& layer, int classes) {
  for (int j = 0; j < layer.count; ++j) {
    for (int i = 0; i < layer.inDims; ++i) out.putF32(layer.centre(j)[i]);
    for (int i = 0; i < layer.inDims; ++i) out.putF32(layer.metricAt(j, i));
    out.putU32(layer.labels[j]);
    out.putU32(layer.support[j]);
  }
  for (int j = 0; j < layer.count; ++j) {
    for (int c = 0; c < classes; ++c) out.putF32(layer.weightRow(j)[c]);
  }
  for (int c = 0; c < classes; ++c) out.putF32(layer.bias()[c]);
}

// A motion model records no front-end: its bytes (and identity) stay those of before issue 13.
bool recordsFrontEnd(const FrontEndConfig* frontEnd) {
  return frontEnd != nullptr && frontEnd->kind != FrontEndKind::Motion;
}

} // namespace

std::size_t modelBytes(const Network& network, const FrontEndConfig* frontEnd) {
  std::uint16_t counts[8] = {};
  for (int l = 0; l < network.depth(); ++l) counts[l] = network.layer(l).count;
  const bool recorded = recordsFrontEnd(frontEnd);
  return kHeaderBytes +
         bodyBytes(network.dims(), network.classes(), network.depth(), counts,
                   recorded || !network.unitKnownScales(), recorded) +
         4;
}

Status saveModel(const Network& network, const ClassName* names, std::uint8_t* out,
                 std::size_t capacity, std::size_t* written, const FrontEndConfig* frontEnd) {
  const bool recorded = recordsFrontEnd(frontEnd);
  if (recorded && (checkFrontEnd(*frontEnd) != Status::Ok || frontEnd->dims() != network.dims()))
    return Status::InvalidArgument;
  const std::size_t total = modelBytes(network, frontEnd);
  if (out == nullptr) return Status::InvalidArgument;
  if (capacity < total) return Status::BufferTooSmall;
  std::memset(out, 0, total);
  ByteWriter c(out, total);
  for (std::uint8_t m : kMagic) c.putU8(m);
  const bool scaled = recorded || !network.unitKnownScales();
  c.putU16(recorded ? kModelFormatFrontEnd
                    : (scaled ? kModelFormatVersion : kModelFormatUnitScales));
  c.putU16(kHeaderBytes);
  c.putU32(std::uint32_t(total));
  c.putU16(std::uint32_t(network.dims()));
  c.putU8(std::uint32_t(network.classes()));
  c.putU8(std::uint32_t(network.depth()));
  int widest = 0;
  for (int l = 0; l < network.depth(); ++l) {
    if (network.layer(l).count > widest) widest = network.layer(l).count;
  }
  c.putU16(std::uint32_t(widest));
  c.putU16(0);
  c.putU32(network.eventsLearned());
  writeParams(c, network.params());
  c.seek(kHeaderBytes);
  for (int l = 0; l < network.depth(); ++l) c.putU16(network.layer(l).count);
  c.seek((c.position() + 3) / 4 * 4);
  for (int l = 0; l < network.depth(); ++l) writeLayer(c, network.layer(l), network.classes());
  const KnownCalibration& calibration = network.calibration();
  c.putU16(std::uint32_t(calibration.count()));
  c.putU16(calibration.arrivals());
  for (int k = 0; k < kCalibrationKnots; ++k) {
    c.putF32(k < calibration.count() ? calibration.knots()[k] : 0.0f);
  }
  for (int k = 0; k < kCalibrationKnots; ++k) {
    c.putU8(k < calibration.count() ? calibration.stamps()[k] : 0u);
  }
  if (scaled) {
    for (int i = 0; i < network.dims(); ++i) c.putF32(network.knownScales()[i]);
  }
  if (recorded) {
    std::uint8_t block[kFrontEndBytes];
    encodeFrontEnd(*frontEnd, block, sizeof block);  // checked above
    for (std::uint8_t b : block) c.putU8(b);
  }
  for (int k = 0; k < network.classes(); ++k) {
    bool ended = names == nullptr;
    for (int b = 0; b <= kClassNameBytes; ++b) {
      ended = ended || b == kClassNameBytes || names[k].text[b] == '\0';
      c.putU8(ended ? 0u : static_cast<std::uint8_t>(names[k].text[b]));
    }
  }
  c.putU32(crc32(out, total - 4));
  if (!c.ok() || c.position() != total) return Status::CorruptModel;
  if (written != nullptr) *written = total;
  return Status::Ok;
}

namespace {

struct Parsed {
  ModelInfo info;
  KernelParams params;
  std::uint16_t counts[8] = {};
  std::size_t bodyStart = 0;
  bool scaled = false;  ///< version 3 and 4: known-set scales after the calibration
  bool frontEnd = false;  ///< version 4: a front-end block after the scales
};

// Every constant of the construction is a finite number: a NaN stack scale, say, would make
// every prediction of a deeper layer NaN.
bool finiteParams(const KernelParams& p) {
  const float values[] = {p.conflictFraction, p.gradation, p.sharpness, p.ridge,
                          p.shrinkTarget,     p.stackScale, p.threshold, p.spacing};
  for (float v : values) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

Status parseHeader(const std::uint8_t* bytes, std::size_t size, Parsed& p) {
  if (bytes == nullptr) return Status::InvalidArgument;
  if (size < 4) return Status::Truncated;
  if (std::memcmp(bytes, kMagic, 4) != 0) return Status::BadMagic;
  if (size < kHeaderBytes) return Status::Truncated;
  ByteReader in(bytes, size);
  in.seek(4);
  p.info.version = static_cast<std::uint16_t>(in.u16());
  if (p.info.version != kModelFormatFrontEnd && p.info.version != kModelFormatVersion &&
      p.info.version != kModelFormatUnitScales) {
    return Status::BadVersion;
  }
  p.scaled = p.info.version != kModelFormatUnitScales;
  p.frontEnd = p.info.version == kModelFormatFrontEnd;
  if (in.u16() != kHeaderBytes) return Status::CorruptModel;
  p.info.totalBytes = in.u32();
  if (size < p.info.totalBytes) return Status::Truncated;
  if (p.info.totalBytes < kHeaderBytes + 4) return Status::CorruptModel;
  p.info.crc = crc32(bytes, p.info.totalBytes - 4);
  ByteReader tail(bytes + p.info.totalBytes - 4, 4);
  if (tail.u32() != p.info.crc) return Status::BadCrc;
  // Checked after the CRC so that a damaged size field reads as damage, not as extra bytes.
  // A valid model followed by anything (two models concatenated, a download with junk
  // appended) is refused rather than silently loaded from its first part.
  if (size > p.info.totalBytes) return Status::TrailingBytes;
  p.info.dims = static_cast<std::uint16_t>(in.u16());
  p.info.classes = static_cast<std::uint8_t>(in.u8());
  p.info.depth = static_cast<std::uint8_t>(in.u8());
  p.info.maxLayerNeurons = static_cast<std::uint16_t>(in.u16());
  in.u16();
  p.info.eventsLearned = in.u32();
  p.params = readParams(in);
  if (p.info.dims == 0 || p.info.depth == 0 || p.info.depth > 8 || p.info.classes == 0 ||
      !finiteParams(p.params) || !(p.params.spacing >= 0.0f) ||
      !(p.params.threshold >= 0.0f && p.params.threshold <= 1.0f) ||
      !(p.params.sharpness > 0.0f)) {
    return Status::CorruptModel;
  }
  in.seek(kHeaderBytes);
  int widest = 0;
  for (int l = 0; l < p.info.depth; ++l) {
    p.counts[l] = static_cast<std::uint16_t>(in.u16());
    p.info.totalNeurons += p.counts[l];
    if (p.counts[l] > widest) widest = p.counts[l];
    if (l > 0 && p.counts[l] > p.info.maxDeepNeurons) p.info.maxDeepNeurons = p.counts[l];
  }
  p.bodyStart = (in.position() + 3) / 4 * 4;
  const std::size_t expected =
      kHeaderBytes +
      bodyBytes(p.info.dims, p.info.classes, p.info.depth, p.counts, p.scaled, p.frontEnd) + 4;
  if (!in.ok() || widest != p.info.maxLayerNeurons || expected != p.info.totalBytes ||
      p.counts[0] == 0) {
    return Status::CorruptModel;
  }
  if (p.frontEnd) {
    // The block ends where the class names begin, a fixed distance from the CRC.
    const std::size_t at = p.info.totalBytes - 4 -
                           std::size_t(p.info.classes) * (kClassNameBytes + 1) - kFrontEndBytes;
    if (decodeFrontEnd(bytes + at, kFrontEndBytes, &p.info.frontEnd) != Status::Ok ||
        p.info.frontEnd.dims() != p.info.dims) {
      return Status::CorruptModel;
    }
    p.info.frontEndRecorded = true;
  }
  return Status::Ok;
}

// Reads one layer's values and checks them: finite centres, positive metrics, labels in range.
bool validLayer(ByteReader& in, int count, int inDims, int classes) {
  for (int j = 0; j < count; ++j) {
    for (int i = 0; i < inDims; ++i) {
      if (!std::isfinite(in.f32())) return false;
    }
    for (int i = 0; i < inDims; ++i) {
      const float m = in.f32();
      if (!(m >= 0.0f) || !std::isfinite(m)) return false;
    }
    if (in.u32() >= std::uint32_t(classes)) return false;
    in.u32();
  }
  for (int k = 0; k < (count + 1) * classes; ++k) {
    if (!std::isfinite(in.f32())) return false;
  }
  return in.ok();
}

void readLayer(ByteReader& in, Layer& layer, int classes) {
  for (int j = 0; j < layer.count; ++j) {
    for (int i = 0; i < layer.inDims; ++i) layer.centre(j)[i] = in.f32();
    for (int i = 0; i < layer.inDims; ++i) layer.rowScratch[i] = in.f32();
    layer.setMetricRow(j, layer.rowScratch);
    layer.labels[j] = static_cast<std::uint8_t>(in.u32());
    layer.support[j] = in.u32();
  }
  for (int j = 0; j < layer.count; ++j) {
    for (int c = 0; c < classes; ++c) layer.weightRow(j)[c] = in.f32();
  }
  for (int c = 0; c < classes; ++c) layer.bias()[c] = in.f32();
}

bool readCalibration(ByteReader& in, KnownCalibration& out) {
  const std::uint32_t count = in.u16();
  const std::uint32_t arrivals = in.u16();
  float knots[kCalibrationKnots];
  std::uint8_t stamps[kCalibrationKnots];
  for (float& k : knots) k = in.f32();
  for (std::uint8_t& s : stamps) s = static_cast<std::uint8_t>(in.u8());
  return in.ok() && count <= std::uint32_t(kCalibrationKnots) && arrivals < 256 &&
         out.assign(knots, stamps, int(count), static_cast<std::uint8_t>(arrivals));
}

// Reads (and checks) the known-set scales of a version 3 model: finite and > 0. With \p out
// (dims floats) they are stored there too.
bool readScales(ByteReader& in, int dims, float* out) {
  for (int i = 0; i < dims; ++i) {
    const float s = in.f32();
    if (!(s > 0.0f) || !std::isfinite(s)) return false;
    if (out != nullptr) out[i] = s;
  }
  return in.ok();
}

} // namespace

Status inspectModel(const std::uint8_t* bytes, std::size_t size, ModelInfo* info) {
  Parsed parsed;
  const Status s = parseHeader(bytes, size, parsed);
  if (s == Status::Ok && info != nullptr) *info = parsed.info;
  return s;
}

Status loadModel(const std::uint8_t* bytes, std::size_t size, Network& network,
                 ClassName* names) {
  Parsed p;
  Status s = parseHeader(bytes, size, p);
  if (s != Status::Ok) return s;
  const Capacity& cap = network.capacity();
  if (p.info.dims > cap.maxDims || p.info.classes > cap.maxClasses ||
      p.info.depth > cap.maxLayers) {
    return Status::DimsBeyondCapacity;
  }
  // Per layer: a board's deeper layers hold fewer neurons than its first.
  for (int l = 0; l < p.info.depth; ++l) {
    if (p.counts[l] > cap.layerNeurons(l)) return Status::DimsBeyondCapacity;
  }
  // First pass validates every value; only a model that passes touches the network.
  ByteReader check(bytes, p.info.totalBytes - 4);
  check.seek(p.bodyStart);
  for (int l = 0; l < p.info.depth; ++l) {
    if (!validLayer(check, p.counts[l], inputDims(l, p.info.dims, p.info.classes),
                    p.info.classes)) {
      return Status::CorruptModel;
    }
  }
  KnownCalibration calibration;
  const std::size_t calibrationStart = check.position();
  if (!readCalibration(check, calibration)) return Status::CorruptModel;
  if (p.scaled && !readScales(check, p.info.dims, nullptr)) return Status::CorruptModel;
  s = network.setStructure(p.info.dims, p.info.classes, p.info.depth, p.counts, p.params,
                           p.info.eventsLearned);
  if (s != Status::Ok) return s;
  ByteReader in(bytes, p.info.totalBytes - 4);
  if (p.scaled) {
    // Before the calibration, which setKnownScales() would clear: the knots are distances
    // in these scales. The first layer's row scratch (maxDims floats or more) holds them.
    float* scales = network.mutableLayer(0).rowScratch;
    in.seek(calibrationStart + kCalibrationBytes);
    readScales(in, p.info.dims, scales);
    network.setKnownScales(scales);
  }
  in.seek(p.bodyStart);
  for (int l = 0; l < p.info.depth; ++l) readLayer(in, network.mutableLayer(l), p.info.classes);
  readCalibration(in, network.mutableCalibration());
  if (p.scaled) in.seek(in.position() + std::size_t(p.info.dims) * 4);
  if (p.frontEnd) in.seek(in.position() + kFrontEndBytes);
  for (int k = 0; k < p.info.classes; ++k) {
    for (int b = 0; b <= kClassNameBytes; ++b) {
      const char ch = static_cast<char>(in.u8());
      if (names != nullptr) names[k].text[b] = b == kClassNameBytes ? '\0' : ch;
    }
  }
  network.finishLoad();
  return Status::Ok;
}

bool modelFitsFrontEnd(const ModelInfo& info, const FrontEndConfig& board) {
  if (info.dims != board.dims()) return false;
  if (!info.frontEndRecorded) return board.kind == FrontEndKind::Motion;
  return sameFrontEnd(info.frontEnd, board);
}

std::uint32_t modelIdentity(const std::uint8_t* bytes, std::size_t size) {
  if (bytes == nullptr || size < 4) return 0;
  ByteReader tail(bytes + size - 4, 4);
  return tail.u32();
}

} // namespace dlm
