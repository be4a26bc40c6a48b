#include "core/engine/Tracer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

#include "core/engine/Engine.h"
#include "core/runtime/Complex.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/runtime/Evaluator.h"

namespace gs::engine {

using runtime::Value;

namespace {

bool isModuleInstance(const Value& v) {
    auto* inst = dynamic_cast<runtime::Instance*>(v.obj());
    return inst && inst->dict && !inst->dict->getStr("_modules").isNull();
}

} // namespace

Tracer::Tracer(Engine& engine, runtime::Function* root, FrameState& frameState, const DynamoConfig& config, bool fullgraph)
    : engine_(engine), ctx_(engine.ctx), interp_(engine.interp), root_(root), frameState_(frameState), config_(config),
      fullgraph_(fullgraph), guards_(sources, engine.interp), recorder_(*this, graph, engine.ctx, engine.interp) {
    shapeEnv.hashedNames = engine.options.release.hashedSymbolNames();
    shapeEnv.guardLimitBeforeSpecialize = config.symbolGuardLimitBeforeSpecialize();
    traceSource_ = engine.artifactEnabledNow("trace_source");
    shapeEnv.onDataDependent = [this](const std::string& why) { graphBreak(why); };
}

void Tracer::onStatement() {
    // TORCH_LOGS=trace_source: each user line the trace reaches, once per change of line
    // (symbolic_convert.py starts_line: "TRACE starts_line FILE:LINE in FN" and the line).
    if (!active || !traceSource_) return;
    Provenance p = where();
    if (p.empty() || (p.line == lastLine_.line && p.file == lastLine_.file && p.function == lastLine_.function)) return;
    traceSourceLog.push_back("TRACE starts_line " + p.file + ":" + std::to_string(p.line) + " in " + p.function + "\n    " + p.userCode);
    lastLine_ = std::move(p);
}

Tracer::~Tracer() = default;

std::vector<std::string> Tracer::symbolNames() const {
    std::vector<std::string> out;
    for (const auto& s : shapeEnv.slots()) out.push_back(s.name);
    return out;
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
        // type(P) of an instance of a user class: where its special methods are looked up.
        if (v.dyn<runtime::Instance>() && !trustedType(o->type()) && !typeSources_.count(o->type()))
            typeSources_.emplace(o->type(), TypeSource{source, v});
        return;
    }
    if (it->second == source) return;
    // One list, dict or object under two sources: what the trace read through one of them is
    // attributed to the first, so both must keep naming one object (OBJECT_ALIASING; PyTorch's
    // object aliasing relation guard). Functions (guarded per source by their code) and classes
    // (by identity) need none; nor do an nn.Module's `P.name` and `P._modules['name']`.
    if ((v.dyn<runtime::Instance>() || v.dyn<runtime::List>() || v.dyn<runtime::Dict>()) && !isModuleAlias(it->second, source)) {
        GuardCheck c;
        c.kind = GuardKind::ObjectAliasing;
        c.source2 = it->second;
        c.code = sources[it->second].text + " is " + sources[source].text;
        guards_.add(std::move(c), source, where());
        return;
    }
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
        guards_.add(std::move(c), source, where());
    }
}

Value Tracer::wrap(const Value& v, int source, bool rootLocal) {
    switch (v.tag()) {
    case runtime::Tag::Bool: return makeScalar(TrackedScalar::Kind::Bool, v, source);
    case runtime::Tag::Int: return wrapInt(v, source, rootLocal);
    case runtime::Tag::Float: return wrapFloat(v, source, rootLocal);
    case runtime::Tag::None: {
        if (guards_.claimValueGuard(source)) {
            GuardCheck c;
            c.kind = GuardKind::NoneMatch;
            c.code = sources[source].text + " is None";
            guards_.add(std::move(c), source, where());
        }
        return v;
    }
    case runtime::Tag::Null: return v;
    case runtime::Tag::Obj: break;
    }
    runtime::Object* o = v.obj();
    if (dynamic_cast<TrackedScalar*>(o)) return v;
    runtime::ComplexObject* cx = runtime::complex::of(v);
    if (cx || runtime::numbers::bigOf(v)) {
        // An int past int64 cannot be a SymInt (symbols hold int64 hints), and a complex is
        // never unspecialized: both are constants of the graph, guarded by value (EQUALS_MATCH).
        // A complex compares bitwise per component, so one with a NaN component (NaN != NaN)
        // still matches only itself: the other component is checked too (COMPLEX_IS_NAN).
        if (guards_.claimValueGuard(source)) {
            GuardCheck c;
            c.kind = GuardKind::EqualsMatch;
            c.constant = v;
            const std::string& s = sources[source].text;
            c.code = s + " == " + runtime::ops::repr(v);
            if (cx && (std::isnan(cx->re) || std::isnan(cx->im))) {
                char bits[80];
                std::snprintf(bits, sizeof bits, "(0x%016llX, 0x%016llX)",
                              static_cast<unsigned long long>(std::bit_cast<uint64_t>(cx->re)),
                              static_cast<unsigned long long>(std::bit_cast<uint64_t>(cx->im)));
                c.code = "__complex_isnan(" + s + ") and ___complex_bits(" + s + ") == " + bits;
            }
            guards_.add(std::move(c), source, where());
        }
        return v;
    }
    if (dynamic_cast<runtime::Str*>(o)) {
        // Guarded (EQUALS_MATCH) when an operation uses it, not now (dynamo-semantics §3.11).
        auto& pending = pendingStrings_[o];
        if (pending.sources.empty() && pending.formatted.empty()) keepAlive_.push_back(v);
        if (std::find(pending.sources.begin(), pending.sources.end(), source) == pending.sources.end())
            pending.sources.push_back(source);
        return v;
    }
    if (auto* t = dynamic_cast<runtime::Type*>(o)) {
        if (!trustedType(t)) {
            registerObject(v, source);
            guards_.guardIdentity(source, v, where());  // CLASS_MATCH
        }
        return v;
    }
    if (auto* m = dynamic_cast<runtime::Module*>(o)) {
        if (core(interp_).sourceModuleFile(m->name).isNull() && m->name.rfind("torch", 0) != 0) registerObject(v, source);
        return v;
    }
    // inline_inbuilt_nn_modules=False: a module reached through a source is specialized
    // (NNModuleVariable) and guarded by identity (NN_MODULE = ID_MATCH), so another instance of
    // the same class compiles again; a module whose `forward` was set on the instance stays
    // unspecialized (is_dynamic_nn_module). Its attributes stay guarded by what was read, which
    // is how we model PyTorch's mutation tracking of specialized modules.
    if (!config_.inlineInbuiltNnModules() && dynamic_cast<runtime::Instance*>(o) && isModuleInstance(v)) {
        auto* inst = static_cast<runtime::Instance*>(o);
        if (inst->dict->getStr("forward").isNull()) {
            registerObject(v, source);
            guards_.guardIdentity(source, v, where());
            return v;
        }
    }
    if (torch::asTensorObject(v) || dynamic_cast<runtime::Instance*>(o) || dynamic_cast<runtime::List*>(o) ||
        dynamic_cast<runtime::Tuple*>(o) || dynamic_cast<runtime::Dict*>(o) || dynamic_cast<runtime::Function*>(o) ||
        dynamic_cast<runtime::BoundMethod*>(o) || dynamic_cast<runtime::SetObject*>(o))
        registerObject(v, source);
    return v;
}

// The call the trace makes, from the slots bindArguments filled: every parameter is a local of
// the frame (L['x']), those the call left to their defaults too (L['conds']): tracked and guarded
// by what the trace reads. Functions made by one `def` share a code object, hence a cache, but
// each has its own defaults. Positional parameters are passed by position (they bind to the same
// slots whichever way the call named them), *args item by item (L['args'][0]), keyword-only
// parameters and **kwargs by name (L['kwargs']['k']).
void Tracer::wrapArguments(const std::vector<Value>& slots, const std::vector<bool>& fromDefault, std::vector<Value>& pos,
                           std::vector<runtime::KwArg>& kw) {
    const runtime::CodeInfo* code = root_->code;
    const size_t nargs = static_cast<size_t>(code->nargs);
    pos.clear();
    kw.clear();
    auto local = [&](size_t i) { return sources.local(code->localNames[i], static_cast<int>(i)); };
    for (size_t i = 0; i < nargs; ++i) pos.push_back(wrap(slots[i], local(i), !fromDefault[i]));
    if (code->varargSlot >= 0) {
        const auto vs = static_cast<size_t>(code->varargSlot);
        const int src = local(vs);
        const auto& rest = static_cast<runtime::Tuple*>(slots[vs].obj())->items;
        for (size_t j = 0; j < rest.size(); ++j)
            pos.push_back(wrap(rest[j], sources.item(src, Value::integer(static_cast<int64_t>(j)), std::to_string(j)), true));
    }
    const size_t kwStart = nargs + (code->varargSlot >= 0 ? 1 : 0);
    for (int k = 0; k < code->nkwonly; ++k) {
        const size_t i = kwStart + static_cast<size_t>(k);
        kw.push_back({code->paramNames[i], wrap(slots[i], local(i), !fromDefault[i])});
    }
    if (code->kwargSlot >= 0) {
        const auto ks = static_cast<size_t>(code->kwargSlot);
        const int src = local(ks);
        for (const auto& e : static_cast<runtime::Dict*>(slots[ks].obj())->entries()) {
            if (e.key.isNull()) continue;
            auto* name = static_cast<runtime::Str*>(e.key.obj());
            // (the quoted key is appended, not concatenated: GCC 12 reports a false -Wrestrict for
            // "'" + std::string(...) here, GCC bug 105329)
            std::string quoted = "'";
            quoted.append(name->view()).append("'");
            kw.push_back({name, wrap(e.value, sources.item(src, e.key, quoted), true)});
        }
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
        } else if (name == "id") {
            // id(x) makes the trace depend on which object x is: ID_MATCH on x's source.
            if (idWrapper_.isNull()) {
                Value realId = v;
                std::weak_ptr<Tracer> self = weak_from_this();
                idWrapper_ = interp_.newFunction("id", [self, realId](const runtime::CallArgs& a) {
                    if (auto t = self.lock(); t && t->active && a.pos.size() == 1 && a.pos[0].isObj())
                        if (int src = t->sourceOf(a.pos[0].obj()); src >= 0) t->guards_.guardIdentity(src, a.pos[0], t->where());
                    return runtime::Interpreter::current().call(realId, a);
                });
            }
            v = idWrapper_;
        } else if (name == "max" || name == "min") {
            Value& wrapper = name == "max" ? maxWrapper_ : minWrapper_;
            if (wrapper.isNull()) {
                bool isMax = name == "max";
                std::weak_ptr<Tracer> self = weak_from_this();
                wrapper = interp_.newFunction(std::string(name), [self, real = v, isMax](const runtime::CallArgs& a) {
                    if (auto t = self.lock(); t && t->active)
                        if (Value r = t->symExtreme(isMax, a); !r.isNull()) return r;
                    return runtime::Interpreter::current().call(real, a);
                });
            }
            v = wrapper;
        }
        return;
    }
    if (globals != root_->globals.get()) return;
    notePythonRng(v);
    if (v.isObj() && dynamic_cast<runtime::NativeFunction*>(v.obj())) return;
    int src = sources.global(std::string(name));
    if (v.dyn<CompiledFunction>()) return compiledTarget(src, v);
    v = wrap(v, src, false);
    // A global function is as good as called once read: CLOSURE_MATCH on its code now.
    if (auto* f = v.dyn<runtime::Function>(); f && !trusted(f)) guardFunction(src, v);
}

void Tracer::onLoadDeref(runtime::Cell* cell, std::string_view name, Value& v) {
    if (!active || v.isNull()) return;
    auto wrapCell = [&](int src) {
        if (v.dyn<CompiledFunction>()) return compiledTarget(src, v);
        v = wrap(v, src, true);
        if (auto* f = v.dyn<runtime::Function>(); f && !trusted(f)) guardFunction(src, v);
    };
    for (size_t i = 0; i < root_->closure.size(); ++i)
        if (root_->closure[i].obj() == cell) return wrapCell(sources.closure(std::string(name), static_cast<int>(i)));
    // A free variable of an inlined function: read through the function's source,
    // P.__closure__[i].cell_contents (dynamo-semantics §2.4).
    if (fnStack_.empty()) return;
    runtime::Function* fn = fnStack_.back();
    int fnSrc = sourceOf(fn);
    if (fnSrc < 0) return;
    for (size_t i = 0; i < fn->closure.size(); ++i)
        if (fn->closure[i].obj() == cell) return wrapCell(sources.cellContents(fnSrc, static_cast<int>(i)));
}

// max(a, b, ...) / min(...) of ints where one is a SymInt: PyTorch computes torch.sym_max /
// sym_min, a symbolic Max(3, s0) that nothing guards (builtin.py _call_min_max: a SymNode
// operand makes a torch.sym_max node), where comparing the values here would guard (a
// recompile PyTorch does not make) or, on a value read from data, break the graph. More than
// two operands fold pairwise. With a value read from data (item() under capture_scalar_outputs)
// the result is a new value read from data: that entry re-runs its function on a hit.
Value Tracer::symExtreme(bool isMax, const runtime::CallArgs& a) {
    if (!a.kw.empty() || a.pos.size() < 2) return {};
    bool anySym = false, fromData = false;
    for (const Value& v : a.pos) {
        if (v.isInt()) continue;
        auto* s = v.dyn<TrackedScalar>();
        if (!s || s->kind != TrackedScalar::Kind::SymInt || !s->sym) return {};
        anySym = true;
        fromData = fromData || shapeEnv.mentionsData(s->sym);
    }
    if (!anySym) return {};
    // the hints, read without the guard a plain use of the value would install
    auto hint = [](const Value& v) { return v.isInt() ? v.asInt() : v.dyn<TrackedScalar>()->value.asInt(); };
    SymPtr r = symOf(a.pos[0]);
    int64_t best = hint(a.pos[0]);
    for (size_t i = 1; i < a.pos.size(); ++i) {
        SymPtr next = symOf(a.pos[i]);
        int64_t v = hint(a.pos[i]);
        best = isMax ? std::max(best, v) : std::min(best, v);
        recorder_.addSymArith(isMax ? "torch.sym_max" : "torch.sym_min", r, next);
        r = shapeEnv.simplify(isMax ? SymExpr::maxOf(r, next) : SymExpr::minOf(r, next));
    }
    if (fromData) {
        graph.rerunOnHit = true;
        r = shapeEnv.createFromData(best, &dynamicLog);
        const SymbolSlot& slot = shapeEnv.slots().back();
        shapeEvents.push_back({session::ShapeEventKind::CreateSymbol, "", -1, slot.name, "", -1, best, "[-int_oo, int_oo]", "",
                               dynamicLog.back(), where().line});
    }
    if (r->isConst()) return Value::integer(r->value);
    return makeScalar(TrackedScalar::Kind::SymInt, Value::integer(best), -1, r);
}

// Python's `random` module draws from interpreter state that the graph cannot see: PyTorch
// calls such functions before the graph on every call of the compiled function and feeds the
// values in as inputs (RandomValueSource), so each call gets fresh numbers. An entry whose trace
// drew a Python random number therefore re-runs the function on a hit (as for unspecialized
// floats) instead of replaying the numbers drawn while tracing.
void Tracer::notePythonRng(const Value& v) {
    auto* bm = v.dyn<runtime::BoundMethod>();
    if (!bm || !bm->self.isObj()) return;
    for (const runtime::Type* t : bm->self.obj()->type()->mro())
        if (t->module == "random" && t->name() == "Random") {
            graph.rerunOnHit = true;
            return;
        }
}

void Tracer::onGetAttr(const Value& obj, std::string_view name, Value& result) {
    if (!active || !obj.isObj()) return;
    notePythonRng(result);
    runtime::Object* o = obj.obj();
    if (auto* t = dynamic_cast<torch::TensorObject*>(o)) {
        tensorVar(t);  // reading x.dtype / x.device / x.requires_grad depends on TENSOR_MATCH
        tensorAttribute(t, name, result);
        return;
    }
    if (!pendingStrings_.empty()) commitString(o);  // s.upper(), s.startswith(...)
    if (dynamic_cast<runtime::Super*>(o)) return superAttribute(obj, name, result);
    int src = sourceOf(o);
    if (src < 0) return;
    if (dynamic_cast<runtime::Type*>(o)) return typeAttribute(src, name, result);
    if (dynamic_cast<runtime::Instance*>(o)) {
        if (classAttribute(src, obj, name, result)) return;
        if (!isModuleInstance(obj)) guards_.guardType(src, obj, where());
        // An instance attribute, whatever it holds (a function or a bound method stored on the
        // instance is guarded by its code).
        int attr = sources.attr(src, std::string(name));
        result = wrap(result, attr, false);
        if (auto* bm = result.dyn<runtime::BoundMethod>()) {
            if (sourceOf(bm->self.obj()) < 0 && bm->self.isObj()) wrap(bm->self, sources.attr(attr, "__self__"), false);
            if (runtime::Function* f = bm->func.dyn<runtime::Function>(); f && !trusted(f)) guardFunction(attr, result);
        }
        return;
    }
    if (result.isObj() && (dynamic_cast<runtime::BoundMethod*>(result.obj()) || dynamic_cast<runtime::NativeFunction*>(result.obj()))) {
        // A container's or a builtin's method (list.append, dict.items, ...); d.get(k) reads
        // the item P[k] or finds it absent, guarded as a subscript would be. The methods that
        // change the container are Python side effects on an object that existed before.
        static constexpr std::string_view mutators[] = {"append", "extend", "insert", "pop", "remove", "clear", "update",
                                                        "setdefault", "popitem", "add", "discard", "sort", "reverse"};
        if (std::find(std::begin(mutators), std::end(mutators), name) != std::end(mutators)) onMutate(obj);
        if (name == "get" && dynamic_cast<runtime::Dict*>(o)) result = dictGet(src, obj, result);
        if (dynamic_cast<runtime::Instance*>(o)) guards_.guardType(src, obj, where());
        return;
    }
    int attr = sources.attr(src, std::string(name));
    result = wrap(result, attr, false);
    if (auto* f = result.dyn<runtime::Function>(); f && !trusted(f) && dynamic_cast<runtime::Module*>(o)) guardFunction(attr, result);
}

// What TENSOR_MATCH does not check (dispatch keys, dtype, device, requires_grad, sizes and
// strides are checked): whether the tensor is a leaf, its grad_fn, its .grad tensor and where its
// view starts in its storage. Read from an input tensor, each is read through its own source and
// guarded by what the trace does with it (PyTorch wraps .grad under GradSource with its own
// TENSOR_MATCH). Found by probing: `x + x.storage_offset()` and `if x.is_leaf:` replayed the
// first call's answer for a view starting elsewhere and for a non-leaf tensor.
void Tracer::tensorAttribute(torch::TensorObject* t, std::string_view name, Value& result) {
    int src = sourceOf(t);
    if (src < 0) return;
    if (name == "is_leaf" || name == "grad" || name == "grad_fn") {
        int attr = sources.attr(src, std::string(name));
        result = wrap(result, attr, false);
        // grad_fn: a node or None (None is guarded by wrap); its kind decides what it shows
        if (name == "grad_fn" && result.isObj()) guards_.guardType(attr, result, where());
        return;
    }
    // An attribute the scenario set on the tensor (t.scale = 2): PyTorch reads it through
    // P.name with a HASATTR guard; here the value read is guarded by its use.
    if (t->attrs && !result.isNull() && !t->attrs->get(Value(interp_.intern(name))).isNull()) {
        result = wrap(result, sources.attr(src, std::string(name)), false);
        return;
    }
    if (name == "storage_offset" && result.isObj()) {
        int call = sources.methodCall(src, "storage_offset");
        Value method = result;
        std::weak_ptr<Tracer> self = weak_from_this();
        result = interp_.newFunction("storage_offset", [self, call, method](const runtime::CallArgs& a) {
            Value r = runtime::Interpreter::current().call(method, a);
            auto tr = self.lock();
            if (!tr || !tr->active || !a.pos.empty() || !a.kw.empty() || !r.isInt()) return r;
            return tr->wrap(r, call, false);
        });
    }
}

void Tracer::onGetItem(const Value& container, const Value& key, Value& result) {
    if (!active || !container.isObj()) return;
    runtime::Object* o = container.obj();
    if (!pendingStrings_.empty()) {  // a string used as a key, or indexed
        commitString(o);
        if (key.isObj()) commitString(key.obj());
    }
    if (dynamic_cast<torch::TensorObject*>(o)) return;
    int src = sourceOf(o);
    if (src < 0) return;
    bool seq = dynamic_cast<runtime::List*>(o) || dynamic_cast<runtime::Tuple*>(o);
    if (seq) guards_.guardSequence(src, container, where());
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
    // The items come wrapped from iterateAs (TracerObjects.cpp); the length is guarded here.
    if (!active || !container.isObj()) return;
    if (dynamic_cast<runtime::Dict*>(container.obj())) return;  // keys: DICT_KEYS_MATCH in iterateAs
    int src = sourceOf(container.obj());
    if (src >= 0) guards_.guardSequence(src, container, where());
}

void Tracer::onLen(const Value& container) {
    if (!active || !container.isObj()) return;
    runtime::Object* o = container.obj();
    if (auto* view = dynamic_cast<runtime::DictView*>(o)) o = view->dict.get();
    int src = sourceOf(o);
    if (src >= 0) guards_.guardSequence(src, Value(o), where());
}

void Tracer::onFunctionEnter(runtime::Function* fn) {
    fnStack_.push_back(fn);
    if (!active) return;
    int src = sourceOf(fn);
    if (src < 0) return;
    // Inlined: guarded by its code (CLOSURE_MATCH), not by identity, so every closure of one
    // def shares the entry; the cells and defaults it reads are guarded by value.
    guardFunction(src, Value(fn));
    if (!fn->defaults.empty() || !fn->kwDefaults.empty()) wrapDefaults(fn, src);
}

void Tracer::graphBreak(const std::string& reason) {
    graphBreakReasons.push_back(reason);
    if (fullgraph_) throw GraphBreakError{reason};
    recorder_.breakSegment();
}

// ---------------------------------------------------------------------------------------------
// OpDispatcher: ops are recorded by the graph recorder; sizes are symbolic (TracerSymbols.cpp);
// data-dependent questions break the graph.

Value Tracer::call(int opIndex, const runtime::CallArgs& args) {
    if (!active) return ctx_.runImpl(opIndex, args);
    return recorder_.call(opIndex, args);
}

Value Tracer::strideAt(const Value& t, int64_t d) {
    auto* to = torch::asTensorObject(t);
    if (active && to) tensorVar(to);
    return torch::OpDispatcher::strideAt(t, d);
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
        auto* to = torch::asTensorObject(t);
        if (to) tensorVar(to);
        if (to && config_.captureScalarOutputs()) {
            // capture_scalar_outputs: the number stays symbolic (an unbacked SymInt u0, or a
            // SymFloat) and nothing may guard on it. The graph we record holds the value of
            // this call, so a hit of the entry re-runs the function (exact, like the random
            // module and unspecialized floats); guards that would read it break the graph.
            Value v = torch::OpDispatcher::item(t);
            if (v.isInt()) {
                graph.rerunOnHit = true;
                SymPtr s = shapeEnv.createFromData(v.asInt(), &dynamicLog);
                const SymbolSlot& slot = shapeEnv.slots().back();
                shapeEvents.push_back({session::ShapeEventKind::CreateSymbol, "", -1, slot.name, "", -1, v.asInt(),
                                       "[-int_oo, int_oo]", "", dynamicLog.back(), where().line});
                return makeScalar(TrackedScalar::Kind::SymInt, v, -1, s);
            }
            if (v.isFloat()) {
                graph.rerunOnHit = true;
                Value out = makeScalar(TrackedScalar::Kind::SymFloat, v, -1);
                static_cast<TrackedScalar*>(out.obj())->fromData = true;
                return out;
            }
        }
        graphBreak("Tensor.item() (set torch._dynamo.config.capture_scalar_outputs = True to keep it in the graph)");
    }
    return torch::OpDispatcher::item(t);
}

} // namespace gs::engine
