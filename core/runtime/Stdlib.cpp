// Lazily created standard modules (see Stdlib.h).
#include "core/runtime/Stdlib.h"

#include "core/runtime/Interpreter.h"
#include "core/runtime/Module.h"

namespace gs::runtime::stdlib {

bool has(std::string_view) { return false; }
void init(Interpreter&, std::string_view, Module*) {}

} // namespace gs::runtime::stdlib
