#pragma once

// Internal building blocks of the CSV reader and writer; not part of the public API.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct gzFile_s;  // zlib's handle type; forward-declared so zlib.h stays out of this header.

namespace dlm::data::detail {

/// Reads a plain or gzip-compressed text file line by line (zlib's gzopen reads uncompressed
/// files transparently, so one code path covers both).
class GzLineReader {
public:
    GzLineReader() = default;
    ~GzLineReader();
    GzLineReader(const GzLineReader&) = delete;
    GzLineReader& operator=(const GzLineReader&) = delete;

    bool open(const std::string& path, std::string& error);

    /// Next line without its "\n" or "\r\n"; false at end of file or on a read error.
    bool readLine(std::string& line);

    /// 1-based number of the line last returned by readLine.
    int lineNumber() const { return m_lineNumber; }

    /// Set after readLine returned false because of a read or decompression error.
    const std::string& error() const { return m_error; }

private:
    gzFile_s* m_file = nullptr;
    std::string m_path;
    std::string m_error;
    std::vector<char> m_buffer;
    int m_lineNumber = 0;
};

/// "where: read error: reason" for a failed gzread/gzgets, or empty if file has no error;
/// where is e.g. "path:line", and path alone when empty.
std::string gzReadError(gzFile_s* file, const std::string& path, const std::string& where = {});

/// Fields of one record; m_text keeps its strings between records so their capacity is reused.
class Record {
public:
    std::size_t size() const { return m_count; }
    const std::string& operator[](std::size_t i) const { return m_text[i]; }
    std::string& append();
    void clear() { m_count = 0; }

private:
    std::vector<std::string> m_text;
    std::size_t m_count = 0;
};

/// Splits line into trimmed, unquoted fields. On a malformed quote returns false with message set
/// and badField the 1-based field number.
bool splitRecord(std::string_view line, char delimiter, Record& record, int& badField,
                 std::string& message);

/// The most frequent of ',', ';', '\t' outside quotes in line (',' if none occurs).
char detectDelimiter(std::string_view line);

enum class NumberStatus { Ok, Empty, NotANumber, NotFinite, OutOfRange };

/// Locale-independent parse of a whole field as a float. decimalComma also accepts "1,5".
NumberStatus parseFloat(std::string_view text, bool decimalComma, float& value);

/// "expected a number in column "x", got "abc"" and friends, for a status other than Ok; the
/// column part is left out when column is empty (a file without a header).
std::string numberError(NumberStatus status, std::string_view text, std::string_view column = {});

/// Shortest text that reads back as exactly the same float; locale-independent.
void appendFloat(std::string& out, float value);

/// Appends field, quoted if a reader would otherwise split, trim or misread it.
void appendField(std::string& out, std::string_view field);

/// s without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

}  // namespace dlm::data::detail
