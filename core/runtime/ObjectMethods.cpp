// Methods and constructors of object, type, int, float, bool, NoneType, the descriptor types,
// super and the iterator types.
#include <cmath>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Extension.h"
#include "core/runtime/Generator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {
Interpreter& in() { return Interpreter::current(); }

Value makeSuper(const CallArgs& a) {
    Interpreter& I = in();
    Type* cls;
    Value self;
    if (a.size() == 0) {
        Frame* f = core(I).topFrame();
        if (!f || !f->func || f->code->nlocals == 0 || (f->code->nargs == 0 && f->code->varargSlot != 0))
            I.raise(I.types.RuntimeError, "super(): no arguments");
        auto* cell = f->func->classCell.dyn<Cell>();
        if (!cell || cell->value.isNull()) I.raise(I.types.RuntimeError, "super(): __class__ cell not found");
        cls = cell->value.as<Type>();
        self = f->fast[0];
        if (!f->code->cellSlots.empty() && f->code->cellSlots[0] == 0) self = self.as<Cell>()->value;
        if (f->code->varargSlot == 0) {
            auto* t = self.as<runtime::Tuple>();
            self = t->items.empty() ? Value() : t->items[0];
        }
        if (self.isNull()) I.raise(I.types.RuntimeError, "super(): arg[0] deleted");
    } else {
        auto* t = a[0].dyn<Type>();
        if (!t) I.raise(I.types.TypeError, "super() argument 1 must be a type, not " + typeName(a[0]));
        cls = t;
        if (a.size() < 2) I.raise(I.types.TypeError, "super() without an instance is not supported");
        self = a[1];
    }
    Type* selfType;
    if (self.isObj() && self.obj()->type() == I.types.type && self.as<Type>()->isSubtypeOf(cls)) selfType = self.as<Type>();
    else selfType = ops::typeOf(self);
    if (!selfType->isSubtypeOf(cls))
        I.raise(I.types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return Value(new Super(I.types.super, cls, self, selfType));
}

Value iterator_next(const CallArgs& a) {
    Value out;
    if (ops::next(a[0], out)) return out;
    if (auto* g = a[0].dyn<Generator>(); g && !g->returnValue.isNull() && !g->returnValue.isNone())
        in().raiseArgs(in().types.StopIteration, {g->returnValue});
    in().raise(in().types.StopIteration, "");
}

Value iterator_iter(const CallArgs& a) { return a[0]; }

constexpr NativeDef kIteratorMethods[] = {
    {"__next__", iterator_next},
    {"__iter__", iterator_iter},
};

} // namespace

namespace {

Value object_init(const CallArgs& a) {
    if (a.size() > 1 || !a.kw.empty())
        in().raise(in().types.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    return Value::none();
}

Value object_setattr(const CallArgs& a) {
    a.expect("__setattr__", 3, 3);
    auto* n = a[1].dyn<Str>();
    if (!n) in().raise(in().types.TypeError, "attribute name must be string, not '" + typeName(a[1]) + "'");
    ops::genericSetAttr(a[0], in().intern(n->view()), a[2]);
    return Value::none();
}

Value object_getattribute(const CallArgs& a) {
    a.expect("__getattribute__", 2, 2);
    auto* n = a[1].dyn<Str>();
    if (!n) in().raise(in().types.TypeError, "attribute name must be string, not '" + typeName(a[1]) + "'");
    bool found = false;
    Value v = ops::genericGetAttr(a[0], in().intern(n->view()), found);
    if (!found)
        in().raise(in().types.AttributeError, "'" + typeName(a[0]) + "' object has no attribute '" + n->s() + "'");
    return v;
}

Value object_delattr(const CallArgs& a) {
    a.expect("__delattr__", 2, 2);
    ops::genericDelAttr(a[0], in().intern(ops::str(a[1])));
    return Value::none();
}

Value object_eq(const CallArgs& a) { return a[0].is(a[1]) ? Value::boolean(true) : in().notImplemented(); }

Value object_ne(const CallArgs& a) {
    Value r = ops::compare(CmpOpKind::Eq, a[0], a[1]);
    return Value::boolean(!ops::truthy(r));
}

Value object_hash(const CallArgs& a) {
    return Value::integer(a[0].isObj() ? a[0].obj()->Object::hash() : ops::hash(a[0]));
}

Value object_repr(const CallArgs& a) {
    return in().newStr(a[0].isObj() ? a[0].obj()->Object::repr() : ops::repr(a[0]));
}

Value object_str(const CallArgs& a) { return in().newStr(ops::repr(a[0])); }

Value object_format(const CallArgs& a) {
    std::string spec = a.size() > 1 ? ops::str(a[1]) : "";
    if (!spec.empty())
        in().raise(in().types.TypeError, "unsupported format string passed to " + typeName(a[0]) + ".__format__");
    return in().newStr(ops::str(a[0]));
}

Value object_dir(const CallArgs& a) {
    std::vector<Value> names;
    if (Object* ob = a[0].obj())
        if (Dict* d = ob->instanceDict()) names = d->keys();
    for (Type* t : ops::typeOf(a[0])->mro())
        for (auto& k : t->dict()->keys()) names.push_back(k);
    return in().newList(std::move(names));
}

Value type_mro(const CallArgs& a) {
    std::vector<Value> out;
    for (Type* t : a[0].as<Type>()->mro()) out.push_back(Value(t));
    return in().newList(std::move(out));
}

Value int_bit_length(const CallArgs& a) {
    int64_t v = a[0].asInt();
    uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    int64_t n = 0;
    while (m) {
        ++n;
        m >>= 1;
    }
    return Value::integer(n);
}

Value int_conjugate(const CallArgs& a) { return Value::integer(a[0].asInt()); }
Value int_index(const CallArgs& a) { return Value::integer(a[0].asInt()); }
Value int_int(const CallArgs& a) { return Value::integer(a[0].asInt()); }
Value int_float(const CallArgs& a) { return Value::real(static_cast<double>(a[0].asInt())); }
Value int_is_integer(const CallArgs&) { return Value::boolean(true); }
Value int_real(const Value& v) { return Value::integer(v.asInt()); }
Value int_imag(const Value&) { return Value::integer(0); }
Value int_numerator(const Value& v) { return Value::integer(v.asInt()); }
Value int_denominator(const Value&) { return Value::integer(1); }

Value float_is_integer(const CallArgs& a) {
    double d = a[0].asFloat();
    return Value::boolean(std::isfinite(d) && std::floor(d) == d);
}

Value float_conjugate(const CallArgs& a) { return a[0]; }
Value float_float(const CallArgs& a) { return a[0]; }
Value float_int(const CallArgs& a) { return toIntValue(in(), a[0]); }

Value float_as_integer_ratio(const CallArgs& a) {
    double d = a[0].asFloat();
    if (!std::isfinite(d)) in().raise(in().types.OverflowError, "cannot convert Infinity to integer ratio");
    int e;
    double m = std::frexp(d, &e);
    int64_t num, den = 1;
    for (int k = 0; k < 300 && m != std::floor(m); ++k) {
        m *= 2;
        --e;
    }
    num = static_cast<int64_t>(m);
    if (e > 0) num = numbers::ipow(2, e) * num;
    else den = numbers::ipow(2, -e);
    while (num % 2 == 0 && den % 2 == 0 && den > 1) {
        num /= 2;
        den /= 2;
    }
    return in().newTuple({Value::integer(num), Value::integer(den)});
}

Value float_real(const Value& v) { return v; }
Value float_imag(const Value&) { return Value::real(0.0); }

Value property_getter(const CallArgs& a) {
    auto* p = a[0].as<Property>();
    return Value(new Property(in().types.property, a[1], p->fset, p->fdel));
}

Value property_setter(const CallArgs& a) {
    auto* p = a[0].as<Property>();
    return Value(new Property(in().types.property, p->fget, a[1], p->fdel));
}

Value property_deleter(const CallArgs& a) {
    auto* p = a[0].as<Property>();
    return Value(new Property(in().types.property, p->fget, p->fset, a[1]));
}

Value property_get(const CallArgs& a) {
    if (a.size() < 2 || a[1].isNone()) return a[0];
    return ops::bindDescriptor(a[0], a[1], ops::typeOf(a[1]));
}

Value property_set(const CallArgs& a) {
    auto* p = a[0].as<Property>();
    if (p->fset.isNull()) in().raise(in().types.AttributeError, "property has no setter");
    ops::call2(p->fset, a[1], a[2]);
    return Value::none();
}

Value classmethod_get(const CallArgs& a) {
    Type* owner = a.size() > 2 && a[2].dyn<Type>() ? a[2].as<Type>() : ops::typeOf(a[1]);
    return Value(new BoundMethod(in().types.method, a[0].as<ClassMethod>()->func, Value(owner)));
}

Value staticmethod_get(const CallArgs& a) { return a[0].as<StaticMethod>()->func; }

Value function_get(const CallArgs& a) {
    if (a.size() < 2 || a[1].isNone()) return a[0];
    return Value(new BoundMethod(in().types.method, a[0], a[1]));
}

Value generator_close(const CallArgs& a) {
    if (auto* g = a[0].dyn<Generator>()) g->close();
    return Value::none();
}

// object.__new__(cls), a staticmethod.
Value object_dunder_new(const CallArgs& a) {
    Interpreter& In = in();
    auto* cls = a.size() ? a[0].dyn<Type>() : nullptr;
    if (!cls) In.raise(In.types.TypeError, "object.__new__(X): X is not a type object");
    if (!cls->alloc) In.raise(In.types.TypeError, "cannot create '" + cls->name() + "' instances");
    Ref<Object> obj = cls->alloc(cls);
    return Value(obj.get());
}

// object.__init_subclass__(cls), a classmethod: nothing to do.
Value object_init_subclass(const CallArgs&) { return Value::none(); }

// A generator's send()/throw() result: the yielded value, or StopIteration(return value).
Value yieldedOrStop(Generator* g, bool yielded, const Value& out) {
    if (yielded) return out;
    Interpreter& In = in();
    In.raiseArgs(In.types.StopIteration, g->returnValue.isNull() || g->returnValue.isNone()
                                              ? std::vector<Value>{}
                                              : std::vector<Value>{g->returnValue});
}

Value generator_send(const CallArgs& a) {
    a.expect("send", 2, 2);
    auto* g = a[0].dyn<Generator>();
    if (!g) in().raise(in().types.TypeError, "send() requires a generator");
    Value out;
    bool y = g->resume(a[1], out);
    return yieldedOrStop(g, y, out);
}

Value generator_throw(const CallArgs& a) {
    a.expect("throw", 2, 4);
    auto* g = a[0].dyn<Generator>();
    if (!g) in().raise(in().types.TypeError, "throw() requires a generator");
    Value exc = a[1];
    if (exc.dyn<Type>()) exc = a.size() > 2 && !a[2].isNone() ? ops::call1(exc, a[2]) : ops::call0(exc);
    if (!exc.dyn<ExceptionObject>()) in().raise(in().types.TypeError, "exceptions must derive from BaseException");
    g->setPendingThrow(exc);
    Value out;
    bool y = g->resume(Value::none(), out);
    return yieldedOrStop(g, y, out);
}

constexpr NativeDef kObjectMethods[] = {
    {"__init__", object_init},
    {"__setattr__", object_setattr},
    {"__getattribute__", object_getattribute},
    {"__delattr__", object_delattr},
    {"__eq__", object_eq},
    {"__ne__", object_ne},
    {"__hash__", object_hash},
    {"__repr__", object_repr},
    {"__str__", object_str},
    {"__format__", object_format},
    {"__dir__", object_dir},
};
constexpr NativeDef kTypeMethods[] = {
    {"mro", type_mro},
};
constexpr NativeDef kIntMethods[] = {
    {"bit_length", int_bit_length},
    {"conjugate", int_conjugate},
    {"__index__", int_index},
    {"__int__", int_int},
    {"__float__", int_float},
    {"is_integer", int_is_integer},
};
constexpr PropertyDef kIntProperties[] = {
    {"real", int_real},
    {"imag", int_imag},
    {"numerator", int_numerator},
    {"denominator", int_denominator},
};
constexpr NativeDef kFloatMethods[] = {
    {"is_integer", float_is_integer},
    {"conjugate", float_conjugate},
    {"__float__", float_float},
    {"__int__", float_int},
    {"as_integer_ratio", float_as_integer_ratio},
};
constexpr PropertyDef kFloatProperties[] = {
    {"real", float_real},
    {"imag", float_imag},
};
constexpr NativeDef kPropertyMethods[] = {
    {"getter", property_getter},
    {"setter", property_setter},
    {"deleter", property_deleter},
    {"__get__", property_get},
    {"__set__", property_set},
};
constexpr NativeDef kClassMethodMethods[] = {
    {"__get__", classmethod_get},
};
constexpr NativeDef kStaticMethodMethods[] = {
    {"__get__", staticmethod_get},
};
constexpr NativeDef kFunctionMethods[] = {
    {"__get__", function_get},
};
constexpr NativeDef kGeneratorMethods[] = {
    {"send", generator_send},
    {"throw", generator_throw},
    {"close", generator_close},
};

// Constructors (Type::construct): what calling the type does.
Value object_new(Type* cls, const CallArgs& a) {
    if (a.size() || !a.kw.empty()) in().raise(in().types.TypeError, "object() takes no arguments");
    return Value(new Instance(cls));
}

Value type_new(Type*, const CallArgs& a) {
    Interpreter& In = in();
    if (a.size() == 1) return Value(ops::visibleTypeOf(a[0]));
    if (a.size() != 3) In.raise(In.types.TypeError, "type() takes 1 or 3 arguments");
    std::string name = ops::str(a[0]);
    std::vector<Type*> bases;
    for (auto& b : ops::toVector(a[1])) {
        auto* bt = b.dyn<Type>();
        if (!bt) In.raise(In.types.TypeError, "bases must be types");
        bases.push_back(bt);
    }
    auto* ns = a[2].dyn<Dict>();
    if (!ns) In.raise(In.types.TypeError, "type.__new__() argument 3 must be dict, not " + typeName(a[2]));
    std::string module = "__main__";
    if (Frame* f = core(In).topFrame())
        if (auto* s = f->globals->getStr("__name__").dyn<Str>()) module = s->s();
    return core(In).eval().makeClass(name, name, bases, ns, module);
}

Value int_new(Type*, const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "int", {"x", "base"}, 0);
    if (!p.has(0)) return Value::integer(0);
    if (p.has(1)) {
        auto* s = p[0].dyn<Str>();
        if (!s) In.raise(In.types.TypeError, "int() can't convert non-string with explicit base");
        int64_t base = ops::toIndex(p[1]);
        if (base != 0 && (base < 2 || base > 36)) In.raise(In.types.ValueError, "int() base must be >= 2 and <= 36, or 0");
        return parseIntBase(In, s->view(), base, ops::repr(p[0]));
    }
    return toIntValue(In, p[0]);
}

Value bool_new(Type*, const CallArgs& a) {
    a.expect("bool", 0, 1);
    return Value::boolean(a.size() ? ops::truthy(a[0]) : false);
}

Value float_new(Type*, const CallArgs& a) {
    Interpreter& In = in();
    a.expect("float", 0, 1);
    if (!a.size()) return Value::real(0.0);
    const Value& x = a[0];
    if (auto* s = x.dyn<Str>()) return Value::real(parseFloatText(In, s->view()));
    double d;
    if (ops::tryDouble(x, d)) return Value::real(d);
    In.raise(In.types.TypeError, "float() argument must be a string or a real number, not '" + typeName(x) + "'");
}

Value none_new(Type*, const CallArgs& a) {
    a.expect("NoneType", 0, 0);
    return Value::none();
}

Value method_new(Type* cls, const CallArgs& a) {
    a.expect("method", 2, 2);
    return Value(new BoundMethod(cls, a[0], a[1]));
}

Value property_new(Type* cls, const CallArgs& a) {
    ArgParser p(a, "property", {"fget", "fset", "fdel", "doc"}, 0);
    auto none2null = [](const Value& v) { return v.isNone() ? Value() : v; };
    return Value(new Property(cls, none2null(p[0]), none2null(p[1]), none2null(p[2])));
}

Value staticmethod_new(Type* cls, const CallArgs& a) {
    a.expect("staticmethod", 1, 1);
    return Value(new StaticMethod(cls, a[0]));
}

Value classmethod_new(Type* cls, const CallArgs& a) {
    a.expect("classmethod", 1, 1);
    return Value(new ClassMethod(cls, a[0]));
}

Value super_new(Type*, const CallArgs& a) { return makeSuper(a); }

} // namespace

void setupObjectAndNumbers(Interpreter& I) {
    BuiltinTypes& T = I.types;
    Type* o = T.object;
    defineMethods(I, o, kObjectMethods);
    Value dunderNew(new NativeFunction(T.builtinFunction, "__new__", object_dunder_new));
    o->dict()->setStr("__new__", Value(new StaticMethod(T.staticmethod, dunderNew)));
    Value initSubclass(new NativeFunction(T.builtinFunction, "__init_subclass__", object_init_subclass));
    o->dict()->setStr("__init_subclass__", Value(new ClassMethod(T.classmethod, initSubclass)));
    o->construct = object_new;
    T.type->construct = type_new;
    defineMethods(I, T.type, kTypeMethods);
    T.int_->construct = int_new;
    defineMethods(I, T.int_, kIntMethods);
    defineProperties(I, T.int_, kIntProperties);
    T.bool_->construct = bool_new;
    T.noneType->construct = none_new;
    T.float_->construct = float_new;
    defineMethods(I, T.float_, kFloatMethods);
    defineProperties(I, T.float_, kFloatProperties);
    T.property->construct = property_new;
    defineMethods(I, T.property, kPropertyMethods);
    T.staticmethod->construct = staticmethod_new;
    T.classmethod->construct = classmethod_new;
    defineMethods(I, T.classmethod, kClassMethodMethods);
    defineMethods(I, T.staticmethod, kStaticMethodMethods);
    defineMethods(I, T.function, kFunctionMethods);
    T.super->construct = super_new;
    T.method->construct = method_new;
    for (Type* t : {T.listIterator, T.rangeIterator, T.iterator, T.generator, T.nativeIterator, T.dictIterator, T.setIterator})
        defineMethods(I, t, kIteratorMethods);
    defineMethods(I, T.generator, kGeneratorMethods);
}

} // namespace gs::runtime
