#include "core/engine/Engine.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/engine/HitVerifier.h"
#include "core/engine/Tracer.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/InterpreterCore.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Module.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/session/GuardTreePrinter.h"
#include "core/session/ReasonClassifier.h"

namespace gs::engine {

using runtime::Value;

namespace {
thread_local Engine* g_current = nullptr;

uint64_t freshCachesGeneration() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

std::string shortRepr(const Value& v) {
    switch (v.tag()) {
    case runtime::Tag::None: return "None";
    case runtime::Tag::Bool: return v.asBool() ? "True" : "False";
    case runtime::Tag::Int: return std::to_string(v.asInt());
    case runtime::Tag::Float: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v.asFloat());
        return buf;
    }
    case runtime::Tag::Obj: {
        if (auto* s = dynamic_cast<runtime::Str*>(v.obj())) return s->repr();
        return "";
    }
    case runtime::Tag::Null: return "";
    }
    return "";
}

// RAII: install the tracer as observer and dispatcher for the duration of a trace.
struct TraceScope {
    TraceScope(Engine& e, std::shared_ptr<Tracer>& slot, std::shared_ptr<Tracer> t) : engine(e), slot(slot) {
        slot = std::move(t);
        previousObserver = e.interp.observer();
        previousDispatcher = e.ctx.dispatcher;
        e.interp.setObserver(slot.get());
        e.ctx.dispatcher = slot.get();
    }
    ~TraceScope() {
        engine.interp.setObserver(previousObserver);
        engine.ctx.dispatcher = previousDispatcher;
        slot->active = false;
        slot.reset();
    }
    Engine& engine;
    std::shared_ptr<Tracer>& slot;
    runtime::TraceObserver* previousObserver;
    torch::OpDispatcher* previousDispatcher;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// CompiledFunction

std::string CompiledFunction::repr() {
    if (isModule) return "OptimizedModule(" + target.obj()->repr() + ")";
    return "<compiled " + target.obj()->repr() + ">";
}

Value CompiledFunction::call(const runtime::CallArgs& args) {
    Engine* e = Engine::current();
    if (!e) return runtime::Interpreter::current().call(target, args);
    if (!e->options.onResult || e->isCompiling()) return e->callCompiled(this, args);
    Value result = e->callCompiled(this, args);
    e->options.onResult(result);
    return result;
}

Value CompiledFunction::getAttr(runtime::Str* name) {
    if (name->view() == "_orig_mod" && isModule) return target;
    if (name->view() == "_torchdynamo_orig_callable" || name->view() == "__wrapped__") return target;
    return {};
}

Value CompiledFunction::getAttrFallback(runtime::Str* name) {
    // OptimizedModule forwards attribute reads (model.eval, model.linear, ...) to the module.
    return runtime::Interpreter::current().getAttrOr(target, name->view(), Value());
}

bool CompiledFunction::setAttr(runtime::Str* name, const Value& v) {
    runtime::Interpreter::current().setAttr(target, name->view(), v);
    return true;
}

// ---------------------------------------------------------------------------------------------

Engine::Engine(runtime::Interpreter& i, torch::TorchContext& c, session::EventSink& s, EngineOptions o)
    : interp(i), ctx(c), sink(s), options(std::move(o)) {
    cachesGeneration_ = freshCachesGeneration();
    previous_ = g_current;
    g_current = this;
}

Engine::~Engine() { g_current = previous_; }

Engine* Engine::current() { return g_current; }

bool Engine::artifactEnabled(std::string_view name) const {
    return std::find(enabledArtifacts_.begin(), enabledArtifacts_.end(), name) != enabledArtifacts_.end();
}

bool Engine::artifactEnabledNow(std::string_view name) {
    try {
        interp.importModule("torch._logging._internal");
    } catch (runtime::PyError&) {
        // A bad TORCH_LOGS is reported where the logs are written (Engine::log).
    }
    return artifactEnabled(name);
}

void Engine::log(const std::string& channel, const std::string& compileId, const std::string& text, int64_t callIndex) {
    sink.log({channel, compileId, callIndex, text});
    if (channel == "verify") {
        // Guardscope's own --verify report: not a PyTorch logger, always shown as plain lines.
        if (options.logOut) options.logOut(text.empty() || text.back() == '\n' ? text : text + "\n");
        return;
    }
    try {
        runtime::Module* m = interp.importModule("torch._logging._internal");
        interp.call(m->dict->getStr("_gs_emit"), {interp.newStr(channel), interp.newStr(compileId), interp.newStr(text)});
    } catch (runtime::PyError& e) {
        // A broken handler must not break compilation (logging's handleError does the same).
        if (options.logOut) options.logOut("--- Logging error ---\n" + e.formatTraceback());
    }
}

Value Engine::compile(Value target, CompileOptions o) {
    auto* cf = new CompiledFunction(compiledFunctionType);
    Value out(cf);
    cf->isModule = dynamic_cast<runtime::Instance*>(target.obj()) != nullptr &&
                   !interp.getAttrOr(target, "forward", Value()).isNull();
    cf->target = std::move(target);
    cf->backend = std::move(o.backend);
    cf->fullgraph = o.fullgraph;
    cf->dynamic = o.dynamic;
    cf->guardFailFn = std::move(o.guardFailFn);
    cf->savedConfig = std::move(o.savedConfig);
    cf->recompileLimit = o.recompileLimit;
    return out;
}

const std::shared_ptr<const DynamoConfig>& Engine::effectiveConfig(CompiledFunction* cf) {
    uint64_t gen = config.generation();
    if (cf->effective && cf->effectiveGeneration == gen) return cf->effective;
    // dynamic= is a config patch applied on top (dynamo-semantics §3.1 make_set_enable_dynamic).
    auto eff = std::make_shared<DynamoConfig>(cf->savedConfig ? *cf->savedConfig : config);
    // A saved config is torch._dynamo.config's; torch.fx.experimental._config is read live.
    if (cf->savedConfig)
        for (const char* name : DynamoConfig::kFxExperimentalKnobs) {
            size_t k = *config.find(name);
            eff->set(k, config.entry(k).value);
        }
    if (cf->dynamic.has_value()) {
        if (*cf->dynamic) eff->set(*eff->find("assume_static_by_default"), false);
        else {
            eff->set(*eff->find("automatic_dynamic_shapes"), false);
            eff->set(*eff->find("assume_static_by_default"), true);
        }
    }
    cf->effective = std::move(eff);
    cf->effectiveGeneration = gen;
    return cf->effective;
}

Engine::CallScratch& Engine::scratch() {
    if (scratchDepth_ == scratch_.size()) scratch_.push_back(std::make_unique<CallScratch>());
    return *scratch_[scratchDepth_];
}

uint64_t Engine::describeCall(session::Call& c, int64_t index, CodeCache& cc, runtime::Function* fn, const CallFrame& frame,
                              Description* d) {
    c.index = index;
    c.frameId = cc.frameId;
    c.line = interp.fileLine();
    c.outcome = session::CallOutcome::Hit;
    c.entryId.clear();
    // c.tried is left to tryEntries, which keeps a hit's one passed evaluation when it is the
    // same as the previous call's (a hot loop builds no GuardEval).
    c.verified = false;
    c.stale.clear();
    const auto* code = fn->code;
    if (cc.argSources.size() != code->localNames.size()) {
        cc.argSources.clear();
        for (const auto& n : code->localNames) cc.argSources.push_back("L['" + n + "']");
    }
    size_t n = std::min(frame.slots.size(), code->localNames.size());
    // The description left in `c` was made for this cache, argument by argument from `d->keys`.
    bool kept = d && d->cache == cc.uid && d->keys.size() == n && c.args.size() == n;
    if (!kept) {
        c.args.resize(n);
        if (d) d->keys.assign(n, SlotKey{});
    }
    bool changed = !kept;
    for (size_t i = 0; i < n; ++i) {
        const Value& v = frame.slots[i];
        session::ArgDesc& a = c.args[i];
        int aliasOf = -1;
        if (v.isObj())
            for (size_t j = 0; j < i; ++j)
                if (frame.slots[j].isObj() && frame.slots[j].obj() == v.obj()) {
                    aliasOf = static_cast<int>(j);
                    break;
                }
        if (kept && a.aliasOf == aliasOf && sameAsKey(d->keys[i], v, a)) {
            a.objectId = v.isObj() ? objectId(v.obj()) : 0;
            continue;
        }
        changed = true;
        describeArg(a, v, cc.argSources[i], d ? &d->keys[i] : nullptr);
        a.aliasOf = aliasOf;
    }
    if (!d) return 0;
    d->cache = cc.uid;
    if (changed) d->serial = ++descriptionSerial_;
    return d->serial;
}

bool Engine::sameAsKey(const SlotKey& k, const Value& v, const session::ArgDesc& a) const {
    if (!k.fast || static_cast<uint8_t>(v.tag()) != k.tag) return false;
    switch (v.tag()) {
    case runtime::Tag::None: return true;
    case runtime::Tag::Bool:
    case runtime::Tag::Int:
    case runtime::Tag::Float: return v.rawBits() == k.bits;
    default: break;
    }
    runtime::Object* o = v.obj();
    if (!o || o->type() != k.type) return false;
    // The key's type is the tensor type or the parameter type (see describeArg).
    const tensor::Tensor& t = static_cast<torch::TensorObject*>(o)->tensor;
    const auto& sizes = t.sizes();
    const auto& strides = t.strides();
    if (t.dtype() != k.dtype || !(t.device() == k.device) || t.requiresGrad() != k.requiresGrad ||
        sizes.size() != a.shape.size() || strides.size() != a.stride.size())
        return false;
    // A few dims: element by element (std::equal would call memcmp for each).
    for (size_t i = 0; i < sizes.size(); ++i)
        if (sizes[i] != a.shape[i]) return false;
    for (size_t i = 0; i < strides.size(); ++i)
        if (strides[i] != a.stride[i]) return false;
    return true;
}

void Engine::describeArg(session::ArgDesc& a, const Value& v, const std::string& source, SlotKey* key) {
    a.source = source;
    a.shape.clear();
    a.stride.clear();
    a.dtype.clear();
    a.device.clear();
    a.requiresGrad = false;
    a.objectId = 0;
    a.aliasOf = -1;
    a.value.clear();
    if (key) *key = SlotKey{};
    if (auto* t = torch::asTensorObject(v)) {
        a.kind = "tensor";
        a.type = t->isParameter() ? "Parameter" : "Tensor";
        a.shape.assign(t->tensor.sizes().begin(), t->tensor.sizes().end());
        a.stride.assign(t->tensor.strides().begin(), t->tensor.strides().end());
        a.dtype = std::string(tensor::dtypeName(t->tensor.dtype()));
        a.device = t->tensor.device().str();
        a.requiresGrad = t->tensor.requiresGrad();
        // Only tensors made as torch.Tensor or torch.nn.Parameter are checked by sameAsKey
        // (it casts them); subclasses are described every time.
        if (key && (t->type() == ctx.tensorType || t->type() == ctx.parameterType)) {
            key->fast = true;
            key->tag = static_cast<uint8_t>(v.tag());
            key->type = t->type();
            key->dtype = t->tensor.dtype();
            key->device = t->tensor.device();
            key->requiresGrad = t->tensor.requiresGrad();
        }
    } else {
        switch (v.tag()) {
        case runtime::Tag::Bool: a.kind = "bool"; a.type = "bool"; break;
        case runtime::Tag::Int: a.kind = "int"; a.type = "int"; break;
        case runtime::Tag::Float: a.kind = "float"; a.type = "float"; break;
        case runtime::Tag::None: a.kind = "none"; a.type = "NoneType"; break;
        default: {
            runtime::Object* o = v.obj();
            a.type = o ? o->type()->name() : "";
            if (dynamic_cast<runtime::Str*>(o)) a.kind = "str";
            else if (dynamic_cast<runtime::List*>(o)) a.kind = "list";
            else if (dynamic_cast<runtime::Tuple*>(o)) a.kind = "tuple";
            else if (dynamic_cast<runtime::Dict*>(o)) a.kind = "dict";
            else if (dynamic_cast<runtime::Function*>(o)) a.kind = "function";
            else if (auto* inst = dynamic_cast<runtime::Instance*>(o); inst && inst->dict && !inst->dict->getStr("_modules").isNull())
                a.kind = "module";
            else a.kind = "object";
        }
        }
        a.value = shortRepr(v);
        if (key && !v.isObj() && !v.isNull()) {
            key->fast = true;
            key->tag = static_cast<uint8_t>(v.tag());
            key->bits = v.isNone() ? 0 : v.rawBits();
        }
    }
    if (v.isObj()) a.objectId = objectId(v.obj());
}

void Engine::sendCall(CodeCache& cc, const session::Call& c, uint64_t serial) {
    CodeCache::LastSent& last = cc.lastSent;
    // Only a hit whose one guard evaluation is the passed one of its entry may repeat: then
    // the description (serial), line, entry, guard count and verify flag say all of the call.
    const bool candidate = serial != 0 && c.outcome == session::CallOutcome::Hit && c.stale.empty() &&
                           c.tried.size() == 1 && c.tried[0].passed && c.tried[0].firstFailedGuard == -1 &&
                           c.tried[0].reason.empty() && c.tried[0].failedGuards.empty() && sameText(c.tried[0].compileId, c.entryId);
    const bool repeat = candidate && last.serial == serial && last.frameId == c.frameId && last.line == c.line &&
                        last.evaluated == c.tried[0].evaluated && last.verified == c.verified && sameText(last.entryId, c.entryId);
    if (candidate) {
        last.serial = serial;
        last.frameId = c.frameId;
        last.line = c.line;
        last.evaluated = c.tried[0].evaluated;
        last.verified = c.verified;
        if (!sameText(last.entryId, c.entryId)) last.entryId = c.entryId;
    } else {
        last.serial = 0;
    }
    if (repeat) sink.repeatCall(c);
    else sink.call(c);
}

Value Engine::callCompiled(CompiledFunction* cf, const runtime::CallArgs& args) {
    // Resolve what runs: a function, or a module's forward with the module as self.
    Value fnValue = cf->target;
    std::vector<Value> withSelf;
    runtime::CallArgs callArgs = args;
    if (cf->isModule && hooksRunFor_ != cf) {
        // A compiled module runs its forward hooks outside the compiled frame, as PyTorch's
        // OptimizedModule does ("invoke hooks outside of dynamo then pick up the inner frame"):
        // the hooks run eagerly around a compiled call of forward.
        auto* inst = static_cast<runtime::Instance*>(cf->target.obj());
        auto nonEmpty = [&](const char* name) {
            Value d = inst->dict ? inst->dict->getStr(name) : Value();
            auto* dict = dynamic_cast<runtime::Dict*>(d.obj());
            return dict && dict->size() > 0;
        };
        if (nonEmpty("_forward_pre_hooks") || nonEmpty("_forward_hooks")) {
            Value inner = interp.newFunction("forward", [this, cf](const runtime::CallArgs& a) {
                hooksRunFor_ = cf;
                return callCompiled(cf, a);
            });
            auto kwargs = interp.newDict();
            for (const auto& k : args.kw) kwargs->set(Value(k.name), k.value);
            Value run = runtime::ops::getAttr(cf->target, interp.intern("_call_with_hooks"));
            return interp.call(run, {interp.newTuple(std::vector<Value>(args.pos.begin(), args.pos.end())), Value(kwargs.get()), inner});
        }
    }
    if (cf->isModule) {
        hooksRunFor_ = nullptr;
        runtime::Type* cls = cf->target.obj()->type();
        fnValue = cls->lookup(interp.intern("forward"));
        withSelf.reserve(args.pos.size() + 1);
        withSelf.push_back(cf->target);
        withSelf.insert(withSelf.end(), args.pos.begin(), args.pos.end());
        callArgs.pos = std::span<const Value>(withSelf);
    }
    runtime::Function* fn;
    if (fnValue.isObj() && fnValue.obj() == cf->memoTarget.obj()) {
        fn = cf->memoFunction;
    } else {
        fn = dynamic_cast<runtime::Function*>(fnValue.obj());
        cf->memoTarget = fnValue;
        cf->memoFunction = fn;
    }
    if (!fn) return interp.call(cf->target, args);  // not Python code (a builtin): nothing to compile
    // Nested in a trace (inlined), or inside HitVerifier's eager reference run (plain Python).
    if (tracer_ || options.compileDisabled || verifyDepth_ > 0) return interp.callFunction(fn, callArgs);

    if (cf->memoCode != fn->code || cf->memoGeneration != cachesGeneration_ || !cf->memoCache) {
        std::unique_ptr<CodeCache>& slot = caches_[fn->code];
        if (!slot) {
            slot = std::make_unique<CodeCache>();
            slot->name = fn->code->name;
            slot->file = fn->code->file ? fn->code->file->name : "";
            slot->firstLine = fn->code->firstLine;
        }
        cf->memoCode = fn->code;
        cf->memoCache = slot.get();
        cf->memoGeneration = cachesGeneration_;
    }
    CodeCache& cc = *cf->memoCache;
    int64_t callIndex = callIndex_++;
    if (cc.strategy == Strategy::Skip) {
        if (options.recordCalls && cc.frameId >= 0) {
            session::Call c;
            c.index = callIndex;
            c.frameId = cc.frameId;
            c.outcome = session::CallOutcome::Skipped;
            sendCall(cc, c);
        }
        return runEager(fn, callArgs, false);
    }
    CallScratch& sc = scratch();
    struct Nested {
        size_t& depth;
        CallScratch& sc;
        ~Nested() {
            sc.frame.slots.clear();  // the call's values are not kept alive by the scratch
            sc.cache.clear();
            --depth;
        }
    } nested{++scratchDepth_, sc};
    CallFrame& frame = sc.frame;
    frame.fn = fn;
    std::vector<bool>& fromDefault = sc.fromDefault;
    if (!bindArguments(fn, callArgs, frame.slots, &fromDefault)) return interp.callFunction(fn, callArgs);

    session::Call& call = sc.call;
    uint64_t serial = 0;
    if (options.recordCalls) serial = describeCall(call, callIndex, cc, fn, frame, &sc.description);
    if (disabledDepth > 0 || std::string_view(stance) == "force_eager") return runEager(fn, callArgs, false);
    if (auto hit = tryEntries(cc, cf, fn, callArgs, frame, callIndex, options.recordCalls ? &call : nullptr, sc.cache, serial))
        return *hit;
    bool eagerOnMiss = !cc.entries.empty() && std::string_view(stance) == "eager_on_recompile";
    if (cc.strategy == Strategy::RunOnly || runOnlyDepth_ > 0 || eagerOnMiss) {
        if (options.recordCalls) {
            call.outcome = session::CallOutcome::RunOnly;
            sendCall(cc, call);
        }
        return runEager(fn, callArgs, true);
    }
    return compileAndRun(cc, cf, fn, callArgs, frame, fromDefault, callIndex, options.recordCalls ? &call : nullptr);
}

void Engine::reportStale(const CacheEntry& e, session::Call* call, int64_t callIndex, const std::string& difference) {
    ++staleHits_;
    std::string file = "?";
    int line = 0;
    for (const auto& loc : interp.stack())
        if (!loc.file.empty() && loc.file[0] != '<') {
            file = loc.file;
            line = loc.line;
            break;
        }
    std::string report = "stale entry " + e.compileId + " at call #" + std::to_string(callIndex) + " (" + file + ":" +
                         std::to_string(line) + "): a guard is missing\n    " + difference;
    log("verify", e.compileId, report, callIndex);
    if (call) call->stale = std::move(report);
}

size_t Engine::compileTimePhase(std::string_view phase) {
    auto it = std::find_if(compileTimes_.begin(), compileTimes_.end(), [&](const auto& p) { return p.first == phase; });
    if (it == compileTimes_.end()) it = compileTimes_.insert(compileTimes_.end(), {std::string(phase), {}});
    return static_cast<size_t>(it - compileTimes_.begin());
}

std::string Engine::recompileMessage(const CodeCache& cc, const std::vector<std::string>& reasons) const {
    std::string msg = "Recompiling function " + cc.name + " in " + cc.file + ":" + std::to_string(cc.firstLine) +
                      "\n    triggered by the following guard failure(s):";
    for (const auto& r : reasons) msg += "\n    - " + r;
    return msg;
}

Value Engine::compileAndRun(CodeCache& cc, CompiledFunction* cf, runtime::Function* fn, const runtime::CallArgs& args,
                            const CallFrame& frame, const std::vector<bool>& fromDefault, int64_t callIndex,
                            session::Call* call) {
    auto t0 = std::chrono::steady_clock::now();
    // The user stack that reached the frame, outermost first, ending with the compiled function
    // at its first line and no source text — what convert_frame.py's dynamo_start logs
    // (torch-trace-format §1.3.4). interp.stack() is innermost first, scenario frames only.
    std::vector<session::StackFrame> userStack;
    {
        const auto locations = interp.stack();
        for (auto it = locations.rbegin(); it != locations.rend(); ++it) userStack.push_back({it->file, it->line, it->function, it->text});
        userStack.push_back({cc.file, cc.firstLine, cc.name, {}});
    }
    if (cc.frameId < 0) {
        cc.frameId = frameCounter_++;
        sink.frame({cc.frameId, cc.name, cc.file, cc.firstLine});
        if (call) call->frameId = cc.frameId;
    }
    int n = cc.nextCompile++;
    std::string compileId = std::to_string(cc.frameId) + "/" + std::to_string(n);
    bumpCounter("frames", "total");
    bool isRecompile = !cc.entries.empty();
    session::Recompile rec;
    rec.compileId = compileId;
    rec.frameId = cc.frameId;
    rec.callIndex = callIndex;
    std::vector<std::string> reasonLines;
    if (isRecompile) {
        // dynamo-semantics §1.2 4.b: one reason per entry, in cache order (MRU first).
        for (const auto& e : cc.entries) {
            std::vector<std::string> parts = failureReasons(*e, cf, frame);
            std::string text = parts.empty() ? "Unable to find recompilation reasons" : parts.front();
            std::string joined;
            for (size_t i = 0; i < parts.size(); ++i) joined += (i ? "; " : "") + parts[i];
            if (joined.empty()) joined = text;
            // The classifier's normalised text (trimmed), exactly what an imported trace holds.
            session::RecompileReason r = session::ReasonClassifier::classify(text);
            r.failedEntryId = e->compileId;
            // Every failing guard for the session's views: PyTorch's reported reason(s) first
            // (the first failure unless recompiles_verbose), then the other failing guards.
            r.allFailures = parts;
            const std::vector<std::string> every = e->guards.explain(frame).reasons;
            for (size_t i = 1; i < every.size(); ++i)
                if (std::find(r.allFailures.begin(), r.allFailures.end(), every[i]) == r.allFailures.end())
                    r.allFailures.push_back(every[i]);
            rec.reasons.push_back(std::move(r));
            reasonLines.push_back(e->compileId + ": " + joined);
            if (!cf->guardFailFn.isNull() && !cf->guardFailFn.isNone()) {
                // guards.py get_guard_fail_reason: guard_fail_fn(GuardFail(reason, orig_code)).
                Value guardFail = interp.importModule("torch._dynamo.guards")->dict->getStr("GuardFail");
                Value failure = interp.call(guardFail, {interp.newStr(e->compileId + ": " + joined), core(interp).codeObject(fn->code)});
                interp.call(cf->guardFailFn, {failure});
            }
        }
        session::ReasonClassifier::refine(rec);
        if (stance == "fail_on_recompile") {
            // dynamo-semantics §5.4
            std::string msg = "Detected recompile when torch.compile stance is 'fail_on_recompile'. filename: '" + cc.file +
                              "', function name: '" + cc.name + "', line number: " + std::to_string(cc.firstLine);
            std::string reasons = recompileMessage(cc, reasonLines);
            msg += "\n" + reasons.substr(reasons.find('\n') + 1);
            interp.raise("RuntimeError", msg);
        }
        log("recompiles", compileId, recompileMessage(cc, reasonLines), callIndex);
    }
    auto failEntry = [&](session::EntryStatus status, const std::string& reason) {
        session::CompileEntry ce;
        ce.compileId = compileId;
        ce.frameId = cc.frameId;
        ce.frameCompileId = n;
        ce.causedByCall = callIndex;
        ce.status = status;
        ce.failReason = reason;
        // PyTorch checks the recompile limit before dynamo_start: a limit hit has no stack.
        if (status != session::EntryStatus::LimitHit) ce.stack = userStack;
        if (isRecompile) {
            rec.limitHit = status == session::EntryStatus::LimitHit;
            sink.recompile(rec);
        }
        sink.compile(ce);
        if (call) {
            call->outcome = status == session::EntryStatus::LimitHit ? session::CallOutcome::RunOnly : session::CallOutcome::Failed;
            call->entryId = compileId;
            sendCall(cc, *call);
        }
    };
    if (isRecompile && config.errorOnRecompile()) {
        failEntry(session::EntryStatus::Failed, "RecompileError");
        runtime::Type* t = static_cast<runtime::Type*>(interp.importModule("torch._dynamo.exc")->dict->getStr("RecompileError").obj());
        interp.raise(t, recompileMessage(cc, reasonLines));
    }
    // dynamo-semantics §1.4: the limit is checked before tracing.
    int64_t entries = static_cast<int64_t>(cc.entries.size());
    std::string limitName;
    int64_t limitValue = 0;
    const TorchRelease& rel = options.release;
    const char* limitKnob = rel.hasRecompileLimitName() ? "recompile_limit" : "cache_size_limit";
    const char* accumulatedKnob = rel.hasRecompileLimitName() ? "accumulated_recompile_limit" : "accumulated_cache_size_limit";
    // recompile_limit counts the entries made for the same ID_MATCHed nn.Module locals (all
    // entries when there are none); accumulated_recompile_limit counts every entry.
    int64_t sameObjects = 0;
    for (const auto& e : cc.entries) {
        bool same = true;
        for (const auto& [slot, obj] : e->idMatchedLocals)
            if (static_cast<size_t>(slot) >= frame.slots.size() || frame.slots[static_cast<size_t>(slot)].obj() != obj) same = false;
        sameObjects += same ? 1 : 0;
    }
    if (entries >= config.accumulatedRecompileLimit()) limitName = accumulatedKnob, limitValue = config.accumulatedRecompileLimit();
    else if (sameObjects >= cf->recompileLimit.value_or(config.recompileLimit()))
        limitName = limitKnob, limitValue = cf->recompileLimit.value_or(config.recompileLimit());
    else if (n >= config.accumulatedRecompileLimit()) limitName = accumulatedKnob, limitValue = config.accumulatedRecompileLimit();
    if (!limitName.empty()) {
        std::string last = reasonLines.empty() ? "Unable to find recompilation reasons" : reasonLines.front();
        log("warning", compileId,
            "torch._dynamo hit config." + limitName + " (" + std::to_string(limitValue) + ")\n   function: '" + cc.name + "' (" +
                cc.file + ":" + std::to_string(cc.firstLine) + ")\n   last reason: " + last +
                "\nTo log all recompilation reasons, use TORCH_LOGS=\"recompiles\".\nTo diagnose recompilation issues, see "
                "https://pytorch.org/docs/main/torch.compiler_troubleshooting.html" + (rel.hasRecompileLimitName() ? "" : "."),
            callIndex);
        failEntry(session::EntryStatus::LimitHit, "hit config." + limitName);
        runtime::Module* excModule = interp.importModule("torch._dynamo.exc");
        auto* exc = static_cast<runtime::Type*>(excModule->dict->getStr("FailOnRecompileLimitHit").obj());
        // dynamo-semantics §1.4: the texts changed across releases (docs/torch-versions.md).
        if (config.failOnRecompileLimitHit())
            interp.raise(exc, std::string("Hard failure due to ") + (rel.hasRecompileLimitName() ? "fail_on_recompile_limit_hit" : "fail_on_cache_limit_hit"));
        if (cf->fullgraph) {
            if (rel.hardFailureTexts()) interp.raise(exc, "Hard failure due to fullgraph=True");
            if (rel.hasRecompileLimitName())
                interp.raise(exc, "recompile_limit reached with fullgraph=True. Excessive recompilations can degrade performance due to "
                                  "the compilation overhead of each recompilation. To monitor recompilations, enable "
                                  "TORCH_LOGS=recompiles. If recompilations are expected, consider increasing "
                                  "torch._dynamo.config.recompile_limit to an appropriate value.");
            interp.raise(static_cast<runtime::Type*>(excModule->dict->getStr("Unsupported").obj()), "cache_size_limit reached");
        }
        cc.strategy = Strategy::RunOnly;
        return runEager(fn, args, true);
    }

    // Trace (dynamo-semantics §1.2 4.d) under the wrapper's config, dynamic= applied (§3.1).
    // Timed as PyTorch times convert_frame's compile_inner: every way out, errors included.
    struct PhaseTimer {
        std::vector<std::pair<std::string, std::vector<double>>>& times;
        size_t phase;
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
        ~PhaseTimer() {
            times[phase].second.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
    } compileInner{compileTimes_, compileTimePhase("_compile.compile_inner")};
    std::shared_ptr<const DynamoConfig> effective = effectiveConfig(cf);
    auto tracer = std::make_shared<Tracer>(*this, fn, cc.frameState, *effective, cf->fullgraph);
    Value plain;
    {
        TraceScope scope(*this, tracer_, tracer);
        std::vector<Value> pos;
        std::vector<runtime::KwArg> kw;
        tracer->wrapArguments(frame.slots, fromDefault, pos, kw);
        try {
            Value result = interp.callFunction(fn, runtime::CallArgs{std::span<const Value>(pos), std::span<const runtime::KwArg>(kw)});
            plain = tracer->finish(result);
        } catch (const GraphBreakError& gb) {
            tracer->active = false;
            failEntry(session::EntryStatus::Failed, gb.reason);
            runtime::Type* t = static_cast<runtime::Type*>(interp.importModule("torch._dynamo.exc")->dict->getStr("Unsupported").obj());
            interp.raise(t, "Graph break under fullgraph=True: " + gb.reason);
        }
    }
    if (!tracer->shapeEnv.violations().empty()) {
        // dynamo-semantics §3.5: a mark_dynamic dim the trace specialized.
        std::string names, bullets;
        for (const auto& v : tracer->shapeEnv.violations()) {
            names += (names.empty() ? "" : ", ") + v.source;
            if (!v.text.empty()) bullets += "\n  - " + v.text;
            else
                bullets += "\n  - Not all values of RelaxedUnspecConstraint(" + v.source + ") are valid because " + v.source +
                           " was inferred to be a constant (" + std::to_string(v.value) + ").";
        }
        failEntry(session::EntryStatus::Failed, "ConstraintViolationError");
        runtime::Module* sym = interp.importModule("torch.fx.experimental.symbolic_shapes");
        interp.raise(static_cast<runtime::Type*>(sym->dict->getStr("ConstraintViolationError").obj()),
                     "Constraints violated (" + names + ")! For more information, run with TORCH_LOGS=\"+dynamic\"." + bullets);
    }
    for (const auto& line : tracer->dynamicLog) log("dynamic", compileId, line, callIndex);
    for (const auto& line : tracer->traceSourceLog) log("trace_source", compileId, line, callIndex);
    for (const auto& gb : tracer->graphBreakReasons) {
        log("graph_breaks", compileId, "Graph break: " + gb, callIndex);
        bumpCounter("graph_break", gb);
    }
    if (tracer->graph.opCount() == 0) {
        // §1.2 4.e: nothing to compile — SkipFrame, and this code object is never traced again.
        log("recompiles", compileId, "Skipping frame because no content in function call " + cc.name + " " + cc.file + " " +
                                         std::to_string(cc.firstLine), callIndex);
        cc.strategy = Strategy::Skip;
        if (call) {
            call->outcome = session::CallOutcome::Skipped;
            sendCall(cc, *call);
        }
        return plain;
    }
    auto entry = std::make_unique<CacheEntry>();
    entry->compileId = compileId;
    entry->guards = tracer->buildGuards();
    // The function changed the global state it was entered with (torch.set_grad_enabled(False)
    // inside): PyTorch restores the final state after the graph on every call; a hit here runs
    // the function, so the change happens again (GLOBAL_STATE is the entry state: s102).
    for (const auto& c : entry->guards.checks)
        if (c.kind == GuardKind::GlobalState && !(c.global == currentGlobalState())) tracer->graph.hasSideEffects = true;
    entry->guards.release = options.release;
    entry->sources = std::make_unique<SourceTable>(std::move(tracer->sources));
    entry->guards.sources = entry->sources.get();
    entry->graph = std::move(tracer->graph);
    entry->symNames = tracer->symbolNames();
    entry->backend = cf->backend;
    entry->config = effective;
    {
        auto* backendName = cf->backend.isObj() ? dynamic_cast<runtime::Str*>(cf->backend.obj()) : nullptr;
        std::function<bool(const ArgTemplate&)> anyDynamic = [&](const ArgTemplate& t) {
            return t.dynamicDims != 0 || std::any_of(t.items.begin(), t.items.end(), anyDynamic);
        };
        entry->marksDynamicOutputs = backendName && backendName->view() != "eager" && anyDynamic(entry->graph.output);
    }
    for (const auto& c : entry->guards.checks) {
        if (c.kind != GuardKind::IdMatch || c.source < 0 || !c.constant.isObj()) continue;
        const Source& src = (*entry->sources)[c.source];
        auto* inst = dynamic_cast<runtime::Instance*>(c.constant.obj());
        if (src.kind == Source::Kind::Local && src.parent < 0 && src.slot >= 0 && inst && inst->dict &&
            !inst->dict->getStr("_modules").isNull())
            entry->idMatchedLocals.emplace_back(src.slot, c.constant.obj());
    }
    for (int s = 0; s < entry->graph.segments; ++s)
        if (entry->graph.opCount(s) > 0) {
            bumpCounter("stats", "unique_graphs");
            bumpCounter("stats", "calls_captured", entry->graph.opCount(s));
            auto backendStart = std::chrono::steady_clock::now();
            callBackend(cf->backend, *entry, s);
            compileTimes_[compileTimePhase("OutputGraph.call_user_compiler")].second.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - backendStart).count());
        }
    bumpCounter("frames", "ok");
    CacheEntry& e = *entry;
    cc.entries.insert(cc.entries.begin(), std::move(entry));
    if (isRecompile) sink.recompile(rec);
    session::CompileEntry ce = entrySnapshot(e, cc.frameId, callIndex);
    ce.frameCompileId = n;
    ce.stack = std::move(userStack);
    ce.compileTimeUs = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    for (auto ev : tracer->shapeEvents) {
        ev.compileId = compileId;
        ev.callIndex = callIndex;
        sink.shapeEvent(ev);
    }
    std::string tree = "TREE_GUARD_MANAGER:\n" + ce.guardsText;
    log("guards", compileId, "GUARDS:\n" + tree, callIndex);
    sink.compile(ce);
    if (call) {
        call->frameId = cc.frameId;
        call->outcome = isRecompile ? session::CallOutcome::Recompiled : session::CallOutcome::Compiled;
        call->entryId = compileId;
        sendCall(cc, *call);
    }
    if (e.marksDynamicOutputs) markDynamicOutputs(e.graph.output, plain);
    return plain;
}

void Engine::markDynamicOutputs(const ArgTemplate& t, const Value& result) {
    switch (t.kind) {
    case ArgTemplate::Kind::Node:
        if (auto* to = t.dynamicDims ? torch::asTensorObject(result) : nullptr) {
            auto& dims = to->weakDynamicIndices;
            for (int64_t d = 0; d < 64; ++d)
                if ((t.dynamicDims >> d) & 1)
                    if (auto it = std::lower_bound(dims.begin(), dims.end(), d); it == dims.end() || *it != d) dims.insert(it, d);
        }
        break;
    case ArgTemplate::Kind::Tuple:
    case ArgTemplate::Kind::List: {
        const std::vector<Value>* items = nullptr;
        if (auto* tup = result.dyn<runtime::Tuple>()) items = &tup->items;
        else if (auto* lst = result.dyn<runtime::List>()) items = &lst->items;
        if (!items || items->size() != t.items.size()) break;
        for (size_t k = 0; k < t.items.size(); ++k) markDynamicOutputs(t.items[k], (*items)[k]);
        break;
    }
    case ArgTemplate::Kind::Dict:
        if (auto* d = result.dyn<runtime::Dict>())
            for (size_t k = 0; k + 1 < t.items.size(); k += 2) {
                Value v = d->get(t.items[k].constant);
                if (!v.isNull()) markDynamicOutputs(t.items[k + 1], v);
            }
        break;
    default: break;
    }
}

session::CompileEntry Engine::entrySnapshot(const CacheEntry& e, int frameId, int64_t callIndex) const {
    session::CompileEntry ce;
    ce.compileId = e.compileId;
    ce.frameId = frameId;
    ce.causedByCall = callIndex;
    ce.graph = e.graph.describe(*e.sources, e.symNames);
    ce.guards = e.guards.tree;
    ce.opCount = e.graph.opCount();
    for (const std::string& name : e.symNames) {
        // Opaque sizes (ShapeEnv::createOpaque) are named by their value: not symbols.
        if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        if (std::find(ce.symbols.begin(), ce.symbols.end(), name) == ce.symbols.end()) ce.symbols.push_back(name);
    }
    ce.hitCount = e.hits;
    // The TORCH_LOGS=guards tree text (dynamo-semantics §5.5).
    ce.guardsText = session::GuardTreePrinter::print(ce.guards, {.commentColumn = 80, .path = &Provenance::shortPath});
    return ce;
}

void Engine::callBackend(const Value& backend, const CacheEntry& e, int segment) {
    if (backend.isNull() || backend.isNone() || dynamic_cast<runtime::Str*>(backend.obj())) return;  // eager / inductor / aot_eager
    // A Python backend (e.g. CompileCounter) gets a GraphModule with .graph.nodes, like PyTorch.
    runtime::Module* fx = interp.importModule("torch.fx");
    Value nodeCls = fx->dict->getStr("Node"), graphCls = fx->dict->getStr("Graph"), gmCls = fx->dict->getStr("GraphModule");
    std::vector<Value> nodes;
    std::vector<Value> examples;
    auto desc = e.graph.describe(*e.sources, e.symNames);
    size_t k = 0;
    for (const auto& d : desc) {
        bool inSegment = d.op == "placeholder" || d.op == "output";
        if (!inSegment) {
            // nodes after the placeholders follow e.graph.nodes one to one
            size_t idx = k++;
            inSegment = idx < e.graph.nodes.size() && e.graph.nodes[idx].segment == segment;
        }
        if (!inSegment) continue;
        std::vector<Value> args;
        for (const auto& a : d.args) args.push_back(interp.newStr(a));
        nodes.push_back(interp.call(nodeCls, {interp.newStr(d.op), interp.newStr(d.name), interp.newStr(d.target), interp.newTuple(args)}));
    }
    Value graph = interp.call(graphCls, {interp.newList(nodes)});
    Value gm = interp.call(gmCls, {graph, interp.newStr(e.graph.readable(*e.sources, e.symNames))});
    interp.call(backend, {gm, interp.newList(examples)});
}

double Engine::benchGuardCheck(const Value& compiled, const runtime::CallArgs& args, int64_t iterations) {
    auto* cf = dynamic_cast<CompiledFunction*>(compiled.obj());
    auto* fn = cf ? dynamic_cast<runtime::Function*>(cf->target.obj()) : nullptr;
    if (!fn || !caches_.count(fn->code) || caches_[fn->code]->entries.empty()) return -1;
    const CacheEntry& e = *caches_[fn->code]->entries.front();
    CallFrame frame;
    frame.fn = fn;
    if (!bindArguments(fn, args, frame.slots)) return -1;
    std::vector<Value> cache;
    bool ok = true;
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < iterations; ++i) {
        cache.clear();
        ok &= e.guards.check(frame, cache);
    }
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / static_cast<double>(iterations);
    return ok ? ns : -1;
}

void Engine::flushHits() {
    auto emit = [&](const CodeCache& cc) {
        for (const auto& e : cc.entries) sink.entryHits(e->compileId, e->hits);
    };
    for (const auto& r : retired_) emit(*r);
    retired_.clear();
    for (const auto& [code, cc] : caches_) emit(*cc);
}

void Engine::reset() {
    // "as if you had started a fresh process" (dynamo-semantics §1.6); hit counts so far are
    // reported first, since the compile ids will repeat. A reset with nothing to forget (the
    // setUp of every test calls it) changes nothing a reader could see: no event.
    const bool forgets = !caches_.empty() || frameCounter_ != 0;
    for (auto& [code, cc] : caches_) retired_.push_back(std::move(cc));
    caches_.clear();
    cachesGeneration_ = freshCachesGeneration();
    flushHits();
    frameCounter_ = 0;
    if (!forgets) return;
    session::Reset r;
    r.callIndex = callIndex_;
    r.line = interp.fileLine();
    sink.reset(r);
}

} // namespace gs::engine
