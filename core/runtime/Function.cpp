// Functions, cells, bound methods, native functions and descriptor wrappers, plus modules and
// plain instances (Module.h).
#include "core/runtime/Function.h"

#include "core/runtime/CodeObject.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

std::string addr(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}
} // namespace

std::string Cell::repr() { return "<cell at 0x" + addr(this) + ">"; }

Function::Function(Type* t, const CodeInfo* code, Ref<Dict> globals)
    : Object(t), code(code), globals(std::move(globals)), name(code->name), qualname(code->qualname) {}

std::string Function::repr() { return "<function " + qualname + " at " + addr(this) + ">"; }

Value Function::call(const CallArgs& args) { return in().callFunction(this, args); }

Dict* Function::instanceDict() {
    if (!attrs) attrs = in().newDict();
    return attrs.get();
}

Value Function::getAttr(Str* n) {
    Interpreter& I = in();
    Names& N = I.names;
    if (attrs) {
        Value v = attrs->get(Value(n));
        if (v) return v;
    }
    if (n == N.__name__) return I.newStr(name);
    if (n == N.__qualname__) return I.newStr(qualname);
    if (n == N.__module__) return I.newStr(moduleName);
    if (n == N.__doc__) {
        if (code->body && !code->body->empty() && (*code->body)[0]->kind == lang::StmtKind::Expr) {
            auto* e = static_cast<const lang::ExprStmt*>((*code->body)[0].get())->value.get();
            if (e->kind == lang::ExprKind::Constant && static_cast<const lang::Constant*>(e)->type == lang::Constant::Type::Str)
                return I.newStr(static_cast<const lang::Constant*>(e)->s);
        }
        return Value::none();
    }
    if (n == N.__globals__) return Value(globals.get());
    if (n == N.__defaults__) return defaults.empty() ? Value::none() : I.newTuple(defaults);
    if (n == N.__kwdefaults__) {
        Ref<Dict> d = I.newDict();
        size_t first = static_cast<size_t>(code->nargs + (code->varargSlot >= 0 ? 1 : 0));
        for (size_t i = 0; i < kwDefaults.size() && first + i < code->paramNames.size(); ++i)
            if (!kwDefaults[i].isNull()) d->set(Value(code->paramNames[first + i]), kwDefaults[i]);
        return d->size() ? Value(d.get()) : Value::none();
    }
    if (n == N.__closure__) return closure.empty() ? Value::none() : I.newTuple(closure);
    if (n == N.__dict__) return Value(instanceDict());
    if (n == N.__code__) return core(I).codeObject(code);
    return {};
}

bool Function::setAttr(Str* n, const Value& v) {
    Interpreter& I = in();
    if (n == I.names.__name__) {
        name = ops::str(v);
        return true;
    }
    if (n == I.names.__qualname__) {
        qualname = ops::str(v);
        return true;
    }
    if (n == I.names.__module__) {
        moduleName = ops::str(v);
        return true;
    }
    if (n == I.names.__defaults__) {
        defaults = v.isNone() ? std::vector<Value>{} : ops::toVector(v);
        return true;
    }
    if (n == I.names.__kwdefaults__) {
        // One value per keyword-only parameter; a name the dict lacks is required again.
        size_t first = static_cast<size_t>(code->nargs + (code->varargSlot >= 0 ? 1 : 0));
        std::vector<Value> kw(static_cast<size_t>(code->nkwonly));
        if (!v.isNone()) {
            auto* d = v.dyn<Dict>();
            if (!d) I.raise(I.types.TypeError, "__kwdefaults__ must be set to a dict object");
            for (size_t k = 0; k < kw.size(); ++k)
                if (first + k < code->paramNames.size()) kw[k] = d->get(Value(code->paramNames[first + k]));
        }
        kwDefaults = std::move(kw);
        return true;
    }
    if (n == I.names.__code__) {
        // f.__code__ = g.__code__: as in CPython, the number of free variables must match.
        auto* co = v.dyn<CodeObject>();
        if (!co) I.raise(I.types.TypeError, "__code__ must be set to a code object");
        const CodeInfo* c = co->code;
        if (c->freeNames.size() != closure.size())
            I.raise(I.types.ValueError, name + "() requires a code object with " + std::to_string(closure.size()) +
                                            " free vars, not " + std::to_string(c->freeNames.size()));
        // Keyword-only defaults belong to names (CPython keeps them in a dict): carry them over.
        Value kw = getAttr(I.names.__kwdefaults__);
        code = c;
        setAttr(I.names.__kwdefaults__, kw);
        return true;
    }
    instanceDict()->set(Value(n), v);
    return true;
}

void Function::clearRefs() {
    globals = nullptr;
    defaults.clear();
    kwDefaults.clear();
    closure.clear();
    classCell = Value();
    attrs = nullptr;
}

std::string BoundMethod::repr() {
    std::string n = "?";
    if (auto* f = func.dyn<Function>()) n = f->qualname;
    else if (auto* nf = func.dyn<NativeFunction>()) n = nf->qualname.empty() ? nf->name : nf->qualname;
    return "<bound method " + n + " of " + ops::repr(self) + ">";
}

Value BoundMethod::call(const CallArgs& args) {
    Value buf[8];
    std::vector<Value> big;
    Value* a = buf;
    size_t n = args.size() + 1;
    if (n > 8) {
        big.resize(n);
        a = big.data();
    }
    a[0] = self;
    for (size_t i = 0; i < args.size(); ++i) a[i + 1] = args.pos[i];
    CallArgs ca{std::span<const Value>(a, n), args.kw};
    if (Object* f = func.obj(); f && f->type() == in().types.function) return in().callFunction(static_cast<Function*>(f), ca);
    return ops::call(func, ca);
}

Value BoundMethod::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<BoundMethod>();
    if (!o || (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)) return {};
    bool eq = func.is(o->func) && self.is(o->self);
    return Value::boolean(op == CmpOpKind::Eq ? eq : !eq);
}

int64_t BoundMethod::hash() { return ops::hash(func) ^ ops::hash(self); }

Value BoundMethod::getAttr(Str* n) {
    Interpreter& I = in();
    if (n == I.names.dunderFunc) return func;
    if (n == I.names.__self__) return self;
    bool found = false;
    Value v = ops::genericGetAttr(func, n, found);
    return found ? v : Value();
}

std::string NativeFunction::repr() {
    if (binds) return "<method '" + name + "' of objects>";
    return "<built-in function " + name + ">";
}

Value NativeFunction::call(const CallArgs& args) {
    if (!self.isNull()) {
        std::vector<Value> a;
        a.push_back(self);
        a.insert(a.end(), args.pos.begin(), args.pos.end());
        return fn(CallArgs{std::span<const Value>(a.data(), a.size()), args.kw});
    }
    if (binds && !args.selfArgs) {
        if (args.pos.empty())
            Interpreter::current().raise("TypeError", "unbound method " + (qualname.empty() ? name : qualname) + "() needs an argument");
        CallArgs withSelf = args;
        withSelf.selfArgs = 1;
        return fn(withSelf);
    }
    return fn(args);
}

Value NativeFunction::getAttr(Str* n) {
    Interpreter& I = in();
    if (n == I.names.__name__) return I.newStr(name);
    if (n == I.names.__qualname__) return I.newStr(qualname.empty() ? name : qualname);
    if (n == I.names.__doc__) return Value::none();
    if (n == I.names.__module__) return Value::none();
    return {};
}

Value StaticMethod::call(const CallArgs& args) { return ops::call(func, args); }

Value StaticMethod::getAttr(Str* n) {
    if (n == in().names.dunderFunc) return func;
    bool found = false;
    Value v = ops::genericGetAttr(func, n, found);
    return found ? v : Value();
}

Value ClassMethod::getAttr(Str* n) {
    if (n == in().names.dunderFunc) return func;
    bool found = false;
    Value v = ops::genericGetAttr(func, n, found);
    return found ? v : Value();
}

Value Property::getAttr(Str* n) {
    Interpreter& I = in();
    if (n == I.names.fget) return fget.isNull() ? Value::none() : fget;
    if (n == I.names.fset) return fset.isNull() ? Value::none() : fset;
    if (n == I.names.fdel) return fdel.isNull() ? Value::none() : fdel;
    if (n == I.names.__doc__) {
        if (!fget.isNull() && !fget.isNone()) return ops::getAttrOpt(fget, I.names.__doc__);
        return Value::none();
    }
    return {};
}

std::string Super::repr() { return "<super: <class '" + thisClass->name() + "'>, <" + selfType->name() + " object>>"; }

// --- Module / Instance -----------------------------------------------------------------------

Module::Module(Type* t, std::string n) : Object(t), name(std::move(n)) {
    dict = in().newDict();
    dict->setStr("__name__", in().newStr(name));
    dict->setStr("__doc__", Value::none());
}

std::string Module::repr() {
    Value f = dict->getStr("__file__");
    if (auto* s = f.dyn<Str>()) return "<module '" + name + "' from '" + s->s() + "'>";
    return "<module '" + name + "'>";
}

Value Module::getAttr(Str* n) {
    if (n == in().names.__dict__) return Value(dict.get());
    return dict->get(Value(n));
}

bool Module::setAttr(Str* n, const Value& v) {
    dict->set(Value(n), v);
    return true;
}

bool Module::delAttr(Str* n) { return dict->remove(Value(n)); }

void Module::clearRefs() {
    if (dict) dict->clearRefs();
    dict = nullptr;
}

Instance::Instance(Type* t) : Object(t) { dict = Ref<Dict>(new Dict(in().types.dict)); }

Value Instance::getAttr(Str* n) { return dict->get(Value(n)); }

bool Instance::setAttr(Str* n, const Value& v) {
    dict->set(Value(n), v);
    return true;
}

bool Instance::delAttr(Str* n) { return dict->remove(Value(n)); }

void Instance::clearRefs() {
    if (dict) dict->clearRefs();
    dict = nullptr;
}

} // namespace gs::runtime
