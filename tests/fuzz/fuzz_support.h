#pragma once
// Shared by the fuzz targets (tests/fuzz): a failed check that libFuzzer (and the replay
// driver) sees as a crash, a cursor over structured inputs, and a scratch file for readers
// that take a path. Test code: the heap and the standard library are fine here.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

// An invariant of the code under test: its failure is a finding, reported like a crash.
#define DLM_FUZZ_CHECK(condition, what)                                                      \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, __FILE__, __LINE__);   \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace dlm::fuzz {

/// \brief Reads a fuzz input front to back; past its end every value reads as 0.
class Input {
public:
  Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

  std::size_t left() const { return m_size - m_pos; }
  bool empty() const { return m_pos >= m_size; }
  std::uint8_t u8() { return m_pos < m_size ? m_data[m_pos++] : 0; }
  std::uint16_t u16() { return static_cast<std::uint16_t>(u8() | (u8() << 8)); }
  std::uint32_t u32() { return std::uint32_t(u16()) | (std::uint32_t(u16()) << 16); }
  /// \brief Up to \p n bytes (fewer at the end, then \p n is updated).
  const std::uint8_t* take(std::size_t& n) {
    if (n > left()) n = left();
    const std::uint8_t* p = m_data + m_pos;
    m_pos += n;
    return p;
  }

private:
  const std::uint8_t* m_data;
  std::size_t m_size;
  std::size_t m_pos = 0;
};

/// \brief A private directory for scratch files (on tmpfs when there is one), removed at exit.
class ScratchDirectory {
public:
  static ScratchDirectory& instance() {
    static ScratchDirectory dir;
    return dir;
  }
  /// \brief Path of \p name in the directory.
  std::string path(const char* name) const { return m_path + "/" + name; }
  /// \brief Write \p size bytes to \p name in the directory; returns its path.
  std::string write(const char* name, const std::uint8_t* data, std::size_t size) {
    const std::string path = this->path(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    DLM_FUZZ_CHECK(out.good(), "cannot write the scratch file");
    return path;
  }

private:
  ScratchDirectory() {
    std::error_code ec;
    const char* base = std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : nullptr;
    if (base == nullptr) base = std::getenv("TMPDIR") != nullptr ? std::getenv("TMPDIR") : "/tmp";
    std::string pattern = std::string(base) + "/dlm-fuzz-XXXXXX";
    DLM_FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr, "cannot make a scratch directory");
    m_path = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }

  std::string m_path;
};

} // namespace dlm::fuzz
