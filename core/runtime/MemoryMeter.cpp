#include "core/runtime/MemoryMeter.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gs::runtime {

int64_t MemoryMeter::residentBytes() {
    // Opened once and kept: /proc/self/statm is re-generated on every read from offset 0.
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    static const int64_t page = ::sysconf(_SC_PAGESIZE);
    if (fd < 0) return 0;
    char buf[128];
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = '\0';
    long long size = 0, resident = 0;
    if (std::sscanf(buf, "%lld %lld", &size, &resident) != 2) return 0;
    return static_cast<int64_t>(resident) * page;
}

int64_t MemoryMeter::physicalBytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0) return 0;
    return static_cast<int64_t>(pages) * page;
}

int64_t MemoryMeter::defaultLimit() {
    constexpr int64_t kGiB = int64_t{1} << 30;
    const int64_t phys = physicalBytes();
    if (phys <= 0) return kGiB;
    return std::min(phys / 4, 4 * kGiB);
}

std::optional<int64_t> MemoryMeter::parseSize(std::string_view text) {
    std::string s(text);
    size_t i = 0;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    const std::string number = s.substr(0, i);
    if (std::count(number.begin(), number.end(), '.') > 1) return std::nullopt;
    std::string unit = s.substr(i);
    while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double scale = 1;
    if (unit.empty() || unit == "b") scale = 1;
    else if (unit == "k" || unit == "kb" || unit == "kib") scale = 1024.0;
    else if (unit == "m" || unit == "mb" || unit == "mib") scale = 1024.0 * 1024;
    else if (unit == "g" || unit == "gb" || unit == "gib") scale = 1024.0 * 1024 * 1024;
    else if (unit == "t" || unit == "tb" || unit == "tib") scale = 1024.0 * 1024 * 1024 * 1024;
    else return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(v) || v < 0) return std::nullopt;
    const double bytes = v * scale;
    if (bytes >= 9.2e18) return std::nullopt;
    return static_cast<int64_t>(bytes);
}

std::string MemoryMeter::formatSize(int64_t bytes) {
    static const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    double v = static_cast<double>(bytes);
    int u = -1;
    while (v >= 1024 && u < 3) {
        v /= 1024;
        ++u;
    }
    char buf[32];
    if (v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f %s", v, units[u]);
    else std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

} // namespace gs::runtime
