#pragma once
// Finds a recorded source file on this machine (issue 11 item 1): a TORCH_TRACE log names the
// files of the machine it ran on (/home/alice/proj/model.py). A file is looked for under each
// mapping of a recorded prefix to a local folder first (the GUI's "Source folders" setting: the
// user said where it is), then as recorded, then under each source root (--source-root DIR), where the recorded path is tried
// with fewer and fewer of its leading folders (DIR/home/alice/proj/model.py, DIR/alice/proj/
// model.py, ..., DIR/model.py), so that a checkout of the project anywhere is found.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gs::session {

class SourceLocator {
public:
    void addRoot(const std::string& dir);
    // Files recorded under `recordedPrefix` are read from `localDir` instead.
    void addMapping(const std::string& recordedPrefix, const std::string& localDir);
    const std::vector<std::string>& roots() const { return roots_; }
    const std::vector<std::pair<std::string, std::string>>& mappings() const { return mappings_; }

    // The local path of an existing regular file, or nullopt.
    std::optional<std::string> locate(const std::string& recordedPath) const;

private:
    std::vector<std::string> roots_;
    std::vector<std::pair<std::string, std::string>> mappings_;
};

} // namespace gs::session
