#pragma once
// torch.return_types.* (structseq results such as torch.max(x, dim)): a tuple whose items are
// also readable by field name (`r.values`, `r.indices`).
#include <string>
#include <vector>

#include "core/torch/TorchBindings.h"
#include "core/runtime/Containers.h"

namespace gs::torch {

class NamedTupleObject : public runtime::Tuple {
public:
    NamedTupleObject(runtime::Type* type, std::vector<runtime::Value> items, const std::vector<std::string>* fields)
        : runtime::Tuple(type, std::move(items)), fields(fields) {}
    const std::vector<std::string>* fields;  // owned by the type's registry (TorchState)
    std::string repr() override;              // torch.return_types.max(\nvalues=...,\nindices=...)
    runtime::Value getAttr(runtime::Str* name) override;
};

// The type torch.return_types.<name> with `fields` (created once per name and cached).
runtime::Value makeNamedTuple(TorchContext& ctx, const std::string& name, std::vector<runtime::Value> items);

} // namespace gs::torch
