#include "core/engine/TorchRelease.h"

#include <charconv>

namespace gs::engine {

std::optional<TorchRelease> TorchRelease::parse(std::string_view text) {
    size_t dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= text.size()) return std::nullopt;
    int major = 0, minor = 0;
    auto [p1, e1] = std::from_chars(text.data(), text.data() + dot, major);
    auto [p2, e2] = std::from_chars(text.data() + dot + 1, text.data() + text.size(), minor);
    if (e1 != std::errc() || e2 != std::errc() || p1 != text.data() + dot || p2 != text.data() + text.size()) return std::nullopt;
    TorchRelease r(major, minor);
    if (!r.atLeast(oldest().major_, oldest().minor_) || !newest().atLeast(major, minor)) return std::nullopt;
    return r;
}

std::string TorchRelease::str() const { return std::to_string(major_) + "." + std::to_string(minor_); }

} // namespace gs::engine
