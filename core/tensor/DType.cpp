#include "core/tensor/DType.h"

#include <atomic>

#include "core/tensor/TensorError.h"

namespace gs::tensor {

namespace {
std::atomic<DType> gDefaultFloat{DType::Float32};

struct Names {
    std::string_view name, repr, shortName, cpp;
};
constexpr Names kNames[kNumDTypes] = {
    {"bool", "torch.bool", "Bool", "bool"},
    {"int32", "torch.int32", "Int", "int"},
    {"int64", "torch.int64", "Long", "long int"},
    {"float16", "torch.float16", "Half", "c10::Half"},
    {"bfloat16", "torch.bfloat16", "BFloat16", "c10::BFloat16"},
    {"float32", "torch.float32", "Float", "float"},
    {"float64", "torch.float64", "Double", "double"},
    {"complex64", "torch.complex64", "ComplexFloat", "c10::complex<float>"},
    {"complex128", "torch.complex128", "ComplexDouble", "c10::complex<double>"},
};
} // namespace

int64_t itemSize(DType t) {
    switch (t) {
    case DType::Bool: return 1;
    case DType::Int32: return 4;
    case DType::Int64: return 8;
    case DType::Float16:
    case DType::BFloat16: return 2;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::Complex64: return 8;
    case DType::Complex128: return 16;
    }
    return 1;
}

DType toComplex(DType t) {
    if (isComplex(t)) return t;
    return t == DType::Float64 ? DType::Complex128 : DType::Complex64;
}

DType toReal(DType t) {
    if (t == DType::Complex64) return DType::Float32;
    if (t == DType::Complex128) return DType::Float64;
    return t;
}

std::string_view dtypeName(DType t) { return kNames[static_cast<int>(t)].name; }
std::string_view dtypeReprName(DType t) { return kNames[static_cast<int>(t)].repr; }
std::string_view dtypeShortName(DType t) { return kNames[static_cast<int>(t)].shortName; }
std::string_view dtypeCppName(DType t) { return kNames[static_cast<int>(t)].cpp; }

std::optional<DType> dtypeFromName(std::string_view name) {
    if (name.starts_with("torch."))
        name.remove_prefix(6);
    for (int i = 0; i < kNumDTypes; ++i)
        if (kNames[i].name == name || kNames[i].shortName == name)
            return static_cast<DType>(i);
    // Python attribute aliases: torch.float, torch.half, torch.double, torch.long, torch.int.
    if (name == "float") return DType::Float32;
    if (name == "double") return DType::Float64;
    if (name == "half") return DType::Float16;
    if (name == "long") return DType::Int64;
    if (name == "int") return DType::Int32;
    if (name == "cfloat") return DType::Complex64;
    if (name == "cdouble") return DType::Complex128;
    return std::nullopt;
}

DType promoteTypes(DType a, DType b) {
    if (a == b)
        return a;
    if (isComplex(a) || isComplex(b)) {
        // complex128 when either side carries double precision (c10's table: c4 + f8 = c8)
        bool wide = a == DType::Complex128 || b == DType::Complex128 || a == DType::Float64 || b == DType::Float64;
        return wide ? DType::Complex128 : DType::Complex64;
    }
    const bool fa = isFloating(a), fb = isFloating(b);
    if (fa && !fb) return a;
    if (fb && !fa) return b;
    if (!fa) // bool < int32 < int64: enum order
        return a > b ? a : b;
    // Both floating. Half and BFloat16 have no common 16-bit type: they meet at float32.
    if ((a == DType::Float16 && b == DType::BFloat16) || (a == DType::BFloat16 && b == DType::Float16))
        return DType::Float32;
    return a > b ? a : b;
}

bool canCast(DType from, DType to) {
    if (isComplex(from) && !isComplex(to))
        return false;
    if (isFloating(from) && isIntegral(to, false))
        return false;
    if (from != DType::Bool && to == DType::Bool)
        return false;
    return true;
}

DType defaultFloatDType() { return gDefaultFloat.load(std::memory_order_relaxed); }

void setDefaultFloatDType(DType t) {
    if (t != DType::Float32 && t != DType::Float64)
        throw TensorError(ErrorKind::TypeError, "only floating-point types are supported as the default type");
    gDefaultFloat.store(t, std::memory_order_relaxed);
}

} // namespace gs::tensor
