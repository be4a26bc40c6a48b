#pragma once
// The byte-level reading of call chunks and their summaries (format: CallChunk.h): LEB128
// varints, zig-zag signed numbers and counts, every read bounds-checked; a damaged chunk is a
// StoreError naming what is wrong, never a crash or calls that were not recorded.
#include <cstdint>
#include <string>
#include <string_view>

namespace gs::store {

// Formats 1 and 2 store every call in full (2: with `run --verify` results); formats 3 and 4
// (schema 10) are 1 and 2 with the calls as records: full, runs and repeats (CallChunk.h).
constexpr char kChunkMagic0 = 'G', kChunkMagic1 = 'C', kChunkVersion = 4;
constexpr uint64_t kRecordFull = 0, kRecordRun = 1, kRecordRepeat = 2;

// FNV-1a over the chunk, stored as its last 8 bytes: a damaged chunk is an error, never calls
// that were not recorded.
inline uint64_t chunkChecksum(std::string_view d) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : d) h = (h ^ uint8_t(c)) * 0x100000001b3ULL;
    return h;
}

class ChunkReader {
public:
    explicit ChunkReader(std::string_view d) : d_(d) {}
    // The chunk without its checksum, positioned after the mark and version; checks both.
    static ChunkReader open(std::string_view data, int& version);
    uint64_t var() {
        // Most numbers of a chunk (references, counts, deltas) take one byte: in line.
        if (p_ < d_.size() && !(uint8_t(d_[p_]) & 0x80)) return uint8_t(d_[p_++]);
        return longVar();
    }
    int64_t sig() {
        uint64_t v = var();
        return int64_t(v >> 1) ^ -int64_t(v & 1);
    }
    int32_t i32() {
        int64_t v = sig();
        if (v < INT32_MIN || v > INT32_MAX) damaged("a number is out of range");
        return int32_t(v);
    }
    size_t count(size_t atMost) {
        uint64_t n = var();
        if (n > atMost) damaged("a count is larger than the data");
        return size_t(n);
    }
    std::string_view bytes(size_t n) {
        if (n > d_.size() - p_) damaged("it ends early");
        std::string_view s = d_.substr(p_, n);
        p_ += n;
        return s;
    }
    size_t left() const { return d_.size() - p_; }
    // Throws StoreError: "a chunk of recorded calls is damaged (<what>); ...".
    [[noreturn]] static void damaged(const std::string& what);

private:
    uint64_t longVar();
    std::string_view d_;
    size_t p_ = 0;
};

} // namespace gs::store
