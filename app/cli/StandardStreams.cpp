#include "app/cli/StandardStreams.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace gs::cli {

namespace {
std::string reason() { return std::strerror(errno); }

void copyStream(std::FILE* in, std::FILE* out, const std::string& what) {
    std::vector<char> buf(1 << 16);
    for (;;) {
        size_t n = std::fread(buf.data(), 1, buf.size(), in);
        if (n > 0 && std::fwrite(buf.data(), 1, n, out) != n) throw std::runtime_error(what + ": " + reason());
        if (n < buf.size()) {
            if (std::ferror(in)) throw std::runtime_error(what + ": " + reason());
            break;
        }
    }
    if (std::fflush(out) != 0) throw std::runtime_error(what + ": " + reason());
}
} // namespace

TempFolder::TempFolder() {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string templ = (base / "guardscope-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary folder in " + base.string() + ": " + reason());
    path_ = templ;
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void spoolStandardInput(const std::string& path) {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) throw std::runtime_error("cannot write '" + path + "': " + reason());
    try {
        copyStream(stdin, out, "cannot read standard input");
    } catch (...) {
        std::fclose(out);
        throw;
    }
    if (std::fclose(out) != 0) throw std::runtime_error("cannot write '" + path + "': " + reason());
}

void copyToStandardOutput(const std::string& path) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) throw std::runtime_error("cannot read '" + path + "': " + reason());
    try {
        copyStream(in, stdout, "cannot write standard output");
    } catch (...) {
        std::fclose(in);
        throw;
    }
    std::fclose(in);
}

} // namespace gs::cli
