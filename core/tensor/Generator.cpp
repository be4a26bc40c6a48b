#include "core/tensor/Generator.h"

#include <cmath>
#include <numbers>

namespace gs::tensor {

std::array<uint32_t, 4> philox4x32(std::array<uint32_t, 4> c, std::array<uint32_t, 2> k) {
    constexpr uint32_t M0 = 0xD2511F53u, M1 = 0xCD9E8D57u, W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;
    for (int round = 0; round < 10; ++round) {
        const uint64_t p0 = static_cast<uint64_t>(M0) * c[0];
        const uint64_t p1 = static_cast<uint64_t>(M1) * c[2];
        const uint32_t hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
        const uint32_t hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
        c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
        k[0] += W0;
        k[1] += W1;
    }
    return c;
}

void Generator::manualSeed(uint64_t seed) {
    seed_ = seed;
    counter_ = 0;
    index_ = 4;
    hasCachedNormal_ = false;
    cachedNormal_ = 0.0;
}

void Generator::refill() {
    buffer_ = philox4x32({static_cast<uint32_t>(counter_), static_cast<uint32_t>(counter_ >> 32), 0u, 0u},
                         {static_cast<uint32_t>(seed_), static_cast<uint32_t>(seed_ >> 32)});
    ++counter_;
    index_ = 0;
}

uint32_t Generator::nextUint32() {
    if (index_ >= 4)
        refill();
    return buffer_[index_++];
}

uint64_t Generator::nextUint64() {
    const uint64_t hi = nextUint32();
    return (hi << 32) | nextUint32();
}

float Generator::nextFloat() { return static_cast<float>(nextUint32() >> 8) * (1.0f / 16777216.0f); }

double Generator::nextDouble() { return static_cast<double>(nextUint64() >> 11) * (1.0 / 9007199254740992.0); }

double Generator::nextNormal() {
    if (hasCachedNormal_) {
        hasCachedNormal_ = false;
        return cachedNormal_;
    }
    const double u1 = 1.0 - nextDouble(); // (0, 1]: log stays finite
    const double u2 = nextDouble();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double theta = 2.0 * std::numbers::pi * u2;
    cachedNormal_ = r * std::sin(theta);
    hasCachedNormal_ = true;
    return r * std::cos(theta);
}

Generator::State Generator::state() const {
    return {seed_, counter_, buffer_, index_, hasCachedNormal_, cachedNormal_};
}

void Generator::setState(const State& s) {
    seed_ = s.seed;
    counter_ = s.counter;
    buffer_ = s.buffer;
    index_ = s.index > 4 ? 4 : s.index;
    hasCachedNormal_ = s.hasCachedNormal;
    cachedNormal_ = s.cachedNormal;
}

Generator& Generator::defaultGenerator() {
    thread_local Generator gen(kDefaultSeed);
    return gen;
}

} // namespace gs::tensor
