// Calling scenario functions (argument binding with CPython's messages, frames, limits,
// observer callbacks), module code, and building classes (part of Evaluator).
#include <algorithm>

#include "core/runtime/CompiledCode.h"
#include "core/runtime/Compiler.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Generator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

namespace {

std::string quoteList(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

} // namespace

void Evaluator::bindArgs(Function* fn, const CallArgs& a, Value* fast) {
    const CodeInfo* code = fn->code;
    if (a.kw.empty() && a.pos.size() == static_cast<size_t>(code->nargs) && code->varargSlot < 0 &&
        code->kwargSlot < 0 && code->nkwonly == 0) {
        for (size_t i = 0; i < a.pos.size(); ++i) fast[i] = a.pos[i];
        return;
    }
    const std::string& fname = fn->qualname;
    size_t nargs = static_cast<size_t>(code->nargs);
    size_t given = a.pos.size();
    for (size_t i = 0; i < std::min(given, nargs); ++i) fast[i] = a.pos[i];
    if (given > nargs) {
        if (code->varargSlot < 0) {
            size_t nd = fn->defaults.size();
            std::string takes = nd ? "from " + std::to_string(nargs - nd) + " to " + std::to_string(nargs)
                                   : std::to_string(nargs);
            size_t kwGiven = 0;
            for (const auto& k : a.kw) {
                for (int j = code->nargs + (code->varargSlot >= 0); j < code->nargs + code->nkwonly; ++j)
                    if (code->paramNames[static_cast<size_t>(j)] == k.name) ++kwGiven;
            }
            std::string msg = fname + "() takes " + takes + " positional argument" +
                              (nargs == 1 && !nd ? "" : "s") + " but " + std::to_string(given);
            if (kwGiven) msg += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " +
                                std::to_string(kwGiven) + " keyword-only argument" + (kwGiven == 1 ? "" : "s") + ") were given";
            else msg += given == 1 ? " was given" : " were given";
            I.raise(I.types.TypeError, msg);
        }
        std::vector<Value> rest(a.pos.begin() + static_cast<std::ptrdiff_t>(nargs), a.pos.end());
        fast[code->varargSlot] = I.newTuple(std::move(rest));
    } else if (code->varargSlot >= 0) {
        fast[code->varargSlot] = I.newTuple({});
    }
    Ref<Dict> kwdict;
    if (code->kwargSlot >= 0) {
        kwdict = I.newDict();
        fast[code->kwargSlot] = Value(kwdict.get());
    }
    int kwStart = code->nargs + (code->varargSlot >= 0 ? 1 : 0);
    std::vector<std::string> posonlyByKw;
    for (const auto& k : a.kw) {
        int idx = -1;
        for (int j = code->nposonly; j < code->nargs; ++j)
            if (code->paramNames[static_cast<size_t>(j)] == k.name || code->paramNames[static_cast<size_t>(j)]->view() == k.name->view()) {
                idx = j;
                break;
            }
        if (idx < 0)
            for (int j = kwStart; j < kwStart + code->nkwonly; ++j)
                if (code->paramNames[static_cast<size_t>(j)] == k.name || code->paramNames[static_cast<size_t>(j)]->view() == k.name->view()) {
                    idx = j;
                    break;
                }
        if (idx >= 0) {
            if (!fast[idx].isNull())
                I.raise(I.types.TypeError, fname + "() got multiple values for argument '" + k.name->s() + "'");
            fast[idx] = k.value;
            continue;
        }
        if (kwdict) {
            kwdict->set(Value(k.name), k.value);
            continue;
        }
        bool posonly = false;
        for (int j = 0; j < code->nposonly; ++j)
            if (code->paramNames[static_cast<size_t>(j)]->view() == k.name->view()) posonly = true;
        if (posonly) {
            posonlyByKw.push_back(k.name->s());
            continue;
        }
        I.raise(I.types.TypeError, fname + "() got an unexpected keyword argument '" + k.name->s() + "'");
    }
    if (!posonlyByKw.empty()) {
        std::string list;
        for (size_t i = 0; i < posonlyByKw.size(); ++i) list += (i ? ", " : "") + posonlyByKw[i];
        I.raise(I.types.TypeError,
                fname + "() got some positional-only arguments passed as keyword arguments: '" + list + "'");
    }
    size_t nd = fn->defaults.size();
    std::vector<std::string> missing;
    for (size_t i = given; i < nargs; ++i) {
        if (!fast[i].isNull()) continue;
        if (i >= nargs - nd) fast[i] = fn->defaults[i - (nargs - nd)];
        else missing.push_back(code->localNames[i]);
    }
    if (!missing.empty())
        I.raise(I.types.TypeError, fname + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                       (missing.size() == 1 ? "" : "s") + ": " + quoteList(missing));
    for (int j = 0; j < code->nkwonly; ++j) {
        Value& slot = fast[kwStart + j];
        if (!slot.isNull()) continue;
        if (static_cast<size_t>(j) < fn->kwDefaults.size() && !fn->kwDefaults[static_cast<size_t>(j)].isNull())
            slot = fn->kwDefaults[static_cast<size_t>(j)];
        else missing.push_back(code->localNames[static_cast<size_t>(kwStart + j)]);
    }
    if (!missing.empty())
        I.raise(I.types.TypeError, fname + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                                       (missing.size() == 1 ? "" : "s") + ": " + quoteList(missing));
}

void Evaluator::enterArgs(Function* fn, const CallArgs& a, Value* fast) {
    bindArgs(fn, a, fast);
    makeCells(fn->code, fast);
}

Value Evaluator::makeGenerator(Function* fn, const CallArgs& a) {
    const CodeInfo* code = fn->code;
    auto n = static_cast<size_t>(code->nlocals);
    auto gen = make<Generator>(I.types.generator, I, fn->name, fn->qualname);
    gen->nlocals = n;
    gen->locals.reset(new Value[n]);
    Value* fast = gen->locals.get();
    enterArgs(fn, a, fast);
    gen->keep.push_back(Value(fn));
    Frame& fr = gen->frame;
    fr.code = code;
    fr.fast = fast;
    fr.func = fn;
    fr.globals = fn->globals.get();
    fr.closure = fn->closure.data();
    fr.line = code->firstLine;
    fr.generator = gen.get();
    Generator* g = gen.get();
    gen->body = [this, g]() -> Value {
        Frame& f = g->frame;
        I.pushFrame(&f);
        if (TraceObserver* o = I.observer()) o->onFunctionEnter(f.func);
        try {
            if (execBody(*f.code->body, f) != ExecStatus::Return) f.retval = Value::none();
        } catch (PyError& e) {
            I.addTraceback(e.exception(), f);
            I.popFrame();
            if (TraceObserver* o = I.observer()) o->onFunctionExit(f.func);
            throw;
        } catch (...) {
            I.popFrame();
            throw;
        }
        I.popFrame();
        if (TraceObserver* o = I.observer()) o->onFunctionExit(f.func);
        return std::move(f.retval);
    };
    return Value(gen.get());
}

void Evaluator::callLimitsSlow() {
    if (I.depth() >= I.limits().maxDepth) I.depthExceeded();
    // The stack left, whatever --max-depth says (the thread's, or a generator's own 1 MB).
    char probe;
    if (&probe < I.stackLimit_) I.stackExhausted();
}

Value Evaluator::callFunction(Function* fn, const CallArgs& a) {
    if (fn->code->isGenerator) {
        checkCallLimits();
        return makeGenerator(fn, a);
    }
    return invoke(fn, [&](Value* fast) { bindArgs(fn, a, fast); });
}

Value Evaluator::callDirect(Function* fn, Value* self, const std::vector<lang::ExprPtr>& argExprs, Frame& f) {
    return invoke(fn, [&](Value* fast) {
        size_t k = 0;
        if (self) fast[k++] = std::move(*self);
        for (const auto& e : argExprs) fast[k++] = eval(e.get(), f);
    });
}

void Evaluator::makeCells(const CodeInfo* code, Value* fast) {
    for (int s : code->cellSlots) fast[s] = Value(new Cell(I.types.cell, std::move(fast[s])));
}

void Evaluator::runTree(const CodeInfo* code, Frame& fr) {
    if (code->lambdaBody) fr.retval = eval(code->lambdaBody, fr);
    else if (execBody(*code->body, fr) != ExecStatus::Return) fr.retval = Value::none();
}

const CompiledCode* Evaluator::compiledCode(const CodeInfo* code) {
    if (const CompiledCode* cc = code->compiled.get()) return cc;
    if (code->compileTried) return nullptr;
    code->compileTried = true;
    code->compiled = Compiler(I).compile(code);
    return code->compiled.get();
}

void Evaluator::runModuleCode(const CodeInfo* code, Dict* globals) {
    Frame fr;
    fr.code = code;
    fr.globals = globals;
    fr.line = 1;
    I.pushFrame(&fr);
    try {
        execBody(*code->body, fr);
    } catch (PyError& e) {
        I.popFrame();
        I.addTraceback(e.exception(), fr);
        throw;
    } catch (...) {
        I.popFrame();
        throw;
    }
    I.popFrame();
}

namespace {

// The builtin type whose instance layout a class uses (object, list, dict, BaseException...).
Type* layoutOf(Interpreter& I, Type* t) {
    for (Type* m : t->mro())
        if (!m->heap) {
            if (m->isSubtypeOf(I.types.BaseException)) return I.types.BaseException;
            return m;
        }
    return I.types.object;
}

Type* allocatorOf(Type* t) {
    for (Type* m : t->mro())
        if (!m->heap) return m;
    return nullptr;
}

} // namespace

Value Evaluator::makeClass(const std::string& name, const std::string& qualname, std::vector<Type*> bases, Dict* ns,
                           const std::string& module) {
    if (bases.empty()) bases.push_back(I.types.object);
    Type* layout = I.types.object;
    Type* allocFrom = I.types.object;
    for (Type* b : bases) {
        if (!b->subclassable) I.raise(I.types.TypeError, "type '" + b->name() + "' is not an acceptable base type");
        Type* l = layoutOf(I, b);
        if (l == I.types.object) continue;
        if (layout == I.types.object || l->isSubtypeOf(layout)) {
            layout = l;
            allocFrom = allocatorOf(b);
        } else if (!layout->isSubtypeOf(l)) {
            I.raise(I.types.TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    for (size_t i = 0; i < bases.size(); ++i)
        for (size_t j = i + 1; j < bases.size(); ++j)
            if (bases[i] == bases[j]) I.raise(I.types.TypeError, "duplicate base class " + bases[i]->name());
    Ref<Type> t(new Type(I.types.type, name));
    t->heap = true;
    t->qualname = qualname;
    t->module = module;
    std::string err = t->setBases(bases);
    if (!err.empty()) I.raise(I.types.TypeError, err);
    for (const auto& e : ns->entries())
        if (!e.key.isNull()) t->dict()->set(e.key, e.value);
    if (t->dict()->find(Value(I.names.__eq__)) >= 0 && t->dict()->find(Value(I.names.__hash__)) < 0)
        t->dict()->set(Value(I.names.__hash__), Value::none());
    // __new__ is an implicit staticmethod; __init_subclass__ an implicit classmethod
    Value nw = t->dict()->get(Value(I.names.__new__));
    if (nw && nw.dyn<Function>()) t->dict()->set(Value(I.names.__new__), Value(new StaticMethod(I.types.staticmethod, nw)));
    t->alloc = allocFrom->alloc;
    I.registerType(t.get());
    I.updateTypeFlags(t.get());
    // PEP 487: descriptors learn their attribute name.
    for (const auto& e : std::vector<Dict::Entry>(t->dict()->entries())) {
        Object* o = e.value.obj();
        if (e.key.isNull() || !o || !o->type()->heap) continue;
        Value setName = ops::findDunder(o->type(), I.names.__set_name__);
        if (setName) {
            Value args[3] = {e.value, Value(t.get()), e.key};
            ops::call(setName, CallArgs{std::span<const Value>(args, 3), {}});
        }
    }
    return Value(t.get());
}

} // namespace gs::runtime
