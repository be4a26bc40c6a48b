#pragma once
// SHA-256 (FIPS 180-4), for PyTorch-compatible hashed symbol names.
#include <array>
#include <cstdint>
#include <string_view>

namespace gs::engine {
std::array<uint8_t, 32> sha256(std::string_view data);
} // namespace gs::engine
