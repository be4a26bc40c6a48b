#pragma once
// Python ints, bools and floats seen while tracing, wrapped so that *using* them installs the
// guard they need (lazy guarding, dynamo-semantics §3.11) and so that dynamic ints stay
// symbolic (SymInt, §3.6). type(v) / isinstance still report int/bool/float (visibleType).
// After the trace they behave like the plain value they hold.
#include <memory>
#include <vector>

#include "core/engine/SymExpr.h"
#include "core/runtime/Value.h"

namespace gs::engine {

class Tracer;

class TrackedScalar : public runtime::Object {
public:
    // SymFloat: a float input that is not specialized (specialize_float=False, §3.8), or a value
    // computed from one; `roots` are the sources it depends on.
    enum class Kind : uint8_t { Int, Bool, Float, SymInt, SymFloat };
    TrackedScalar(runtime::Type* t, Kind k, runtime::Value value, int source, std::weak_ptr<Tracer> tracer)
        : runtime::Object(t), kind(k), value(std::move(value)), source(source), tracer(std::move(tracer)) {}
    Kind kind;
    runtime::Value value;   // the concrete value (the hint for SymInt)
    int source;             // -1 for derived values
    SymPtr sym;             // SymInt only
    std::vector<int> roots;  // SymFloat only
    bool fromData = false;   // SymFloat computed from item() (capture_scalar_outputs): unguardable
    std::weak_ptr<Tracer> tracer;

    // The plain value, installing the guard a use needs (EQUALS/BOOL_MATCH, or a specialization
    // of a SymInt). Outside a trace: just the value.
    runtime::Value concrete();

    std::string repr() override;
    std::string str() override;
    std::string format(std::string_view spec) override;
    int truth() override;
    int64_t hash() override;
    bool toIndex(int64_t& out) override;
    bool toInt(int64_t& out) override;
    bool toFloat(double& out) override;
    runtime::Value richCompare(runtime::CmpOpKind op, const runtime::Value& other) override;
    runtime::Value binaryOp(runtime::BinOpKind op, const runtime::Value& other, bool reflected) override;
    runtime::Value unaryOp(runtime::UnaryOpKind op) override;
    runtime::Type* visibleType() override;
    void clearRefs() override { value = runtime::Value(); }
};

// Python arithmetic on plain ints/floats/bools (floor division, modulo, true division and power
// with Python's rules). Null when the operation is not numeric.
runtime::Value numericBinary(runtime::BinOpKind op, const runtime::Value& a, const runtime::Value& b);
runtime::Value numericCompare(runtime::CmpOpKind op, const runtime::Value& a, const runtime::Value& b);
// Unwraps a TrackedScalar (installing its guard); other values unchanged.
runtime::Value concreteValue(const runtime::Value& v);

} // namespace gs::engine
