#include "core/trace/LineReader.h"

#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_streambuf.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

#include "core/trace/TraceReader.h"

namespace gs::trace {
namespace io = boost::iostreams;

namespace {

// A Boost.Iostreams source over a FILE* that counts the compressed bytes read (for progress).
struct CountingFile {
    using char_type = char;
    using category = io::source_tag;
    std::FILE* file;
    std::shared_ptr<int64_t> position;
    std::streamsize read(char* s, std::streamsize n) {
        size_t got = std::fread(s, 1, static_cast<size_t>(n), file);
        *position += static_cast<int64_t>(got);
        return got > 0 ? static_cast<std::streamsize>(got) : -1;
    }
};

} // namespace

struct LineReader::Source {
    std::FILE* file = nullptr;
    std::shared_ptr<int64_t> position = std::make_shared<int64_t>(0);
    std::unique_ptr<io::filtering_istreambuf> decoder; // null for plain files
    ~Source() {
        decoder.reset();
        if (file) std::fclose(file);
    }
};

LineReader::LineReader(const std::string& path, size_t maxLineBytes)
    : source_(std::make_unique<Source>()), path_(path), maxLine_(maxLineBytes) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw TraceError(path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw TraceError(path + ": is a directory, not a log file");
    fileSize_ = static_cast<int64_t>(st.st_size);
    source_->file = std::fopen(path.c_str(), "rb");
    if (!source_->file) throw TraceError(path + ": cannot open: " + std::strerror(errno));

    unsigned char magic[4] = {0, 0, 0, 0};
    size_t got = std::fread(magic, 1, 4, source_->file);
    std::rewind(source_->file);
    if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) compression_ = Compression::Gzip;
    else if (got == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
        compression_ = Compression::Zstd;
    if (compression_ != Compression::None) {
        source_->decoder = std::make_unique<io::filtering_istreambuf>();
        if (compression_ == Compression::Gzip) source_->decoder->push(io::gzip_decompressor());
        else source_->decoder->push(io::zstd_decompressor());
        source_->decoder->push(CountingFile{source_->file, source_->position});
    }
    // Read in 1 MiB chunks, or the whole file when it is smaller (many small imports, fuzzing).
    chunk_ = compression_ == Compression::None ? size_t(std::clamp<int64_t>(fileSize_ + 1, 4096, 1 << 20)) : size_t(256u << 10);
}

LineReader::~LineReader() = default;

int64_t LineReader::filePosition() const {
    return compression_ == Compression::None ? bytesRead_ : *source_->position;
}

size_t LineReader::fill() {
    if (eof_) return 0;
    // Keep the unread tail, make room for one more chunk (plus padding for readers of the view).
    const size_t kChunk = chunk_;
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buf_.size() < end_ + kChunk + 64) buf_.resize(end_ + kChunk + 64);
    size_t got = 0;
    if (!source_->decoder) {
        got = std::fread(buf_.data() + end_, 1, kChunk, source_->file);
        if (got == 0 && std::ferror(source_->file))
            throw TraceError(path_ + ": read error: " + std::strerror(errno));
    } else {
        try {
            std::streamsize n = source_->decoder->sgetn(buf_.data() + end_, static_cast<std::streamsize>(kChunk));
            got = n > 0 ? static_cast<size_t>(n) : 0;
        } catch (const std::exception& e) {
            throw TraceError(path_ + ": the " + (compression_ == Compression::Gzip ? "gzip" : "zstd") +
                             " stream is corrupt or truncated after " + std::to_string(bytesRead_ + int64_t(end_)) +
                             " uncompressed bytes (" + e.what() + ")");
        }
    }
    if (got == 0) eof_ = true;
    end_ += got;
    return got;
}

bool LineReader::next(std::string_view& line, bool& truncated) {
    truncated = false;
    size_t scanFrom = begin_;
    for (;;) {
        const char* start = buf_.data() + begin_;
        const char* nl = static_cast<const char*>(std::memchr(buf_.data() + scanFrom, '\n', end_ - scanFrom));
        if (nl) {
            size_t len = static_cast<size_t>(nl - start);
            bytesRead_ += static_cast<int64_t>(len + 1);
            begin_ += len + 1;
            if (len > 0 && start[len - 1] == '\r') --len;
            if (len > maxLine_) {
                len = maxLine_;
                truncated = true;
            }
            line = std::string_view(start, len);
            ++lineNumber_;
            return true;
        }
        if (end_ - begin_ > maxLine_) {
            // Too long: hand out the first maxLine_ bytes and drop the rest of the line.
            line = std::string_view(buf_.data() + begin_, maxLine_);
            truncated = true;
            ++lineNumber_;
            std::string keep(line);
            bytesRead_ += static_cast<int64_t>(end_ - begin_);
            begin_ = end_ = 0;
            for (;;) {
                if (fill() == 0) break;
                const char* nl2 = static_cast<const char*>(std::memchr(buf_.data(), '\n', end_));
                if (nl2) {
                    size_t skip = static_cast<size_t>(nl2 - buf_.data()) + 1;
                    bytesRead_ += static_cast<int64_t>(skip);
                    begin_ = skip;
                    break;
                }
                bytesRead_ += static_cast<int64_t>(end_);
                end_ = 0;
            }
            overlong_ = std::move(keep);
            line = overlong_;
            return true;
        }
        size_t pending = end_ - begin_;
        if (fill() == 0) {
            if (pending == 0) return false;
            // last line without a final newline
            size_t len = end_ - begin_;
            const char* s = buf_.data() + begin_;
            bytesRead_ += static_cast<int64_t>(len);
            begin_ = end_;
            if (len > 0 && s[len - 1] == '\r') --len;
            line = std::string_view(s, len);
            ++lineNumber_;
            return true;
        }
        scanFrom = begin_ + pending; // fill() moved the tail to the front
    }
}

} // namespace gs::trace
