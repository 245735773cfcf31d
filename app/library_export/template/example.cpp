// A minimal host program for the library: reads a CSV and prints one line per row, as
// `dlm predict` does: row,prediction,confidence,known_score.
//
//   example DESCRIPTORS.csv [--threshold T]
//       a header row, then kDims feature columns per row; a column named "label" is skipped
//   example --samples EVENTS.csv [--threshold T]
//       one event per line: its int16 samples, kChannels interleaved (x0,y0,z0,x1,...);
//       a first line that is not numbers (a header) is skipped
//
// Build: g++ -std=c++17 -O2 *.cpp -o example
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ExportName.h"

namespace {

constexpr int kFieldChars = 64;
// Interleaved samples per frame (1 when the model has no front-end: rows are then refused).
constexpr int kStride = ExportName::kChannels > 0 ? ExportName::kChannels : 1;
// Room for windows longer than kMaxFrames too (a trigger's pre-roll and hold-off).
constexpr std::uint32_t kMaxSamples = 2 * ExportName::kMaxFrames * kStride;

// One comma-separated field from the stream; false at the end of the file. \p lineEnd says
// whether the field ended its line.
bool readField(std::FILE* in, char* field, bool& lineEnd) {
  int n = 0;
  int c = std::fgetc(in);
  if (c == EOF) return false;
  while (c != EOF && c != ',' && c != '\n') {
    if (c != '\r' && c != '"' && n + 1 < kFieldChars) field[n++] = static_cast<char>(c);
    c = std::fgetc(in);
  }
  field[n] = '\0';
  lineEnd = c != ',';
  return true;
}

bool isNumber(const char* text) {
  char* end = nullptr;
  std::strtod(text, &end);
  return end != text && *end == '\0';
}

void printRow(int row, const ExportName::Prediction& p) {
  std::printf("%d,\"", row);
  for (const char* s = ExportName::className(p.classIndex); *s != '\0'; ++s) {
    if (*s == '"' || *s == '\\') std::putchar('\\');
    std::putchar(*s);
  }
  std::printf("\",%.4f,%.4f\n", static_cast<double>(p.confidence),
              static_cast<double>(p.knownScore));
}

// Descriptor rows; returns the exit code.
int runDescriptors(std::FILE* in, float threshold) {
  char field[kFieldChars];
  bool lineEnd = false;
  int column = 0, labelColumn = -1;
  while (readField(in, field, lineEnd)) {  // the header
    if (std::strcmp(field, "label") == 0) labelColumn = column;
    ++column;
    if (lineEnd) break;
  }
  float x[ExportName::kDims];
  int row = 0, used = 0;
  column = 0;
  while (readField(in, field, lineEnd)) {
    if (column != labelColumn && used < ExportName::kDims) {
      x[used++] = std::strtof(field, nullptr);
    }
    ++column;
    if (!lineEnd) continue;
    if (column > 1 || field[0] != '\0') {
      if (used != ExportName::kDims) {
        std::fprintf(stderr, "row %d: %d features, the model expects %d\n", row + 1, used,
                     ExportName::kDims);
        return 1;
      }
      printRow(++row, ExportName::predict(x, threshold));
    }
    column = used = 0;
  }
  return 0;
}

// Raw event rows through the front-end; returns the exit code.
int runSamples(std::FILE* in, float threshold) {
  static std::int16_t samples[kMaxSamples];
  char field[kFieldChars];
  bool lineEnd = false, header = true, numeric = true;
  std::uint32_t count = 0;
  int row = 0;
  while (readField(in, field, lineEnd)) {
    numeric = numeric && isNumber(field);
    if (count < kMaxSamples) samples[count++] = static_cast<std::int16_t>(std::atoi(field));
    if (!lineEnd) continue;
    if (!(header && !numeric) && count > 0) {
      if (count >= kMaxSamples) {
        std::fprintf(stderr, "row %d: more than %u samples\n", row + 1, unsigned(kMaxSamples));
        return 1;
      }
      ExportName::Prediction p;
      if (!ExportName::predictSamples(samples, count / std::uint32_t(kStride), p,
                                      threshold)) {
        std::fprintf(stderr, "row %d: this model has no front-end for raw samples\n", row + 1);
        return 1;
      }
      printRow(++row, p);
    }
    header = false;
    numeric = true;
    count = 0;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  const char* path = nullptr;
  bool samples = false;
  float threshold = ExportName::kThreshold;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--samples") == 0) {
      samples = true;
    } else if (std::strcmp(argv[i], "--threshold") == 0 && i + 1 < argc) {
      threshold = std::strtof(argv[++i], nullptr);
    } else {
      path = argv[i];
    }
  }
  std::FILE* in = path != nullptr ? std::fopen(path, "r") : nullptr;
  if (in == nullptr) {
    std::fprintf(stderr, "usage: example [--samples] FILE.csv [--threshold T]\n");
    return 1;
  }
  std::printf("row,prediction,confidence,known_score\n");
  const int rc = samples ? runSamples(in, threshold) : runDescriptors(in, threshold);
  std::fclose(in);
  return rc;
}
