#pragma once
// MD5 (RFC 1321), for the `has_payload` digests of TORCH_TRACE records (torch-trace-format
// §1.3.2). Small and dependency-free; not for security.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gs::trace {

class Md5 {
public:
    Md5() { reset(); }
    void reset();
    void update(const void* data, size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // Finishes the digest; the object must be reset() before reuse.
    std::array<uint8_t, 16> digest();
    // Lowercase hex of the finished digest.
    std::string hexDigest();
    static std::string hex(std::string_view data);

private:
    void block(const uint8_t* p);
    uint32_t a_, b_, c_, d_;
    uint64_t length_ = 0;
    std::array<uint8_t, 64> buffer_{};
    size_t buffered_ = 0;
};

} // namespace gs::trace
