// The builtins module: print, len, isinstance, min/max, sorted, zip, ... (CPython's messages);
// the numeric ones (abs, round, pow, divmod, chr, hex ...) are in BuiltinsNumbers.cpp.
#include <algorithm>
#include <cmath>

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Complex.h"
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
#include "core/runtime/Set.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

void sortList(std::vector<Value>& items, const Value& key, bool reverse);

namespace {
Interpreter& in() { return Interpreter::current(); }

bool matchesClassSpec(const Value& obj, const Value& spec, bool subclass, const char* fname) {
    Interpreter& I = in();
    if (auto* t = spec.dyn<Tuple>()) {
        for (const auto& s : t->items)
            if (matchesClassSpec(obj, s, subclass, fname)) return true;
        return false;
    }
    auto* cls = spec.dyn<Type>();
    if (!cls)
        I.raise(I.types.TypeError, std::string(fname) + "() arg 2 must be a type, a tuple of types, or a union");
    if (subclass) return obj.as<Type>()->isSubtypeOf(cls);
    return ops::isInstance(obj, cls);
}

Value minmax(const CallArgs& a, bool isMax) {
    Interpreter& I = in();
    const char* name = isMax ? "max" : "min";
    Value key, dflt;
    for (const auto& k : a.kw) {
        if (k.name->view() == "key") key = k.value;
        else if (k.name->view() == "default") dflt = k.value;
        else I.raise(I.types.TypeError, std::string(name) + "() got an unexpected keyword argument '" + k.name->s() + "'");
    }
    std::vector<Value> items;
    if (a.size() == 0) I.raise(I.types.TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (a.size() == 1) items = ops::toVector(a[0]);
    else {
        if (!dflt.isNull())
            I.raise(I.types.TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
        items.assign(a.pos.begin(), a.pos.end());
    }
    if (items.empty()) {
        if (!dflt.isNull()) return dflt;
        I.raise(I.types.ValueError, std::string(name) + "() arg is an empty sequence");
    }
    bool useKey = !key.isNull() && !key.isNone();
    Value best = items[0];
    Value bestKey = useKey ? ops::call1(key, best) : best;
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = useKey ? ops::call1(key, items[i]) : items[i];
        bool better = isMax ? ops::compareBool(CmpOpKind::Gt, k, bestKey) : ops::compareBool(CmpOpKind::Lt, k, bestKey);
        if (better) {
            best = items[i];
            bestKey = k;
        }
    }
    return best;
}

Value printFn(const CallArgs& a) {
    Interpreter& I = in();
    std::string sep = " ", end = "\n";
    Value file;
    for (const auto& k : a.kw) {
        std::string_view n = k.name->view();
        if (n == "sep") {
            if (!k.value.isNone()) {
                auto* s = k.value.dyn<Str>();
                if (!s) I.raise(I.types.TypeError, "sep must be None or a string, not " + typeName(k.value));
                sep = s->s();
            }
        } else if (n == "end") {
            if (!k.value.isNone()) {
                auto* s = k.value.dyn<Str>();
                if (!s) I.raise(I.types.TypeError, "end must be None or a string, not " + typeName(k.value));
                end = s->s();
            }
        } else if (n == "file") {
            file = k.value;
        } else if (n != "flush") {
            I.raise(I.types.TypeError, "'" + k.name->s() + "' is an invalid keyword argument for print()");
        }
    }
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
        if (i) out += sep;
        out += ops::str(a[i]);
    }
    out += end;
    if (!file.isNull() && !file.isNone()) {
        ops::callMethod(file, I.intern("write"), {I.newStr(out)});
        return Value::none();
    }
    I.write(out);
    return Value::none();
}

} // namespace

namespace {

Value builtin_len(const CallArgs& a) {
    a.expect("len", 1, 1);
    return Value::integer(ops::length(a[0]));
}

Value builtin_repr(const CallArgs& a) {
    a.expect("repr", 1, 1);
    return in().newStr(ops::repr(a[0]));
}

Value builtin_ascii(const CallArgs& a) {
    a.expect("ascii", 1, 1);
    return in().newStr(ops::repr(a[0]));
}

Value builtin_isinstance(const CallArgs& a) {
    a.expect("isinstance", 2, 2);
    return Value::boolean(matchesClassSpec(a[0], a[1], false, "isinstance"));
}

Value builtin_issubclass(const CallArgs& a) {
    a.expect("issubclass", 2, 2);
    if (!a[0].dyn<Type>()) in().raise(in().types.TypeError, "issubclass() arg 1 must be a class");
    return Value::boolean(matchesClassSpec(a[0], a[1], true, "issubclass"));
}

Value builtin_min(const CallArgs& a) { return minmax(a, false); }
Value builtin_max(const CallArgs& a) { return minmax(a, true); }

Value builtin_sum(const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "sum", {"iterable", "start"}, 1);
    Value acc = p.has(1) ? p[1] : Value::integer(0);
    if (acc.dyn<Str>()) In.raise(In.types.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = ops::getIter(p[0]);
    Value v;
    while (ops::next(it, v)) {
        int64_t r;
        if (acc.isInt() && v.isInt() && !__builtin_add_overflow(acc.asInt(), v.asInt(), &r)) acc = Value::integer(r);
        else acc = ops::binary(BinOpKind::Add, acc, v);
    }
    return acc;
}

Value builtin_zip(const CallArgs& a) {
    Interpreter& In = in();
    bool strict = false;
    for (const auto& k : a.kw) {
        if (k.name->view() == "strict") strict = ops::truthy(k.value);
        else In.raise(In.types.TypeError, "zip() got an unexpected keyword argument '" + k.name->s() + "'");
    }
    std::vector<Value> its;
    for (size_t i = 0; i < a.size(); ++i) {
        its.push_back(ops::getIter(a[i]));
    }
    return Value(new NativeIterator(In.types.nativeIterator, "zip", [its, strict](Value& out) {
        if (its.empty()) return false;
        std::vector<Value> row;
        for (size_t i = 0; i < its.size(); ++i) {
            Value v;
            if (!ops::next(its[i], v)) {
                if (strict && i > 0)
                    in().raise(in().types.ValueError, "zip() argument " + std::to_string(i + 1) + " is shorter than argument 1");
                return false;
            }
            row.push_back(v);
        }
        out = in().newTuple(std::move(row));
        return true;
    }));
}

Value builtin_enumerate(const CallArgs& a) {
    Interpreter& In = in();
    ArgParser p(a, "enumerate", {"iterable", "start"}, 1);
    Value it = ops::getIter(p[0]);
    auto n = std::make_shared<int64_t>(p.getInt(1, 0));
    return Value(new NativeIterator(In.types.nativeIterator, "enumerate", [it, n](Value& out) {
        Value v;
        if (!ops::next(it, v)) return false;
        out = in().newTuple({Value::integer((*n)++), v});
        return true;
    }));
}

Value builtin_sorted(const CallArgs& a) {
    if (a.size() != 1) in().raise(in().types.TypeError, "sorted expected 1 argument, got " + std::to_string(a.size()));
    ArgParser p(CallArgs{{}, a.kw}, "sorted", {"key", "reverse"}, 0, 0);
    std::vector<Value> items = ops::toVector(a[0]);
    sortList(items, p[0], p.getBool(1, false));
    return in().newList(std::move(items));
}

Value builtin_reversed(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("reversed", 1, 1);
    const Value& x = a[0];
    if (Object* o = x.obj(); o && o->type()->heap) {
        Value fn = ops::findDunder(o->type(), In.names.__reversed__);
        if (fn) return ops::call1(fn, x);
    }
    if (x.dyn<Dict>() || x.dyn<List>() || x.dyn<Tuple>() || x.dyn<Range>() || x.dyn<Str>() || x.dyn<DictView>()) {
        std::vector<Value> items = ops::toVector(x);
        std::reverse(items.begin(), items.end());
        return Value(new VectorIterator(In.types.iterator, std::move(items)));
    }
    if (Object* o = x.obj(); o && o->type()->heap && ops::findDunder(o->type(), In.names.__getitem__)) {
        int64_t n = ops::length(x);
        std::vector<Value> items;
        for (int64_t i = n - 1; i >= 0; --i) items.push_back(ops::getItem(x, Value::integer(i)));
        return Value(new VectorIterator(In.types.iterator, std::move(items)));
    }
    In.raise(In.types.TypeError, "'" + typeName(x) + "' object is not reversible");
}

Value builtin_any(const CallArgs& a) {
    a.expect("any", 1, 1);
    Value it = ops::getIter(a[0]);
    Value v;
    while (ops::next(it, v))
        if (ops::truthy(v)) return Value::boolean(true);
    return Value::boolean(false);
}

Value builtin_all(const CallArgs& a) {
    a.expect("all", 1, 1);
    Value it = ops::getIter(a[0]);
    Value v;
    while (ops::next(it, v))
        if (!ops::truthy(v)) return Value::boolean(false);
    return Value::boolean(true);
}

Value builtin_id(const CallArgs& a) {
    a.expect("id", 1, 1);
    if (Object* o = a[0].obj()) return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(o)));
    return Value::integer(static_cast<int64_t>(a[0].rawBits() * 16 + static_cast<uint64_t>(a[0].tag())));
}

Value builtin_getattr(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("getattr", 2, 3);
    auto* n = a[1].dyn<Str>();
    if (!n) In.raise(In.types.TypeError, "attribute name must be string, not '" + typeName(a[1]) + "'");
    Str* name = In.intern(n->view());
    if (a.size() == 3) {
        try {
            Value v = ops::getAttrOpt(a[0], name);
            return v.isNull() ? a[2] : v;
        } catch (PyError& e) {
            if (e.exception()->type()->isSubtypeOf(In.types.AttributeError)) return a[2];
            throw;
        }
    }
    return ops::getAttr(a[0], name);
}

Value builtin_setattr(const CallArgs& a) {
    a.expect("setattr", 3, 3);
    auto* n = a[1].dyn<Str>();
    if (!n) in().raise(in().types.TypeError, "attribute name must be string, not '" + typeName(a[1]) + "'");
    ops::setAttr(a[0], in().intern(n->view()), a[2]);
    return Value::none();
}

Value builtin_delattr(const CallArgs& a) {
    a.expect("delattr", 2, 2);
    auto* n = a[1].dyn<Str>();
    if (!n) in().raise(in().types.TypeError, "attribute name must be string, not '" + typeName(a[1]) + "'");
    ops::delAttr(a[0], in().intern(n->view()));
    return Value::none();
}

Value builtin_hasattr(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("hasattr", 2, 2);
    auto* n = a[1].dyn<Str>();
    if (!n) In.raise(In.types.TypeError, "hasattr(): attribute name must be string");
    try {
        return Value::boolean(!ops::getAttrOpt(a[0], In.intern(n->view())).isNull());
    } catch (PyError& e) {
        if (e.exception()->type()->isSubtypeOf(In.types.AttributeError)) return Value::boolean(false);
        throw;
    }
}

Value builtin_iter(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("iter", 1, 2);
    if (a.size() == 2) {
        Value fn = a[0], sentinel = a[1];
        return Value(new NativeIterator(In.types.nativeIterator, "callable_iterator", [fn, sentinel](Value& out) {
            out = ops::call0(fn);
            return !ops::equals(out, sentinel);
        }));
    }
    return ops::getIter(a[0]);
}

Value builtin_next(const CallArgs& a) {
    a.expect("next", 1, 2);
    Value out;
    if (ops::next(a[0], out)) return out;
    if (a.size() == 2) return a[1];
    if (auto* g = a[0].dyn<Generator>(); g && !g->returnValue.isNull() && !g->returnValue.isNone())
        in().raiseArgs(in().types.StopIteration, {g->returnValue});
    in().raise(in().types.StopIteration, "");
}

Value builtin_hash(const CallArgs& a) {
    a.expect("hash", 1, 1);
    return Value::integer(ops::hash(a[0]));
}

Value builtin_callable(const CallArgs& a) {
    a.expect("callable", 1, 1);
    return Value::boolean(ops::isCallable(a[0]));
}

Value builtin_map(const CallArgs& a) {
    Interpreter& In = in();
    a.noKeywords("map");
    if (a.size() < 2) In.raise(In.types.TypeError, "map() must have at least two arguments.");
    Value fn = a[0];
    std::vector<Value> its;
    for (size_t i = 1; i < a.size(); ++i) its.push_back(ops::getIter(a[i]));
    return Value(new NativeIterator(In.types.nativeIterator, "map", [fn, its](Value& out) {
        std::vector<Value> args;
        for (const auto& it : its) {
            Value v;
            if (!ops::next(it, v)) return false;
            args.push_back(v);
        }
        out = ops::call(fn, CallArgs{std::span<const Value>(args.data(), args.size()), {}});
        return true;
    }));
}

Value builtin_filter(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("filter", 2, 2);
    Value fn = a[0];
    Value it = ops::getIter(a[1]);
    return Value(new NativeIterator(In.types.nativeIterator, "filter", [fn, it](Value& out) {
        Value v;
        while (ops::next(it, v)) {
            bool keep = fn.isNone() ? ops::truthy(v) : ops::truthy(ops::call1(fn, v));
            if (keep) {
                out = v;
                return true;
            }
        }
        return false;
    }));
}

Value builtin_format(const CallArgs& a) {
    a.expect("format", 1, 2);
    std::string spec;
    if (a.size() > 1) {
        auto* s = a[1].dyn<Str>();
        if (!s) in().raise(in().types.TypeError, "format() argument 2 must be str, not " + typeName(a[1]));
        spec = s->s();
    }
    return in().newStr(ops::format(a[0], spec));
}

Value builtin_globals(const CallArgs&) {
    Frame* f = core(in()).topFrame();
    return f ? Value(f->globals) : Value(in().builtinsDict());
}

Value builtin_locals(const CallArgs&) {
    Interpreter& In = in();
    Frame* f = core(In).topFrame();
    if (!f) return Value(In.builtinsDict());
    if (f->classNs) return Value(f->classNs);
    if (!f->func) return Value(f->globals);
    Ref<Dict> d = In.newDict();
    for (int i = 0; i < f->code->nlocals; ++i) {
        Value v = f->fast[i];
        if (auto* c = v.dyn<Cell>()) v = c->value;
        if (!v.isNull()) d->setStr(f->code->localNames[static_cast<size_t>(i)], v);
    }
    return Value(d.get());
}

Value builtin_vars(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("vars", 0, 1);
    if (a.size() == 0) {
        Frame* f = core(In).topFrame();
        return f ? Value(f->classNs ? f->classNs : f->globals) : Value(In.builtinsDict());
    }
    if (a[0].dyn<Type>()) return ops::getAttr(a[0], In.names.__dict__);
    if (Object* o = a[0].obj())
        if (Dict* dd = o->instanceDict()) {
            // Traced: read as P.__dict__ so that its items are guarded where they are read.
            if (In.observer()) return ops::getAttr(a[0], In.names.__dict__);
            return Value(dd);
        }
    In.raise(In.types.TypeError, "vars() argument must have __dict__ attribute");
}

Value builtin_dir(const CallArgs& a) {
    Interpreter& In = in();
    a.expect("dir", 0, 1);
    std::vector<std::string> names;
    auto addDict = [&](Dict* dd) {
        for (auto& k : dd->keys())
            if (auto* s = k.dyn<Str>()) names.push_back(s->s());
    };
    if (a.size() == 0) {
        if (Frame* f = core(In).topFrame()) addDict(f->classNs ? f->classNs : f->globals);
    } else if (auto* t = a[0].dyn<Type>()) {
        for (Type* m : t->mro()) addDict(m->dict());
    } else {
        if (Object* o = a[0].obj())
            if (Dict* dd = o->instanceDict()) {
                // Traced: the names come from P.__dict__'s keys, read through the hooks (a
                // DICT_KEYS_MATCH guard), so adding or deleting an attribute is seen.
                if (In.observer() && !a[0].dyn<Module>())
                    ops::toVector(ops::callMethod(ops::getAttr(a[0], In.names.__dict__), In.intern("keys"), {}));
                addDict(dd);
            }
        if (!a[0].dyn<Module>())
            for (Type* m : ops::typeOf(a[0])->mro()) addDict(m->dict());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<Value> out;
    for (auto& n : names) out.push_back(In.newStr(n));
    return In.newList(std::move(out));
}

Value builtin_exit(const CallArgs& a) { in().raiseArgs(in().types.SystemExit, std::vector<Value>(a.pos.begin(), a.pos.end())); }
Value builtin_quit(const CallArgs& a) { in().raiseArgs(in().types.SystemExit, std::vector<Value>(a.pos.begin(), a.pos.end())); }
Value builtin_input(const CallArgs&) { in().raise("EOFError", "EOF when reading a line"); }

Value builtin_open(const CallArgs&) {
    in().raise("PermissionError", "file access is not available to scenarios");
}

Value builtin_import(const CallArgs& a) {
    a.expect("__import__", 1, 5);
    std::string name = ops::str(a[0]);
    in().importModule(name);
    return Value(in().importModule(name.substr(0, name.find('.'))));
}

constexpr NativeDef kBuiltinFunctions[] = {
    {"print", printFn},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"min", builtin_min},
    {"max", builtin_max},
    {"sum", builtin_sum},
    {"zip", builtin_zip},
    {"enumerate", builtin_enumerate},
    {"sorted", builtin_sorted},
    {"reversed", builtin_reversed},
    {"any", builtin_any},
    {"all", builtin_all},
    {"id", builtin_id},
    {"getattr", builtin_getattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"hasattr", builtin_hasattr},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"hash", builtin_hash},
    {"callable", builtin_callable},
    {"map", builtin_map},
    {"filter", builtin_filter},
    {"format", builtin_format},
    {"globals", builtin_globals},
    {"locals", builtin_locals},
    {"vars", builtin_vars},
    {"dir", builtin_dir},
    {"exit", builtin_exit},
    {"quit", builtin_quit},
    {"input", builtin_input},
    {"open", builtin_open},
    {"__import__", builtin_import},
};

} // namespace

void setupBuiltins(Interpreter& I, Module* b) {
    BuiltinTypes& T = I.types;
    Dict* d = b->dict.get();
    for (auto [name, t] : std::initializer_list<std::pair<const char*, Type*>>{
             {"object", T.object}, {"type", T.type}, {"int", T.int_}, {"float", T.float_}, {"bool", T.bool_},
             {"str", T.str}, {"bytes", T.bytes}, {"tuple", T.tuple}, {"list", T.list}, {"dict", T.dict},
             {"set", T.set}, {"frozenset", T.frozenset}, {"range", T.range}, {"slice", T.slice},
             {"staticmethod", T.staticmethod}, {"classmethod", T.classmethod}, {"property", T.property},
             {"super", T.super}})
        d->setStr(name, Value(t));
    for (const char* e : {"BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
                          "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
                          "AssertionError", "AttributeError", "LookupError", "IndexError", "KeyError", "NameError",
                          "UnboundLocalError", "RuntimeError", "NotImplementedError", "RecursionError",
                          "StopIteration", "StopAsyncIteration", "TypeError", "ValueError", "UnicodeError",
                          "UnicodeDecodeError", "UnicodeEncodeError", "ImportError", "ModuleNotFoundError",
                          "OSError", "IOError", "EnvironmentError", "FileNotFoundError", "FileExistsError",
                          "PermissionError", "TimeoutError", "EOFError", "MemoryError", "BufferError",
                          "SyntaxError", "IndentationError", "SystemError", "ReferenceError", "Warning",
                          "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "RuntimeWarning",
                          "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
                          "ResourceWarning"})
        d->setStr(e, Value(I.exceptionType(e)));
    d->setStr("NotImplemented", I.notImplemented());
    d->setStr("Ellipsis", I.ellipsis());
    d->setStr("__debug__", Value::boolean(true));

    defineFunctions(I, b, kBuiltinFunctions);
    defineNumberBuiltins(I, b);
    complex::define(I, b);
}

} // namespace gs::runtime
