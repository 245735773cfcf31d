# dlm_expose_headers(<target> <folder>...)
#
# Gives <target> a public include root that holds only the folders it is built from, so that
# `#include "core/network.h"` resolves for a consumer that links dlm_core and for nobody else.
# Each folder (relative to the repository root, e.g. app/session) is linked into
# <build>/include/<target>/<folder>; that directory is the target's only PUBLIC include path.
# The repository root is never on a public include path: a file that includes a header of a
# library it does not link fails to compile, and tests/layering checks the direction of the
# layers (ui -> app -> devices -> core) on top of that.
function(dlm_expose_headers target)
  set(stage ${CMAKE_BINARY_DIR}/include/${target})
  foreach(folder IN LISTS ARGN)
    if(NOT IS_DIRECTORY ${PROJECT_SOURCE_DIR}/${folder})
      message(FATAL_ERROR "dlm_expose_headers(${target}): no folder ${folder}")
    endif()
    get_filename_component(parent ${stage}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    if(NOT EXISTS ${stage}/${folder})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${stage}/${folder} SYMBOLIC)
    endif()
  endforeach()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE ${stage})
  elseif(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE ${stage})
  else()
    target_include_directories(${target} PUBLIC ${stage})
  endif()
endfunction()
