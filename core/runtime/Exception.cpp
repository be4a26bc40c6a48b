// Exception objects and Python-style traceback text.
#include "core/runtime/Exception.h"

#include <optional>

#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"

namespace gs::runtime {

ExceptionObject::ExceptionObject(Type* t) : Object(t) { args = Interpreter::current().newTuple({}); }

std::string ExceptionObject::typeName() const { return type()->name(); }

std::string ExceptionObject::str() {
    auto* t = args.dyn<Tuple>();
    if (!t || t->items.empty()) return "";
    Interpreter& I = Interpreter::current();
    if (t->items.size() == 1) {
        if (type()->isSubtypeOf(I.types.KeyError)) return ops::repr(t->items[0]);
        return ops::str(t->items[0]);
    }
    return ops::repr(args);
}

std::string ExceptionObject::repr() {
    auto* t = args.dyn<Tuple>();
    std::string inner;
    if (t && t->items.size() == 1) inner = ops::repr(t->items[0]);
    else if (t && !t->items.empty()) {
        inner = ops::repr(args);
        inner = inner.substr(1, inner.size() - 2);
        if (!inner.empty() && inner.back() == ',') inner.pop_back();
    }
    return type()->name() + "(" + inner + ")";
}

Dict* ExceptionObject::instanceDict() {
    if (!dict_) dict_ = Interpreter::current().newDict();
    return dict_.get();
}

Value ExceptionObject::getAttr(Str* name) {
    Interpreter& I = Interpreter::current();
    if (dict_) {
        Value v = dict_->get(Value(name));
        if (v) return v;
    }
    Names& n = I.names;
    if (name == n.args) return args;
    if (name == n.__cause__) return cause.isNull() ? Value::none() : cause;
    if (name == n.__context__) return context.isNull() ? Value::none() : context;
    if (name == n.__suppress_context__) return Value::boolean(suppressContext);
    if (name == n.__traceback__) return Value::none();
    if (name == n.__dict__) return Value(instanceDict());
    if (name->view() == "value" && type()->isSubtypeOf(I.types.StopIteration)) {
        auto* t = args.dyn<Tuple>();
        return t && !t->items.empty() ? t->items[0] : Value::none();
    }
    if (name->view() == "code" && type()->isSubtypeOf(I.types.SystemExit)) {
        auto* t = args.dyn<Tuple>();
        return t && !t->items.empty() ? t->items[0] : Value::none();
    }
    return {};
}

bool ExceptionObject::setAttr(Str* name, const Value& v) {
    Interpreter& I = Interpreter::current();
    Names& n = I.names;
    if (name == n.args) {
        args = I.newTuple(ops::toVector(v));
        return true;
    }
    if (name == n.__cause__) {
        cause = v.isNone() ? Value() : v;
        suppressContext = true;
        return true;
    }
    if (name == n.__context__) {
        context = v.isNone() ? Value() : v;
        return true;
    }
    if (name == n.__suppress_context__) {
        suppressContext = ops::truthy(v);
        return true;
    }
    if (name == n.__traceback__) return true;
    instanceDict()->set(Value(name), v);
    return true;
}

void ExceptionObject::clearRefs() {
    args = cause = context = Value();
    dict_ = nullptr;
}

std::string formatExceptionLine(ExceptionObject* e) {
    Type* t = e->type();
    std::string name = t->qualname.empty() ? t->name() : t->qualname;
    if (!t->module.empty() && t->module != "builtins" && t->module != "__main__") name = t->module + "." + name;
    std::string msg;
    try {
        msg = ops::str(Value(e));
    } catch (PyError&) {
        msg = "<exception str() failed>";
    }
    return msg.empty() ? name : name + ": " + msg;
}

PyError::PyError(Ref<ExceptionObject> e) : exc_(std::move(e)) {
    interp_ = Interpreter::currentOrNull();
    typeName_ = exc_->typeName();
    try {
        message_ = ops::str(Value(exc_.get()));
    } catch (PyError&) {
        message_ = "<exception str() failed>";
    }
    if (Interpreter* I = interp_) {
        if (!core(*I).handling.empty() && exc_->context.isNull()) {
            const Value& h = core(*I).handling.back();
            if (h.obj() != exc_.get()) exc_->context = h;
        }
    }
    text_ = formatExceptionLine(exc_.get());
}

namespace {

void formatOne(ExceptionObject* e, std::string& out, int depth) {
    if (depth > 20) return;
    if (auto* c = e->cause.dyn<ExceptionObject>()) {
        formatOne(c, out, depth + 1);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!e->suppressContext) {
        if (auto* c = e->context.dyn<ExceptionObject>()) {
            formatOne(c, out, depth + 1);
            out += "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    if (!e->traceback.empty()) {
        out += "Traceback (most recent call last):\n";
        for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
            out += "  File \"" + it->file + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
            if (!it->text.empty()) out += "    " + it->text + "\n";
        }
    }
    out += formatExceptionLine(e) + "\n";
}

} // namespace

std::string PyError::formatTraceback() const {
    std::optional<InterpreterScope> scope;
    if (interp_ && Interpreter::currentOrNull() != interp_) scope.emplace(*interp_);
    std::string out;
    formatOne(exc_.get(), out, 0);
    return out;
}

} // namespace gs::runtime
