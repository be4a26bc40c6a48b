#pragma once
// Python's complex numbers (Python reference, "Imaginary literals"; CPython's complexobject.c
// for the algorithms whose rounding is observable: Smith's division, integer powers by
// repeated squaring, repr without ".0"). Mixed int/float operands are converted to complex
// first, as CPython <= 3.13 does.
#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;
class Module;

class ComplexObject : public Object {
public:
    ComplexObject(Type* t, double re, double im) : Object(t), re(re), im(im) {}
    const double re, im;

    std::string repr() override;
    int truth() override { return re != 0 || im != 0; }
    int64_t hash() override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    Value binaryOp(BinOpKind op, const Value& other, bool reflected) override;
    Value unaryOp(UnaryOpKind op) override;
};

namespace complex {
Value make(double re, double im);       // a complex of the current interpreter
ComplexObject* of(const Value& v);      // the complex, else nullptr
// Components of an int, float, bool or complex; false for other values.
bool components(const Value& v, double& re, double& im);
void define(Interpreter& I, Module* builtins);  // the `complex` type (called by setupBuiltins)
} // namespace complex

} // namespace gs::runtime
