#include "core/engine/Source.h"

#include <algorithm>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Type.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::Value;

int SourceTable::intern(Source s) {
    auto it = byText_.find(s.text);
    if (it != byText_.end()) return it->second;
    int idx = static_cast<int>(sources_.size());
    byText_.emplace(s.text, idx);
    sources_.push_back(std::move(s));
    return idx;
}

int SourceTable::local(const std::string& name, int slot) {
    Source s;
    s.kind = Source::Kind::Local;
    s.name = name;
    s.slot = slot;
    s.text = "L['" + name + "']";
    return intern(std::move(s));
}

int SourceTable::closure(const std::string& name, int index) {
    Source s;
    s.kind = Source::Kind::Closure;
    s.name = name;
    s.slot = index;
    s.text = "L['" + name + "']";  // a free variable of the compiled frame reads as a frame local
    return intern(std::move(s));
}

int SourceTable::global(const std::string& name) {
    Source s;
    s.kind = Source::Kind::Global;
    s.name = name;
    s.nameStr = runtime::Interpreter::current().intern(name);
    s.text = "G['" + name + "']";
    return intern(std::move(s));
}

int SourceTable::attr(int parent, const std::string& name) {
    Source s;
    s.kind = Source::Kind::Attr;
    s.name = name;
    s.nameStr = runtime::Interpreter::current().intern(name);
    s.parent = parent;
    s.text = sources_[static_cast<size_t>(parent)].text + "." + name;
    s.isParameterLike = sources_[static_cast<size_t>(parent)].isParameterLike;
    return intern(std::move(s));
}

int SourceTable::item(int parent, const Value& key, const std::string& keyRepr) {
    Source s;
    s.kind = Source::Kind::Item;
    s.key = key;
    s.parent = parent;
    const Source& p = sources_[static_cast<size_t>(parent)];
    s.text = p.text + "[" + keyRepr + "]";
    s.isParameterLike = p.isParameterLike || (p.kind == Source::Kind::Attr && (p.name == "_parameters" || p.name == "_buffers"));
    return intern(std::move(s));
}

int SourceTable::typeOf(int parent) {
    Source s;
    s.kind = Source::Kind::TypeOf;
    s.parent = parent;
    s.text = "type(" + sources_[static_cast<size_t>(parent)].text + ")";
    return intern(std::move(s));
}

int SourceTable::mroClass(int typeSource, int index) {
    if (index == 0) return typeSource;
    Source s;
    s.kind = Source::Kind::MroClass;
    s.parent = typeSource;
    s.slot = index;
    s.text = sources_[static_cast<size_t>(typeSource)].text + ".__mro__[" + std::to_string(index) + "]";
    return intern(std::move(s));
}

int SourceTable::classDictItem(int classSource, const std::string& name) {
    Source s;
    s.kind = Source::Kind::ClassDictItem;
    s.parent = classSource;
    s.name = name;
    s.nameStr = runtime::Interpreter::current().intern(name);
    s.text = sources_[static_cast<size_t>(classSource)].text + ".__dict__['" + name + "']";
    return intern(std::move(s));
}

int SourceTable::cellContents(int function, int index) {
    Source s;
    s.kind = Source::Kind::CellContents;
    s.parent = function;
    s.slot = index;
    s.text = sources_[static_cast<size_t>(function)].text + ".__closure__[" + std::to_string(index) + "].cell_contents";
    return intern(std::move(s));
}

int SourceTable::defaults(int function, int index) {
    Source s;
    s.kind = Source::Kind::Defaults;
    s.parent = function;
    s.slot = index;
    s.text = sources_[static_cast<size_t>(function)].text + ".__defaults__[" + std::to_string(index) + "]";
    return intern(std::move(s));
}

int SourceTable::kwDefaults(int function, const std::string& name) {
    Source s;
    s.kind = Source::Kind::KwDefaults;
    s.parent = function;
    s.name = name;
    s.text = sources_[static_cast<size_t>(function)].text + ".__kwdefaults__['" + name + "']";
    return intern(std::move(s));
}

int SourceTable::methodCall(int parent, const std::string& name) {
    Source s;
    s.kind = Source::Kind::MethodCall;
    s.parent = parent;
    s.name = name;
    s.nameStr = runtime::Interpreter::current().intern(name);
    s.text = sources_[static_cast<size_t>(parent)].text + "." + name + "()";
    return intern(std::move(s));
}

int SourceTable::dictValueAt(int dict, int index) {
    Source s;
    s.kind = Source::Kind::DictValueAt;
    s.parent = dict;
    s.slot = index;
    const std::string& p = sources_[static_cast<size_t>(dict)].text;
    s.text.append(p).append("[list(dict.keys(").append(p).append("))[").append(std::to_string(index)).append("]]");
    return intern(std::move(s));
}

int SourceTable::root(int i) const {
    while (sources_[static_cast<size_t>(i)].parent >= 0) i = sources_[static_cast<size_t>(i)].parent;
    return i;
}

namespace {

// The function behind a value (a bound method's function), or null.
runtime::Function* functionOf(const Value& v) {
    if (auto* f = v.dyn<runtime::Function>()) return f;
    if (auto* m = v.dyn<runtime::BoundMethod>()) return m->func.dyn<runtime::Function>();
    return nullptr;
}


// getattr(p, name) for a guard accessor: the instance dict first when the class has no data
// descriptor of that name, a function's __code__ directly, else the full attribute protocol.
// A missing attribute (or one whose lookup raises) is Null.
Value fetchAttr(const Value& p, const Source& s) {
    auto& I = runtime::Interpreter::current();
    runtime::Object* o = p.obj();
    if (o && s.nameStr == I.names.__code__)
        if (auto* f = functionOf(p)) return core(I).codeObject(f->code);
    if (auto* inst = p.dyn<runtime::Instance>(); inst && inst->dict && !inst->type()->hasGetattribute) {
        Value descr = inst->type()->lookup(s.nameStr);
        if (descr.isNull() || !runtime::ops::isDataDescriptor(descr)) {
            Value d = inst->dict->get(Value(s.nameStr));
            if (!d.isNull()) return d;
        }
    }
    try {
        return runtime::ops::getAttrOpt(p, s.nameStr);
    } catch (const runtime::PyError&) {
        return Value();
    }
}

} // namespace

runtime::Type* visibleTypeOf(const Value& v) {
    auto& I = runtime::Interpreter::current();
    switch (v.tag()) {
    case runtime::Tag::None: return I.types.noneType;
    case runtime::Tag::Bool: return I.types.bool_;
    case runtime::Tag::Int: return I.types.int_;
    case runtime::Tag::Float: return I.types.float_;
    case runtime::Tag::Null: return nullptr;
    case runtime::Tag::Obj: break;
    }
    runtime::Type* t = v.obj()->visibleType();
    return t ? t : v.obj()->type();
}

Value SourceTable::fetch(int i, const CallFrame& frame, std::vector<Value>& cache) const {
    if (cache.size() < sources_.size()) cache.resize(sources_.size());
    return fetchRef(i, frame, cache);
}

// The guard hot path: no Value copies along a source chain (each link is read in place from the
// per-call cache, which never grows here).
const Value& SourceTable::fetchMiss(int i, const CallFrame& frame, std::vector<Value>& cache) const {
    Value& slot = cache[static_cast<size_t>(i)];
    const Source& s = sources_[static_cast<size_t>(i)];
    Value v;
    switch (s.kind) {
    case Source::Kind::Local:
        if (s.slot >= 0 && static_cast<size_t>(s.slot) < frame.slots.size()) v = frame.slots[static_cast<size_t>(s.slot)];
        break;
    case Source::Kind::Closure:
        if (frame.fn && static_cast<size_t>(s.slot) < frame.fn->closure.size()) {
            if (auto* cell = static_cast<runtime::Cell*>(frame.fn->closure[static_cast<size_t>(s.slot)].obj())) v = cell->value;
        }
        break;
    case Source::Kind::Global:
        if (frame.fn) {
            v = frame.fn->globals->get(Value(s.nameStr));
            if (v.isNull()) v = runtime::Interpreter::current().builtinsDict()->get(Value(s.nameStr));
        }
        break;
    case Source::Kind::Attr: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (!p.isNull()) v = fetchAttr(p, s);
        break;
    }
    case Source::Kind::TypeOf: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (!p.isNull()) v = Value(visibleTypeOf(p));
        break;
    }
    case Source::Kind::MroClass: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* t = p.dyn<runtime::Type>(); t && static_cast<size_t>(s.slot) < t->mro().size())
            v = Value(t->mro()[static_cast<size_t>(s.slot)]);
        break;
    }
    case Source::Kind::ClassDictItem: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* t = p.dyn<runtime::Type>()) v = t->dict()->get(Value(s.nameStr));
        break;
    }
    case Source::Kind::CellContents: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* f = functionOf(p); f && static_cast<size_t>(s.slot) < f->closure.size())
            if (auto* cell = f->closure[static_cast<size_t>(s.slot)].dyn<runtime::Cell>()) v = cell->value;
        break;
    }
    case Source::Kind::Defaults: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* f = functionOf(p); f && static_cast<size_t>(s.slot) < f->defaults.size()) v = f->defaults[static_cast<size_t>(s.slot)];
        break;
    }
    case Source::Kind::KwDefaults: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* f = functionOf(p)) {
            const runtime::CodeInfo* code = f->code;
            size_t first = static_cast<size_t>(code->nargs + (code->varargSlot >= 0 ? 1 : 0));
            for (size_t k = 0; k < f->kwDefaults.size(); ++k)
                if (first + k < code->paramNames.size() && code->paramNames[first + k]->view() == s.name) v = f->kwDefaults[k];
        }
        break;
    }
    case Source::Kind::Item: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* o = p.obj()) {
            if (auto* d = dynamic_cast<runtime::Dict*>(o)) v = d->get(s.key);
            else if (auto* l = dynamic_cast<runtime::List*>(o)) {
                int64_t k = s.key.asInt();
                if (k >= 0 && static_cast<size_t>(k) < l->items.size()) v = l->items[static_cast<size_t>(k)];
            } else if (auto* t = dynamic_cast<runtime::Tuple*>(o)) {
                int64_t k = s.key.asInt();
                if (k >= 0 && static_cast<size_t>(k) < t->items.size()) v = t->items[static_cast<size_t>(k)];
            }
        }
        break;
    }
    case Source::Kind::MethodCall: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (p.isNull()) break;
        Value m = fetchAttr(p, s);
        if (m.isNull()) break;
        try {
            v = runtime::ops::call0(m);
        } catch (const runtime::PyError&) {
            v = Value();
        }
        break;
    }
    case Source::Kind::DictValueAt: {
        const Value& p = fetchRef(s.parent, frame, cache);
        if (auto* d = p.dyn<runtime::Dict>()) {
            int k = 0;
            for (const auto& e : d->entries()) {
                if (e.key.isNull()) continue;  // a deleted entry keeps its slot
                if (k++ == s.slot) {
                    v = e.value;
                    break;
                }
            }
        }
        break;
    }
    }
    slot = std::move(v);
    return slot;
}

bool bindArguments(runtime::Function* fn, const runtime::CallArgs& args, std::vector<Value>& slots,
                   std::vector<bool>* fromDefault) {
    const runtime::CodeInfo* code = fn->code;
    size_t nparams = code->paramNames.size();
    // The common call f(x, y): exactly the positional parameters, no keywords, no * or **
    // parameters. The general path below would bind the same (nothing from a default).
    if (args.kw.empty() && args.pos.size() == nparams && static_cast<size_t>(code->nargs) == nparams && code->varargSlot < 0 &&
        code->kwargSlot < 0 && code->nkwonly == 0 &&
        std::none_of(args.pos.begin(), args.pos.end(), [](const Value& v) { return v.isNull(); })) {
        slots.assign(args.pos.begin(), args.pos.end());
        if (fromDefault) fromDefault->assign(nparams, false);
        return true;
    }
    slots.assign(nparams, Value());
    if (fromDefault) fromDefault->assign(nparams, false);
    size_t nargs = static_cast<size_t>(code->nargs);
    size_t npos = std::min(args.pos.size(), nargs);
    for (size_t i = 0; i < npos; ++i) slots[i] = args.pos[i];
    if (args.pos.size() > nargs) {
        if (code->varargSlot < 0) return false;
        std::vector<Value> rest(args.pos.begin() + static_cast<long>(nargs), args.pos.end());
        slots[static_cast<size_t>(code->varargSlot)] = runtime::Interpreter::current().newTuple(std::move(rest));
    } else if (code->varargSlot >= 0) {
        slots[static_cast<size_t>(code->varargSlot)] = runtime::Interpreter::current().newTuple({});
    }
    runtime::Ref<runtime::Dict> extra;
    for (const auto& kw : args.kw) {
        bool found = false;
        for (size_t i = static_cast<size_t>(code->nposonly); i < nparams; ++i) {
            if (static_cast<int>(i) == code->varargSlot || static_cast<int>(i) == code->kwargSlot) continue;
            if (code->paramNames[i] && code->paramNames[i]->view() == kw.name->view()) {
                if (!slots[i].isNull()) return false;
                slots[i] = kw.value;
                found = true;
                break;
            }
        }
        if (!found) {
            if (code->kwargSlot < 0) return false;
            if (!extra) extra = runtime::Interpreter::current().newDict();
            extra->set(Value(kw.name), kw.value);
        }
    }
    if (code->kwargSlot >= 0) slots[static_cast<size_t>(code->kwargSlot)] = extra ? Value(extra.get()) : Value(runtime::Interpreter::current().newDict().get());
    // defaults for the last positional parameters, kw defaults for keyword-only ones
    size_t ndef = fn->defaults.size();
    for (size_t i = 0; i < nargs; ++i) {
        if (!slots[i].isNull()) continue;
        if (i + ndef >= nargs) {
            slots[i] = fn->defaults[i + ndef - nargs];
            if (fromDefault) (*fromDefault)[i] = true;
        } else {
            return false;
        }
    }
    size_t kwStart = nargs + (code->varargSlot >= 0 ? 1 : 0);
    for (int k = 0; k < code->nkwonly; ++k) {
        size_t i = kwStart + static_cast<size_t>(k);
        if (i >= nparams || !slots[i].isNull()) continue;
        if (static_cast<size_t>(k) < fn->kwDefaults.size() && !fn->kwDefaults[static_cast<size_t>(k)].isNull()) {
            slots[i] = fn->kwDefaults[static_cast<size_t>(k)];
            if (fromDefault) (*fromDefault)[i] = true;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace gs::engine
