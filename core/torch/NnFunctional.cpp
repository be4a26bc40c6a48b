// torch.nn.functional: a native module whose functions are ops with targets
// torch.nn.functional.<name> (relu, gelu, silu, leaky_relu, prelu, sigmoid, tanh, softmax,
// log_softmax, dropout, linear, conv1d, conv2d, mse_loss, l1_loss).
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Convolution.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Factories.h"
#include "core/tensor/LinearAlgebra.h"
#include "core/tensor/Pointwise.h"
#include "core/tensor/Reductions.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;

namespace {

using Body = OpBody;

void functional(TorchContext& ctx, const std::string& name, ShapeRule rule, const Sig& sig, const Body& body,
                OpFlags flags = {}) {
    const int id = addOp(ctx, "F." + name, "torch.nn.functional." + name, rule, flags, sigImpl(ctx, sig, body));
    bindFunction(ctx, ctx.state->functional, name, id);
}

const Tensor& in0(TorchContext& c, const Bound& b, std::string_view fname) { return tensorArg(c, b[0], fname, "input"); }

// In-place variants of activations write the result into the input and return it.
Value maybeInplace(TorchContext& c, const Bound& b, size_t inplaceIdx, Tensor result) {
    if (b.has(inplaceIdx) && boolArg(b[inplaceIdx])) {
        tensor::copy_(tensorArg(c, b[0], "inplace", "input"), result);
        return b[0];
    }
    return c.wrap(std::move(result));
}

// torch/nn/functional.py _get_softmax_dim: the implicit dim of the legacy call without dim=.
int64_t softmaxDim(const Bound& b, size_t i, const Tensor& x) {
    if (b.has(i)) return intArg(b[i]);
    const int64_t nd = x.dim();
    return (nd == 0 || nd == 1 || nd == 3) ? 0 : 1;
}

std::string reductionOf(const Bound& b, size_t i, std::string_view fname) {
    if (!b.has(i)) return "mean";
    auto* s = b[i].dyn<runtime::Str>();
    if (!s) Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'reduction' must be str");
    if (s->view() != "mean" && s->view() != "sum" && s->view() != "none")
        Interpreter::current().raise("ValueError", s->s() + " is not a valid value for reduction");
    return s->s();
}

Tensor reduce(Tensor t, const std::string& reduction) {
    if (reduction == "mean") return tensor::mean(t);
    if (reduction == "sum") return tensor::sum(t);
    return t;
}

} // namespace

void registerNnFunctionalOps(TorchContext& ctx) {
    ctx.state->functional = ctx.interp->nativeModule("torch.nn.functional");
    using tensor::UnaryOp;
    functional(ctx, "relu", ShapeRule::Elementwise, Sig{"relu", {"input", "inplace"}, 2, 1, 2},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   const Tensor& x = in0(c, b, "relu");
                   if (b.has(1) && boolArg(b[1])) {
                       tensor::relu_(x);
                       return b[0];
                   }
                   return c.wrap(tensor::relu(x));
               });
    functional(ctx, "relu_", ShapeRule::Elementwise, Sig{"relu_", {"input"}, 1, 1, 1},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   tensor::relu_(in0(c, b, "relu_"));
                   return b[0];
               },
               {.inplace = true});
    functional(ctx, "gelu", ShapeRule::Elementwise, Sig{"gelu", {"input", "approximate"}, 2, 1, 2},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   std::string_view approx = "none";
                   if (b.has(1)) {
                       auto* s = b[1].dyn<runtime::Str>();
                       if (!s) Interpreter::current().raise("TypeError", "gelu(): argument 'approximate' must be str, not " + runtime::typeName(b[1]));
                       approx = s->view();
                   }
                   return c.wrap(tensor::gelu(in0(c, b, "gelu"), approx));
               });
    functional(ctx, "silu", ShapeRule::Elementwise, Sig{"silu", {"input", "inplace"}, 2, 1, 2},
               [](TorchContext& c, const Bound& b, const CallArgs&) { return maybeInplace(c, b, 1, tensor::silu(in0(c, b, "silu"))); });
    functional(ctx, "leaky_relu", ShapeRule::Elementwise, Sig{"leaky_relu", {"input", "negative_slope", "inplace"}, 3, 1, 3},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   const Tensor& x = in0(c, b, "leaky_relu");
                   const double slope = b.has(1) ? floatArg(b[1]) : 0.01;
                   Tensor scaled = tensor::mul(x, tensor::Scalar(slope));
                   Tensor r = tensor::where(tensor::gt(x, tensor::Scalar(int64_t{0})), x, scaled);
                   return maybeInplace(c, b, 2, std::move(r));
               });
    // prelu(input, weight): x where x > 0, else weight * x; a weight of C values applies per
    // channel (dim 1), one value to every element. Generic shape rule: the weight is not
    // broadcast from the right as an elementwise operand would be.
    functional(ctx, "prelu", ShapeRule::Generic, Sig{"prelu", {"input", "weight"}, 2, 2, 2},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   const Tensor& x = in0(c, b, "prelu");
                   Tensor w = tensorArg(c, b[1], "prelu", "weight", 2);
                   if (w.numel() != 1) {
                       const int64_t channels = x.dim() >= 2 ? x.sizes()[1] : 1;
                       if (w.dim() != 1 || w.numel() != channels)
                           Interpreter::current().raise(
                               "RuntimeError", "Mismatch of parameter numbers and input channel size. Found parameter numbers = " +
                                                   std::to_string(w.numel()) + " and channel size = " + std::to_string(channels) + ".");
                       tensor::DimVector shape;
                       shape.push_back(channels);
                       for (int64_t d = 2; d < x.dim(); ++d) shape.push_back(1);
                       w = tensor::reshape(w, shape);
                   }
                   Tensor scaled = tensor::mul(x, w);
                   return c.wrap(tensor::where(tensor::gt(x, tensor::Scalar(int64_t{0})), x, scaled));
               });
    for (const auto& [n, op] : {std::pair{"sigmoid", UnaryOp::Sigmoid}, std::pair{"tanh", UnaryOp::Tanh}}) {
        const UnaryOp u = op;
        const char* name = n;
        functional(ctx, name, ShapeRule::Elementwise, Sig{name, {"input"}, 1, 1, 1},
                   [u, name](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::unary(u, in0(c, b, name))); });
    }
    for (bool isLog : {false, true}) {
        const char* name = isLog ? "log_softmax" : "softmax";
        functional(ctx, name, ShapeRule::Elementwise, Sig{name, {"input", "dim", "_stacklevel", "dtype"}, 4, 1, 4},
                   [isLog, name](TorchContext& c, const Bound& b, const CallArgs&) {
                       const Tensor& x = in0(c, b, name);
                       auto dtype = b.has(3) ? dtypeArg(c, b[3], name) : std::nullopt;
                       const int64_t dim = softmaxDim(b, 1, x);
                       return c.wrap(isLog ? tensor::log_softmax(x, dim, dtype) : tensor::softmax(x, dim, dtype));
                   });
    }
    // dropout(input, p=0.5, training=True, inplace=False): random when training, identity otherwise.
    functional(ctx, "dropout", ShapeRule::Elementwise, Sig{"dropout", {"input", "p", "training", "inplace"}, 4, 1, 4},
               [](TorchContext& c, const Bound& b, const CallArgs& a) -> Value {
                   const Tensor& x = in0(c, b, "dropout");
                   const double p = b.has(1) ? floatArg(b[1]) : 0.5;
                   if (p < 0.0 || p > 1.0)
                       Interpreter::current().raise("ValueError", "dropout probability has to be between 0 and 1, but got " +
                                                                      tensor::pythonFloatRepr(p));
                   const bool training = b.v[2] ? boolArg(b[2]) : true;
                   const bool inplace = b.has(3) && boolArg(b[3]);
                   // ATen's _dropout_impl returns the input itself when not training: the
                   // same Python object.
                   if (!training) return b[0];
                   Tensor r = tensor::dropout(x, p, true);
                   if (r.is(x)) return b[0];
                   if (inplace) return maybeInplace(c, b, 3, std::move(r));
                   return wrapResult(c, std::move(r), a);
               },
               {.random = true});
    functional(ctx, "linear", ShapeRule::Matmul, Sig{"linear", {"input", "weight", "bias"}, 3, 2, 3},
               [](TorchContext& c, const Bound& b, const CallArgs&) {
                   std::optional<Tensor> bias;
                   if (b.has(2)) bias = tensorArg(c, b[2], "linear", "bias", 3);
                   return c.wrap(tensor::linear(in0(c, b, "linear"), tensorArg(c, b[1], "linear", "weight", 2), bias));
               });
    // conv1d / conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1);
    // padding may be "same" or "valid". Generic shape rule: the output's spatial sizes are
    // computed from the input's (opaque under dynamic shapes until read).
    for (int dims : {1, 2}) {
        // A literal: the Sig keeps a view of the name for every later call.
        const char* name = dims == 1 ? "conv1d" : "conv2d";
        functional(ctx, name, ShapeRule::Generic,
                   Sig{name, {"input", "weight", "bias", "stride", "padding", "dilation", "groups"}, 7, 2, 7},
                   [dims, name](TorchContext& c, const Bound& b, const CallArgs&) {
                       std::optional<Tensor> bias;
                       if (b.has(2)) bias = tensorArg(c, b[2], name, "bias", 3);
                       tensor::ConvParams p;
                       if (b.has(3)) p.stride = intListArg(c, b[3], name, "stride");
                       if (b.has(5)) p.dilation = intListArg(c, b[5], name, "dilation");
                       if (b.has(6)) p.groups = intArg(b[6]);
                       if (b.has(4)) {
                           if (auto* mode = b[4].dyn<runtime::Str>()) {
                               if (mode->view() == "same") p.mode = tensor::ConvParams::Padding::Same;
                               else if (mode->view() == "valid") p.mode = tensor::ConvParams::Padding::Valid;
                               else
                                   Interpreter::current().raise("ValueError", "Invalid padding string '" + mode->s() +
                                                                                  "', should be one of {'valid', 'same'}");
                           } else {
                               p.padding = intListArg(c, b[4], name, "padding");
                           }
                       }
                       for (const tensor::DimVector* v : {&p.stride, &p.padding, &p.dilation})
                           if (v->size() > 1 && v->size() != static_cast<size_t>(dims))
                               Interpreter::current().raise("RuntimeError", "expected " + std::to_string(dims) +
                                                                                " values per spatial dimension, got " +
                                                                                std::to_string(v->size()));
                       return c.wrap(tensor::convolution(in0(c, b, name), tensorArg(c, b[1], name, "weight", 2), bias, dims, p));
                   });
    }
    for (bool isL1 : {false, true}) {
        const char* name = isL1 ? "l1_loss" : "mse_loss";
        functional(ctx, name, ShapeRule::Reduction, Sig{name, {"input", "target", "size_average", "reduce", "reduction"}, 5, 2, 5},
                   [isL1, name](TorchContext& c, const Bound& b, const CallArgs&) {
                       Tensor d = tensor::sub(in0(c, b, name), tensorArg(c, b[1], name, "target", 2));
                       Tensor e = isL1 ? tensor::abs(d) : tensor::mul(d, d);
                       return c.wrap(reduce(std::move(e), reductionOf(b, 4, name)));
                   });
    }
}

} // namespace gs::torch
