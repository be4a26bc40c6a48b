#include "core/buildinfo/BuildInfo.h"

#include "GitRevision.h"  // generated at build time by cmake/GitRevision.cmake

namespace gs::buildinfo {

const char* version() { return GS_VERSION; }
const char* revision() { return GS_GIT_REVISION; }

std::string versionLine(const std::string& program) {
    return program + " " + version() + " (git " + revision() + ")";
}

} // namespace gs::buildinfo
