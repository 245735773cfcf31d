#pragma once

// `--recordings DIR` for dlm learn and dlm eval (issue 13): a folder of recordings read as a
// dataset of descriptors, so the rest of each command is the one it runs on a CSV.

#include <string>

#include "app/data/dataset.h"
#include "core/front_end.h"

namespace dlm::cli {

class Args;

/// \brief The options --recordings brings (to add to a command's accepted options).
inline constexpr const char* kRecordingsOption = "recordings";
inline constexpr const char* kFrontEndOption = "front-end";
inline constexpr const char* kTriggerOption = "trigger";

/// \brief Read `--recordings DIR` (with --front-end and --trigger) into \p out. \p frontEnd
/// in: the model's front-end when \p modelFrontEnd (descriptors must match what it learned
/// from), out: the front-end used. unknown/ is read only when \p withUnknown. Warnings go to
/// stderr prefixed "dlm <command>: warning: "; \p quiet leaves out the summary line.
bool readRecordingsOption(const Args& args, const char* command, bool withUnknown,
                          bool modelFrontEnd, bool quiet, data::Dataset& out,
                          FrontEndConfig& frontEnd, std::string& error);

} // namespace dlm::cli
