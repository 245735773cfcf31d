#include "app/cli/json.h"

#include <cmath>
#include <cstdio>

namespace dlm::cli {

std::string jsonQuote(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string jsonNumber(double value) {
  if (!std::isfinite(value)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

Json& Json::raw(const std::string& key, const std::string& value) {
  if (!m_body.empty()) m_body += ", ";
  m_body += jsonQuote(key) + ": " + value;
  return *this;
}

Json& Json::number(const std::string& key, double value) { return raw(key, jsonNumber(value)); }

Json& Json::integer(const std::string& key, long long value) {
  return raw(key, std::to_string(value));
}

Json& Json::text(const std::string& key, const std::string& value) {
  return raw(key, jsonQuote(value));
}

Json& Json::integers(const std::string& key, const std::vector<int>& values) {
  std::string list = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    list += (i ? ", " : "") + std::to_string(values[i]);
  }
  return raw(key, list + "]");
}

Json& Json::texts(const std::string& key, const std::vector<std::string>& values) {
  std::string list = "[";
  for (std::size_t i = 0; i < values.size(); ++i) list += (i ? ", " : "") + jsonQuote(values[i]);
  return raw(key, list + "]");
}

Json& Json::object(const std::string& key, const Json& value) { return raw(key, value.str()); }

Json& Json::array(const std::string& key, const std::vector<Json>& values) {
  std::string list = "[";
  for (std::size_t i = 0; i < values.size(); ++i) list += (i ? ", " : "") + values[i].str();
  return raw(key, list + "]");
}

} // namespace dlm::cli
