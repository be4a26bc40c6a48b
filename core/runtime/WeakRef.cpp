#include "core/runtime/InterpreterCore.h"
#include "core/runtime/WeakRef.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {

// Objects never cross threads, so the registry is per thread (like the trashcan in Object.cpp).
struct Registry {
    std::unordered_map<const Object*, std::vector<WeakRefObject*>> refs;
    std::vector<Value> pending;  // weakrefs whose callbacks are due
    bool running = false;
};
thread_local Registry tRegistry;

Interpreter& in() { return Interpreter::current(); }

bool referenceable(const Value& v) {
    if (!v.isObj()) return false;
    Object* o = v.obj();
    // CPython: ints, strs, tuples, lists, dicts and sets carry no weakref slot.
    return !(dynamic_cast<Str*>(o) || dynamic_cast<Tuple*>(o) || dynamic_cast<List*>(o) || dynamic_cast<Dict*>(o) ||
             dynamic_cast<SetObject*>(o));
}

} // namespace

WeakRefObject::WeakRefObject(Type* t, Object* target, Value cb) : Object(t), target(target), callback(std::move(cb)) {
    tRegistry.refs[target].push_back(this);
    target->setWeaklyReferenced(true);
}

WeakRefObject::~WeakRefObject() {
    if (!target) return;
    auto it = tRegistry.refs.find(target);
    if (it == tRegistry.refs.end()) return;
    auto& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), this), v.end());
    if (v.empty()) {
        target->setWeaklyReferenced(false);
        tRegistry.refs.erase(it);
    }
}

std::string WeakRefObject::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<weakref at %p; ", static_cast<void*>(this));
    if (!target) return std::string(buf) + "dead>";
    char at[48];
    std::snprintf(at, sizeof at, "' at %p>", static_cast<void*>(target));
    return std::string(buf) + "to '" + typeName(Value(target)) + at;
}

Value WeakRefObject::call(const CallArgs& args) {
    args.expect("weakref", 0, 0);
    return target ? Value(target) : Value::none();
}

int64_t WeakRefObject::hash() {
    if (hashed) return cachedHash;
    if (!target) in().raise(in().types.TypeError, "weak object has gone away");
    cachedHash = ops::hash(Value(target));
    hashed = true;
    return cachedHash;
}

Value WeakRefObject::richCompare(CmpOpKind op, const Value& other) {
    if (op != CmpOpKind::Eq && op != CmpOpKind::NotEq) return {};
    auto* o = other.dyn<WeakRefObject>();
    if (!o) return {};
    bool eq;
    // Live references compare their referents; once either is dead, identity.
    if (target && o->target) eq = ops::equals(Value(target), Value(o->target));
    else eq = this == o;
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

Value WeakRefObject::getAttr(Str* name) {
    if (name->view() == "__callback__") return callback.isNull() ? Value::none() : callback;
    return {};
}

namespace weak {

void targetDied(Object* o, bool runCallbacks) noexcept {
    auto it = tRegistry.refs.find(o);
    if (it == tRegistry.refs.end()) return;
    std::vector<WeakRefObject*> refs = std::move(it->second);
    tRegistry.refs.erase(it);
    bool queued = false;
    // Newest first, as CPython calls them.
    for (auto r = refs.rbegin(); r != refs.rend(); ++r) {
        WeakRefObject* w = *r;
        w->target = nullptr;
        if (runCallbacks && !w->callback.isNull() && !w->callback.isNone()) {
            tRegistry.pending.emplace_back(w);
            queued = true;
        }
    }
    if (queued)
        if (Interpreter* I = Interpreter::currentOrNull()) core(*I).requestSafePoint();
}

int64_t countFor(const Object* o) {
    auto it = tRegistry.refs.find(o);
    return it == tRegistry.refs.end() ? 0 : static_cast<int64_t>(it->second.size());
}

std::vector<WeakRefObject*> refsTo(const Object* o) {
    auto it = tRegistry.refs.find(o);
    return it == tRegistry.refs.end() ? std::vector<WeakRefObject*>{} : it->second;
}

bool hasPending() { return !tRegistry.pending.empty() && !tRegistry.running; }

void dropPending() noexcept {
    std::vector<Value> drop = std::move(tRegistry.pending);
    tRegistry.pending.clear();
}

void runPending(Interpreter& I) {
    tRegistry.running = true;
    while (!tRegistry.pending.empty()) {
        Value ref = tRegistry.pending.front();
        tRegistry.pending.erase(tRegistry.pending.begin());
        auto* w = ref.dyn<WeakRefObject>();
        Value cb = w->callback;
        try {
            I.call(cb, {ref});
        } catch (PyError& e) {
            // CPython reports exceptions in weakref callbacks and carries on.
            I.writeError("Exception ignored in: " + ops::repr(cb) + "\n" + e.formatTraceback());
        } catch (...) {
            tRegistry.running = false;
            throw;
        }
    }
    tRegistry.running = false;
}

namespace {

Value weakref_getweakrefcount(const CallArgs& a) {
    a.expect("getweakrefcount", 1, 1);
    return Value::integer(a[0].isObj() ? countFor(a[0].obj()) : 0);
}

Value weakref_getweakrefs(const CallArgs& a) {
    a.expect("getweakrefs", 1, 1);
    std::vector<Value> out;
    if (a[0].isObj())
        for (WeakRefObject* w : refsTo(a[0].obj())) out.emplace_back(w);
    return in().newList(std::move(out));
}

constexpr NativeDef kWeakrefFunctions[] = {{"getweakrefcount", weakref_getweakrefcount}, {"getweakrefs", weakref_getweakrefs}};

} // namespace

void initModule(Interpreter& I, Module* m) {
    Type* refType = I.newNativeType("ReferenceType", "weakref");
    refType->construct = [](Type* cls, const CallArgs& a) -> Value {
        ArgParser p(a, "weakref", {"object", "callback"}, 1, 2);
        if (!referenceable(p[0]))
            in().raise(in().types.TypeError, "cannot create weak reference to '" + typeName(p[0]) + "' object");
        Value cb = p.has(1) ? p[1] : Value::none();
        return Value(new WeakRefObject(cls, p[0].obj(), cb));
    };
    m->dict->setStr("ref", Value(refType));
    m->dict->setStr("ReferenceType", Value(refType));
    defineFunctions(I, m, kWeakrefFunctions);
}

} // namespace weak

} // namespace gs::runtime
