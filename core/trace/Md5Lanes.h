#pragma once
// Multi-buffer MD5: up to 16 independent messages hashed at once, one per SIMD lane. MD5 is
// one serial dependency chain within a message, so a single core hashes one message at
// ~5 cycles/byte however wide its registers are; the payloads of a TORCH_TRACE log are many
// and independent, and side by side in lanes they go several times faster (issue 11 item 7).
// The lanes run in lock step, one 64-byte block per step(); a lane whose message is done is
// read with hexDigest() and can start the next message while the others go on. There are 16
// lanes with AVX-512 and 8 otherwise (lanes()).
#include <cstdint>
#include <string>
#include <string_view>

namespace gs::trace {

class Md5Lanes {
public:
    static constexpr int kMaxLanes = 16;
    // The SIMD the lanes' rounds are compiled for (one build has all three on x86-64).
    enum class Simd { Baseline, Avx2, Avx512 };
    static Simd best();                      // the widest this CPU and OS support, chosen once
    static bool supported(Simd simd);        // for tests: every variant is checked where it runs

    explicit Md5Lanes(Simd simd = best());
    int lanes() const { return lanes_; }     // 16 with AVX-512, 8 otherwise
    bool idle(int lane) const { return !lane_[lane].busy; }
    int active() const { return active_; }
    // Starts `message` (a view: its bytes stay valid until the lane is done) in an idle lane.
    void start(int lane, std::string_view message);
    // One block of every busy lane. Returns the lanes whose message is now complete, as a bit
    // mask; each must be read with hexDigest() before it starts another message.
    unsigned step();
    // The lowercase hex MD5 of a complete lane's message; the lane is idle afterwards.
    std::string hexDigest(int lane);

private:
    struct Lane {
        const uint8_t* data = nullptr;  // the next whole block of the message
        uint64_t blocks = 0;            // whole blocks left in the message
        uint8_t tail[128];              // the last partial block, the 0x80, zeros and the bit length
        int tailBlocks = 0, tailDone = 0;
        bool busy = false, complete = false;
    };
    Lane lane_[kMaxLanes];
    uint32_t state_[4][kMaxLanes];      // a, b, c, d of every lane
    int lanes_ = 8, active_ = 0;
    void (*block_)(uint32_t (*)[kMaxLanes], const uint8_t* const*); // one block of every lane
};

} // namespace gs::trace
