#pragma once
// Conversions between scenario values and tensor-library values, shared by every torch binding:
// Python numbers (and the tracer's int/float/bool proxies) to Scalars, size lists to DimVectors,
// dtype/device arguments, keyword binding without allocation, and the translation of tensor
// errors into Python exceptions.
//
// Proxies: the engine's tracer hands ints/bools/floats to ops as tracking objects whose visible
// type is int/bool/float. Nothing here tests Value::isInt() alone; objects are converted through
// the runtime's protocol (ops::toIndex / toDouble / truthy), which records the use.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Exception.h"
#include "core/tensor/TensorError.h"
#include "core/tensor/TypePromotion.h"

namespace gs::torch {

// ---- errors ------------------------------------------------------------------------------------

// Raises the Python exception a TensorError names, with PyTorch's text.
[[noreturn]] void raiseTensorError(const tensor::TensorError& e);
// A tensor-library LimitError: the interpreter's tensor-element limit (LimitExceeded, not
// catchable by scenario code) when it applies, else a RuntimeError.
[[noreturn]] void raiseLimitError(const tensor::LimitError& e);

// Wraps a binding body so that tensor errors become Python exceptions. One std::function layer:
// the try block costs nothing on the normal path.
template <class F>
runtime::NativeFunction::Fn guarded(F f) {
    return [f = std::move(f)](const runtime::CallArgs& a) -> runtime::Value {
        try {
            return f(a);
        } catch (const tensor::TensorError& e) {
            raiseTensorError(e);
        } catch (const tensor::LimitError& e) {
            raiseLimitError(e);
        }
    };
}

// Same for a callable of any signature (properties, slots).
template <class F, class... A>
decltype(auto) runGuarded(F&& f, A&&... a) {
    try {
        return f(std::forward<A>(a)...);
    } catch (const tensor::TensorError& e) {
        raiseTensorError(e);
    } catch (const tensor::LimitError& e) {
        raiseLimitError(e);
    }
}

// ---- values ------------------------------------------------------------------------------------

// The TensorObject of a value of the context's tensor types (exact Tensor or Parameter), else
// null. Cheap: two pointer compares.
inline TensorObject* tensorObj(const TorchContext& ctx, const runtime::Value& v) {
    runtime::Object* o = v.obj();
    if (o && (o->type() == ctx.tensorType || o->type() == ctx.parameterType)) return static_cast<TensorObject*>(o);
    return nullptr;
}

// A Python number (bool, int, float, or a proxy whose visible type is one of them) as a Scalar.
// False for anything else (tensors included).
bool scalarOf(const runtime::Value& v, tensor::Scalar& out);

// A tensor or a number as an op operand (the tensor is borrowed from v's TensorObject).
bool operandOf(const TorchContext& ctx, const runtime::Value& v, std::optional<tensor::Operand>& out);
// Same, raising TypeError "fname(): argument 'arg' must be Tensor or Number, not X".
tensor::Operand operandArg(const TorchContext& ctx, const runtime::Value& v, std::string_view fname,
                           std::string_view arg);

// The tensor of v, or TypeError "fname(): argument 'arg' (position n) must be Tensor, not X".
const tensor::Tensor& tensorArg(const TorchContext& ctx, const runtime::Value& v, std::string_view fname,
                                std::string_view arg, int position = 1);

// Conversions through the runtime protocol (proxies welcome).
int64_t intArg(const runtime::Value& v);      // __index__, TypeError otherwise
double floatArg(const runtime::Value& v);     // __float__
bool boolArg(const runtime::Value& v);        // truthiness
// A bool or a proxy standing for one (visible type bool), without converting it.
bool isBoolLike(const runtime::Value& v);

// True for tuple, list and torch.Size (the "int list" containers).
bool isSequence(const TorchContext& ctx, const runtime::Value& v);
// The items of a tuple / list / torch.Size (borrowed span; v must stay alive).
std::span<const runtime::Value> sequenceItems(const runtime::Value& v);

// Sizes given as varargs (`randn(2, 3)`) or as one sequence (`randn((2, 3))`, `randn([2, 3])`,
// `randn(x.shape)`). TypeError like PyTorch for non-integers.
tensor::DimVector sizesArg(const TorchContext& ctx, std::span<const runtime::Value> pos, std::string_view fname,
                           std::string_view arg = "size");
// An int or a sequence of ints (dims of sum(dim=(0, 1)), permute's dims...).
tensor::DimVector intListArg(const TorchContext& ctx, const runtime::Value& v, std::string_view fname,
                             std::string_view arg);

// dtype=: a torch.dtype, or the Python types float/int/bool (float64/int64/bool). None -> nullopt.
std::optional<tensor::DType> dtypeArg(const TorchContext& ctx, const runtime::Value& v, std::string_view fname);
// device=: a torch.device, a string ("cpu", "cuda:0") or an int (cuda index). None -> nullopt.
std::optional<tensor::Device> deviceArg(const TorchContext& ctx, const runtime::Value& v, std::string_view fname);

// ---- argument binding --------------------------------------------------------------------------

// A static Python-like signature: `names` in order, the first `required` must be given, at most
// `maxPositional` may be passed positionally (the rest are keyword-only).
struct Sig {
    static constexpr size_t kMax = 10;
    std::string_view fname;
    std::array<std::string_view, kMax> names{};
    uint8_t count = 0;
    uint8_t required = 0;
    uint8_t maxPositional = kMax;
};

// The bound arguments of one call: pointers into the caller's CallArgs (no allocation).
struct Bound {
    std::array<const runtime::Value*, Sig::kMax> v{};
    // Given and not None (PyTorch treats an explicit None as "use the default").
    bool has(size_t i) const { return v[i] && !v[i]->isNone(); }
    const runtime::Value& operator[](size_t i) const { return *v[i]; }
};

// Binds `a` to `sig`, raising CPython-worded TypeErrors for missing / extra / unknown arguments.
// `skipPositional` leading positional arguments are ignored (already consumed as varargs).
Bound bindArgs(const runtime::CallArgs& a, const Sig& sig, size_t skipPositional = 0);

// ---- results -----------------------------------------------------------------------------------

// Wraps an op result. When the tensor library returned one of the inputs (contiguous() of a
// contiguous tensor, to() without a change, an in-place op), the input's own Python object is
// returned so that identity is preserved (one TensorObject per Python tensor).
runtime::Value wrapResult(TorchContext& ctx, tensor::Tensor t, const runtime::CallArgs& inputs);
runtime::Value wrapNew(TorchContext& ctx, tensor::Tensor t);
// A Python tuple / list of new tensors.
runtime::Value wrapTuple(TorchContext& ctx, std::vector<tensor::Tensor> ts);
// A Scalar as a Python bool / int / float.
runtime::Value scalarValue(const tensor::Scalar& s);

} // namespace gs::torch
