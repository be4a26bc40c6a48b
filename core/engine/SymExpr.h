#pragma once
// Integer expressions over shape symbols (a tiny stand-in for sympy): enough for sizes, Python
// int arithmetic on SymInts and the guards PyTorch's ShapeEnv produces (dynamo-semantics §3.5).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs::engine {

struct SymExpr;
using SymPtr = std::shared_ptr<const SymExpr>;

struct SymExpr {
    enum class Kind : uint8_t { Const, Symbol, Add, Mul, FloorDiv, Mod, Neg, Max, Min };
    Kind kind = Kind::Const;
    int64_t value = 0;            // Const
    int symbol = -1;              // Symbol: index in the ShapeEnv
    std::vector<SymPtr> args;     // operands

    static SymPtr constant(int64_t v);
    static SymPtr sym(int index);
    static SymPtr add(SymPtr a, SymPtr b);
    static SymPtr mul(SymPtr a, SymPtr b);
    static SymPtr floorDiv(SymPtr a, SymPtr b);
    static SymPtr mod(SymPtr a, SymPtr b);
    static SymPtr neg(SymPtr a);
    // torch.sym_max / sym_min: builtin max()/min() of SymInts (no guard decides between them).
    static SymPtr maxOf(SymPtr a, SymPtr b);
    static SymPtr minOf(SymPtr a, SymPtr b);

    bool isConst() const { return kind == Kind::Const; }
    // Evaluates with the given symbol values; nullopt on division by zero.
    std::optional<int64_t> eval(const std::function<int64_t(int)>& symbolValue) const;
    // Python-source rendering, e.g. `2*L['y'].size()[0] + 1`, with `name(i)` for symbol i.
    std::string str(const std::function<std::string(int)>& name) const;
    // Does the expression mention symbol `index`?
    bool mentions(int index) const;
    // Replaces symbols for which `repl` returns an expression.
    static SymPtr substitute(const SymPtr& e, const std::function<SymPtr(int)>& repl);
};

// Comparisons used as guards: lhs OP rhs.
enum class RelOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };
const char* relOpText(RelOp op);
RelOp negate(RelOp op);
// The same relation with its sides swapped: a < b is b > a.
RelOp mirror(RelOp op);
// `a op b` on sizes (int64) or on an unspecialized float input's value (double).
template <typename T>
bool relHolds(RelOp op, T a, T b) {
    switch (op) {
    case RelOp::Eq: return a == b;
    case RelOp::Ne: return a != b;
    case RelOp::Lt: return a < b;
    case RelOp::Le: return a <= b;
    case RelOp::Gt: return a > b;
    case RelOp::Ge: return a >= b;
    }
    return false;
}

} // namespace gs::engine
