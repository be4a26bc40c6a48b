#pragma once
// x.grad_fn of a non-leaf: a named stand-in for the autograd node (there is no backward here).
// repr "<MulBackward0 object at 0x...>", name() "MulBackward0".
#include <string>

#include "core/torch/TorchBindings.h"

namespace gs::torch {

class GradFnObject : public runtime::Object {
public:
    GradFnObject(runtime::Type* type, const char* name) : runtime::Object(type), name(name) {}
    const char* name;  // static string owned by the tensor library
    std::string repr() override;
};

// The grad_fn value of `t`: None for a leaf.
runtime::Value gradFnOf(TorchContext& ctx, const tensor::Tensor& t);
// Creates the node type (torch.autograd.graph.Node-like) with its name() method.
void installGradFn(runtime::Interpreter& interp, TorchContext& ctx);

} // namespace gs::torch
