#include "core/tensor/TensorError.h"

namespace gs::tensor {

std::string_view errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::RuntimeError: return "RuntimeError";
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::NotImplementedError: return "NotImplementedError";
    }
    return "RuntimeError";
}

LimitError::LimitError(int64_t elements, int64_t limit)
    : std::runtime_error("tensor with " + std::to_string(elements) + " elements exceeds --max-tensor-elements (" +
                         std::to_string(limit) + ")"),
      elements_(elements), limit_(limit) {}

void throwRuntime(const std::string& message) { throw TensorError(ErrorKind::RuntimeError, message); }
void throwIndex(const std::string& message) { throw TensorError(ErrorKind::IndexError, message); }
void throwValue(const std::string& message) { throw TensorError(ErrorKind::ValueError, message); }
void throwType(const std::string& message) { throw TensorError(ErrorKind::TypeError, message); }

} // namespace gs::tensor
