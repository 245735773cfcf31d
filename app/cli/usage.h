#pragma once

#include <string>

namespace dlm::cli {

/// \brief The whole tool's usage (dlm --help).
const char* toolUsage();

/// \brief Usage of one command (dlm learn --help), or nullptr for an unknown command.
const char* commandUsage(const std::string& command);

/// \brief True when argv[2..] asks for help (--help or -h), whatever else it holds.
bool wantsHelp(int argc, char** argv);

} // namespace dlm::cli
