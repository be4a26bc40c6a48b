#include "core/io/IoError.h"

#include <cstring>

namespace gs::io {

std::string osReason(int errnum) {
    char buf[256];
    // GNU strerror_r may return a static string instead of filling buf.
    const char* s = strerror_r(errnum, buf, sizeof buf);
    return s ? s : "unknown error " + std::to_string(errnum);
}

} // namespace gs::io
