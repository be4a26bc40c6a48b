// The shapes-and-symbols role of the Tracer (see Tracer.h): tensor inputs are realized on first
// use (TENSOR_MATCH, NO_HASATTR / DYNAMIC_INDICES, automatic dynamic shapes, symbols for dynamic
// sizes: dynamo-semantics §3, §5), local ints may become SymInts (§3.6), and the scalar proxies
// install the guard a use needs or compute symbolically.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/engine/Engine.h"
#include "core/engine/Tracer.h"
#include "core/engine/ValueMeta.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Type.h"
#include "core/runtime/Ops.h"

namespace gs::engine {

using runtime::Value;

namespace {

// The EQUALS_MATCH text of a specialized constant. A NaN never equals itself, so PyTorch guards
// it with __math_isnan; the check we run is bitwise (Guards.cpp equalsConstant), so the text
// names the bits too: a NaN of another sign or payload fails it.
std::string constantGuardCode(const std::string& source, const Value& v) {
    if (v.isFloat() && std::isnan(v.asFloat())) {
        char bits[32];
        std::snprintf(bits, sizeof bits, "0x%016llX", static_cast<unsigned long long>(std::bit_cast<uint64_t>(v.asFloat())));
        return "__math_isnan(" + source + ") and ___float_bits(" + source + ") == " + bits;
    }
    return source + " == " + runtime::ops::repr(v);
}

// A comparison operator as a guard relation; nullopt for is / in.
std::optional<RelOp> relOpOf(runtime::CmpOpKind op) {
    switch (op) {
    case runtime::CmpOpKind::Eq: return RelOp::Eq;
    case runtime::CmpOpKind::NotEq: return RelOp::Ne;
    case runtime::CmpOpKind::Lt: return RelOp::Lt;
    case runtime::CmpOpKind::LtE: return RelOp::Le;
    case runtime::CmpOpKind::Gt: return RelOp::Gt;
    case runtime::CmpOpKind::GtE: return RelOp::Ge;
    default: return std::nullopt;
    }
}

bool contains(const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string sizeList(const std::vector<std::optional<int64_t>>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) s += ", ";
        s += v[i] ? std::to_string(*v[i]) : "None";
    }
    return s + "]";
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Ints: local ints may become SymInts

Value Tracer::wrapInt(const Value& v, int source, bool rootLocal) {
    // dynamo-semantics §3.6: only local ints may become SymInts; globals, attributes and
    // defaults stay specialized.
    if (rootLocal && !config_.specializeInt()) {
        auto changes = frameState_.record(sources[source].text, observeInt(v.asInt()), config_.automaticDynamicShapes());
        for (const auto& ch : changes) dynamicLog.push_back(ch.text);
        bool dyn = !config_.assumeStaticByDefault() ||
                   (config_.automaticDynamicShapes() && frameState_.isDynamic(sources[source].text, -1));
        if (dyn) {
            for (const auto& ch : changes)
                shapeEvents.push_back({session::ShapeEventKind::Promotion, "", -1, "", sources[source].text, -1,
                                       v.asInt(), "", ch.seen, ch.text, where().line});
            SymPtr s = shapeEnv.createInt(sources[source].text, v.asInt(), where(), &dynamicLog);
            noteSlots(source, -1);
            const SymbolSlot& slot = shapeEnv.slots().back();
            shapeEvents.push_back({session::ShapeEventKind::CreateSymbol, "", -1, slot.name, slot.source, -1, v.asInt(),
                                   "[-int_oo, int_oo]", "", dynamicLog.back(), where().line});
            guards_.guardType(source, v, where());
            graph.symInputs.push_back(s->symbol);
            return makeScalar(TrackedScalar::Kind::SymInt, v, source, s);
        }
    }
    return makeScalar(TrackedScalar::Kind::Int, v, source);
}

// ---------------------------------------------------------------------------------------------
// Floats: with specialize_float=False (PyTorch >= 2.6 default) a local float argument is
// static on the first compile and unspecialized (TYPE_MATCH only) once it changed, like ints
// (dynamo-semantics §3.8). Its uses compute SymFloats; an entry that used one re-runs the
// function on a hit (its graph holds the float's value of the trace), which keeps hits exact.

Value Tracer::wrapFloat(const Value& v, int source, bool rootLocal) {
    if (rootLocal && !config_.specializeFloat()) {
        auto changes = frameState_.record(sources[source].text, observeFloat(v.asFloat()), config_.automaticDynamicShapes());
        for (const auto& ch : changes) dynamicLog.push_back(ch.text);
        bool dyn = !config_.assumeStaticByDefault() ||
                   (config_.automaticDynamicShapes() && frameState_.isDynamic(sources[source].text, -1));
        // PyTorch specializes a NaN or infinite value (builder.py wrap_symfloat: its ShapeEnv
        // cannot reason about them); every float symbol is guarded not to be NaN.
        if (std::isnan(v.asFloat()) || std::isinf(v.asFloat())) dyn = false;
        if (dyn) {
            guards_.guardType(source, v, where());
            GuardCheck nan;
            nan.kind = GuardKind::FloatCompare;
            nan.constant = Value::none();
            nan.code = "not math.isnan(" + sources[source].text + ")";
            nan.verbose = nan.code + "  # implicit guard for float input due to NaN specialization in the framework";
            guards_.add(std::move(nan), source, where());
            graph.rerunOnHit = true;
            Value out = makeScalar(TrackedScalar::Kind::SymFloat, v, source);
            static_cast<TrackedScalar*>(out.obj())->roots = {source};
            floatRoots_.emplace(source, v);
            return out;
        }
    }
    return makeScalar(TrackedScalar::Kind::Float, v, source);
}

Value Tracer::floatCompare(runtime::CmpOpKind op, TrackedScalar* s, const Value& other) {
    // Only the float input itself against a number: a SymFloat computed from several inputs
    // (no expressions kept for floats) is specialized by the caller, over-guarding but exact.
    if (!active || s->kind != TrackedScalar::Kind::SymFloat || s->source < 0 || !floatRoots_.count(s->source)) return {};
    if (auto* o = other.dyn<TrackedScalar>(); o && (o->kind == TrackedScalar::Kind::SymFloat || o->kind == TrackedScalar::Kind::SymInt))
        return {};
    std::optional<RelOp> relOp = relOpOf(op);
    if (!relOp) return {};
    const RelOp rel = *relOp;
    Value c = concreteValue(other);
    if (!c.isIntLike() && !c.isFloat()) return {};
    double k = c.isFloat() ? c.asFloat() : static_cast<double>(c.asInt());
    // A NaN constant: `not (y < nan)` is not `y >= nan`; specialize instead.
    if (std::isnan(k)) return {};
    bool holds = relHolds(rel, s->value.asFloat(), k);
    RelOp kept = holds ? rel : negate(rel);
    GuardCheck g;
    g.kind = GuardKind::FloatCompare;
    g.rel = kept;
    g.constant = Value::real(k);
    g.code = sources[s->source].text + " " + relOpText(kept) + " " + runtime::ops::repr(Value::real(k));
    if (std::find(floatGuards_.begin(), floatGuards_.end(), g.code) == floatGuards_.end()) {
        floatGuards_.push_back(g.code);
        g.verbose = g.code + where().comment();
        guards_.add(std::move(g), s->source, where());
    }
    return Value::boolean(holds);
}

Value Tracer::symFloatBinary(runtime::BinOpKind op, const Value& a, const Value& b) {
    std::vector<int> roots;
    bool fromData = false;
    auto plain = [&](const Value& x) -> Value {
        if (auto* s = dynamic_cast<TrackedScalar*>(x.obj())) {
            if (s->kind == TrackedScalar::Kind::SymFloat) {
                roots.insert(roots.end(), s->roots.begin(), s->roots.end());
                fromData = fromData || s->fromData;
                return s->value;
            }
            return s->concrete();
        }
        return x;
    };
    Value r = numericBinary(op, plain(a), plain(b));
    if (r.isNull()) return r;
    if (r.isIntLike()) r = Value::real(static_cast<double>(r.asInt()));
    Value out = makeScalar(TrackedScalar::Kind::SymFloat, r, -1);
    static_cast<TrackedScalar*>(out.obj())->roots = std::move(roots);
    static_cast<TrackedScalar*>(out.obj())->fromData = fromData;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Tensor inputs: TENSOR_MATCH, automatic dynamic shapes, symbols for dynamic sizes

// What an automatic-dynamic dim becomes (dynamo-semantics §3.2 rule 4:
// automatic_dynamic_shapes_mark_as; "oblivious" exists up to PyTorch 2.5).
DimKind Tracer::automaticDimKind() {
    const std::string markAs = config_.automaticDynamicShapesMarkAs();
    if (markAs == "dynamic") return DimKind::Dynamic;
    if (markAs == "unbacked") return DimKind::Unbacked;
    if (markAs == "oblivious" && engine_.options.release.acceptsObliviousMarkAs()) return DimKind::Oblivious;
    interp_.raise("ValueError", "invalid automatic_dynamic_shapes_mark_as = " + markAs);
}

TracedTensor& Tracer::tensorVar(torch::TensorObject* t) {
    if (TracedTensor* known = recorder_.find(t)) return *known;
    TracedTensor var;
    var.keep = Value(t);
    int src = sourceOf(t);
    var.source = src;
    TracedTensor& ref = recorder_.add(t, std::move(var));
    if (src >= 0) {
        realizeInput(t, src, ref);
    } else {
        // A tensor the trace did not see come in (e.g. created outside and reached through an
        // untracked path): a constant of the graph (FX get_attr).
        ref.ref.kind = ArgTemplate::Kind::Const;
        ref.ref.constant = Value(t);
        for (int64_t s : t->tensor.sizes()) ref.sizes.push_back(SymExpr::constant(s));
    }
    return ref;
}

void Tracer::realizeInput(torch::TensorObject* t, int src, TracedTensor& var) {
    const Source& source = sources[src];
    const tensor::Tensor& x = t->tensor;
    Provenance p = where();
    // dynamo-semantics §3.2 rule 1: parameters and module-owned tensors are always static.
    bool alwaysStatic = (t->isParameter() && config_.forceParameterStaticShapes()) ||
                        (source.isParameterLike && config_.forceNnModulePropertyStaticShapes());
    std::vector<int64_t> sizes(x.sizes().begin(), x.sizes().end()), strides(x.strides().begin(), x.strides().end());
    if (!alwaysStatic) {
        FrameStateEntry seen = observeTensor(sizes, strides);
        for (int64_t d : t->dynamicIndices)  // mark_dynamic joins auto_dynamic into the frame state
            if (seen.size.kind == AtomTuple::Kind::Tuple && d < static_cast<int64_t>(seen.size.items.size()))
                seen.size.items[static_cast<size_t>(d)] = Atom::autoDynamic();
        auto changes = frameState_.record(source.text, seen, config_.automaticDynamicShapes());
        for (const auto& ch : changes) {
            dynamicLog.push_back(ch.text);
            if (ch.what == "size")
                shapeEvents.push_back({session::ShapeEventKind::Promotion, "", -1, "", source.text, ch.dim,
                                       ch.dim >= 0 ? sizes[static_cast<size_t>(ch.dim)] : 0, "", ch.seen, ch.text, p.line});
        }
    }
    GuardCheck tm;
    tm.kind = GuardKind::TensorMatch;
    tm.tensorType = t->type();
    tm.dtype = x.dtype();
    tm.deviceIndex = x.device().index();
    tm.deviceType = static_cast<uint8_t>(x.device().type());
    tm.parameter = t->isParameter() || source.isParameterLike;
    tm.requiresGrad = x.requiresGrad();
    for (size_t i = 0; i < sizes.size(); ++i) {
        int64_t d = static_cast<int64_t>(i);
        DimKind k = DimKind::Static;
        if (!alwaysStatic) {
            bool automatic = config_.automaticDynamicShapes() && frameState_.isDynamic(source.text, static_cast<int>(i));
            bool markStatic = contains(t->staticIndices, d);
            if (contains(t->unbackedIndices, d)) k = DimKind::Unbacked;
            else if (contains(t->dynamicIndices, d) || (automatic && !markStatic) || contains(t->weakDynamicIndices, d))
                k = automatic ? automaticDimKind() : DimKind::Dynamic;
            else if (config_.assumeStaticByDefault() || markStatic) k = DimKind::Static;
            else k = config_.useDuckShape() ? DimKind::Duck : DimKind::Dynamic;
        }
        size_t before = shapeEnv.slots().size();
        std::string dimSource = source.text + ".size()[" + std::to_string(i) + "]";
        size_t logBefore = dynamicLog.size();
        SymPtr s = shapeEnv.createSize(dimSource, sizes[i], k, p, &dynamicLog);
        // mark_dynamic is a hard constraint (dynamo-semantics §3.5): specializing the dim fails.
        if (contains(t->dynamicIndices, d) && !config_.allowIgnoreMarkDynamic()) {
            std::optional<int64_t> min, max;
            for (const auto& r : t->dynamicRanges)
                if (r.dim == d) min = r.min, max = r.max;
            shapeEnv.constrain(s, min, max);
        }
        noteSlots(src, static_cast<int>(i));
        if (shapeEnv.slots().size() > before) {
            const SymbolSlot& slot = shapeEnv.slots().back();
            shapeEvents.push_back({slot.duck ? session::ShapeEventKind::DuckSizing : session::ShapeEventKind::CreateSymbol, "",
                                   -1, slot.name, source.text, static_cast<int>(i), sizes[i],
                                   slot.unbacked || slot.oblivious ? "[0, int_oo]" : "[2, int_oo]", "",
                                   dynamicLog.size() > logBefore ? dynamicLog.back() : "", p.line});
            if (!slot.duck && !slot.unbacked) graph.symInputs.push_back(s->symbol);
        } else if (k != DimKind::Static && s->isConst()) {
            shapeEvents.push_back({session::ShapeEventKind::Specialization, "", -1, "", source.text, static_cast<int>(i),
                                   sizes[i], "", "", dimSource + " specialized to " + std::to_string(sizes[i]) + " (0/1 specialization)",
                                   p.line});
        }
        var.sizes.push_back(s);
        tm.sizes.push_back(s->isConst() ? std::optional<int64_t>(s->value) : std::nullopt);
        tm.dimSyms.push_back(s);
    }
    // A stride is static when every size it is made of is static.
    for (size_t i = 0; i < sizes.size(); ++i) {
        bool ok = true;
        for (size_t j = i + 1; j < sizes.size(); ++j)
            if (!tm.sizes[j]) ok = false;
        tm.strides.push_back(ok ? std::optional<int64_t>(strides[i]) : std::nullopt);
    }
    std::string typeName = t->isParameter() ? "Parameter" : "Tensor";
    tm.code = "check_tensor(" + source.text + ", " + typeName +
              ", " + dispatchKeySetText(x.device().type()) + ", " + std::string(tensor::dtypeReprName(x.dtype())) +
              ", device=" + (x.device().isCpu() ? std::string("None") : std::to_string(x.device().index())) +
              ", requires_grad=" + (x.requiresGrad() ? "True" : "False") + ", size=" + sizeList(tm.sizes) +
              ", stride=" + sizeList(tm.strides) + ")";
    guards_.add(std::move(tm), src, p);
    if (!alwaysStatic) {
        GuardCheck dg;
        dg.tensorType = t->type();
        if (t->dynamicIndices.empty()) {
            dg.kind = GuardKind::NoHasattr;
            dg.code = "hasattr(" + source.text + ", '_dynamo_dynamic_indices') == False";
        } else {
            dg.kind = GuardKind::DynamicIndices;
            dg.allowed = t->dynamicIndices;
            std::string set = "{";
            for (size_t i = 0; i < t->dynamicIndices.size(); ++i) set += (i ? ", " : "") + std::to_string(t->dynamicIndices[i]);
            set += "}";
            dg.code = "((" + source.text + "._dynamo_dynamic_indices.issubset(" + set + ")) if hasattr(" + source.text +
                      ", '_dynamo_dynamic_indices') else True)";
        }
        guards_.add(std::move(dg), src, p);
    }
    if (!(t->isParameter() && config_.skipNoTensorAliasingGuardsOnParameters())) guards_.addAliasCandidate(src);
    var.ref.kind = ArgTemplate::Kind::Source;
    var.ref.index = src;
    graph.inputSources.push_back(src);
    graph.inputMeta.push_back(ValueMeta::of(shapeEnv, var.sizes, x.sizes(), x.strides(),
                                            std::string(tensor::dtypeName(x.dtype())), x.device().str()));
}

// ---------------------------------------------------------------------------------------------
// Scalar proxies

Value Tracer::useScalar(TrackedScalar* s) {
    if (s->kind == TrackedScalar::Kind::SymFloat) {
        // A float read from data cannot be guarded (GuardOnDataDependentSymNode): the graph
        // breaks; the entry re-runs its function on a hit anyway (Tracer::item).
        if (s->fromData) graphBreak("Could not guard on data-dependent expression of a float read by item() (value " +
                                    runtime::ops::repr(s->value) + ")");
        // Using an unspecialized float as a plain number (a comparison, int(), str()...)
        // specializes the floats it came from (bitwise EQUALS_MATCH, FloatGuardBitwiseTests).
        for (int root : s->roots) {
            auto it = floatRoots_.find(root);
            if (it == floatRoots_.end() || !guards_.claimValueGuard(root)) continue;
            GuardCheck c;
            c.kind = GuardKind::EqualsMatch;
            c.constant = it->second;
            c.code = constantGuardCode(sources[root].text, it->second);
            guards_.add(std::move(c), root, where());
        }
        return s->value;
    }
    if (s->kind == TrackedScalar::Kind::SymInt) {
        // Using a SymInt as a plain int specializes it (guard_int): `L['n'] == 5`.
        shapeEnv.evaluate(RelOp::Eq, s->sym, SymExpr::constant(s->value.asInt()), where(), &dynamicLog);
        return s->value;
    }
    if (s->source >= 0 && guards_.claimValueGuard(s->source)) {
        GuardCheck c;
        c.kind = s->kind == TrackedScalar::Kind::Bool ? GuardKind::BoolMatch : GuardKind::EqualsMatch;
        c.constant = s->value;
        c.code = constantGuardCode(sources[s->source].text, s->value);
        guards_.add(std::move(c), s->source, where());
    }
    return s->value;
}

SymPtr Tracer::symOf(const Value& v) {
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        if (s->kind == TrackedScalar::Kind::SymInt) return s->sym;
        if (s->kind == TrackedScalar::Kind::Float || s->kind == TrackedScalar::Kind::SymFloat) return nullptr;
        return SymExpr::constant(useScalar(s).asInt());
    }
    if (v.isInt()) return SymExpr::constant(v.asInt());
    return nullptr;
}

Value Tracer::symBinary(runtime::BinOpKind op, const SymPtr& a, const SymPtr& b) {
    {
        // A result past int64 cannot be a symbol (hints and replayed values are int64): both
        // sides are specialized and the exact (unbounded) value is a constant of the graph.
        int64_t x = shapeEnv.hint(a), y = shapeEnv.hint(b);
        Value exact = numericBinary(op, Value::integer(x), Value::integer(y));
        if (exact.isObj()) {
            shapeEnv.evaluate(RelOp::Eq, a, SymExpr::constant(x), where(), &dynamicLog);
            shapeEnv.evaluate(RelOp::Eq, b, SymExpr::constant(y), where(), &dynamicLog);
            return exact;
        }
    }
    SymPtr r;
    const char* target = "operator.add";
    switch (op) {
    case runtime::BinOpKind::Add: r = SymExpr::add(a, b); break;
    case runtime::BinOpKind::Sub: r = SymExpr::add(a, SymExpr::neg(b)); target = "operator.sub"; break;
    case runtime::BinOpKind::Mult: r = SymExpr::mul(a, b); target = "operator.mul"; break;
    case runtime::BinOpKind::FloorDiv: r = SymExpr::floorDiv(a, b); target = "operator.floordiv"; break;
    case runtime::BinOpKind::Mod: r = SymExpr::mod(a, b); target = "operator.mod"; break;
    default: {
        // Other operators specialize both sides.
        int64_t x = shapeEnv.hint(a), y = shapeEnv.hint(b);
        shapeEnv.evaluate(RelOp::Eq, a, SymExpr::constant(x), where(), &dynamicLog);
        shapeEnv.evaluate(RelOp::Eq, b, SymExpr::constant(y), where(), &dynamicLog);
        return numericBinary(op, Value::integer(x), Value::integer(y));
    }
    }
    r = shapeEnv.simplify(r);
    if (r->isConst()) return Value::integer(r->value);
    // Python arithmetic on a symbolic int is a graph node (dynamo-semantics §1.5 op_count).
    recorder_.addSymArith(target, a, b);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(r)), -1, r);
}

Value Tracer::symCompare(runtime::CmpOpKind op, const SymPtr& a, const SymPtr& b) {
    std::optional<RelOp> rel = relOpOf(op);
    if (!rel) return {};
    const RelOp r = *rel;
    try {
        return Value::boolean(shapeEnv.evaluate(r, a, b, where(), &dynamicLog));
    } catch (const SizeObliviousError& e) {
        runtime::Module* exc = interp_.importModule("torch._dynamo.exc");
        interp_.raise(static_cast<runtime::Type*>(exc->dict->getStr("UserError").obj()), e.message);
    }
}

// ---------------------------------------------------------------------------------------------
// Symbolic metadata

Value Tracer::sizeAt(const Value& t, int64_t d) {
    auto* to = torch::asTensorObject(t);
    if (!active || !to) return torch::OpDispatcher::sizeAt(t, d);
    TracedTensor& var = tensorVar(to);
    SymPtr s = shapeEnv.simplify(var.sizes[static_cast<size_t>(d)]);
    if (s->isConst()) return Value::integer(s->value);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(s)), -1, s);
}

Value Tracer::numel(const Value& t) {
    auto* to = torch::asTensorObject(t);
    if (!active || !to) return torch::OpDispatcher::numel(t);
    TracedTensor& var = tensorVar(to);
    SymPtr n = SymExpr::constant(1);
    for (const auto& s : var.sizes) n = SymExpr::mul(n, shapeEnv.simplify(s));
    if (n->isConst()) return Value::integer(n->value);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(n)), -1, n);
}

} // namespace gs::engine
