#pragma once
// Files under ../shared (the seed, PyTorch's tests, sample TORCH_TRACE logs) are not part of
// the project: a fresh clone has none. A test that reads one skips, saying which file it needs,
// when it is absent (issue 12, "Fresh clone"); it never fails or crashes for that.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace gs::shareddata {

inline bool sharedFileExists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

} // namespace gs::shareddata

// Skips the current test when `path` (a file under ../shared) does not exist.
#define GS_SKIP_WITHOUT_SHARED(path)                                                                          \
    do {                                                                                                     \
        const std::string gsSharedPath_ = (path);                                                            \
        if (!::gs::shareddata::sharedFileExists(gsSharedPath_))                                                 \
            GTEST_SKIP() << "needs " << gsSharedPath_ << " from ../shared, which this checkout does not have"; \
    } while (0)
