#include "app/data/datasets.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace dlm::data {

namespace {

// Splits one line at commas; a trailing '\r' (CRLF files) is dropped, fields are trimmed.
std::vector<std::string> fields(std::string line)
{
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        std::string f = line.substr(start, comma == std::string::npos ? std::string::npos
                                                                      : comma - start);
        const std::size_t first = f.find_first_not_of(" \t");
        const std::size_t last = f.find_last_not_of(" \t");
        out.push_back(first == std::string::npos ? std::string()
                                                 : f.substr(first, last - first + 1));
        if (comma == std::string::npos)
            return out;
        start = comma + 1;
    }
}

bool parseNumber(const std::string& text, double& out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return *end == '\0' && errno == 0 && std::isfinite(out);
}

bool parseCount(const std::string& text, long low, long& out)
{
    double v = 0.0;
    if (!parseNumber(text, v) || v != std::floor(v) || v < double(low) || v > 1e7)
        return false;
    out = static_cast<long>(v);
    return true;
}

// The first line: "rows,features,name0,name1,...".
bool readHeader(const std::string& path, const std::string& line, long& rows, long& dims,
                std::vector<std::string>& names, std::string& error)
{
    const std::vector<std::string> f = fields(line);
    if (f.size() < 3 || !parseCount(f[0], 1, rows) || !parseCount(f[1], 1, dims)) {
        error = path + ":1: expected \"rows,features,class names...\" (scikit-learn's header), "
                       "got \"" + line + "\"";
        return false;
    }
    names.assign(f.begin() + 2, f.end());
    for (const std::string& name : names) {
        if (name.empty()) {
            error = path + ":1: empty class name in the header";
            return false;
        }
    }
    return true;
}

// One data line: dims features then the class index; appended to out.
bool readRow(const std::string& path, long lineNo, const std::string& line, Dataset& out,
             std::string& error)
{
    const std::string where = path + ":" + std::to_string(lineNo) + ":";
    const std::vector<std::string> f = fields(line);
    if (f.size() != std::size_t(out.dims) + 1) {
        error = where + " expected " + std::to_string(out.dims + 1) + " fields (features, then "
                "the class), got " + std::to_string(f.size());
        return false;
    }
    for (int c = 0; c < out.dims; ++c) {
        double v = 0.0;
        if (!parseNumber(f[std::size_t(c)], v)) {
            error = where + std::to_string(c + 1) + ": \"" + f[std::size_t(c)]
                  + "\" is not a finite number";
            return false;
        }
        out.features.push_back(static_cast<float>(v));
    }
    long label = 0;
    const int classes = static_cast<int>(out.classNames.size());
    if (!parseCount(f.back(), 0, label) || label >= classes) {
        error = where + std::to_string(out.dims + 1) + ": class \"" + f.back()
              + "\" is not an index from 0 to " + std::to_string(classes - 1);
        return false;
    }
    out.labels.push_back(static_cast<int>(label));
    ++out.rows;
    return true;
}

}  // namespace

bool loadSklearnTable(Dataset& out, std::string& error, const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        error = "data set not found at " + path
              + "; install it with: apt-get install python3-sklearn";
        return false;
    }
    std::ifstream in(path);
    if (!in) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    std::string line;
    if (!std::getline(in, line)) {
        error = path + ": the file is empty";
        return false;
    }
    long rows = 0;
    long dims = 0;
    Dataset d;
    if (!readHeader(path, line, rows, dims, d.classNames, error))
        return false;
    d.dims = static_cast<int>(dims);
    d.features.reserve(std::size_t(rows * dims));
    long lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        if (d.rows == rows) {
            error = path + ":" + std::to_string(lineNo) + ": more rows than the "
                  + std::to_string(rows) + " the header announces";
            return false;
        }
        if (!readRow(path, lineNo, line, d, error))
            return false;
    }
    if (d.rows != rows) {
        error = path + ": the header announces " + std::to_string(rows) + " rows, the file has "
              + std::to_string(d.rows);
        return false;
    }
    out = std::move(d);
    return true;
}

}  // namespace dlm::data
