#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "app/data/dataset.h"

namespace dlm::data {

/// \brief Options for readCsv.
struct CsvOptions {
    /// \brief Which column holds the class label.
    ///
    /// A column name ("target"), a 0-based column index written as digits ("0", "64"), or a
    /// negative index counted from the end ("-1" is the last column). The default "label" also
    /// means "the last column" when the file has no header row. An empty string means the file
    /// has no label column: every column is a feature and every label is -1.
    std::string label = "label";

    /// \brief Refuse a row whose label field is empty (at its line) instead of reading it as -1.
    bool labelRequired = false;

    /// \brief Refuse a class name longer than this many bytes (at its line); 0: no limit.
    std::size_t maxLabelBytes = 0;
};

/// \brief The identity of a class label: labels that are numbers compare as numbers ("1",
/// "1.0", " 1 ", "+1e0" and "01" are one class; "-0" is "0"), any other label as its exact
/// text. Two labels name the same class exactly when their keys are equal.
std::string labelKey(std::string_view label);

/// \brief Reads a delimited text file (plain or gzip-compressed) into out.
///
/// The delimiter (',', ';' or tab) is detected from the first line; with ';' or tab a decimal
/// comma ("1,5") is accepted as well. A header row is detected automatically: the first row is a
/// header when its non-label fields are not all numbers, or when it contains the requested label
/// name. Unquoted fields are trimmed; double-quoted fields may contain delimiters and "" escapes.
/// Feature values must be finite numbers; an empty label means "no label" (-1) unless
/// opt.labelRequired. Blank lines, a UTF-8 BOM and CRLF line ends are tolerated. Classes are
/// numbered in order of first appearance; labels with the same labelKey() are one class, named
/// as first written (trimmed when it is a number).
///
/// On failure returns false, leaves out untouched and sets error to one line of the form
/// "path:line:column: message" (column = 1-based field number; the message names the column
/// when the file has a header), "path:line: message", "path: empty file" or
/// "cannot open path: reason".
bool readCsv(const std::string& path, const CsvOptions& opt, Dataset& out, std::string& error);

/// \brief Writes data as CSV with a header row (feature names, or f0..fN-1 if unnamed, then
/// "label"), labels as class names (empty for -1) and floats in shortest round-trip form, so
/// readCsv gives back bit-identical features. A path ending in ".gz" is gzip-compressed.
bool writeCsv(const Dataset& data, const std::string& path, std::string& error);

}  // namespace dlm::data
