#include "core/session/SourceLocator.h"

#include <algorithm>
#include <filesystem>

namespace gs::session {

namespace fs = std::filesystem;

namespace {

bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

std::string withoutTrailingSlash(std::string s) {
    while (s.size() > 1 && (s.back() == '/' || s.back() == '\\')) s.pop_back();
    return s;
}

} // namespace

void SourceLocator::addRoot(const std::string& dir) {
    if (!dir.empty()) roots_.push_back(withoutTrailingSlash(dir));
}

void SourceLocator::addMapping(const std::string& recordedPrefix, const std::string& localDir) {
    if (recordedPrefix.empty() || localDir.empty()) return;
    mappings_.emplace_back(withoutTrailingSlash(recordedPrefix), withoutTrailingSlash(localDir));
    // the longest prefix is tried first
    std::stable_sort(mappings_.begin(), mappings_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::optional<std::string> SourceLocator::locate(const std::string& recorded) const {
    if (recorded.empty() || recorded.front() == '<') return std::nullopt; // <eval_with_key>.3, <string>
    for (const auto& [prefix, local] : mappings_) {
        if (recorded.compare(0, prefix.size(), prefix) != 0) continue;
        if (recorded.size() > prefix.size() && recorded[prefix.size()] != '/' && recorded[prefix.size()] != '\\') continue;
        fs::path p = fs::path(local) / recorded.substr(std::min(recorded.size(), prefix.size() + 1));
        if (isFile(p)) return p.lexically_normal().string();
    }
    if (isFile(recorded)) return recorded;
    // the recorded path's parts, without the root: home, alice, proj, model.py
    std::vector<std::string> parts;
    for (const auto& part : fs::path(recorded).relative_path()) parts.push_back(part.string());
    for (const std::string& root : roots_)
        for (size_t skip = 0; skip < parts.size(); ++skip) {
            fs::path p(root);
            for (size_t i = skip; i < parts.size(); ++i) p /= parts[i];
            if (isFile(p)) return p.lexically_normal().string();
        }
    return std::nullopt;
}

} // namespace gs::session
