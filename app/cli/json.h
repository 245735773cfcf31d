#pragma once

#include <string>
#include <vector>

namespace dlm::cli {

/// \brief A flat-or-nested JSON object built in order; NaN and infinities become null.
class Json {
public:
  Json& number(const std::string& key, double value);
  Json& integer(const std::string& key, long long value);
  Json& text(const std::string& key, const std::string& value);
  Json& integers(const std::string& key, const std::vector<int>& values);
  Json& texts(const std::string& key, const std::vector<std::string>& values);
  Json& object(const std::string& key, const Json& value);
  Json& array(const std::string& key, const std::vector<Json>& values);
  std::string str() const { return "{" + m_body + "}"; }

private:
  Json& raw(const std::string& key, const std::string& value);
  std::string m_body;
};

std::string jsonQuote(const std::string& s);
std::string jsonNumber(double value);

} // namespace dlm::cli
