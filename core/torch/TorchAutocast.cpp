// torch.autocast / torch.amp.autocast / torch.cpu.amp.autocast, torch.get_autocast_dtype,
// torch.is_autocast_enabled: the autocast state lives in the tensor library (Autocast.h), so the
// engine's GLOBAL_STATE guard sees it. Ops on PyTorch's CPU lower-precision list run on their
// floating inputs cast to the autocast dtype (torch.mm under autocast(cpu, float16) returns
// float16).
#include <string>
#include <unordered_set>

#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Autocast.h"
#include "core/tensor/Copy.h"
#include "core/torch/TorchDType.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

namespace {

const char* kAutocastSource = R"PY(
import torch


class autocast:
    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        self.device = device_type
        self.fast_dtype = torch.get_autocast_dtype(device_type) if dtype is None else dtype
        self._enabled = enabled

    def __enter__(self):
        self.prev = torch.is_autocast_enabled(self.device)
        self.prev_fastdtype = torch.get_autocast_dtype(self.device)
        torch._C._set_autocast(self.device, self._enabled, self.fast_dtype)
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        torch._C._set_autocast(self.device, self.prev, self.prev_fastdtype)
        return False

    def __call__(self, func):
        def decorate_autocast(*args, **kwargs):
            with autocast(self.device, self.fast_dtype, self._enabled):
                return func(*args, **kwargs)
        return decorate_autocast
)PY";

tensor::Device::Type deviceTypeArg(const Value& v) {
    std::string s = v.isNone() ? "cuda" : runtime::ops::str(v);
    if (s == "cpu") return tensor::Device::Type::CPU;
    if (s == "cuda") return tensor::Device::Type::CUDA;
    if (s == "meta") return tensor::Device::Type::Meta;
    Interpreter::current().raise("RuntimeError", "unsupported autocast device_type '" + s + "'");
}

} // namespace

bool TorchContext::autocastActive() { return tensor::Autocast::anyEnabled(); }

Value TorchContext::runAutocast(const OpDef& def, const CallArgs& args) {
    auto cast = [&](const Value& v) -> Value {
        TensorObject* t = asTensorObject(v);
        if (!t || !t->tensor.isFloatingPoint()) return v;
        tensor::Device::Type dev = t->tensor.device().type();
        if (!tensor::Autocast::isEnabled(dev) || t->tensor.dtype() == tensor::Autocast::dtype(dev)) return v;
        return wrap(tensor::to(t->tensor, tensor::Autocast::dtype(dev)));
    };
    std::vector<Value> pos;
    pos.reserve(args.pos.size());
    for (const Value& v : args.pos) pos.push_back(cast(v));
    std::vector<runtime::KwArg> kw;
    for (const auto& k : args.kw) kw.push_back({k.name, cast(k.value)});
    return def.impl(CallArgs{std::span<const Value>(pos), std::span<const runtime::KwArg>(kw)});
}

void installAutocast(Interpreter& interp, TorchContext& ctx) {
    // PyTorch's CPU lower_precision_fp list, for the ops that exist here.
    static const std::unordered_set<std::string> lowerPrecision = {
        "torch.mm", "Tensor.mm", "torch.matmul", "Tensor.matmul", "operator.matmul", "torch.bmm", "Tensor.bmm",
        "torch.addmm", "Tensor.addmm", "torch.baddbmm", "Tensor.baddbmm", "F.linear", "F.conv1d", "F.conv2d", "F.conv3d"};
    for (OpDef& def : ctx.ops)
        if (lowerPrecision.count(def.name)) def.autocastLowerPrecision = true;
    runtime::Module* torch = ctx.state->torchModule;
    runtime::Module* c = interp.nativeModule("torch._C");
    TorchContext* cx = &ctx;
    defineNative(interp, c, "_set_autocast", [cx](const CallArgs& a) {
        a.expect("_set_autocast", 3, 3);
        auto dtype = dtypeArg(*cx, a[2], "autocast");
        tensor::Autocast::set(deviceTypeArg(a[0]), runtime::ops::truthy(a[1]), dtype.value_or(tensor::DType::BFloat16));
        return Value::none();
    });
    defineNative(interp, torch, "get_autocast_dtype", [cx](const CallArgs& a) {
        a.expect("get_autocast_dtype", 1, 1);
        return cx->dtypeObject(tensor::Autocast::dtype(deviceTypeArg(a[0])));
    });
    defineNative(interp, torch, "get_autocast_cpu_dtype", [cx](const CallArgs& a) {
        a.expect("get_autocast_cpu_dtype", 0, 0);
        return cx->dtypeObject(tensor::Autocast::dtype(tensor::Device::Type::CPU));
    });
    defineNative(interp, torch, "is_autocast_enabled", [](const CallArgs& a) {
        a.expect("is_autocast_enabled", 0, 1);
        return Value::boolean(tensor::Autocast::isEnabled(a.size() ? deviceTypeArg(a[0]) : tensor::Device::Type::CUDA));
    });
    defineNative(interp, torch, "is_autocast_cpu_enabled", [](const CallArgs& a) {
        a.expect("is_autocast_cpu_enabled", 0, 0);
        return Value::boolean(tensor::Autocast::isEnabled(tensor::Device::Type::CPU));
    });
    interp.nativeModule("torch.amp");
    interp.nativeModule("torch.cpu.amp");
    interp.addSourceModule("torch.amp.autocast_mode", kAutocastSource, "<torch/amp/autocast_mode.py>");
    runtime::Module* am = interp.importModule("torch.amp.autocast_mode");
    Value cls = interp.getAttr(Value(am), "autocast");
    interp.setAttr(Value(torch), "autocast", cls);
    interp.setAttr(Value(interp.nativeModule("torch.amp")), "autocast", cls);
    interp.setAttr(Value(interp.nativeModule("torch.cpu.amp")), "autocast", cls);
}

} // namespace gs::torch
