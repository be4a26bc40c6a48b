#include "core/trace/LineReader.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <vector>

#include "core/trace/TraceReader.h"

namespace gs::trace {

// The file and, for compressed logs, the decoder: zlib's inflate (gzip, any number of members)
// or zstd's streaming decoder (any number of frames), used directly so that a stream that stops
// inside a member or frame is told apart from one that ends where it should.
struct LineReader::Source {
    std::FILE* file = nullptr;
    int64_t position = 0;              // compressed bytes read
    std::vector<unsigned char> in;     // compressed input not yet decoded: in[inPos, inEnd)
    size_t inPos = 0, inEnd = 0;
    bool inputDone = false;
    z_stream z{};
    bool zReady = false, zInMember = false;
    ZSTD_DCtx* zstd = nullptr;
    bool zstdInFrame = false;

    ~Source() {
        if (zReady) inflateEnd(&z);
        if (zstd) ZSTD_freeDCtx(zstd);
        if (file) std::fclose(file);
    }
    // Refills `in` when it is used up; false at the end of the file.
    bool input() {
        if (inPos < inEnd) return true;
        if (inputDone) return false;
        if (in.empty()) in.resize(256u << 10);
        inPos = 0;
        inEnd = std::fread(in.data(), 1, in.size(), file);
        position += static_cast<int64_t>(inEnd);
        if (inEnd == 0) inputDone = true;
        return inEnd > 0;
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
    if (compression_ == Compression::Gzip) {
        if (inflateInit2(&source_->z, 15 + 16) != Z_OK) throw TraceError(path + ": cannot start the gzip decoder");
        source_->zReady = true;
    } else if (compression_ == Compression::Zstd) {
        source_->zstd = ZSTD_createDCtx();
        if (!source_->zstd) throw TraceError(path + ": cannot start the zstd decoder");
    }
    // Read in 1 MiB chunks, or the whole file when it is smaller (many small imports, fuzzing).
    chunk_ = compression_ == Compression::None ? size_t(std::clamp<int64_t>(fileSize_ + 1, 4096, 1 << 20)) : size_t(256u << 10);
}

LineReader::~LineReader() = default;

int64_t LineReader::filePosition() const {
    return compression_ == Compression::None ? bytesRead_ : source_->position;
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
    if (compression_ == Compression::None) {
        got = std::fread(buf_.data() + end_, 1, kChunk, source_->file);
        if (got == 0 && std::ferror(source_->file))
            throw TraceError(path_ + ": read error: " + std::strerror(errno));
    } else {
        got = decode(buf_.data() + end_, kChunk);
    }
    if (got == 0) eof_ = true;
    end_ += got;
    return got;
}

// Decodes up to `n` bytes. At the end of the input, a member or frame left open means the file
// was cut: that, and corrupt data, end the stream after what was decoded (streamError says why;
// the lines before it are still handed out).
size_t LineReader::decode(char* out, size_t n) {
    Source& s = *source_;
    const char* kind = compression_ == Compression::Gzip ? "gzip" : "zstd";
    size_t got = 0;
    auto stop = [&](bool cut, const std::string& why) {
        truncated_ = cut;
        streamError_ = path_ + ": " + (cut ? "truncated: the " + std::string(kind) + " stream ends in the middle of a " +
                                                 (compression_ == Compression::Gzip ? "member" : "frame")
                                           : "the " + std::string(kind) + " stream is corrupt (" + why + ")");
        stopped_ = true;
    };
    while (got < n && !stopped_) {
        if (!s.input()) {
            if (std::ferror(s.file)) stop(false, std::string("read error: ") + std::strerror(errno));
            else if (s.zInMember || s.zstdInFrame) stop(true, "");
            break;
        }
        if (compression_ == Compression::Gzip) {
            s.z.next_in = s.in.data() + s.inPos;
            s.z.avail_in = static_cast<uInt>(s.inEnd - s.inPos);
            s.z.next_out = reinterpret_cast<Bytef*>(out + got);
            s.z.avail_out = static_cast<uInt>(n - got);
            s.zInMember = true;
            const int rc = inflate(&s.z, Z_NO_FLUSH);
            got = n - s.z.avail_out;
            s.inPos = s.inEnd - s.z.avail_in;
            if (rc == Z_STREAM_END) {
                s.zInMember = false; // another member may follow (gzip files can be concatenated)
                inflateReset(&s.z);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                stop(false, s.z.msg ? s.z.msg : "inflate error " + std::to_string(rc));
            }
        } else {
            ZSTD_inBuffer inb{s.in.data(), s.inEnd, s.inPos};
            ZSTD_outBuffer outb{out, n, got};
            const size_t rc = ZSTD_decompressStream(s.zstd, &outb, &inb);
            s.inPos = inb.pos;
            got = outb.pos;
            if (ZSTD_isError(rc)) stop(false, ZSTD_getErrorName(rc));
            else s.zstdInFrame = rc != 0; // 0: a frame was completed and flushed
        }
    }
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
