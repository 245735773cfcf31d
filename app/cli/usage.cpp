// Help texts: one per command, so `dlm learn --help` answers without running anything.
#include "app/cli/usage.h"

#include <cstring>
#include <string>

#include "app/cli/commands.h"

namespace dlm::cli {

namespace {

constexpr const char* kLearn =
    "usage: dlm learn --data TRAIN.csv --out MODEL.dlm [--label COL] [--max-neurons N]\n"
    "                 [--incremental] [--local-readout] [--threads N] [--json]\n"
    "       dlm learn --model OLD.dlm --data NEW.csv --out NEW.dlm [same options]\n"
    "       dlm learn --recordings DIR --out MODEL.dlm [--front-end motion|sound|vibration]\n"
    "                 [--trigger COUNTS] [same options]\n\n"
    "Builds a model from labelled events: by default the direct full construction (a\n"
    "rebuild over all the rows, depth included).\n"
    "  --incremental     learn one row at a time, with the periodic rebuilds the studio uses\n"
    "  --local-readout   learn one row at a time with the local readout a board without the\n"
    "                    least-squares workspace uses, and no event memory: the model file\n"
    "                    then holds the whole learning state\n"
    "  --max-neurons N   neurons per layer at most (default 2048); when full, the neuron that\n"
    "                    covered the fewest events is merged away\n"
    "  --threads N       threads a full rebuild uses (default: every hardware thread, at\n"
    "                    most 8); the model's bytes do not depend on it\n"
    "  --json            print the summary as one JSON object\n\n"
    "Continuing a model (--model OLD.dlm), e.g. when the data drift:\n"
    "  A model holds neurons, not the events it was built from, so it cannot be rebuilt.\n"
    "  The rows of NEW.csv are learned one at a time into OLD's network (incremental\n"
    "  learning): neurons are added and shrunk, the readout is updated by recursive least\n"
    "  squares started from OLD's weights (or by the local readout with --local-readout).\n"
    "  Labels are matched to OLD's classes by name (numbers as numbers: 1.0 is 1); other\n"
    "  labels become new classes after OLD's. Adding a class drops deeper layers (their\n"
    "  input changes shape) until the next full rebuild; the rejection threshold keeps\n"
    "  OLD's calibration. The result is not the model a rebuild over OLD's and NEW's events\n"
    "  would give; for that, learn from all the events again. With --local-readout (for\n"
    "  OLD and NEW alike) continuing gives exactly the model that learning OLD's and NEW's\n"
    "  rows in one --local-readout run gives.\n\n"
    "Every row needs a label; class names are at most 31 bytes.\n\n";

constexpr const char* kRecordings =
    "Recordings (--recordings DIR instead of --data): DIR/<class>/*.wav and *.csv, a folder\n"
    "per class; a folder named unknown holds never-seen examples (dlm eval counts them as\n"
    "unknown, dlm learn leaves them out). WAV files are 16-bit PCM (sound: 16 kHz mono;\n"
    "convert with sox IN.wav -r 16000 -c 1 -b 16 OUT.wav); CSV files are samples files as\n"
    "dlm record writes them (sample,time_s,<channels>; the rate from time_s, else 1 kHz).\n"
    "Other files are ignored with a warning. Each file goes through the boards' energy\n"
    "trigger: a file no longer than the front-end's longest event (sound 1 s, motion and\n"
    "vibration 2048 frames) is one example, from the first triggered window's start to the\n"
    "last one's end, or the whole file when nothing triggers; a longer file gives one\n"
    "example per triggered window. Each event is described by the front-end: sound (mel\n"
    "spectra) for WAV, motion for CSV, or --front-end motion|sound|vibration; the model\n"
    "records it, and dlm eval --recordings describes with the model's own.\n"
    "  --trigger COUNTS  energy threshold of the trigger (default 600 counts); give dlm eval\n"
    "                    the same one\n";

constexpr const char* kEval =
    "usage: dlm eval --model MODEL.dlm --data TEST.csv [--label COL] [--threshold T] [--json]\n"
    "       dlm eval --model MODEL.dlm --recordings DIR [--trigger COUNTS] [--threshold T]\n"
    "                [--json]\n\n"
    "Predicts every row and reports closed-set accuracy (best class, rejection aside),\n"
    "accuracy among accepted rows, rejected share, open-set accuracy, AUROC and FPR at 95%\n"
    "TPR of the known-set score, and the confusion matrix. Labels are matched to the model's\n"
    "classes by name (numbers as numbers); rows of other labels, or with an empty label, are\n"
    "unknowns that a good model rejects. A figure that cannot be computed (e.g. accuracy when\n"
    "no row is of a class the model knows) is null in JSON and explained in \"notes\".\n"
    "  --threshold T   share of known events to reject, 0 to 1, instead of the model's own\n"
    "                  (its default is 0.05: about 5% of fresh known events are rejected)\n"
    "With --recordings DIR (see dlm learn --help), the folders name the classes and unknown/\n"
    "holds never-seen examples: one-class use is learning one folder (e.g. normal) and\n"
    "evaluating on all, where the AUROC is that of the known-set score against the rest.\n\n"
    "       dlm eval --baseline knn1|knn1-spectrogram --train DIR --recordings DIR\n"
    "                [--model MODEL.dlm | --front-end motion|sound|vibration]\n"
    "                [--spectrogram spread|hop] [--trigger COUNTS] [--json]\n\n"
    "The kernel's peers on the same events: kNN-1 (Euclidean) learns the events of the\n"
    "--train folder (unknown/ left out) and predicts those of --recordings; its known score\n"
    "is minus the distance to the nearest training event, and it never rejects.\n"
    "  knn1              on the front-end's descriptors (the model's with --model, else\n"
    "                    --front-end's, by default sound for WAV and motion for CSV)\n"
    "  knn1-spectrogram  on a plain log-spectrogram of each event: 62 Hann frames of 512\n"
    "                    samples, every bin (257), no bands and no per-event normalisation;\n"
    "                    --spectrogram spread (default) spreads the frames evenly over the\n"
    "                    event, hop puts them every 256 samples from its start (zero past\n"
    "                    its end)\n";

constexpr const char* kPredict =
    "usage: dlm predict --model MODEL.dlm --data X.csv [--label COL] [--threshold T]\n\n"
    "Prints one CSV line per row: row,prediction,confidence,known_score, where prediction\n"
    "is a class name or unknown. Without --label, a file whose column count is the model's\n"
    "feature count has no label column; otherwise the label column is skipped.\n"
    "  --threshold T   share of known events to reject, 0 to 1, instead of the model's own\n"
    "                  (its default is 0.05: about 5% of fresh known events are rejected)\n";

} // namespace

const char* commandUsage(const std::string& command) {
  if (command == "learn") {
    static const std::string learn = std::string(kLearn) + kRecordings;
    return learn.c_str();
  }
  if (command == "eval") return kEval;
  if (command == "predict") return kPredict;
  if (command == "flash") return flashUsage();
  if (command == "record") return recordUsage();
  if (command == "export") return exportUsage();
  return nullptr;
}

bool wantsHelp(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
  }
  return false;
}

} // namespace dlm::cli
