// Type objects: C3 linearisation, cached MRO lookup, instantiation (__new__ / __init__).
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Type.h"

#include <algorithm>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"

namespace gs::runtime {

Type::Type(Type* metatype, std::string name) : Object(metatype), name_(std::move(name)) {
    qualname = name_;
    dict_ = Ref<Dict>(new Dict(Interpreter::current().types.dict));
    mro_.push_back(this);
}

Type::~Type() = default;

void Type::clearRefs() {
    if (dict_) dict_->clearRefs();
    dict_ = nullptr;
    for (auto& e : cache_) e = CacheEntry{};
    alloc = nullptr;
    construct = nullptr;
}

std::string Type::setBases(std::vector<Type*> bases) {
    // C3: mro(C) = C + merge(mro(B1), ..., mro(Bn), [B1..Bn])
    std::vector<std::vector<Type*>> seqs;
    for (Type* b : bases) seqs.push_back(b->mro());
    seqs.push_back(bases);
    std::vector<Type*> result{this};
    while (true) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }), seqs.end());
        if (seqs.empty()) break;
        Type* candidate = nullptr;
        for (const auto& s : seqs) {
            Type* head = s.front();
            bool inTail = false;
            for (const auto& t : seqs)
                if (std::find(t.begin() + 1, t.end(), head) != t.end()) inTail = true;
            if (!inTail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            // CPython names the heads it could not place, in order.
            std::vector<Type*> heads;
            for (const auto& s : seqs)
                if (std::find(heads.begin(), heads.end(), s.front()) == heads.end()) heads.push_back(s.front());
            std::string names;
            for (size_t i = 0; i < heads.size(); ++i) names += (i ? ", " : "") + heads[i]->name();
            return "Cannot create a consistent method resolution\norder (MRO) for bases " + names;
        }
        result.push_back(candidate);
        for (auto& s : seqs)
            if (s.front() == candidate) s.erase(s.begin());
    }
    bases_ = std::move(bases);
    mro_ = std::move(result);
    ++core(Interpreter::current()).typeEpoch;
    return {};
}

bool Type::isSubtypeOf(const Type* other) const {
    if (this == other) return true;
    for (Type* t : mro_)
        if (t == other) return true;
    return false;
}

Value Type::lookupWithOwner(Str* name, Type*& owner) {
    Interpreter& I = Interpreter::current();
    if (cacheEpoch != core(I).typeEpoch) {
        for (auto& e : cache_) e = CacheEntry{};
        cacheEpoch = core(I).typeEpoch;
    }
    CacheEntry& slot = cache_[(reinterpret_cast<uintptr_t>(name) >> 4) % kCacheSize];
    if (slot.name == name) {
        owner = slot.owner;
        return slot.value;
    }
    Value key(name);
    owner = nullptr;
    Value found;
    for (Type* t : mro_) {
        int64_t i = t->dict()->find(key);
        if (i >= 0) {
            owner = t;
            found = t->dict()->entryAt(static_cast<size_t>(i)).value;
            break;
        }
    }
    slot.name = name;
    slot.value = found;
    slot.owner = owner;
    return found;
}

Value Type::lookupUncached(Str* name) const {
    for (Type* t : mro_) {
        Value v = t->dict()->get(Value(name));
        if (v) return v;
    }
    return {};
}

std::string Type::repr() {
    if (module == "builtins" || module.empty()) return "<class '" + qualname + "'>";
    return "<class '" + module + "." + qualname + "'>";
}

int64_t Type::hash() { return Object::hash(); }

Value Type::binaryOp(BinOpKind op, const Value& other, bool reflected) {
    (void)op; (void)other; (void)reflected;
    return {};
}

Value Type::call(const CallArgs& a) {
    Interpreter& I = Interpreter::current();
    if (this == I.types.type && a.size() == 1 && a.kw.empty()) return Value(ops::visibleTypeOf(a[0]));
    if (!heap) {
        if (construct) return construct(this, a);
        I.raise(I.types.TypeError, "cannot create '" + (module == "builtins" ? name_ : module + "." + name_) + "' instances");
    }
    Value obj;
    Value nw = ops::findDunder(this, I.names.__new__);
    if (nw) {
        std::vector<Value> args;
        args.reserve(a.size() + 1);
        args.push_back(Value(this));
        args.insert(args.end(), a.pos.begin(), a.pos.end());
        obj = ops::call(nw, CallArgs{std::span<const Value>(args.data(), args.size()), a.kw});
    } else {
        if (!alloc) I.raise(I.types.TypeError, "cannot create '" + name_ + "' instances");
        obj = Value(alloc(this).get());
        if (auto* e = obj.dyn<ExceptionObject>()) e->args = I.newTuple(std::vector<Value>(a.pos.begin(), a.pos.end()));
    }
    if (!ops::isInstance(obj, this)) return obj;
    Type* owner = nullptr;
    Value init = lookupWithOwner(I.names.__init__, owner);
    if (init) {
        if (owner == I.types.object) {
            if ((a.size() || !a.kw.empty()) && !nw) I.raise(I.types.TypeError, name_ + "() takes no arguments");
            return obj;
        }
        std::vector<Value> args;
        args.reserve(a.size() + 1);
        args.push_back(obj);
        args.insert(args.end(), a.pos.begin(), a.pos.end());
        Value r = ops::call(init, CallArgs{std::span<const Value>(args.data(), args.size()), a.kw});
        if (!r.isNone()) I.raise(I.types.TypeError, "__init__() should return None, not '" + typeName(r) + "'");
    }
    return obj;
}

} // namespace gs::runtime
