// Functions, lambdas and comprehensions (part of Evaluator): making function objects with their
// defaults and closure cells, and running comprehension scopes (eagerly, or lazily as a
// generator expression).
#include "core/runtime/Evaluator.h"

#include <cmath>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Format.h"
#include "core/runtime/Generator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/Set.h"
#include "core/runtime/SmallVec.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

using namespace gs::lang;

// ---------------------------------------------------------------------------------------------
// Functions, lambdas, comprehensions

std::vector<Value> Evaluator::closureFor(const CodeInfo* code, Frame& f) {
    std::vector<Value> cells;
    cells.reserve(code->closureSources.size());
    for (const auto& src : code->closureSources) cells.push_back(src.fromClosure ? f.closure[src.index] : f.fast[src.index]);
    return cells;
}

Value Evaluator::makeFunction(const CodeInfo* code, const Arguments& args, Frame& f) {
    auto fn = make<Function>(I.types.function, code, Ref<runtime::Dict>(f.globals));
    for (const auto& d : args.defaults) fn->defaults.push_back(eval(d.get(), f));
    for (const auto& d : args.kwDefaults) fn->kwDefaults.push_back(d ? eval(d.get(), f) : Value());
    fn->closure = closureFor(code, f);
    if (f.classNs) fn->classCell = f.classCell;
    else if (f.func) fn->classCell = f.func->classCell;
    else fn->classCell = f.classCell;
    Value modName = f.globals->getStr("__name__");
    if (auto* s = modName.dyn<Str>()) fn->moduleName = s->s();
    return fn;
}

Value Evaluator::evalLambda(const Lambda* l, Frame& f) {
    return makeFunction(Resolver::codeOf(l->scopeInfo), l->args, f);
}

Value Evaluator::evalComprehension(const Comp* c, Frame& f) {
    const CodeInfo* code = Resolver::codeOf(c->scopeInfo);
    Value firstIter = eval(c->generators.front().iter.get(), f);
    std::vector<Value> closure = closureFor(code, f);

    // Runs the loops in a fresh comprehension frame; `result` collects (or is Null for a
    // generator expression, whose elements are yielded to `gen`).
    auto run = [this, c, code](Dict* globals, const Value* cells, Function* func, const Value& it0, const Value& result,
                               Generator* gen) {
        Frame cf;
        cf.code = code;
        cf.globals = globals;
        cf.closure = cells;
        cf.func = func;
        cf.line = c->loc.line;
        cf.scenario = false;
        cf.generator = gen;
        auto n = static_cast<size_t>(code->nlocals);
        Value* fast = stack_->alloc(n);
        struct Release {
            ValueStack& s;
            Value* p;
            size_t n;
            ~Release() { s.release(p, n); }
        } rel{*stack_, fast, n};
        cf.fast = fast;
        for (int slot : code->cellSlots) cf.fast[slot] = make<Cell>(I.types.cell);
        const Comprehension& g0 = c->generators.front();
        Value v;
        while (ops::next(it0, v)) {
            I.step();
            assign(g0.target.get(), v, cf);
            bool ok = true;
            for (const auto& cond : g0.ifs)
                if (!evalCondition(cond.get(), cf)) {
                    ok = false;
                    break;
                }
            if (ok) compLoop(c, 1, cf, result);
        }
    };

    if (c->kind == ExprKind::GeneratorExp) {
        // Lazy: the first iterable is iterated now (like CPython), the loops run on demand.
        auto gen = make<Generator>(I.types.generator, I, "<genexpr>", code->qualname);
        Value it0 = ops::getIter(firstIter);
        gen->keep = std::move(closure);
        gen->keep.push_back(it0);
        gen->keep.push_back(Value(f.globals));
        if (f.func) gen->keep.push_back(Value(f.func));
        Dict* globals = f.globals;
        Function* func = f.func;
        Generator* g = gen.get();
        gen->body = [run, g, globals, func, it0]() -> Value {
            run(globals, g->keep.data(), func, it0, Value(), g);
            return Value::none();
        };
        return Value(gen.get());
    }
    Value result;
    switch (c->kind) {
    case ExprKind::ListComp: result = I.newList(); break;
    case ExprKind::SetComp: result = make<SetObject>(I.types.set, false); break;
    default: result = I.newDict(); break;
    }
    run(f.globals, closure.data(), f.func, ops::getIter(firstIter), result, nullptr);
    return result;
}

void Evaluator::compLoop(const Comp* c, size_t level, Frame& cf, const Value& result) {
    if (level == c->generators.size()) {
        switch (c->kind) {
        case ExprKind::GeneratorExp: cf.generator->yieldValue(eval(c->elt.get(), cf)); break;
        case ExprKind::ListComp: result.as<runtime::List>()->items.push_back(eval(c->elt.get(), cf)); break;
        case ExprKind::SetComp: result.as<SetObject>()->add(eval(c->elt.get(), cf)); break;
        default: {
            Value k = eval(c->key.get(), cf);
            Value v = eval(c->value.get(), cf);
            result.as<runtime::Dict>()->set(k, v);
        }
        }
        return;
    }
    const Comprehension& g = c->generators[level];
    Value src = eval(g.iter.get(), cf);
    Value it = ops::getIter(src);
    Value v;
    while (ops::next(it, v)) {
        I.step();
        assign(g.target.get(), v, cf);
        bool ok = true;
        for (const auto& cond : g.ifs)
            if (!evalCondition(cond.get(), cf)) { ok = false; break; }
        if (ok) compLoop(c, level + 1, cf, result);
    }
}

} // namespace gs::runtime
