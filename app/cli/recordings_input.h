#pragma once

// `--recordings DIR` for dlm learn and dlm eval (issue 13): a folder of recordings read as a
// dataset of descriptors, so the rest of each command is the one it runs on a CSV.

#include <string>

#include "app/data/dataset.h"
#include "app/data/recordings.h"
#include "core/front_end.h"

namespace dlm::cli {

class Args;

/// \brief The options --recordings brings (to add to a command's accepted options).
inline constexpr const char* kRecordingsOption = "recordings";
inline constexpr const char* kFrontEndOption = "front-end";
inline constexpr const char* kTriggerOption = "trigger";

/// \brief What readRecordingsOption() reads, beyond the command's options.
struct RecordingsRequest {
  const char* dirOption = kRecordingsOption;  ///< the option naming the folder
  bool withUnknown = false;    ///< read unknown/ too
  /// Describe with the front-end given (a model's), not --front-end (which the caller
  /// refuses in that case: it would describe otherwise than the model learned).
  bool modelFrontEnd = false;
  bool quiet = false;          ///< leave out the summary line
  /// Not null: describe events with it (a baseline's representation), not the front-end.
  data::EventDescriber* describer = nullptr;
};

/// \brief Read the folder of \p request.dirOption (with --front-end and --trigger) into
/// \p out. \p frontEnd in: the model's front-end when request.modelFrontEnd (descriptors must
/// match what it learned from), out: the front-end used. Warnings go to stderr prefixed
/// "dlm <command>: warning: ".
bool readRecordingsOption(const Args& args, const char* command,
                          const RecordingsRequest& request, data::Dataset& out,
                          FrontEndConfig& frontEnd, std::string& error);

} // namespace dlm::cli
