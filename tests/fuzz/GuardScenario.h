#pragma once
// A generator of guard-soundness scenarios (issue 10): from a byte string it writes a Python
// scenario that compiles one function reading module state (globals, lists, dicts, strings,
// class and instance attributes, methods, closures, defaults, a Python module's attribute, an
// nn.Sequential with a Dropout, a set, a functools.partial, whole-container reads such as dict(d)
// and xs + ys, tensor attributes) and then calls it many times, mutating some of that state
// between the calls. Run with `--verify`, every cache hit is checked against an eager run, so
// a mutation that a missing guard lets through shows up as a stale entry.
//
// The same bytes always give the same scenario (libFuzzer can minimise and replay it); running
// out of bytes picks the first choice everywhere.
#include <cstddef>
#include <cstdint>
#include <string>

namespace gs::fuzz {

class ByteChoices {
public:
    ByteChoices(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    // A number in [0, n).
    uint32_t pick(uint32_t n);
    bool chance(uint32_t outOf) { return pick(outOf) == 0; }
    bool exhausted() const { return pos_ >= size_; }

private:
    const uint8_t* data_;
    size_t size_;
    size_t pos_ = 0;
};

// The scenario's source text.
std::string generateGuardScenario(ByteChoices& in);

} // namespace gs::fuzz
