#pragma once
// Errors reading or writing the user's files. The message names the file and the operating
// system's reason ("No such file or directory", "Permission denied", "No space left on device").
#include <stdexcept>
#include <string>

namespace gs::io {

class IoError : public std::runtime_error {
public:
    // `reason` is the why alone ("No such file or directory"), for callers that word the
    // sentence themselves; empty means the message has no separate reason.
    IoError(const std::string& message, int errnum, std::string reason = {})
        : std::runtime_error(message), errnum_(errnum), reason_(std::move(reason)) {}
    int errnum() const { return errnum_; }  // errno of the failed call, 0 when none
    const std::string& reason() const { return reason_; }

private:
    int errnum_;
    std::string reason_;
};

// The operating system's sentence for errno `errnum` (strerror_r, thread-safe).
std::string osReason(int errnum);

} // namespace gs::io
