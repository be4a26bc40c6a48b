// Elementwise ops: binary arithmetic / comparison / logical families, unary math, clamp, where,
// and the Python operators on tensors (operator.add, operator.iadd, operator.eq, operator.neg ...).
// Every entry point (torch.X, Tensor.X, Tensor.X_, x + y, x += y) is its own op with its own
// FX-style target, sharing one implementation per family.
#include <string>

#include "core/torch/TorchInstall.h"
#include "core/torch/TorchOpRegistry.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/tensor/Copy.h"
#include "core/tensor/Factories.h"
#include "core/tensor/Pointwise.h"

namespace gs::torch {

using runtime::BinOpKind;
using runtime::CallArgs;
using runtime::CmpOpKind;
using runtime::Interpreter;
using runtime::Value;
using tensor::BinaryOp;
using tensor::UnaryOp;

namespace {

struct BinarySpec {
    const char* name;
    BinaryOp op;
    const char* other = "other";
    bool alpha = false;    // add/sub: keyword alpha
    bool inplace = true;   // Tensor.X_ exists
    bool rounding = false; // div: keyword rounding_mode
};

const BinarySpec kBinary[] = {
    {"add", BinaryOp::Add, "other", true},
    {"sub", BinaryOp::Sub, "other", true},
    {"subtract", BinaryOp::Sub, "other", true},
    {"mul", BinaryOp::Mul},
    {"multiply", BinaryOp::Mul},
    {"div", BinaryOp::Div, "other", false, true, true},
    {"divide", BinaryOp::Div, "other", false, true, true},
    {"true_divide", BinaryOp::Div},
    {"floor_divide", BinaryOp::FloorDivide},
    {"remainder", BinaryOp::Remainder},
    {"fmod", BinaryOp::Fmod},
    {"pow", BinaryOp::Pow, "exponent"},
    {"maximum", BinaryOp::Maximum, "other", false, false},
    {"minimum", BinaryOp::Minimum, "other", false, false},
    {"atan2", BinaryOp::Atan2},
    {"eq", BinaryOp::Eq},
    {"ne", BinaryOp::Ne},
    {"not_equal", BinaryOp::Ne},
    {"lt", BinaryOp::Lt},
    {"less", BinaryOp::Lt},
    {"le", BinaryOp::Le},
    {"less_equal", BinaryOp::Le},
    {"gt", BinaryOp::Gt},
    {"greater", BinaryOp::Gt},
    {"ge", BinaryOp::Ge},
    {"greater_equal", BinaryOp::Ge},
    {"logical_and", BinaryOp::LogicalAnd},
    {"logical_or", BinaryOp::LogicalOr},
    {"logical_xor", BinaryOp::LogicalXor},
    {"bitwise_and", BinaryOp::BitwiseAnd},
    {"bitwise_or", BinaryOp::BitwiseOr},
    {"bitwise_xor", BinaryOp::BitwiseXor},
};

struct UnarySpec {
    const char* name;
    UnaryOp op;
    bool inplace = true;
};

const UnarySpec kUnary[] = {
    {"neg", UnaryOp::Neg},       {"negative", UnaryOp::Neg},      {"abs", UnaryOp::Abs},
    {"absolute", UnaryOp::Abs},  {"exp", UnaryOp::Exp},           {"log", UnaryOp::Log},
    {"log2", UnaryOp::Log2},     {"log10", UnaryOp::Log10},       {"log1p", UnaryOp::Log1p},
    {"expm1", UnaryOp::Expm1},   {"sqrt", UnaryOp::Sqrt},         {"rsqrt", UnaryOp::Rsqrt},
    {"sin", UnaryOp::Sin},       {"cos", UnaryOp::Cos},           {"tan", UnaryOp::Tan},
    {"tanh", UnaryOp::Tanh},     {"sigmoid", UnaryOp::Sigmoid},   {"relu", UnaryOp::Relu},
    {"floor", UnaryOp::Floor},   {"ceil", UnaryOp::Ceil},         {"round", UnaryOp::Round},
    {"trunc", UnaryOp::Trunc},   {"sign", UnaryOp::Sign},         {"reciprocal", UnaryOp::Reciprocal},
    {"square", UnaryOp::Square}, {"erf", UnaryOp::Erf},           {"logical_not", UnaryOp::LogicalNot},
    {"bitwise_not", UnaryOp::BitwiseNot}, {"isnan", UnaryOp::IsNan, false}, {"isinf", UnaryOp::IsInf, false},
    {"isfinite", UnaryOp::IsFinite, false},
};

[[noreturn]] void raiseNoTensor(std::string_view fname, const Value& v) {
    Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'input' (position 1) must be Tensor, not " +
                                                  runtime::typeName(v));
}

tensor::Scalar alphaOf(const Bound& b, size_t i) {
    tensor::Scalar s(int64_t{1});
    if (b.has(i) && !scalarOf(b[i], s))
        Interpreter::current().raise("TypeError", "argument 'alpha' must be Number, not " + runtime::typeName(b[i]));
    return s;
}

std::optional<std::string_view> roundingOf(const Bound& b, size_t i, std::string_view fname) {
    if (!b.has(i)) return std::nullopt;
    auto* s = b[i].dyn<runtime::Str>();
    if (!s)
        Interpreter::current().raise("TypeError", std::string(fname) + "(): argument 'rounding_mode' must be str, not " +
                                                      runtime::typeName(b[i]));
    return s->view();
}

// a / b with a rounding mode; a scalar divisor becomes a 0-dim tensor (tensor::div takes tensors).
tensor::Tensor roundingDivide(const tensor::Tensor& a, const tensor::Operand& b, std::string_view mode) {
    if (!b.isScalar()) return tensor::div(a, *b.tensor, mode);
    tensor::Tensor d = tensor::scalar_tensor(b.scalar);
    return tensor::div(a, d, mode);
}

void registerBinary(TorchContext& ctx, const BinarySpec& s) {
    const std::string name = s.name;
    // torch.X(input, other, *, alpha=1 | rounding_mode=None) and Tensor.X(self, other, ...)
    Sig sig{s.name, {"input", s.other}, 2, 2, 2};
    if (s.alpha) { sig.names[2] = "alpha"; sig.count = 3; }
    if (s.rounding) { sig.names[2] = "rounding_mode"; sig.count = 3; }
    auto body = [s](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        tensor::Operand x = operandArg(c, b[0], s.name, "input");
        tensor::Operand y = operandArg(c, b[1], s.name, s.other);
        if (x.isScalar() && y.isScalar()) raiseNoTensor(s.name, b[0]);
        if (s.rounding) {
            if (auto mode = roundingOf(b, 2, s.name)) {
                if (x.isScalar()) raiseNoTensor(s.name, b[0]);
                return c.wrap(roundingDivide(*x.tensor, y, *mode));
            }
        }
        return c.wrap(tensor::binary(s.op, x, y, s.alpha ? alphaOf(b, 2) : tensor::Scalar(int64_t{1})));
    };
    const int fn = addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Elementwise, {}, sigImpl(ctx, sig, body));
    bindFunction(ctx, ctx.state->torchModule, name, fn);
    const int m = addOp(ctx, "Tensor." + name, name, ShapeRule::Elementwise, {.method = true},
                        sigImpl(ctx, methodSig(sig), body));
    bindMethod(ctx, name, m);
    if (!s.inplace) return;
    // Tensor.X_(other, ...): writes into self, returns self (the same Python object).
    auto inplaceBody = [s](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const tensor::Tensor& self = tensorArg(c, b[0], std::string(s.name) + "_", "self");
        tensor::Operand y = operandArg(c, b[1], s.name, s.other);
        if (s.rounding) {
            if (auto mode = roundingOf(b, 2, s.name)) {
                tensor::copy_(self, roundingDivide(self, y, *mode));
                return b[0];
            }
        }
        tensor::binary_(s.op, self, y, s.alpha ? alphaOf(b, 2) : tensor::Scalar(int64_t{1}));
        return b[0];
    };
    Sig isig = methodSig(sig);
    const std::string iname = name + "_";
    isig.fname = s.name;  // messages name the base op, as ATen's do
    const int im = addOp(ctx, "Tensor." + iname, iname, ShapeRule::Elementwise, {.method = true, .inplace = true},
                         sigImpl(ctx, isig, inplaceBody));
    bindMethod(ctx, iname, im);
}

void registerUnary(TorchContext& ctx, const UnarySpec& s) {
    const std::string name = s.name;
    const Sig sig{s.name, {"input"}, 1, 1, 1};
    auto body = [s](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        return c.wrap(tensor::unary(s.op, tensorArg(c, b[0], s.name, "input")));
    };
    const int fn = addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Elementwise, {}, sigImpl(ctx, sig, body));
    bindFunction(ctx, ctx.state->torchModule, name, fn);
    const int m = addOp(ctx, "Tensor." + name, name, ShapeRule::Elementwise, {.method = true},
                        sigImpl(ctx, methodSig(sig), body));
    bindMethod(ctx, name, m);
    if (!s.inplace) return;
    auto inplaceBody = [s](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        tensor::unary_(s.op, tensorArg(c, b[0], s.name, "self"));
        return b[0];
    };
    const std::string iname = name + "_";
    const int im = addOp(ctx, "Tensor." + iname, iname, ShapeRule::Elementwise, {.method = true, .inplace = true},
                         sigImpl(ctx, methodSig(sig), inplaceBody));
    bindMethod(ctx, iname, im);
}

// ---- Python operators --------------------------------------------------------------------------

struct OperatorSpec {
    BinOpKind kind;
    BinaryOp op;
    const char* target;   // operator.add
    const char* inplace;  // operator.iadd
};

const OperatorSpec kOperators[] = {
    {BinOpKind::Add, BinaryOp::Add, "add", "iadd"},
    {BinOpKind::Sub, BinaryOp::Sub, "sub", "isub"},
    {BinOpKind::Mult, BinaryOp::Mul, "mul", "imul"},
    {BinOpKind::Div, BinaryOp::Div, "truediv", "itruediv"},
    {BinOpKind::FloorDiv, BinaryOp::FloorDivide, "floordiv", "ifloordiv"},
    {BinOpKind::Mod, BinaryOp::Remainder, "mod", "imod"},
    {BinOpKind::Pow, BinaryOp::Pow, "pow", "ipow"},
    {BinOpKind::BitAnd, BinaryOp::BitwiseAnd, "and_", "iand"},
    {BinOpKind::BitOr, BinaryOp::BitwiseOr, "or_", "ior"},
    {BinOpKind::BitXor, BinaryOp::BitwiseXor, "xor", "ixor"},
};

const std::pair<CmpOpKind, BinaryOp> kCompare[] = {
    {CmpOpKind::Eq, BinaryOp::Eq}, {CmpOpKind::NotEq, BinaryOp::Ne}, {CmpOpKind::Lt, BinaryOp::Lt},
    {CmpOpKind::LtE, BinaryOp::Le}, {CmpOpKind::Gt, BinaryOp::Gt},   {CmpOpKind::GtE, BinaryOp::Ge},
};
const char* const kCompareNames[] = {"eq", "ne", "lt", "le", "gt", "ge"};

[[noreturn]] void raiseOperands(std::string_view sym, const CallArgs& a) {
    Interpreter::current().raise("TypeError", "unsupported operand type(s) for " + std::string(sym) + ": '" +
                                                  runtime::typeName(a.pos.size() > 0 ? a[0] : Value::none()) + "' and '" +
                                                  runtime::typeName(a.pos.size() > 1 ? a[1] : Value::none()) + "'");
}

// The hot path of `x * y`: no binding, no strings; two operand checks and the kernel.
runtime::NativeFunction::Fn operatorImpl(TorchContext& ctx, BinaryOp op, const char* sym) {
    TorchContext* c = &ctx;
    return guarded([c, op, sym](const CallArgs& a) -> Value {
        std::optional<tensor::Operand> x, y;
        if (a.pos.size() != 2 || !a.kw.empty() || !operandOf(*c, a[0], x) || !operandOf(*c, a[1], y) ||
            (x->isScalar() && y->isScalar()))
            raiseOperands(sym, a);
        return c->wrap(tensor::binary(op, *x, *y));
    });
}

runtime::NativeFunction::Fn inplaceOperatorImpl(TorchContext& ctx, BinaryOp op, const char* sym) {
    TorchContext* c = &ctx;
    return guarded([c, op, sym](const CallArgs& a) -> Value {
        std::optional<tensor::Operand> y;
        TensorObject* self = a.pos.size() == 2 ? tensorObj(*c, a[0]) : nullptr;
        if (!self || !a.kw.empty() || !operandOf(*c, a[1], y)) raiseOperands(sym, a);
        tensor::binary_(op, self->tensor, *y);
        return a[0];
    });
}

const char* symbolOf(BinOpKind k) {
    switch (k) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::Div: return "/";
    case BinOpKind::FloorDiv: return "//";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    default: return "?";
    }
}

void registerOperators(TorchContext& ctx) {
    TorchOpIds& ids = ctx.state->ids;
    for (const OperatorSpec& s : kOperators) {
        const std::string t = s.target, it = s.inplace;
        ids.binary[static_cast<size_t>(s.kind)] =
            addOp(ctx, "operator." + t, "operator." + t, ShapeRule::Elementwise, {}, operatorImpl(ctx, s.op, symbolOf(s.kind)));
        ids.inplace[static_cast<size_t>(s.kind)] =
            addOp(ctx, "operator." + it, "operator." + it, ShapeRule::Elementwise, {.inplace = true},
                  inplaceOperatorImpl(ctx, s.op, symbolOf(s.kind)));
    }
    const char* const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
    for (size_t i = 0; i < std::size(kCompare); ++i) {
        const std::string n = kCompareNames[i];
        ids.compare[static_cast<size_t>(kCompare[i].first)] =
            addOp(ctx, "operator." + n, "operator." + n, ShapeRule::Elementwise, {},
                  operatorImpl(ctx, kCompare[i].second, symbols[i]));
    }
    // Unary operators: -x, +x, ~x, abs(x).
    TorchContext* c = &ctx;
    auto unaryOperator = [c](const char* sym, auto fn) {
        return guarded([c, sym, fn](const CallArgs& a) -> Value {
            TensorObject* self = a.pos.size() == 1 && a.kw.empty() ? tensorObj(*c, a[0]) : nullptr;
            if (!self)
                Interpreter::current().raise("TypeError", std::string("bad operand type for unary ") + sym + ": '" +
                                                              runtime::typeName(a.pos.empty() ? Value::none() : a[0]) + "'");
            return fn(*c, a[0], self->tensor);
        });
    };
    ids.neg = addOp(ctx, "operator.neg", "operator.neg", ShapeRule::Elementwise, {},
                    unaryOperator("-", [](TorchContext& cx, const Value&, const tensor::Tensor& t) {
                        return cx.wrap(tensor::unary(UnaryOp::Neg, t));
                    }));
    // torch.positive: self itself (a bool tensor is rejected as in ATen).
    ids.pos = addOp(ctx, "operator.pos", "operator.pos", ShapeRule::Elementwise, {},
                    unaryOperator("+", [](TorchContext&, const Value& v, const tensor::Tensor& t) -> Value {
                        if (t.dtype() == tensor::DType::Bool)
                            tensor::throwRuntime("The `+` operator, on a bool tensor is not supported.");
                        return v;
                    }));
    ids.invert = addOp(ctx, "operator.invert", "operator.invert", ShapeRule::Elementwise, {},
                       unaryOperator("~", [](TorchContext& cx, const Value&, const tensor::Tensor& t) {
                           return cx.wrap(tensor::unary(UnaryOp::BitwiseNot, t));
                       }));
    ids.abs = addOp(ctx, "operator.abs", "abs", ShapeRule::Elementwise, {},
                    unaryOperator("abs()", [](TorchContext& cx, const Value&, const tensor::Tensor& t) {
                        return cx.wrap(tensor::unary(UnaryOp::Abs, t));
                    }));
    bindMethod(ctx, "__abs__", ids.abs);
}

// ---- clamp / where -----------------------------------------------------------------------------

struct Bounds {
    std::optional<tensor::Scalar> minS, maxS;
    std::optional<tensor::Tensor> minT, maxT;
    bool anyTensor() const { return minT.has_value() || maxT.has_value(); }
};

Bounds boundsOf(TorchContext& c, const Bound& b, size_t minIdx, size_t maxIdx, std::string_view fname) {
    Bounds r;
    auto one = [&](size_t i, std::optional<tensor::Scalar>& s, std::optional<tensor::Tensor>& t, const char* arg) {
        if (!b.has(i)) return;
        if (TensorObject* o = tensorObj(c, b[i])) {
            t = o->tensor;
            return;
        }
        tensor::Scalar v;
        if (!scalarOf(b[i], v))
            Interpreter::current().raise("TypeError", std::string(fname) + "(): argument '" + arg +
                                                          "' must be Number or Tensor, not " + runtime::typeName(b[i]));
        s = v;
    };
    one(minIdx, r.minS, r.minT, "min");
    one(maxIdx, r.maxS, r.maxT, "max");
    // Mixed scalar/tensor bounds: the scalar becomes a 0-dim tensor.
    if (r.anyTensor()) {
        if (r.minS) r.minT = tensor::scalar_tensor(*r.minS);
        if (r.maxS) r.maxT = tensor::scalar_tensor(*r.maxS);
    }
    return r;
}

tensor::Tensor clampOf(const tensor::Tensor& x, const Bounds& bd) {
    if (bd.anyTensor()) return tensor::clamp(x, bd.minT ? &*bd.minT : nullptr, bd.maxT ? &*bd.maxT : nullptr);
    return tensor::clamp(x, bd.minS, bd.maxS);
}

void registerClamp(TorchContext& ctx, const char* pyName) {
    const std::string name = pyName;
    const Sig sig{pyName, {"input", "min", "max"}, 3, 1, 3};
    auto body = [pyName](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        return c.wrap(clampOf(tensorArg(c, b[0], pyName, "input"), boundsOf(c, b, 1, 2, pyName)));
    };
    bindFunction(ctx, ctx.state->torchModule, name,
                 addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Elementwise, {}, sigImpl(ctx, sig, body)));
    bindMethod(ctx, name, addOp(ctx, "Tensor." + name, name, ShapeRule::Elementwise, {.method = true},
                                sigImpl(ctx, methodSig(sig), body)));
    auto inplaceBody = [pyName](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const tensor::Tensor& self = tensorArg(c, b[0], pyName, "self");
        Bounds bd = boundsOf(c, b, 1, 2, pyName);
        if (bd.anyTensor()) tensor::copy_(self, clampOf(self, bd));
        else tensor::clamp_(self, bd.minS, bd.maxS);
        return b[0];
    };
    bindMethod(ctx, name + "_", addOp(ctx, "Tensor." + name + "_", name + "_", ShapeRule::Elementwise,
                                      {.method = true, .inplace = true}, sigImpl(ctx, methodSig(sig), inplaceBody)));
}

void registerClampOneSided(TorchContext& ctx, const char* pyName, bool isMin) {
    const std::string name = pyName;
    const Sig sig{pyName, {"input", isMin ? "min" : "max"}, 2, 2, 2};
    auto body = [pyName, isMin](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const tensor::Tensor& x = tensorArg(c, b[0], pyName, "input");
        Bounds bd = isMin ? boundsOf(c, b, 1, 9, pyName) : boundsOf(c, b, 9, 1, pyName);
        return c.wrap(clampOf(x, bd));
    };
    bindFunction(ctx, ctx.state->torchModule, name,
                 addOp(ctx, "torch." + name, "torch." + name, ShapeRule::Elementwise, {}, sigImpl(ctx, sig, body)));
    bindMethod(ctx, name, addOp(ctx, "Tensor." + name, name, ShapeRule::Elementwise, {.method = true},
                                sigImpl(ctx, methodSig(sig), body)));
}

void registerWhere(TorchContext& ctx) {
    // torch.where(condition, input, other)
    const Sig sig{"where", {"condition", "input", "other"}, 3, 3, 3};
    auto body = [](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const tensor::Tensor& cond = tensorArg(c, b[0], "where", "condition");
        return c.wrap(tensor::where(cond, operandArg(c, b[1], "where", "input"), operandArg(c, b[2], "where", "other")));
    };
    bindFunction(ctx, ctx.state->torchModule, "where",
                 addOp(ctx, "torch.where", "torch.where", ShapeRule::Elementwise, {}, sigImpl(ctx, sig, body)));
    // x.where(condition, y) == torch.where(condition, x, y)
    const Sig msig{"where", {"self", "condition", "other"}, 3, 3, 3};
    auto mbody = [](TorchContext& c, const Bound& b, const CallArgs&) -> Value {
        const tensor::Tensor& cond = tensorArg(c, b[1], "where", "condition");
        return c.wrap(tensor::where(cond, operandArg(c, b[0], "where", "self"), operandArg(c, b[2], "where", "other")));
    };
    bindMethod(ctx, "where",
               addOp(ctx, "Tensor.where", "where", ShapeRule::Elementwise, {.method = true}, sigImpl(ctx, msig, mbody)));
}

} // namespace

void registerPointwiseOps(TorchContext& ctx) {
    registerOperators(ctx);
    for (const BinarySpec& s : kBinary)
        registerBinary(ctx, s);
    for (const UnarySpec& s : kUnary)
        registerUnary(ctx, s);
    registerClamp(ctx, "clamp");
    registerClamp(ctx, "clip");
    registerClampOneSided(ctx, "clamp_min", true);
    registerClampOneSided(ctx, "clamp_max", false);
    registerWhere(ctx);
}

} // namespace gs::torch
