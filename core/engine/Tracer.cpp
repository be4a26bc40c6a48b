#include "core/engine/Tracer.h"

#include <algorithm>

#include "core/engine/Engine.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Module.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::engine {

using runtime::Value;

namespace {

bool contains(const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string pyRepr(const Value& v) {
    switch (v.tag()) {
    case runtime::Tag::None: return "None";
    case runtime::Tag::Bool: return v.asBool() ? "True" : "False";
    case runtime::Tag::Int: return std::to_string(v.asInt());
    case runtime::Tag::Float: {
        auto& I = runtime::Interpreter::current();
        Value r = I.call(I.builtinsDict()->getStr("repr"), {v});
        return static_cast<runtime::Str*>(r.obj())->s();
    }
    case runtime::Tag::Obj: return v.obj()->repr();
    case runtime::Tag::Null: return "?";
    }
    return "?";
}

// 60-column padding then the user-frame comment (dynamo-semantics §2.1 get_verbose_code_part).
std::string verbose(const std::string& code, const Provenance& p) {
    std::string s = code;
    if (s.size() < 60) s.append(60 - s.size(), ' ');
    return s + p.comment();
}

std::string sizeList(const std::vector<std::optional<int64_t>>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) s += ", ";
        s += v[i] ? std::to_string(*v[i]) : "None";
    }
    return s + "]";
}

bool isModuleInstance(const Value& v) {
    auto* inst = dynamic_cast<runtime::Instance*>(v.obj());
    return inst && inst->dict && !inst->dict->getStr("_modules").isNull();
}

} // namespace

Tracer::Tracer(Engine& engine, runtime::Function* root, FrameState& frameState, const DynamoConfig& config, bool fullgraph)
    : engine_(engine), ctx_(engine.ctx), interp_(engine.interp), root_(root), frameState_(frameState), config_(config),
      fullgraph_(fullgraph) {}

Tracer::~Tracer() = default;

std::vector<std::string> Tracer::symbolNames() const {
    std::vector<std::string> out;
    for (const auto& s : shapeEnv.slots()) out.push_back(s.name);
    return out;
}

Provenance Tracer::where() const {
    for (const auto& loc : interp_.stack()) {
        if (!loc.file.empty() && loc.file[0] == '<') continue;  // our torch preludes are framework code
        return {loc.text, loc.file, loc.line, loc.function};
    }
    return {};
}

Value Tracer::makeScalar(TrackedScalar::Kind k, Value v, int source, SymPtr sym) {
    auto* s = new TrackedScalar(engine_.scalarProxyType, k, std::move(v), source, weak_from_this());
    s->sym = std::move(sym);
    Value out(s);
    keepAlive_.push_back(out);
    return out;
}

// Every ShapeEnv slot created since the last call is read back from (source, dim).
void Tracer::noteSlots(int source, int dim) {
    while (slotBindings.size() < shapeEnv.slots().size()) slotBindings.push_back({source, dim});
}

void Tracer::addGuard(GuardCheck c, int source) {
    c.source = source;
    Provenance p = where();
    if (c.verbose.empty()) c.verbose = verbose(c.code, p);
    guards_.push_back({std::move(c), p});
}

void Tracer::guardType(int source, const Value& v) {
    if (contains(typeGuarded_, source)) return;
    typeGuarded_.push_back(source);
    GuardCheck c;
    c.kind = GuardKind::TypeMatch;
    runtime::Type* t = v.obj() ? (v.obj()->visibleType() ? v.obj()->visibleType() : v.obj()->type()) : nullptr;
    if (v.isIntLike()) t = v.isBool() ? interp_.types.bool_ : interp_.types.int_;
    c.type = t;
    c.code = "___check_type_id(" + sources[source].text + ", " + std::to_string(objectId(t)) + ")";
    addGuard(std::move(c), source);
}

void Tracer::guardSequence(int source, const Value& container) {
    if (contains(sequenceGuarded_, source)) return;
    int64_t n = -1;
    if (auto* l = dynamic_cast<runtime::List*>(container.obj())) n = static_cast<int64_t>(l->items.size());
    else if (auto* t = dynamic_cast<runtime::Tuple*>(container.obj())) n = static_cast<int64_t>(t->items.size());
    if (n < 0) return;
    sequenceGuarded_.push_back(source);
    guardType(source, container);
    GuardCheck c;
    c.kind = GuardKind::SequenceLength;
    c.length = n;
    c.code = n == 0 ? "not " + sources[source].text : "len(" + sources[source].text + ") == " + std::to_string(n);
    addGuard(std::move(c), source);
}

int Tracer::sourceOf(const runtime::Object* o) const {
    auto it = objSource_.find(o);
    return it == objSource_.end() ? -1 : it->second;
}

void Tracer::registerObject(const Value& v, int source) {
    const runtime::Object* o = v.obj();
    auto it = objSource_.find(o);
    if (it == objSource_.end()) {
        objSource_.emplace(o, source);
        keepAlive_.push_back(v);
        return;
    }
    if (it->second == source) return;
    // The same object under a second *input* source (two arguments, an argument and a global or
    // closure): DUPLICATE_INPUT (dynamo-semantics §2.3). Attribute paths to an object already
    // seen (self.weight vs self._parameters['weight']) keep the first source.
    const Source& s = sources[source];
    bool inputSource = s.kind == Source::Kind::Local || s.kind == Source::Kind::Closure || s.kind == Source::Kind::Global ||
                       (s.kind == Source::Kind::Item && sources[s.parent].kind == Source::Kind::Local);
    if (inputSource && torch::asTensorObject(v)) {
        GuardCheck c;
        c.kind = GuardKind::DuplicateInput;
        c.source2 = it->second;
        c.code = sources[it->second].text + " is " + sources[source].text;
        addGuard(std::move(c), source);
    }
}

Value Tracer::wrap(const Value& v, int source, bool rootLocal) {
    switch (v.tag()) {
    case runtime::Tag::Bool: return makeScalar(TrackedScalar::Kind::Bool, v, source);
    case runtime::Tag::Int: {
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
                guardType(source, v);
                graph.symInputs.push_back(s->symbol);
                return makeScalar(TrackedScalar::Kind::SymInt, v, source, s);
            }
        }
        return makeScalar(TrackedScalar::Kind::Int, v, source);
    }
    case runtime::Tag::Float: return makeScalar(TrackedScalar::Kind::Float, v, source);
    case runtime::Tag::None: {
        if (!contains(guardedSources_, source)) {
            guardedSources_.push_back(source);
            GuardCheck c;
            c.kind = GuardKind::NoneMatch;
            c.code = sources[source].text + " is None";
            addGuard(std::move(c), source);
        }
        return v;
    }
    case runtime::Tag::Null: return v;
    case runtime::Tag::Obj: break;
    }
    runtime::Object* o = v.obj();
    if (dynamic_cast<TrackedScalar*>(o)) return v;
    if (auto* s = dynamic_cast<runtime::Str*>(o)) {
        if (!contains(guardedSources_, source)) {
            guardedSources_.push_back(source);
            GuardCheck c;
            c.kind = GuardKind::EqualsMatch;
            c.constant = v;
            c.code = sources[source].text + " == " + s->repr();
            addGuard(std::move(c), source);
        }
        return v;
    }
    if (torch::asTensorObject(v) || dynamic_cast<runtime::Instance*>(o) || dynamic_cast<runtime::List*>(o) ||
        dynamic_cast<runtime::Tuple*>(o) || dynamic_cast<runtime::Dict*>(o) || dynamic_cast<runtime::Function*>(o)) {
        if (!dynamic_cast<runtime::Module*>(o)) registerObject(v, source);
    }
    return v;
}

void Tracer::wrapArguments(const runtime::CallArgs& args, const std::vector<bool>& fromDefault, std::vector<Value>& pos,
                           std::vector<runtime::KwArg>& kw) {
    const runtime::CodeInfo* code = root_->code;
    size_t nargs = static_cast<size_t>(code->nargs);
    pos.clear();
    kw.clear();
    for (size_t i = 0; i < args.pos.size(); ++i) {
        if (i < nargs) {
            int src = sources.local(code->localNames[i], static_cast<int>(i));
            pos.push_back(wrap(args.pos[i], src, !fromDefault[i]));
        } else {
            int vs = sources.local(code->localNames[static_cast<size_t>(code->varargSlot)], code->varargSlot);
            int src = sources.item(vs, Value::integer(static_cast<int64_t>(i - nargs)), std::to_string(i - nargs));
            pos.push_back(wrap(args.pos[i], src, true));
        }
    }
    for (const auto& k : args.kw) {
        int slot = -1;
        for (size_t i = 0; i < code->paramNames.size(); ++i)
            if (code->paramNames[i] && code->paramNames[i]->view() == k.name->view()) slot = static_cast<int>(i);
        int src = slot >= 0 ? sources.local(std::string(k.name->view()), slot)
                            : sources.item(sources.local(code->localNames[static_cast<size_t>(code->kwargSlot)], code->kwargSlot),
                                           Value(k.name), "'" + std::string(k.name->view()) + "'");
        kw.push_back({k.name, wrap(k.value, src, true)});
    }
}

// ---------------------------------------------------------------------------------------------
// Observer

void Tracer::onLoadGlobal(runtime::Dict* globals, std::string_view name, Value& v) {
    if (!active) return;
    if (globals == interp_.builtinsDict()) {
        if (name == "print") {
            if (printWrapper_.isNull()) {
                Value realPrint = v;
                std::weak_ptr<Tracer> self = weak_from_this();
                printWrapper_ = interp_.newFunction("print", [self, realPrint](const runtime::CallArgs& a) {
                    if (auto t = self.lock(); t && t->active) t->graphBreak("print");
                    return runtime::Interpreter::current().call(realPrint, a);
                });
            }
            v = printWrapper_;
        }
        return;
    }
    if (globals != root_->globals.get()) return;
    if (v.isObj() && (dynamic_cast<runtime::Module*>(v.obj()) || dynamic_cast<runtime::Type*>(v.obj()) ||
                      dynamic_cast<runtime::NativeFunction*>(v.obj()) || dynamic_cast<CompiledFunction*>(v.obj())))
        return;
    if (v.isObj() && dynamic_cast<runtime::Function*>(v.obj())) return;  // inlined, not guarded
    v = wrap(v, sources.global(std::string(name)), false);
}

void Tracer::onLoadDeref(runtime::Cell* cell, std::string_view name, Value& v) {
    if (!active || v.isNull()) return;
    for (size_t i = 0; i < root_->closure.size(); ++i) {
        if (root_->closure[i].obj() == cell) {
            if (v.isObj() && (dynamic_cast<runtime::Module*>(v.obj()) || dynamic_cast<runtime::Type*>(v.obj()) ||
                              dynamic_cast<runtime::Function*>(v.obj()) || dynamic_cast<CompiledFunction*>(v.obj())))
                return;
            v = wrap(v, sources.closure(std::string(name), static_cast<int>(i)), true);
            return;
        }
    }
}

void Tracer::onGetAttr(const Value& obj, std::string_view name, Value& result) {
    if (!active || !obj.isObj()) return;
    runtime::Object* o = obj.obj();
    if (auto* t = dynamic_cast<torch::TensorObject*>(o)) {
        tensorVar(t);  // reading x.dtype / x.device / x.requires_grad depends on TENSOR_MATCH
        return;
    }
    int src = sourceOf(o);
    if (src < 0) return;
    if (result.isObj() && (dynamic_cast<runtime::BoundMethod*>(result.obj()) || dynamic_cast<runtime::NativeFunction*>(result.obj()) ||
                           dynamic_cast<runtime::Type*>(result.obj()))) {
        if (dynamic_cast<runtime::Instance*>(o)) guardType(src, obj);
        return;
    }
    if (dynamic_cast<runtime::Instance*>(o) && !isModuleInstance(obj)) guardType(src, obj);
    result = wrap(result, sources.attr(src, std::string(name)), false);
}

void Tracer::onGetItem(const Value& container, const Value& key, Value& result) {
    if (!active || !container.isObj()) return;
    runtime::Object* o = container.obj();
    if (dynamic_cast<torch::TensorObject*>(o)) return;
    int src = sourceOf(o);
    if (src < 0) return;
    bool seq = dynamic_cast<runtime::List*>(o) || dynamic_cast<runtime::Tuple*>(o);
    if (seq) guardSequence(src, container);
    Value k = concreteValue(key);
    if (k.isInt()) {
        int64_t idx = k.asInt();
        if (seq && idx < 0) idx += container.obj()->len();
        result = wrap(result, sources.item(src, Value::integer(idx), std::to_string(idx)), false);
        return;
    }
    if (auto* s = dynamic_cast<runtime::Str*>(k.obj())) {
        result = wrap(result, sources.item(src, k, s->repr()), false);
        return;
    }
    if (auto* sl = dynamic_cast<runtime::Slice*>(k.obj()); sl && seq) {
        // A slice of a tracked list: its elements keep their sources (xs[1:] -> L['xs'][1], ...).
        int64_t start, stop, step, len;
        sl->indices(container.obj()->len(), start, stop, step, len);
        std::vector<Value>* items = nullptr;
        if (auto* l = dynamic_cast<runtime::List*>(result.obj())) items = &l->items;
        else if (auto* t = dynamic_cast<runtime::Tuple*>(result.obj())) items = &t->items;
        if (!items) return;
        for (int64_t i = 0; i < len && static_cast<size_t>(i) < items->size(); ++i) {
            int64_t j = start + i * step;
            Value& it = (*items)[static_cast<size_t>(i)];
            it = wrap(it, sources.item(src, Value::integer(j), std::to_string(j)), false);
        }
    }
}

void Tracer::onIterate(const Value& container) {
    if (!active || !container.isObj()) return;
    int src = sourceOf(container.obj());
    if (src < 0) return;
    guardSequence(src, container);
    std::vector<Value>* items = nullptr;
    if (auto* l = dynamic_cast<runtime::List*>(container.obj())) items = &l->items;
    else if (auto* t = dynamic_cast<runtime::Tuple*>(container.obj())) items = &t->items;
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const Value& it = (*items)[i];
        if (it.isObj() && !dynamic_cast<TrackedScalar*>(it.obj()))
            wrap(it, sources.item(src, Value::integer(static_cast<int64_t>(i)), std::to_string(i)), false);
    }
}

void Tracer::onLen(const Value& container) {
    if (!active || !container.isObj()) return;
    int src = sourceOf(container.obj());
    if (src >= 0) guardSequence(src, container);
}

void Tracer::onFunctionEnter(runtime::Function* fn) {
    if (!active) return;
    int src = sourceOf(fn);
    if (src < 0 || contains(guardedSources_, src)) return;
    guardedSources_.push_back(src);
    GuardCheck c;
    c.kind = GuardKind::IdMatch;
    c.constant = Value(fn);
    c.code = "___check_obj_id(" + sources[src].text + ", " + std::to_string(objectId(fn)) + ")";
    addGuard(std::move(c), src);
}

// ---------------------------------------------------------------------------------------------
// Scalars

Value Tracer::useScalar(TrackedScalar* s) {
    if (s->kind == TrackedScalar::Kind::SymInt) {
        // Using a SymInt as a plain int specializes it (guard_int): `L['n'] == 5`.
        shapeEnv.evaluate(RelOp::Eq, s->sym, SymExpr::constant(s->value.asInt()), where(), &dynamicLog);
        return s->value;
    }
    if (s->source >= 0 && !contains(guardedSources_, s->source)) {
        guardedSources_.push_back(s->source);
        GuardCheck c;
        c.kind = s->kind == TrackedScalar::Kind::Bool ? GuardKind::BoolMatch : GuardKind::EqualsMatch;
        c.constant = s->value;
        c.code = sources[s->source].text + " == " + pyRepr(s->value);
        addGuard(std::move(c), s->source);
    }
    return s->value;
}

SymPtr Tracer::symOf(const Value& v) {
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        if (s->kind == TrackedScalar::Kind::SymInt) return s->sym;
        if (s->kind == TrackedScalar::Kind::Float) return nullptr;
        return SymExpr::constant(useScalar(s).asInt());
    }
    if (v.isInt()) return SymExpr::constant(v.asInt());
    return nullptr;
}

Value Tracer::symBinary(runtime::BinOpKind op, const SymPtr& a, const SymPtr& b) {
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
    GraphNode n;
    n.kind = GraphNode::Kind::SymArith;
    n.target = target;
    n.name = nodeName(std::string(target).substr(9));
    n.segment = segment_;
    n.line = where().line;
    ArgTemplate ta, tb;
    ta.kind = tb.kind = ArgTemplate::Kind::Sym;
    ta.sym = a;
    tb.sym = b;
    n.args = {ta, tb};
    graph.nodes.push_back(std::move(n));
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(r)), -1, r);
}

Value Tracer::symCompare(runtime::CmpOpKind op, const SymPtr& a, const SymPtr& b) {
    RelOp r;
    switch (op) {
    case runtime::CmpOpKind::Eq: r = RelOp::Eq; break;
    case runtime::CmpOpKind::NotEq: r = RelOp::Ne; break;
    case runtime::CmpOpKind::Lt: r = RelOp::Lt; break;
    case runtime::CmpOpKind::LtE: r = RelOp::Le; break;
    case runtime::CmpOpKind::Gt: r = RelOp::Gt; break;
    case runtime::CmpOpKind::GtE: r = RelOp::Ge; break;
    default: return {};
    }
    return Value::boolean(shapeEnv.evaluate(r, a, b, where(), &dynamicLog));
}

void Tracer::graphBreak(const std::string& reason) {
    graphBreakReasons.push_back(reason);
    if (fullgraph_) throw GraphBreakError{reason};
    graph.hasGraphBreak = true;
    bool nonEmpty = std::any_of(graph.nodes.begin(), graph.nodes.end(), [&](const GraphNode& n) { return n.segment == segment_; });
    if (nonEmpty) {
        ++segment_;
        graph.segments = segment_ + 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Tensors

Tracer::TVar& Tracer::tensorVar(torch::TensorObject* t) {
    auto it = tensors_.find(t);
    if (it != tensors_.end()) return it->second;
    TVar var;
    var.keep = Value(t);
    int src = sourceOf(t);
    var.source = src;
    auto& ref = tensors_.emplace(t, std::move(var)).first->second;
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

void Tracer::realizeInput(torch::TensorObject* t, int src, TVar& var) {
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
    tm.requiresGrad = x.requiresGrad();
    bool anyDynamic = false;
    for (size_t i = 0; i < sizes.size(); ++i) {
        int64_t d = static_cast<int64_t>(i);
        DimKind k = DimKind::Static;
        if (!alwaysStatic) {
            bool automatic = config_.automaticDynamicShapes() && frameState_.isDynamic(source.text, static_cast<int>(i));
            bool markStatic = contains(t->staticIndices, d);
            if (contains(t->unbackedIndices, d)) k = DimKind::Unbacked;
            else if (contains(t->dynamicIndices, d) || (automatic && !markStatic) || contains(t->weakDynamicIndices, d))
                k = (automatic && config_.automaticDynamicShapesMarkAs() == "unbacked") ? DimKind::Unbacked : DimKind::Dynamic;
            else if (config_.assumeStaticByDefault() || markStatic) k = DimKind::Static;
            else k = config_.useDuckShape() ? DimKind::Duck : DimKind::Dynamic;
        }
        size_t before = shapeEnv.slots().size();
        std::string dimSource = source.text + ".size()[" + std::to_string(i) + "]";
        size_t logBefore = dynamicLog.size();
        SymPtr s = shapeEnv.createSize(dimSource, sizes[i], k, p, &dynamicLog);
        noteSlots(src, static_cast<int>(i));
        if (shapeEnv.slots().size() > before) {
            const SymbolSlot& slot = shapeEnv.slots().back();
            shapeEvents.push_back({slot.duck ? session::ShapeEventKind::DuckSizing : session::ShapeEventKind::CreateSymbol, "",
                                   -1, slot.name, source.text, static_cast<int>(i), sizes[i],
                                   slot.unbacked ? "[0, int_oo]" : "[2, int_oo]", "",
                                   dynamicLog.size() > logBefore ? dynamicLog.back() : "", p.line});
            if (!slot.duck && !slot.unbacked) graph.symInputs.push_back(s->symbol);
        } else if (k != DimKind::Static && s->isConst()) {
            shapeEvents.push_back({session::ShapeEventKind::Specialization, "", -1, "", source.text, static_cast<int>(i),
                                   sizes[i], "", "", dimSource + " specialized to " + std::to_string(sizes[i]) + " (0/1 specialization)",
                                   p.line});
        }
        var.sizes.push_back(s);
        tm.sizes.push_back(s->isConst() ? std::optional<int64_t>(s->value) : std::nullopt);
        if (!s->isConst()) anyDynamic = true;
    }
    // A stride is static when every size it is made of is static.
    for (size_t i = 0; i < sizes.size(); ++i) {
        bool ok = true;
        for (size_t j = i + 1; j < sizes.size(); ++j)
            if (!tm.sizes[j]) ok = false;
        tm.strides.push_back(ok ? std::optional<int64_t>(strides[i]) : std::nullopt);
    }
    (void)anyDynamic;
    std::string typeName = t->isParameter() ? "Parameter" : "Tensor";
    tm.code = "check_tensor(" + source.text + ", " + typeName +
              ", DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), " + std::string(tensor::dtypeReprName(x.dtype())) +
              ", device=" + (x.device().isCpu() ? std::string("None") : std::to_string(x.device().index())) +
              ", requires_grad=" + (x.requiresGrad() ? "True" : "False") + ", size=" + sizeList(tm.sizes) +
              ", stride=" + sizeList(tm.strides) + ")";
    addGuard(std::move(tm), src);
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
        addGuard(std::move(dg), src);
    }
    if (!(t->isParameter() && config_.skipNoTensorAliasingGuardsOnParameters())) aliasGroup_.push_back(src);
    var.ref.kind = ArgTemplate::Kind::Source;
    var.ref.index = src;
    graph.inputSources.push_back(src);
}

ArgTemplate Tracer::convertArg(const Value& v, Value& real) {
    ArgTemplate t;
    real = v;
    if (auto* to = torch::asTensorObject(v)) {
        return tensorVar(to).ref;
    }
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        if (s->kind == TrackedScalar::Kind::SymInt) {
            t.kind = ArgTemplate::Kind::Sym;
            t.sym = s->sym;
            real = s->value;
            return t;
        }
        real = useScalar(s);
        t.constant = real;
        return t;
    }
    auto* tup = dynamic_cast<runtime::Tuple*>(v.obj());
    auto* lst = dynamic_cast<runtime::List*>(v.obj());
    if (tup || lst) {
        const auto& items = tup ? tup->items : lst->items;
        t.kind = tup ? ArgTemplate::Kind::Tuple : ArgTemplate::Kind::List;
        std::vector<Value> reals;
        bool changed = false;
        for (const auto& it : items) {
            Value r;
            t.items.push_back(convertArg(it, r));
            changed |= !r.is(it);
            reals.push_back(std::move(r));
        }
        bool constant = std::all_of(t.items.begin(), t.items.end(), [](const ArgTemplate& a) { return a.kind == ArgTemplate::Kind::Const; });
        if (changed) real = tup ? interp_.newTuple(std::move(reals)) : interp_.newList(std::move(reals));
        if (constant) {
            t.kind = ArgTemplate::Kind::Const;
            t.items.clear();
            t.constant = real;
        }
        return t;
    }
    t.constant = v;
    return t;
}

std::string Tracer::nodeName(const std::string& target) {
    std::string base = target;
    size_t dot = base.rfind('.');
    if (dot != std::string::npos) base = base.substr(dot + 1);
    int& n = nameCounts_[base];
    std::string name = n == 0 ? base : base + "_" + std::to_string(n);
    ++n;
    return name;
}

std::vector<SymPtr> Tracer::outputSizes(const torch::OpDef& def, const std::vector<Value>& realArgs, const Value& result,
                                        const tensor::Tensor& out) {
    (void)result;
    std::vector<std::vector<SymPtr>> ins;
    std::vector<SymPtr> pool;
    for (const auto& a : realArgs) {
        if (auto* to = torch::asTensorObject(a)) {
            auto it = tensors_.find(to);
            if (it != tensors_.end()) ins.push_back(it->second.sizes);
        }
    }
    Provenance p = where();
    auto matchByValue = [&](std::vector<SymPtr> candidates) {
        std::vector<SymPtr> res;
        for (int64_t s : out.sizes()) {
            SymPtr found;
            if (s >= 2)
                for (const auto& c : candidates) {
                    SymPtr cs = shapeEnv.simplify(c);
                    if (!cs->isConst() && shapeEnv.hint(cs) == s) {
                        found = cs;
                        break;
                    }
                }
            res.push_back(found ? found : SymExpr::constant(s));
        }
        return res;
    };
    if (def.shape == torch::ShapeRule::Elementwise && !ins.empty()) {
        size_t rank = 0;
        for (const auto& v : ins) rank = std::max(rank, v.size());
        std::vector<SymPtr> res(rank);
        for (size_t k = 0; k < rank; ++k) {
            SymPtr cur;
            for (const auto& v : ins) {
                if (k >= rank - v.size() + 0 && k + v.size() >= rank) {
                    SymPtr d = shapeEnv.simplify(v[k - (rank - v.size())]);
                    if (d->isConst() && d->value == 1) continue;
                    if (!cur) cur = d;
                    else if (!(cur->isConst() && d->isConst())) {
                        shapeEnv.unify(cur, d, p, &dynamicLog);
                        cur = shapeEnv.simplify(cur);
                    }
                }
            }
            res[k] = cur ? shapeEnv.simplify(cur) : SymExpr::constant(1);
        }
        if (res.size() == static_cast<size_t>(out.dim())) {
            for (size_t k = 0; k < res.size(); ++k)
                if (shapeEnv.hint(res[k]) != out.sizes()[k]) res[k] = SymExpr::constant(out.sizes()[k]);
            return res;
        }
    }
    if (def.shape == torch::ShapeRule::Matmul && ins.size() >= 2 && !ins[0].empty() && !ins[1].empty()) {
        const auto& a = ins[0];
        const auto& b = ins[1];
        SymPtr ka = a.back();
        bool linear = def.name.find("linear") != std::string::npos;
        SymPtr kb = linear ? b.back() : (b.size() >= 2 ? b[b.size() - 2] : b.back());
        shapeEnv.unify(ka, kb, p, &dynamicLog);
    }
    for (const auto& v : ins)
        for (const auto& s : v) pool.push_back(s);
    for (const auto& a : realArgs)
        if (auto* s = dynamic_cast<TrackedScalar*>(a.obj()); s && s->kind == TrackedScalar::Kind::SymInt) pool.insert(pool.begin(), s->sym);
    return matchByValue(pool);
}

void Tracer::registerOutput(const Value& v, int node, const torch::OpDef& def, const std::vector<Value>& realArgs) {
    if (auto* to = torch::asTensorObject(v)) {
        if (def.inplace && tensors_.count(to)) return;  // same object, same graph value
        TVar var;
        var.keep = v;
        var.ref.kind = ArgTemplate::Kind::Node;
        var.ref.index = node;
        var.sizes = outputSizes(def, realArgs, v, to->tensor);
        std::string shape = "[";
        for (size_t i = 0; i < var.sizes.size(); ++i) shape += (i ? ", " : "") + shapeEnv.symbolText(var.sizes[i]);
        graph.nodes[static_cast<size_t>(node)].shape = shape + "]";
        graph.nodes[static_cast<size_t>(node)].dtype = std::string(tensor::dtypeName(to->tensor.dtype()));
        tensors_[to] = std::move(var);
        return;
    }
    std::vector<Value>* items = nullptr;
    if (auto* t = dynamic_cast<runtime::Tuple*>(v.obj())) items = &t->items;
    else if (auto* l = dynamic_cast<runtime::List*>(v.obj())) items = &l->items;
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        if (!torch::asTensorObject((*items)[i])) continue;
        GraphNode g;
        g.kind = GraphNode::Kind::GetItem;
        g.from = node;
        g.item = static_cast<int>(i);
        g.target = "operator.getitem";
        g.name = nodeName("getitem");
        g.segment = segment_;
        g.line = where().line;
        graph.nodes.push_back(std::move(g));
        torch::OpDef generic = def;
        generic.inplace = false;
        generic.shape = torch::ShapeRule::Generic;
        registerOutput((*items)[i], static_cast<int>(graph.nodes.size()) - 1, generic, realArgs);
    }
}

Value Tracer::call(int opIndex, const runtime::CallArgs& args) {
    if (!active) return ctx_.runImpl(opIndex, args);
    const torch::OpDef& def = ctx_.ops[static_cast<size_t>(opIndex)];
    GraphNode node;
    node.op = opIndex;
    node.target = def.target;
    node.isMethod = def.isMethod;
    node.segment = segment_;
    node.line = where().line;
    std::vector<Value> real(args.pos.size());
    for (size_t i = 0; i < args.pos.size(); ++i) node.args.push_back(convertArg(args.pos[i], real[i]));
    std::vector<Value> kwVals(args.kw.size());
    std::vector<runtime::KwArg> kws;
    for (size_t i = 0; i < args.kw.size(); ++i) {
        node.kwargs.emplace_back(Value(args.kw[i].name), convertArg(args.kw[i].value, kwVals[i]));
        kws.push_back({args.kw[i].name, kwVals[i]});
    }
    if (def.shape == torch::ShapeRule::NoTensorOut) graphBreak(def.target + " returns data to Python");
    runtime::CallArgs realArgs{std::span<const Value>(real), std::span<const runtime::KwArg>(kws)};
    Value result = ctx_.runImpl(opIndex, realArgs);
    if (def.shape == torch::ShapeRule::NoTensorOut) return result;
    node.name = nodeName(def.target);
    graph.nodes.push_back(std::move(node));
    registerOutput(result, static_cast<int>(graph.nodes.size()) - 1, def, real);
    return result;
}

Value Tracer::sizeAt(const Value& t, int64_t d) {
    auto* to = torch::asTensorObject(t);
    if (!active || !to) return torch::OpDispatcher::sizeAt(t, d);
    TVar& var = tensorVar(to);
    SymPtr s = shapeEnv.simplify(var.sizes[static_cast<size_t>(d)]);
    if (s->isConst()) return Value::integer(s->value);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(s)), -1, s);
}

Value Tracer::strideAt(const Value& t, int64_t d) {
    auto* to = torch::asTensorObject(t);
    if (active && to) tensorVar(to);
    return torch::OpDispatcher::strideAt(t, d);
}

Value Tracer::numel(const Value& t) {
    auto* to = torch::asTensorObject(t);
    if (!active || !to) return torch::OpDispatcher::numel(t);
    TVar& var = tensorVar(to);
    SymPtr n = SymExpr::constant(1);
    for (const auto& s : var.sizes) n = SymExpr::mul(n, shapeEnv.simplify(s));
    if (n->isConst()) return Value::integer(n->value);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(shapeEnv.hint(n)), -1, n);
}

bool Tracer::truth(const Value& t) {
    if (active) {
        if (auto* to = torch::asTensorObject(t)) tensorVar(to);
        graphBreak("data-dependent branching on a tensor (Tensor.__bool__)");
    }
    return torch::OpDispatcher::truth(t);
}

Value Tracer::item(const Value& t) {
    if (active) {
        if (auto* to = torch::asTensorObject(t)) tensorVar(to);
        graphBreak("Tensor.item() (set torch._dynamo.config.capture_scalar_outputs = True to keep it in the graph)");
    }
    return torch::OpDispatcher::item(t);
}

// ---------------------------------------------------------------------------------------------
// Results

ArgTemplate Tracer::outputTemplate(const Value& v, Value& plain) {
    ArgTemplate t;
    plain = v;
    if (auto* to = torch::asTensorObject(v)) {
        auto it = tensors_.find(to);
        if (it != tensors_.end()) return it->second.ref;
        int src = sourceOf(to);
        if (src >= 0) {
            t.kind = ArgTemplate::Kind::Source;
            t.index = src;
            return t;
        }
        t.constant = v;
        return t;
    }
    if (auto* s = dynamic_cast<TrackedScalar*>(v.obj())) {
        plain = s->value;
        if (s->kind == TrackedScalar::Kind::SymInt) {
            t.kind = ArgTemplate::Kind::Sym;
            t.sym = s->sym;
            return t;
        }
        if (s->source >= 0) {
            t.kind = ArgTemplate::Kind::Source;
            t.index = s->source;
            return t;
        }
        t.constant = s->value;
        return t;
    }
    auto* tup = dynamic_cast<runtime::Tuple*>(v.obj());
    auto* lst = dynamic_cast<runtime::List*>(v.obj());
    if ((tup || lst) && sourceOf(v.obj()) < 0) {
        t.kind = tup ? ArgTemplate::Kind::Tuple : ArgTemplate::Kind::List;
        std::vector<Value> plains;
        for (const auto& it : tup ? tup->items : lst->items) {
            Value p;
            t.items.push_back(outputTemplate(it, p));
            plains.push_back(std::move(p));
        }
        plain = tup ? interp_.newTuple(std::move(plains)) : interp_.newList(std::move(plains));
        return t;
    }
    if (auto* d = dynamic_cast<runtime::Dict*>(v.obj()); d && sourceOf(d) < 0) {
        t.kind = ArgTemplate::Kind::Dict;
        auto out = interp_.newDict();
        for (const auto& k : d->keys()) {
            Value p;
            ArgTemplate kt;
            kt.constant = k;
            t.items.push_back(kt);
            t.items.push_back(outputTemplate(d->get(k), p));
            out->set(k, p);
        }
        plain = Value(out.get());
        return t;
    }
    int src = v.isObj() ? sourceOf(v.obj()) : -1;
    if (src >= 0) {
        t.kind = ArgTemplate::Kind::Source;
        t.index = src;
        return t;
    }
    t.constant = v;
    return t;
}

Value Tracer::finish(const Value& result) {
    Value plain;
    graph.output = outputTemplate(result, plain);
    return plain;
}

GuardSet Tracer::buildGuards(const std::string& funcName) {
    (void)funcName;
    GuardSet gs;
    auto& tree = gs.tree;
    tree.push_back({0, -1, "RootGuardManager", "", "", "", "", 0});
    auto leaf = [&](int parent, const std::string& kind, const std::string& source, const std::string& code,
                    const Provenance& p) {
        session::Guard g{static_cast<int>(tree.size()), parent, kind, source, code, p.userCode, p.file, p.line};
        tree.push_back(g);
        return g.id;
    };
    // Ambient guards (dynamo-semantics §1.3).
    GuardCheck dd;
    dd.kind = GuardKind::DefaultDevice;
    dd.code = "utils_device.CURRENT_DEVICE == None";
    dd.sessionGuard = leaf(0, "DEFAULT_DEVICE", "", dd.code, {});
    gs.checks.push_back(dd);
    GuardCheck glob;
    glob.kind = GuardKind::GlobalState;
    glob.global = currentGlobalState();
    glob.code = std::string("___check_global_state() against {\"default_dtype\":\"") + std::string(tensor::dtypeReprName(glob.global.defaultDtype)) +
                "\",\"grad_mode\":" + (glob.global.gradMode ? "true" : "false") + "}";
    glob.sessionGuard = leaf(0, "GLOBAL_STATE", "", glob.code, {});
    gs.checks.push_back(glob);
    // Per-source managers in first-access order; a source's leaves, then its children.
    std::vector<std::vector<int>> children(static_cast<size_t>(sources.size()));
    std::vector<int> roots;
    for (int i = 0; i < sources.size(); ++i) (sources[i].parent < 0 ? roots : children[static_cast<size_t>(sources[i].parent)]).push_back(i);
    std::vector<bool> used(static_cast<size_t>(sources.size()), false);
    for (const auto& g : guards_) {
        int s = g.check.source;
        while (s >= 0) {
            used[static_cast<size_t>(s)] = true;
            s = sources[s].parent;
        }
    }
    for (int s : aliasGroup_) used[static_cast<size_t>(s)] = true;
    std::vector<int> aliasSeenOrder;
    bool aliasing = aliasGroup_.size() >= 2;
    int aliasNode = -1;
    std::function<void(int, int)> visit = [&](int s, int parentNode) {
        if (!used[static_cast<size_t>(s)]) return;
        const Source& src = sources[s];
        std::string accessor;
        switch (src.kind) {
        case Source::Kind::Local: accessor = "FrameLocalsGuardAccessor(key='" + src.name + "', framelocals_idx=" + std::to_string(src.slot) + ")"; break;
        case Source::Kind::Closure: accessor = "FrameLocalsGuardAccessor(key='" + src.name + "', framelocals_idx=" + std::to_string(root_->code->nlocals + src.slot) + ")"; break;
        case Source::Kind::Global: accessor = "DictGetItemGuardAccessor('" + src.name + "')"; break;
        case Source::Kind::Attr: accessor = "GetAttrGuardAccessor(" + src.name + ")"; break;
        case Source::Kind::Item: accessor = (src.key.isInt() ? "ListGetItemGuardAccessor(" : "DictGetItemGuardAccessor(") + pyRepr(src.key) + ")"; break;
        }
        int node = static_cast<int>(tree.size());
        tree.push_back({node, parentNode, "GuardManager", src.text, "source=" + src.text + ", accessed_by=" + accessor, "", "", 0});
        for (const auto& g : guards_) {
            if (g.check.source != s) continue;
            GuardCheck c = g.check;
            c.sessionGuard = leaf(node, guardKindName(c.kind), src.text, c.code, g.where);
            gs.checks.push_back(std::move(c));
        }
        if (aliasing && contains(aliasGroup_, s)) {
            GuardCheck c;
            c.kind = GuardKind::NoTensorAliasing;
            c.source = s;
            c.sessionGuard = -2;  // patched below to the root-level node
            gs.checks.push_back(c);
        }
        for (int ch : children[static_cast<size_t>(s)]) visit(ch, node);
    };
    for (int r : roots) visit(r, 0);
    if (aliasing) {
        std::string list;
        for (size_t i = 0; i < aliasGroup_.size(); ++i) list += (i ? ", " : "") + sources[aliasGroup_[i]].text;
        aliasNode = leaf(0, "NO_TENSOR_ALIASING", "", "check_no_aliasing(" + list + ")", {});
        for (auto& c : gs.checks)
            if (c.sessionGuard == -2) c.sessionGuard = aliasNode;
    }
    gs.shapeGuards = shapeEnv.produceGuards();
    for (size_t i = 0; i < gs.shapeGuards.size(); ++i) {
        GuardCheck c;
        c.kind = GuardKind::ShapeEnv;
        c.shapeGuard = static_cast<int>(i);
        c.code = gs.shapeGuards[i].code;
        c.verbose = gs.shapeGuards[i].verbose;
        const SymbolSlot* first = nullptr;
        for (const auto& s : shapeEnv.slots())
            if (gs.shapeGuards[i].code.find(s.source) != std::string::npos) {
                first = &s;
                break;
            }
        c.sessionGuard = leaf(0, "LAMBDA_GUARD", "", c.code, first ? first->firstUse : Provenance{});
        gs.checks.push_back(std::move(c));
    }
    gs.symbols = slotBindings;
    return gs;
}

} // namespace gs::engine
