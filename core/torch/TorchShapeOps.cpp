// View, copy, conversion and join ops: view/reshape/transpose/permute/squeeze/expand/flatten...,
// clone/contiguous/detach/to/float/copy_/fill_/zero_, cat/stack/split/chunk/unbind and friends.
#include <algorithm>
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/torch/TorchDevice.h"
#include "core/torch/TorchDType.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Copy.h"
#include "core/tensor/ShapeOps.h"
#include "core/tensor/Views.h"

namespace gs::torch {

using runtime::CallArgs;
using runtime::Interpreter;
using runtime::Value;
using tensor::Tensor;

namespace {

using Body = OpBody;

void function(TorchContext& ctx, const std::string& name, ShapeRule rule, const Sig& sig, const Body& body) {
    bindFunction(ctx, ctx.state->torchModule, name,
                 addOp(ctx, "torch." + name, "torch." + name, rule, {}, sigImpl(ctx, sig, body)));
}

int method(TorchContext& ctx, const std::string& name, ShapeRule rule, const Sig& sig, const Body& body,
           OpFlags flags = {.method = true}) {
    flags.method = true;
    const int id = addOp(ctx, "Tensor." + name, name, rule, flags, sigImpl(ctx, methodSig(sig), body));
    bindMethod(ctx, name, id);
    return id;
}

// A method taking varargs sizes (x.view(2, 3), x.view((2, 3))) or the sizes as one keyword
// (x.view(size=(2, 3)), x.permute(dims=(1, 0))).
int varargsMethod(TorchContext& ctx, const std::string& name, const char* kwName, ShapeRule rule,
                  std::function<Tensor(const Tensor&, const tensor::DimVector&)> fn) {
    TorchContext* c = &ctx;
    const int id = addOp(ctx, "Tensor." + name, name, rule, {.method = true}, guarded([c, name, kwName, fn](const CallArgs& a) {
                             TensorObject& self = selfTensor(*c, a, name);
                             if (!a.kw.empty()) {
                                 if (a.kw.size() != 1 || a.kw[0].name->view() != kwName || a.pos.size() != 1)
                                     Interpreter::current().raise("TypeError", name + "() got an unexpected keyword argument '" +
                                                                                   std::string(a.kw[0].name->view()) + "'");
                                 return wrapResult(*c, fn(self.tensor, intListArg(*c, a.kw[0].value, name, kwName)), a);
                             }
                             return wrapResult(*c, fn(self.tensor, sizesArg(*c, a.pos.subspan(1), name)), a);
                         }));
    bindMethod(ctx, name, id);
    return id;
}

const Tensor& in0(TorchContext& c, const Bound& b, std::string_view fname) { return tensorArg(c, b[0], fname, "input"); }

std::vector<Tensor> tensorList(TorchContext& c, const Value& v, std::string_view fname) {
    if (!isSequence(c, v))
        Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'tensors' (position 1) must be tuple of Tensors, not " +
                                                      runtime::typeName(v));
    std::vector<Tensor> out;
    std::span<const Value> items = sequenceItems(v);
    out.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        TensorObject* t = tensorObj(c, items[i]);
        if (!t)
            Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'tensors' (position 1) must be tuple of Tensors, but found element of type " +
                                                          runtime::typeName(items[i]) + " at pos " + std::to_string(i));
        out.push_back(t->tensor);
    }
    return out;
}

int64_t dimOr(const Bound& b, size_t i, int64_t dflt) { return b.has(i) ? intArg(b[i]) : dflt; }

// squeeze(dim) with an int or (newer PyTorch) a tuple of dims.
Tensor squeezeDims(TorchContext& c, const Tensor& x, const Value& dims) {
    if (!isSequence(c, dims)) return tensor::squeeze(x, intArg(dims));
    std::vector<int64_t> ds;
    for (int64_t d : intListArg(c, dims, "squeeze", "dim"))
        ds.push_back(tensor::wrapDim(d, x.dim()));
    std::sort(ds.rbegin(), ds.rend());
    Tensor r = x;
    for (int64_t d : ds)
        r = tensor::squeeze(r, d);
    return r;
}

// Tensor.to(...) overloads: to(dtype), to(device[, dtype]), to(other), with copy= / dtype= /
// device= keywords (non_blocking and memory_format accepted and ignored).
Tensor toImpl(TorchContext& c, const Tensor& self, const CallArgs& a) {
    std::optional<tensor::DType> dtype;
    std::optional<tensor::Device> device;
    bool copy = false;
    size_t i = 1;
    if (i < a.size()) {
        const Value& first = a[i];
        if (first.obj() && first.obj()->type() == c.dtypeType) {
            dtype = dtypeArg(c, first, "to");
            ++i;
        } else if (TensorObject* other = tensorObj(c, first)) {
            dtype = other->tensor.dtype();
            device = other->tensor.device();
            ++i;
        } else if (!first.isNone() && !isBoolLike(first)) {
            device = deviceArg(c, first, "to");
            ++i;
            if (i < a.size() && a[i].obj() && a[i].obj()->type() == c.dtypeType) dtype = dtypeArg(c, a[i++], "to");
        }
    }
    if (i < a.size()) ++i;  // non_blocking
    if (i < a.size()) copy = boolArg(a[i++]);
    if (i < a.size()) Interpreter::current().raise("TypeError", "to() received an invalid combination of arguments");
    for (const runtime::KwArg& k : a.kw) {
        std::string_view n = k.name->view();
        if (n == "dtype") dtype = dtypeArg(c, k.value, "to");
        else if (n == "device") device = deviceArg(c, k.value, "to");
        else if (n == "copy") copy = boolArg(k.value);
        else if (n != "non_blocking" && n != "memory_format")
            Interpreter::current().raise("TypeError", "to() got an unexpected keyword argument '" + std::string(n) + "'");
    }
    return tensor::to(self, device.value_or(self.device()), dtype.value_or(self.dtype()), copy);
}

void registerViews(TorchContext& ctx) {
    varargsMethod(ctx, "view", "size", ShapeRule::Generic, [](const Tensor& t, const tensor::DimVector& s) { return tensor::view(t, s); });
    varargsMethod(ctx, "reshape", "shape", ShapeRule::Generic,
                  [](const Tensor& t, const tensor::DimVector& s) { return tensor::reshape(t, s); });
    varargsMethod(ctx, "expand", "size", ShapeRule::Generic, [](const Tensor& t, const tensor::DimVector& s) { return tensor::expand(t, s); });
    varargsMethod(ctx, "repeat", "repeats", ShapeRule::Generic, [](const Tensor& t, const tensor::DimVector& s) { return tensor::repeat(t, s); });
    varargsMethod(ctx, "permute", "dims", ShapeRule::Generic,
                  [](const Tensor& t, const tensor::DimVector& s) { return tensor::permute(t, s); });

    // torch.reshape(input, shape) / torch.permute(input, dims) take one sequence; the methods
    // above take varargs.
    function(ctx, "reshape", ShapeRule::Generic, Sig{"reshape", {"input", "shape"}, 2, 2, 2},
         [](TorchContext& c, const Bound& b, const CallArgs& a) {
             return wrapResult(c, tensor::reshape(in0(c, b, "reshape"), intListArg(c, b[1], "reshape", "shape")), a);
         });
    function(ctx, "permute", ShapeRule::Generic, Sig{"permute", {"input", "dims"}, 2, 2, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::permute(in0(c, b, "permute"), intListArg(c, b[1], "permute", "dims")));
         });
    both(ctx, "as_strided", ShapeRule::Generic, Sig{"as_strided", {"input", "size", "stride", "storage_offset"}, 4, 3, 4},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             std::optional<int64_t> offset;
             if (b.has(3)) offset = intArg(b[3]);
             return c.wrap(tensor::as_strided(in0(c, b, "as_strided"), intListArg(c, b[1], "as_strided", "size"),
                                              intListArg(c, b[2], "as_strided", "stride"), offset));
         });
    method(ctx, "view_as", ShapeRule::Generic, Sig{"view_as", {"input", "other"}, 2, 2, 2},
           [](TorchContext& c, const Bound& b, const CallArgs&) {
               return c.wrap(tensor::view_as(in0(c, b, "view_as"), tensorArg(c, b[1], "view_as", "other")));
           });
    method(ctx, "reshape_as", ShapeRule::Generic, Sig{"reshape_as", {"input", "other"}, 2, 2, 2},
           [](TorchContext& c, const Bound& b, const CallArgs& a) {
               return wrapResult(c, tensor::reshape_as(in0(c, b, "reshape_as"), tensorArg(c, b[1], "reshape_as", "other")), a);
           });
    method(ctx, "expand_as", ShapeRule::Generic, Sig{"expand_as", {"input", "other"}, 2, 2, 2},
           [](TorchContext& c, const Bound& b, const CallArgs&) {
               return c.wrap(tensor::expand_as(in0(c, b, "expand_as"), tensorArg(c, b[1], "expand_as", "other")));
           });
    both(ctx, "t", ShapeRule::Generic, Sig{"t", {"input"}, 1, 1, 1},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::t(in0(c, b, "t"))); });
    for (const char* n : {"transpose", "swapaxes", "swapdims"}) {
        both(ctx, n, ShapeRule::Generic, Sig{n, {"input", "dim0", "dim1"}, 3, 3, 3},
             [n](TorchContext& c, const Bound& b, const CallArgs&) {
                 return c.wrap(tensor::transpose(in0(c, b, n), intArg(b[1]), intArg(b[2])));
             });
    }
    both(ctx, "unsqueeze", ShapeRule::Generic, Sig{"unsqueeze", {"input", "dim"}, 2, 2, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::unsqueeze(in0(c, b, "unsqueeze"), intArg(b[1])));
         });
    both(ctx, "squeeze", ShapeRule::Generic, Sig{"squeeze", {"input", "dim"}, 2, 1, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "squeeze");
             return c.wrap(b.has(1) ? squeezeDims(c, x, b[1]) : tensor::squeeze(x));
         });
    both(ctx, "flatten", ShapeRule::Generic, Sig{"flatten", {"input", "start_dim", "end_dim"}, 3, 1, 3},
         [](TorchContext& c, const Bound& b, const CallArgs& a) {
             return wrapResult(c, tensor::flatten(in0(c, b, "flatten"), dimOr(b, 1, 0), dimOr(b, 2, -1)), a);
         });
    both(ctx, "unflatten", ShapeRule::Generic, Sig{"unflatten", {"input", "dim", "sizes"}, 3, 3, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::unflatten(in0(c, b, "unflatten"), intArg(b[1]), intListArg(c, b[2], "unflatten", "sizes")));
         });
    both(ctx, "narrow", ShapeRule::Generic, Sig{"narrow", {"input", "dim", "start", "length"}, 4, 4, 4},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::narrow(in0(c, b, "narrow"), intArg(b[1]), intArg(b[2]), intArg(b[3])));
         });
    both(ctx, "select", ShapeRule::Generic, Sig{"select", {"input", "dim", "index"}, 3, 3, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::select(in0(c, b, "select"), intArg(b[1]), intArg(b[2])));
         });
    both(ctx, "movedim", ShapeRule::Generic, Sig{"movedim", {"input", "source", "destination"}, 3, 3, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::movedim(in0(c, b, "movedim"), intArg(b[1]), intArg(b[2])));
         });
    both(ctx, "diagonal", ShapeRule::Generic, Sig{"diagonal", {"input", "offset", "dim1", "dim2"}, 4, 1, 4},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::diagonal(in0(c, b, "diagonal"), dimOr(b, 1, 0), dimOr(b, 2, 0), dimOr(b, 3, 1)));
         });
    // x.T / x.mT (properties in Python; ops here because the result is a new view).
    TorchState& st = *ctx.state;
    st.ids.opT = addOp(ctx, "Tensor.T", "T", ShapeRule::Generic, {.method = true}, guarded([&ctx](const CallArgs& a) {
                       const Tensor& x = selfTensor(ctx, a, "T").tensor;
                       tensor::DimVector dims;
                       for (int64_t d = x.dim() - 1; d >= 0; --d)
                           dims.push_back(d);
                       return ctx.wrap(tensor::permute(x, dims));
                   }));
    st.ids.opMT = addOp(ctx, "Tensor.mT", "mT", ShapeRule::Generic, {.method = true}, guarded([&ctx](const CallArgs& a) {
                        const Tensor& x = selfTensor(ctx, a, "mT").tensor;
                        if (x.dim() < 2)
                            tensor::throwRuntime("tensor.mT is only supported on matrices or batches of matrices. Got " +
                                                 std::to_string(x.dim()) + "-D tensor.");
                        return ctx.wrap(tensor::transpose(x, -2, -1));
                    }));
}

void registerSplits(TorchContext& ctx) {
    TorchState& st = *ctx.state;
    both(ctx, "unbind", ShapeRule::Generic, Sig{"unbind", {"input", "dim"}, 2, 1, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return wrapTuple(c, tensor::unbind(in0(c, b, "unbind"), dimOr(b, 1, 0)));
         });
    st.ids.unbind = ctx.opIndex("Tensor.unbind");
    both(ctx, "split", ShapeRule::Generic, Sig{"split", {"input", "split_size_or_sections", "dim"}, 3, 2, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             const Tensor& x = in0(c, b, "split");
             const int64_t dim = dimOr(b, 2, 0);
             if (isSequence(c, b[1]))
                 return wrapTuple(c, tensor::split_with_sizes(x, intListArg(c, b[1], "split", "split_size"), dim));
             return wrapTuple(c, tensor::split(x, intArg(b[1]), dim));
         });
    both(ctx, "chunk", ShapeRule::Generic, Sig{"chunk", {"input", "chunks", "dim"}, 3, 2, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return wrapTuple(c, tensor::chunk(in0(c, b, "chunk"), intArg(b[1]), dimOr(b, 2, 0)));
         });
    for (const char* n : {"cat", "concat", "concatenate"}) {
        const std::string name = n;
        const Sig sig{n, {"tensors", "dim"}, 2, 1, 2};
        bindFunction(ctx, st.torchModule, name,
                     addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Generic, {},
                           sigImpl(ctx, sig, [n](TorchContext& c, const Bound& b, const CallArgs&) {
                               return c.wrap(tensor::cat(tensorList(c, b[0], n), dimOr(b, 1, 0)));
                           })));
    }
    bindFunction(ctx, st.torchModule, "stack",
                 addOp(ctx, "torch.stack", "torch.stack", ShapeRule::Generic, {},
                       sigImpl(ctx, Sig{"stack", {"tensors", "dim"}, 2, 1, 2}, [](TorchContext& c, const Bound& b, const CallArgs&) {
                           return c.wrap(tensor::stack(tensorList(c, b[0], "stack"), dimOr(b, 1, 0)));
                       })));
}

void registerCopies(TorchContext& ctx) {
    both(ctx, "clone", ShapeRule::Elementwise, Sig{"clone", {"input", "memory_format"}, 2, 1, 1},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::clone(in0(c, b, "clone"))); });
    method(ctx, "contiguous", ShapeRule::Elementwise, Sig{"contiguous", {"input", "memory_format"}, 2, 1, 1},
           [](TorchContext& c, const Bound& b, const CallArgs& a) {
               return wrapResult(c, tensor::contiguous(in0(c, b, "contiguous")), a);
           });
    both(ctx, "detach", ShapeRule::Elementwise, Sig{"detach", {"input"}, 1, 1, 1},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::detach(in0(c, b, "detach"))); });
    method(ctx, "detach_", ShapeRule::Elementwise, Sig{"detach_", {"input"}, 1, 1, 1},
           [](TorchContext& c, const Bound& b, const CallArgs&) {
               tensor::TensorImpl* impl = in0(c, b, "detach_").impl();
               impl->requiresGrad = false;
               impl->gradFn = nullptr;
               return b[0];
           },
           {.inplace = true});
    TorchContext* c = &ctx;
    // to(other) / type_as(other) take a second tensor only for its dtype/device: Generic, so a
    // tracer does not relate the two tensors' sizes.
    bindMethod(ctx, "to", addOp(ctx, "Tensor.to", "to", ShapeRule::Generic, {.method = true},
                                guarded([c](const CallArgs& a) {
                                    return wrapResult(*c, toImpl(*c, selfTensor(*c, a, "to").tensor, a), a);
                                })));
    // x.float(), x.double() ...: to(dtype).
    using tensor::DType;
    const std::pair<const char*, DType> conversions[] = {
        {"float", DType::Float32}, {"double", DType::Float64}, {"half", DType::Float16}, {"bfloat16", DType::BFloat16},
        {"long", DType::Int64},    {"int", DType::Int32},      {"bool", DType::Bool},
    };
    for (const auto& conv : conversions) {
        // Plain copies: clang 14 cannot capture structured bindings.
        const char* n = conv.first;
        const DType dt = conv.second;
        method(ctx, n, ShapeRule::Elementwise, Sig{n, {"input", "memory_format"}, 2, 1, 1},
               [dt, n](TorchContext& cx, const Bound& b, const CallArgs& a) {
                   return wrapResult(cx, tensor::to(in0(cx, b, n), dt), a);
               });
    }
    method(ctx, "type_as", ShapeRule::Generic, Sig{"type_as", {"input", "other"}, 2, 2, 2},
           [](TorchContext& cx, const Bound& b, const CallArgs& a) {
               return wrapResult(cx, tensor::to(in0(cx, b, "type_as"), tensorArg(cx, b[1], "type_as", "other").dtype()), a);
           });
    method(ctx, "cpu", ShapeRule::Elementwise, Sig{"cpu", {"input", "memory_format"}, 2, 1, 1},
           [](TorchContext& cx, const Bound& b, const CallArgs& a) {
               return wrapResult(cx, tensor::to(in0(cx, b, "cpu"), tensor::Device::cpu()), a);
           });
    method(ctx, "cuda", ShapeRule::Elementwise, Sig{"cuda", {"input", "device", "non_blocking", "memory_format"}, 4, 1, 3},
           [](TorchContext& cx, const Bound& b, const CallArgs& a) {
               tensor::Device d = tensor::Device::cuda(0);
               if (b.has(1)) {
                   d = *deviceArg(cx, b[1], "cuda");
                   if (d.isCpu()) tensor::throwRuntime("Invalid device, must be cuda device");
               }
               return wrapResult(cx, tensor::to(in0(cx, b, "cuda"), d), a);
           });
    // copy.deepcopy(t) (torch/_tensor.py __deepcopy__): leaves only; a Parameter stays a
    // Parameter, requires_grad is kept. The copy module records the memo entry itself.
    method(ctx, "__deepcopy__", ShapeRule::Elementwise, Sig{"__deepcopy__", {"input", "memo"}, 2, 2, 2},
           [](TorchContext& cx, const Bound& b, const CallArgs&) -> Value {
               TensorObject* self = tensorObj(cx, b[0]);
               if (!self) tensorArg(cx, b[0], "__deepcopy__", "self");
               const Tensor& t = self->tensor;
               if (!t.isLeaf())
                   tensor::throwRuntime("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                                        "protocol at the moment.  If you were attempting to deepcopy a module, this may be "
                                        "because of a torch.nn.utils.weight_norm usage, see "
                                        "https://github.com/pytorch/pytorch/pull/103001");
               Tensor copy = tensor::clone(tensor::detach(t));
               if (self->isParameter()) return wrapParameter(std::move(copy), t.requiresGrad());
               if (t.requiresGrad()) copy.setRequiresGrad(true);
               return cx.wrap(std::move(copy));
           });
    method(ctx, "copy_", ShapeRule::Elementwise, Sig{"copy_", {"input", "src", "non_blocking"}, 3, 2, 3},
           [](TorchContext& cx, const Bound& b, const CallArgs&) {
               tensor::copy_(in0(cx, b, "copy_"), tensorArg(cx, b[1], "copy_", "src"));
               return b[0];
           },
           {.inplace = true});
    method(ctx, "fill_", ShapeRule::Elementwise, Sig{"fill_", {"input", "value"}, 2, 2, 2},
           [](TorchContext& cx, const Bound& b, const CallArgs&) {
               const Tensor& self = in0(cx, b, "fill_");
               if (TensorObject* v = tensorObj(cx, b[1])) {
                   tensor::fill_(self, v->tensor);
                   return b[0];
               }
               tensor::Scalar s;
               if (!scalarOf(b[1], s))
                   Interpreter::current().raise("TypeError", "fill_(): argument 'value' (position 1) must be Number, not " +
                                                                 runtime::typeName(b[1]));
               tensor::fill_(self, s);
               return b[0];
           },
           {.inplace = true});
    method(ctx, "zero_", ShapeRule::Elementwise, Sig{"zero_", {"input"}, 1, 1, 1},
           [](TorchContext& cx, const Bound& b, const CallArgs&) {
               tensor::zero_(in0(cx, b, "zero_"));
               return b[0];
           },
           {.inplace = true});
}

void registerBuilders(TorchContext& ctx) {
    both(ctx, "index_select", ShapeRule::Generic, Sig{"index_select", {"input", "dim", "index"}, 3, 3, 3},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::index_select(in0(c, b, "index_select"), intArg(b[1]), tensorArg(c, b[2], "index_select", "index", 3)));
         });
    auto maskedValue = [](TorchContext& c, const Bound& b, const Tensor& self, const Tensor& mask, bool inplace) -> Tensor {
        if (TensorObject* v = tensorObj(c, b[2])) {
            Tensor r = tensor::masked_fill(self, mask, v->tensor);
            if (inplace) tensor::copy_(self, r);
            return r;
        }
        tensor::Scalar s;
        if (!scalarOf(b[2], s))
            Interpreter::current().raise("TypeError", "masked_fill(): argument 'value' must be Number, not " + runtime::typeName(b[2]));
        if (inplace) return tensor::masked_fill_(self, mask, s);
        return tensor::masked_fill(self, mask, s);
    };
    both(ctx, "masked_fill", ShapeRule::Elementwise, Sig{"masked_fill", {"input", "mask", "value"}, 3, 3, 3},
         [maskedValue](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(maskedValue(c, b, in0(c, b, "masked_fill"), tensorArg(c, b[1], "masked_fill", "mask", 2), false));
         });
    method(ctx, "masked_fill_", ShapeRule::Elementwise, Sig{"masked_fill_", {"input", "mask", "value"}, 3, 3, 3},
           [maskedValue](TorchContext& c, const Bound& b, const CallArgs&) {
               maskedValue(c, b, in0(c, b, "masked_fill_"), tensorArg(c, b[1], "masked_fill_", "mask", 2), true);
               return b[0];
           },
           {.inplace = true});
    both(ctx, "tril", ShapeRule::Elementwise, Sig{"tril", {"input", "diagonal"}, 2, 1, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::tril(in0(c, b, "tril"), dimOr(b, 1, 0))); });
    both(ctx, "triu", ShapeRule::Elementwise, Sig{"triu", {"input", "diagonal"}, 2, 1, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::triu(in0(c, b, "triu"), dimOr(b, 1, 0))); });
    both(ctx, "flip", ShapeRule::Elementwise, Sig{"flip", {"input", "dims"}, 2, 2, 2},
         [](TorchContext& c, const Bound& b, const CallArgs&) {
             return c.wrap(tensor::flip(in0(c, b, "flip"), intListArg(c, b[1], "flip", "dims")));
         });
    both(ctx, "nonzero", ShapeRule::Generic, Sig{"nonzero", {"input"}, 1, 1, 1},
         [](TorchContext& c, const Bound& b, const CallArgs&) { return c.wrap(tensor::nonzero(in0(c, b, "nonzero"))); });
}

} // namespace

void registerShapeOps(TorchContext& ctx) {
    registerViews(ctx);
    registerSplits(ctx);
    registerCopies(ctx);
    registerBuilders(ctx);
}

} // namespace gs::torch
