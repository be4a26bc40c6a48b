#pragma once
// Python exceptions and the two C++ exception types the runtime throws.
//
// A scenario `raise` (or a runtime error such as a TypeError) throws PyError, which carries the
// exception object; `except` clauses catch PyError only. Resource limits and cancellation throw
// LimitExceeded, which scenario code cannot catch and which skips `finally` blocks.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;
class Tuple;

// One line of a traceback (also the shape of a call-stack entry, see Interpreter::stack()).
struct SourceLocation {
    std::string file;
    int line = 0;
    std::string function;  // "<module>" for module code
    std::string text;      // the source line, stripped
};

class ExceptionObject : public Object {
public:
    ExceptionObject(Type* t);
    Value args;  // a tuple
    std::vector<SourceLocation> traceback;  // innermost first
    std::vector<const void*> tracebackFrames;  // frame of each entry (no duplicates on re-raise)
    Value cause;
    Value context;
    bool suppressContext = false;
    Ref<Dict> dict_;  // attributes set by scenario subclasses

    // str(exc) as CPython: "" / str(arg) / str(args); KeyError shows repr(arg).
    std::string str() override;
    std::string repr() override;
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    Dict* instanceDict() override;
    void clearRefs() override;
    // The message (str()) and the class name.
    std::string message() { return str(); }
    std::string typeName() const;
};

// A Python exception travelling through C++ frames.
class PyError : public std::exception {
public:
    explicit PyError(Ref<ExceptionObject> e);
    const char* what() const noexcept override { return text_.c_str(); }
    ExceptionObject* exception() const { return exc_.get(); }
    Value value() const { return Value(exc_.get()); }
    // Computed when thrown, so they can be read outside an InterpreterScope.
    std::string typeName() const { return typeName_; }
    std::string message() const { return message_; }
    // Python-style "Traceback (most recent call last): ..." text with the chained exceptions.
    std::string formatTraceback() const;

private:
    Ref<ExceptionObject> exc_;
    std::string text_;
    std::string typeName_, message_;
    Interpreter* interp_ = nullptr;
};

// A resource limit was hit (steps, call depth, wall time, tensor elements, memory) or the run was
// cancelled. what(): "scenario.py:12: limit reached: more than 1000000 steps (raise it with
// --max-steps)".
class LimitExceeded : public std::runtime_error {
public:
    enum class Kind { Steps, Depth, Time, TensorElements, Cancelled, Memory };
    LimitExceeded(Kind kind, SourceLocation where, const std::string& message)
        : std::runtime_error(message), kind(kind), where(std::move(where)) {}
    Kind kind;
    SourceLocation where;
};

// Formats one exception (without chain) as its last traceback line: "KeyError: 'a'".
std::string formatExceptionLine(ExceptionObject* e);

} // namespace gs::runtime
