#pragma once

#include <string>

namespace dlm::cli {

/// \brief Usage of learn, eval or predict (dlm learn --help); nullptr for other commands
/// (dlm bench prints its own).
const char* commandUsage(const std::string& command);

/// \brief True when argv[2..] asks for help (--help or -h), whatever else it holds.
bool wantsHelp(int argc, char** argv);

} // namespace dlm::cli
