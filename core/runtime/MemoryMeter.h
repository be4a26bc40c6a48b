#pragma once
// The process's memory as the run limits see it (issue 12, --max-memory): resident memory
// (what the machine actually gives the process, /proc/self/statm), the machine's physical
// memory, and sizes written the way users write them ("512M", "2G", "1.5GiB").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gs::runtime {

class MemoryMeter {
public:
    // Resident bytes of this process now (about a microsecond: one pread of a kept file).
    // 0 when the system does not tell.
    static int64_t residentBytes();
    // Physical memory of the machine, 0 when unknown.
    static int64_t physicalBytes();
    // The default --max-memory: a quarter of physical memory, at most 4 GiB (1 GiB when the
    // machine does not say).
    static int64_t defaultLimit();

    // "512M", "2G", "2GiB", "1.5g", "1048576" (bytes); K/M/G/T are powers of 1024. nullopt for
    // anything else, negative, NaN or overflowing.
    static std::optional<int64_t> parseSize(std::string_view text);
    // 1536 MiB -> "1.5 GiB"; below 1 KiB -> "N bytes".
    static std::string formatSize(int64_t bytes);
};

} // namespace gs::runtime
