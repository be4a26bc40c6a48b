// Reductions (sum, mean, prod, max/min with their dim forms, argmax, std/var, norm, all/any,
// logsumexp), softmax / log_softmax, matrix products (matmul, mm, bmm, dot, mv, outer, x @ y),
// and the value comparisons that return Python bools (allclose, equal) or masks (isclose).
#include <cmath>
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchNamedTuple.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Closeness.h"
#include "core/tensor/Copy.h"
#include "core/tensor/LinearAlgebra.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/Reductions.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;

namespace {

using Body = OpBody;

const Tensor& in0(TorchContext& c, const Bound& b, std::string_view fname) { return tensorArg(c, b[0], fname, "input"); }

bool keepdimOf(const Bound& b, size_t i) { return b.has(i) && boolArg(b[i]); }

// dim=None | int | sequence of ints.
std::optional<tensor::DimVector> dimsOf(TorchContext& c, const Bound& b, size_t i, std::string_view fname) {
    if (!b.has(i)) return std::nullopt;
    return intListArg(c, b[i], fname, "dim");
}

Value valuesIndices(TorchContext& c, const char* name, tensor::ValuesIndices r) {
    std::vector<Value> items{c.wrap(std::move(r.values)), c.wrap(std::move(r.indices))};
    return makeNamedTuple(c, name, std::move(items));
}

// out=(values, indices): the results land in the given tensors (resized to the result's shape
// when they differ, as ATen's resize_output does), which are returned.
Value valuesIndicesOut(TorchContext& c, const char* name, tensor::ValuesIndices r, const Value& out) {
    std::vector<Value> outs = runtime::ops::toVector(out);
    if (outs.size() != 2)
        Interpreter::current().raise("TypeError", std::string(name) + "(): argument 'out' must be tuple of Tensors, not " + runtime::typeName(out));
    const tensor::Tensor* results[2] = {&r.values, &r.indices};
    for (size_t i = 0; i < 2; ++i) {
        TensorObject* o = tensorObj(c, outs[i]);
        if (!o) Interpreter::current().raise("TypeError", std::string(name) + "(): argument 'out' must be tuple of Tensors");
        if (o->tensor.dtype() != results[i]->dtype())
            tensor::throwRuntime(std::string("Expected out tensor to have dtype ") + std::string(tensor::dtypeReprName(results[i]->dtype())) +
                                 ", but got " + std::string(tensor::dtypeReprName(o->tensor.dtype())) + " instead");
        if (o->tensor.sizes() == results[i]->sizes()) tensor::copy_(o->tensor, *results[i]);
        else o->tensor = *results[i];
    }
    return makeNamedTuple(c, name, std::move(outs));
}

// torch.max(input) / torch.max(input, dim, keepdim=False) / torch.max(input, other)
Body maxMinBody(bool isMax) {
    const char* name = isMax ? "max" : "min";
    return [isMax, name](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const Tensor& x = in0(c, b, name);
        if (!b.has(1)) {
            if (b.has(2)) Interpreter::current().raise("TypeError", std::string(name) + "() received an invalid combination of arguments - got keepdim without dim");
            return c.wrap(isMax ? tensor::max(x) : tensor::min(x));
        }
        if (TensorObject* other = tensorObj(c, b[1]))
            return c.wrap(tensor::binary(isMax ? tensor::BinaryOp::Maximum : tensor::BinaryOp::Minimum, x, other->tensor));
        const int64_t dim = intArg(b[1]);
        tensor::ValuesIndices r = isMax ? tensor::max(x, dim, keepdimOf(b, 2)) : tensor::min(x, dim, keepdimOf(b, 2));
        if (b.has(3)) return valuesIndicesOut(c, name, std::move(r), b[3]);
        return valuesIndices(c, name, std::move(r));
    };
}

// std/var(input, dim=None, *, correction=1, keepdim=False), also the legacy
// (input, unbiased) and (input, dim, unbiased, keepdim) forms.
Body spreadBody(bool isStd) {
    const char* name = isStd ? "std" : "var";
    return [isStd, name](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const Tensor& x = in0(c, b, name);
        std::optional<tensor::DimVector> dims;
        double correction = 1;
        if (b.has(1)) {
            if (isBoolLike(b[1])) correction = boolArg(b[1]) ? 1 : 0;  // std(input, unbiased)
            else dims = intListArg(c, b[1], name, "dim");
        }
        if (b.has(2)) correction = boolArg(b[2]) ? 1 : 0;  // unbiased=
        const bool keepdim = keepdimOf(b, 3);
        if (b.has(4)) correction = floatArg(b[4]);
        return c.wrap(isStd ? tensor::std(x, dims, correction, keepdim) : tensor::var(x, dims, correction, keepdim));
    };
}

void registerReductions(TorchContext& ctx) {
    both(ctx, "sum", ShapeRule::Reduction, Sig{"sum", {"input", "dim", "keepdim", "dtype"}, 4, 1, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "sum");
             auto dtype = b.has(3) ? dtypeArg(c, b[3], "sum") : std::nullopt;
             if (auto dims = dimsOf(c, b, 1, "sum")) return c.wrap(tensor::sum(x, *dims, keepdimOf(b, 2), dtype));
             return c.wrap(tensor::sum(x, dtype));
         });
    both(ctx, "mean", ShapeRule::Reduction, Sig{"mean", {"input", "dim", "keepdim", "dtype"}, 4, 1, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "mean");
             auto dtype = b.has(3) ? dtypeArg(c, b[3], "mean") : std::nullopt;
             if (auto dims = dimsOf(c, b, 1, "mean")) return c.wrap(tensor::mean(x, *dims, keepdimOf(b, 2), dtype));
             return c.wrap(tensor::mean(x, dtype));
         });
    both(ctx, "prod", ShapeRule::Reduction, Sig{"prod", {"input", "dim", "keepdim", "dtype"}, 4, 1, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "prod");
             auto dtype = b.has(3) ? dtypeArg(c, b[3], "prod") : std::nullopt;
             if (b.has(1)) return c.wrap(tensor::prod(x, intArg(b[1]), keepdimOf(b, 2), dtype));
             return c.wrap(tensor::prod(x, dtype));
         });
    for (bool isMax : {true, false}) {
        const char* n = isMax ? "amax" : "amin";
        both(ctx, n, ShapeRule::Reduction, Sig{n, {"input", "dim", "keepdim"}, 3, 1, 3},
             [isMax, n](TorchContext& c, const Bound& b, const CallArgs&) {
                 const Tensor& x = in0(c, b, n);
                 tensor::DimVector dims = b.has(1) ? intListArg(c, b[1], n, "dim") : tensor::DimVector{};
                 return c.wrap(isMax ? tensor::amax(x, dims, keepdimOf(b, 2)) : tensor::amin(x, dims, keepdimOf(b, 2)));
             });
        const char* m = isMax ? "max" : "min";
        both(ctx, m, ShapeRule::Reduction, Sig{m, {"input", "dim", "keepdim", "out"}, 4, 1, 3}, maxMinBody(isMax));
        const char* a = isMax ? "argmax" : "argmin";
        both(ctx, a, ShapeRule::Reduction, Sig{a, {"input", "dim", "keepdim"}, 3, 1, 3},
             [isMax, a](TorchContext& c, const Bound& b, const CallArgs&) {
                 const Tensor& x = in0(c, b, a);
                 std::optional<int64_t> dim;
                 if (b.has(1)) dim = intArg(b[1]);
                 return c.wrap(isMax ? tensor::argmax(x, dim, keepdimOf(b, 2)) : tensor::argmin(x, dim, keepdimOf(b, 2)));
             });
        const char* s = isMax ? "std" : "var";
        both(ctx, s, ShapeRule::Reduction, Sig{s, {"input", "dim", "unbiased", "keepdim", "correction"}, 5, 1, 4},
             spreadBody(isMax));
    }
    // topk(input, k, dim=-1, largest=True, sorted=True, *, out=None)
    both(ctx, "topk", ShapeRule::Generic, Sig{"topk", {"input", "k", "dim", "largest", "sorted", "out"}, 6, 2, 5},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "topk");
             tensor::ValuesIndices r = tensor::topk(x, intArg(b[1]), b.has(2) ? intArg(b[2]) : -1, !b.has(3) || boolArg(b[3]),
                                                    !b.has(4) || boolArg(b[4]));
             if (b.has(5)) return valuesIndicesOut(c, "topk", std::move(r), b[5]);
             return valuesIndices(c, "topk", std::move(r));
         });
    both(ctx, "norm", ShapeRule::Reduction, Sig{"norm", {"input", "p", "dim", "keepdim", "dtype"}, 5, 1, 5},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "norm");
             double p = 2.0;
             if (b.has(1)) {
                 if (auto* s = b[1].dyn<runtime::Str>()) {
                     if (s->view() != "fro")
                         tensor::throwRuntime("norm(): only 'fro' and numeric p are supported, got '" + s->s() + "'");
                 } else {
                     p = floatArg(b[1]);
                 }
             }
             Tensor r = tensor::norm(x, p, dimsOf(c, b, 2, "norm"), keepdimOf(b, 3));
             if (b.has(4)) r = tensor::to(r, *dtypeArg(c, b[4], "norm"));
             return c.wrap(std::move(r));
         });
    for (bool isAll : {true, false}) {
        const char* n = isAll ? "all" : "any";
        both(ctx, n, ShapeRule::Reduction, Sig{n, {"input", "dim", "keepdim"}, 3, 1, 3},
             [isAll, n](TorchContext& c, const Bound& b, const CallArgs&) {
                 const Tensor& x = in0(c, b, n);
                 if (!b.has(1)) return c.wrap(isAll ? tensor::all(x) : tensor::any(x));
                 const int64_t dim = intArg(b[1]);
                 return c.wrap(isAll ? tensor::all(x, dim, keepdimOf(b, 2)) : tensor::any(x, dim, keepdimOf(b, 2)));
             });
    }
    both(ctx, "logsumexp", ShapeRule::Reduction, Sig{"logsumexp", {"input", "dim", "keepdim"}, 3, 2, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::logsumexp(in0(c, b, "logsumexp"), intListArg(c, b[1], "logsumexp", "dim"), keepdimOf(b, 2)));
         });
    for (bool isLog : {false, true}) {
        const char* n = isLog ? "log_softmax" : "softmax";
        both(ctx, n, ShapeRule::Elementwise, Sig{n, {"input", "dim", "dtype"}, 3, 2, 3},
             [isLog, n](TorchContext& c, const Bound& b, const CallArgs&) {
                 const Tensor& x = in0(c, b, n);
                 auto dtype = b.has(2) ? dtypeArg(c, b[2], n) : std::nullopt;
                 const int64_t dim = intArg(b[1]);
                 return c.wrap(isLog ? tensor::log_softmax(x, dim, dtype) : tensor::softmax(x, dim, dtype));
             });
    }
}

void registerProducts(TorchContext& ctx) {
    struct Spec {
        const char* name;
        Tensor (*fn)(const Tensor&, const Tensor&);
    };
    const Spec specs[] = {{"matmul", tensor::matmul}, {"mm", tensor::mm}, {"bmm", tensor::bmm}, {"dot", tensor::dot},
                          {"mv", tensor::mv},         {"outer", tensor::outer}};
    for (const Spec& s : specs) {
        auto fn = s.fn;
        const char* n = s.name;
        const char* second = std::string_view(n) == "mv" ? "vec" : (std::string_view(n) == "mm" || std::string_view(n) == "bmm") ? "mat2" : "other";
        // outer has no contracted dimension: Generic.
        const ShapeRule rule = std::string_view(n) == "outer" ? ShapeRule::Generic : ShapeRule::Matmul;
        both(ctx, n, rule, Sig{n, {"input", second}, 2, 2, 2},
             [fn, n, second](TorchContext& c, const Bound& b, const CallArgs&) {
                 return c.wrap(fn(in0(c, b, n), tensorArg(c, b[1], n, second, 2)));
             });
    }
    // x @ y (and the reflected form, recorded with the operands in source order).
    TorchContext* c = &ctx;
    ctx.state->ids.binary[static_cast<size_t>(runtime::BinOpKind::MatMult)] =
        addOp(ctx, "operator.matmul", "operator.matmul", ShapeRule::Matmul, {}, guarded([c](const CallArgs& a) -> Value {
                  TensorObject* x = a.pos.size() == 2 ? tensorObj(*c, a[0]) : nullptr;
                  TensorObject* y = a.pos.size() == 2 ? tensorObj(*c, a[1]) : nullptr;
                  if (!x || !y || !a.kw.empty())
                      Interpreter::current().raise("TypeError", "unsupported operand type(s) for @: '" +
                                                                    runtime::typeName(a.pos.empty() ? Value::none() : a[0]) + "' and '" +
                                                                    runtime::typeName(a.pos.size() < 2 ? Value::none() : a[1]) + "'");
                  return c->wrap(tensor::matmul(x->tensor, y->tensor));
              }));
}

void registerComparisons(TorchContext& ctx) {
    const Sig closeSig{"allclose", {"input", "other", "rtol", "atol", "equal_nan"}, 5, 2, 5};
    auto tolerances = [](const Bound& b, double& rtol, double& atol, bool& equalNan) {
        rtol = b.has(2) ? floatArg(b[2]) : 1e-5;
        atol = b.has(3) ? floatArg(b[3]) : 1e-8;
        equalNan = b.has(4) && boolArg(b[4]);
    };
    both(ctx, "allclose", ShapeRule::NoTensorOut, closeSig, [tolerances](TorchContext& c, const Bound& b, const CallArgs&) {
        double rtol, atol;
        bool equalNan;
        tolerances(b, rtol, atol, equalNan);
        return Value::boolean(tensor::allclose(in0(c, b, "allclose"), tensorArg(c, b[1], "allclose", "other", 2), rtol, atol, equalNan));
    });
    Sig isSig = closeSig;
    isSig.fname = "isclose";
    both(ctx, "isclose", ShapeRule::Elementwise, isSig, [tolerances](TorchContext& c, const Bound& b, const CallArgs&) {
        double rtol, atol;
        bool equalNan;
        tolerances(b, rtol, atol, equalNan);
        return c.wrap(tensor::isclose(in0(c, b, "isclose"), tensorArg(c, b[1], "isclose", "other", 2), rtol, atol, equalNan));
    });
    both(ctx, "equal", ShapeRule::NoTensorOut, Sig{"equal", {"input", "other"}, 2, 2, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return Value::boolean(tensor::equal(in0(c, b, "equal"), tensorArg(c, b[1], "equal", "other", 2)));
         });
}

} // namespace

void registerReductionOps(TorchContext& ctx) {
    registerReductions(ctx);
    registerProducts(ctx);
    registerComparisons(ctx);
}

} // namespace gs::torch
