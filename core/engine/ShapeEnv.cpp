#include "core/engine/ShapeEnv.h"

#include <algorithm>
#include <cstdint>
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
                     .unbacked = true, .firstUse = where, .lo = 0};
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
                 .oblivious = kind == DimKind::Oblivious, .lo = 2};
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
    SymbolSlot s{.name = std::to_string(hint), .source = std::to_string(hint), .hint = hint, .isSize = true, .lo = 0};
    s.opaque = true;
    s.opaqueDeps = std::move(live);
    ++opaqueCount_;
    return SymExpr::sym(addSlot(std::move(s)));
}

SymPtr ShapeEnv::createFromData(int64_t hint, std::vector<std::string>* log) {
    SymbolSlot s{.name = "u" + std::to_string(dataCount_++), .hint = hint, .isSize = false, .unbacked = true};
    s.fromData = true;
    int idx = addSlot(std::move(s));
    if (log) log->push_back("create_unbacked_symbol " + slots_[static_cast<size_t>(idx)].name + " [-int_oo, int_oo]");
    return SymExpr::sym(idx);
}

bool ShapeEnv::mentionsData(const SymPtr& e) const {
    if (dataCount_ == 0) return false;
    SymPtr s = simplify(e);
    for (size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].fromData && s->mentions(static_cast<int>(i))) return true;
    return false;
}

bool ShapeEnv::isOpaque(const SymPtr& e) const {
    SymPtr s = simplify(e);
    if (s->kind != SymExpr::Kind::Symbol) return false;
    const SymbolSlot& slot = slots_[static_cast<size_t>(s->symbol)];
    return slot.opaque && !slot.replacement;
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
    if (mentionsData(sa) || mentionsData(sb)) {
        // No guard can hold a value read from data: the trace breaks (onDataDependent), and
        // an entry that read such a value re-runs its function on a hit (Tracer::item).
        if (onDataDependent)
            onDataDependent("Could not guard on data-dependent expression " + symbolText(sa) + " " + relOpText(op) + " " +
                            symbolText(sb) + " (unhinted: " + (truth ? "True" : "False") + ")");
        return truth;
    }
    // The symbol's range so far ([2, int_oo] for a size, narrowed by earlier guards) decides
    // some comparisons statically (`x.size(0) != 1`; `x.size(0) > 3` after `x.size(0) > 5`).
    const SymExpr* symSide = sa->kind == SymExpr::Kind::Symbol ? sa.get() : sb->kind == SymExpr::Kind::Symbol ? sb.get() : nullptr;
    const SymExpr* constSide = sa->isConst() ? sa.get() : sb->isConst() ? sb.get() : nullptr;
    const bool bound = symSide && constSide && !slots_[symSide->symbol].unbacked && !slots_[symSide->symbol].opaque;
    const bool symLeft = bound && sa.get() == symSide;
    if (bound) {
        const SymbolSlot& s = slots_[symSide->symbol];
        const RelOp rel = symLeft ? op : mirror(op);  // as `symbol rel constant`
        bool none = false;
        const bool all = holdsOnRange(rel, constSide->value, s.lo, s.hi, &none);
        if (all || none) {
            if (s.oblivious && all != truth)
                throw SizeObliviousError{"Could not guard on the size-oblivious expression " + sourceText(sa) + " " + relOpText(op) +
                                         " " + sourceText(sb) + ": it is " + (all ? "True" : "False") +
                                         " for every size >= 2 the symbol " + s.name + " stands for, but " +
                                         (truth ? "True" : "False") + " for the actual size " + std::to_string(s.hint) +
                                         " (automatic_dynamic_shapes_mark_as=\"oblivious\")"};
            if (log) log->push_back(std::string("eval ") + symbolText(sa) + " " + relOpText(op) + " " + symbolText(sb) +
                                    " == " + (truth ? "True" : "False") + " [statically known]");
            return truth;
        }
    }
    RelOp kept = truth ? op : negate(op);
    if (bound && kept == RelOp::Eq) {  // guarded equal to a constant: specialize the symbol
        specialize(symSide->symbol, constSide->value, where, log);
        return truth;
    }
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
    if (bound && !slots_[symSide->symbol].replacement)
        refineRange(symSide->symbol, symLeft ? kept : mirror(kept), constSide->value, where, log);
    return truth;
}

bool ShapeEnv::holdsOnRange(RelOp op, int64_t c, int64_t lo, int64_t hi, bool* none) {
    // Each relation to a constant is monotone or true/false at one point: the range's ends and
    // the points around c decide it.
    bool all = true, noneHolds = true;
    const int64_t below = c == INT64_MIN ? c : c - 1, above = c == INT64_MAX ? c : c + 1;
    for (int64_t v : {lo, hi, below, c, above}) {
        if (v < lo || v > hi) continue;
        bool t = relHolds(op, v, c);
        all &= t;
        noneHolds &= !t;
    }
    if (none) *none = noneHolds;
    return all;
}

void ShapeEnv::refineRange(int slot, RelOp kept, int64_t c, const Provenance& where, std::vector<std::string>* log) {
    SymbolSlot& s = slots_[static_cast<size_t>(slot)];
    if (s.strict && !holdsOnRange(kept, c, s.strictLo, s.strictHi)) {
        std::string range = std::to_string(s.strictLo) + " <= " + s.source + (s.strictHi < kNoBound ? " <= " + std::to_string(s.strictHi) : "");
        violations_.push_back({s.source, s.hint,
                               "Not all values of " + s.source + " in the specified range " + range + " satisfy the generated guard " +
                                   s.source + " " + relOpText(kept) + " " + std::to_string(c) + "."});
    }
    if (s.oblivious) return;  // size-oblivious symbols keep [2, int_oo]: their guards stay explicit
    int64_t lo = s.lo, hi = s.hi;
    // c is within [lo, hi] or next to it (the guard held on the traced value): c +- 1 fits.
    c = std::clamp(c, -kNoBound, kNoBound);
    switch (kept) {
    case RelOp::Gt: lo = std::max(lo, c + 1); break;
    case RelOp::Ge: lo = std::max(lo, c); break;
    case RelOp::Lt: hi = std::min(hi, c - 1); break;
    case RelOp::Le: hi = std::min(hi, c); break;
    case RelOp::Ne:
        if (c == lo) ++lo;
        else if (c == hi) --hi;
        break;
    case RelOp::Eq: lo = hi = c; break;
    }
    const bool narrowed = lo > s.lo || hi < s.hi;
    if (lo > s.lo) { s.lo = lo; s.loWhere = where; }
    if (hi < s.hi) { s.hi = hi; s.hiWhere = where; }
    if (log && narrowed)
        log->push_back("_update_var_to_range " + s.name + " = VR[" + (s.lo <= -kNoBound ? std::string("-int_oo") : std::to_string(s.lo)) +
                       ", " + (s.hi >= kNoBound ? std::string("int_oo") : std::to_string(s.hi)) + "] (update)");
    if (s.lo == s.hi) specialize(slot, s.lo, where, log);  // the guards leave one value
}

void ShapeEnv::unify(const SymPtr& a, const SymPtr& b, const Provenance& where, std::vector<std::string>* log) {
    SymPtr sa = simplify(a), sb = simplify(b);
    if (mentionsData(sa) || mentionsData(sb)) return;  // PyTorch defers these to runtime asserts
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
        // The kept symbol now stands for both: its range is what both allowed.
        SymbolSlot& k = slots_[static_cast<size_t>(keep)];
        const SymbolSlot& d = slots_[static_cast<size_t>(drop)];
        if (d.lo > k.lo) { k.lo = d.lo; k.loWhere = d.loWhere; }
        if (d.hi < k.hi) { k.hi = d.hi; k.hiWhere = d.hiWhere; }
        if (k.lo == k.hi && !k.replacement) specialize(keep, k.lo, where, log);
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

void ShapeEnv::constrain(const SymPtr& e, std::optional<int64_t> min, std::optional<int64_t> max) {
    if (!e || e->kind != SymExpr::Kind::Symbol) return;
    SymbolSlot& s = slots_[static_cast<size_t>(e->symbol)];
    s.constrained = true;
    if (min || max) {
        // Sizes 0 and 1 are specialized apart from any range: the range starts at 2 at least.
        s.strict = true;
        s.strictLo = std::max<int64_t>(min.value_or(2), 2);
        s.strictHi = max.value_or(kNoBound);
    }
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
    // A symbol whose range is printed as a guard (below): its bounds make some guards redundant.
    auto ranged = [&](const SymExpr& e) {
        if (e.kind != SymExpr::Kind::Symbol) return false;
        const SymbolSlot& s = slots_[static_cast<size_t>(e.symbol)];
        return !s.replacement && !s.unbacked && !s.oblivious && !s.opaque;
    };
    for (const auto& sg : guards_) {
        ProducedGuard g;
        g.op = sg.op;
        g.lhs = simplify(sg.lhs);
        g.rhs = simplify(sg.rhs);
        // Both sides became numbers after a later specialization: nothing left to check (the
        // comparison held when it was recorded, on these very values).
        if (g.lhs->isConst() && g.rhs->isConst()) continue;
        // `symbol rel constant` that the symbol's final range implies: the range guard checks it
        // (PyTorch drops guards its value ranges decide statically).
        if ((ranged(*g.lhs) && g.rhs->isConst()) || (g.lhs->isConst() && ranged(*g.rhs))) {
            const bool symLeft = !g.lhs->isConst();
            const SymbolSlot& s = slots_[static_cast<size_t>((symLeft ? g.lhs : g.rhs)->symbol)];
            if (holdsOnRange(symLeft ? g.op : mirror(g.op), (symLeft ? g.rhs : g.lhs)->value, s.lo, s.hi)) continue;
        }
        g.code = sourceText(g.lhs) + " " + relOpText(sg.op) + " " + sourceText(g.rhs);
        g.verbose = g.code + sg.where.comment();
        g.where = sg.where;
        out.push_back(std::move(g));
    }
    // Each symbol's range: `2 <= L['x'].size()[0]` (a size's 0/1 specialization), narrowed by
    // the guards on it (`3 <= L['y'].size()[0] <= 14`), commented with the guards that set it.
    for (size_t i = 0; i < slots_.size(); ++i) {
        const SymbolSlot& s = slots_[i];
        if (s.replacement || s.unbacked || s.oblivious || s.opaque) continue;
        const bool lower = s.isSize || s.lo > -kNoBound, upper = s.hi < kNoBound;
        if (!lower && !upper) continue;
        const SymPtr sym = SymExpr::sym(static_cast<int>(i));
        ProducedGuard g;
        g.op = RelOp::Le;
        g.lhs = lower ? SymExpr::constant(s.lo) : sym;
        g.rhs = lower ? sym : SymExpr::constant(s.hi);
        if (lower && upper) g.upper = SymExpr::constant(s.hi);
        g.code = (lower ? std::to_string(s.lo) + " <= " : "") + s.source + (upper ? " <= " + std::to_string(s.hi) : "");
        std::string lowerNote;
        if (lower) {
            if (!s.loWhere.empty()) lowerNote = s.loWhere.comment();
            else if (!s.firstUse.empty()) lowerNote = s.firstUse.comment() + kZeroOneNote;
        }
        std::string upperNote = upper ? s.hiWhere.comment() : "";
        if (!lowerNote.empty() && !upperNote.empty()) {
            const std::string lead = "  # ";
            if (upperNote.starts_with(lead)) upperNote = upperNote.substr(lead.size());
            g.verbose = g.code + lowerNote + " and " + upperNote;
        } else {
            g.verbose = g.code + lowerNote + upperNote;
        }
        // The tree shows one line: the guard that narrowed the range (the lower end's first).
        g.where = !s.loWhere.empty() || !upper ? (s.loWhere.empty() ? s.firstUse : s.loWhere) : s.hiWhere;
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace gs::engine
