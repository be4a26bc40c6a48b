#pragma once
// Every object of an interpreter is on one intrusive list, so that destroying the interpreter
// frees everything, reference cycles included (the runtime has no cycle collector; cycles live
// until the interpreter goes away).
#include <cstdint>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Heap {
public:
    Heap();
    ~Heap();
    void link(Object* o);
    static void unlink(Object* o);
    // Breaks all references (clearRefs) and frees every object still alive.
    void teardown();
    bool tearingDown() const { return tearingDown_; }
    uint64_t liveObjects() const;

private:
    // Circular list through a sentinel, so that an object unlinks itself without knowing its
    // heap (values may be released outside an InterpreterScope).
    Object* sentinel_ = nullptr;
    uint32_t nextSerial_ = 1;
    bool tearingDown_ = false;
};

} // namespace gs::runtime
