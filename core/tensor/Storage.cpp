#include "core/tensor/Storage.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "core/tensor/RunGuard.h"
#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {
std::atomic<uint64_t> gNextStorageId{1};
}

static_assert(sizeof(Storage) <= 64, "Storage header must fit its reserved prefix");

Ref<Storage> Storage::allocate(int64_t nbytes, bool zero) {
    RunGuard::beforeAllocate(nbytes);  // the run's memory limit, before the bytes are taken
    const size_t total = static_cast<size_t>(kHeader + nbytes);
    void* mem = std::malloc(total); // 16-byte aligned; the 64-byte header keeps data aligned too
    if (!mem)
        throwRuntime("DefaultCPUAllocator: not enough memory: you tried to allocate " + std::to_string(nbytes) +
                     " bytes.");
    if (zero) {
        // In slices, polling the run guard: zeroing gigabytes takes long enough to matter.
        constexpr int64_t kSlice = RunGuard::kBlock * 1024;
        char* data = static_cast<char*>(mem) + kHeader;
        for (int64_t done = 0; done < nbytes; done += kSlice) {
            if (done > 0) {
                try {
                    RunGuard::poll();
                } catch (...) {
                    std::free(mem);
                    throw;
                }
            }
            std::memset(data + done, 0, static_cast<size_t>(std::min(kSlice, nbytes - done)));
        }
    }
    auto* s = new (mem) Storage(nbytes, gNextStorageId.fetch_add(1, std::memory_order_relaxed));
    return Ref<Storage>(s);
}

void Storage::destroy() {
    this->~Storage();
    std::free(static_cast<void*>(this));
}

} // namespace gs::tensor
