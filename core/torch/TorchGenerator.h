#pragma once
// torch.Generator: a seeded random stream (tensor::Generator). torch.default_generator and the
// object torch.manual_seed returns wrap the thread's default generator, which the random ops use
// unless a generator= argument names another one.
#include "core/torch/TorchBindings.h"
#include "core/tensor/Generator.h"

namespace gs::torch {

class GeneratorObject : public runtime::Object {
public:
    // own = false: a view of the thread's default generator.
    GeneratorObject(runtime::Type* type, bool own);
    tensor::Generator& generator() { return own_ ? owned_ : tensor::Generator::defaultGenerator(); }
    std::string repr() override;

private:
    bool own_;
    tensor::Generator owned_;
};

// generator=None -> nullptr (the default generator), else the object's generator.
tensor::Generator* generatorArg(TorchContext& ctx, const runtime::Value& v, std::string_view fname);
// torch.Generator, torch.default_generator, torch.manual_seed / seed / initial_seed.
void installGenerator(runtime::Interpreter& interp, TorchContext& ctx);

} // namespace gs::torch
