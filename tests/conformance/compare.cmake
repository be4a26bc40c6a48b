# Runs one conformance script through pyrun and compares stdout and the exit code with the
# expected file. The expected file holds python3's stdout, then a last line "# exit: N".
execute_process(COMMAND ${PYRUN} ${SCRIPT}
                WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/python
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ ${EXPECTED} expected)
set(actual "${out}# exit: ${rc}\n")
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output differs from ${EXPECTED}\n--- expected\n${expected}\n--- actual\n${actual}\n--- stderr\n${err}")
endif()
