#pragma once
// What build this is: the version and git revision that `--version` and Help > About show.
#include <string>

namespace gs::buildinfo {

// The project version (CMake's PROJECT_VERSION), e.g. "0.2.0".
const char* version();
// The git revision the build was made from ("1a2b3c4d5e6f", "-dirty" appended for uncommitted
// changes), or "unknown" for a tree without git.
const char* revision();
// "<program> <version> (git <revision>)", the first line of every --version.
std::string versionLine(const std::string& program);

} // namespace gs::buildinfo
