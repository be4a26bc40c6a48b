#include "core/store/ChunkReader.h"

#include "core/store/SessionStore.h"

namespace gs::store {

ChunkReader ChunkReader::open(std::string_view data, int& version) {
    if (data.size() < 11) damaged("it is too short");
    uint64_t stored = 0;
    for (int i = 0; i < 8; ++i) stored |= uint64_t(uint8_t(data[data.size() - 8 + size_t(i)])) << (8 * i);
    data.remove_suffix(8);
    if (chunkChecksum(data) != stored) damaged("its checksum does not match");
    ChunkReader r(data);
    std::string_view head = r.bytes(3);
    if (head[0] != kChunkMagic0 || head[1] != kChunkMagic1) damaged("it does not start with the chunk mark");
    if (head[2] < 1 || head[2] > kChunkVersion) damaged("unknown chunk version " + std::to_string(int(head[2])));
    version = uint8_t(head[2]);  // 1..kChunkVersion, checked above
    return r;
}

uint64_t ChunkReader::longVar() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p_ >= d_.size()) damaged("it ends early");
        auto b = uint8_t(d_[p_++]);
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
    damaged("a number is too long");
}

void ChunkReader::damaged(const std::string& what) {
    throw StoreError("a chunk of recorded calls is damaged (" + what + "); the database may be corrupt");
}

} // namespace gs::store
