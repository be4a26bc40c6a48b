// Factories (zeros, ones, empty, full, rand, randn, randint, randperm, arange, linspace, eye,
// tensor, as_tensor, scalar_tensor, *_like, Tensor.new_*), the random in-place fills
// (uniform_, normal_, bernoulli_) and the torch.Tensor constructor. Random ops are flagged so a
// replay consumes the RNG like eager code.
#include <limits>
#include <string>

#include "core/runtime/Str.h"
#include "core/torch/TorchGenerator.h"
#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Factories.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;

namespace {

// Keyword layout shared by the size-taking factories.
enum Kw : size_t { kSize, kDtype, kDevice, kRequiresGrad, kGenerator, kLayout, kPinMemory, kOut, kMemoryFormat, kKwCount };
constexpr std::array<std::string_view, Sig::kMax> kFactoryNames{"size",      "dtype", "device", "requires_grad",
                                                                "generator", "layout", "pin_memory", "out",
                                                                "memory_format"};

Sig factorySig(const char* fname) {
    Sig s{fname, kFactoryNames, static_cast<uint8_t>(kKwCount), 0, 0};
    return s;
}

// The run's element limit, checked before anything is allocated (an overflowing product
// counts as too many).
void checkElements(TorchContext& c, const tensor::DimVector& sizes) {
    int64_t n = 1;
    for (int64_t s : sizes) {
        if (s < 0) return;  // the tensor library raises PyTorch's negative-size error
        if (s != 0 && n > std::numeric_limits<int64_t>::max() / s) {
            n = std::numeric_limits<int64_t>::max();
            break;
        }
        n *= s;
    }
    c.interp->checkTensorElements(n);
}

tensor::TensorOptions optionsOf(TorchContext& c, const Bound& b, std::string_view fname, size_t dtypeIdx = kDtype,
                                size_t deviceIdx = kDevice, size_t rgIdx = kRequiresGrad) {
    tensor::TensorOptions o;
    if (b.has(dtypeIdx)) o.dtype = dtypeArg(c, b[dtypeIdx], fname);
    if (b.has(deviceIdx)) o.device = *deviceArg(c, b[deviceIdx], fname);
    if (b.has(rgIdx)) o.requiresGrad = boolArg(b[rgIdx]);
    return o;
}

// size as varargs (zeros(2, 3)) or size= keyword.
tensor::DimVector factorySizes(TorchContext& c, const CallArgs& a, const Bound& b, std::string_view fname) {
    if (b.has(kSize)) {
        if (!a.pos.empty())
            Interpreter::current().raise("TypeError", std::string(fname) + "() got multiple values for argument 'size'");
        return sizesArg(c, std::span<const Value>(b.v[kSize], 1), fname);
    }
    return sizesArg(c, a.pos, fname);
}

tensor::Scalar numberArg(const Value& v, std::string_view fname, std::string_view arg) {
    tensor::Scalar s;
    if (!scalarOf(v, s))
        Interpreter::current().raise("TypeError", std::string(fname) + "(): argument '" + std::string(arg) + "' must be Number, not " +
                                                      runtime::typeName(v));
    return s;
}

// Python data (numbers, nested lists/tuples, tensors) as the tensor library's literal.
tensor::NestedValue nestedOf(TorchContext& c, const Value& v, std::string_view fname) {
    if (isSequence(c, v)) {
        tensor::NestedValue::List items;
        for (const Value& item : sequenceItems(v))
            items.push_back(nestedOf(c, item, fname));
        return tensor::NestedValue(std::move(items));
    }
    if (TensorObject* t = tensorObj(c, v)) {
        // Elements of a tensor inside a list (torch.tensor([x.sum(), y.sum()])).
        const Tensor& x = t->tensor;
        std::function<tensor::NestedValue(int64_t, int64_t)> rec = [&](int64_t dim, int64_t offset) -> tensor::NestedValue {
            if (dim == x.dim()) {
                tensor::Scalar s = x.elementAt(offset);
                if (s.isBool()) return tensor::NestedValue(s.toBool());
                if (s.isInt()) return tensor::NestedValue(s.toInt());
                return tensor::NestedValue(s.toDouble());
            }
            int64_t inner = 1;
            for (int64_t d = dim + 1; d < x.dim(); ++d)
                inner *= x.sizes()[static_cast<size_t>(d)];
            tensor::NestedValue::List items;
            for (int64_t i = 0; i < x.sizes()[static_cast<size_t>(dim)]; ++i)
                items.push_back(rec(dim + 1, offset + i * inner));
            return tensor::NestedValue(std::move(items));
        };
        return rec(0, 0);
    }
    tensor::Scalar s;
    if (!scalarOf(v, s))
        Interpreter::current().raise("TypeError", std::string(fname) + "(): invalid data type '" + runtime::typeName(v) + "'");
    if (s.isBool()) return tensor::NestedValue(s.toBool());
    if (s.isInt()) return tensor::NestedValue(s.toInt());
    return tensor::NestedValue(s.toDouble());
}

int function(TorchContext& ctx, const std::string& name, OpFlags flags, runtime::NativeFunction::Fn impl) {
    const int id = addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Factory, flags, std::move(impl));
    bindFunction(ctx, ctx.state->torchModule, name, id);
    return id;
}

// zeros / ones / empty / rand / randn: (*size, dtype=, device=, requires_grad=, generator=)
void registerSized(TorchContext& ctx) {
    TorchContext* c = &ctx;
    struct Spec {
        const char* name;
        bool random;
        int kind;  // 0 zeros 1 ones 2 empty 3 rand 4 randn
    };
    for (const Spec& s : {Spec{"zeros", false, 0}, Spec{"ones", false, 1}, Spec{"empty", false, 2}, Spec{"rand", true, 3},
                          Spec{"randn", true, 4}}) {
        const Spec spec = s;
        function(ctx, s.name, {.random = s.random}, guarded([c, spec](const CallArgs& a) -> Value {
                     Bound b = bindArgs(a, factorySig(spec.name), a.pos.size());
                     tensor::DimVector size = factorySizes(*c, a, b, spec.name);
                     tensor::TensorOptions o = optionsOf(*c, b, spec.name);
                     checkElements(*c, size);
                     tensor::Generator* g = b.has(kGenerator) ? generatorArg(*c, b[kGenerator], spec.name) : nullptr;
                     switch (spec.kind) {
                     case 0: return c->wrap(tensor::zeros(size, o));
                     case 1: return c->wrap(tensor::ones(size, o));
                     case 2: return c->wrap(tensor::empty(size, o));
                     case 3: return c->wrap(tensor::rand(size, o, g));
                     default: return c->wrap(tensor::randn(size, o, g));
                     }
                 }));
    }
    // full(size, fill_value, *, dtype=, ...)
    function(ctx, "full", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"full", {"size", "fill_value", "dtype", "device", "requires_grad", "layout", "out", "pin_memory"}, 8, 2, 2};
                 Bound b = bindArgs(a, sig);
                 tensor::DimVector size = intListArg(*c, b[0], "full", "size");
                 checkElements(*c, size);
                 return c->wrap(tensor::full(size, numberArg(b[1], "full", "fill_value"), optionsOf(*c, b, "full", 2, 3, 4)));
             }));
    // randint(high, size) / randint(low, high, size), keywords as the other factories.
    function(ctx, "randint", {.random = true}, guarded([c](const CallArgs& a) -> Value {
                 // low, high and size may also come as keywords (randint(low=0, high=10, size=())).
                 std::vector<Value> lhs(a.pos.begin(), a.pos.end());
                 std::vector<runtime::KwArg> rest;
                 Value kwLow, kwHigh, kwSize;
                 for (const auto& k : a.kw) {
                     if (k.name->view() == "low") kwLow = k.value;
                     else if (k.name->view() == "high") kwHigh = k.value;
                     else if (k.name->view() == "size") kwSize = k.value;
                     else rest.push_back(k);
                 }
                 if (!kwLow.isNull()) lhs.insert(lhs.begin(), kwLow);
                 if (!kwHigh.isNull()) lhs.push_back(kwHigh);
                 if (!kwSize.isNull()) lhs.push_back(kwSize);
                 const size_t np = lhs.size();
                 if (np < 2 || np > 3 || (!kwLow.isNull() && kwHigh.isNull()))
                     Interpreter::current().raise("TypeError", "randint() received an invalid combination of arguments - expected (low, high, size) or (high, size)");
                 CallArgs rebound{std::span<const Value>(lhs), std::span<const runtime::KwArg>(rest)};
                 Bound b = bindArgs(rebound, factorySig("randint"), np);
                 const int64_t low = np == 3 ? intArg(lhs[0]) : 0;
                 const int64_t high = intArg(lhs[np - 2]);
                 tensor::DimVector size = intListArg(*c, lhs[np - 1], "randint", "size");
                 checkElements(*c, size);
                 tensor::Generator* g = b.has(kGenerator) ? generatorArg(*c, b[kGenerator], "randint") : nullptr;
                 return c->wrap(tensor::randint(low, high, size, optionsOf(*c, b, "randint"), g));
             }));
    function(ctx, "randperm", {.random = true}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"randperm", {"n", "dtype", "device", "requires_grad", "generator", "layout", "out", "pin_memory"}, 8, 1, 1};
                 Bound b = bindArgs(a, sig);
                 const int64_t n = intArg(b[0]);
                 checkElements(*c, {n});
                 tensor::Generator* g = b.has(4) ? generatorArg(*c, b[4], "randperm") : nullptr;
                 return c->wrap(tensor::randperm(n, optionsOf(*c, b, "randperm", 1, 2, 3), g));
             }));
}

// arange / linspace / eye / tensor / as_tensor / scalar_tensor
void registerFromValues(TorchContext& ctx) {
    TorchContext* c = &ctx;
    function(ctx, "arange", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"arange", {"start", "end", "step", "dtype", "device", "requires_grad", "layout", "out", "pin_memory"}, 9, 1, 3};
                 Bound b = bindArgs(a, sig);
                 tensor::TensorOptions o = optionsOf(*c, b, "arange", 3, 4, 5);
                 if (!b.has(1)) return c->wrap(tensor::arange(numberArg(b[0], "arange", "end"), o));
                 const tensor::Scalar step = b.has(2) ? numberArg(b[2], "arange", "step") : tensor::Scalar(int64_t{1});
                 return c->wrap(tensor::arange(numberArg(b[0], "arange", "start"), numberArg(b[1], "arange", "end"), step, o));
             }));
    function(ctx, "linspace", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"linspace", {"start", "end", "steps", "dtype", "device", "requires_grad", "layout", "out"}, 8, 3, 3};
                 Bound b = bindArgs(a, sig);
                 const int64_t steps = intArg(b[2]);
                 checkElements(*c, {steps});
                 return c->wrap(tensor::linspace(numberArg(b[0], "linspace", "start"), numberArg(b[1], "linspace", "end"), steps,
                                                 optionsOf(*c, b, "linspace", 3, 4, 5)));
             }));
    function(ctx, "eye", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"eye", {"n", "m", "dtype", "device", "requires_grad", "layout", "out"}, 7, 1, 2};
                 Bound b = bindArgs(a, sig);
                 const int64_t n = intArg(b[0]);
                 std::optional<int64_t> m;
                 if (b.has(1)) m = intArg(b[1]);
                 checkElements(*c, {n, m.value_or(n)});
                 return c->wrap(tensor::eye(n, m, optionsOf(*c, b, "eye", 2, 3, 4)));
             }));
    // torch.tensor(data): always a copy (of a tensor too: clone().detach()).
    function(ctx, "tensor", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"tensor", {"data", "dtype", "device", "requires_grad", "pin_memory"}, 5, 1, 1};
                 Bound b = bindArgs(a, sig);
                 tensor::TensorOptions o = optionsOf(*c, b, "tensor", 1, 2, 3);
                 if (TensorObject* t = tensorObj(*c, b[0])) {
                     Tensor r = tensor::detach(tensor::clone(t->tensor));
                     r = tensor::to(r, o.device, o.dtype.value_or(r.dtype()));
                     if (o.requiresGrad) r.setRequiresGrad(true);
                     return c->wrap(std::move(r));
                 }
                 return c->wrap(tensor::tensor(nestedOf(*c, b[0], "tensor"), o));
             }));
    // torch.as_tensor(data, dtype=None, device=None): a tensor with matching dtype/device is
    // returned as is (same object).
    function(ctx, "as_tensor", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"as_tensor", {"data", "dtype", "device"}, 3, 1, 3};
                 Bound b = bindArgs(a, sig);
                 tensor::TensorOptions o = optionsOf(*c, b, "as_tensor", 1, 2, 9);
                 if (TensorObject* t = tensorObj(*c, b[0])) {
                     Tensor r = tensor::to(t->tensor, b.has(2) ? o.device : t->tensor.device(), o.dtype.value_or(t->tensor.dtype()));
                     return wrapResult(*c, std::move(r), a);
                 }
                 return c->wrap(tensor::tensor(nestedOf(*c, b[0], "as_tensor"), o));
             }));
    function(ctx, "scalar_tensor", {}, guarded([c](const CallArgs& a) -> Value {
                 static const Sig sig{"scalar_tensor", {"s", "dtype", "device", "requires_grad", "layout", "pin_memory"}, 6, 1, 1};
                 Bound b = bindArgs(a, sig);
                 return c->wrap(tensor::scalar_tensor(numberArg(b[0], "scalar_tensor", "s"), optionsOf(*c, b, "scalar_tensor", 1, 2, 3)));
             }));
}

// Finishes a *_like / new_* result: device and requires_grad from the options.
Tensor finish(Tensor t, const tensor::TensorOptions& o, bool deviceGiven) {
    if (deviceGiven) t = tensor::to(t, o.device);
    if (o.requiresGrad) t.setRequiresGrad(true);
    return t;
}

// zeros_like / ones_like / empty_like / rand_like / randn_like / full_like (input, [fill,] *, dtype=...)
void registerLike(TorchContext& ctx) {
    TorchContext* c = &ctx;
    struct Spec {
        const char* name;
        bool random;
        int kind;  // 0 zeros 1 ones 2 empty 3 rand 4 randn 5 full
    };
    for (const Spec& s : {Spec{"zeros_like", false, 0}, Spec{"ones_like", false, 1}, Spec{"empty_like", false, 2},
                          Spec{"rand_like", true, 3}, Spec{"randn_like", true, 4}, Spec{"full_like", false, 5}}) {
        const Spec spec = s;
        const bool full = spec.kind == 5;
        function(ctx, s.name, {.random = s.random}, guarded([c, spec, full](const CallArgs& a) -> Value {
                     Sig sig{spec.name, {"input", "dtype", "device", "requires_grad", "generator", "layout", "memory_format", "pin_memory"}, 8, 1, 1};
                     if (full) sig = Sig{spec.name, {"input", "dtype", "device", "requires_grad", "generator", "layout", "memory_format", "fill_value"}, 8, 1, 1};
                     // full_like(input, fill_value, ...): fill_value is the second positional.
                     Bound b = full ? bindArgs(CallArgs{a.pos.subspan(0, std::min<size_t>(a.pos.size(), 1)), a.kw}, sig) : bindArgs(a, sig);
                     if (full) {
                         if (a.pos.size() > 2)
                             Interpreter::current().raise("TypeError", "full_like() takes 2 positional arguments but " + std::to_string(a.pos.size()) + " were given");
                         if (a.pos.size() == 2) {
                             if (b.v[7]) Interpreter::current().raise("TypeError", "full_like() got multiple values for argument 'fill_value'");
                             b.v[7] = &a.pos[1];
                         }
                         if (!b.v[7]) Interpreter::current().raise("TypeError", "full_like() missing 1 required positional argument: 'fill_value'");
                     }
                     const Tensor& x = tensorArg(*c, b[0], spec.name, "input");
                     tensor::TensorOptions o = optionsOf(*c, b, spec.name, 1, 2, 3);
                     tensor::Generator* g = b.has(4) ? generatorArg(*c, b[4], spec.name) : nullptr;
                     checkElements(*c, x.sizes());
                     Tensor r;
                     switch (spec.kind) {
                     case 0: r = tensor::zeros_like(x, o.dtype); break;
                     case 1: r = tensor::ones_like(x, o.dtype); break;
                     case 2: r = tensor::empty_like(x, o.dtype); break;
                     case 3: r = tensor::rand_like(x, o.dtype, g); break;
                     case 4: r = tensor::randn_like(x, o.dtype, g); break;
                     default: r = tensor::full_like(x, numberArg(b[7], spec.name, "fill_value"), o.dtype); break;
                     }
                     return c->wrap(finish(std::move(r), o, b.has(2)));
                 }));
    }
}

// Tensor.new_zeros(size) / new_ones / new_empty / new_full(size, fill) / new_tensor(data):
// dtype and device default to self's.
void registerNew(TorchContext& ctx) {
    TorchContext* c = &ctx;
    for (int kind = 0; kind < 5; ++kind) {
        static const char* const names[] = {"new_zeros", "new_ones", "new_empty", "new_full", "new_tensor"};
        const std::string name = names[kind];
        const int id = addOp(ctx, "Tensor." + name, name, ShapeRule::Factory, {.method = true},
                             guarded([c, kind, name](const CallArgs& a) -> Value {
                                 const Tensor& self = selfTensor(*c, a, name).tensor;
                                 const size_t fixed = kind == 3 ? 2 : 1;  // new_full(size, fill_value)
                                 static const Sig kw{"new", {"dtype", "device", "requires_grad", "layout", "pin_memory"}, 5, 0, 0};
                                 Sig sig = kw;
                                 sig.fname = names[kind];
                                 const bool varargs = kind <= 2;
                                 if (!varargs && a.pos.size() != 1 + fixed)
                                     Interpreter::current().raise("TypeError", name + "() takes " + std::to_string(fixed) + " positional argument" + (fixed == 1 ? "" : "s") + " but " +
                                                                                   std::to_string(a.pos.size() - 1) + " were given");
                                 Bound b = bindArgs(a, sig, a.pos.size());
                                 tensor::TensorOptions o = optionsOf(*c, b, name, 0, 1, 2);
                                 if (!o.dtype) o.dtype = self.dtype();
                                 const bool deviceGiven = b.has(1);
                                 if (!deviceGiven) o.device = self.device();
                                 if (kind == 4) {
                                     if (TensorObject* t = tensorObj(*c, a[1]))
                                         return c->wrap(finish(tensor::to(tensor::detach(tensor::clone(t->tensor)), o.device, *o.dtype), o, false));
                                     return c->wrap(tensor::tensor(nestedOf(*c, a[1], name), o));
                                 }
                                 tensor::DimVector size = varargs ? sizesArg(*c, a.pos.subspan(1), name) : intListArg(*c, a[1], name, "size");
                                 checkElements(*c, size);
                                 switch (kind) {
                                 case 0: return c->wrap(tensor::zeros(size, o));
                                 case 1: return c->wrap(tensor::ones(size, o));
                                 case 2: return c->wrap(tensor::empty(size, o));
                                 default: return c->wrap(tensor::full(size, numberArg(a[2], name, "fill_value"), o));
                                 }
                             }));
        bindMethod(ctx, name, id);
    }
}

// uniform_ / normal_ / bernoulli_ (in place) and torch.bernoulli.
void registerRandomFills(TorchContext& ctx) {
    TorchContext* c = &ctx;
    auto inplace = [&](const char* name, const Sig& sig, auto fill) {
        const std::string n = name;
        bindMethod(ctx, n, addOp(ctx, "Tensor." + n, n, ShapeRule::Elementwise, {.method = true, .inplace = true, .random = true},
                                 sigImpl(ctx, sig, [fill, name](TorchContext& cx, const Bound& b, const CallArgs&) -> Value {
                                     const Tensor& self = tensorArg(cx, b[0], name, "self");
                                     tensor::Generator* g = b.has(3) ? generatorArg(cx, b[3], name) : nullptr;
                                     fill(self, b, g);
                                     return b[0];
                                 })));
    };
    inplace("uniform_", Sig{"uniform_", {"self", "from", "to", "generator"}, 4, 1, 3},
            [](const Tensor& t, const Bound& b, tensor::Generator* g) {
                tensor::uniform_(t, b.has(1) ? floatArg(b[1]) : 0.0, b.has(2) ? floatArg(b[2]) : 1.0, g);
            });
    inplace("normal_", Sig{"normal_", {"self", "mean", "std", "generator"}, 4, 1, 3},
            [](const Tensor& t, const Bound& b, tensor::Generator* g) {
                tensor::normal_(t, b.has(1) ? floatArg(b[1]) : 0.0, b.has(2) ? floatArg(b[2]) : 1.0, g);
            });
    inplace("bernoulli_", Sig{"bernoulli_", {"self", "p", "unused", "generator"}, 4, 1, 2},
            [](const Tensor& t, const Bound& b, tensor::Generator* g) { tensor::bernoulli_(t, b.has(1) ? floatArg(b[1]) : 0.5, g); });
    const Sig bsig{"bernoulli", {"input", "generator"}, 2, 1, 1};
    auto body = [](TorchContext& cx, const Bound& b, const CallArgs&) -> Value {
        tensor::Generator* g = b.has(1) ? generatorArg(cx, b[1], "bernoulli") : nullptr;
        return cx.wrap(tensor::bernoulli(tensorArg(cx, b[0], "bernoulli", "input"), g));
    };
    bindFunction(ctx, ctx.state->torchModule, "bernoulli",
                 addOp(ctx, "torch.bernoulli", "torch.bernoulli", ShapeRule::Elementwise, {.random = true}, sigImpl(ctx, bsig, body)));
    bindMethod(ctx, "bernoulli", addOp(ctx, "Tensor.bernoulli", "bernoulli", ShapeRule::Elementwise, {.method = true, .random = true},
                                       sigImpl(ctx, methodSig(bsig), body)));
    (void)c;
}

// torch.Tensor(...): torch.Tensor() / torch.Tensor(2, 3) (uninitialised, here zeros) /
// torch.Tensor([1, 2]) (data, default float dtype).
void registerTensorConstructor(TorchContext& ctx) {
    TorchContext* c = &ctx;
    const int id = addOp(ctx, "torch.Tensor", "torch.Tensor", ShapeRule::Factory, {}, guarded([c](const CallArgs& a) -> Value {
                             if (!a.kw.empty()) Interpreter::current().raise("TypeError", "Tensor() takes no keyword arguments");
                             tensor::TensorOptions o;
                             o.dtype = tensor::defaultFloatDType();
                             if (a.pos.size() == 1 && (isSequence(*c, a[0]) && a[0].obj()->type() != c->sizeType))
                                 return c->wrap(tensor::tensor(nestedOf(*c, a[0], "Tensor"), o));
                             if (a.pos.size() == 1 && tensorObj(*c, a[0])) return a[0];
                             tensor::DimVector size = a.pos.empty() ? tensor::DimVector{0} : sizesArg(*c, a.pos, "Tensor");
                             checkElements(*c, size);
                             return c->wrap(tensor::empty(size, o));
                         }));
    ctx.tensorType->construct = [c, id](runtime::Type*, const CallArgs& a) { return c->callOp(id, a); };
}

} // namespace

void registerFactoryOps(TorchContext& ctx) {
    registerSized(ctx);
    registerFromValues(ctx);
    registerLike(ctx);
    registerNew(ctx);
    registerRandomFills(ctx);
    registerTensorConstructor(ctx);
}

} // namespace gs::torch
