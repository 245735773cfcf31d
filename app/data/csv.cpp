#include "app/data/csv.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/data/csv_detail.h"

namespace dlm::data {

namespace {

using detail::NumberStatus;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr char kDefaultLabel[] = "label";
// Listing all 785 Fashion-MNIST columns in a one-line error would bury the message.
constexpr std::size_t kMaxListedColumns = 12;
constexpr std::size_t kWriteChunk = 1 << 16;

struct LabelSpec {
    enum class Kind { None, Name, Index };
    Kind kind = Kind::None;
    std::string name;
    long index = 0;
};

LabelSpec parseLabelSpec(const std::string& text)
{
    LabelSpec spec;
    spec.name = std::string(detail::trim(text));
    if (spec.name.empty())
        return spec;
    const std::size_t digitsFrom = spec.name[0] == '-' ? 1 : 0;
    const bool allDigits = spec.name.size() > digitsFrom && spec.name.size() - digitsFrom <= 9
                        && spec.name.find_first_not_of("0123456789", digitsFrom) == std::string::npos;
    spec.kind = allDigits ? LabelSpec::Kind::Index : LabelSpec::Kind::Name;
    if (allDigits)
        spec.index = std::stol(spec.name);
    return spec;
}

std::string listColumns(const detail::Record& record)
{
    std::string list;
    const std::size_t shown = std::min(record.size(), kMaxListedColumns);
    for (std::size_t i = 0; i < shown; ++i)
        list += (i == 0 ? "" : ", ") + record[i];
    if (shown < record.size())
        list += ", ... (" + std::to_string(record.size()) + " columns)";
    return list;
}

class CsvReader {
public:
    CsvReader(const std::string& path, const CsvOptions& opt)
        : m_path(path), m_spec(parseLabelSpec(opt.label)), m_labelRequired(opt.labelRequired),
          m_maxLabelBytes(opt.maxLabelBytes) {}

    bool read(Dataset& out, std::string& error);

private:
    bool nextRecord(bool& gotOne);
    bool resolveLayout(bool& isHeader);
    bool nonLabelFieldsAreNumbers(long labelColumn) const;
    bool addRow();
    bool addLabel(const std::string& field);
    std::string inColumn(std::size_t i) const;
    bool fail(std::string message);
    bool failLine(const std::string& message);
    bool failAt(int column, const std::string& message);

    std::string m_path;
    LabelSpec m_spec;
    bool m_labelRequired = false;
    std::size_t m_maxLabelBytes = 0;
    int m_firstLine = 0;                     ///< line of the header or of the first row
    std::vector<std::string> m_columnNames;  ///< the header's fields; empty without a header
    detail::GzLineReader m_reader;
    detail::Record m_record;
    std::string m_line;
    std::string m_error;
    char m_delimiter = ',';
    bool m_decimalComma = false;
    long m_labelColumn = -1;
    std::size_t m_fieldCount = 0;
    std::unordered_map<std::string, int> m_classIds;
    Dataset m_data;
};

bool CsvReader::fail(std::string message)
{
    m_error = std::move(message);
    return false;
}

bool CsvReader::failLine(const std::string& message)
{
    return fail(m_path + ":" + std::to_string(m_reader.lineNumber()) + ": " + message);
}

// " in column "name"" when the file has a header, so an error names what the user sees.
std::string CsvReader::inColumn(std::size_t i) const
{
    return i < m_columnNames.size() ? " in column \"" + m_columnNames[i] + "\"" : std::string();
}

bool CsvReader::failAt(int column, const std::string& message)
{
    return fail(m_path + ":" + std::to_string(m_reader.lineNumber()) + ":" + std::to_string(column)
                + ": " + message);
}

// Reads the next non-blank line into m_record. gotOne is false at end of file.
bool CsvReader::nextRecord(bool& gotOne)
{
    gotOne = false;
    while (m_reader.readLine(m_line)) {
        std::string_view view = m_line;
        if (m_reader.lineNumber() == 1 && view.substr(0, kBom.size()) == kBom)
            view.remove_prefix(kBom.size());
        if (detail::trim(view).empty())
            continue;
        // Line ends are LF or CRLF; any other CR would end up inside a field (a class "x\r"
        // beside "x", a name no CSV writer can write back).
        if (view.find('\r') != std::string_view::npos)
            return failLine("a carriage return inside the line (classic Mac or doubled line ends?); "
                            "save the file with LF or CRLF line ends");
        if (m_fieldCount == 0) {
            m_delimiter = detail::detectDelimiter(view);
            m_decimalComma = m_delimiter != ',';
        }
        int badField = 0;
        std::string message;
        if (!detail::splitRecord(view, m_delimiter, m_record, badField, message))
            return failAt(badField, message);
        gotOne = true;
        return true;
    }
    if (!m_reader.error().empty())
        return fail(m_reader.error());
    return true;
}

// "inf" or "1e40" count as numbers here, so a bad first data row is reported as a bad value at
// its line and column rather than misread as a header.
bool CsvReader::nonLabelFieldsAreNumbers(long labelColumn) const
{
    float ignored = 0.0f;
    for (std::size_t i = 0; i < m_record.size(); ++i) {
        if (static_cast<long>(i) == labelColumn)
            continue;
        const NumberStatus status = detail::parseFloat(m_record[i], m_decimalComma, ignored);
        if (status == NumberStatus::Empty || status == NumberStatus::NotANumber)
            return false;
    }
    return true;
}

// Decides from the first record which column holds the label and whether it is a header.
bool CsvReader::resolveLayout(bool& isHeader)
{
    const long columns = static_cast<long>(m_record.size());
    switch (m_spec.kind) {
    case LabelSpec::Kind::None:
        m_labelColumn = -1;
        break;
    case LabelSpec::Kind::Index:
        m_labelColumn = m_spec.index >= 0 ? m_spec.index : columns + m_spec.index;
        if (m_labelColumn < 0 || m_labelColumn >= columns)
            return failLine("label column " + m_spec.name + " is out of range (the file has "
                            + std::to_string(columns) + " columns)");
        break;
    case LabelSpec::Kind::Name: {
        std::vector<long> matches;
        for (long i = 0; i < columns; ++i)
            if (m_record[static_cast<std::size_t>(i)] == m_spec.name)
                matches.push_back(i);
        if (matches.size() > 1)
            return failLine("label column name \"" + m_spec.name + "\" is ambiguous (columns "
                            + std::to_string(matches[0] + 1) + " and "
                            + std::to_string(matches[1] + 1) + ")");
        if (matches.size() == 1) {
            m_labelColumn = matches[0];
            isHeader = true;
            return true;
        }
        m_labelColumn = columns - 1;
        if (!nonLabelFieldsAreNumbers(m_labelColumn))
            return failLine("no label column named \"" + m_spec.name + "\" in the header (columns: "
                            + listColumns(m_record) + ")");
        if (m_spec.name != kDefaultLabel)
            return failLine("no header row, so no column is named \"" + m_spec.name
                            + "\"; give the label column as an index instead (e.g. 0 or -1)");
        break;
    }
    }
    isHeader = !nonLabelFieldsAreNumbers(m_labelColumn);
    return true;
}

// Labels are keyed by labelKey(), so "1", "1.0" and " 1 " are one class.
bool CsvReader::addLabel(const std::string& field)
{
    const int column = static_cast<int>(m_labelColumn) + 1;
    const std::string where = inColumn(static_cast<std::size_t>(m_labelColumn));
    if (field.empty()) {
        if (m_labelRequired)
            return failAt(column, "empty label" + where + "; every row needs its class here");
        m_data.labels.push_back(-1);
        return true;
    }
    std::string key = labelKey(field);
    const auto found = m_classIds.find(key);
    if (found != m_classIds.end()) {
        m_data.labels.push_back(found->second);
        return true;
    }
    // A number keeps its first spelling as the class name, without the blanks quotes kept.
    std::string name = key == field ? field : std::string(detail::trim(field));
    if (m_maxLabelBytes > 0 && name.size() > m_maxLabelBytes)
        return failAt(column, "label \"" + name + "\"" + where + " is "
                                  + std::to_string(name.size()) + " bytes long; class names are at most "
                                  + std::to_string(m_maxLabelBytes) + " bytes");
    const int id = static_cast<int>(m_data.classNames.size());
    m_classIds.emplace(std::move(key), id);
    m_data.classNames.push_back(std::move(name));
    m_data.labels.push_back(id);
    return true;
}

bool CsvReader::addRow()
{
    if (m_record.size() != m_fieldCount)
        return failLine("expected " + std::to_string(m_fieldCount) + " fields (as on line "
                        + std::to_string(m_firstLine) + "), found "
                        + std::to_string(m_record.size()));
    if (m_data.rows == INT_MAX)
        return failLine("too many rows (at most " + std::to_string(INT_MAX) + ")");
    for (std::size_t i = 0; i < m_record.size(); ++i) {
        const std::string& field = m_record[i];
        if (static_cast<long>(i) == m_labelColumn) {
            if (!addLabel(field))
                return false;
            continue;
        }
        float value = 0.0f;
        const NumberStatus status = detail::parseFloat(field, m_decimalComma, value);
        if (status != NumberStatus::Ok)
            return failAt(static_cast<int>(i) + 1,
                          detail::numberError(status, field,
                                              i < m_columnNames.size() ? m_columnNames[i] : ""));
        m_data.features.push_back(value);
    }
    if (m_labelColumn < 0)
        m_data.labels.push_back(-1);
    ++m_data.rows;
    return true;
}

bool CsvReader::read(Dataset& out, std::string& error)
{
    bool gotOne = false;
    bool isHeader = false;
    const bool ok = m_reader.open(m_path, m_error) && nextRecord(gotOne)
                 && (gotOne || fail(m_path + ": empty file")) && resolveLayout(isHeader);
    if (!ok) {
        error = m_error;
        return false;
    }
    m_fieldCount = m_record.size();
    m_firstLine = m_reader.lineNumber();
    m_data.dims = static_cast<int>(m_fieldCount) - (m_labelColumn >= 0 ? 1 : 0);
    if (m_data.dims == 0) {
        failLine("no feature columns besides the label column");
        error = m_error;
        return false;
    }
    if (isHeader) {
        for (std::size_t i = 0; i < m_fieldCount; ++i) {
            m_columnNames.push_back(m_record[i]);
            if (static_cast<long>(i) != m_labelColumn)
                m_data.featureNames.push_back(m_record[i]);
        }
    } else if (!addRow()) {
        error = m_error;
        return false;
    }
    for (;;) {
        if (!nextRecord(gotOne) || (gotOne && !addRow())) {
            error = m_error;
            return false;
        }
        if (!gotOne)
            break;
    }
    if (m_data.rows == 0) {
        error = m_path + ":" + std::to_string(m_firstLine) + ": a header but no data rows after it";
        return false;
    }
    out = std::move(m_data);
    return true;
}

// Returns an empty string if data can be written as-is.
std::string checkWritable(const Dataset& data)
{
    const auto expected = static_cast<std::size_t>(data.rows) * static_cast<std::size_t>(data.dims);
    if (data.rows < 0 || data.dims <= 0 || data.features.size() != expected)
        return "features do not match rows x dims";
    if (data.labels.size() != static_cast<std::size_t>(data.rows))
        return "need one label per row";
    if (!data.featureNames.empty() && data.featureNames.size() != static_cast<std::size_t>(data.dims))
        return "need one feature name per column";
    for (const std::string& name : data.featureNames)
        if (name == kDefaultLabel || name.find_first_of("\r\n") != std::string::npos)
            return "feature name \"" + name + "\" cannot be read back";
    for (const std::string& name : data.classNames)
        if (name.empty() || name.find_first_of("\r\n") != std::string::npos)
            return "class name \"" + name + "\" cannot be read back";
    for (const int label : data.labels)
        if (label < -1 || label >= static_cast<int>(data.classNames.size()))
            return "label " + std::to_string(label) + " has no class name";
    for (std::size_t i = 0; i < data.features.size(); ++i)
        if (!std::isfinite(data.features[i]))
            return "row " + std::to_string(i / static_cast<std::size_t>(data.dims) + 1)
                 + " holds a value that is not a finite number";
    return {};
}

bool flushBuffer(gzFile file, std::string& buffer)
{
    const bool ok = buffer.empty()
                 || gzwrite(file, buffer.data(), static_cast<unsigned>(buffer.size())) > 0;
    buffer.clear();
    return ok;
}

void appendRow(const Dataset& data, int i, std::string& buffer)
{
    const float* values = data.row(i);
    for (int d = 0; d < data.dims; ++d) {
        detail::appendFloat(buffer, values[d]);
        buffer.push_back(',');
    }
    const int label = data.labels[static_cast<std::size_t>(i)];
    if (label >= 0)
        detail::appendField(buffer, data.classNames[static_cast<std::size_t>(label)]);
    buffer.push_back('\n');
}

}  // namespace

std::string labelKey(std::string_view label)
{
    const std::string_view text = detail::trim(label);
    const char* first = text.data();
    const char* last = first + text.size();
    const bool plus = first != last && *first == '+';
    if (plus)
        ++first;  // from_chars refuses the '+' that people write, but "+-1" is no number
    double value = 0.0;
    const auto parsed = std::from_chars(first, last, value);
    const bool number = first != last && !(plus && *first == '-') && parsed.ec == std::errc()
                     && parsed.ptr == last && std::isfinite(value);
    if (!number)
        return std::string(label);
    if (value == 0.0)
        value = 0.0;  // "-0" is "0"
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, written.ptr);
}

bool readCsv(const std::string& path, const CsvOptions& opt, Dataset& out, std::string& error)
{
    CsvReader reader(path, opt);
    return reader.read(out, error);
}

bool writeCsv(const Dataset& data, const std::string& path, std::string& error)
{
    const std::string problem = checkWritable(data);
    if (!problem.empty()) {
        error = "cannot write " + path + ": " + problem;
        return false;
    }
    const bool compress = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    errno = 0;
    // "T" makes zlib write plain text, so one code path serves both kinds of file.
    gzFile file = gzopen(path.c_str(), compress ? "wb" : "wT");
    if (file == nullptr) {
        error = "cannot create " + path + ": " + (errno != 0 ? std::strerror(errno) : "out of memory");
        return false;
    }
    std::string buffer;
    for (int d = 0; d < data.dims; ++d) {
        if (data.featureNames.empty())
            buffer += "f" + std::to_string(d);
        else
            detail::appendField(buffer, data.featureNames[static_cast<std::size_t>(d)]);
        buffer.push_back(',');
    }
    buffer += "label\n";
    bool ok = true;
    for (int i = 0; i < data.rows && ok; ++i) {
        appendRow(data, i, buffer);
        if (buffer.size() >= kWriteChunk)
            ok = flushBuffer(file, buffer);
    }
    ok = flushBuffer(file, buffer) && ok;
    int errnum = Z_OK;
    const std::string zlibMessage = ok ? std::string() : gzerror(file, &errnum);
    const int savedErrno = errno;
    ok = gzclose(file) == Z_OK && ok;
    if (!ok) {
        error = "cannot write " + path + ": "
              + (errnum == Z_ERRNO || zlibMessage.empty() ? std::strerror(savedErrno) : zlibMessage);
        // Never delete a device such as /dev/stdout that we were merely writing to.
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec))
            std::remove(path.c_str());
    }
    return ok;
}

}  // namespace dlm::data
