#pragma once
// 16-bit float storage types. Arithmetic is done in float (as PyTorch's CPU kernels do); these
// types only convert, rounding to nearest-even like c10::Half / c10::BFloat16.
#include <bit>
#include <cstdint>
#include <cstring>

namespace gs::tensor {

struct Half {
    uint16_t bits = 0;
    Half() = default;
    Half(float f) : bits(fromFloat(f)) {} // NOLINT: implicit like c10::Half
    operator float() const { return toFloat(bits); }

    static uint16_t fromFloat(float f) {
        const uint32_t x = std::bit_cast<uint32_t>(f);
        const uint32_t sign = (x >> 16) & 0x8000u;
        const uint32_t absx = x & 0x7fffffffu;
        if (absx >= 0x7f800000u) // inf or nan
            return static_cast<uint16_t>(sign | 0x7c00u | (absx > 0x7f800000u ? 0x200u : 0u));
        if (absx >= 0x477ff000u) // rounds to >= 65520: overflow to inf
            return static_cast<uint16_t>(sign | 0x7c00u);
        if (absx < 0x38800000u) { // below the smallest normal half: subnormal or zero
            if (absx < 0x33000000u)
                return static_cast<uint16_t>(sign);
            const uint32_t mant = (absx & 0x7fffffu) | 0x800000u;
            const int shift = 126 - static_cast<int>(absx >> 23); // 14 + (113 - exp)
            uint32_t v = mant >> shift;
            const uint32_t rem = mant & ((1u << shift) - 1u), half = 1u << (shift - 1);
            if (rem > half || (rem == half && (v & 1u)))
                ++v;
            return static_cast<uint16_t>(sign | v);
        }
        uint32_t v = ((absx - 0x38000000u) >> 13);
        const uint32_t rem = absx & 0x1fffu;
        if (rem > 0x1000u || (rem == 0x1000u && (v & 1u)))
            ++v;
        return static_cast<uint16_t>(sign | v);
    }
    static float toFloat(uint16_t h) {
        const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
        const uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu;
        uint32_t out;
        if (exp == 0) {
            if (mant == 0) {
                out = sign;
            } else { // subnormal: value = mant * 2^-24
                float f = static_cast<float>(mant) * 5.9604644775390625e-8f;
                return sign ? -f : f;
            }
        } else if (exp == 31) {
            out = sign | 0x7f800000u | (mant << 13);
        } else {
            out = sign | ((exp + 112u) << 23) | (mant << 13);
        }
        return std::bit_cast<float>(out);
    }
};

struct BFloat16 {
    uint16_t bits = 0;
    BFloat16() = default;
    BFloat16(float f) : bits(fromFloat(f)) {} // NOLINT: implicit like c10::BFloat16
    operator float() const { return std::bit_cast<float>(static_cast<uint32_t>(bits) << 16); }

    static uint16_t fromFloat(float f) {
        const uint32_t x = std::bit_cast<uint32_t>(f);
        if ((x & 0x7fffffffu) > 0x7f800000u)
            return 0x7fc0u; // canonical NaN, as c10 does
        const uint32_t rounding = 0x7fffu + ((x >> 16) & 1u);
        return static_cast<uint16_t>((x + rounding) >> 16);
    }
};

} // namespace gs::tensor
