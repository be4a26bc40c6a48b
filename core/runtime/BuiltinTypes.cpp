// Bootstrap of the builtin types (type, object, int, float, bool, None, exceptions, descriptor
// types) and the host registration API (native types, methods, properties, functions).
#include <cmath>

#include "core/lang/NumberLiteral.h"
#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/NativeTable.h"
#include "core/runtime/Numbers.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {

class Singleton : public Object {
public:
    Singleton(Type* t, std::string r) : Object(t), r_(std::move(r)) {}
    std::string repr() override { return r_; }
    int64_t hash() override { return Str::computeHash(r_); }

private:
    std::string r_;
};

} // namespace

Value parseIntBase(Interpreter& I, std::string_view text, int64_t base, const std::string& shown) {
    auto bad = [&]() -> Value {
        I.raise(I.types.ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + shown);
    };
    size_t b = text.find_first_not_of(" \t\n\r\f\v");
    size_t e = text.find_last_not_of(" \t\n\r\f\v");
    if (b == std::string_view::npos) bad();
    std::string_view s = text.substr(b, e - b + 1);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.size() > 1 && s[0] == '0' && (base == 0 || base == 16 || base == 8 || base == 2)) {
        char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s.remove_prefix(2);
            if (!s.empty() && s[0] == '_') s.remove_prefix(1);
        }
    }
    if (base == 0) base = 10;
    if (s.empty()) bad();
    std::string digits;
    bool lastUnderscore = true;
    for (char c : s) {
        if (c == '_') {
            if (lastUnderscore) bad();
            lastUnderscore = true;
            continue;
        }
        lastUnderscore = false;
        digits += c;
    }
    if (lastUnderscore) bad();
    // Python's limit on decimal conversions (sys.int_info.str_digits_check_threshold).
    if (base == 10 && digits.size() > lang::kMaxIntDigits)
        I.raise(I.types.ValueError, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                                        std::to_string(digits.size()) + " digits");
    auto v = BigInt::parse(digits, static_cast<int>(base));
    if (!v) bad();
    return numbers::fromBig(neg ? -*v : std::move(*v));
}

namespace {

Value floatToInt(Interpreter& I, double d) {
    if (std::isnan(d)) I.raise(I.types.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) I.raise(I.types.OverflowError, "cannot convert float infinity to integer");
    double t = std::trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return numbers::fromBig(BigInt::fromDouble(t));
    return Value::integer(static_cast<int64_t>(t));
}

} // namespace

double parseFloatText(Interpreter& I, std::string_view text) {
    size_t b = text.find_first_not_of(" \t\n\r\f\v");
    size_t e = text.find_last_not_of(" \t\n\r\f\v");
    std::string s = b == std::string_view::npos ? std::string() : std::string(text.substr(b, e - b + 1));
    std::string low;
    for (char c : s) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string body = low;
    bool neg = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        neg = body[0] == '-';
        body.erase(0, 1);
    }
    if (body == "inf" || body == "infinity") return neg ? -INFINITY : INFINITY;
    if (body == "nan") return NAN;
    std::string clean;
    for (char c : s)
        if (c != '_') clean += c;
    char* end = nullptr;
    double d = clean.empty() ? 0 : std::strtod(clean.c_str(), &end);
    if (clean.empty() || end != clean.c_str() + clean.size() || low.find("inf") != std::string::npos ||
        low.find("nan") != std::string::npos || low.find("0x") != std::string::npos)
        I.raise(I.types.ValueError, "could not convert string to float: " + reprString(text));
    return d;
}

Value toIntValue(Interpreter& I, const Value& v) {
    if (v.isIntLike()) return Value::integer(v.asInt());
    if (numbers::bigOf(v)) return v;
    if (v.isFloat()) return floatToInt(I, v.asFloat());
    if (auto* s = v.dyn<Str>()) return parseIntBase(I, s->view(), 10, ops::repr(v));
    if (Object* o = v.obj()) {
        if (o->type()->heap) {
            Value fn = ops::findDunder(o->type(), I.names.__int__);
            if (fn) {
                Value r = ops::call1(fn, v);
                if (!r.isIntLike()) I.raise(I.types.TypeError, "__int__ returned non-int (type " + typeName(r) + ")");
                return Value::integer(r.asInt());
            }
            fn = ops::findDunder(o->type(), I.names.__index__);
            if (fn) return Value::integer(ops::toIndex(v));
            fn = ops::findDunder(o->type(), I.names.__trunc__);
            if (fn) return toIntValue(I, ops::call1(fn, v));
        }
        int64_t out;
        if (o->toInt(out)) return Value::integer(out);
        double d;
        if (o->toFloat(d)) return floatToInt(I, d);
    }
    I.raise(I.types.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" +
                                   typeName(v) + "'");
}

// ---------------------------------------------------------------------------------------------

Type* makeBuiltinType(Interpreter& I, const char* name, Type* base, Type::Allocator alloc, bool subclassable) {
    auto* t = new Type(I.types.type, name);
    t->immutable = true;
    t->subclassable = subclassable;
    if (base) t->setBases({base});
    t->alloc = std::move(alloc);
    core(I).registerType(t);
    return t;
}

NativeFunction* method(Interpreter& I, Type* t, std::string_view name, NativeFunction::Fn fn) {
    auto* f = new NativeFunction(I.types.builtinFunction, std::string(name), std::move(fn), true);
    f->qualname = t->name() + "." + std::string(name);
    t->dict()->set(Value(I.intern(name)), Value(f));
    ++core(I).typeEpoch;
    return f;
}

void Interpreter::bootstrap() {
    // type, object and dict refer to each other: create them first, then fix their types.
    types.type = new Type(nullptr, "type");
    types.type->setTypeUnchecked(types.type);
    types.object = new Type(types.type, "object");
    types.dict = new Type(types.type, "dict");
    for (Type* t : {types.type, types.object, types.dict}) {
        t->dict()->setTypeUnchecked(types.dict);
        t->immutable = true;
        registerType(t);
    }
    types.str = new Type(types.type, "str");
    types.str->immutable = true;
    types.str->isStr = true;
    registerType(types.str);
#define GS_INTERN_NAME(n) names.n = intern(#n);
    GS_RUNTIME_NAMES(GS_INTERN_NAME)
#undef GS_INTERN_NAME
    names.dunderFunc = intern("__func__");
    types.object->alloc = [](Type* c) { return Ref<Object>(new Instance(c)); };
    types.type->setBases({types.object});
    types.type->subclassable = false;
    types.dict->setBases({types.object});
    types.dict->alloc = [](Type* c) { return Ref<Object>(new Dict(c)); };
    types.str->setBases({types.object});
    types.str->subclassable = false;

    auto T = [&](const char* n, Type* base = nullptr, Type::Allocator a = nullptr, bool sub = false) {
        return makeBuiltinType(*this, n, base ? base : types.object, std::move(a), sub);
    };
    types.noneType = T("NoneType");
    types.notImplementedType = T("NotImplementedType");
    types.ellipsisType = T("ellipsis");
    types.int_ = T("int");
    types.bool_ = T("bool", types.int_);
    types.float_ = T("float");
    types.bytes = T("bytes");
    types.tuple = T("tuple");
    types.list = T("list", nullptr, [](Type* c) { return Ref<Object>(new List(c)); }, true);
    types.set = T("set", nullptr, [](Type* c) { return Ref<Object>(new SetObject(c, false)); }, true);
    types.frozenset = T("frozenset");
    types.range = T("range");
    types.slice = T("slice");
    types.function = T("function");
    types.builtinFunction = T("builtin_function_or_method");
    types.method = T("method");
    types.cell = T("cell");
    types.module = T("module");
    types.staticmethod = T("staticmethod");
    types.classmethod = T("classmethod");
    types.property = T("property");
    types.super = T("super");
    types.code = T("code");
    types.listIterator = T("list_iterator");
    types.rangeIterator = T("range_iterator");
    types.iterator = T("iterator");
    types.generator = T("generator");
    types.nativeIterator = T("iterator");
    types.dictKeys = T("dict_keys");
    types.dictValues = T("dict_values");
    types.dictItems = T("dict_items");
    types.dictIterator = T("dict_keyiterator");
    types.setIterator = T("set_iterator");
    types.dict->subclassable = true;

    notImplemented_ = Value(new Singleton(types.notImplementedType, "NotImplemented"));
    ellipsis_ = Value(new Singleton(types.ellipsisType, "Ellipsis"));
    modules_ = newDict();

    setupExceptions(*this, exceptionTypes_);
    setupObjectAndNumbers(*this);
    setupStrMethods(*this);
    setupContainerMethods(*this);
    Module* b = newModule("builtins");
    builtins_ = b->dict.get();
    setupBuiltins(*this, b);
    setupEvalBuiltins(*this, b);
}

// ---- host registration API ----------------------------------------------------------------------

Type* Interpreter::newNativeType(std::string name, std::string module, Type* base) {
    InterpreterScope scope(*this);
    auto* t = new Type(types.type, std::move(name));
    t->module = std::move(module);
    t->setBases({base ? base : types.object});
    t->subclassable = false;
    if (base) t->alloc = base->alloc;
    registerType(t);
    return t;
}

NativeFunction* Interpreter::addMethod(Type* t, std::string_view name, NativeFunction::Fn fn) {
    InterpreterScope scope(*this);
    return method(*this, t, name, std::move(fn));
}

void Interpreter::addStaticMethod(Type* t, std::string_view name, NativeFunction::Fn fn) {
    InterpreterScope scope(*this);
    Value f(new NativeFunction(types.builtinFunction, std::string(name), std::move(fn), false));
    t->dict()->set(Value(intern(name)), Value(new StaticMethod(types.staticmethod, f)));
    ++typeEpoch;
}

void Interpreter::addClassMethod(Type* t, std::string_view name, NativeFunction::Fn fn) {
    InterpreterScope scope(*this);
    Value f(new NativeFunction(types.builtinFunction, std::string(name), std::move(fn), false));
    t->dict()->set(Value(intern(name)), Value(new ClassMethod(types.classmethod, f)));
    ++typeEpoch;
}

void Interpreter::addProperty(Type* t, std::string_view name, std::function<Value(const Value&)> getter,
                              std::function<void(const Value&, const Value&)> setter) {
    InterpreterScope scope(*this);
    std::string n(name);
    Value get(new NativeFunction(types.builtinFunction, n, [getter](const CallArgs& a) { return getter(a[0]); }));
    Value set;
    if (setter)
        set = Value(new NativeFunction(types.builtinFunction, n, [setter](const CallArgs& a) {
            setter(a[0], a[1]);
            return Value::none();
        }));
    t->dict()->set(Value(intern(name)), Value(new Property(types.property, get, set, Value())));
    ++typeEpoch;
}

void Interpreter::setClassAttr(Type* t, std::string_view name, Value v) {
    InterpreterScope scope(*this);
    t->dict()->set(Value(intern(name)), std::move(v));
    ++typeEpoch;
    updateTypeFlags(t);
}

Value Interpreter::newFunction(std::string name, NativeFunction::Fn fn) {
    InterpreterScope scope(*this);
    return Value(new NativeFunction(types.builtinFunction, std::move(name), std::move(fn), false));
}

Value Interpreter::defineFunction(Module* m, std::string_view name, NativeFunction::Fn fn) {
    InterpreterScope scope(*this);
    Value f = newFunction(std::string(name), std::move(fn));
    m->dict->set(Value(intern(name)), f);
    return f;
}

// ---- exceptions ---------------------------------------------------------------------------------

namespace {

Value exception_init(const CallArgs& a) {
    Interpreter& In = Interpreter::current();
    if (auto* e = a[0].dyn<ExceptionObject>())
        e->args = In.newTuple(std::vector<Value>(a.pos.begin() + 1, a.pos.end()));
    return Value::none();
}

Value exception_str(const CallArgs& a) {
    auto* e = a[0].dyn<ExceptionObject>();
    return Interpreter::current().newStr(e ? e->ExceptionObject::str() : ops::str(a[0]));
}

Value exception_repr(const CallArgs& a) {
    auto* e = a[0].dyn<ExceptionObject>();
    return Interpreter::current().newStr(e ? e->ExceptionObject::repr() : ops::repr(a[0]));
}

Value exception_with_traceback(const CallArgs& a) { return a[0]; }
Value exception_add_note(const CallArgs&) { return Value::none(); }

constexpr NativeDef kBaseExceptionMethods[] = {
    {"__init__", exception_init},
    {"__str__", exception_str},
    {"__repr__", exception_repr},
    {"with_traceback", exception_with_traceback},
    {"add_note", exception_add_note},
};

} // namespace

void setupExceptions(Interpreter& I, std::unordered_map<std::string, Type*>& registry) {
    auto alloc = [](Type* c) { return Ref<Object>(new ExceptionObject(c)); };
    auto construct = [](Type* cls, const CallArgs& a) {
        Interpreter& In = Interpreter::current();
        Ref<Object> o = cls->alloc(cls);
        static_cast<ExceptionObject*>(o.get())->args = In.newTuple(std::vector<Value>(a.pos.begin(), a.pos.end()));
        return Value(o.get());
    };
    auto E = [&](const char* name, Type* base) {
        Type* t = makeBuiltinType(I, name, base ? base : I.types.object, alloc, true);
        t->construct = construct;
        registry[name] = t;
        return t;
    };
    BuiltinTypes& T = I.types;
    T.BaseException = E("BaseException", nullptr);
    T.SystemExit = E("SystemExit", T.BaseException);
    E("KeyboardInterrupt", T.BaseException);
    E("GeneratorExit", T.BaseException);
    T.Exception = E("Exception", T.BaseException);
    T.ArithmeticError = E("ArithmeticError", T.Exception);
    T.ZeroDivisionError = E("ZeroDivisionError", T.ArithmeticError);
    T.OverflowError = E("OverflowError", T.ArithmeticError);
    E("FloatingPointError", T.ArithmeticError);
    T.AssertionError = E("AssertionError", T.Exception);
    T.AttributeError = E("AttributeError", T.Exception);
    T.LookupError = E("LookupError", T.Exception);
    T.IndexError = E("IndexError", T.LookupError);
    T.KeyError = E("KeyError", T.LookupError);
    T.NameError = E("NameError", T.Exception);
    T.UnboundLocalError = E("UnboundLocalError", T.NameError);
    T.RuntimeError = E("RuntimeError", T.Exception);
    T.NotImplementedError = E("NotImplementedError", T.RuntimeError);
    T.RecursionError = E("RecursionError", T.RuntimeError);
    T.StopIteration = E("StopIteration", T.Exception);
    E("StopAsyncIteration", T.Exception);
    T.TypeError = E("TypeError", T.Exception);
    T.ValueError = E("ValueError", T.Exception);
    Type* unicode = E("UnicodeError", T.ValueError);
    E("UnicodeDecodeError", unicode);
    E("UnicodeEncodeError", unicode);
    T.ImportError = E("ImportError", T.Exception);
    T.ModuleNotFoundError = E("ModuleNotFoundError", T.ImportError);
    Type* os = E("OSError", T.Exception);
    registry["IOError"] = os;
    registry["EnvironmentError"] = os;
    E("FileNotFoundError", os);
    E("FileExistsError", os);
    E("PermissionError", os);
    E("TimeoutError", os);
    E("EOFError", T.Exception);
    E("MemoryError", T.Exception);
    E("BufferError", T.Exception);
    Type* syntax = E("SyntaxError", T.Exception);
    E("IndentationError", syntax);
    E("SystemError", T.Exception);
    E("ReferenceError", T.Exception);
    Type* warning = E("Warning", T.Exception);
    for (const char* w : {"UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "RuntimeWarning",
                          "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
                          "ResourceWarning"})
        E(w, warning);
    T.SkipTest = E("SkipTest", T.Exception);
    T.SkipTest->module = "unittest";
    registry.erase("SkipTest");

    Type* be = T.BaseException;
    defineMethods(I, be, kBaseExceptionMethods);
}

} // namespace gs::runtime
