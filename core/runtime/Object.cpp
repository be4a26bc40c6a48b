// Object base class defaults, the per-interpreter heap list, CallArgs helpers.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/runtime/Heap.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/runtime/WeakRef.h"

namespace gs::runtime {

Object::Object(Type* type) : type_(type) {
    if (Interpreter* in = Interpreter::currentOrNull()) core(*in).heap().link(this);
}

Object::Object(HeapSentinelTag) : type_(nullptr) { gcPrev_ = gcNext_ = this; }

Object::~Object() {
    // Still linked: an ordinary death (weak callbacks run); unlinked: interpreter teardown.
    if (serial_ & kWeakBit) weak::targetDied(this, gcPrev_ != nullptr);
    if (gcPrev_) Heap::unlink(this);
}

namespace {
// Releasing a deeply nested structure (a list inside a list inside ...) would recurse once per
// level in C++ destructors. Past a depth, objects are queued and freed iteratively by the
// outermost release (CPython's "trashcan"). Per thread: objects never cross threads.
struct Trashcan {
    int depth = 0;
    std::vector<Object*> pending;
};
thread_local Trashcan tTrash;
constexpr int kTrashDepth = 256;
} // namespace

void Object::destroy() noexcept {
    Trashcan& t = tTrash;
    if (t.depth >= kTrashDepth) {
        t.pending.push_back(this);
        return;
    }
    ++t.depth;
    delete this;
    if (t.depth == 1) {
        while (!t.pending.empty()) {
            Object* o = t.pending.back();
            t.pending.pop_back();
            delete o;
        }
    }
    --t.depth;
}

std::string Object::repr() {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(this));
    Type* t = type();
    std::string mod = t->module == "builtins" ? std::string() : t->module + ".";
    return "<" + mod + (t->qualname.empty() ? t->name() : t->qualname) + buf;
}

std::string Object::format(std::string_view spec) {
    if (!spec.empty())
        Interpreter::current().raise("TypeError", "unsupported format string passed to " + typeName(Value(this)) +
                                                      ".__format__");
    return ops::str(Value(this));
}

int64_t Object::hash() {
    // Serial-based: deterministic across runs, unlike an address (set iteration order).
    return static_cast<int64_t>(serial()) * 16 + 7;
}

Value Object::call(const CallArgs&) {
    Interpreter::current().raise("TypeError", "'" + typeName(Value(this)) + "' object is not callable");
}

// ---------------------------------------------------------------------------------------------

namespace {
class Sentinel : public Object {
public:
    Sentinel() : Object(HeapSentinelTag{}) {}
};
} // namespace

Heap::Heap() : sentinel_(new Sentinel()) {}

Heap::~Heap() {
    sentinel_->gcPrev_ = sentinel_->gcNext_ = nullptr;
    delete sentinel_;
}

void Heap::link(Object* o) {
    o->serial_ = nextSerial_++;
    o->gcNext_ = sentinel_->gcNext_;
    o->gcPrev_ = sentinel_;
    sentinel_->gcNext_->gcPrev_ = o;
    sentinel_->gcNext_ = o;
}

void Heap::unlink(Object* o) {
    o->gcPrev_->gcNext_ = o->gcNext_;
    o->gcNext_->gcPrev_ = o->gcPrev_;
    o->gcPrev_ = o->gcNext_ = nullptr;
}

uint64_t Heap::liveObjects() const {
    uint64_t n = 0;
    for (Object* o = sentinel_->gcNext_; o != sentinel_; o = o->gcNext_) ++n;
    return n;
}

void Heap::teardown() {
    weak::dropPending();
    std::vector<Object*> all;
    for (Object* o = sentinel_->gcNext_; o != sentinel_; o = o->gcNext_) all.push_back(o);
    // Pin everything, so that breaking references frees nothing while we walk.
    for (Object* o : all) o->refcnt_ += 1u << 30;
    for (Object* o : all) o->clearRefs();
    tearingDown_ = true;
    // Run destructors first and free memory after: a destructor may still decrement the
    // (pinned) count of an object destroyed before it. Unlinked first, so ~Object skips it.
    for (Object* o : all) o->gcPrev_ = o->gcNext_ = nullptr;
    sentinel_->gcPrev_ = sentinel_->gcNext_ = sentinel_;
    for (Object* o : all) o->~Object();
    for (Object* o : all) ::operator delete(static_cast<void*>(o));
}

// ---------------------------------------------------------------------------------------------

const Value* CallArgs::kwarg(std::string_view name) const {
    for (const KwArg& k : kw)
        if (k.name->view() == name) return &k.value;
    return nullptr;
}

void CallArgs::noKeywords(std::string_view fname) const {
    if (!kw.empty()) Interpreter::current().raise("TypeError", std::string(fname) + "() takes no keyword arguments");
}

void CallArgs::expect(std::string_view fname, size_t min, size_t max) const {
    noKeywords(fname);
    size_t n = pos.size();
    if (n >= min && n <= max) return;
    n -= std::min<size_t>(selfArgs, n);
    min -= std::min<size_t>(selfArgs, min);
    max -= std::min<size_t>(selfArgs, max);
    std::string f(fname);
    std::string msg;
    if (min == max) {
        if (min == 0) msg = f + "() takes no arguments (" + std::to_string(n) + " given)";
        else if (min == 1) msg = f + "() takes exactly one argument (" + std::to_string(n) + " given)";
        else msg = f + " expected " + std::to_string(min) + " arguments, got " + std::to_string(n);
    } else if (n < min) {
        msg = f + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " +
              std::to_string(n);
    } else {
        msg = f + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " +
              std::to_string(n);
    }
    Interpreter::current().raise("TypeError", msg);
}

} // namespace gs::runtime
