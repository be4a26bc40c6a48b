#pragma once
// Interned names the runtime looks up often (dunder methods, special attributes).
#include "core/runtime/Value.h"

namespace gs::runtime {

#define GS_RUNTIME_NAMES(X)                                                                   \
    X(__init__) X(__new__) X(__call__) X(__len__) X(__getitem__) X(__setitem__) X(__delitem__) \
    X(__contains__) X(__iter__) X(__next__) X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__)  \
    X(__ge__) X(__hash__) X(__repr__) X(__str__) X(__bool__) X(__format__) X(__index__)        \
    X(__int__) X(__float__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) X(__enter__)        \
    X(__exit__) X(__getattr__) X(__setattr__) X(__delattr__) X(__getattribute__) X(__get__)    \
    X(__set__) X(__delete__) X(__add__) X(__sub__) X(__mul__) X(__matmul__) X(__truediv__)     \
    X(__floordiv__) X(__mod__) X(__pow__) X(__lshift__) X(__rshift__) X(__and__) X(__or__)     \
    X(__xor__) X(__radd__) X(__rsub__) X(__rmul__) X(__rmatmul__) X(__rtruediv__)              \
    X(__rfloordiv__) X(__rmod__) X(__rpow__) X(__rlshift__) X(__rrshift__) X(__rand__)         \
    X(__ror__) X(__rxor__) X(__iadd__) X(__isub__) X(__imul__) X(__imatmul__) X(__itruediv__)  \
    X(__ifloordiv__) X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__) X(__iand__)         \
    X(__ior__) X(__ixor__) X(__name__) X(__qualname__) X(__module__) X(__doc__) X(__dict__)    \
    X(__class__) X(__mro__) X(__bases__) X(__base__) X(__code__) X(__closure__)               \
    X(__globals__) X(__defaults__) X(__kwdefaults__) X(__self__) X(__wrapped__)    \
    X(__missing__) X(__reversed__) X(__main__) X(__builtins__) X(__file__) X(__all__)          \
    X(__class_getitem__) X(__init_subclass__) X(__set_name__) X(__round__) X(__trunc__)       \
    X(__floor__) X(__ceil__) X(__divmod__) X(__rdivmod__) X(__sizeof__) X(__slots__)          \
    X(__traceback__) X(__cause__) X(__context__) X(__suppress_context__) X(__package__)        \
    X(args) X(self) X(setUp) X(tearDown) X(setUpClass) X(tearDownClass) X(keys) X(items)      \
    X(values) X(get) X(append) X(send) X(close) X(fget) X(fset) X(fdel) X(getter) X(setter)   \
    X(deleter) X(start) X(stop) X(step) X(real) X(imag) X(__text_signature__) X(__objclass__)

struct Names {
#define GS_DECLARE_NAME(n) Str* n = nullptr;
    GS_RUNTIME_NAMES(GS_DECLARE_NAME)
#undef GS_DECLARE_NAME
    Str* dunderFunc = nullptr;  // "__func__" (a reserved identifier in C++)
};

} // namespace gs::runtime
