// Compiled calls and attribute access (see CompiledCode.h): the Evaluator's evalCall,
// callDirect, loadAttr and storeAttr with per-site caches that also remember where a plain
// instance keeps the attribute, so `self.n += k` and `obj.method(a)` skip the dict probes.
#include <algorithm>

#include "core/runtime/CompiledNodes.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/SmallVec.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::compiled {

namespace {

// The builtin type whose allocator makes a heap type's instances (as Evaluator::makeClass).
Type* solidBase(Type* t) {
    for (Type* m : t->mro())
        if (!m->heap) return m;
    return nullptr;
}

// Refills the cache for type t (epoch changed or another type). Mirrors
// Evaluator::cachedTypeAttr; `plain` marks types whose instances are Instance objects.
void fill(Interpreter& I, XAttrCache& c, Object* o, Type* t, Str* name) {
    c.type = t;
    c.epoch = static_cast<uint32_t>(core(I).typeEpoch);
    c.slot = -1;
    c.lastDict = nullptr;
    c.lastDictVersion = 0;
    Value d = t->lookup(name);
    c.inlineAttr = Value();
    c.hasInline = !d.isNull() && !d.isObj();
    if (c.hasInline) c.inlineAttr = d;
    c.descr = d.obj();  // kept alive by the class dict while the epoch holds
    c.dataDescr = c.descr && ops::isDataDescriptor(d);
    c.getGeneric = t->hasGetattribute || t == I.types.type || t == I.types.super;
    c.setGeneric = t->hasSetattr || t == I.types.type;
    c.plain = t->heap && solidBase(t) == I.types.object && dynamic_cast<Instance*>(o) != nullptr;
    c.method = c.descr && !c.getGeneric &&
               (c.descr->type() == I.types.function ||
                (c.descr->type() == I.types.builtinFunction && static_cast<NativeFunction*>(c.descr)->binds));
}

inline bool valid(Interpreter& I, const XAttrCache& c, Type* t) {
    return c.type == t && c.epoch == static_cast<uint32_t>(core(I).typeEpoch);
}

// The instance dict entry of `name`, through the cached slot; -1 if absent.
inline int64_t instanceSlot(Dict* d, Str* name, XAttrCache& c) {
    int32_t s = c.slot;
    if (s >= 0 && static_cast<size_t>(s) < d->entries().size() && d->entryAt(static_cast<size_t>(s)).key.obj() == name)
        return s;
    int64_t i = d->find(Value(name));
    if (i >= 0) c.slot = static_cast<int32_t>(i);
    return i;
}

} // namespace

Value loadAttr(Interpreter& I, const Value& obj, Str* name, XAttrCache& c) {
    Object* o = obj.obj();
    if (o && !I.observer()) {
        Type* t = o->type();
        if (!valid(I, c, t)) fill(I, c, o, t, name);
        if (!c.getGeneric && !c.dataDescr) {
            if (c.plain) {
                Dict* d = static_cast<Instance*>(o)->dict.get();
                int64_t i = instanceSlot(d, name, c);
                if (i >= 0) return d->entryAt(static_cast<size_t>(i)).value;
                if (c.descr) return ops::bindDescriptor(Value(c.descr), obj, t);
                if (c.hasInline) return c.inlineAttr;
            } else if (!c.hasInline) {
                Value v = o->getAttr(name);
                if (v) return v;
                if (c.descr) return ops::bindDescriptor(Value(c.descr), obj, t);
            }
        }
    }
    return ops::getAttr(obj, name);
}

void storeAttr(Interpreter& I, const Value& obj, Str* name, XAttrCache& c, const Value& v) {
    Object* o = obj.obj();
    if (o && !I.observer()) {  // an observer sees the store in ops::setAttr
        Type* t = o->type();
        if (!valid(I, c, t)) fill(I, c, o, t, name);
        if (!c.setGeneric && !c.dataDescr) {
            if (c.plain) {
                Dict* d = static_cast<Instance*>(o)->dict.get();
                int32_t s = c.slot;
                if (s >= 0 && static_cast<size_t>(s) < d->entries().size() &&
                    d->entryAt(static_cast<size_t>(s)).key.obj() == name) {
                    d->entryAt(static_cast<size_t>(s)).value = v;  // an update keeps the keys version
                    return;
                }
                d->set(Value(name), v);
                // a new attribute is the last entry (the common case in __init__)
                size_t n = d->entries().size();
                if (n && d->entryAt(n - 1).key.obj() == name) c.slot = static_cast<int32_t>(n - 1);
                else c.slot = static_cast<int32_t>(d->find(Value(name)));
                return;
            }
            if (o->setAttr(name, v)) return;
        }
    }
    ops::setAttr(obj, name, v);
}

// ---------------------------------------------------------------------------------------------
// Calls

namespace {

// Evaluator::callDirect with compiled argument expressions: the arguments are evaluated straight
// into the callee's local slots.
[[gnu::noinline]] Value callDirect(Interpreter& I, Function* fn, Value* self, const XCall* c, Frame& f) {
    return core(I).eval().invoke(fn, [&](Value* fast) {
        size_t k = 0;
        if (self) fast[k++] = std::move(*self);
        for (uint32_t i = 0; i < c->nargs; ++i) fast[k++] = evalChild(c->args[i], f);
    });
}

[[gnu::noinline]] Value callGeneric(Interpreter& I, const XCall* c, const Value& callee, Value* self, Frame& f) {
    SmallVec<Value, 8> args;
    if (self) args.push_back(std::move(*self));
    for (uint32_t i = 0; i < c->nargs; ++i) args.push_back(evalChild(c->args[i], f));
    CallArgs ca{std::span<const Value>(args.data(), args.size()), {}};
    Object* o = callee.obj();
    if (o && o->type() == I.types.function) return core(I).eval().callFunction(static_cast<Function*>(o), ca);
    return ops::call(callee, ca);
}

// A scenario function whose plain positional signature the arguments fill exactly is called
// directly (Evaluator::evalCall's test); anything else through the generic protocol.
inline Value callValue(Interpreter& I, const XCall* c, const Value& callee, Value* self, Frame& f) {
    Object* o = callee.obj();
    if (o && o->type() == I.types.function) {
        auto* fn = static_cast<Function*>(o);
        const CodeInfo* code = fn->code;
        if (code->plainPositional && static_cast<uint32_t>(code->nargs) == c->nargs + (self ? 1 : 0))
            return callDirect(I, fn, self, c, f);
    }
    return callGeneric(I, c, callee, self, f);
}

} // namespace

Value evalCall(const XExpr* e, Frame& f) {
    auto* c = static_cast<const XCall*>(e);
    f.line = c->line;
    Value callee = evalChild(c->callee, f);
    return callValue(*e->I, c, callee, nullptr, f);
}

// obj.name(args): a plain method found on the class (and not shadowed by the instance) is called
// with obj as its first argument, without a bound-method object.
Value evalMethodCall(const XExpr* e, Frame& f) {
    auto* c = static_cast<const XCall*>(e);
    Interpreter& I = *e->I;
    f.line = c->line;
    Value obj = evalChild(c->object, f);
    Object* o = obj.obj();
    XAttrCache& k = c->cache;
    if (o && !I.observer()) {
        Type* t = o->type();
        if (!valid(I, k, t)) fill(I, k, o, t, c->name);
        if (k.method) {
            Dict* d = k.plain ? static_cast<Instance*>(o)->dict.get() : o->instanceDict();
            bool shadowed = false;
            if (d && d->size() != 0 && !(d == k.lastDict && d->keysVersion() == k.lastDictVersion)) {
                shadowed = d->find(Value(c->name)) >= 0;
                if (!shadowed) {
                    k.lastDict = d;  // this dict, with these keys, does not shadow the method
                    k.lastDictVersion = d->keysVersion();
                }
            }
            if (!shadowed) return callValue(I, c, Value(k.descr), &obj, f);
        }
    }
    Value callee = loadAttr(I, obj, c->name, k);
    return callValue(I, c, callee, nullptr, f);
}

} // namespace gs::runtime::compiled
