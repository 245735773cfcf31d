#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dlm::cli {

/// \brief Command-line options of one subcommand: `--name value` pairs and `--flag`s.
class Args {
public:
  /// \brief Parse argv[first..argc); \p valued and \p flags list the accepted option names.
  bool parse(int argc, char** argv, int first, const std::set<std::string>& valued,
             const std::set<std::string>& flags, std::string& error);

  bool has(const std::string& name) const { return m_values.count(name) != 0; }
  std::string value(const std::string& name, const std::string& fallback = {}) const;
  /// \brief Integer option; false with a clear error if it is not a whole number in range.
  bool intValue(const std::string& name, int fallback, int low, int high, int& out,
                std::string& error) const;
  bool doubleValue(const std::string& name, double fallback, double& out,
                   std::string& error) const;
  /// \brief Fails with "missing --name" unless the option was given.
  bool require(const std::string& name, std::string& error) const;

private:
  std::map<std::string, std::string> m_values;
};

} // namespace dlm::cli
