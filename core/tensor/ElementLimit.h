#pragma once
// The per-thread cap on the element count of any tensor that allocates storage. The scenario
// runner sets it from --max-tensor-elements (RunLimits::maxTensorElements) with a Scope; the
// default keeps a bad size in a library caller from eating the machine.
#include <cstdint>

namespace gs::tensor {

class ElementLimit {
public:
    static constexpr int64_t kDefault = int64_t{1} << 30;

    static int64_t current();
    static void set(int64_t maxElements);
    // Throws LimitError when numel exceeds the current limit.
    static void check(int64_t numel);

    // RAII: sets the limit for this thread and restores the previous one.
    class Scope {
    public:
        explicit Scope(int64_t maxElements);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        int64_t previous_;
    };
};

} // namespace gs::tensor
