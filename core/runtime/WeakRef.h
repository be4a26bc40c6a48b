#pragma once
// Weak references (the `_weakref` core of the `weakref` module): a WeakRefObject points at its
// target without owning it. When the target's last strong reference goes, every weak reference
// to it is cleared and the callbacks given to `weakref.ref(obj, callback)` are queued; the
// interpreter runs them at its next safe point (the next statement or call), like CPython's
// deferred work. `weakref.finalize` and the weak dictionaries are Python on top of this.
#include <cstdint>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;
class Module;

class WeakRefObject : public Object {
public:
    WeakRefObject(Type* t, Object* target, Value callback);
    ~WeakRefObject() override;
    Object* target = nullptr;  // null once the target is gone
    Value callback;
    int64_t cachedHash = 0;
    bool hashed = false;

    std::string repr() override;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    int64_t hash() override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value getAttr(Str* name) override;
    void clearRefs() override { callback = Value(); }
};

namespace weak {
// Called by Object when a weakly referenced object dies (queues the callbacks) or is torn down
// with its interpreter (no callbacks).
void targetDied(Object* o, bool runCallbacks) noexcept;
int64_t countFor(const Object* o);
std::vector<WeakRefObject*> refsTo(const Object* o);
// Runs queued callbacks (the interpreter's safe point). Exceptions are printed, not raised.
void runPending(Interpreter& I);
bool hasPending();
// Forgets queued callbacks without running them (interpreter teardown).
void dropPending() noexcept;
// Fills the `_weakref` module.
void initModule(Interpreter& I, Module* m);
} // namespace weak

} // namespace gs::runtime
