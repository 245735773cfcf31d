// The driver of a fuzz target in a build without libFuzzer (gcc, the default): runs
// LLVMFuzzerTestOneInput once on every file named on the command line or found in a named
// directory (recursively; dotfiles such as .gitkeep skipped), in sorted order. This is how
// every build replays the committed corpora and regressions/ as plain CTest tests; the
// libFuzzer build (DLM_FUZZ=ON) replays them with -runs=0 instead. Options starting with '-'
// are libFuzzer's and ignored. Exit status 1 when no input was found (a missing corpus must
// not pass silently); a crash or a failed check aborts.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void collect(const fs::path& p, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && !hidden(it->path())) out.push_back(it->path());
    }
  } else if (fs::is_regular_file(p, ec)) {
    out.push_back(p);
  } else {
    std::fprintf(stderr, "replay: no file or directory %s\n", p.string().c_str());
  }
}

} // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] != '-') collect(argv[i], inputs);
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    // An exactly-sized heap copy, as libFuzzer makes (never null, even when empty), so that
    // a read one byte too far is caught by AddressSanitizer.
    const std::unique_ptr<std::uint8_t[]> exact(new std::uint8_t[bytes.size()]);
    std::copy(bytes.begin(), bytes.end(), exact.get());
    LLVMFuzzerTestOneInput(exact.get(), bytes.size());
  }
  std::printf("replayed %zu input(s)\n", inputs.size());
  return inputs.empty() ? 1 : 0;
}
