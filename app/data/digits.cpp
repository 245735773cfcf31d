#include "app/data/datasets.h"

#include <charconv>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "app/data/csv.h"

namespace dlm::data {

namespace {

constexpr int kDigitsDims = 64;
constexpr int kDigitClasses = 10;
constexpr float kMaxPixel = 16.0f;

// Maps the reader's first-appearance class order onto digit values; false if a name is not 0..9.
bool digitOfEachClass(const Dataset& raw, std::vector<int>& digitOf, std::string& badName)
{
    digitOf.clear();
    for (const std::string& name : raw.classNames) {
        // Some sklearn releases write labels as "3.0"; accept any float with an integral value.
        float value = -1.0f;
        const auto result = std::from_chars(name.data(), name.data() + name.size(), value);
        const int digit = static_cast<int>(value);
        if (result.ec != std::errc() || result.ptr != name.data() + name.size()
            || static_cast<float>(digit) != value || digit < 0 || digit >= kDigitClasses) {
            badName = name;
            return false;
        }
        digitOf.push_back(digit);
    }
    return true;
}

}  // namespace

bool loadDigits(Dataset& out, std::string& error, const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        error = "digits dataset not found at " + path
              + "; install it with: apt-get install python3-sklearn";
        return false;
    }
    Dataset raw;
    CsvOptions options;
    options.label = "-1";
    if (!readCsv(path, options, raw, error))
        return false;
    if (raw.dims != kDigitsDims) {
        error = path + ": expected " + std::to_string(kDigitsDims) + " pixel columns, got "
              + std::to_string(raw.dims);
        return false;
    }
    std::vector<int> digitOf;
    std::string badName;
    if (!digitOfEachClass(raw, digitOf, badName)) {
        error = path + ": label \"" + badName + "\" is not a digit 0-9";
        return false;
    }
    for (std::size_t i = 0; i < raw.features.size(); ++i) {
        const float pixel = raw.features[i];
        if (pixel < 0.0f || pixel > kMaxPixel) {
            const std::size_t width = static_cast<std::size_t>(kDigitsDims);
            error = path + ": row " + std::to_string(i / width + 1) + ", column "
                  + std::to_string(i % width + 1) + ": pixel value out of range 0-16";
            return false;
        }
        raw.features[i] = pixel / kMaxPixel;
    }
    for (int& label : raw.labels) {
        if (label < 0) {
            error = path + ": a row has no label";
            return false;
        }
        label = digitOf[static_cast<std::size_t>(label)];
    }
    raw.classNames.clear();
    for (int digit = 0; digit < kDigitClasses; ++digit)
        raw.classNames.push_back(std::to_string(digit));
    out = std::move(raw);
    return true;
}

}  // namespace dlm::data
