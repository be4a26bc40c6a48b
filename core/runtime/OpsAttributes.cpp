// The attribute protocol (see Ops.h): descriptors, instance storage, __getattr__ /
// __setattr__ / __delattr__ overrides, class and super() lookups, CPython's messages.
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/OpsDetail.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime::ops {
using detail::callDunder;

namespace {

Interpreter& in() { return Interpreter::current(); }

[[noreturn]] void noAttribute(const Value& obj, Str* name) {
    Interpreter& I = in();
    if (auto* m = obj.dyn<Module>())
        I.raise(I.types.AttributeError, "module '" + m->name + "' has no attribute '" + name->s() + "'");
    if (auto* t = obj.dyn<Type>())
        I.raise(I.types.AttributeError, "type object '" + t->name() + "' has no attribute '" + name->s() + "'");
    I.raise(I.types.AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->s() + "'");
}

Value typeGetAttr(Type* cls, Str* name, bool& found) {
    Interpreter& I = in();
    Names& n = I.names;
    found = true;
    if (name == n.__name__) return I.newStr(cls->name());
    if (name == n.__qualname__) return I.newStr(cls->qualname.empty() ? cls->name() : cls->qualname);
    if (name == n.__mro__) {
        std::vector<Value> m;
        for (Type* t : cls->mro()) m.push_back(Value(t));
        return I.newTuple(std::move(m));
    }
    if (name == n.__bases__) {
        std::vector<Value> b;
        for (Type* t : cls->bases()) b.push_back(Value(t));
        return I.newTuple(std::move(b));
    }
    if (name == n.__base__) return cls->bases().empty() ? Value::none() : Value(cls->bases().front());
    if (name == n.__dict__) {
        // A snapshot, like CPython's read-only mappingproxy: class attributes change only
        // through setattr, which keeps the lookup caches valid.
        Ref<Dict> copy = I.newDict();
        for (const auto& e : cls->dict()->entries())
            if (!e.key.isNull()) copy->set(e.key, e.value);
        return Value(copy.get());
    }
    if (name == n.__class__) return Value(I.types.type);
    Value v = cls->lookup(name);
    if (v) {
        if (Object* o = v.obj()) {
            Type* vt = o->type();
            if (vt == I.types.staticmethod) return static_cast<StaticMethod*>(o)->func;
            if (vt == I.types.classmethod)
                return Value(new BoundMethod(I.types.method, static_cast<ClassMethod*>(o)->func, Value(cls)));
            if (vt->heap) {
                Value get = findDunder(vt, n.__get__);
                if (get) return callDunder(get, v, Value::none(), Value(cls));
            }
        }
        return v;
    }
    if (name == n.__module__) return I.newStr(cls->module);
    if (name == n.__doc__) return Value::none();
    // attributes of `type` itself (mro(), __subclasses__ ...)
    Value mv = I.types.type->lookup(name);
    if (mv) return bindDescriptor(mv, Value(cls), I.types.type);
    found = false;
    return {};
}

Value superGetAttr(Super* s, Str* name, bool& found) {
    Interpreter& I = in();
    const auto& mro = s->selfType->mro();
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->thisClass) ++i;
    for (++i; i < mro.size(); ++i) {
        Value v = mro[i]->dict()->get(Value(name));
        if (!v) continue;
        found = true;
        bool selfIsClass = s->self.obj() == s->selfType;
        if (selfIsClass) {
            if (auto* cm = v.dyn<ClassMethod>()) return Value(new BoundMethod(I.types.method, cm->func, s->self));
            if (auto* sm = v.dyn<StaticMethod>()) return sm->func;
            return v;
        }
        return bindDescriptor(v, s->self, s->selfType);
    }
    found = false;
    return {};
}

} // namespace

bool isDataDescriptor(const Value& d) {
    Object* o = d.obj();
    if (!o) return false;
    Type* t = o->type();
    Interpreter& I = in();
    if (t == I.types.property) return true;
    if (t->heap) return findDunder(t, I.names.__set__) || findDunder(t, I.names.__delete__);
    return false;
}

Value bindDescriptor(const Value& descr, const Value& instance, Type* owner) {
    Object* o = descr.obj();
    if (!o) return descr;
    Interpreter& I = in();
    Type* t = o->type();
    if (t == I.types.function) return Value(new BoundMethod(I.types.method, descr, instance));
    if (t == I.types.builtinFunction) {
        if (static_cast<NativeFunction*>(o)->binds) return Value(new BoundMethod(I.types.method, descr, instance));
        return descr;
    }
    if (t == I.types.staticmethod) return static_cast<StaticMethod*>(o)->func;
    if (t == I.types.classmethod)
        return Value(new BoundMethod(I.types.method, static_cast<ClassMethod*>(o)->func, Value(owner)));
    if (t == I.types.property) {
        auto* p = static_cast<Property*>(o);
        if (p->fget.isNull() || p->fget.isNone())
            I.raise(I.types.AttributeError, "property of '" + typeName(instance) + "' object has no getter");
        return call1(p->fget, instance);
    }
    if (t->heap) {
        Value get = findDunder(t, I.names.__get__);
        if (get) return callDunder(get, descr, instance, Value(owner));
    }
    return descr;
}

Value genericGetAttr(const Value& obj, Str* name, bool& found) {
    Type* t = typeOf(obj);
    Value descr = t->lookup(name);
    if (descr && isDataDescriptor(descr)) {
        found = true;
        return bindDescriptor(descr, obj, t);
    }
    if (Object* o = obj.obj()) {
        Value v = o->getAttr(name);
        if (v) {
            found = true;
            return v;
        }
    }
    if (descr) {
        found = true;
        return bindDescriptor(descr, obj, t);
    }
    Interpreter& I = in();
    if (name == I.names.__class__) {
        found = true;
        return Value(visibleTypeOf(obj));
    }
    if (name == I.names.__dict__) {
        if (Object* o = obj.obj())
            if (Dict* d = o->instanceDict()) {
                found = true;
                return Value(d);
            }
    }
    found = false;
    return {};
}

Value getAttrOpt(const Value& obj, Str* name) {
    Interpreter& I = in();
    Value v;
    bool found = false;
    Object* o = obj.obj();
    if (o && o->type() == I.types.type) {
        v = typeGetAttr(static_cast<Type*>(o), name, found);
    } else if (o && o->type() == I.types.super) {
        v = superGetAttr(static_cast<Super*>(o), name, found);
        if (!found) v = genericGetAttr(obj, name, found);
    } else if (o && o->type()->hasGetattribute) {
        Value fn = findDunder(o->type(), I.names.__getattribute__);
        try {
            v = callDunder(fn, obj, Value(name));
            found = true;
        } catch (PyError& e) {
            if (!e.exception()->type()->isSubtypeOf(I.types.AttributeError) || !o->type()->hasGetattr) throw;
        }
    } else {
        v = genericGetAttr(obj, name, found);
    }
    if (!found && o) {
        if (o->type()->hasGetattr) {
            Value fn = findDunder(o->type(), I.names.__getattr__);
            try {
                v = callDunder(fn, obj, Value(name));
                found = true;
            } catch (PyError& e) {
                if (!e.exception()->type()->isSubtypeOf(I.types.AttributeError)) throw;
                if (TraceObserver* ob = I.observer()) ob->onMissingAttr(obj, name->view());
                return {};
            }
        } else {
            v = o->getAttrFallback(name);
            found = !v.isNull();
        }
    }
    if (!found) {
        if (TraceObserver* ob = I.observer()) ob->onMissingAttr(obj, name->view());
        return {};
    }
    if (TraceObserver* ob = I.observer()) ob->onGetAttr(obj, name->view(), v);
    return v;
}

Value getAttr(const Value& obj, Str* name) {
    Interpreter& I = in();
    Object* o = obj.obj();
    if (o && o->type()->hasGetattr && o->type() != I.types.type) {
        // let __getattr__'s own AttributeError (with its message) propagate
        bool found = false;
        Value v = o->type()->hasGetattribute ? Value() : genericGetAttr(obj, name, found);
        if (!found) {
            if (o->type()->hasGetattribute) return getAttrOptOrRaise(obj, name);
            Value fn = findDunder(o->type(), I.names.__getattr__);
            v = callDunder(fn, obj, Value(name));
        }
        if (TraceObserver* ob = I.observer()) ob->onGetAttr(obj, name->view(), v);
        return v;
    }
    Value v = getAttrOpt(obj, name);
    if (v.isNull()) noAttribute(obj, name);
    return v;
}

Value getAttrOptOrRaise(const Value& obj, Str* name) {
    Value v = getAttrOpt(obj, name);
    if (v.isNull()) noAttribute(obj, name);
    return v;
}

void genericSetAttr(const Value& obj, Str* name, const Value& v) {
    Interpreter& I = in();
    Type* t = typeOf(obj);
    Value descr = t->lookup(name);
    if (Object* d = descr.obj()) {
        if (d->type() == I.types.property) {
            auto* p = static_cast<Property*>(d);
            if (p->fset.isNull() || p->fset.isNone())
                I.raise(I.types.AttributeError, "property '" + name->s() + "' of '" + typeName(obj) + "' object has no setter");
            call2(p->fset, obj, v);
            return;
        }
        if (d->type()->heap) {
            Value set = findDunder(d->type(), I.names.__set__);
            if (set) {
                callDunder(set, descr, obj, v);
                return;
            }
        }
    }
    if (Object* o = obj.obj())
        if (o->setAttr(name, v)) return;
    if (descr) I.raise(I.types.AttributeError, "'" + typeName(obj) + "' object attribute '" + name->s() + "' is read-only");
    I.raise(I.types.AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->s() + "'");
}

void setAttr(const Value& obj, Str* name, const Value& v) {
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) ob->onMutate(obj);
    Object* o = obj.obj();
    if (o && o->type() == I.types.type) {
        auto* t = static_cast<Type*>(o);
        if (t->immutable)
            I.raise(I.types.TypeError, "cannot set '" + name->s() + "' attribute of immutable type '" + t->name() + "'");
        if (name == I.names.__name__) {
            I.raise(I.types.TypeError, "setting __name__ of a class is not supported");
        }
        if (name == I.names.__qualname__) {
            t->qualname = str(v);
            return;
        }
        t->dict()->set(Value(name), v);
        ++core(I).typeEpoch;
        core(I).updateTypeFlags(t);
        return;
    }
    if (o && o->type()->hasSetattr) {
        Value fn = findDunder(o->type(), I.names.__setattr__);
        callDunder(fn, obj, Value(name), v);
        return;
    }
    genericSetAttr(obj, name, v);
}

void genericDelAttr(const Value& obj, Str* name) {
    Interpreter& I = in();
    Type* t = typeOf(obj);
    Value descr = t->lookup(name);
    if (auto* p = descr.dyn<Property>()) {
        if (p->fdel.isNull() || p->fdel.isNone())
            I.raise(I.types.AttributeError, "property '" + name->s() + "' of '" + typeName(obj) + "' object has no deleter");
        call1(p->fdel, obj);
        return;
    }
    if (Object* d = descr.obj(); d && d->type()->heap) {
        Value del = findDunder(d->type(), I.names.__delete__);
        if (del) {
            callDunder(del, descr, obj);
            return;
        }
    }
    if (Object* o = obj.obj())
        if (o->delAttr(name)) return;
    noAttribute(obj, name);
}

void delAttr(const Value& obj, Str* name) {
    Interpreter& I = in();
    if (TraceObserver* ob = I.observer()) ob->onMutate(obj);
    Object* o = obj.obj();
    if (o && o->type() == I.types.type) {
        auto* t = static_cast<Type*>(o);
        if (t->immutable)
            I.raise(I.types.TypeError, "cannot delete '" + name->s() + "' attribute of immutable type '" + t->name() + "'");
        if (!t->dict()->remove(Value(name))) noAttribute(obj, name);
        ++core(I).typeEpoch;
        core(I).updateTypeFlags(t);
        return;
    }
    if (o && o->type()->hasDelattr) {
        callDunder(findDunder(o->type(), I.names.__delattr__), obj, Value(name));
        return;
    }
    genericDelAttr(obj, name);
}

// --- containers ------------------------------------------------------------------------------

} // namespace gs::runtime::ops
