// What a trace reads through Python objects, and the guards that keep an entry honest about it
// (dynamo-semantics §2.4, after torch/_dynamo/variables/{user_defined,functions,builder}.py and
// guards.py): user functions by their code (CLOSURE_MATCH), the cells and defaults an inlined
// function read, class attributes where the MRO found them (plus "not shadowed" guards on the
// instance and the classes in between), special methods found for implicit uses (__call__,
// __add__, ...), dict keys iterated (DICT_KEYS_MATCH) and looked up (DICT_CONTAINS), id()
// (ID_MATCH), and strings guarded only once an operation uses them.
#include <algorithm>
#include <unordered_set>

#include "core/engine/Engine.h"
#include "core/engine/Tracer.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::engine {

using runtime::Value;

namespace {

runtime::Function* functionOf(const Value& v) {
    if (auto* f = v.dyn<runtime::Function>()) return f;
    if (auto* m = v.dyn<runtime::BoundMethod>()) return m->func.dyn<runtime::Function>();
    return nullptr;
}

// A key that a source can name: `P['k']` or `P[3]`.
bool nameableKey(const Value& k) { return k.isInt() || k.dyn<runtime::Str>() != nullptr; }

std::string keyText(const Value& k) { return runtime::ops::repr(k); }

} // namespace

bool Tracer::trusted(const runtime::Function* fn) const {
    return fn && !core(interp_).sourceModuleFile(fn->moduleName).isNull();
}

bool Tracer::trustedType(const runtime::Type* t) const {
    return !t->heap || !core(interp_).sourceModuleFile(t->module).isNull() || t->module.rfind("torch", 0) == 0;
}

void Tracer::guardFunction(int source, const Value& fn) {
    if (std::find(guardedFunctions_.begin(), guardedFunctions_.end(), source) != guardedFunctions_.end()) return;
    guardedFunctions_.push_back(source);
    if (runtime::Function* f = functionOf(fn)) {
        // CLOSURE_MATCH: a fresh closure of the same def passes, a new def does not.
        int code = sources.attr(source, "__code__");
        GuardCheck has;
        has.kind = GuardKind::Hasattr;
        has.present = true;
        has.source2 = code;
        has.code = "hasattr(" + sources[source].text + ", '__code__')";
        guards_.add(std::move(has), source, where());
        guards_.guardIdentity(code, core(interp_).codeObject(f->code), where());
        return;
    }
    if (fn.dyn<runtime::NativeFunction>()) guards_.guardIdentity(source, fn, where());  // FUNCTION_MATCH
}

int Tracer::typeSourceFor(const runtime::Type* cls) {
    auto it = typeSources_.find(cls);
    if (it == typeSources_.end()) return -1;
    // type(P) is only meaningful while P's type is guarded.
    guards_.guardType(it->second.instance, it->second.object, where());
    return sources.typeOf(it->second.instance);
}

bool Tracer::classAttribute(int source, const Value& obj, std::string_view name, Value& result) {
    auto* inst = obj.dyn<runtime::Instance>();
    runtime::Type* cls = obj.obj()->type();
    runtime::Str* key = interp_.intern(std::string(name));
    Value raw;
    size_t k = 0;
    const auto& mro = cls->mro();
    for (; k < mro.size(); ++k) {
        raw = mro[k]->dict()->get(Value(key));
        if (!raw.isNull()) break;
    }
    bool dataDescriptor = !raw.isNull() && runtime::ops::isDataDescriptor(raw);
    if (raw.isNull() || (!dataDescriptor && inst && inst->dict && !inst->dict->get(Value(key)).isNull())) return false;
    if (trustedType(mro[k])) {
        runtime::Function* f = functionOf(raw);
        if (f && trusted(f)) {
            // Framework methods are not guarded, but which ones run depends on the class.
            guards_.guardType(source, obj, where());
            return true;
        }
    }
    Provenance at = where();
    guards_.guardType(source, obj, at);
    int typeSrc = sources.typeOf(source);
    if (inst && inst->dict && !dataDescriptor) guards_.guardDictContains(source, Value(key), false, true, at);  // NOT_PRESENT_IN_GENERIC_DICT
    for (size_t j = 0; j < k; ++j) guards_.guardDictContains(sources.mroClass(typeSrc, static_cast<int>(j)), Value(key), false, true, at);
    int rawSrc = sources.classDictItem(sources.mroClass(typeSrc, static_cast<int>(k)), std::string(name));
    runtime::Type* rawType = raw.obj() ? raw.obj()->type() : nullptr;
    if (raw.dyn<runtime::Function>()) {
        registerObject(raw, rawSrc);
        guardFunction(rawSrc, raw);
        return true;
    }
    if (rawType == interp_.types.staticmethod || rawType == interp_.types.classmethod || rawType == interp_.types.property) {
        bool property = rawType == interp_.types.property;
        Value fn = interp_.getAttrOr(raw, property ? "fget" : "__func__", Value());
        int fnSrc = sources.attr(rawSrc, property ? "fget" : "__func__");
        if (fn.dyn<runtime::Function>()) {
            registerObject(fn, fnSrc);
            guardFunction(fnSrc, fn);
        }
        if (!property) return true;
        result = wrap(result, sources.attr(source, std::string(name)), false);  // what the getter returned
        return true;
    }
    result = wrap(result, rawSrc, false);  // a class-level constant, tensor or object
    return true;
}

void Tracer::typeAttribute(int source, std::string_view name, Value& result) {
    int attr = sources.attr(source, std::string(name));
    if (result.dyn<runtime::Function>()) {
        if (!trusted(functionOf(result))) {
            registerObject(result, attr);
            guardFunction(attr, result);
        }
        return;
    }
    if (auto* m = result.dyn<runtime::BoundMethod>()) {  // a classmethod through the class
        if (runtime::Function* f = functionOf(result); f && !trusted(f)) {
            int fnSrc = sources.attr(attr, "__func__");
            registerObject(m->func, fnSrc);
            guardFunction(fnSrc, m->func);
        }
        return;
    }
    if (result.dyn<runtime::NativeFunction>()) return;
    result = wrap(result, attr, false);
}

void Tracer::wrapDefaults(runtime::Function* fn, int source) {
    runtime::Frame* fr = core(interp_).topFrame();
    if (!fr || fr->func != fn || !fr->fast) return;
    const runtime::CodeInfo* code = fn->code;
    auto slotValue = [&](size_t slot) -> Value* {
        Value* v = &fr->fast[slot];
        if (std::find(code->cellSlots.begin(), code->cellSlots.end(), static_cast<int>(slot)) != code->cellSlots.end())
            if (auto* cell = v->dyn<runtime::Cell>()) v = &cell->value;
        return v;
    };
    // A parameter still holding the default object itself took the default (a caller passing an
    // equal constant is guarded the same way, which is harmless).
    size_t nargs = static_cast<size_t>(code->nargs), ndef = fn->defaults.size();
    for (size_t i = 0; i < ndef && i < nargs; ++i) {
        Value* v = slotValue(nargs - ndef + i);
        if (v->is(fn->defaults[i])) *v = wrap(*v, sources.defaults(source, static_cast<int>(i)), false);
    }
    size_t first = nargs + (code->varargSlot >= 0 ? 1 : 0);
    for (size_t i = 0; i < fn->kwDefaults.size(); ++i) {
        size_t slot = first + i;
        if (slot >= code->paramNames.size() || fn->kwDefaults[i].isNull()) continue;
        Value* v = slotValue(slot);
        if (v->is(fn->kwDefaults[i])) *v = wrap(*v, sources.kwDefaults(source, std::string(code->paramNames[slot]->view())), false);
    }
}

Value Tracer::wrappedItems(const Value& container) {
    runtime::Object* o = container.obj();
    auto wrapAll = [&](int src, const std::vector<Value>& items) -> Value {
        std::vector<Value> out;
        out.reserve(items.size());
        bool changed = false;
        for (size_t i = 0; i < items.size(); ++i) {
            out.push_back(wrap(items[i], sources.item(src, Value::integer(static_cast<int64_t>(i)), std::to_string(i)), false));
            changed |= !out.back().is(items[i]);
        }
        return changed ? interp_.newTuple(std::move(out)) : Value();
    };
    if (auto* l = dynamic_cast<runtime::List*>(o)) {
        int src = sourceOf(o);
        return src < 0 ? Value() : wrapAll(src, l->items);
    }
    if (auto* t = dynamic_cast<runtime::Tuple*>(o)) {
        int src = sourceOf(o);
        return src < 0 ? Value() : wrapAll(src, t->items);
    }
    if (dynamic_cast<runtime::SetObject*>(o)) {
        useContents(container, 0);  // its items in its order: the whole set matters
        return {};
    }
    runtime::Dict* d = dynamic_cast<runtime::Dict*>(o);
    auto kind = runtime::DictView::Kind::Keys;
    if (auto* view = dynamic_cast<runtime::DictView*>(o)) {
        d = view->dict.get();
        kind = view->kind;
    }
    if (!d) return {};
    int src = sourceOf(d);
    if (src < 0) return {};
    // Iterating a dict depends on its keys and their order (DICT_KEYS_MATCH); the values are
    // read under P[key] when every key is a constant, else by the key's position,
    // P[list(dict.keys(P))[i]] (builder.py: all_const decides).
    guards_.guardDictKeys(src, Value(d), where());
    if (kind == runtime::DictView::Kind::Keys) return {};
    bool allConst = true;
    for (const auto& e : d->entries()) allConst = allConst && (e.key.isNull() || nameableKey(e.key));
    std::vector<Value> out;
    int index = 0;
    for (const auto& e : d->entries()) {
        if (e.key.isNull()) continue;
        int vs = allConst ? sources.item(src, e.key, keyText(e.key)) : sources.dictValueAt(src, index);
        ++index;
        Value v = wrap(e.value, vs, false);
        out.push_back(kind == runtime::DictView::Kind::Values ? v : interp_.newTuple({e.key, v}));
    }
    return interp_.newTuple(std::move(out));
}

Value Tracer::dictGet(int source, const Value& dict, const Value& method) {
    std::weak_ptr<Tracer> self = weak_from_this();
    return interp_.newFunction("get", [self, source, dict, method](const runtime::CallArgs& a) {
        Value r = runtime::Interpreter::current().call(method, a);
        auto t = self.lock();
        auto* d = dict.dyn<runtime::Dict>();
        if (!t || !t->active || !d || a.pos.empty()) return r;
        Value key = concreteValue(a.pos[0]);
        if (!nameableKey(key)) return r;
        if (d->get(key).isNull()) {
            t->guards_.guardDictContains(source, key, false, false, t->where());
            return r;
        }
        return t->wrap(r, t->sources.item(source, key, keyText(key)), false);
    });
}

void Tracer::commitString(const runtime::Object* s) {
    auto it = pendingStrings_.find(s);
    if (it == pendingStrings_.end()) return;
    PendingString pending = std::move(it->second);
    pendingStrings_.erase(it);
    Value v(const_cast<runtime::Object*>(s));
    // An f-string's text shows the scalars' values: using it specializes them (PyTorch realizes
    // the lazy LazySymNodeFormatString, whose repr evaluates the SymNode's expression).
    for (const Value& f : pending.formatted)
        if (auto* ts = f.dyn<TrackedScalar>()) useScalar(ts);
    for (int src : pending.sources) {
        if (!guards_.claimValueGuard(src)) continue;
        GuardCheck c;
        c.kind = GuardKind::EqualsMatch;
        c.constant = v;
        c.code = sources[src].text + " == " + runtime::ops::repr(v);
        guards_.add(std::move(c), src, where());
    }
}

bool Tracer::isModuleAlias(int a, int b) const {
    // `P.name` and `P._modules['name']` (or _parameters/_buffers) name one object by design.
    auto check = [&](int attr, int item) {
        const Source& x = sources[attr];
        const Source& y = sources[item];
        if (x.kind != Source::Kind::Attr || y.kind != Source::Kind::Item || y.parent < 0) return false;
        const Source& dict = sources[y.parent];
        if (dict.kind != Source::Kind::Attr || dict.parent != x.parent) return false;
        if (dict.name != "_modules" && dict.name != "_parameters" && dict.name != "_buffers") return false;
        auto* k = y.key.dyn<runtime::Str>();
        return k && k->view() == x.name;
    };
    return check(a, b) || check(b, a);
}

// ---------------------------------------------------------------------------------------------
// Observer callbacks about objects

void Tracer::onFunctionExit(runtime::Function* fn) {
    if (!fnStack_.empty() && fnStack_.back() == fn) fnStack_.pop_back();
}

Value Tracer::iterateAs(const Value& container) {
    if (!active || !container.isObj()) return {};
    if (!pendingStrings_.empty()) commitString(container.obj());
    return wrappedItems(container);
}

void Tracer::onSpecialMethod(runtime::Type* cls, runtime::Str* name, const Value& found) {
    if (!active || found.isNull()) return;
    runtime::Function* f = functionOf(found);
    if (!f || trusted(f)) return;
    int typeSrc = typeSourceFor(cls);
    if (typeSrc < 0) return;
    int src;
    if (name == interp_.names.__call__) {
        src = sources.attr(typeSrc, "__call__");  // PyTorch guards type(P).__call__
    } else {
        const auto& mro = cls->mro();
        size_t k = 0;
        while (k < mro.size() && mro[k]->dict()->get(Value(name)).isNull()) ++k;
        if (k == mro.size()) return;
        for (size_t j = 0; j < k; ++j)
            guards_.guardDictContains(sources.mroClass(typeSrc, static_cast<int>(j)), Value(name), false, true, where());
        src = sources.classDictItem(sources.mroClass(typeSrc, static_cast<int>(k)), std::string(name->view()));
    }
    guardFunction(src, found);
}

void Tracer::onContains(const Value& container, const Value& item, bool found) {
    if (!active || !container.isObj()) return;
    runtime::Object* o = container.obj();
    runtime::Dict* d = dynamic_cast<runtime::Dict*>(o);
    if (auto* view = dynamic_cast<runtime::DictView*>(o); view && view->kind == runtime::DictView::Kind::Keys) d = view->dict.get();
    Value key = concreteValue(item);
    if (d) {
        int src = sourceOf(d);
        if (src >= 0 && nameableKey(key)) guards_.guardDictContains(src, key, found, false, where());
        else if (src >= 0) guards_.guardDictKeys(src, Value(d), where());  // a key no guard can name: all keys
        return;
    }
    // a set, or `v in d.values()`, `(k, v) in d.items()`: compared with every item
    if (dynamic_cast<runtime::SetObject*>(o) || dynamic_cast<runtime::DictView*>(o)) return useContents(container, 0);
    auto* l = dynamic_cast<runtime::List*>(o);
    auto* t = dynamic_cast<runtime::Tuple*>(o);
    int src = sourceOf(o);
    if ((!l && !t) || src < 0) return;
    // `x in xs` compared x with the items: their values matter.
    guards_.guardSequence(src, container, where());
    const auto& items = l ? l->items : t->items;
    for (size_t i = 0; i < items.size(); ++i) {
        Value w = wrap(items[i], sources.item(src, Value::integer(static_cast<int64_t>(i)), std::to_string(i)), false);
        if (auto* s = w.dyn<TrackedScalar>()) useScalar(s);
        else if (w.dyn<runtime::Str>()) commitString(w.obj());
    }
}

void Tracer::onUse(const Value& v) {
    if (!active || !v.isObj()) return;
    if (!pendingStrings_.empty()) commitString(v.obj());
    // An operation on a user object (type(x), isinstance, str(x), a native function taking it)
    // depends on its class: TYPE_MATCH (found by the guard fuzzer: isinstance(obj, Derived)
    // replayed after `obj` became a Base).
    if (v.dyn<runtime::Instance>() && !trustedType(v.obj()->type()))
        if (int src = sourceOf(v.obj()); src >= 0) guards_.guardType(src, v, where());
}

Value Tracer::lazyFormatHint(const Value& v) {
    // PyTorch's FORMAT_VALUE does not evaluate a SymNode: it pushes a lazy string formatted from
    // the hint and guards only when that string is used (symbolic_convert.py FORMAT_VALUE,
    // variables/lazy.py LazySymNodeFormatString). Plain ints, floats and bools are formatted now.
    if (!active) return {};
    auto* s = v.dyn<TrackedScalar>();
    if (!s || (s->kind != TrackedScalar::Kind::SymInt && s->kind != TrackedScalar::Kind::SymFloat)) return {};
    return s->value;
}

void Tracer::onLazyString(const Value& str, std::span<const Value> formatted) {
    if (!active || !str.isObj() || formatted.empty()) return;
    auto& pending = pendingStrings_[str.obj()];
    if (pending.sources.empty() && pending.formatted.empty()) keepAlive_.push_back(str);
    pending.formatted.insert(pending.formatted.end(), formatted.begin(), formatted.end());
}

void Tracer::onMissingItem(const Value& container, const Value& key) {
    // Found by probing: `try: d["k"] except KeyError:` replayed the except branch after "k"
    // was added (no hook ran: the subscript raised). PyTorch guards the key's absence.
    if (!active || !container.isObj()) return;
    runtime::Object* o = container.obj();
    int src = sourceOf(o);
    if (src < 0) return;
    Value k = concreteValue(key);
    if (dynamic_cast<runtime::Dict*>(o)) {
        if (nameableKey(k)) guards_.guardDictContains(src, k, false, false, where());
        else guards_.guardDictKeys(src, container, where());
        return;
    }
    if (dynamic_cast<runtime::List*>(o) || dynamic_cast<runtime::Tuple*>(o)) guards_.guardSequence(src, container, where());
}

void Tracer::onReadItems(const Value& container) {
    if (active) useContents(container, 0);
}

void Tracer::onUseItems(const Value& arg) {
    // Only pending strings can be read without a hook; walk the containers a native function
    // was handed (each container once: cycles and shared sub-lists are fine).
    if (!active || pendingStrings_.empty() || !arg.isObj()) return;
    std::vector<runtime::Object*> todo{arg.obj()};
    std::unordered_set<const runtime::Object*> seen;
    auto visit = [&](const Value& v) {
        if (!v.isObj()) return;
        if (v.dyn<runtime::Str>()) commitString(v.obj());
        else todo.push_back(v.obj());
    };
    while (!todo.empty() && !pendingStrings_.empty()) {
        runtime::Object* o = todo.back();
        todo.pop_back();
        if (!seen.insert(o).second) continue;
        if (auto* l = dynamic_cast<runtime::List*>(o)) {
            for (const auto& v : l->items) visit(v);
        } else if (auto* t = dynamic_cast<runtime::Tuple*>(o)) {
            for (const auto& v : t->items) visit(v);
        } else if (auto* d = dynamic_cast<runtime::Dict*>(o)) {
            for (const auto& e : d->entries()) {
                visit(e.key);
                visit(e.value);
            }
        } else if (auto* st = dynamic_cast<runtime::SetObject*>(o)) {
            for (const auto& v : st->items()) visit(v);
        }
    }
}

namespace {
// A set item whose hash and equality are native (no scenario code runs when a guard compares
// the set): numbers, None, strings, bytes, native objects and tuples of those.
bool nativeHashed(const Value& v, int depth) {
    if (!v.isObj()) return true;
    if (auto* t = v.dyn<runtime::Tuple>()) {
        if (depth > 8) return false;
        return std::all_of(t->items.begin(), t->items.end(), [depth](const Value& i) { return nativeHashed(i, depth + 1); });
    }
    return !v.obj()->type()->heap;
}
} // namespace

void Tracer::useContents(const Value& container, int depth) {
    // Found by probing natives on tracked containers: `dict(G)['a']`, `xs.count(2)`,
    // `xs + [3]`, `d == {...}`, `repr(xs)` and `f(**d)` read the items without a hook, so a
    // changed item replayed the old result. PyTorch reads such items through their sources
    // (GetItemSource, DictGetItemSource) and guards each one it uses; a native that reads all
    // items uses all of them.
    if (depth > 16 || !container.isObj()) return;
    runtime::Object* o = container.obj();
    if (auto* view = dynamic_cast<runtime::DictView*>(o)) o = view->dict.get();
    int src = sourceOf(o);
    if (src < 0) return;
    Value c(o);
    auto use = [&](const Value& item, int itemSrc) {
        // An item that is already a proxy (a call's **kwargs) is guarded where it is used.
        if (item.dyn<TrackedScalar>()) return;
        Value w = wrap(item, itemSrc, false);
        if (auto* s = w.dyn<TrackedScalar>()) useScalar(s);
        else if (w.dyn<runtime::Str>()) commitString(w.obj());
        else if (w.isObj()) {
            onUse(w);
            useContents(w, depth + 1);
        }
    };
    if (auto* st = dynamic_cast<runtime::SetObject*>(o)) {
        std::vector<Value> items = st->items();
        if (!std::all_of(items.begin(), items.end(), [](const Value& v) { return nativeHashed(v, 0); })) {
            graphBreak("a set holding instances of a user class was read");
            return;
        }
        if (!guards_.claimValueGuard(src)) return;
        guards_.guardType(src, c, where());
        auto frozen = runtime::make<runtime::SetObject>(interp_.types.frozenset, true);
        frozen->merge(st);
        GuardCheck g;
        g.kind = GuardKind::EqualsMatch;
        g.constant = Value(frozen.get());
        g.code = sources[src].text + " == " + runtime::ops::repr(c);
        keepAlive_.push_back(g.constant);
        guards_.add(std::move(g), src, where());
        return;
    }
    if (auto* l = dynamic_cast<runtime::List*>(o); l || dynamic_cast<runtime::Tuple*>(o)) {
        guards_.guardSequence(src, c, where());
        const std::vector<Value> items = l ? l->items : static_cast<runtime::Tuple*>(o)->items;  // a copy: use() may run code
        for (size_t i = 0; i < items.size(); ++i)
            use(items[i], sources.item(src, Value::integer(static_cast<int64_t>(i)), std::to_string(i)));
        return;
    }
    if (auto* d = dynamic_cast<runtime::Dict*>(o)) {
        guards_.guardDictKeys(src, c, where());
        std::vector<std::pair<Value, Value>> entries;
        bool allConst = true;
        for (const auto& e : d->entries()) {
            if (e.key.isNull()) continue;
            entries.emplace_back(e.key, e.value);
            allConst = allConst && nameableKey(e.key);
        }
        int index = 0;
        for (const auto& [k, v] : entries) {
            use(v, allConst ? sources.item(src, k, keyText(k)) : sources.dictValueAt(src, index));
            ++index;
        }
    }
}

void Tracer::onMutate(const Value& target) {
    if (!active || graph.hasSideEffects || !target.isObj()) return;
    runtime::Object* o = target.obj();
    if (torch::asTensorObject(target)) return;  // tensor writes are graph ops, replayed
    // Existed before the call: read from a source, the compiled function's module globals, or
    // a closure cell of the compiled function or of a function read from a source.
    bool before = sourceOf(o) >= 0 || o == root_->globals.get();
    if (!before && dynamic_cast<runtime::Cell*>(o)) {
        auto inClosure = [o](const runtime::Function* f) {
            return std::any_of(f->closure.begin(), f->closure.end(), [o](const Value& c) { return c.obj() == o; });
        };
        before = inClosure(root_);
        for (const runtime::Function* f : fnStack_) before = before || (sourceOf(f) >= 0 && inClosure(f));
    }
    if (before) graph.hasSideEffects = true;
}

void Tracer::onMissingAttr(const Value& obj, std::string_view name) {
    if (!active || !obj.isObj()) return;
    // On a tensor, only the scenario's own lookups (getattr(x, "scale", 1)): the framework's
    // probes (mark_dynamic's _dynamo_dynamic_indices) have their own guards.
    if (torch::asTensorObject(obj) && (name.starts_with("_dynamo") || (!fnStack_.empty() && trusted(fnStack_.back())))) return;
    int src = sourceOf(obj.obj());
    if (src < 0) return;
    // The attribute's absence decided something (hasattr() is False, getattr's default, an
    // AttributeError caught): `not hasattr(P, 'name')` (guards.py HASATTR).
    int attr = sources.attr(src, std::string(name));
    if (std::find(guardedAbsent_.begin(), guardedAbsent_.end(), attr) != guardedAbsent_.end()) return;
    guardedAbsent_.push_back(attr);
    GuardCheck c;
    c.kind = GuardKind::Hasattr;
    c.present = false;
    c.source2 = attr;
    c.code = "not hasattr(" + sources[src].text + ", '" + std::string(name) + "')";
    guards_.add(std::move(c), src, where());
}

void Tracer::superAttribute(const Value& super, std::string_view name, Value& result) {
    auto* s = super.dyn<runtime::Super>();
    if (!s || !s->self.isObj() || s->self.obj() == s->selfType) return;
    int selfSrc = sourceOf(s->self.obj());
    if (selfSrc < 0) return;
    runtime::Function* f = functionOf(result);
    if (!f || trusted(f)) return;
    // super() looks in the MRO of type(self) after the class whose method is running: the entry
    // depends on the classes in between not defining `name` and on the function found.
    const auto& mro = s->selfType->mro();
    size_t start = 0;
    while (start < mro.size() && mro[start] != s->thisClass) ++start;
    runtime::Str* key = interp_.intern(std::string(name));
    size_t k = start + 1;
    while (k < mro.size() && mro[k]->dict()->get(Value(key)).isNull()) ++k;
    if (k >= mro.size()) return;
    Provenance at = where();
    guards_.guardType(selfSrc, s->self, at);
    int typeSrc = sources.typeOf(selfSrc);
    for (size_t j = start + 1; j < k; ++j)
        guards_.guardDictContains(sources.mroClass(typeSrc, static_cast<int>(j)), Value(key), false, true, at);
    int src = sources.classDictItem(sources.mroClass(typeSrc, static_cast<int>(k)), std::string(name));
    Value raw = mro[k]->dict()->get(Value(key));
    if (raw.dyn<runtime::Function>()) {
        registerObject(raw, src);
        guardFunction(src, raw);
    }
}

void Tracer::compiledTarget(int source, const Value& compiled) {
    auto* cf = compiled.dyn<CompiledFunction>();
    if (!cf || cf->target.isNull()) return;
    // Calling a compiled function inside a trace inlines its target (PyTorch traces through
    // the wrapper): guard the target like any other function read from a source.
    int target = sources.attr(source, "_torchdynamo_orig_callable");
    registerObject(cf->target, target);
    if (auto* f = cf->target.dyn<runtime::Function>(); f && !trusted(f)) guardFunction(target, cf->target);
    else if (cf->target.dyn<runtime::Instance>()) guards_.guardType(target, cf->target, where());
}

} // namespace gs::engine
