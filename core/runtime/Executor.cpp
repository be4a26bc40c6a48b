// Statement execution (part of Evaluator): control flow by status codes, exceptions by PyError,
// `finally` / `with` semantics as CPython's.
#include <algorithm>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/Stdlib.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

using namespace gs::lang;

ExecStatus Evaluator::execBody(const Body& body, Frame& f) {
    for (const auto& s : body) {
        ExecStatus st = exec(s.get(), f);
        if (st != ExecStatus::Normal) return st;
    }
    return ExecStatus::Normal;
}

ExecStatus Evaluator::exec(const Stmt* s, Frame& f) {
    f.line = s->loc.line;
    I.step();
    if (TraceObserver* ob = I.observer()) ob->onStatement();
    switch (s->kind) {
    case StmtKind::Expr:
        eval(static_cast<const ExprStmt*>(s)->value.get(), f);
        return ExecStatus::Normal;
    case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        Value v = eval(a->value.get(), f);
        for (const auto& t : a->targets) assign(t.get(), v, f);
        return ExecStatus::Normal;
    }
    case StmtKind::AugAssign:
        execAugAssign(static_cast<const AugAssign*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        return execBody(evalCondition(i->test.get(), f) ? i->body : i->orelse, f);
    }
    case StmtKind::Return: {
        auto* r = static_cast<const Return*>(s);
        f.retval = r->value ? eval(r->value.get(), f) : Value::none();
        return ExecStatus::Return;
    }
    case StmtKind::For:
        return execFor(static_cast<const For*>(s), f);
    case StmtKind::While:
        return execWhile(static_cast<const While*>(s), f);
    default:
        return execOther(s, f);
    }
}

ExecStatus Evaluator::execOther(const Stmt* s, Frame& f) {
    switch (s->kind) {
    case StmtKind::Expr:  // handled in exec()
    case StmtKind::Assign:
    case StmtKind::AugAssign:
    case StmtKind::If:
    case StmtKind::Return:
    case StmtKind::For:
    case StmtKind::While:
        return exec(s, f);
    case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        if (f.classNs && a->target->kind == ExprKind::Name) recordAnnotation(a, f);
        if (a->value) assign(a->target.get(), eval(a->value.get(), f), f);
        return ExecStatus::Normal;
    }
    case StmtKind::Break:
        return ExecStatus::Break;
    case StmtKind::Continue:
        return ExecStatus::Continue;
    case StmtKind::Pass:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
        return ExecStatus::Normal;
    case StmtKind::FunctionDef:
        execFunctionDef(static_cast<const FunctionDef*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::ClassDef:
        execClassDef(static_cast<const ClassDef*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::Delete:
        for (const auto& t : static_cast<const Delete*>(s)->targets) execDelete(t.get(), f);
        return ExecStatus::Normal;
    case StmtKind::Try:
        return execTry(static_cast<const Try*>(s), f);
    case StmtKind::With:
        return execWith(static_cast<const With*>(s), 0, f);
    case StmtKind::Raise:
        execRaise(static_cast<const Raise*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::Assert:
        execAssert(static_cast<const Assert*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::Import:
        execImport(static_cast<const Import*>(s), f);
        return ExecStatus::Normal;
    case StmtKind::ImportFrom:
        execImportFrom(static_cast<const ImportFrom*>(s), f);
        return ExecStatus::Normal;
    }
    return ExecStatus::Normal;
}

// Class-body annotations are kept as their source text in __annotations__ (PEP 563 style: never
// evaluated), which is what dataclasses needs.
void Evaluator::recordAnnotation(const AnnAssign* a, Frame& f) {
    std::string text;
    const Loc& l = a->annotation->loc;
    if (f.code->file && l.line > 0) {
        std::string_view line = f.code->file->line(l.line);
        size_t b = 0, i = 0;
        int col = 1;
        while (i < line.size() && col < l.col) {
            decodeUtf8(line, i);
            ++col;
        }
        b = i;
        if (l.endLine == l.line && l.endCol > l.col) {
            while (i < line.size() && col < l.endCol) {
                decodeUtf8(line, i);
                ++col;
            }
            text = std::string(line.substr(b, i - b));
        } else {
            text = std::string(line.substr(b));
        }
    }
    Value ann = f.classNs->getStr("__annotations__");
    if (!ann.dyn<runtime::Dict>()) {
        ann = Value(I.newDict().get());
        f.classNs->setStr("__annotations__", ann);
    }
    ann.as<runtime::Dict>()->set(Value(static_cast<Object*>(const_cast<void*>(static_cast<const Name*>(a->target.get())->rtName))),
                                 I.newStr(text));
}

ExecStatus Evaluator::execWhile(const While* w, Frame& f) {
    while (true) {
        if (!evalCondition(w->test.get(), f)) break;
        I.step();
        ExecStatus st = execBody(w->body, f);
        if (st == ExecStatus::Break) return ExecStatus::Normal;
        if (st == ExecStatus::Return) return st;
        f.line = w->loc.line;
    }
    return execBody(w->orelse, f);
}

ExecStatus Evaluator::execFor(const For* s, Frame& f) {
    Value src = eval(s->iter.get(), f);
    Value it = ops::getIter(src);
    Object* io = it.obj();
    const Expr* target = s->target.get();
    bool localTarget = target->kind == ExprKind::Name && static_cast<const Name*>(target)->scope == NameScope::Local;
    int slot = localTarget ? static_cast<const Name*>(target)->slot : -1;
    bool native = io && !io->type()->heap;
    Value v;
    while (native ? io->next(v) : ops::next(it, v)) {
        I.step();
        if (localTarget) f.fast[slot] = std::move(v);
        else assign(target, v, f);
        ExecStatus st = execBody(s->body, f);
        if (st == ExecStatus::Break) return ExecStatus::Normal;
        if (st == ExecStatus::Return) return st;
        f.line = s->loc.line;
    }
    return execBody(s->orelse, f);
}

void Evaluator::execAugAssign(const AugAssign* s, Frame& f) {
    const Expr* t = s->target.get();
    switch (t->kind) {
    case ExprKind::Name: {
        auto* n = static_cast<const Name*>(t);
        if (n->scope == NameScope::Local) {
            Value& slot = f.fast[n->slot];
            if (slot.isNull()) eval(n, f);  // raises UnboundLocalError
            Value r = eval(s->value.get(), f);
            if (slot.isInt() && r.isInt()) {
                int64_t res;
                if (s->op == BinOpKind::Add && !__builtin_add_overflow(slot.asInt(), r.asInt(), &res)) {
                    slot = Value::integer(res);
                    return;
                }
                if (s->op == BinOpKind::Sub && !__builtin_sub_overflow(slot.asInt(), r.asInt(), &res)) {
                    slot = Value::integer(res);
                    return;
                }
            }
            slot = ops::inplace(s->op, slot, r);
            return;
        }
        Value cur = evalName(n, f);
        Value r = eval(s->value.get(), f);
        storeName(n, ops::inplace(s->op, cur, r), f);
        return;
    }
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(t);
        Value obj = eval(a->value.get(), f);
        Str* name = static_cast<Str*>(const_cast<void*>(a->rtName));
        Value cur = loadAttr(obj, name, a->cache);
        Value r = eval(s->value.get(), f);
        Value res;
        int64_t sum;
        if (cur.isInt() && r.isInt() && s->op == BinOpKind::Add && !__builtin_add_overflow(cur.asInt(), r.asInt(), &sum))
            res = Value::integer(sum);
        else
            res = ops::inplace(s->op, cur, r);
        storeAttr(obj, name, a->cache, res);
        return;
    }
    case ExprKind::Subscript: {
        auto* sub = static_cast<const Subscript*>(t);
        Value obj = eval(sub->value.get(), f);
        Value key = evalSliceKey(sub->slice.get(), f);
        Value cur = ops::getItem(obj, key);
        Value r = eval(s->value.get(), f);
        ops::setItem(obj, key, ops::inplace(s->op, cur, r));
        return;
    }
    default:
        I.raise("SyntaxError", "illegal expression for augmented assignment");
    }
}

void Evaluator::execDelete(const Expr* t, Frame& f) {
    switch (t->kind) {
    case ExprKind::Name:
        deleteName(static_cast<const Name*>(t), f);
        return;
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(t);
        ops::delAttr(eval(a->value.get(), f), static_cast<Str*>(const_cast<void*>(a->rtName)));
        return;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(t);
        Value obj = eval(s->value.get(), f);
        ops::delItem(obj, evalSliceKey(s->slice.get(), f));
        return;
    }
    case ExprKind::Tuple:
        for (const auto& e : static_cast<const lang::Tuple*>(t)->elts) execDelete(e.get(), f);
        return;
    case ExprKind::List:
        for (const auto& e : static_cast<const lang::List*>(t)->elts) execDelete(e.get(), f);
        return;
    default:
        I.raise("SyntaxError", "cannot delete expression");
    }
}

// --- exceptions ------------------------------------------------------------------------------

namespace {

// Keeps the "exception being handled" stack balanced (bare raise, __context__).
struct Handling {
    Interpreter& I;
    Handling(Interpreter& in, Value exc) : I(in) { core(I).handling.push_back(std::move(exc)); }
    ~Handling() { core(I).handling.pop_back(); }
};

bool matches(Interpreter& I, const Value& exc, const Value& spec) {
    if (auto* t = spec.dyn<runtime::Tuple>()) {
        for (const auto& s : t->items)
            if (matches(I, exc, s)) return true;
        return false;
    }
    auto* cls = spec.dyn<Type>();
    if (!cls || !cls->isSubtypeOf(I.types.BaseException))
        I.raise(I.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return ops::typeOf(exc)->isSubtypeOf(cls);
}

} // namespace

ExecStatus Evaluator::execTryBody(const Try* s, Frame& f) {
    ExecStatus st;
    try {
        st = execBody(s->body, f);
    } catch (PyError& e) {
        Value exc = e.value();
        for (const auto& h : s->handlers) {
            if (h.type && !matches(I, exc, eval(h.type.get(), f))) continue;
            I.addTraceback(e.exception(), f);  // the handling frame is part of the traceback
            Handling guard(I, exc);
            f.line = h.loc.line;
            const NameRef* ref = h.name.empty() ? nullptr : &f.code->binding(&h);
            if (ref) storeRef(*ref, exc, f);
            ExecStatus hs;
            try {
                hs = execBody(h.body, f);
            } catch (PyError&) {
                if (ref) storeRef(*ref, Value(), f);
                throw;
            }
            if (ref) storeRef(*ref, Value(), f);  // `except E as e` unbinds e at the end
            return hs;
        }
        throw;
    }
    if (st == ExecStatus::Normal && !s->orelse.empty()) return execBody(s->orelse, f);
    return st;
}

ExecStatus Evaluator::execTry(const Try* s, Frame& f) {
    if (s->finalbody.empty()) return execTryBody(s, f);
    ExecStatus st;
    try {
        st = execTryBody(s, f);
    } catch (PyError& e) {
        Value keep = e.value();
        Handling guard(I, keep);
        ExecStatus fs = execBody(s->finalbody, f);
        if (fs != ExecStatus::Normal) return fs;  // return/break/continue in finally discards the exception
        throw;
    }
    Value savedRet = f.retval;
    ExecStatus fs = execBody(s->finalbody, f);
    if (fs != ExecStatus::Normal) return fs;  // a return in finally overrides
    f.retval = std::move(savedRet);
    return st;
}

ExecStatus Evaluator::execWith(const With* s, size_t item, Frame& f) {
    if (item == s->items.size()) return execBody(s->body, f);
    const WithItem& it = s->items[item];
    Value mgr = eval(it.contextExpr.get(), f);
    Type* t = ops::typeOf(mgr);
    Value enter = t->lookup(I.names.__enter__);
    Value exit = t->lookup(I.names.__exit__);
    if (!enter || !exit) {
        I.raise(I.types.TypeError, "'" + typeName(mgr) + "' object does not support the context manager protocol");
    }
    Value boundExit = ops::bindDescriptor(exit, mgr, t);
    Value entered = ops::call0(ops::bindDescriptor(enter, mgr, t));
    ExecStatus st;
    try {
        if (it.optionalVars) assign(it.optionalVars.get(), entered, f);
        st = execWith(s, item + 1, f);
    } catch (PyError& e) {
        Value exc = e.value();
        Value suppress;
        {
            Handling guard(I, exc);
            Value args[3] = {Value(ops::visibleTypeOf(exc)), exc, Value::none()};
            suppress = ops::call(boundExit, CallArgs{std::span<const Value>(args, 3), {}});
        }
        if (ops::truthy(suppress)) return ExecStatus::Normal;
        throw;
    }
    Value args[3] = {Value::none(), Value::none(), Value::none()};
    ops::call(boundExit, CallArgs{std::span<const Value>(args, 3), {}});
    return st;
}

void Evaluator::execRaise(const Raise* s, Frame& f) {
    if (!s->exc) {
        if (I.handling.empty()) I.raise(I.types.RuntimeError, "No active exception to reraise");
        Value exc = I.handling.back();
        throw PyError(Ref<ExceptionObject>(exc.as<ExceptionObject>()));
    }
    Value v = eval(s->exc.get(), f);
    Value cause;
    bool hasCause = false;
    if (s->cause) {
        hasCause = true;
        cause = eval(s->cause.get(), f);
        if (auto* ct = cause.dyn<Type>()) {
            if (!ct->isSubtypeOf(I.types.BaseException))
                I.raise(I.types.TypeError, "exception causes must derive from BaseException");
            cause = ops::call0(cause);
        } else if (!cause.isNone() && !cause.dyn<ExceptionObject>()) {
            I.raise(I.types.TypeError, "exception causes must derive from BaseException");
        }
    }
    if (auto* t = v.dyn<Type>()) {
        if (!t->isSubtypeOf(I.types.BaseException))
            I.raise(I.types.TypeError, "exceptions must derive from BaseException");
        v = ops::call0(v);
    }
    auto* exc = v.dyn<ExceptionObject>();
    if (!exc) I.raise(I.types.TypeError, "exceptions must derive from BaseException");
    if (hasCause) {
        exc->cause = cause.isNone() ? Value() : cause;
        exc->suppressContext = true;
    }
    throw PyError(Ref<ExceptionObject>(exc));
}

void Evaluator::execAssert(const Assert* s, Frame& f) {
    if (evalCondition(s->test.get(), f)) return;
    if (s->msg) {
        Value m = eval(s->msg.get(), f);
        Value exc = ops::call1(Value(I.types.AssertionError), m);
        throw PyError(Ref<ExceptionObject>(exc.as<ExceptionObject>()));
    }
    I.raise(I.types.AssertionError, "");
}

// --- imports ---------------------------------------------------------------------------------

void Evaluator::execImport(const Import* s, Frame& f) {
    for (const auto& al : s->names) {
        f.line = al.loc.line ? al.loc.line : f.line;
        Module* m = I.importModule(al.name);
        const NameRef& ref = f.code->binding(&al);
        if (!al.asname.empty()) {
            // `import a.b.c as x` binds what a.b.c names as an attribute chain (CPython 3.7+),
            // which is the submodule unless a package replaced it with another object.
            Value v = Value(I.importModule(al.name.substr(0, al.name.find('.'))));
            size_t pos = al.name.find('.');
            while (pos != std::string::npos && v) {
                size_t next = al.name.find('.', pos + 1);
                std::string part = al.name.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
                v = ops::getAttrOpt(v, I.intern(part));
                pos = next;
            }
            storeRef(ref, v ? v : Value(m), f);
        } else {
            std::string top = al.name.substr(0, al.name.find('.'));
            storeRef(ref, Value(I.importModule(top)), f);
        }
    }
}

void Evaluator::execImportFrom(const ImportFrom* s, Frame& f) {
    std::string modName = s->module;
    if (s->level > 0) {
        Value pkg = f.globals->getStr("__package__");
        std::string base = pkg.dyn<Str>() ? pkg.as<Str>()->s() : std::string();
        if (base.empty()) {
            Value n = f.globals->getStr("__name__");
            base = n.dyn<Str>() ? n.as<Str>()->s() : std::string();
            auto dot = base.rfind('.');
            base = dot == std::string::npos ? std::string() : base.substr(0, dot);
        }
        for (int i = 1; i < s->level; ++i) {
            auto dot = base.rfind('.');
            base = dot == std::string::npos ? std::string() : base.substr(0, dot);
        }
        if (base.empty()) I.raise(I.types.ImportError, "attempted relative import with no known parent package");
        modName = modName.empty() ? base : base + "." + modName;
    }
    Module* m = I.importModule(modName);
    for (const auto& al : s->names) {
        if (al.name == "*") {
            Value all = m->dict->getStr("__all__");
            std::vector<Value> names;
            if (all) names = ops::toVector(all);
            else
                for (const auto& e : m->dict->entries())
                    if (!e.key.isNull() && e.key.as<Str>()->view().substr(0, 1) != "_") names.push_back(e.key);
            for (const auto& n : names) f.globals->set(n, ops::getAttr(Value(m), n.as<Str>()));
            continue;
        }
        Value v = m->dict->get(Value(I.intern(al.name)));
        if (!v) {
            std::string sub = modName + "." + al.name;
            if (I.findModule(sub) || !I.sourceModuleFile(sub).isNull() || stdlib::has(sub)) {
                v = Value(I.importModule(sub));
            } else {
                bool found = false;
                v = ops::genericGetAttr(Value(m), I.intern(al.name), found);
                if (!found)
                    I.raise(I.types.ImportError, "cannot import name '" + al.name + "' from '" + modName + "' (" +
                                                     (m->dict->getStr("__file__").dyn<Str>()
                                                          ? m->dict->getStr("__file__").as<Str>()->s()
                                                          : std::string("unknown location")) +
                                                     ")");
            }
        }
        storeRef(f.code->binding(&al), v, f);
    }
}

// --- definitions -----------------------------------------------------------------------------

void Evaluator::execFunctionDef(const FunctionDef* s, Frame& f) {
    std::vector<Value> decorators;
    for (const auto& d : s->decorators) decorators.push_back(eval(d.get(), f));
    Value fn = makeFunction(Resolver::codeOf(s->scopeInfo), s->args, f);
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
        f.line = s->loc.line;
        fn = ops::call1(*it, fn);
    }
    storeRef(f.code->binding(s), fn, f);
}

void Evaluator::execClassDef(const ClassDef* s, Frame& f) {
    const CodeInfo* code = Resolver::codeOf(s->scopeInfo);
    std::vector<Value> decorators;
    for (const auto& d : s->decorators) decorators.push_back(eval(d.get(), f));
    std::vector<Type*> bases;
    for (const auto& b : s->bases) {
        std::vector<Value> vals;
        if (b->kind == ExprKind::Starred) vals = ops::toVector(eval(static_cast<const Starred*>(b.get())->value.get(), f));
        else vals.push_back(eval(b.get(), f));
        for (auto& v : vals) {
            auto* t = v.dyn<Type>();
            if (!t) I.raise(I.types.TypeError, "bases must be types");
            bases.push_back(t);
        }
    }
    std::vector<KwArg> classKw;
    for (const auto& k : s->keywords) {
        if (k.arg == "metaclass") {
            Value meta = eval(k.value.get(), f);
            if (meta.obj() != I.types.type) I.raise(I.types.TypeError, "metaclasses other than type are not supported");
            continue;
        }
        if (k.arg.empty()) I.raise(I.types.TypeError, "**kwargs in a class statement are not supported");
        classKw.push_back(KwArg{static_cast<Str*>(const_cast<void*>(k.rtName)), eval(k.value.get(), f)});
    }
    Ref<Dict> ns = I.newDict();
    Value modName = f.globals->getStr("__name__");
    ns->setStr("__module__", modName ? modName : Value::none());
    ns->setStr("__qualname__", I.newStr(code->qualname));
    if (!s->body.empty() && s->body[0]->kind == StmtKind::Expr) {
        auto* e = static_cast<const ExprStmt*>(s->body[0].get())->value.get();
        if (e->kind == ExprKind::Constant && static_cast<const Constant*>(e)->type == Constant::Type::Str)
            ns->setStr("__doc__", I.newStr(static_cast<const Constant*>(e)->s));
    }
    auto cell = make<Cell>(I.types.cell);
    std::vector<Value> closure = closureFor(code, f);
    Frame cf;
    cf.code = code;
    cf.globals = f.globals;
    cf.classNs = ns.get();
    cf.closure = closure.data();
    cf.classCell = Value(cell.get());
    cf.line = s->loc.line;
    cf.back = I.topFrame();
    I.pushFrame(&cf);
    try {
        execBody(s->body, cf);
    } catch (PyError& e) {
        I.popFrame();
        I.addTraceback(e.exception(), cf);
        throw;
    } catch (...) {
        I.popFrame();
        throw;
    }
    I.popFrame();
    std::string module = modName.dyn<Str>() ? modName.as<Str>()->s() : std::string("__main__");
    Value cls = makeClass(s->name, code->qualname, std::move(bases), ns.get(), module);
    cell->value = cls;
    // __init_subclass__ of a scenario base (implicit classmethod)
    Type* ct = cls.as<Type>();
    if (ct->mro().size() > 1) {
        for (size_t i = 1; i < ct->mro().size(); ++i) {
            Type* b = ct->mro()[i];
            if (!b->heap) continue;
            Value init = b->dict()->get(Value(I.names.__init_subclass__));
            if (!init) continue;
            if (auto* cm = init.dyn<ClassMethod>()) init = cm->func;
            std::vector<Value> a{cls};
            ops::call(init, CallArgs{std::span<const Value>(a.data(), a.size()),
                                     std::span<const KwArg>(classKw.data(), classKw.size())});
            break;
        }
    }
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) cls = ops::call1(*it, cls);
    storeRef(f.code->binding(s), cls, f);
}

} // namespace gs::runtime
