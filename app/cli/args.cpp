#include "app/cli/args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace dlm::cli {

bool Args::parse(int argc, char** argv, int first, const std::set<std::string>& valued,
                 const std::set<std::string>& flags, std::string& error) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      error = "unexpected argument '" + arg + "'";
      return false;
    }
    std::string name = arg.substr(2);
    std::string value;
    const std::size_t eq = name.find('=');
    const bool inlineValue = eq != std::string::npos;
    if (inlineValue) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name) != 0 && !inlineValue) {
      m_values[name] = "1";
    } else if (valued.count(name) != 0) {
      if (!inlineValue) {
        if (i + 1 >= argc) {
          error = "option --" + name + " needs a value";
          return false;
        }
        value = argv[++i];
      }
      m_values[name] = value;
    } else {
      error = "unknown option --" + name;
      return false;
    }
  }
  return true;
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
  const auto it = m_values.find(name);
  return it == m_values.end() ? fallback : it->second;
}

bool Args::intValue(const std::string& name, int fallback, int low, int high, int& out,
                    std::string& error) const {
  out = fallback;
  if (!has(name)) return true;
  const std::string text = value(name);
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < low || v > high) {
    error = "--" + name + " expects a whole number from " + std::to_string(low) + " to " +
            std::to_string(high) + ", got '" + text + "'";
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool Args::doubleValue(const std::string& name, double fallback, double& out,
                       std::string& error) const {
  out = fallback;
  if (!has(name)) return true;
  const std::string text = value(name);
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v)) {
    error = "--" + name + " expects a number, got '" + text + "'";
    return false;
  }
  out = v;
  return true;
}

bool Args::require(const std::string& name, std::string& error) const {
  if (has(name)) return true;
  error = "missing --" + name;
  return false;
}

} // namespace dlm::cli
