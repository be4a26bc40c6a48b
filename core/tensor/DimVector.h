#pragma once
// Sizes and strides: a small vector with inline room for 6 dims so creating the metadata of a
// typical tensor never touches the heap (the ~100 ns budget for a small `x * y`).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace gs::tensor {

class DimVector {
public:
    static constexpr uint32_t kInline = 6;

    DimVector() = default;
    DimVector(std::initializer_list<int64_t> values) { assign(values.begin(), values.size()); }
    DimVector(std::span<const int64_t> values) { assign(values.data(), values.size()); } // NOLINT
    DimVector(const std::vector<int64_t>& values) { assign(values.data(), values.size()); } // NOLINT
    DimVector(const int64_t* first, const int64_t* last) { assign(first, static_cast<size_t>(last - first)); }
    explicit DimVector(size_t n, int64_t value = 0) {
        reserve(n);
        size_ = static_cast<uint32_t>(n);
        std::fill(data(), data() + n, value);
    }
    DimVector(const DimVector& other) { assign(other.data(), other.size()); }
    DimVector(DimVector&& other) noexcept { moveFrom(other); }
    DimVector& operator=(const DimVector& other) {
        if (this != &other) {
            size_ = 0;
            assign(other.data(), other.size());
        }
        return *this;
    }
    DimVector& operator=(DimVector&& other) noexcept {
        if (this != &other) {
            freeHeap();
            moveFrom(other);
        }
        return *this;
    }
    ~DimVector() { freeHeap(); }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    int64_t* data() { return heap_ ? heap_ : inline_; }
    const int64_t* data() const { return heap_ ? heap_ : inline_; }
    int64_t& operator[](size_t i) { return data()[i]; }
    int64_t operator[](size_t i) const { return data()[i]; }
    int64_t* begin() { return data(); }
    int64_t* end() { return data() + size_; }
    const int64_t* begin() const { return data(); }
    const int64_t* end() const { return data() + size_; }
    int64_t back() const { return data()[size_ - 1]; }
    operator std::span<const int64_t>() const { return {data(), size_}; } // NOLINT
    std::vector<int64_t> vec() const { return {begin(), end()}; }

    void push_back(int64_t v) {
        reserve(size_ + 1);
        data()[size_++] = v;
    }
    void pop_back() { --size_; }
    void resize(size_t n, int64_t value = 0) {
        reserve(n);
        for (size_t i = size_; i < n; ++i)
            data()[i] = value;
        size_ = static_cast<uint32_t>(n);
    }
    void insert(size_t pos, int64_t v) {
        reserve(size_ + 1);
        int64_t* d = data();
        std::memmove(d + pos + 1, d + pos, (size_ - pos) * sizeof(int64_t));
        d[pos] = v;
        ++size_;
    }
    void erase(size_t pos) {
        int64_t* d = data();
        std::memmove(d + pos, d + pos + 1, (size_ - pos - 1) * sizeof(int64_t));
        --size_;
    }
    void clear() { size_ = 0; }
    void reserve(size_t n) {
        if (n <= capacity())
            return;
        auto* fresh = new int64_t[n];
        std::memcpy(fresh, data(), size_ * sizeof(int64_t));
        freeHeap();
        heap_ = fresh;
        cap_ = static_cast<uint32_t>(n);
    }

    friend bool operator==(const DimVector& a, const DimVector& b) {
        if (a.size_ != b.size_)
            return false;
        // A few dims, compared in line: every elementwise op compares shapes several times, and
        // std::equal on int64_t becomes a memcmp call.
        for (uint32_t i = 0; i < a.size_; ++i)
            if (a.data()[i] != b.data()[i])
                return false;
        return true;
    }
    // "[2, 3]" as PyTorch prints IntArrayRef in error messages.
    std::string str() const {
        std::string s = "[";
        for (size_t i = 0; i < size_; ++i) {
            if (i)
                s += ", ";
            s += std::to_string(data()[i]);
        }
        return s + "]";
    }

private:
    size_t capacity() const { return heap_ ? cap_ : kInline; }
    void assign(const int64_t* src, size_t n) {
        reserve(n);
        copyDims(data(), src, n);
        size_ = static_cast<uint32_t>(n);
    }
    // A few dims are copied in line: every op copies shapes several times, and a memcpy call
    // for 8 to 48 bytes costs more than the copy.
    static void copyDims(int64_t* to, const int64_t* from, size_t n) {
        switch (n) {
        case 6:
            to[5] = from[5];
            [[fallthrough]];
        case 5:
            to[4] = from[4];
            [[fallthrough]];
        case 4:
            to[3] = from[3];
            [[fallthrough]];
        case 3:
            to[2] = from[2];
            [[fallthrough]];
        case 2:
            to[1] = from[1];
            [[fallthrough]];
        case 1:
            to[0] = from[0];
            [[fallthrough]];
        case 0:
            return;
        default:
            std::memcpy(to, from, n * sizeof(int64_t));
        }
    }
    void freeHeap() {
        delete[] heap_;
        heap_ = nullptr;
        cap_ = 0;
    }
    void moveFrom(DimVector& other) {
        size_ = other.size_;
        if (other.heap_) {
            heap_ = other.heap_;
            cap_ = other.cap_;
            other.heap_ = nullptr;
            other.cap_ = 0;
        } else {
            heap_ = nullptr;
            copyDims(inline_, other.inline_, std::min<size_t>(size_, kInline)); // inline: size_ <= kInline
        }
        other.size_ = 0;
    }

    int64_t* heap_ = nullptr;
    uint32_t size_ = 0;
    uint32_t cap_ = 0;
    int64_t inline_[kInline];
};

// "torch.Size([2, 3])" / "(2, 3)"-style helpers live in Formatter; this is the error-text form.
inline std::string shapeStr(std::span<const int64_t> s) { return DimVector(s).str(); }

} // namespace gs::tensor
