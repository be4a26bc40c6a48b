#include "core/runtime/CodeObject.h"

#include "core/runtime/Containers.h"
#include "core/runtime/Function.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/Str.h"

namespace gs::runtime {

std::string CodeObject::repr() {
    return "<code object " + code->name + ", file \"" + (code->file ? code->file->name : "?") + "\", line " +
           std::to_string(code->firstLine) + ">";
}

int64_t CodeObject::hash() { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(code) >> 4); }

Value CodeObject::richCompare(CmpOpKind op, const Value& other) {
    auto* o = other.dyn<CodeObject>();
    if (!o || (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)) return {};
    return Value::boolean((o->code == code) == (op == CmpOpKind::Eq));
}

Value CodeObject::getAttr(Str* n) {
    Interpreter& I = Interpreter::current();
    auto names = [&](const std::vector<std::string>& v) {
        std::vector<Value> out;
        for (const auto& s : v) out.push_back(I.newStr(s));
        return I.newTuple(std::move(out));
    };
    std::string_view k = n->view();
    if (k == "co_name") return I.newStr(code->name);
    if (k == "co_qualname") return I.newStr(code->qualname);
    if (k == "co_filename") return I.newStr(code->file ? code->file->name : "");
    if (k == "co_firstlineno") return Value::integer(code->firstLine);
    if (k == "co_varnames") return names(code->localNames);
    if (k == "co_freevars") return names(code->freeNames);
    if (k == "co_argcount") return Value::integer(code->nargs);
    return {};
}

} // namespace gs::runtime
