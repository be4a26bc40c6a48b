#pragma once
// `-` for standard input or output where a command reads or writes a file: the readers and
// writers of core/ work on paths (they detect compression by content, write atomically), so
// standard input is spooled to a private temporary file and an output written to one is
// copied to standard output.
#include <string>

namespace gs::cli {

// A private temporary folder (mode 0700), removed with everything in it on destruction.
class TempFolder {
public:
    TempFolder();  // throws std::runtime_error with the OS reason
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Copies standard input to `path`; throws std::runtime_error with the OS reason.
void spoolStandardInput(const std::string& path);
// Copies the file at `path` to standard output; throws std::runtime_error with the OS reason.
void copyToStandardOutput(const std::string& path);

} // namespace gs::cli
