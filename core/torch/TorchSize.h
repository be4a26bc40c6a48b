#pragma once
// torch.Size: a tuple whose items are the sizes the dispatcher answered (ints, or the tracer's
// symbolic proxies). Behaves like a tuple (indexing, slicing, len, iteration, hashing, == with
// tuples) and prints "torch.Size([2, 3])"; slicing returns a torch.Size, numel() multiplies.
#include <string>
#include <vector>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Containers.h"

namespace gs::torch {

class SizeObject : public runtime::Tuple {
public:
    SizeObject(runtime::Type* type, std::vector<runtime::Value> items) : runtime::Tuple(type, std::move(items)) {}
    std::string repr() override;
    runtime::Value getItem(const runtime::Value& key) override;
    runtime::Value richCompare(runtime::CmpOpKind op, const runtime::Value& other) override;
    runtime::Value binaryOp(runtime::BinOpKind op, const runtime::Value& other, bool reflected) override;
};

runtime::Value makeSize(TorchContext& ctx, std::vector<runtime::Value> items);
// x.size() / x.shape: one dispatcher->sizeAt per dim.
runtime::Value sizeOfTensor(TorchContext& ctx, const runtime::Value& tensor);
// Creates torch.Size in `torch`.
void installSize(runtime::Interpreter& interp, TorchContext& ctx, runtime::Module* torch);

} // namespace gs::torch
