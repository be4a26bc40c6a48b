#pragma once
// Reads a TORCH_TRACE log line by line, plain or compressed (.gz / .zst, recognised by their
// magic bytes), in large chunks: memory stays bounded by the longest line, not the file.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gs::trace {

class LineReader {
public:
    enum class Compression { None, Gzip, Zstd };

    // Throws TraceError (a sentence with the path) when the file cannot be opened.
    explicit LineReader(const std::string& path, size_t maxLineBytes = 64u << 20);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line without its "\n" / "\r\n". The view stays valid until the next call.
    // A line longer than maxLineBytes is returned cut to that length with `truncated` set (the
    // rest of it is skipped). Returns false at the end, also when a compressed stream stopped
    // early: streamError() then says why.
    bool next(std::string_view& line, bool& truncated);
    // Set when a compressed stream ended early: cut in the middle of a gzip member or zstd frame
    // (streamTruncated()), or corrupt. The lines before the damage were handed out.
    const std::string& streamError() const { return streamError_; }
    bool streamTruncated() const { return truncated_; }

    int64_t lineNumber() const { return lineNumber_; }
    int64_t bytesRead() const { return bytesRead_; } // uncompressed bytes handed out so far
    int64_t fileSize() const { return fileSize_; }
    // Position in the file itself (compressed bytes), for progress.
    int64_t filePosition() const;
    Compression compression() const { return compression_; }

private:
    size_t fill(); // appends decoded bytes to the buffer; 0 at the end
    size_t decode(char* out, size_t n);

    struct Source;
    std::unique_ptr<Source> source_;
    std::string path_;
    Compression compression_ = Compression::None;
    size_t maxLine_;
    size_t chunk_ = 1u << 20;    // bytes read per fill()
    std::string buf_;
    std::string overlong_; // holds the cut line while the buffer is refilled
    size_t begin_ = 0, end_ = 0; // unread bytes are buf_[begin_, end_)
    bool eof_ = false, stopped_ = false, truncated_ = false;
    std::string streamError_;
    int64_t lineNumber_ = 0, bytesRead_ = 0, fileSize_ = 0;
};

} // namespace gs::trace
