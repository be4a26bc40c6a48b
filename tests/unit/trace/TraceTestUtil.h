#pragma once
// Helpers for the trace tests: sample paths, temporary files, importing into memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "core/session/Session.h"
#include "core/trace/TraceReader.h"

namespace gs::trace::test {

inline std::string sample(const std::string& name) { return std::string(GS_SHARED_DIR) + "/traces/torch_trace/" + name; }

// A fresh directory under the build tree, removed by the destructor.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = std::filesystem::path(GS_BINARY_DIR) / "test-tmp" /
                ("trace-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream(file(name), std::ios::binary) << content;
        return file(name);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct Imported {
    session::Session session;
    ImportReport report;
    int64_t problems() const {
        int64_t n = 0;
        for (const auto& [k, v] : report.problems) n += v;
        return n;
    }
    int64_t problem(const std::string& kind) const {
        auto it = report.problems.find(kind);
        return it == report.problems.end() ? 0 : it->second;
    }
    size_t logs(const std::string& channel) const {
        size_t n = 0;
        for (const auto& l : session.logs) n += l.channel == channel;
        return n;
    }
};

inline Imported importFile(const std::string& path, const ImportOptions& options = {}) {
    session::SessionBuilder b;
    Imported out;
    out.report = importTraceFile(path, b, options);
    out.session = b.take();
    return out;
}

inline int leafGuards(const session::CompileEntry& c) {
    int n = 0;
    for (const auto& g : c.guards) n += g.kind.size() < 7 || g.kind.compare(g.kind.size() - 7, 7, "Manager") != 0;
    return n;
}

// One line of a TORCH_TRACE log with a valid glog prefix.
inline std::string rec(const std::string& json) { return "V0718 15:30:01.875000 1337 torch/_dynamo/convert_frame.py:1123] " + json + "\n"; }

} // namespace gs::trace::test
