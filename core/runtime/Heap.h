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
    void unlink(Object* o);
    // Breaks all references (clearRefs) and frees every object still alive.
    void teardown();
    bool tearingDown() const { return tearingDown_; }
    uint64_t liveObjects() const { return live_; }

private:
    Object* head_ = nullptr;
    uint32_t nextSerial_ = 1;
    uint64_t live_ = 0;
    bool tearingDown_ = false;
};

} // namespace gs::runtime
