#pragma once

#include <cstddef>
#include <string>

namespace dlm::library_export {

/// \brief A source file embedded into dlm at build time (embed_files.cmake), so that the
/// export works from an installed package: its repository path (template/X or core/X) and
/// its bytes.
struct EmbeddedFile {
  const char* path;
  const unsigned char* bytes;
  std::size_t size;
};

/// \brief The embedded file of repository path \p path; false when it is not embedded.
bool embeddedFile(const std::string& path, std::string& text);

} // namespace dlm::library_export
