#pragma once
// Code and callables: CodeInfo (what the resolver computed for one def / lambda / class body /
// comprehension / module), scenario functions, closure cells, bound methods, native functions,
// and the descriptor wrappers staticmethod / classmethod / property.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/runtime/Value.h"

namespace gs::runtime {

class Dict;
class CompiledCode;

// How a parent frame provides one entry of a child's closure: its own cell slot, or one of its
// own closure cells (a variable passed through from further out).
struct ClosureSource {
    bool fromClosure = false;
    int index = 0;
};

// Where a name bound by a statement (def, class, import, except ... as) lives.
struct NameRef {
    lang::NameScope scope = lang::NameScope::GlobalImplicit;
    int slot = -1;
    Str* name = nullptr;
};

// The static description of one scope, made once per AST node by the Resolver and shared by
// every function object created from that node: its pointer is the code identity (CPython's
// __code__), stable for the lifetime of the parsed module.
struct CodeInfo {
    enum class Kind : uint8_t { Module, Function, Lambda, Class, Comprehension };
    Kind kind = Kind::Function;
    std::string name;
    std::string qualname;
    std::shared_ptr<const lang::SourceFile> file;
    int firstLine = 0;

    // Parameters occupy the first slots: positional (posonly first), *args, keyword-only, **kw.
    int nposonly = 0;
    int nargs = 0;        // positional parameters, posonly included
    int nkwonly = 0;
    int varargSlot = -1;
    int kwargSlot = -1;
    std::vector<Str*> paramNames;  // interned, one per parameter slot in order

    int nlocals = 0;
    std::vector<std::string> localNames;  // slot -> name
    std::vector<int> cellSlots;           // slots holding a cell (captured by inner scopes)
    std::vector<std::string> freeNames;   // closure index -> name
    std::vector<ClosureSource> closureSources;

    const lang::Body* body = nullptr;         // Module / Function / Class
    const lang::Expr* lambdaBody = nullptr;   // Lambda
    const lang::Comp* comp = nullptr;         // Comprehension
    const lang::Arguments* args = nullptr;    // Function / Lambda
    bool isGenerator = false;
    // Positional parameters only (no *args, **kw, keyword-only), not a generator: a call with
    // exactly nargs positional arguments binds them slot by slot (set by the Resolver).
    bool plainPositional = false;
    Str* nameStr = nullptr;  // interned name
    // Binding sites that are not Name nodes, keyed by the AST node (FunctionDef*, ClassDef*,
    // Alias*, ExceptHandler*).
    std::unordered_map<const void*, NameRef> bindings;
    const NameRef& binding(const void* site) const { return bindings.at(site); }
    // Function / lambda bodies: the closure-compiled form, made on the first call
    // (Evaluator::compiledCode); compileTried stays set when the body cannot be compiled.
    mutable std::shared_ptr<const CompiledCode> compiled;
    mutable bool compileTried = false;

    int slotOf(std::string_view localName) const;
};

class Cell : public Object {
public:
    explicit Cell(Type* t, Value v = {}) : Object(t), value(std::move(v)) {}
    Value value;  // Null: empty
    std::string repr() override;
    void clearRefs() override { value = Value(); }
};

class Function : public Object {
public:
    Function(Type* t, const CodeInfo* code, Ref<Dict> globals);
    const CodeInfo* code;
    Ref<Dict> globals;
    std::vector<Value> defaults;    // for the last defaults.size() positional parameters
    std::vector<Value> kwDefaults;  // one per keyword-only parameter; Null = required
    std::vector<Value> closure;     // Cell objects, in code->freeNames order
    Value classCell;                // the cell of the class whose body defined us (super())
    std::string name;               // __name__ (writable, functools.wraps copies it)
    std::string qualname;
    std::string moduleName;
    Ref<Dict> attrs;                // function attributes (__wrapped__, __dict__)

    std::string repr() override;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    Value getAttr(Str* name) override;
    bool setAttr(Str* name, const Value& v) override;
    Dict* instanceDict() override;
    void clearRefs() override;
};

class BoundMethod : public Object {
public:
    BoundMethod(Type* t, Value func, Value self) : Object(t), func(std::move(func)), self(std::move(self)) {}
    Value func;
    Value self;
    std::string repr() override;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    Value richCompare(CmpOpKind op, const Value& other) override;
    int64_t hash() override;
    Value getAttr(Str* name) override;
    void clearRefs() override { func = Value(); self = Value(); }
};

// A function implemented in C++. `binds`: it is a method descriptor and receives the instance as
// args[0] when looked up through an instance (like CPython's method_descriptor).
class NativeFunction : public Object {
public:
    using Fn = std::function<Value(const CallArgs&)>;
    NativeFunction(Type* t, std::string name, Fn fn, bool binds = false)
        : Object(t), name(std::move(name)), fn(std::move(fn)), binds(binds) {}
    std::string name;
    std::string qualname;  // e.g. "list.append"; defaults to name
    Fn fn;
    bool binds;
    Value self;  // set for builtin functions bound to a module-level object (rare)
    std::string repr() override;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    Value getAttr(Str* name) override;
    void clearRefs() override { fn = nullptr; self = Value(); }
};

class StaticMethod : public Object {
public:
    StaticMethod(Type* t, Value f) : Object(t), func(std::move(f)) {}
    Value func;
    bool callable() const override { return true; }
    Value call(const CallArgs& args) override;
    Value getAttr(Str* name) override;
    void clearRefs() override { func = Value(); }
};

class ClassMethod : public Object {
public:
    ClassMethod(Type* t, Value f) : Object(t), func(std::move(f)) {}
    Value func;
    Value getAttr(Str* name) override;
    void clearRefs() override { func = Value(); }
};

class Property : public Object {
public:
    Property(Type* t, Value get, Value set, Value del)
        : Object(t), fget(std::move(get)), fset(std::move(set)), fdel(std::move(del)) {}
    Value fget, fset, fdel;
    Value getAttr(Str* name) override;
    void clearRefs() override { fget = fset = fdel = Value(); }
};

// super(): attribute lookup along type(self).__mro__ after `thisClass`.
class Super : public Object {
public:
    Super(Type* t, Type* thisClass, Value self, Type* selfType)
        : Object(t), thisClass(thisClass), self(std::move(self)), selfType(selfType) {}
    Type* thisClass;
    Value self;
    Type* selfType;
    std::string repr() override;
    void clearRefs() override { self = Value(); }
};

} // namespace gs::runtime
