#pragma once
// Errors raised by tensor ops. The binding layer turns a TensorError into the Python exception
// named by kind() with PyTorch's message text; a LimitError is deliberately not a TensorError so
// that a scenario's `except RuntimeError` cannot swallow a resource limit.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gs::tensor {

enum class ErrorKind { RuntimeError, IndexError, ValueError, TypeError, NotImplementedError };

std::string_view errorKindName(ErrorKind kind);

class TensorError : public std::runtime_error {
public:
    TensorError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }

private:
    ErrorKind kind_;
};

// Creating a tensor with more elements than the per-thread limit (see ElementLimit).
class LimitError : public std::runtime_error {
public:
    LimitError(int64_t elements, int64_t limit);
    int64_t elements() const { return elements_; }
    int64_t limit() const { return limit_; }
    static constexpr std::string_view kLimitName = "max-tensor-elements";

private:
    int64_t elements_, limit_;
};

[[noreturn]] void throwRuntime(const std::string& message);
[[noreturn]] void throwIndex(const std::string& message);
[[noreturn]] void throwValue(const std::string& message);
[[noreturn]] void throwType(const std::string& message);

} // namespace gs::tensor
