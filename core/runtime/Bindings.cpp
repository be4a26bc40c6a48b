// Names and bindings (part of Evaluator): loads and stores of local / cell / free / global
// names with the resolver's decisions, cached global lookups, deletion, assignment targets and
// unpacking.
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

namespace {

[[noreturn]] void unboundLocal(Interpreter& I, const std::string& name) {
    I.raise(I.types.UnboundLocalError,
            "cannot access local variable '" + name + "' where it is not associated with a value");
}
[[noreturn]] void unboundFree(Interpreter& I, const std::string& name) {
    I.raise(I.types.NameError, "cannot access free variable '" + name +
                                   "' where it is not associated with a value in enclosing scope");
}

} // namespace

Value Evaluator::evalName(const Name* n, Frame& f) {
    switch (n->scope) {
    case NameScope::Local: {
        const Value& v = f.fast[n->slot];
        if (v.isNull()) unboundLocal(I, n->id);
        return v;
    }
    case NameScope::Cell: {
        auto* c = f.fast[n->slot].as<Cell>();
        Value v = c->value;
        if (v.isNull()) unboundLocal(I, n->id);
        if (TraceObserver* o = I.observer()) o->onLoadDeref(c, n->id, v);
        return v;
    }
    case NameScope::Free: {
        if (f.classNs) {
            Value v = f.classNs->get(Value(static_cast<Object*>(const_cast<void*>(n->rtName))));
            if (v) return v;
        }
        auto* c = f.closure[n->slot].as<Cell>();
        Value v = c->value;
        if (v.isNull()) unboundFree(I, n->id);
        if (TraceObserver* o = I.observer()) o->onLoadDeref(c, n->id, v);
        return v;
    }
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            Value v = f.classNs->get(Value(static_cast<Object*>(const_cast<void*>(n->rtName))));
            if (v) return v;
        }
        return loadGlobal(n, f);
    case NameScope::Global:
        return loadGlobal(n, f);
    case NameScope::Unresolved:
        break;
    }
    I.raise("SystemError", "unresolved name '" + n->id + "'");
}

Value Evaluator::loadGlobal(const Name* n, Frame& f) {
    runtime::Dict* g = f.globals;
    runtime::Dict* b = I.builtinsDict();
    InlineCache& ic = n->cache;
    auto version = static_cast<uint32_t>(std::max(g->keysVersion(), b->keysVersion()));
    Value v;
    runtime::Dict* where;
    if (ic.value == g && ic.version == version && ic.index != -1) {
        if (ic.index >= 0) {
            v = g->entryAt(static_cast<size_t>(ic.index)).value;
            where = g;
        } else {
            v = b->entryAt(static_cast<size_t>(-2 - ic.index)).value;
            where = b;
        }
    } else {
        Value key(static_cast<Object*>(const_cast<void*>(n->rtName)));
        int64_t i = g->find(key);
        if (i >= 0) {
            v = g->entryAt(static_cast<size_t>(i)).value;
            where = g;
            ic.index = static_cast<int32_t>(i);
        } else {
            i = b->find(key);
            if (i < 0) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
            v = b->entryAt(static_cast<size_t>(i)).value;
            where = b;
            ic.index = static_cast<int32_t>(-2 - i);
        }
        ic.value = g;
        ic.version = version;
    }
    if (TraceObserver* o = I.observer()) o->onLoadGlobal(where, n->id, v);
    return v;
}

void Evaluator::storeName(const Name* n, const Value& v, Frame& f) {
    switch (n->scope) {
    case NameScope::Local:
        f.fast[n->slot] = v;
        return;
    case NameScope::Cell:
        f.fast[n->slot].as<Cell>()->value = v;
        return;
    case NameScope::Free:
        if (TraceObserver* ob = I.observer()) ob->onMutate(f.closure[n->slot]);
        f.closure[n->slot].as<Cell>()->value = v;
        return;
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            f.classNs->set(Value(static_cast<Object*>(const_cast<void*>(n->rtName))), v);
            return;
        }
        [[fallthrough]];
    case NameScope::Global:
        if (TraceObserver* ob = I.observer()) ob->onMutate(Value(f.globals));
        f.globals->set(Value(static_cast<Object*>(const_cast<void*>(n->rtName))), v);
        return;
    case NameScope::Unresolved:
        break;
    }
    I.raise("SystemError", "unresolved name '" + n->id + "'");
}

void Evaluator::storeRef(const NameRef& r, const Value& v, Frame& f) {
    switch (r.scope) {
    case NameScope::Local: f.fast[r.slot] = v; return;
    case NameScope::Cell: f.fast[r.slot].as<Cell>()->value = v; return;
    case NameScope::Free:
        if (TraceObserver* ob = I.observer()) ob->onMutate(f.closure[r.slot]);
        f.closure[r.slot].as<Cell>()->value = v;
        return;
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            if (v.isNull()) f.classNs->remove(Value(r.name));
            else f.classNs->set(Value(r.name), v);
            return;
        }
        [[fallthrough]];
    default:
        if (TraceObserver* ob = I.observer()) ob->onMutate(Value(f.globals));
        if (v.isNull()) f.globals->remove(Value(r.name));
        else f.globals->set(Value(r.name), v);
    }
}

void Evaluator::deleteName(const Name* n, Frame& f) {
    Value key(static_cast<Object*>(const_cast<void*>(n->rtName)));
    switch (n->scope) {
    case NameScope::Local:
        if (f.fast[n->slot].isNull()) unboundLocal(I, n->id);
        f.fast[n->slot] = Value();
        return;
    case NameScope::Cell: {
        auto* c = f.fast[n->slot].as<Cell>();
        if (c->value.isNull()) unboundLocal(I, n->id);
        c->value = Value();
        return;
    }
    case NameScope::Free: {
        auto* c = f.closure[n->slot].as<Cell>();
        if (c->value.isNull()) unboundFree(I, n->id);
        if (TraceObserver* ob = I.observer()) ob->onMutate(f.closure[n->slot]);
        c->value = Value();
        return;
    }
    case NameScope::GlobalImplicit:
        if (f.classNs) {
            if (!f.classNs->remove(key)) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
            return;
        }
        [[fallthrough]];
    default:
        if (TraceObserver* ob = I.observer()) ob->onMutate(Value(f.globals));
        if (!f.globals->remove(key)) I.raise(I.types.NameError, "name '" + n->id + "' is not defined");
    }
}

// ---------------------------------------------------------------------------------------------
// Assignment

void Evaluator::unpackTo(const std::vector<ExprPtr>& targets, const Value& v, Frame& f) {
    std::vector<Value> items = ops::toVector(v);  // reports onIterate
    size_t star = targets.size();
    for (size_t i = 0; i < targets.size(); ++i)
        if (targets[i]->kind == ExprKind::Starred) star = i;
    if (star == targets.size()) {
        if (items.size() > targets.size())
            I.raise(I.types.ValueError, "too many values to unpack (expected " + std::to_string(targets.size()) + ")");
        if (items.size() < targets.size())
            I.raise(I.types.ValueError, "not enough values to unpack (expected " + std::to_string(targets.size()) +
                                            ", got " + std::to_string(items.size()) + ")");
        for (size_t i = 0; i < targets.size(); ++i) assign(targets[i].get(), items[i], f);
        return;
    }
    size_t after = targets.size() - star - 1;
    if (items.size() < star + after)
        I.raise(I.types.ValueError, "not enough values to unpack (expected at least " +
                                        std::to_string(star + after) + ", got " + std::to_string(items.size()) + ")");
    for (size_t i = 0; i < star; ++i) assign(targets[i].get(), items[i], f);
    std::vector<Value> mid(items.begin() + static_cast<std::ptrdiff_t>(star),
                           items.end() - static_cast<std::ptrdiff_t>(after));
    assign(static_cast<const Starred*>(targets[star].get())->value.get(), I.newList(std::move(mid)), f);
    for (size_t i = 0; i < after; ++i) assign(targets[star + 1 + i].get(), items[items.size() - after + i], f);
}

void Evaluator::assign(const Expr* target, const Value& v, Frame& f) {
    switch (target->kind) {
    case ExprKind::Name:
        storeName(static_cast<const Name*>(target), v, f);
        return;
    case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(target);
        Value obj = eval(a->value.get(), f);
        storeAttr(obj, static_cast<Str*>(const_cast<void*>(a->rtName)), a->cache, v);
        return;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(target);
        Value obj = eval(s->value.get(), f);
        Value key = evalSliceKey(s->slice.get(), f);
        ops::setItem(obj, key, v);
        return;
    }
    case ExprKind::Tuple:
        unpackTo(static_cast<const lang::Tuple*>(target)->elts, v, f);
        return;
    case ExprKind::List:
        unpackTo(static_cast<const lang::List*>(target)->elts, v, f);
        return;
    case ExprKind::Starred:
        I.raise("SyntaxError", "starred assignment target must be in a list or tuple");
    default:
        I.raise("SyntaxError", "cannot assign to expression");
    }
}

} // namespace gs::runtime
