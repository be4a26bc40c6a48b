// torch.return_types.* (see TorchNamedTuple.h).
#include "core/torch/TorchNamedTuple.h"

#include "core/torch/TorchState.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::torch {

using runtime::Value;

std::string NamedTupleObject::repr() {
    // structseq repr as PyTorch prints it: one field per line.
    std::string s = type()->module + "." + type()->name() + "(\n";
    for (size_t i = 0; i < items.size(); ++i) {
        s += (*fields)[i] + "=" + runtime::ops::repr(items[i]);
        s += i + 1 < items.size() ? ",\n" : ")";
    }
    return s;
}

Value NamedTupleObject::getAttr(runtime::Str* name) {
    for (size_t i = 0; i < fields->size() && i < items.size(); ++i)
        if ((*fields)[i] == name->view()) return items[i];
    return {};
}

Value makeNamedTuple(TorchContext& ctx, const std::string& name, std::vector<Value> items) {
    TorchState& st = *ctx.state;
    auto it = st.returnTypes.find(name);
    if (it == st.returnTypes.end()) {
        runtime::Interpreter& in = *ctx.interp;
        runtime::Type* t = in.newNativeType(name, "torch.return_types");
        t->setBases({in.types.tuple});
        t->subclassable = false;
        it = st.returnTypes.emplace(name, TorchState::ReturnType{t, {"values", "indices"}}).first;
    }
    return Value(new NamedTupleObject(it->second.type, std::move(items), &it->second.fields));
}

} // namespace gs::torch
