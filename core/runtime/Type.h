#pragma once
// Type objects: builtin types, native types registered by the host, and scenario classes
// ("heap types"). A type has a name, bases, a C3 MRO, a class dict and an allocator that makes
// its instances (inherited from its solid base, as in CPython).
#include <functional>
#include <string>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;

class Type : public Object {
public:
    using Allocator = std::function<Ref<Object>(Type* cls)>;

    // `metatype` is the interpreter's `type` (null only while bootstrapping `type` itself).
    Type(Type* metatype, std::string name);
    ~Type() override;

    const std::string& name() const { return name_; }
    std::string qualname;
    std::string module = "builtins";

    // Bases in declaration order, and the C3 linearisation (self first).
    const std::vector<Type*>& bases() const { return bases_; }
    const std::vector<Type*>& mro() const { return mro_; }
    // Sets bases and computes the MRO; returns an error message on a C3 conflict.
    std::string setBases(std::vector<Type*> bases);
    bool isSubtypeOf(const Type* other) const;

    Dict* dict() const { return dict_.get(); }

    // Looks `name` up along the MRO (class dicts only); Null if absent. Cached per type and
    // invalidated by the interpreter-wide type epoch (any class-dict write bumps it).
    Value lookup(Str* name) {
        Type* owner;
        return lookupWithOwner(name, owner);
    }
    // Also reports which class along the MRO defines it.
    Value lookupWithOwner(Str* name, Type*& owner);
    // Same without the cache (used while building a class).
    Value lookupUncached(Str* name) const;

    // True for classes defined by scenario or source-module code.
    bool heap = false;
    // Builtin types whose attributes cannot be set (CPython: "cannot set 'x' attribute of
    // immutable type 'int'"). Host native types are mutable by default.
    bool immutable = false;
    // Heap-type flags computed when the class is made or its dict changes.
    bool hasSetattr = false;     // defines __setattr__ (not object's)
    bool hasGetattr = false;     // defines __getattr__
    bool hasDelattr = false;
    bool hasGetattribute = false; // defines __getattribute__
    bool isStr = false;           // the str type (fast key comparisons in dicts)
    // Instances are made by this allocator; a heap type inherits its solid base's.
    Allocator alloc;
    // Whether instances of a heap type subclassing this one can be created (list, dict,
    // exceptions, object, ... but not the host's native types, see Extension.h).
    bool subclassable = true;
    // Constructor of a native type (int(x), list(it), host types); heap types use the generic
    // __new__/__init__ protocol instead.
    std::function<Value(Type* cls, const CallArgs& args)> construct;
    // The type's own protocol, for the type object itself (repr, call = instantiate).
    std::string repr() override;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    int64_t hash() override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;  // X | Y
    void clearRefs() override;

    // The epoch this type's cache was filled in.
    uint64_t cacheEpoch = 0;

private:
    friend class Interpreter;
    std::string name_;
    std::vector<Type*> bases_;
    std::vector<Type*> mro_;
    Ref<Dict> dict_;
    // Direct-mapped lookup cache keyed by the interned name's address; a collision simply
    // replaces the entry (cleared when the type epoch moves).
    struct CacheEntry {
        Str* name = nullptr;
        Value value;
        Type* owner = nullptr;
    };
    static constexpr size_t kCacheSize = 64;
    CacheEntry cache_[kCacheSize];
};

} // namespace gs::runtime
