// torch.device (see TorchDevice.h).
#include "core/torch/TorchDevice.h"

#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;

std::string DeviceObject::repr() {
    if (!device.isCuda()) return "device(type='" + std::string(device.typeName()) + "')";
    return "device(type='" + std::string(device.typeName()) + "', index=" + std::to_string(device.index()) + ")";
}

std::string DeviceObject::str() { return device.str(); }

int64_t DeviceObject::hash() {
    return static_cast<int64_t>(device.type()) * 1000003 + device.index() + 0xde1;
}

Value DeviceObject::richCompare(runtime::CmpOpKind op, const Value& other) {
    if (op != runtime::CmpOpKind::Eq && op != runtime::CmpOpKind::NotEq) return {};
    auto* o = other.dyn<DeviceObject>();
    if (!o) return {};
    const bool eq = o->device == device;
    return Value::boolean(op == runtime::CmpOpKind::Eq ? eq : !eq);
}

Value makeDevice(TorchContext& ctx, tensor::Device d) { return Value(new DeviceObject(ctx.deviceType, d)); }

void installDevice(Interpreter& interp, TorchContext& ctx, runtime::Module* torch) {
    ctx.deviceType = interp.newNativeType("device", "torch");
    ctx.deviceType->subclassable = false;
    TorchContext* c = &ctx;
    // torch.device("cuda:0"), torch.device("cuda", 1), torch.device(type="cpu"), torch.device(d).
    ctx.deviceType->construct = [c](runtime::Type*, const CallArgs& a) -> Value {
        static const Sig sig{"device", {"type", "index"}, 2, 1, 2};
        return runGuarded([&] {
            Bound b = bindArgs(a, sig);
            const Value& first = b[0];
            if (auto* d = first.dyn<DeviceObject>()) return makeDevice(*c, d->device);
            if (first.isIntLike()) return makeDevice(*c, *deviceArg(*c, first, "device"));
            auto* s = first.dyn<runtime::Str>();
            if (!s)
                Interpreter::current().raise("TypeError", "device() received an invalid combination of arguments - got (" +
                                                              runtime::typeName(first) + ")");
            tensor::Device d = tensor::Device::parse(s->view());
            if (b.has(1)) {
                if (s->view().find(':') != std::string_view::npos)
                    Interpreter::current().raise("RuntimeError",
                                                 "type (string) must not include an index because index was passed explicitly: " +
                                                     s->s());
                int64_t index = intArg(b[1]);
                if (index < 0) Interpreter::current().raise("RuntimeError", "Device index must not be negative");
                if (!d.isCpu()) d = tensor::Device(d.type(), static_cast<int16_t>(index));
            }
            return makeDevice(*c, d);
        });
    };
    interp.setAttr(Value(torch), "device", Value(ctx.deviceType));
    auto self = [](const Value& v) -> DeviceObject& { return *static_cast<DeviceObject*>(v.obj()); };
    interp.addProperty(ctx.deviceType, "type", [self](const Value& v) {
        return Interpreter::current().newStr(self(v).device.typeName());
    });
    interp.addProperty(ctx.deviceType, "index", [self](const Value& v) {
        const tensor::Device& d = self(v).device;
        return d.isCpu() ? Value::none() : Value::integer(d.index());
    });
}

} // namespace gs::torch
