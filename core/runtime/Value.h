#pragma once
// Values of the scenario language: a 16-byte tagged union. int (int64), float, bool and None
// live inline; everything else is a heap Object with an intrusive, non-atomic reference count.
// Why not std::shared_ptr: the interpreter copies values on every load and store; an atomic
// count and a separate control block would dominate the hot loops (see tests/bench/py).
//
// Every Object belongs to exactly one Interpreter (the one current on the creating thread) and
// must be released before that Interpreter is destroyed. Values are not thread-safe.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/lang/Ast.h"

namespace gs::runtime {

class Object;
class Type;
class Str;
class Interpreter;
class Value;

enum class Tag : uint8_t {
    Null,  // "no value": an unbound local, a missing result; never visible to scenario code
    None,
    Bool,
    Int,
    Float,
    Obj
};

// The protocol slots a native type can implement (see Object's virtuals). Used for messages.
using lang::BinOpKind;
using lang::CmpOpKind;
using lang::UnaryOpKind;

class Value {
public:
    Value() noexcept : tag_(Tag::Null), i_(0) {}
    Value(Object* o) noexcept;  // NOLINT: takes a new reference (o may be null -> Null)
    Value(const Value& v) noexcept : tag_(v.tag_), i_(v.i_) { incref(); }
    Value(Value&& v) noexcept : tag_(v.tag_), i_(v.i_) { v.tag_ = Tag::Null; }
    ~Value() { decref(); }
    Value& operator=(const Value& v) noexcept {
        Value tmp(v);
        swap(tmp);
        return *this;
    }
    Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            Value tmp(std::move(v));
            swap(tmp);
        }
        return *this;
    }
    void swap(Value& v) noexcept {
        std::swap(tag_, v.tag_);
        std::swap(i_, v.i_);
    }

    static Value none() noexcept { Value v; v.tag_ = Tag::None; return v; }
    static Value boolean(bool b) noexcept { Value v; v.tag_ = Tag::Bool; v.i_ = b ? 1 : 0; return v; }
    static Value integer(int64_t i) noexcept { Value v; v.tag_ = Tag::Int; v.i_ = i; return v; }
    static Value real(double d) noexcept { Value v; v.tag_ = Tag::Float; v.f_ = d; return v; }

    Tag tag() const noexcept { return tag_; }
    bool isNull() const noexcept { return tag_ == Tag::Null; }
    bool isNone() const noexcept { return tag_ == Tag::None; }
    bool isBool() const noexcept { return tag_ == Tag::Bool; }
    bool isInt() const noexcept { return tag_ == Tag::Int; }
    bool isFloat() const noexcept { return tag_ == Tag::Float; }
    bool isObj() const noexcept { return tag_ == Tag::Obj; }
    // int or bool (bool is a subclass of int)
    bool isIntLike() const noexcept { return tag_ == Tag::Int || tag_ == Tag::Bool; }
    explicit operator bool() const noexcept { return tag_ != Tag::Null; }

    int64_t asInt() const noexcept { return i_; }   // Int or Bool
    bool asBool() const noexcept { return i_ != 0; }
    double asFloat() const noexcept { return f_; }
    Object* obj() const noexcept { return tag_ == Tag::Obj ? o_ : nullptr; }
    template <class T> T* as() const noexcept { return static_cast<T*>(o_); }
    // The object if it is a T (C++ class), else nullptr. Not for hot paths (dynamic_cast).
    template <class T> T* dyn() const noexcept;

    // Identity (`is`): same object, or equal inline payloads of the same tag.
    bool is(const Value& v) const noexcept {
        if (tag_ != v.tag_) return false;
        if (tag_ == Tag::Float) return f_ == v.f_ || (f_ != f_ && v.f_ != v.f_);
        return i_ == v.i_;
    }
    // Raw access for hashing of identities.
    uint64_t rawBits() const noexcept { return static_cast<uint64_t>(i_); }

private:
    inline void incref() const noexcept;
    inline void decref() const noexcept;

    Tag tag_;
    union {
        int64_t i_;
        double f_;
        Object* o_;
    };
};

// A keyword argument at a call site: the name is a Str kept alive by the caller.
struct KwArg {
    Str* name;
    Value value;
};

// The arguments of one call, not owned (they live in the caller's buffer): passing arguments
// never allocates for ordinary calls.
struct CallArgs {
    std::span<const Value> pos;
    std::span<const KwArg> kw;
    // 1 when pos[0] is the receiver of a native method: count messages leave it out.
    uint8_t selfArgs = 0;

    size_t size() const { return pos.size(); }
    const Value& operator[](size_t i) const { return pos[i]; }
    // The keyword's value, or nullptr.
    const Value* kwarg(std::string_view name) const;

    // Python-like TypeErrors: "f() takes no keyword arguments", "f() takes exactly 2 arguments
    // (3 given)", "f expected at most 2 arguments, got 3".
    void noKeywords(std::string_view fname) const;
    void expect(std::string_view fname, size_t min, size_t max) const;
};

// ---------------------------------------------------------------------------------------------
// Heap objects. Native types (builtin or registered by the host) subclass Object and override the
// protocol virtuals; a "Null" Value / -1 / false return means "this type has no such slot" and
// makes the interpreter raise the same TypeError CPython raises. Scenario classes (heap types)
// never reach these virtuals directly: Ops dispatches them to dunder methods first.
struct HeapSentinelTag {};

class Object {
public:
    explicit Object(Type* type);
    explicit Object(HeapSentinelTag);  // the heap's list head (not a real object)
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object();

    Type* type() const noexcept { return type_; }
    void incref() noexcept { ++refcnt_; }
    void decref() noexcept {
        if (--refcnt_ == 0) destroy();
    }
    uint32_t refcount() const noexcept { return refcnt_; }
    // Allocation serial number: a deterministic identity hash (no address-dependent orders).
    uint32_t serial() const noexcept { return serial_ & ~kWeakBit; }
    // Set while weak references to the object exist (WeakRef.h); its death then clears them.
    bool weaklyReferenced() const noexcept { return (serial_ & kWeakBit) != 0; }
    void setWeaklyReferenced(bool on) noexcept { serial_ = on ? (serial_ | kWeakBit) : (serial_ & ~kWeakBit); }

    // --- protocol slots (native implementations) ---
    virtual std::string repr();                              // default: <T object at 0x..>
    virtual std::string str() { return repr(); }
    virtual std::string format(std::string_view spec);      // default: str() for "", else TypeError
    virtual int truth() { return -1; }                       // -1: none (len, then true)
    virtual int64_t len() { return -1; }                     // -1: no len()
    virtual int64_t hash();                                  // default: identity
    virtual Value iter() { return {}; }                      // Null: not iterable
    virtual bool next(Value& out) { (void)out; return false; } // only for iterators
    virtual bool isIterator() const { return false; }
    virtual Value getItem(const Value& key) { (void)key; return {}; }
    virtual bool setItem(const Value& key, const Value& v) { (void)key; (void)v; return false; }
    virtual bool delItem(const Value& key) { (void)key; return false; }
    virtual int contains(const Value& v) { (void)v; return -1; } // -1: fall back to iteration
    virtual Value richCompare(CmpOpKind op, const Value& other) { (void)op; (void)other; return {}; }
    // Binary operator with self on the left (reflected=false) or on the right (reflected=true).
    virtual Value binaryOp(BinOpKind op, const Value& other, bool reflected) {
        (void)op; (void)other; (void)reflected; return {};
    }
    virtual Value inplaceOp(BinOpKind op, const Value& other) { (void)op; (void)other; return {}; }
    virtual Value unaryOp(UnaryOpKind op) { (void)op; return {}; }
    virtual bool callable() const { return false; }
    virtual Value call(const CallArgs& args);
    // Instance-level attribute storage, consulted after data descriptors of the type and before
    // methods (the role of the instance __dict__). Null: not found.
    virtual Value getAttr(Str* name) { (void)name; return {}; }
    // false: this object has no instance storage (AttributeError).
    virtual bool setAttr(Str* name, const Value& v) { (void)name; (void)v; return false; }
    virtual bool delAttr(Str* name) { (void)name; return false; }
    // Called when normal lookup failed (the role of __getattr__). Null: AttributeError.
    virtual Value getAttrFallback(Str* name) { (void)name; return {}; }
    // __index__ / __int__ / __float__; false: not supported.
    virtual bool toIndex(int64_t& out) { (void)out; return false; }
    virtual bool toInt(int64_t& out) { return toIndex(out); }
    virtual bool toFloat(double& out) { (void)out; return false; }
    // The class that type(), isinstance() and __class__ report (tracking proxies report int).
    virtual Type* visibleType() { return nullptr; }
    // The instance __dict__, if the object has one (vars(), __dict__).
    virtual class Dict* instanceDict() { return nullptr; }
    // Drop every reference this object holds: each Ref and Value member, and containers of them.
    // Interpreter teardown breaks cycles with it and then runs all destructors in no particular
    // order, so a reference kept here would later be released into an object already destroyed.
    virtual void clearRefs() {}

    // Cold helpers for teardown; see Heap.
    Object* gcPrev_ = nullptr;
    Object* gcNext_ = nullptr;

    // Bootstrap only: objects made before their type existed (the type of types) fix it here.
    void setTypeUnchecked(Type* t) { type_ = t; }

private:
    static constexpr uint32_t kWeakBit = 0x80000000u;
    void destroy() noexcept;
    friend class Heap;
    friend class Type;
    uint32_t refcnt_ = 0;
    uint32_t serial_ = 0;
    Type* type_;
};

inline Value::Value(Object* o) noexcept : tag_(o ? Tag::Obj : Tag::Null), o_(o) {
    if (o) o->incref();
}
inline void Value::incref() const noexcept {
    if (tag_ == Tag::Obj) o_->incref();
}
inline void Value::decref() const noexcept {
    if (tag_ == Tag::Obj) o_->decref();
}

template <class T> T* Value::dyn() const noexcept {
    return tag_ == Tag::Obj ? dynamic_cast<T*>(o_) : nullptr;
}

// Intrusive strong reference for C++ code.
template <class T> class Ref {
public:
    Ref() noexcept = default;
    Ref(T* p) noexcept : p_(p) { if (p_) p_->incref(); }  // NOLINT
    Ref(const Ref& r) noexcept : p_(r.p_) { if (p_) p_->incref(); }
    Ref(Ref&& r) noexcept : p_(r.p_) { r.p_ = nullptr; }
    template <class U> Ref(const Ref<U>& r) noexcept : p_(r.get()) { if (p_) p_->incref(); }  // NOLINT
    ~Ref() { if (p_) p_->decref(); }
    Ref& operator=(Ref r) noexcept { std::swap(p_, r.p_); return *this; }
    T* get() const noexcept { return p_; }
    T* operator->() const noexcept { return p_; }
    T& operator*() const noexcept { return *p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    operator Value() const noexcept { return Value(static_cast<Object*>(p_)); }  // NOLINT
    // Releases ownership without decrementing.
    T* release() noexcept { T* p = p_; p_ = nullptr; return p; }

private:
    T* p_ = nullptr;
};

// Allocates a T with refcount 0 and returns it owned by a Ref (so it is freed if unused).
template <class T, class... A> Ref<T> make(A&&... a) {
    return Ref<T>(new T(std::forward<A>(a)...));
}

} // namespace gs::runtime
