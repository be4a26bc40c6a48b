#include "core/tensor/Storage.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {
std::atomic<uint64_t> gNextStorageId{1};
}

static_assert(sizeof(Storage) <= 64, "Storage header must fit its reserved prefix");

Ref<Storage> Storage::allocate(int64_t nbytes, bool zero) {
    const size_t total = static_cast<size_t>(kHeader + nbytes);
    void* mem = std::malloc(total); // 16-byte aligned; the 64-byte header keeps data aligned too
    if (!mem)
        throwRuntime("DefaultCPUAllocator: not enough memory: you tried to allocate " + std::to_string(nbytes) +
                     " bytes.");
    if (zero)
        std::memset(static_cast<char*>(mem) + kHeader, 0, static_cast<size_t>(nbytes));
    auto* s = new (mem) Storage(nbytes, gNextStorageId.fetch_add(1, std::memory_order_relaxed));
    return Ref<Storage>(s);
}

void Storage::destroy() {
    this->~Storage();
    std::free(static_cast<void*>(this));
}

} // namespace gs::tensor
