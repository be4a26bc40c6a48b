// The reason an entry gives when a call misses it (dynamo-semantics §1.2 4.b, §2.2):
// the first failing guard in PyTorch's words (all of them under recompiles_verbose), the
// NO_TENSOR_ALIASING explanation computed by torch._dynamo.guards (which sources are the same
// tensor, which no longer evaluate), or why an entry whose guards pass does not serve the call
// (BACKEND_MATCH, config). guard_fail_fn receives them as a GuardFail(reason, orig_code).
#include "core/engine/Engine.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Str.h"
#include "core/session/ReasonClassifier.h"

namespace gs::engine {

using runtime::Value;

namespace {

// An engine source as a torch._dynamo.source object (for guards.py's reason helpers).
Value pythonSource(runtime::Interpreter& I, runtime::Module* sourceModule, const SourceTable& sources, int i) {
    const Source& s = sources[i];
    auto cls = [&](const char* name) { return sourceModule->dict->getStr(name); };
    switch (s.kind) {
    case Source::Kind::Local:
    case Source::Kind::Closure: return I.call(cls("LocalSource"), {I.newStr(s.name)});
    case Source::Kind::Global: return I.call(cls("GlobalSource"), {I.newStr(s.name)});
    case Source::Kind::Attr: return I.call(cls("AttrSource"), {pythonSource(I, sourceModule, sources, s.parent), I.newStr(s.name)});
    case Source::Kind::Item: {
        Value base = pythonSource(I, sourceModule, sources, s.parent);
        return I.call(cls(s.key.isInt() ? "GetItemSource" : "DictGetItemSource"), {base, s.key});
    }
    case Source::Kind::DictValueAt: {
        Value base = pythonSource(I, sourceModule, sources, s.parent);
        Value key = I.call(cls("ConstDictKeySource"), {base, Value::integer(s.slot)});
        return I.call(cls("DictGetItemSource"), {base, key});
    }
    default: break;  // sources through classes, cells and defaults: no source object here
    }
    return Value::none();
}

} // namespace

std::vector<std::string> Engine::failureReasons(const CacheEntry& e, CompiledFunction* cf, const CallFrame& frame) {
    auto ex = e.guards.explain(frame);
    if (ex.firstFailed < 0) {
        std::string m = entryMismatch(e, cf);
        return m.empty() ? std::vector<std::string>{} : std::vector<std::string>{m};
    }
    const GuardCheck& first = e.guards.checks[static_cast<size_t>(ex.firstFailed)];
    if (first.kind == GuardKind::NoTensorAliasing) {
        // guards.py recompilation_reason_for_no_tensor_aliasing_guard over the entry's sources.
        try {
            runtime::Module* guards = interp.importModule("torch._dynamo.guards");
            runtime::Module* sourceModule = interp.importModule("torch._dynamo.source");
            Value manager = interp.call(guards->dict->getStr("GuardManagerWrapper"));
            std::vector<Value> aliasing;
            for (const auto& c : e.guards.checks)
                if (c.kind == GuardKind::NoTensorAliasing) aliasing.push_back(pythonSource(interp, sourceModule, *e.sources, c.source));
            interp.setAttr(manager, "no_tensor_aliasing_sources", interp.newList(aliasing));
            auto locals = interp.newDict();
            const runtime::CodeInfo* code = frame.fn->code;
            for (size_t i = 0; i < frame.slots.size() && i < code->paramNames.size(); ++i)
                if (code->paramNames[i] && !frame.slots[i].isNull()) locals->set(Value(code->paramNames[i]), frame.slots[i]);
            for (size_t i = 0; i < frame.fn->closure.size() && i < code->freeNames.size(); ++i)
                if (auto* cell = dynamic_cast<runtime::Cell*>(frame.fn->closure[i].obj()); cell && !cell->value.isNull())
                    locals->set(interp.newStr(code->freeNames[i]), cell->value);
            auto globalScope = interp.newDict();
            globalScope->setStr("G", Value(frame.fn->globals.get()));
            interp.setAttr(manager, "global_scope", Value(globalScope.get()));
            auto scope = interp.newDict();
            scope->setStr("L", Value(locals.get()));
            scope->setStr("G", Value(frame.fn->globals.get()));
            Value reasons = interp.call(guards->dict->getStr("recompilation_reason_for_no_tensor_aliasing_guard"), {manager, Value(scope.get())});
            std::vector<std::string> out;
            for (const Value& r : runtime::ops::toVector(reasons)) {
                std::string text = runtime::ops::str(r);
                // Releases before the unavailable-source report only name the duplicates.
                if (!options.release.aliasingReasonNamesUnavailableSources() && text.rfind("NO_TENSOR_ALIASING guard source(s)", 0) == 0)
                    continue;
                out.push_back(options.release.stripsLocalScope() ? session::ReasonClassifier::stripLocalScope(text) : text);
            }
            if (!out.empty()) return out;
        } catch (runtime::PyError&) {
            // Evaluating a source raised in user code: PyTorch propagates it from its reason
            // helper; here the plain duplicate text stands instead of a failed compile.
        }
    }
    if (artifactEnabled("recompiles_verbose")) return ex.reasons;
    return {ex.reasons.front()};
}

} // namespace gs::engine
