#include "core/engine/ShapeEnv.h"

#include <algorithm>
#include <cstdio>

#include "core/engine/Sha256.h"

namespace gs::engine {

namespace {
const char* kZeroOneNote =
    " (user code shown is first use of this value--the guard itself is not due user code but due to 0/1 "
    "specialization in the framework; to avoid specialization try torch._dynamo.mark_unbacked(tensor, dim))";

std::string rangeText(const SymbolSlot& s) {
    if (!s.isSize) return "[-int_oo, int_oo]";
    if (s.unbacked || s.oblivious) return "[0, int_oo]";
    return "[2, int_oo]";
}
} // namespace

int hashedSymbolId(const std::string& source) {
    auto digest = sha256(source);
    int r = 0;
    for (uint8_t b : digest) r = (r * 256 + b) % 100;
    return r;
}

std::string ShapeEnv::uniqueName(const std::string& source) {
    int id = hashedNames ? hashedSymbolId(source) : 0;
    std::string name;
    for (;;) {
        char text[16];
        std::snprintf(text, sizeof text, "s%d", id);  // not "s" + to_string: GCC 12 -Wrestrict false positive
        name = text;
        if (std::find(usedNames_.begin(), usedNames_.end(), name) == usedNames_.end()) break;
        ++id;
    }
    usedNames_.push_back(name);
    return name;
}

int ShapeEnv::addSlot(SymbolSlot s) {
    slots_.push_back(std::move(s));
    return static_cast<int>(slots_.size()) - 1;
}

SymPtr ShapeEnv::createSize(const std::string& source, int64_t hint, DimKind kind, const Provenance& where,
                            std::vector<std::string>* log) {
    if (kind == DimKind::Static) return SymExpr::constant(hint);
    if (kind == DimKind::Unbacked) {
        std::string unbackedName = "u";
        unbackedName += std::to_string(slots_.size());
        SymbolSlot s{.name = std::move(unbackedName), .source = source, .hint = hint, .isSize = true,
                     .unbacked = true, .firstUse = where};
        int idx = addSlot(std::move(s));
        if (log) log->push_back("create_unbacked_symbol " + slots_[idx].name + " for " + source + " [0, int_oo]");
        return SymExpr::sym(idx);
    }
    if ((hint == 0 || hint == 1) && kind != DimKind::Oblivious) return SymExpr::constant(hint);  // 0/1 specialization (§3.5)
    if (kind == DimKind::Duck) {
        for (size_t i = 0; i < slots_.size(); ++i) {
            const SymbolSlot& r = slots_[i];
            if (!r.replacement && r.isSize && !r.unbacked && !r.opaque && r.hint == hint) {
                SymbolSlot s{.name = r.name, .source = source, .hint = hint, .isSize = true,
                             .replacement = SymExpr::sym(static_cast<int>(i)), .duck = true, .firstUse = where};
                std::string rootName = r.name;  // r dangles once addSlot grows the vector
                addSlot(std::move(s));
                if (log) log->push_back("create_symbol " + rootName + " duck sized " + source);
                return SymExpr::sym(static_cast<int>(i));
            }
        }
    }
    SymbolSlot s{.name = uniqueName(source), .source = source, .hint = hint, .isSize = true, .firstUse = where,
                 .oblivious = kind == DimKind::Oblivious};
    int idx = addSlot(std::move(s));
    if (log)
        log->push_back("create_symbol " + slots_[idx].name + " = " + std::to_string(hint) + " for " + source + " " +
                       rangeText(slots_[idx]) + where.comment());
    return SymExpr::sym(idx);
}

SymPtr ShapeEnv::createInt(const std::string& source, int64_t hint, const Provenance& where,
                           std::vector<std::string>* log) {
    SymbolSlot s{.name = uniqueName(source), .source = source, .hint = hint, .isSize = false, .firstUse = where};
    int idx = addSlot(std::move(s));
    if (log)
        log->push_back("create_symbol " + slots_[idx].name + " = " + std::to_string(hint) + " for " + source + " " +
                       rangeText(slots_[idx]) + where.comment());
    return SymExpr::sym(idx);
}

SymPtr ShapeEnv::createOpaque(int64_t hint, const std::vector<SymPtr>& deps) {
    std::vector<SymPtr> live;
    for (const SymPtr& d : deps) {
        SymPtr sd = simplify(d);
        if (!sd->isConst()) live.push_back(std::move(sd));
    }
    if (live.empty()) return SymExpr::constant(hint);
    // Named (and rendered in graphs) by its value, as the constant it becomes when read.
    SymbolSlot s{.name = std::to_string(hint), .source = std::to_string(hint), .hint = hint, .isSize = true};
    s.opaque = true;
    s.opaqueDeps = std::move(live);
    ++opaqueCount_;
    return SymExpr::sym(addSlot(std::move(s)));
}

bool ShapeEnv::knownDynamic(const SymPtr& e) const {
    SymPtr s = simplify(e);
    if (s->isConst()) return false;
    for (size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].opaque && !slots_[i].replacement && s->mentions(static_cast<int>(i))) return false;
    return true;
}

SymPtr ShapeEnv::concrete(const SymPtr& e, const Provenance& where, std::vector<std::string>* log) {
    SymPtr s = simplify(e);
    if (opaqueCount_ == 0) return s;
    for (size_t i = 0; i < slots_.size(); ++i) {
        if (!slots_[i].opaque || slots_[i].replacement || !s->mentions(static_cast<int>(i))) continue;
        // Made constant first: a dep that mentions this slot again must not recurse into it.
        slots_[i].replacement = SymExpr::constant(slots_[i].hint);
        --opaqueCount_;
        const std::vector<SymPtr> deps = slots_[i].opaqueDeps;  // evaluate() may grow slots_
        for (const SymPtr& d : deps) {
            SymPtr sd = concrete(d, where, log);
            if (!sd->isConst()) evaluate(RelOp::Eq, sd, SymExpr::constant(hint(sd)), where, log);
        }
    }
    return simplify(e);
}

SymPtr ShapeEnv::simplify(const SymPtr& e) const {
    return SymExpr::substitute(e, [this](int i) -> SymPtr {
        const SymPtr& r = slots_[i].replacement;
        return r ? simplify(r) : nullptr;
    });
}

int64_t ShapeEnv::hint(const SymPtr& e) const {
    return e->eval([this](int i) { return slots_[i].hint; }).value_or(0);
}

bool ShapeEnv::evaluate(RelOp op, const SymPtr& a, const SymPtr& b, const Provenance& where,
                        std::vector<std::string>* log) {
    SymPtr sa = concrete(a, where, log), sb = concrete(b, where, log);
    int64_t ha = hint(sa), hb = hint(sb);
    bool truth = relHolds(op, ha, hb);
    if (sa->isConst() && sb->isConst()) return truth;
    // A size symbol's range [2, int_oo] decides some comparisons statically (`x.size(0) != 1`).
    const SymExpr* symSide = sa->kind == SymExpr::Kind::Symbol ? sa.get() : sb->kind == SymExpr::Kind::Symbol ? sb.get() : nullptr;
    const SymExpr* constSide = sa->isConst() ? sa.get() : sb->isConst() ? sb.get() : nullptr;
    if (symSide && constSide) {
        const SymbolSlot& s = slots_[symSide->symbol];
        if (s.isSize && !s.unbacked) {
            bool symLeft = sa.get() == symSide;
            bool allTrue = true, allFalse = true;
            // Probe the range's edge and far values: the relation is monotone in the symbol.
            for (int64_t v : {int64_t(2), constSide->value - 1, constSide->value, constSide->value + 1, int64_t(1) << 40}) {
                if (v < 2) continue;
                bool t = symLeft ? relHolds(op, v, constSide->value) : relHolds(op, constSide->value, v);
                allTrue &= t;
                allFalse &= !t;
            }
            if (allTrue || allFalse) {
                if (s.oblivious && allTrue != truth)
                    throw SizeObliviousError{"Could not guard on the size-oblivious expression " + sourceText(sa) + " " + relOpText(op) +
                                             " " + sourceText(sb) + ": it is " + (allTrue ? "True" : "False") +
                                             " for every size >= 2 the symbol " + s.name + " stands for, but " +
                                             (truth ? "True" : "False") + " for the actual size " + std::to_string(s.hint) +
                                             " (automatic_dynamic_shapes_mark_as=\"oblivious\")"};
                if (log) log->push_back(std::string("eval ") + symbolText(sa) + " " + relOpText(op) + " " + symbolText(sb) +
                                        " == " + (truth ? "True" : "False") + " [statically known]");
                return truth;
            }
        }
        if (op == RelOp::Eq && truth) {  // guarded equal to a constant: specialize the symbol
            specialize(symSide->symbol, constSide->value, where, log);
            return truth;
        }
    }
    RelOp kept = truth ? op : negate(op);
    guards_.push_back({kept, sa, sb, where});
    if (log) log->push_back("eval " + symbolText(sa) + " " + relOpText(kept) + " " + symbolText(sb) + " [guard added]" + where.comment());
    if (guardLimitBeforeSpecialize) {
        // PyTorch counts the guards of each free symbol; past the limit the symbol is made its
        // value (a guard `s == hint`), which also decides the guards already added.
        guardCount_.resize(slots_.size(), 0);
        for (size_t k = 0; k < slots_.size(); ++k) {
            if (slots_[k].replacement || !(sa->mentions(static_cast<int>(k)) || sb->mentions(static_cast<int>(k)))) continue;
            if (++guardCount_[k] > *guardLimitBeforeSpecialize) {
                if (log) log->push_back("symbol_guard_limit_before_specialize=" + std::to_string(*guardLimitBeforeSpecialize) +
                                        " exceeded on " + slots_[k].name);
                specialize(static_cast<int>(k), slots_[k].hint, where, log);
            }
        }
    }
    return truth;
}

void ShapeEnv::unify(const SymPtr& a, const SymPtr& b, const Provenance& where, std::vector<std::string>* log) {
    SymPtr sa = simplify(a), sb = simplify(b);
    if (sa->kind == SymExpr::Kind::Symbol && sb->kind == SymExpr::Kind::Symbol && sa->symbol == sb->symbol) return;
    sa = concrete(sa, where, log);
    sb = concrete(sb, where, log);
    if (sa->isConst() && sb->isConst()) return;
    bool aSym = sa->kind == SymExpr::Kind::Symbol, bSym = sb->kind == SymExpr::Kind::Symbol;
    if (aSym && bSym) {
        if (sa->symbol == sb->symbol) return;
        int keep = std::min(sa->symbol, sb->symbol), drop = std::max(sa->symbol, sb->symbol);
        slots_[drop].replacement = SymExpr::sym(keep);
        slots_[drop].firstUse = where;
        if (log) log->push_back("set_replacement " + slots_[drop].name + " = " + slots_[keep].name + where.comment());
        return;
    }
    if (aSym && sb->isConst()) {
        specialize(sa->symbol, sb->value, where, log);
        return;
    }
    if (bSym && sa->isConst()) {
        specialize(sb->symbol, sa->value, where, log);
        return;
    }
    guards_.push_back({RelOp::Eq, sa, sb, where});
    if (log) log->push_back("eval Eq(" + symbolText(sa) + ", " + symbolText(sb) + ") [guard added]" + where.comment());
}

void ShapeEnv::specialize(int slot, int64_t value, const Provenance& where, std::vector<std::string>* log) {
    SymbolSlot& s = slots_[static_cast<size_t>(slot)];
    s.replacement = SymExpr::constant(value);
    if (log) log->push_back("set_replacement " + s.name + " = " + std::to_string(value) + where.comment());
    // dynamo-semantics §3.5: a mark_dynamic dim inferred to be a constant violates its
    // constraint, unless the constant is 0 or 1.
    if (s.constrained && value != 0 && value != 1) violations_.push_back({s.source, value});
}

void ShapeEnv::constrain(const SymPtr& e) {
    if (e && e->kind == SymExpr::Kind::Symbol) slots_[static_cast<size_t>(e->symbol)].constrained = true;
}

std::vector<std::string> ShapeEnv::rootNames() const {
    std::vector<std::string> out;
    for (const auto& s : slots_)
        if (!s.replacement && !s.duck && !s.opaque) out.push_back(s.name);
    return out;
}

std::string ShapeEnv::sourceText(const SymPtr& e) const {
    return e->str([this](int i) { return slots_[i].source; });
}

std::string ShapeEnv::symbolText(const SymPtr& e) const {
    return e->str([this](int i) { return slots_[i].name; });
}

std::vector<ProducedGuard> ShapeEnv::produceGuards() const {
    std::vector<ProducedGuard> out;
    for (size_t i = 0; i < slots_.size(); ++i) {
        const SymbolSlot& s = slots_[i];
        if (!s.replacement) continue;
        SymPtr rhs = simplify(s.replacement);
        // A tensor size specialized to a number is checked by the tensor's TENSOR_MATCH
        // (its size list shows the number), not by a shape guard.
        if (s.isSize && rhs->isConst()) continue;
        ProducedGuard g;
        g.op = RelOp::Eq;
        g.lhs = SymExpr::sym(static_cast<int>(i));
        g.rhs = rhs;
        g.code = s.source + " == " + sourceText(rhs);
        g.verbose = g.code + s.firstUse.comment();
        g.where = s.firstUse;
        if (s.duck)
            g.verbose += "  # duck sizing added this equality because these variables had the same size " +
                         std::to_string(s.hint) +
                         " (to avoid this specialization, set torch.fx.experimental._config.use_duck_shape = False)";
        out.push_back(std::move(g));
    }
    for (const auto& sg : guards_) {
        ProducedGuard g;
        g.op = sg.op;
        g.lhs = simplify(sg.lhs);
        g.rhs = simplify(sg.rhs);
        // Both sides became numbers after a later specialization: nothing left to check (the
        // comparison held when it was recorded, on these very values).
        if (g.lhs->isConst() && g.rhs->isConst()) continue;
        g.code = sourceText(g.lhs) + " " + relOpText(sg.op) + " " + sourceText(g.rhs);
        g.verbose = g.code + sg.where.comment();
        g.where = sg.where;
        out.push_back(std::move(g));
    }
    for (size_t i = 0; i < slots_.size(); ++i) {
        const SymbolSlot& s = slots_[i];
        if (s.replacement || !s.isSize || s.unbacked || s.oblivious || s.opaque) continue;
        ProducedGuard g;
        g.op = RelOp::Le;
        g.lhs = SymExpr::constant(2);
        g.rhs = SymExpr::sym(static_cast<int>(i));
        g.code = "2 <= " + s.source;
        g.verbose = g.code + s.firstUse.comment() + (s.firstUse.empty() ? "" : kZeroOneNote);
        g.where = s.firstUse;
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace gs::engine
