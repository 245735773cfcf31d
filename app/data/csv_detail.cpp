#include "app/data/csv_detail.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

namespace dlm::data::detail {

namespace {

// Large enough that typical lines (a few kB for 785 columns) come back in one gzgets call.
constexpr std::size_t kLineChunk = 1 << 16;
// Bigger than zlib's 8 kB default: fewer refills on multi-megabyte files.
constexpr unsigned kGzBufferSize = 1u << 18;
// Echoing a whole corrupted line into a one-line error helps nobody.
constexpr std::size_t kMaxEchoedChars = 40;

bool isBlank(char c, char delimiter)
{
    return (c == ' ' || c == '\t') && c != delimiter;
}

}  // namespace

GzLineReader::~GzLineReader()
{
    if (m_file != nullptr)
        gzclose(m_file);
}

bool GzLineReader::open(const std::string& path, std::string& error)
{
    m_path = path;
    std::error_code ec;
    // gzopen happily opens a directory and only fails on the first read with a vaguer message.
    if (std::filesystem::is_directory(path, ec)) {
        error = "cannot open " + path + ": " + std::strerror(EISDIR);
        return false;
    }
    errno = 0;
    m_file = gzopen(path.c_str(), "rb");
    if (m_file == nullptr) {
        error = "cannot open " + path + ": " + (errno != 0 ? std::strerror(errno) : "out of memory");
        return false;
    }
    gzbuffer(m_file, kGzBufferSize);
    m_buffer.resize(kLineChunk);
    return true;
}

bool GzLineReader::readLine(std::string& line)
{
    line.clear();
    if (m_file == nullptr)
        return false;
    bool gotAny = false;
    for (;;) {
        const char* got = gzgets(m_file, m_buffer.data(), static_cast<int>(m_buffer.size()));
        if (got == nullptr) {
            // The line being read when the stream broke: where the data stops being usable.
            m_error = gzReadError(m_file, m_path, m_path + ":" + std::to_string(m_lineNumber + 1));
            if (!m_error.empty())
                return false;
            break;
        }
        gotAny = true;
        const std::size_t length = std::strlen(got);
        line.append(got, length);
        if (length > 0 && got[length - 1] == '\n')
            break;
    }
    if (!gotAny)
        return false;
    if (!line.empty() && line.back() == '\n')
        line.pop_back();
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    ++m_lineNumber;
    return true;
}

std::string gzReadError(gzFile_s* file, const std::string& path, const std::string& where)
{
    int errnum = Z_OK;
    const char* message = gzerror(file, &errnum);
    if (errnum == Z_OK || errnum == Z_STREAM_END)
        return {};
    std::string reason = errnum == Z_ERRNO ? std::strerror(errno) : message;
    // zlib prefixes its messages with the path it was given; we add our own.
    const std::string prefix = path + ": ";
    if (reason.compare(0, prefix.size(), prefix) == 0)
        reason.erase(0, prefix.size());
    return (where.empty() ? path : where) + ": read error: " + reason;
}

std::string& Record::append()
{
    if (m_count == m_text.size())
        m_text.emplace_back();
    std::string& field = m_text[m_count++];
    field.clear();
    return field;
}

bool splitRecord(std::string_view line, char delimiter, Record& record, int& badField,
                 std::string& message)
{
    record.clear();
    const std::size_t n = line.size();
    std::size_t p = 0;
    for (;;) {
        std::string& field = record.append();
        while (p < n && isBlank(line[p], delimiter))
            ++p;
        if (p < n && line[p] == '"') {
            ++p;
            for (;;) {
                if (p >= n) {
                    badField = static_cast<int>(record.size());
                    message = "unterminated quoted field";
                    return false;
                }
                const char c = line[p++];
                if (c != '"') {
                    field.push_back(c);
                } else if (p < n && line[p] == '"') {
                    field.push_back('"');
                    ++p;
                } else {
                    break;
                }
            }
            while (p < n && isBlank(line[p], delimiter))
                ++p;
            if (p < n && line[p] != delimiter) {
                badField = static_cast<int>(record.size());
                message = std::string("unexpected character '") + line[p] + "' after closing quote";
                return false;
            }
        } else {
            std::size_t end = line.find(delimiter, p);
            if (end == std::string_view::npos)
                end = n;
            const std::string_view text = trim(line.substr(p, end - p));
            field.assign(text.data(), text.size());
            p = end;
        }
        if (p >= n)
            return true;
        ++p;  // the delimiter
    }
}

char detectDelimiter(std::string_view line)
{
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;  // "" inside quotes toggles twice, which is what we want
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    // On a tie prefer ';' then tab: "1,5;2,5" style files (decimal commas) tie with ','.
    if (semicolons > 0 && semicolons >= commas && semicolons >= tabs)
        return ';';
    if (tabs > 0 && tabs >= commas)
        return '\t';
    return ',';
}

NumberStatus parseFloat(std::string_view text, bool decimalComma, float& value)
{
    text = trim(text);
    if (text.empty())
        return NumberStatus::Empty;
    std::string withDot;
    if (decimalComma && std::count(text.begin(), text.end(), ',') == 1
        && text.find('.') == std::string_view::npos) {
        withDot.assign(text.data(), text.size());
        std::replace(withDot.begin(), withDot.end(), ',', '.');
        text = withDot;
    }
    const char* first = text.data();
    const char* last = first + text.size();
    // from_chars (unlike strtof) ignores the locale, but it also rejects a leading '+'.
    if (*first == '+') {
        ++first;
        if (first == last || *first == '+' || *first == '-')
            return NumberStatus::NotANumber;
    }
    float parsed = 0.0f;
    const auto result = std::from_chars(first, last, parsed);
    if (result.ptr != last || result.ec == std::errc::invalid_argument)
        return NumberStatus::NotANumber;
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars reports underflow the same way as overflow; underflow should just give a
        // tiny or zero float, as strtof does.
        double wide = 0.0;
        const auto again = std::from_chars(first, last, wide);
        const bool tinyDouble = again.ec == std::errc() && std::fabs(wide) < 1.0;
        const bool negativeExponent = text.find("e-") != std::string_view::npos
                                   || text.find("E-") != std::string_view::npos;
        if (tinyDouble)
            parsed = static_cast<float>(wide);
        else if (again.ec == std::errc::result_out_of_range && negativeExponent)
            parsed = *first == '-' ? -0.0f : 0.0f;
        else
            return NumberStatus::OutOfRange;
    }
    if (!std::isfinite(parsed))
        return NumberStatus::NotFinite;
    value = parsed;
    return NumberStatus::Ok;
}

std::string numberError(NumberStatus status, std::string_view text, std::string_view column)
{
    std::string shown(text.substr(0, kMaxEchoedChars));
    if (text.size() > kMaxEchoedChars)
        shown += "...";
    const std::string in =
        column.empty() ? std::string() : " in column \"" + std::string(column) + "\"";
    switch (status) {
    case NumberStatus::Empty:
        return "expected a number" + in + ", got an empty field";
    case NumberStatus::NotFinite:
        return "expected a finite number" + in + ", got \"" + shown + "\"";
    case NumberStatus::OutOfRange:
        return "number out of float range" + in + ": \"" + shown + "\"";
    case NumberStatus::Ok:
    case NumberStatus::NotANumber:
        break;
    }
    return "expected a number" + in + ", got \"" + shown + "\"";
}

void appendFloat(std::string& out, float value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void appendField(std::string& out, std::string_view field)
{
    const bool needsQuotes =
        field.find_first_of(",;\t\"\r\n") != std::string_view::npos
        || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needsQuotes) {
        out.append(field.data(), field.size());
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string_view trim(std::string_view s)
{
    const std::size_t first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

}  // namespace dlm::data::detail
