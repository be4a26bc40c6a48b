#pragma once
// Element types of a tensor and PyTorch's rules between them: names (both the Python spelling
// `torch.float32` and the ScalarType name `Float` that guard failure text uses, dynamo-semantics
// §2.2), the promotion lattice (torch/_prims_common + c10/core/ScalarType.h) and can_cast.
#include <cstdint>
#include <optional>
#include <string_view>

namespace gs::tensor {

// Complex types come last so the numbers of the others stay what they were.
enum class DType : uint8_t { Bool, Int32, Int64, Float16, BFloat16, Float32, Float64, Complex64, Complex128 };
inline constexpr int kNumDTypes = 9;

int64_t itemSize(DType t);
// torch.is_floating_point: not true for complex types (c10 isFloatingType).
inline bool isFloating(DType t) { return t >= DType::Float16 && t <= DType::Float64; }
inline bool isComplex(DType t) { return t == DType::Complex64 || t == DType::Complex128; }
// c10 toComplexType (no complex32 here: the 16-bit floats map to complex64) / toRealValueType.
DType toComplex(DType t);
DType toReal(DType t);
inline bool isIntegral(DType t, bool includeBool) { return t == DType::Int32 || t == DType::Int64 || (includeBool && t == DType::Bool); }

std::string_view dtypeName(DType t);      // "float32"
std::string_view dtypeReprName(DType t);  // "torch.float32"
std::string_view dtypeShortName(DType t); // "Float" (c10 ScalarType name)
std::string_view dtypeCppName(DType t);   // "float", "double", "c10::Half", "long int"... as in torch error text
// Accepts "float32", "torch.float32", aliases ("float", "half", "double", "long", "int") and short
// names ("Float", "Long"...).
std::optional<DType> dtypeFromName(std::string_view name);

// c10::promoteTypes restricted to our nine types.
DType promoteTypes(DType a, DType b);
// c10::canCast: float -> integral and non-bool -> bool are not allowed.
bool canCast(DType from, DType to);

// torch.get_default_dtype / set_default_dtype (float32 or float64). Process-wide like torch.
DType defaultFloatDType();
void setDefaultFloatDType(DType t);

} // namespace gs::tensor
