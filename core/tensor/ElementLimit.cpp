#include "core/tensor/ElementLimit.h"

#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {
thread_local int64_t tLimit = ElementLimit::kDefault;
}

int64_t ElementLimit::current() { return tLimit; }
void ElementLimit::set(int64_t maxElements) { tLimit = maxElements; }

void ElementLimit::check(int64_t numel) {
    if (numel > tLimit)
        throw LimitError(numel, tLimit);
}

ElementLimit::Scope::Scope(int64_t maxElements) : previous_(tLimit) { tLimit = maxElements; }
ElementLimit::Scope::~Scope() { tLimit = previous_; }

} // namespace gs::tensor
