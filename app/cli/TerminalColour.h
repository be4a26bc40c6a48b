#pragma once
// Colour for guardscope-cli's diagnostics on standard error, the way compilers do it: `error:`
// in bold red, `warning:` in bold magenta, a caret line (`    ^~~`) in bold green. Only on a
// terminal, never when NO_COLOR is set to anything non-empty (https://no-color.org) or TERM is
// "dumb". Installed once in main(); the commands keep writing plain text to std::cerr.
#include <ostream>

namespace gs::cli {

// Whether standard error should be coloured, from the rules above.
bool stderrWantsColour();

// Filters `os` line by line, adding the colours (call once, before any output; idempotent).
void colourDiagnostics(std::ostream& os);

// The colouring of one line (without its newline), exposed for tests.
std::string colourLine(const std::string& line);

} // namespace gs::cli
