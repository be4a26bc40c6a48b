#pragma once
// The shared state behind a Tensor handle: one TensorImpl per Python tensor object. Views get
// their own TensorImpl over the same Storage; in-place ops mutate the storage, and metadata
// changes (requires_grad_) are seen through every handle of the same object.
#include <atomic>
#include <cstdint>

#include "core/tensor/DType.h"
#include "core/tensor/Device.h"
#include "core/tensor/DimVector.h"
#include "core/tensor/Storage.h"

namespace gs::tensor {

struct TensorImpl {
    Ref<Storage> storage;
    DimVector sizes;
    DimVector strides; // in elements
    int64_t offset = 0; // in elements
    int64_t numel = 1;
    DType dtype = DType::Float32;
    Device device;
    bool requiresGrad = false;
    bool contiguous = true;
    const char* gradFn = nullptr; // static name such as "MulBackward0"; null for a leaf

    // Recomputes numel and the contiguity flag after sizes/strides changed.
    void refresh() {
        int64_t n = 1;
        for (int64_t s : sizes)
            n *= s;
        numel = n;
        bool c = true;
        if (n != 0) {
            int64_t expected = 1;
            for (size_t i = sizes.size(); i-- > 0;) {
                if (sizes[i] == 1)
                    continue;
                if (strides[i] != expected) {
                    c = false;
                    break;
                }
                expected *= sizes[i];
            }
        }
        contiguous = c;
    }

    void retain() { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete this;
    }

private:
    std::atomic<int32_t> refs_{1};
};

} // namespace gs::tensor
