#pragma once
// A vector with inline storage for the common small case (call arguments: no heap allocation
// for up to N values).
#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace gs::runtime {

template <class T, size_t N> class SmallVec {
public:
    SmallVec() = default;
    SmallVec(const SmallVec&) = delete;
    SmallVec& operator=(const SmallVec&) = delete;
    ~SmallVec() { clear(); }

    void push_back(T v) {
        if (!spill_.empty() || size_ == N) {
            if (spill_.empty()) {
                spill_.reserve(N * 2);
                for (size_t i = 0; i < size_; ++i) spill_.push_back(std::move(inl()[i]));
                destroyInline();
            }
            spill_.push_back(std::move(v));
            return;
        }
        new (&inl()[size_]) T(std::move(v));
        ++size_;
    }
    size_t size() const { return spill_.empty() ? size_ : spill_.size(); }
    bool empty() const { return size() == 0; }
    T* data() { return spill_.empty() ? inl() : spill_.data(); }
    const T* data() const { return spill_.empty() ? inl() : spill_.data(); }
    T& operator[](size_t i) { return data()[i]; }
    T* begin() { return data(); }
    T* end() { return data() + size(); }
    void clear() {
        destroyInline();
        spill_.clear();
    }

private:
    T* inl() { return std::launder(reinterpret_cast<T*>(buf_)); }
    const T* inl() const { return std::launder(reinterpret_cast<const T*>(buf_)); }
    void destroyInline() {
        for (size_t i = 0; i < size_; ++i) inl()[i].~T();
        size_ = 0;
    }
    alignas(T) unsigned char buf_[sizeof(T) * N];
    size_t size_ = 0;
    std::vector<T> spill_;
};

} // namespace gs::runtime
