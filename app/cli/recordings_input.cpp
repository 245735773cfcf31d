#include "app/cli/recordings_input.h"

#include <cstdio>

#include "app/cli/args.h"
#include "app/data/recordings.h"

namespace dlm::cli {

namespace {

const char* frontEndName(const FrontEndConfig& fe) {
  if (fe.kind == FrontEndKind::Motion) return "motion";
  // Named by the presets, which both use mel bands now; another spectral config by its shape.
  const SpectralConfig& s = fe.spectral;
  if (sameFrontEnd(fe, spectralFrontEnd(soundSpectral(s.channels)))) return "sound (mel spectra)";
  if (sameFrontEnd(fe, spectralFrontEnd(vibrationSpectral(s.sampleRateHz, s.channels))))
    return "vibration (mel spectra)";
  return s.scale == BandScale::Mel ? "spectral (mel)" : "spectral (linear)";
}

} // namespace

bool readRecordingsOption(const Args& args, const char* command,
                          const RecordingsRequest& request, data::Dataset& out,
                          FrontEndConfig& frontEnd, std::string& error) {
  data::RecordingOptions options;
  options.includeUnknown = request.withUnknown;
  options.describer = request.describer;
  if (request.modelFrontEnd) {
    options.useFrontEnd = true;
    options.frontEnd = frontEnd;
  } else if (!data::parseFrontEndChoice(args.value(kFrontEndOption, "auto"), options.choice)) {
    error = "--front-end is motion, sound or vibration; got " + args.value(kFrontEndOption);
    return false;
  }
  double trigger = 0.0;
  if (!args.doubleValue(kTriggerOption, 0.0, trigger, error)) return false;
  if (args.has(kTriggerOption) && !(trigger > 0.0 && trigger < 32768.0)) {
    error = "--trigger is the energy threshold in counts, above 0 and below 32768";
    return false;
  }
  options.triggerThreshold = static_cast<float>(trigger);
  const std::string dir = args.value(request.dirOption);
  data::Recordings r;
  if (!data::loadRecordings(dir, options, r, error)) return false;
  for (const std::string& w : r.warnings) std::fprintf(stderr, "dlm %s: warning: %s\n", command,
                                                       w.c_str());
  if (!request.quiet) {
    std::printf("read %s: %d files, %d events, %s %s (%d dims)\n", dir.c_str(), r.files,
                r.data.rows, request.describer != nullptr ? "events of front-end" : "front-end",
                frontEndName(r.frontEnd), r.data.dims);
  }
  out = std::move(r.data);
  frontEnd = r.frontEnd;
  return true;
}

} // namespace dlm::cli
