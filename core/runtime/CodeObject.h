// The object behind f.__code__ (its identity is the CodeInfo); assigning one to a function's
// __code__ swaps what the function runs.
#pragma once

#include "core/runtime/Value.h"

namespace gs::runtime {

struct CodeInfo;

class CodeObject : public Object {
public:
    CodeObject(Type* t, const CodeInfo* c) : Object(t), code(c) {}
    const CodeInfo* code;
    std::string repr() override;
    int64_t hash() override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value getAttr(Str* n) override;
};

} // namespace gs::runtime
