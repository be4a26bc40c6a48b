#pragma once
// Writes a file so that anyone reading it sees the old content or the whole new one, never a
// part, and so that a failed write leaves nothing behind: the bytes go to a hidden temporary
// file in the target's folder (same file system, so rename(2) is atomic), which is flushed to
// disk and renamed over the target by commit(). Destroyed without a successful commit (an
// error, an exception, a full disk) the temporary is removed and the target is untouched. A file
// written over keeps its permission bits; a symbolic link is written through (the file it points
// to is replaced, the link stays).
#include <fstream>
#include <string>

namespace gs::io {

class AtomicFile {
public:
    // Creates the temporary file. Throws IoError naming `target` and the reason when it is a
    // folder or its folder is missing or not writable.
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return out_; }
    // Flushes, syncs and renames over the target. Throws IoError (the temporary removed).
    void commit();

    const std::string& target() const { return target_; }
    const std::string& tempPath() const { return temp_; }

private:
    [[noreturn]] void failWith(const std::string& doing, int errnum);
    void discard() noexcept;

    std::string target_;
    std::string temp_;
    std::string final_;  // what the rename replaces: the target, or the file its link points to
    std::ofstream out_;
    bool committed_ = false;
};

// Writes `bytes` to `target` atomically (an AtomicFile in one call).
void writeFileAtomically(const std::string& target, std::string_view bytes);

} // namespace gs::io
