// eval() and exec() of source text. The text runs as module-level code in a namespace: the
// given globals dict (exec) or, for eval with separate locals, a copy of globals updated with
// locals, so names resolve locals-first as in CPython. Without globals the caller's module
// globals are used (a function's local variables are not visible: the runtime keeps them in
// fast slots, not in a dict). Parsed code is cached per source text.
#include "core/lang/Diagnostic.h"
#include "core/runtime/BuiltinSetup.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Evaluator.h"
#include "core/runtime/Interpreter.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Resolver.h"
#include "core/runtime/Str.h"

namespace gs::runtime {

namespace {

const CodeInfo* compileText(Interpreter& I, const std::string& text, const char* fileName) {
    auto it = core(I).evalCache.find(text);
    if (it != core(I).evalCache.end()) return it->second;
    const lang::Module* ast = nullptr;
    try {
        ast = core(I).parse(fileName, text);
    } catch (const lang::SyntaxError& e) {
        const lang::Diagnostic& d = e.diagnostic();
        I.raise("SyntaxError", d.message + " (" + fileName + ", line " + std::to_string(d.line) + ")");
    }
    const CodeInfo* code = Resolver(I).resolve(*ast);
    core(I).evalCache.emplace(text, code);
    return code;
}

Dict* callerGlobals(Interpreter& I) {
    for (Frame* f = core(I).topFrame(); f; f = f->back)
        if (f->globals) return f->globals;
    return I.findModule("__main__") ? I.findModule("__main__")->dict.get() : nullptr;
}

std::string sourceText(Interpreter& I, const Value& v, const char* fn) {
    if (auto* s = v.dyn<Str>()) return s->s();
    if (auto* b = v.dyn<Bytes>()) return b->data;
    I.raise("TypeError", std::string(fn) + "() arg 1 must be a string, bytes or code object");
}

Ref<Dict> namespaceFor(Interpreter& I, const ArgParser& p, const char* fn, bool& copied) {
    Dict* globals = nullptr;
    if (p.has(1) && !p[1].isNone()) {
        globals = p[1].dyn<Dict>();
        if (!globals) I.raise("TypeError", std::string(fn) + "() globals must be a dict");
    } else globals = callerGlobals(I);
    if (!globals) globals = I.newDict().get();
    if (globals->getStr("__builtins__").isNull()) globals->setStr("__builtins__", Value(I.nativeModule("builtins")));
    copied = false;
    if (p.has(2) && !p[2].isNone()) {
        Ref<Dict> ns = I.newDict();
        for (const auto& k : globals->keys()) ns->set(k, globals->get(k));
        for (const Value& k : ops::toVector(p[2])) ns->set(k, ops::getItem(p[2], k));
        copied = true;
        return ns;
    }
    return Ref<Dict>(globals);
}

} // namespace

void setupEvalBuiltins(Interpreter& I, Module* b) {
    I.defineFunction(b, "eval", [](const CallArgs& a) -> Value {
        Interpreter& I = Interpreter::current();
        ArgParser p(a, "eval", {"source", "globals", "locals"}, 1, 3);
        std::string text = sourceText(I, p[0], "eval");
        // Leading whitespace is allowed in eval (not in exec): strip it, keep the expression.
        size_t start = text.find_first_not_of(" \t\n");
        text = start == std::string::npos ? "" : text.substr(start);
        bool copied = false;
        Ref<Dict> ns = namespaceFor(I, p, "eval", copied);
        const CodeInfo* code = compileText(I, "__gs_eval_result__ = (\n" + text + "\n)\n", "<string>");
        core(I).eval().runModuleCode(code, ns.get());
        Value r = ns->getStr("__gs_eval_result__");
        ns->remove(I.newStr("__gs_eval_result__"));
        return r;
    });
    I.defineFunction(b, "exec", [](const CallArgs& a) -> Value {
        Interpreter& I = Interpreter::current();
        ArgParser p(a, "exec", {"source", "globals", "locals"}, 1, 3);
        std::string text = sourceText(I, p[0], "exec");
        bool copied = false;
        Ref<Dict> ns = namespaceFor(I, p, "exec", copied);
        const CodeInfo* code = compileText(I, text, "<string>");
        core(I).eval().runModuleCode(code, ns.get());
        if (copied) {
            // Names bound by the code land in the locals mapping, as CPython's exec does.
            Dict* globals = p.has(1) && !p[1].isNone() ? p[1].dyn<Dict>() : nullptr;
            for (const auto& k : ns->keys()) {
                Value v = ns->get(k);
                if (globals && globals->get(k).is(v)) continue;
                ops::setItem(p[2], k, v);
            }
        }
        return Value::none();
    });
}

} // namespace gs::runtime
