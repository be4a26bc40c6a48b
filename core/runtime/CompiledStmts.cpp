// Compiled statement nodes (see CompiledCode.h). Each starts as Evaluator::exec does: the
// frame's line becomes the statement's, and the statement costs one step; loops cost one step
// per iteration and put the loop's line back after each pass, as Evaluator::execWhile/execFor.
#include "core/runtime/CompiledNodes.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"

namespace gs::runtime::compiled {

namespace {
inline void enter(const XStmt* s, Frame& f) {
    f.line = s->line;
    core(*s->I).step();
    if (TraceObserver* ob = s->I->observer()) ob->onStatement();
}
} // namespace

ExecStatus execFallback(const XStmt* s, Frame& f) { return core(*s->I).eval().exec(s->ast, f); }

ExecStatus execExpr(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* x = static_cast<const XExprStmt*>(s);
    x->value->eval(x->value, f);
    return ExecStatus::Normal;
}

ExecStatus execAssignLocal(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* a = static_cast<const XAssign*>(s);
    f.fast[a->slot] = a->value->eval(a->value, f);
    return ExecStatus::Normal;
}

ExecStatus execAssignAttr(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* a = static_cast<const XAssign*>(s);
    Value v = a->value->eval(a->value, f);
    Value obj = a->object->eval(a->object, f);
    storeAttr(*s->I, obj, a->name, a->cache, v);
    return ExecStatus::Normal;
}

ExecStatus execAssignAny(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* a = static_cast<const XAssign*>(s);
    Value v = a->value->eval(a->value, f);
    for (const auto& t : static_cast<const lang::Assign*>(s->ast)->targets) core(*s->I).eval().assign(t.get(), v, f);
    return ExecStatus::Normal;
}

ExecStatus execAugLocal(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* a = static_cast<const XAugAssign*>(s);
    Value& slot = f.fast[a->slot];
    if (slot.isNull()) core(*s->I).eval().eval(static_cast<const lang::AugAssign*>(s->ast)->target.get(), f);  // raises
    Value r = a->value->eval(a->value, f);
    if (slot.isInt() && r.isInt()) {
        int64_t res;
        if (a->op == lang::BinOpKind::Add && !__builtin_add_overflow(slot.asInt(), r.asInt(), &res)) {
            slot = Value::integer(res);
            return ExecStatus::Normal;
        }
        if (a->op == lang::BinOpKind::Sub && !__builtin_sub_overflow(slot.asInt(), r.asInt(), &res)) {
            slot = Value::integer(res);
            return ExecStatus::Normal;
        }
    }
    slot = ops::inplace(a->op, slot, r);
    return ExecStatus::Normal;
}

ExecStatus execAugAttr(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* a = static_cast<const XAugAssign*>(s);
    Interpreter& I = *s->I;
    Value obj = a->object->eval(a->object, f);
    Value cur = loadAttr(I, obj, a->name, a->cache);
    Value r = a->value->eval(a->value, f);
    Value res;
    int64_t sum;
    if (cur.isInt() && r.isInt() && a->op == lang::BinOpKind::Add && !__builtin_add_overflow(cur.asInt(), r.asInt(), &sum))
        res = Value::integer(sum);
    else
        res = ops::inplace(a->op, cur, r);
    storeAttr(I, obj, a->name, a->cache, res);
    return ExecStatus::Normal;
}

ExecStatus execIf(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* i = static_cast<const XIf*>(s);
    return runBody(i->test->test(i->test, f) ? i->body : i->orelse, f);
}

ExecStatus execWhile(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* w = static_cast<const XWhile*>(s);
    Interpreter& I = *s->I;
    while (w->test->test(w->test, f)) {
        core(I).step();
        ExecStatus st = runBody(w->body, f);
        if (st == ExecStatus::Break) return ExecStatus::Normal;
        if (st == ExecStatus::Return) return st;
        f.line = s->line;
    }
    return runBody(w->orelse, f);
}

// Iteration as Evaluator::execFor; a range iterator is advanced in place (RangeIterator::next
// inlined), other native iterators through next(), scenario iterators through ops::next.
ExecStatus execFor(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* x = static_cast<const XFor*>(s);
    Interpreter& I = *s->I;
    Value src = x->iter->eval(x->iter, f);
    Value it = ops::getIter(src);
    Object* io = it.obj();
    if (io && io->type() == I.types.rangeIterator && x->slot >= 0) {
        auto* r = static_cast<RangeIterator*>(io);
        Value& target = f.fast[x->slot];
        while (r->remaining > 0) {
            int64_t v = r->cur;
            r->cur += r->step;
            --r->remaining;
            core(I).step();
            target = Value::integer(v);
            ExecStatus st = runBody(x->body, f);
            if (st == ExecStatus::Break) return ExecStatus::Normal;
            if (st == ExecStatus::Return) return st;
            f.line = s->line;
        }
        return runBody(x->orelse, f);
    }
    bool native = io && !io->type()->heap;
    Value v;
    while (native ? io->next(v) : ops::next(it, v)) {
        core(I).step();
        if (x->slot >= 0) f.fast[x->slot] = std::move(v);
        else core(I).eval().assign(x->target, v, f);
        ExecStatus st = runBody(x->body, f);
        if (st == ExecStatus::Break) return ExecStatus::Normal;
        if (st == ExecStatus::Return) return st;
        f.line = s->line;
    }
    return runBody(x->orelse, f);
}

ExecStatus execReturn(const XStmt* s, Frame& f) {
    enter(s, f);
    auto* r = static_cast<const XReturn*>(s);
    f.retval = r->value ? r->value->eval(r->value, f) : Value::none();
    return ExecStatus::Return;
}

ExecStatus execPass(const XStmt* s, Frame& f) {
    enter(s, f);
    return ExecStatus::Normal;
}

ExecStatus execBreak(const XStmt* s, Frame& f) {
    enter(s, f);
    return ExecStatus::Break;
}

ExecStatus execContinue(const XStmt* s, Frame& f) {
    enter(s, f);
    return ExecStatus::Continue;
}

} // namespace gs::runtime::compiled
