#include "core/engine/SymExpr.h"

#include <algorithm>

namespace gs::engine {

SymPtr SymExpr::constant(int64_t v) {
    auto e = std::make_shared<SymExpr>();
    e->kind = Kind::Const;
    e->value = v;
    return e;
}

SymPtr SymExpr::sym(int index) {
    auto e = std::make_shared<SymExpr>();
    e->kind = Kind::Symbol;
    e->symbol = index;
    return e;
}

namespace {
SymPtr binary(SymExpr::Kind k, SymPtr a, SymPtr b) {
    auto e = std::make_shared<SymExpr>();
    e->kind = k;
    e->args = {std::move(a), std::move(b)};
    return e;
}
int64_t floorDivI(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
int64_t modI(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}
} // namespace

// Constant folding keeps printed guards short (`s0 + 1`, never `s0 + 0`).
SymPtr SymExpr::add(SymPtr a, SymPtr b) {
    if (a->isConst() && b->isConst()) return constant(a->value + b->value);
    if (b->isConst() && b->value == 0) return a;
    if (a->isConst() && a->value == 0) return b;
    if (a->isConst()) std::swap(a, b);  // constants last: `s0 + 1`
    return binary(Kind::Add, std::move(a), std::move(b));
}
SymPtr SymExpr::mul(SymPtr a, SymPtr b) {
    if (a->isConst() && b->isConst()) return constant(a->value * b->value);
    if (b->isConst()) std::swap(a, b);  // constants first: `2*s0`
    if (a->isConst() && a->value == 1) return b;
    if (a->isConst() && a->value == 0) return a;
    return binary(Kind::Mul, std::move(a), std::move(b));
}
SymPtr SymExpr::floorDiv(SymPtr a, SymPtr b) {
    if (a->isConst() && b->isConst() && b->value != 0) return constant(floorDivI(a->value, b->value));
    if (b->isConst() && b->value == 1) return a;
    return binary(Kind::FloorDiv, std::move(a), std::move(b));
}
SymPtr SymExpr::mod(SymPtr a, SymPtr b) {
    if (a->isConst() && b->isConst() && b->value != 0) return constant(modI(a->value, b->value));
    return binary(Kind::Mod, std::move(a), std::move(b));
}
SymPtr SymExpr::neg(SymPtr a) {
    if (a->isConst()) return constant(-a->value);
    auto e = std::make_shared<SymExpr>();
    e->kind = Kind::Neg;
    e->args = {std::move(a)};
    return e;
}

namespace {
bool sameExpr(const SymExpr& a, const SymExpr& b) {
    if (a.kind != b.kind || a.value != b.value || a.symbol != b.symbol || a.args.size() != b.args.size()) return false;
    for (size_t i = 0; i < a.args.size(); ++i)
        if (!sameExpr(*a.args[i], *b.args[i])) return false;
    return true;
}
SymPtr extreme(SymExpr::Kind k, SymPtr a, SymPtr b) {
    const bool isMax = k == SymExpr::Kind::Max;
    if (a->isConst() && b->isConst()) return SymExpr::constant(isMax ? std::max(a->value, b->value) : std::min(a->value, b->value));
    if (sameExpr(*a, *b)) return a;
    if (b->isConst()) std::swap(a, b);  // constants first, as sympy prints Max(3, s0)
    return binary(k, std::move(a), std::move(b));
}
} // namespace

SymPtr SymExpr::maxOf(SymPtr a, SymPtr b) { return extreme(Kind::Max, std::move(a), std::move(b)); }
SymPtr SymExpr::minOf(SymPtr a, SymPtr b) { return extreme(Kind::Min, std::move(a), std::move(b)); }

std::optional<int64_t> SymExpr::eval(const std::function<int64_t(int)>& symbolValue) const {
    switch (kind) {
    case Kind::Const: return value;
    case Kind::Symbol: return symbolValue(symbol);
    case Kind::Neg: {
        auto a = args[0]->eval(symbolValue);
        if (!a || *a == INT64_MIN) return std::nullopt;
        return -*a;
    }
    default: break;
    }
    auto a = args[0]->eval(symbolValue);
    auto b = args[1]->eval(symbolValue);
    if (!a || !b) return std::nullopt;
    // nullopt past int64: a guard on it fails, a replayed value is computed exactly (Graph.cpp)
    int64_t r;
    switch (kind) {
    case Kind::Add: return __builtin_add_overflow(*a, *b, &r) ? std::nullopt : std::optional<int64_t>(r);
    case Kind::Mul: return __builtin_mul_overflow(*a, *b, &r) ? std::nullopt : std::optional<int64_t>(r);
    case Kind::FloorDiv:
        if (*b == -1 && *a == INT64_MIN) return std::nullopt;
        return *b == 0 ? std::nullopt : std::optional<int64_t>(floorDivI(*a, *b));
    case Kind::Mod: return *b == 0 ? std::nullopt : std::optional<int64_t>(*b == -1 ? 0 : modI(*a, *b));
    case Kind::Max: return std::max(*a, *b);
    case Kind::Min: return std::min(*a, *b);
    default: return std::nullopt;
    }
}

std::string SymExpr::str(const std::function<std::string(int)>& name) const {
    auto wrap = [&](const SymPtr& e) {
        std::string s = e->str(name);
        return (e->kind == Kind::Add) ? "(" + s + ")" : s;
    };
    switch (kind) {
    case Kind::Const: return std::to_string(value);
    case Kind::Symbol: return name(symbol);
    case Kind::Neg: {
        std::string s = "-";
        s += wrap(args[0]);
        return s;
    }
    case Kind::Add:
        if (args[1]->isConst() && args[1]->value < 0)
            return args[0]->str(name) + " - " + std::to_string(-args[1]->value);
        return args[0]->str(name) + " + " + args[1]->str(name);
    case Kind::Mul: return wrap(args[0]) + "*" + wrap(args[1]);
    case Kind::FloorDiv: return "((" + args[0]->str(name) + ")//" + wrap(args[1]) + ")";
    case Kind::Mod: return "Mod(" + args[0]->str(name) + ", " + args[1]->str(name) + ")";
    case Kind::Max: return "Max(" + args[0]->str(name) + ", " + args[1]->str(name) + ")";
    case Kind::Min: return "Min(" + args[0]->str(name) + ", " + args[1]->str(name) + ")";
    }
    return "?";
}

bool SymExpr::mentions(int index) const {
    if (kind == Kind::Symbol) return symbol == index;
    for (const auto& a : args)
        if (a->mentions(index)) return true;
    return false;
}

SymPtr SymExpr::substitute(const SymPtr& e, const std::function<SymPtr(int)>& repl) {
    switch (e->kind) {
    case Kind::Const: return e;
    case Kind::Symbol: {
        SymPtr r = repl(e->symbol);
        return r ? r : e;
    }
    case Kind::Neg: return neg(substitute(e->args[0], repl));
    case Kind::Add: return add(substitute(e->args[0], repl), substitute(e->args[1], repl));
    case Kind::Mul: return mul(substitute(e->args[0], repl), substitute(e->args[1], repl));
    case Kind::FloorDiv: return floorDiv(substitute(e->args[0], repl), substitute(e->args[1], repl));
    case Kind::Mod: return mod(substitute(e->args[0], repl), substitute(e->args[1], repl));
    case Kind::Max: return maxOf(substitute(e->args[0], repl), substitute(e->args[1], repl));
    case Kind::Min: return minOf(substitute(e->args[0], repl), substitute(e->args[1], repl));
    }
    return e;
}

const char* relOpText(RelOp op) {
    switch (op) {
    case RelOp::Eq: return "==";
    case RelOp::Ne: return "!=";
    case RelOp::Lt: return "<";
    case RelOp::Le: return "<=";
    case RelOp::Gt: return ">";
    case RelOp::Ge: return ">=";
    }
    return "?";
}

RelOp negate(RelOp op) {
    switch (op) {
    case RelOp::Eq: return RelOp::Ne;
    case RelOp::Ne: return RelOp::Eq;
    case RelOp::Lt: return RelOp::Ge;
    case RelOp::Le: return RelOp::Gt;
    case RelOp::Gt: return RelOp::Le;
    case RelOp::Ge: return RelOp::Lt;
    }
    return op;
}

RelOp mirror(RelOp op) {
    switch (op) {
    case RelOp::Lt: return RelOp::Gt;
    case RelOp::Le: return RelOp::Ge;
    case RelOp::Gt: return RelOp::Lt;
    case RelOp::Ge: return RelOp::Le;
    default: return op;
    }
}

} // namespace gs::engine
