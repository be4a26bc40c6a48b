#pragma once
// Builtins as named functions in registration tables (as Lua's luaL_Reg and Wren's PRIMITIVE):
// every builtin is an ordinary function (builtin_len, list_append, math_sqrt), so a stack trace,
// a profiler or a debugger names it, and what a module or type provides reads as one table:
//
//   Value list_append(const CallArgs& a) { ... }
//   constexpr NativeDef kListMethods[] = {{"append", list_append}, ...};
//   defineMethods(I, I.types.list, kListMethods);
#include <span>
#include <string_view>

#include "core/runtime/Function.h"
#include "core/runtime/Value.h"

namespace gs::runtime {

class Interpreter;
class Module;
class Type;

using NativeFn = Value (*)(const CallArgs&);

struct NativeDef {
    std::string_view name;
    NativeFn fn;
};

// A module function that needs its module (a cache or a type kept in the module's namespace),
// as CPython passes a builtin module function its module as `self`.
using ModuleFn = Value (*)(Module* module, const CallArgs&);

struct ModuleFunctionDef {
    std::string_view name;
    ModuleFn fn;
};

struct PropertyDef {
    std::string_view name;
    Value (*get)(const Value& self);
};

// Module-level functions (not bound).
void defineFunctions(Interpreter& I, Module* m, std::span<const NativeDef> defs);
void defineModuleFunctions(Interpreter& I, Module* m, std::span<const ModuleFunctionDef> defs);
// Methods of `t` (args[0] is self).
void defineMethods(Interpreter& I, Type* t, std::span<const NativeDef> defs);
// Read-only properties of `t`.
void defineProperties(Interpreter& I, Type* t, std::span<const PropertyDef> defs);

} // namespace gs::runtime
