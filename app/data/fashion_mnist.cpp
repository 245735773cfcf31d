#include "app/data/datasets.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "app/data/csv_detail.h"

namespace dlm::data {

namespace {

constexpr std::uint32_t kImagesMagic = 2051;  // IDX: unsigned bytes, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 2049;  // IDX: unsigned bytes, 1 dimension
constexpr std::size_t kImagesHeaderBytes = 16;
constexpr std::size_t kLabelsHeaderBytes = 8;
// Anything bigger than this per side is not an MNIST-style file; refuse before allocating.
constexpr std::uint32_t kMaxSide = 4096;
// Inflating in cache-sized chunks and converting each chunk straight to floats avoids a second
// full-size byte buffer, whose page faults cost more than the decompression itself.
constexpr std::size_t kReadChunk = std::size_t{1} << 18;
// A lying header must not make us reserve gigabytes up front; beyond this the buffer just grows.
constexpr std::size_t kMaxReserve = std::size_t{1} << 28;
constexpr char kInstallHint[] = "; install it with: apt-get install dataset-fashion-mnist";
constexpr std::array<const char*, 10> kClassNames = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8)
         | std::uint32_t{p[3]};
}

// An IDX file read whole (or up to a limit) into memory: one gzread per chunk is far faster
// than per-image reads.
class IdxFile {
public:
    explicit IdxFile(std::string path) : m_path(std::move(path)) {}
    ~IdxFile()
    {
        if (m_file != nullptr)
            gzclose(m_file);
    }
    IdxFile(const IdxFile&) = delete;
    IdxFile& operator=(const IdxFile&) = delete;

    bool open(std::string& error);
    /// Reads exactly size bytes into out (replacing its contents).
    bool read(std::size_t size, std::vector<unsigned char>& out, std::string& error);
    /// Reads exactly size bytes, passing them to consume(const unsigned char*, size_t) in chunks.
    template <typename Consume>
    bool readChunks(std::size_t size, Consume consume, std::string& error);
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    gzFile m_file = nullptr;
    std::vector<unsigned char> m_chunk;
};

bool IdxFile::open(std::string& error)
{
    std::error_code ec;
    if (!std::filesystem::exists(m_path, ec)) {
        error = "Fashion-MNIST not found: missing " + m_path + kInstallHint;
        return false;
    }
    errno = 0;
    m_file = gzopen(m_path.c_str(), "rb");
    if (m_file == nullptr) {
        error = "cannot open " + m_path + ": " + (errno != 0 ? std::strerror(errno) : "out of memory");
        return false;
    }
    gzbuffer(m_file, 1u << 18);
    return true;
}

template <typename Consume>
bool IdxFile::readChunks(std::size_t size, Consume consume, std::string& error)
{
    m_chunk.resize(std::min(size, kReadChunk));
    std::size_t done = 0;
    while (done < size) {
        const std::size_t want = std::min(m_chunk.size(), size - done);
        const int got = gzread(m_file, m_chunk.data(), static_cast<unsigned>(want));
        if (got < 0) {
            error = detail::gzReadError(m_file, m_path);
            return false;
        }
        if (got == 0) {
            error = m_path + ": file is truncated (expected " + std::to_string(size)
                  + " bytes, got " + std::to_string(done) + ")";
            return false;
        }
        consume(m_chunk.data(), static_cast<std::size_t>(got));
        done += static_cast<std::size_t>(got);
    }
    return true;
}

bool IdxFile::read(std::size_t size, std::vector<unsigned char>& out, std::string& error)
{
    out.clear();
    out.reserve(std::min(size, kMaxReserve));
    return readChunks(
        size, [&out](const unsigned char* p, std::size_t n) { out.insert(out.end(), p, p + n); },
        error);
}

bool checkMagic(const IdxFile& file, std::uint32_t magic, std::uint32_t expected,
                std::string& error)
{
    if (magic == expected)
        return true;
    error = file.path() + ": bad magic number " + std::to_string(magic) + " (expected "
          + std::to_string(expected) + "); not an IDX "
          + (expected == kImagesMagic ? "image" : "label") + " file";
    return false;
}

struct IdxImages {
    std::vector<float> pixels;  // scaled to [0, 1]
    std::uint32_t count = 0;  // as declared in the header, before any limit
    int kept = 0;
    int side[2] = {0, 0};
};

// Pixel byte → value in [0, 1], computed once so the per-pixel work is a table lookup.
const std::array<float, 256>& pixelScale()
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (std::size_t v = 0; v < t.size(); ++v)
            t[v] = static_cast<float>(v) / 255.0f;
        return t;
    }();
    return table;
}

std::uint32_t keptCount(std::uint32_t count, int limit)
{
    return limit > 0 ? std::min(count, static_cast<std::uint32_t>(limit)) : count;
}

bool readImages(const std::string& path, int limit, IdxImages& images, std::string& error)
{
    IdxFile file(path);
    std::vector<unsigned char> header;
    if (!file.open(error) || !file.read(kImagesHeaderBytes, header, error)
        || !checkMagic(file, bigEndian32(header.data()), kImagesMagic, error))
        return false;
    images.count = bigEndian32(header.data() + 4);
    const std::uint32_t height = bigEndian32(header.data() + 8);
    const std::uint32_t width = bigEndian32(header.data() + 12);
    if (height == 0 || width == 0 || height > kMaxSide || width > kMaxSide) {
        error = path + ": implausible image size " + std::to_string(height) + "x"
              + std::to_string(width);
        return false;
    }
    if (images.count > static_cast<std::uint32_t>(INT32_MAX)) {
        error = path + ": implausible image count " + std::to_string(images.count);
        return false;
    }
    images.side[0] = static_cast<int>(height);
    images.side[1] = static_cast<int>(width);
    const std::uint32_t kept = keptCount(images.count, limit);
    images.kept = static_cast<int>(kept);
    const std::size_t size = std::size_t{kept} * height * width;
    const std::array<float, 256>& scale = pixelScale();
    images.pixels.clear();
    images.pixels.reserve(std::min(size, kMaxReserve / sizeof(float)));
    auto toFloats = [&images, &scale](const unsigned char* p, std::size_t n) {
        const std::size_t offset = images.pixels.size();
        images.pixels.resize(offset + n);
        std::transform(p, p + n, images.pixels.begin() + static_cast<std::ptrdiff_t>(offset),
                       [&scale](unsigned char v) { return scale[v]; });
    };
    return file.readChunks(size, toFloats, error);
}

bool readLabels(const std::string& path, int limit, std::uint32_t& count,
                std::vector<unsigned char>& labels, std::string& error)
{
    IdxFile file(path);
    std::vector<unsigned char> header;
    if (!file.open(error) || !file.read(kLabelsHeaderBytes, header, error)
        || !checkMagic(file, bigEndian32(header.data()), kLabelsMagic, error))
        return false;
    count = bigEndian32(header.data() + 4);
    if (!file.read(keptCount(count, limit), labels, error))
        return false;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] >= kClassNames.size()) {
            error = path + ": label " + std::to_string(labels[i]) + " of item "
                  + std::to_string(i + 1) + " is not a Fashion-MNIST class (0-9)";
            return false;
        }
    }
    return true;
}

// Loads one split ("train" or "t10k").
bool loadSplit(const std::string& dir, const std::string& prefix, int limit, Dataset& out,
               std::string& error)
{
    const std::filesystem::path base(dir);
    const std::string imagesPath = (base / (prefix + "-images-idx3-ubyte.gz")).string();
    const std::string labelsPath = (base / (prefix + "-labels-idx1-ubyte.gz")).string();
    IdxImages images;
    std::uint32_t labelCount = 0;
    std::vector<unsigned char> labels;
    if (!readImages(imagesPath, limit, images, error)
        || !readLabels(labelsPath, limit, labelCount, labels, error))
        return false;
    if (labelCount != images.count) {
        error = labelsPath + ": has " + std::to_string(labelCount) + " labels but "
              + imagesPath + " has " + std::to_string(images.count) + " images";
        return false;
    }
    Dataset data;
    data.rows = images.kept;
    data.dims = images.side[0] * images.side[1];
    data.features = std::move(images.pixels);
    data.labels.assign(labels.begin(), labels.end());
    data.classNames.assign(kClassNames.begin(), kClassNames.end());
    out = std::move(data);
    return true;
}

}  // namespace

bool loadFashionMnist(Dataset& train, Dataset& test, std::string& error, const std::string& dir,
                      int trainLimit, int testLimit)
{
    Dataset trainData;
    Dataset testData;
    if (!loadSplit(dir, "train", trainLimit, trainData, error)
        || !loadSplit(dir, "t10k", testLimit, testData, error))
        return false;
    if (trainData.dims != testData.dims) {
        error = dir + ": training and test images differ in size";
        return false;
    }
    train = std::move(trainData);
    test = std::move(testData);
    return true;
}

}  // namespace dlm::data
