#pragma once
// The heap form of a Python int whose value does not fit int64 (the inline Value holds the
// others). Its type is `int` itself, so type(), isinstance() and repr() cannot tell the two
// forms apart; numbers::fromBig() picks the form, so a LongInt never holds an int64 value.
#include "core/runtime/BigInt.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class LongInt : public Object {
public:
    LongInt(Type* intType, BigInt v) : Object(intType), value(std::move(v)) {}
    const BigInt value;

    std::string repr() override { return value.toString(10); }
    std::string format(std::string_view spec) override;
    int truth() override { return 1; }  // never zero (zero is an inline int)
    int64_t hash() override { return value.hash(); }
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    Value unaryOp(UnaryOpKind op) override;
    // Too large for an index or a C integer: OverflowError, as CPython raises.
    bool toIndex(int64_t& out) override;
    bool toFloat(double& out) override;  // OverflowError beyond float's range
};

} // namespace gs::runtime
