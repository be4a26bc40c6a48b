# Script mode (cmake -P): writes OUT with the source tree's git revision, only when it changed
# (so a build after a commit recompiles one file, and a build without changes recompiles none).
# A tree without git (a release tarball) gets "unknown".
execute_process(COMMAND git -C "${SRC}" rev-parse --short=12 HEAD
  OUTPUT_VARIABLE _rev OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0 OR _rev STREQUAL "")
  set(_rev "unknown")
else()
  execute_process(COMMAND git -C "${SRC}" status --porcelain --untracked-files=no
    OUTPUT_VARIABLE _dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT _dirty STREQUAL "")
    string(APPEND _rev "-dirty")
  endif()
endif()
set(_text "#pragma once\n#define GS_GIT_REVISION \"${_rev}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" _old)
endif()
if(NOT "${_old}" STREQUAL "${_text}")
  file(WRITE "${OUT}" "${_text}")
endif()
