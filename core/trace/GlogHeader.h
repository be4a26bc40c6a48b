#pragma once
// The glog prefix of a TORCH_TRACE header line (torch-trace-format §1.3.2):
//   <L><MMDD> <HH>:<MM>:<SS>.<UUUUUU> <PID> <PATH>:<LINE>] <content>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gs::trace {

struct GlogHeader {
    char level = 'V';            // V I W E C
    std::string_view date;       // MMDD
    std::string_view time;       // HH:MM:SS.UUUUUU
    int64_t pid = 0;             // process id (older logs: a thread id); opaque
    std::string_view path;       // emitting Python file
    int64_t line = 0;
    std::string_view content;    // after "] ": the JSON envelope, or text for TORCH_LOGS lines

    // nullopt when `line` does not start with a glog prefix.
    static std::optional<GlogHeader> parse(std::string_view line);
};

} // namespace gs::trace
