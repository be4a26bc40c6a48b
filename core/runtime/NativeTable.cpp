#include "core/runtime/NativeTable.h"

#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Interpreter.h"

namespace gs::runtime {

void defineFunctions(Interpreter& I, Module* m, std::span<const NativeDef> defs) {
    for (const NativeDef& d : defs) I.defineFunction(m, d.name, d.fn);
}

void defineModuleFunctions(Interpreter& I, Module* m, std::span<const ModuleFunctionDef> defs) {
    for (const ModuleFunctionDef& d : defs) I.defineFunction(m, d.name, [m, fn = d.fn](const CallArgs& a) { return fn(m, a); });
}

void defineMethods(Interpreter& I, Type* t, std::span<const NativeDef> defs) {
    InterpreterScope scope(I);
    for (const NativeDef& d : defs) method(I, t, d.name, d.fn);
}

void defineProperties(Interpreter& I, Type* t, std::span<const PropertyDef> defs) {
    for (const PropertyDef& d : defs) I.addProperty(t, d.name, d.get);
}

} // namespace gs::runtime
