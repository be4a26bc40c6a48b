#pragma once
// Reading a user's file whole, with the operating system's reason when it cannot be read.
#include <cstdint>
#include <string>

namespace gs::io {

// The bytes of `path`. Throws IoError "cannot open 'PATH': REASON" (missing, a folder, no
// permission, ...) or "cannot read 'PATH': REASON", and refuses files larger than `maxBytes`
// (a scenario is source text; a 2 GB file is a mistake, not a program).
std::string readFile(const std::string& path, int64_t maxBytes = int64_t{1} << 30);

} // namespace gs::io
