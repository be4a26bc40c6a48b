#pragma once
// A device is a label here: all data lives in host memory, but ops check that operands agree
// exactly as PyTorch does, so device guards and device errors behave like the real thing.
#include <cstdint>
#include <string>
#include <string_view>

namespace gs::tensor {

class Device {
public:
    enum class Type : uint8_t { CPU, CUDA, Meta };
    constexpr Device() = default;
    constexpr Device(Type type, int16_t index) : type_(type), index_(type == Type::CUDA ? index : -1) {}
    static constexpr Device cpu() { return {}; }
    static constexpr Device cuda(int16_t index = 0) { return Device(Type::CUDA, index); }
    // "meta": tensors with shapes but, in PyTorch, no data (here the data is kept; what matters
    // is the device label and its dispatch keys, e.g. for TENSOR_MATCH).
    static constexpr Device meta() { return Device(Type::Meta, -1); }
    // "cpu", "cuda", "cuda:1"; throws TensorError (RuntimeError) like torch.device("xyz").
    static Device parse(std::string_view text);

    Type type() const { return type_; }
    int16_t index() const { return index_; } // -1 for cpu and meta
    bool isCpu() const { return type_ == Type::CPU; }
    bool isCuda() const { return type_ == Type::CUDA; }
    std::string str() const;                  // "cpu", "cuda:0", "meta"
    std::string_view typeName() const { return isCpu() ? "cpu" : isCuda() ? "cuda" : "meta"; }
    friend bool operator==(const Device&, const Device&) = default;

private:
    Type type_ = Type::CPU;
    int16_t index_ = -1;
};

} // namespace gs::tensor
