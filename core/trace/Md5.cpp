#include "core/trace/Md5.h"

#include "core/trace/Md5Rounds.h"

#include <algorithm>
#include <cstring>

namespace gs::trace {

void Md5::reset() {
    a_ = 0x67452301;
    b_ = 0xefcdab89;
    c_ = 0x98badcfe;
    d_ = 0x10325476;
    length_ = 0;
    buffered_ = 0;
}

void Md5::block(const uint8_t* p) {
    uint32_t m[16];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(m, p, 64);
#else
    for (int i = 0; i < 16; ++i)
        m[i] = uint32_t(p[i * 4]) | uint32_t(p[i * 4 + 1]) << 8 | uint32_t(p[i * 4 + 2]) << 16 | uint32_t(p[i * 4 + 3]) << 24;
#endif
    uint32_t st[4] = {a_, b_, c_, d_};
    md5rounds::compress(st, m);
    a_ = st[0];
    b_ = st[1];
    c_ = st[2];
    d_ = st[3];
}

void Md5::update(const void* data, size_t size) {
    const auto* p = static_cast<const uint8_t*>(data);
    length_ += size;
    if (buffered_ > 0) {
        size_t take = std::min(size, 64 - buffered_);
        std::memcpy(buffer_.data() + buffered_, p, take);
        buffered_ += take;
        p += take;
        size -= take;
        if (buffered_ < 64) return;
        block(buffer_.data());
        buffered_ = 0;
    }
    for (; size >= 64; p += 64, size -= 64) block(p);
    if (size > 0) {
        std::memcpy(buffer_.data(), p, size);
        buffered_ = size;
    }
}

std::array<uint8_t, 16> Md5::digest() {
    uint64_t bits = length_ * 8;
    static const uint8_t pad[64] = {0x80};
    size_t padLen = buffered_ < 56 ? 56 - buffered_ : 120 - buffered_;
    update(pad, padLen);
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = uint8_t(bits >> (8 * i));
    update(len, 8);
    std::array<uint8_t, 16> out{};
    const uint32_t words[4] = {a_, b_, c_, d_};
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) out[i * 4 + j] = uint8_t(words[i] >> (8 * j));
    return out;
}

std::string Md5::hexDigest() {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(32);
    for (uint8_t b : digest()) {
        s.push_back(digits[b >> 4]);
        s.push_back(digits[b & 15]);
    }
    return s;
}

std::string Md5::hex(std::string_view data) {
    Md5 m;
    m.update(data);
    return m.hexDigest();
}

} // namespace gs::trace
