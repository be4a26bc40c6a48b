#pragma once
// Internal to the runtime's Ops*.cpp: calling a dunder method found on a scenario class.
#include <span>

#include "core/runtime/Ops.h"

namespace gs::runtime::ops::detail {

inline Value callDunder(const Value& fn, const Value& self) {
    Value a[1] = {self};
    return call(fn, CallArgs{std::span<const Value>(a, 1), {}});
}
inline Value callDunder(const Value& fn, const Value& self, const Value& x) {
    Value a[2] = {self, x};
    return call(fn, CallArgs{std::span<const Value>(a, 2), {}});
}
inline Value callDunder(const Value& fn, const Value& self, const Value& x, const Value& y) {
    Value a[3] = {self, x, y};
    return call(fn, CallArgs{std::span<const Value>(a, 3), {}});
}

} // namespace gs::runtime::ops::detail
