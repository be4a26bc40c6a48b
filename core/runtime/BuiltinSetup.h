#pragma once
// Internal: the functions that fill the builtin types and the builtins module at bootstrap.
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/runtime/Function.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

class Interpreter;
class Module;

Type* makeBuiltinType(Interpreter& I, const char* name, Type* base, Type::Allocator alloc, bool subclassable);
// Adds a method (args[0] is self) to a type's dict.
NativeFunction* method(Interpreter& I, Type* t, std::string_view name, NativeFunction::Fn fn);

void setupExceptions(Interpreter& I, std::unordered_map<std::string, Type*>& registry);
void setupObjectAndNumbers(Interpreter& I);
void setupStrMethods(Interpreter& I);
void setupBytesMethods(Interpreter& I);  // BytesMethods.cpp, called by setupStrMethods
void setupContainerMethods(Interpreter& I);
void setupBuiltins(Interpreter& I, Module* builtins);
void defineNumberBuiltins(Interpreter& I, Module* builtins);  // BuiltinsNumbers.cpp, called by setupBuiltins
void setupEvalBuiltins(Interpreter& I, Module* builtins);  // eval, exec (BuiltinEval.cpp)

// int(x) / float(x) conversions shared by the builtins.
// Both give an inline int or a LongInt (unbounded, as Python's int()).
Value toIntValue(Interpreter& I, const Value& v);
double parseFloatText(Interpreter& I, std::string_view text);
Value parseIntBase(Interpreter& I, std::string_view text, int64_t base, const std::string& shownForErrors);

} // namespace gs::runtime
