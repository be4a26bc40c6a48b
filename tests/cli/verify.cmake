cmake_minimum_required(VERSION 3.20)
# One `guardscope-cli run FILE --verify` (issue 10): every cache hit is also run eagerly and
# compared; a stale entry ("stale entry F/N at call #K (FILE:LINE): a guard is missing") fails
# the test. -DCLI=... -DFILE=... -DALLOWED="0" (exit codes accepted; PyTorch's own test files
# may still fail tests of API we do not have, which is not this test's subject) and
# -DSKIP_IF_MISSING=ON for files under ../shared (prints "SKIPPED: ...", which ctest reports as skipped).
if(NOT EXISTS "${FILE}")
  if(SKIP_IF_MISSING)
    # cmake_language(EXIT) needs CMake 3.29 (Debian 12 has 3.25): the test's
    # SKIP_REGULAR_EXPRESSION turns this line into a skip.
    message("SKIPPED: ${FILE} is not here (../shared is absent in a fresh clone)")
    return()
  endif()
  message(FATAL_ERROR "${FILE} does not exist")
endif()
execute_process(COMMAND "${CLI}" run "${FILE}" --verify --no-record
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "stale entry [^\n]*\n[^\n]*" stale "${err}")
if(stale)
  list(JOIN stale "\n" text)
  message(FATAL_ERROR "--verify found stale cache entries in ${FILE}:\n${text}")
endif()
if(NOT rc IN_LIST ALLOWED)
  message(FATAL_ERROR "guardscope-cli run ${FILE} --verify exited with ${rc} (expected one of ${ALLOWED})\n"
                      "stdout:\n${out}\nstderr:\n${err}")
endif()
message("no stale entry in ${FILE} (exit ${rc})")
