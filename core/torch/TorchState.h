#pragma once
// The private state behind TorchContext::state: op indices resolved once at install time (so a
// Python `x * y` never looks an op up by name), the dtype / device objects, and the modules the
// bindings fill. Everything here is a raw pointer to an object the interpreter keeps alive (types,
// modules, and objects made immortal at install), so the state may outlive or predate nothing.
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Module.h"
#include "core/tensor/DType.h"

namespace gs::torch {

// Python operators on tensors, indexed by the runtime's operator enums. -1: not supported.
struct TorchOpIds {
    static constexpr size_t kBinOps = 13;  // lang::BinOpKind
    static constexpr size_t kCmpOps = 6;   // Eq..GtE of lang::CmpOpKind
    std::array<int, kBinOps> binary;       // operator.add ... (also used reflected: args swapped)
    std::array<int, kBinOps> inplace;      // operator.iadd ...
    std::array<int, kCmpOps> compare;      // operator.eq ...
    int neg = -1, pos = -1, invert = -1, abs = -1;
    int getitem = -1, setitem = -1;
    int unbind = -1;     // iteration: iter(x) is iter(x.unbind(0)) as in torch/_tensor.py
    int contains = -1;   // `v in x`
    int tolist = -1;
    int opT = -1, opMT = -1;  // x.T / x.mT properties
    TorchOpIds() {
        binary.fill(-1);
        inplace.fill(-1);
        compare.fill(-1);
    }
};

struct TorchState {
    TorchOpIds ids;
    std::unordered_map<std::string, int> opByName;
    std::array<runtime::Object*, tensor::kNumDTypes> dtypes{};
    runtime::Type* generatorType = nullptr;
    runtime::Type* gradFnType = nullptr;  // x.grad_fn nodes
    runtime::Object* defaultGenerator = nullptr;  // torch.default_generator (immortal)
    runtime::Module* torchModule = nullptr;
    runtime::Module* functional = nullptr;   // torch.nn.functional
    runtime::Module* nnNative = nullptr;     // torch._C._nn: natives the nn prelude imports
    runtime::Str* dynamicIndicesName = nullptr;  // "_dynamo_dynamic_indices"
    // torch.return_types.* (max, min, ...): the type and its field names.
    struct ReturnType {
        runtime::Type* type;
        std::vector<std::string> fields;
    };
    std::unordered_map<std::string, ReturnType> returnTypes;
};

// The context of the current interpreter, looked up through a thread-local cache.
TorchContext* findTorchContext();

} // namespace gs::torch
