#pragma once
// Symbols for dynamic sizes and ints, their unification and the guards they produce
// (dynamo-semantics §3.5; PyTorch's ShapeEnv, much reduced). One ShapeEnv per compile.
//
// Every dynamic input dimension (or int) gets a *slot* tied to its source. A slot is either a
// root symbol (`s77`) or replaced: by another slot (duck sizing, broadcasting equalities) or by a
// constant (specialization). produceGuards() renders the guards in PyTorch's order: input
// equalities/constants, then explicit guards, then the `2 <= …` ranges of size symbols.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/Provenance.h"
#include "core/engine/SymExpr.h"

namespace gs::engine {

// Oblivious: a backed symbol that is not 0/1-specialized and is reasoned about as a size >= 2
// where that decides a comparison (automatic_dynamic_shapes_mark_as="oblivious", PyTorch <= 2.5).
enum class DimKind : uint8_t { Static, Dynamic, Duck, Unbacked, Oblivious };

// An unbounded end of a symbol's value range (int_oo).
inline constexpr int64_t kNoBound = int64_t(1) << 62;

struct SymbolSlot {
    std::string name;        // s77 (roots); for duck/replaced slots, the root's name
    std::string source;      // L['x'].size()[0] or L['n']
    int64_t hint = 0;        // value seen while tracing
    bool isSize = true;      // size (range [2, int_oo]) or plain int (unbounded)
    bool unbacked = false;
    SymPtr replacement;      // null for roots
    bool duck = false;       // replaced because of duck sizing
    Provenance firstUse;     // where the value was first used (guard comments)
    bool oblivious = false;  // DimKind::Oblivious
    bool constrained = false;  // mark_dynamic: specializing it is a ConstraintViolationError (§3.5)
    // The values the guards so far allow, [lo, hi] (kNoBound: unbounded that way), as PyTorch's
    // var_to_range; loWhere/hiWhere: the guard that last raised/lowered the bound (empty: the
    // initial range). A bound guard is printed as a range (`3 <= L['x'].size()[0] <= 14`).
    int64_t lo = -kNoBound, hi = kNoBound;
    Provenance loWhere, hiWhere;
    // mark_dynamic(t, d, min=, max=): every guard must hold for each value of [strictLo, strictHi]
    // (PyTorch's StrictMinMaxConstraint); a guard that excludes one is a ConstraintViolationError.
    bool strict = false;
    int64_t strictLo = 0, strictHi = kNoBound;
    // An opaque size (ShapeEnv::createOpaque): no source; named by its value; `opaqueDeps` are
    // the symbols it was computed from, specialized when something reads it.
    bool opaque = false;
    std::vector<SymPtr> opaqueDeps;
    // Read from a tensor's data (item() under capture_scalar_outputs): no source, no hint a
    // later call can check; a guard on it is data-dependent (ShapeEnv::onDataDependent).
    bool fromData = false;
};

// A mark_dynamic dimension that tracing specialized to a constant (dynamo-semantics §3.5).
struct ConstraintViolation {
    std::string source;
    int64_t value = 0;
    std::string text;  // a guard a value of the strict range fails; empty: specialized to `value`
};

// A comparison on a size-oblivious symbol that its size >= 2 range decides one way while the
// actual size says the other (PyTorch raised a UserError).
struct SizeObliviousError {
    std::string message;
};

struct ShapeGuard {
    RelOp op = RelOp::Eq;
    SymPtr lhs, rhs;
    Provenance where;
};

// A rendered guard: text as TORCH_LOGS=guards prints it, plus what to evaluate.
struct ProducedGuard {
    std::string code;        // e.g. `2 <= L['x'].size()[0]`
    std::string verbose;     // code + provenance comment (+ 0/1 or duck note)
    RelOp op = RelOp::Eq;
    SymPtr lhs, rhs;         // over slots: evaluate each slot from its source
    SymPtr upper;            // a range `lo <= s <= hi`: lhs <= rhs and rhs <= upper (null: no upper)
    Provenance where;        // the user line that made it (a range guard: the symbol's first use)
};

class ShapeEnv {
public:
    // Allocates a slot for a size (dynamo-semantics §3.5). Static → constant; a backed
    // Dynamic/Duck with value 0 or 1 → the constant (0/1 specialization); Duck reuses a root of
    // equal hint. Returns the expression to use for the dim. `log` receives create_symbol text.
    SymPtr createSize(const std::string& source, int64_t hint, DimKind kind, const Provenance& where,
                      std::vector<std::string>* log = nullptr);
    // A SymInt for a Python int argument: no 0/1 specialization, unbounded range.
    SymPtr createInt(const std::string& source, int64_t hint, const Provenance& where,
                     std::vector<std::string>* log = nullptr);

    // A size the tracer cannot write in the input symbols (an op it has no shape rule for, such
    // as x[::2] or x.repeat(2, 1) on dynamic sizes): it stands for `hint` as long as nothing reads
    // it. The first guard, unification or graph argument that reads it specializes `deps` (the
    // symbols the op's inputs carried) to their values, which makes it the constant `hint` — a
    // recompile for other sizes, never a replay that reads a stale size. Without deps (all
    // constants) it is the constant itself.
    SymPtr createOpaque(int64_t hint, const std::vector<SymPtr>& deps);
    // An unbacked int read from a tensor's data (`u0`, range unbounded).
    SymPtr createFromData(int64_t hint, std::vector<std::string>* log = nullptr);
    // `e` mentions a symbol read from data.
    bool mentionsData(const SymPtr& e) const;
    // Called instead of adding a guard (or unifying) that mentions such a symbol: PyTorch
    // raises GuardOnDataDependentSymNode there (a graph break, an error under fullgraph). Unset:
    // nothing; evaluate() then answers by the hint without a guard.
    std::function<void(const std::string&)> onDataDependent;
    // `e` simplified after making the opaque sizes it mentions constant (see createOpaque).
    // Graph arguments and returned SymInts go through it: a replay computes them from the
    // inputs, which an opaque size cannot be.
    SymPtr concrete(const SymPtr& e, const Provenance& where, std::vector<std::string>* log = nullptr);
    // Resolves replacements.
    SymPtr simplify(const SymPtr& e) const;
    // `e` is written in input symbols and is not a constant: a size that varies with the inputs.
    // An expression with an unread opaque size is not known to vary (x[0] of a dynamic x is one).
    bool knownDynamic(const SymPtr& e) const;
    // `e` is a single opaque slot that nothing has read yet.
    bool isOpaque(const SymPtr& e) const;
    int64_t hint(const SymPtr& e) const;
    // Evaluates `a op b` by the hints, records the guard that keeps it true, returns the truth.
    // Statically known comparisons (constants on both sides) add nothing.
    bool evaluate(RelOp op, const SymPtr& a, const SymPtr& b, const Provenance& where,
                  std::vector<std::string>* log = nullptr);
    // a == b is required (broadcasting, matmul inner dims, view): unifies the two.
    void unify(const SymPtr& a, const SymPtr& b, const Provenance& where, std::vector<std::string>* log = nullptr);

    const std::vector<SymbolSlot>& slots() const { return slots_; }
    // Marks the slot of `e` (a root symbol) as carrying mark_dynamic's hard constraint, with
    // min=/max= when given (nullopt: that end is free).
    void constrain(const SymPtr& e, std::optional<int64_t> min = std::nullopt, std::optional<int64_t> max = std::nullopt);
    const std::vector<ConstraintViolation>& violations() const { return violations_; }
    // PyTorch >= 2.7 names symbols after their source's hash (s77); older releases s0, s1, ...
    bool hashedNames = true;
    // torch.fx.experimental._config.symbol_guard_limit_before_specialize: a symbol that would get
    // more guards than this is specialized to its value instead (None: no limit).
    std::optional<int64_t> guardLimitBeforeSpecialize;
    std::vector<std::string> rootNames() const;
    bool hasSymbols() const { return !slots_.empty(); }
    std::vector<ProducedGuard> produceGuards() const;
    // Renders an expression with slot sources (`L['x'].size()[0]`) or names (`s77`).
    std::string sourceText(const SymPtr& e) const;
    std::string symbolText(const SymPtr& e) const;

private:
    int addSlot(SymbolSlot s);
    std::string uniqueName(const std::string& source);
    std::vector<SymbolSlot> slots_;
    std::vector<ShapeGuard> guards_;
    std::vector<std::string> usedNames_;
    std::vector<ConstraintViolation> violations_;
    int opaqueCount_ = 0;  // opaque slots not made constant yet
    int dataCount_ = 0;    // symbols read from data (u0, u1, ...)
    std::vector<int64_t> guardCount_;  // per slot: guards added that mention it
    void specialize(int slot, int64_t value, const Provenance& where, std::vector<std::string>* log);
    // The guard `slot kept c` was added: narrows the slot's range (a single value specializes it)
    // and checks it against a strict mark_dynamic range.
    void refineRange(int slot, RelOp kept, int64_t c, const Provenance& where, std::vector<std::string>* log);
    // Does `slot op c` hold for every value in [lo, hi]? (and for none: `none`)
    static bool holdsOnRange(RelOp op, int64_t c, int64_t lo, int64_t hi, bool* none = nullptr);
};

// PyTorch ≥2.7 names a symbol after its source: `s` + sha256(source) mod 100 (e.g. s77 for
// L['x'].size()[0]); we probe upwards on a collision.
int hashedSymbolId(const std::string& source);

} // namespace gs::engine
