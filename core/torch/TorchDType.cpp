// torch.dtype objects (see TorchDType.h).
#include "core/torch/TorchDType.h"

#include "core/torch/TorchState.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::Value;

std::string DTypeObject::repr() { return std::string(tensor::dtypeReprName(dtype)); }

int64_t DTypeObject::hash() { return 0x7d70 + static_cast<int64_t>(dtype); }

void installDTypes(runtime::Interpreter& interp, TorchContext& ctx, runtime::Module* torch) {
    ctx.dtypeType = interp.newNativeType("dtype", "torch");
    ctx.dtypeType->subclassable = false;
    TorchState& st = *ctx.state;
    for (int i = 0; i < tensor::kNumDTypes; ++i) {
        auto* o = new DTypeObject(ctx.dtypeType, static_cast<tensor::DType>(i));
        // Immortal for the interpreter's lifetime: the state keeps a raw pointer, and scenario
        // code may rebind or delete torch.float32 without freeing the object.
        o->incref();
        st.dtypes[static_cast<size_t>(i)] = o;
    }
    auto dt = [&](tensor::DType d) { return Value(st.dtypes[static_cast<size_t>(d)]); };
    const Value mod(torch);
    using tensor::DType;
    const std::pair<const char*, DType> names[] = {
        {"float32", DType::Float32}, {"float", DType::Float32},  {"float64", DType::Float64},
        {"double", DType::Float64},  {"float16", DType::Float16}, {"half", DType::Float16},
        {"bfloat16", DType::BFloat16}, {"int64", DType::Int64},  {"long", DType::Int64},
        {"int32", DType::Int32},     {"int", DType::Int32},      {"bool", DType::Bool},
        {"complex64", DType::Complex64}, {"cfloat", DType::Complex64}, {"complex128", DType::Complex128},
        {"cdouble", DType::Complex128},
    };
    for (const auto& [name, d] : names)
        interp.setAttr(mod, name, dt(d));
    interp.setAttr(mod, "dtype", Value(ctx.dtypeType));

    auto self = [](const Value& v) -> DTypeObject& { return *static_cast<DTypeObject*>(v.obj()); };
    interp.addProperty(ctx.dtypeType, "is_floating_point",
                       [self](const Value& v) { return Value::boolean(tensor::isFloating(self(v).dtype)); });
    interp.addProperty(ctx.dtypeType, "is_complex",
                       [self](const Value& v) { return Value::boolean(tensor::isComplex(self(v).dtype)); });
    interp.addProperty(ctx.dtypeType, "is_signed",
                       [self](const Value& v) { return Value::boolean(self(v).dtype != DType::Bool); });
    interp.addProperty(ctx.dtypeType, "itemsize",
                       [self](const Value& v) { return Value::integer(tensor::itemSize(self(v).dtype)); });
}

} // namespace gs::torch
