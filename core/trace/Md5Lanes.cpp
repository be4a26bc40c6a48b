#include "core/trace/Md5Lanes.h"

#include <cstring>

// The lane vectors live inside this file (Md5Rounds.h): no ABI crosses it (-Wpsabi).
#pragma GCC diagnostic ignored "-Wpsabi"
#include "core/trace/Md5Rounds.h"

namespace gs::trace {

namespace {

const uint8_t kZeroBlock[64] = {};
constexpr uint32_t kInit[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};

inline uint32_t load32(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// One block of the first N lanes: the words transposed into lane vectors, the rounds, the state
// back. Compiled three times below; each Md5Lanes uses the widest its CPU runs (Md5Lanes::best):
// the same GCC vector code becomes, for 8 lanes, two SSE2 operations per step on plain x86-64 or
// one AVX2 operation, and for 16 lanes with AVX-512 one 512-bit operation, with one rotate
// (vprold) and one three-input logic operation (vpternlogd) where SSE2/AVX2 need three each.
// The steps of one block depend on each other (latency, not width, bounds a block), so twice the
// lanes hash nearly twice the bytes per step: the MD5 share of the 203 MB import fell from about
// 11 % to 7 % of its CPU (issue 11 item 7). Same bits in every variant.
template <class V, int N>
[[gnu::always_inline]] inline void lanesBlock(uint32_t (*state)[Md5Lanes::kMaxLanes], const uint8_t* const* block) {
    static_assert(sizeof(V) == 4 * N && N <= Md5Lanes::kMaxLanes);
    V m[16], st[4];
    uint32_t words[N];
    for (int i = 0; i < 16; ++i) {
        for (int l = 0; l < N; ++l) words[l] = load32(block[l] + 4 * i);
        std::memcpy(&m[i], words, sizeof words);
    }
    for (int w = 0; w < 4; ++w) std::memcpy(&st[w], state[w], sizeof st[w]);
    md5rounds::compress(st, m);
    for (int w = 0; w < 4; ++w) std::memcpy(state[w], &st[w], sizeof st[w]);
}

void lanesBlockBaseline(uint32_t (*state)[Md5Lanes::kMaxLanes], const uint8_t* const* block) {
    lanesBlock<md5rounds::Lanes8, 8>(state, block);
}

#if defined(__x86_64__) && defined(__GNUC__)
[[gnu::target("avx2")]] void lanesBlockAvx2(uint32_t (*state)[Md5Lanes::kMaxLanes], const uint8_t* const* block) {
    lanesBlock<md5rounds::Lanes8, 8>(state, block);
}
[[gnu::target("avx2,avx512f,avx512vl")]] void lanesBlockAvx512(uint32_t (*state)[Md5Lanes::kMaxLanes], const uint8_t* const* block) {
    lanesBlock<md5rounds::Lanes16, 16>(state, block);
}
#endif

} // namespace

// What the CPU (and the OS, which must save the wider registers: __builtin_cpu_supports checks
// both) can run.
bool Md5Lanes::supported(Simd simd) {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    switch (simd) {
    case Simd::Baseline: return true;
    case Simd::Avx2: return __builtin_cpu_supports("avx2");
    case Simd::Avx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
    }
    return false;
#else
    return simd == Simd::Baseline;
#endif
}

Md5Lanes::Simd Md5Lanes::best() {
    static const Simd chosen = supported(Simd::Avx512) ? Simd::Avx512 : supported(Simd::Avx2) ? Simd::Avx2 : Simd::Baseline;
    return chosen;
}

Md5Lanes::Md5Lanes(Simd simd) : block_(lanesBlockBaseline) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (simd == Simd::Avx512 && supported(simd)) {
        block_ = lanesBlockAvx512;
        lanes_ = 16;
    } else if (simd == Simd::Avx2 && supported(simd)) block_ = lanesBlockAvx2;
#else
    (void)simd;
#endif
    for (int l = 0; l < kMaxLanes; ++l)
        for (int w = 0; w < 4; ++w) state_[w][l] = kInit[w];
}

void Md5Lanes::start(int lane, std::string_view message) {
    Lane& L = lane_[lane];
    const uint64_t n = message.size();
    L.data = reinterpret_cast<const uint8_t*>(message.data());
    L.blocks = n / 64;
    const size_t rest = size_t(n % 64);
    std::memset(L.tail, 0, sizeof L.tail);
    if (rest) std::memcpy(L.tail, L.data + L.blocks * 64, rest);
    L.tail[rest] = 0x80;
    L.tailBlocks = rest < 56 ? 1 : 2;
    const uint64_t bits = n * 8;
    for (int i = 0; i < 8; ++i) L.tail[L.tailBlocks * 64 - 8 + i] = uint8_t(bits >> (8 * i));
    L.tailDone = 0;
    L.busy = true;
    L.complete = false;
    for (int w = 0; w < 4; ++w) state_[w][lane] = kInit[w];
    ++active_;
}

unsigned Md5Lanes::step() {
    const uint8_t* block[kMaxLanes];
    int only = -1;
    for (int l = 0; l < lanes_; ++l) {
        Lane& L = lane_[l];
        if (!L.busy || L.complete) {
            block[l] = kZeroBlock; // an idle lane computes garbage that nobody reads
            continue;
        }
        block[l] = L.blocks > 0 ? L.data : L.tail + 64 * L.tailDone;
        only = only == -1 ? l : -2;
    }
    if (only == -1) return 0;
    if (only >= 0) {
        // one message left: the scalar chain is faster than a vector of mostly idle lanes
        uint32_t m[16], st[4];
        for (int i = 0; i < 16; ++i) m[i] = load32(block[only] + 4 * i);
        for (int w = 0; w < 4; ++w) st[w] = state_[w][only];
        md5rounds::compress(st, m);
        for (int w = 0; w < 4; ++w) state_[w][only] = st[w];
    } else {
        block_(state_, block);
    }
    unsigned done = 0;
    for (int l = 0; l < lanes_; ++l) {
        Lane& L = lane_[l];
        if (!L.busy || L.complete) continue;
        if (L.blocks > 0) {
            L.data += 64;
            --L.blocks;
        } else if (++L.tailDone == L.tailBlocks) {
            L.complete = true;
            done |= 1u << l;
        }
    }
    return done;
}

std::string Md5Lanes::hexDigest(int lane) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(32);
    for (int w = 0; w < 4; ++w)
        for (int j = 0; j < 4; ++j) {
            const uint8_t b = uint8_t(state_[w][lane] >> (8 * j));
            s.push_back(digits[b >> 4]);
            s.push_back(digits[b & 15]);
        }
    lane_[lane].busy = lane_[lane].complete = false;
    --active_;
    return s;
}

} // namespace gs::trace
