#pragma once
// MD5's compression function (RFC 1321 §3.4), shared by Md5 (one message) and Md5Lanes (one
// message per SIMD lane). Internal to core/trace: include only from Md5*.cpp.
#include <cstdint>

namespace gs::trace::md5rounds {

inline constexpr uint32_t kK[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

// One 32-bit word per lane: GCC's vector extension, lowered to whatever SIMD the target has.
// 8 lanes are two SSE2 registers on plain x86-64 (which also interleaves two dependency chains)
// or one AVX2 register; 16 lanes are one AVX-512 register (with SSE2 or AVX2 they would not fit
// the 16 registers the rounds need, so only the AVX-512 variant uses them).
using Lanes8 = uint32_t __attribute__((vector_size(4 * 8)));
using Lanes16 = uint32_t __attribute__((vector_size(4 * 16)));

// Inlined only, never called across a library boundary, so the note that 32- and 64-byte
// vectors are passed differently with AVX enabled (-Wpsabi) does not apply (up to the pop below).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
template <class W>
[[gnu::always_inline]] inline W rotl(W x, int c) { return (x << c) | (x >> (32 - c)); }

#define GS_MD5_STEP(f, a, b, c, d, x, t, s) \
    a += f(b, c, d) + (x) + (t);            \
    a = rotl(a, s) + b;
#define GS_MD5_F(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define GS_MD5_G(x, y, z) ((y) ^ ((z) & ((x) ^ (y))))
#define GS_MD5_H(x, y, z) ((x) ^ (y) ^ (z))
#define GS_MD5_I(x, y, z) ((y) ^ ((x) | ~(z)))

// The four rounds unrolled (RFC 1321 §3.4) for one message (W = uint32_t) or one message per
// lane (W = Lanes8 or Lanes16): the payload digest is the reader's hottest loop.
template <class W>
[[gnu::always_inline]] inline void compress(W* st, const W* m) {
    W a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 16; i += 4) {
        GS_MD5_STEP(GS_MD5_F, a, b, c, d, m[i], kK[i], 7)
        GS_MD5_STEP(GS_MD5_F, d, a, b, c, m[i + 1], kK[i + 1], 12)
        GS_MD5_STEP(GS_MD5_F, c, d, a, b, m[i + 2], kK[i + 2], 17)
        GS_MD5_STEP(GS_MD5_F, b, c, d, a, m[i + 3], kK[i + 3], 22)
    }
    for (int i = 16; i < 32; i += 4) {
        GS_MD5_STEP(GS_MD5_G, a, b, c, d, m[(5 * i + 1) & 15], kK[i], 5)
        GS_MD5_STEP(GS_MD5_G, d, a, b, c, m[(5 * i + 6) & 15], kK[i + 1], 9)
        GS_MD5_STEP(GS_MD5_G, c, d, a, b, m[(5 * i + 11) & 15], kK[i + 2], 14)
        GS_MD5_STEP(GS_MD5_G, b, c, d, a, m[(5 * i + 16) & 15], kK[i + 3], 20)
    }
    for (int i = 32; i < 48; i += 4) {
        GS_MD5_STEP(GS_MD5_H, a, b, c, d, m[(3 * i + 5) & 15], kK[i], 4)
        GS_MD5_STEP(GS_MD5_H, d, a, b, c, m[(3 * i + 8) & 15], kK[i + 1], 11)
        GS_MD5_STEP(GS_MD5_H, c, d, a, b, m[(3 * i + 11) & 15], kK[i + 2], 16)
        GS_MD5_STEP(GS_MD5_H, b, c, d, a, m[(3 * i + 14) & 15], kK[i + 3], 23)
    }
    for (int i = 48; i < 64; i += 4) {
        GS_MD5_STEP(GS_MD5_I, a, b, c, d, m[(7 * i) & 15], kK[i], 6)
        GS_MD5_STEP(GS_MD5_I, d, a, b, c, m[(7 * i + 7) & 15], kK[i + 1], 10)
        GS_MD5_STEP(GS_MD5_I, c, d, a, b, m[(7 * i + 14) & 15], kK[i + 2], 15)
        GS_MD5_STEP(GS_MD5_I, b, c, d, a, m[(7 * i + 21) & 15], kK[i + 3], 21)
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}


} // namespace gs::trace::md5rounds

#pragma GCC diagnostic pop

#undef GS_MD5_STEP
#undef GS_MD5_F
#undef GS_MD5_G
#undef GS_MD5_H
#undef GS_MD5_I
