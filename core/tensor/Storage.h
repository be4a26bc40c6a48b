#pragma once
// The refcounted byte buffer that views share. Header and data are one allocation, so a fresh
// result costs one malloc for its storage. Every storage gets a process-unique id, the stable
// "same storage" identity the engine's aliasing checks use (dynamo-semantics §2.2
// NO_TENSOR_ALIASING); tensor *object* identity is a different thing (Tensor::identity()).
#include <atomic>
#include <cstdint>
#include <utility>

namespace gs::tensor {

// Minimal intrusive pointer: T provides retain() and release().
template <class T>
class Ref {
public:
    Ref() = default;
    explicit Ref(T* p) : p_(p) {} // adopts one reference
    Ref(const Ref& o) : p_(o.p_) {
        if (p_)
            p_->retain();
    }
    Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    Ref& operator=(const Ref& o) {
        if (o.p_)
            o.p_->retain();
        reset();
        p_ = o.p_;
        return *this;
    }
    Ref& operator=(Ref&& o) noexcept {
        if (this != &o) {
            reset();
            p_ = std::exchange(o.p_, nullptr);
        }
        return *this;
    }
    ~Ref() { reset(); }
    void reset() {
        if (p_)
            std::exchange(p_, nullptr)->release();
    }
    T* get() const { return p_; }
    T* operator->() const { return p_; }
    T& operator*() const { return *p_; }
    explicit operator bool() const { return p_ != nullptr; }

private:
    T* p_ = nullptr;
};

class Storage {
public:
    // nbytes of memory (zeroed unless the caller overwrites all of it); throws TensorError when
    // the allocation fails.
    static Ref<Storage> allocate(int64_t nbytes, bool zero = true);

    char* data() { return reinterpret_cast<char*>(this) + kHeader; }
    const char* data() const { return reinterpret_cast<const char*>(this) + kHeader; }
    int64_t nbytes() const { return nbytes_; }
    uint64_t id() const { return id_; }

    void retain() { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1)
            destroy();
    }
    int64_t useCount() const { return refs_.load(std::memory_order_relaxed); }

private:
    static constexpr int64_t kHeader = 64; // a multiple of malloc's alignment: data stays aligned
    Storage(int64_t nbytes, uint64_t id) : nbytes_(nbytes), id_(id) {}
    void destroy();

    std::atomic<int64_t> refs_{1};
    int64_t nbytes_;
    uint64_t id_;
};

} // namespace gs::tensor
