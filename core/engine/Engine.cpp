#include "core/engine/Engine.h"

#include <algorithm>
#include <chrono>

#include "core/engine/Tracer.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Exception.h"
#include "core/runtime/Module.h"
#include "core/runtime/Str.h"
#include "core/runtime/Type.h"
#include "core/session/ReasonClassifier.h"

namespace gs::engine {

using runtime::Value;

namespace {
thread_local Engine* g_current = nullptr;

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
    previous_ = g_current;
    g_current = this;
}

Engine::~Engine() { g_current = previous_; }

Engine* Engine::current() { return g_current; }

bool Engine::channel(std::string_view c) const {
    return std::find(options.logChannels.begin(), options.logChannels.end(), c) != options.logChannels.end();
}

void Engine::log(const std::string& channel, const std::string& compileId, const std::string& text, int64_t callIndex) {
    sink.log({channel, compileId, callIndex, text});
    bool show = this->channel(channel) || channel == "warning" || (channel == "recompiles" && this->channel("recompiles_verbose"));
    if (!show || !options.logOut) return;
    std::string tag = compileId.empty() ? "" : "[" + compileId + "] ";
    std::string prefix = tag + "[__" + channel + "] ";
    if (channel == "warning") prefix = "W " + tag;
    size_t start = 0;
    std::string out;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        out += prefix + line + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    options.logOut(out);
}

Value Engine::compile(Value target, Value backend, bool fullgraph, std::optional<bool> dynamic, Value guardFailFn) {
    auto* cf = new CompiledFunction(compiledFunctionType);
    Value out(cf);
    cf->isModule = dynamic_cast<runtime::Instance*>(target.obj()) != nullptr &&
                   !interp.getAttrOr(target, "forward", Value()).isNull();
    cf->target = std::move(target);
    cf->backend = std::move(backend);
    cf->fullgraph = fullgraph;
    cf->dynamic = dynamic;
    cf->guardFailFn = std::move(guardFailFn);
    return out;
}

Value Engine::runEager(runtime::Function* fn, const runtime::CallArgs& args, bool runOnly) {
    if (!runOnly) return interp.callFunction(fn, args);
    ++runOnlyDepth_;
    try {
        Value v = interp.callFunction(fn, args);
        --runOnlyDepth_;
        return v;
    } catch (...) {
        --runOnlyDepth_;
        throw;
    }
}

Engine::CallScratch& Engine::scratch() {
    if (scratchDepth_ == scratch_.size()) scratch_.push_back(std::make_unique<CallScratch>());
    return *scratch_[scratchDepth_];
}

void Engine::describeCall(session::Call& c, int64_t index, CodeCache& cc, runtime::Function* fn, const CallFrame& frame) {
    c.index = index;
    c.frameId = cc.frameId;
    c.line = interp.fileLine();
    c.outcome = session::CallOutcome::Hit;
    c.entryId.clear();
    c.tried.clear();
    const auto* code = fn->code;
    if (cc.argSources.size() != code->localNames.size()) {
        cc.argSources.clear();
        for (const auto& n : code->localNames) cc.argSources.push_back("L['" + n + "']");
    }
    size_t n = std::min(frame.slots.size(), code->localNames.size());
    c.args.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const Value& v = frame.slots[i];
        session::ArgDesc& a = c.args[i];
        a.source = cc.argSources[i];
        a.shape.clear();
        a.stride.clear();
        a.dtype.clear();
        a.device.clear();
        a.requiresGrad = false;
        a.objectId = 0;
        a.aliasOf = -1;
        a.value.clear();
        if (auto* t = torch::asTensorObject(v)) {
            a.kind = "tensor";
            a.type = t->isParameter() ? "Parameter" : "Tensor";
            a.shape.assign(t->tensor.sizes().begin(), t->tensor.sizes().end());
            a.stride.assign(t->tensor.strides().begin(), t->tensor.strides().end());
            a.dtype = tensor::dtypeName(t->tensor.dtype());
            if (t->tensor.device().isCpu()) a.device = "cpu";
            else a.device = "cuda:" + std::to_string(t->tensor.device().index());
            a.requiresGrad = t->tensor.requiresGrad();
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
        }
        if (v.isObj()) {
            a.objectId = objectId(v.obj());
            for (size_t j = 0; j < i; ++j)
                if (frame.slots[j].isObj() && frame.slots[j].obj() == v.obj()) {
                    a.aliasOf = static_cast<int>(j);
                    break;
                }
        }
    }
}

Value Engine::callCompiled(CompiledFunction* cf, const runtime::CallArgs& args) {
    // Resolve what runs: a function, or a module's forward with the module as self.
    Value fnValue = cf->target;
    std::vector<Value> withSelf;
    runtime::CallArgs callArgs = args;
    if (cf->isModule) {
        runtime::Type* cls = cf->target.obj()->type();
        fnValue = cls->lookup(interp.intern("forward"));
        withSelf.reserve(args.pos.size() + 1);
        withSelf.push_back(cf->target);
        withSelf.insert(withSelf.end(), args.pos.begin(), args.pos.end());
        callArgs.pos = std::span<const Value>(withSelf);
    }
    auto* fn = dynamic_cast<runtime::Function*>(fnValue.obj());
    if (!fn) return interp.call(cf->target, args);  // not Python code (a builtin): nothing to compile
    if (tracer_ || options.compileDisabled) return interp.callFunction(fn, callArgs);  // nested: inlined

    std::unique_ptr<CodeCache>& slot = caches_[fn->code];
    if (!slot) {
        slot = std::make_unique<CodeCache>();
        slot->name = fn->code->name;
        slot->file = fn->code->file ? fn->code->file->name : "";
        slot->firstLine = fn->code->firstLine;
    }
    CodeCache& cc = *slot;
    int64_t callIndex = callIndex_++;
    if (cc.strategy == Strategy::Skip) {
        if (options.recordCalls && cc.frameId >= 0) {
            session::Call c;
            c.index = callIndex;
            c.frameId = cc.frameId;
            c.outcome = session::CallOutcome::Skipped;
            sink.call(c);
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

    std::vector<Value>& cache = sc.cache;
    session::Call& call = sc.call;
    if (options.recordCalls) describeCall(call, callIndex, cc, fn, frame);
    for (size_t i = 0; i < cc.entries.size(); ++i) {
        CacheEntry& e = *cc.entries[i];
        cache.clear();
        if (e.guards.check(frame, cache)) {
            ++e.hits;
            if (i != 0) std::rotate(cc.entries.begin(), cc.entries.begin() + static_cast<long>(i), cc.entries.begin() + static_cast<long>(i) + 1);
            Value result;
            if (e.graph.hasGraphBreak || options.replayDisabled) {
                ++eagerHitDepth_;
                try {
                    result = interp.callFunction(fn, callArgs);
                } catch (...) {
                    --eagerHitDepth_;
                    throw;
                }
                --eagerHitDepth_;
            } else {
                std::vector<int64_t>& symVals = sc.symVals;
                symVals.clear();
                e.guards.symbolValues(frame, cache, symVals);
                result = e.graph.replay(ctx, *e.sources, frame, cache, symVals);
            }
            if (options.recordCalls) {
                call.outcome = session::CallOutcome::Hit;
                call.entryId = e.compileId;
                call.tried.push_back({e.compileId, true, -1, "", {}, static_cast<int>(e.guards.checks.size())});
                sink.call(call);
            }
            return result;
        }
        if (options.recordCalls) {
            auto ex = e.guards.explain(frame);
            session::GuardEval ge;
            ge.compileId = e.compileId;
            if (ex.firstFailed >= 0) {
                ge.firstFailedGuard = e.guards.checks[static_cast<size_t>(ex.firstFailed)].sessionGuard;
                ge.reason = ex.reasons.front();
                for (int f : ex.failed) ge.failedGuards.push_back(e.guards.checks[static_cast<size_t>(f)].sessionGuard);
            }
            ge.evaluated = ex.firstFailed + 1;
            call.tried.push_back(std::move(ge));
        }
    }
    if (cc.strategy == Strategy::RunOnly || runOnlyDepth_ > 0) {
        if (options.recordCalls) {
            call.outcome = session::CallOutcome::RunOnly;
            sink.call(call);
        }
        return runEager(fn, callArgs, true);
    }
    return compileAndRun(cc, cf, fn, callArgs, frame, fromDefault, callIndex, options.recordCalls ? &call : nullptr);
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
    if (cc.frameId < 0) {
        cc.frameId = frameCounter_++;
        sink.frame({cc.frameId, cc.name, cc.file, cc.firstLine});
        if (call) call->frameId = cc.frameId;
    }
    int n = cc.nextCompile++;
    std::string compileId = std::to_string(cc.frameId) + "/" + std::to_string(n);
    bool isRecompile = !cc.entries.empty();
    session::Recompile rec;
    rec.compileId = compileId;
    rec.frameId = cc.frameId;
    rec.callIndex = callIndex;
    std::vector<std::string> reasonLines;
    if (isRecompile) {
        // dynamo-semantics §1.2 4.b: one reason per entry, in cache order (MRU first).
        for (const auto& e : cc.entries) {
            auto ex = e->guards.explain(frame);
            std::string text = ex.reasons.empty() ? "Unable to find recompilation reasons" : ex.reasons.front();
            // The classifier's normalised text (trimmed), exactly what an imported trace holds.
            session::RecompileReason r = session::ReasonClassifier::classify(text);
            r.failedEntryId = e->compileId;
            r.allFailures = ex.reasons;
            rec.reasons.push_back(std::move(r));
            std::string line = e->compileId + ": " + (channel("recompiles_verbose") && ex.reasons.size() > 1 ? [&] {
                std::string joined;
                for (size_t i = 0; i < ex.reasons.size(); ++i) joined += (i ? "; " : "") + ex.reasons[i];
                return joined;
            }() : text);
            reasonLines.push_back(line);
            if (!cf->guardFailFn.isNull() && !cf->guardFailFn.isNone()) {
                Value failure = interp.newTuple({interp.newStr(e->compileId + ": " + text), Value::none()});
                interp.call(cf->guardFailFn, {failure});
            }
        }
        session::ReasonClassifier::refine(rec);
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
        if (isRecompile) {
            rec.limitHit = status == session::EntryStatus::LimitHit;
            sink.recompile(rec);
        }
        sink.compile(ce);
        if (call) {
            call->outcome = status == session::EntryStatus::LimitHit ? session::CallOutcome::RunOnly : session::CallOutcome::Failed;
            call->entryId = compileId;
            sink.call(*call);
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
    if (entries >= config.accumulatedRecompileLimit()) limitName = "accumulated_recompile_limit", limitValue = config.accumulatedRecompileLimit();
    else if (entries >= config.recompileLimit()) limitName = "recompile_limit", limitValue = config.recompileLimit();
    else if (n >= config.accumulatedRecompileLimit()) limitName = "accumulated_recompile_limit", limitValue = config.accumulatedRecompileLimit();
    if (!limitName.empty()) {
        std::string last = reasonLines.empty() ? "Unable to find recompilation reasons" : reasonLines.front();
        log("warning", compileId,
            "torch._dynamo hit config." + limitName + " (" + std::to_string(limitValue) + ")\n   function: '" + cc.name + "' (" +
                cc.file + ":" + std::to_string(cc.firstLine) + ")\n   last reason: " + last +
                "\nTo log all recompilation reasons, use TORCH_LOGS=\"recompiles\".\nTo diagnose recompilation issues, see "
                "https://pytorch.org/docs/main/torch.compiler_troubleshooting.html",
            callIndex);
        failEntry(session::EntryStatus::LimitHit, "hit config." + limitName);
        runtime::Type* exc =
            static_cast<runtime::Type*>(interp.importModule("torch._dynamo.exc")->dict->getStr("FailOnRecompileLimitHit").obj());
        if (config.failOnRecompileLimitHit()) interp.raise(exc, "Hard failure due to fail_on_recompile_limit_hit");
        if (cf->fullgraph) interp.raise(exc, "Hard failure due to fullgraph=True");
        cc.strategy = Strategy::RunOnly;
        return runEager(fn, args, true);
    }

    // Trace (dynamo-semantics §1.2 4.d) with dynamic= applied as a config patch (§3.1).
    DynamoConfig effective = config;
    if (cf->dynamic.has_value()) {
        if (*cf->dynamic) effective.set(*effective.find("assume_static_by_default"), false);
        else {
            effective.set(*effective.find("automatic_dynamic_shapes"), false);
            effective.set(*effective.find("assume_static_by_default"), true);
        }
    }
    auto tracer = std::make_shared<Tracer>(*this, fn, cc.frameState, effective, cf->fullgraph);
    Value plain;
    {
        TraceScope scope(*this, tracer_, tracer);
        std::vector<Value> pos;
        std::vector<runtime::KwArg> kw;
        tracer->wrapArguments(args, fromDefault, pos, kw);
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
    for (const auto& line : tracer->dynamicLog) log("dynamic", compileId, line, callIndex);
    for (const auto& gb : tracer->graphBreakReasons) log("graph_breaks", compileId, "Graph break: " + gb, callIndex);
    if (tracer->graph.opCount() == 0) {
        // §1.2 4.e: nothing to compile — SkipFrame, and this code object is never traced again.
        log("recompiles", compileId, "Skipping frame because no content in function call " + cc.name + " " + cc.file + " " +
                                         std::to_string(cc.firstLine), callIndex);
        cc.strategy = Strategy::Skip;
        if (call) {
            call->outcome = session::CallOutcome::Skipped;
            sink.call(*call);
        }
        return plain;
    }
    auto entry = std::make_unique<CacheEntry>();
    entry->compileId = compileId;
    entry->guards = tracer->buildGuards();
    entry->sources = std::make_unique<SourceTable>(std::move(tracer->sources));
    entry->guards.sources = entry->sources.get();
    entry->graph = std::move(tracer->graph);
    entry->symNames = tracer->symbolNames();
    entry->backend = cf->backend;
    for (int s = 0; s < entry->graph.segments; ++s)
        if (entry->graph.opCount(s) > 0) callBackend(cf->backend, *entry, s);
    CacheEntry& e = *entry;
    cc.entries.insert(cc.entries.begin(), std::move(entry));
    if (isRecompile) sink.recompile(rec);
    session::CompileEntry ce = entrySnapshot(e, cc.frameId, callIndex);
    ce.frameCompileId = n;
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
        sink.call(*call);
    }
    return plain;
}

session::CompileEntry Engine::entrySnapshot(const CacheEntry& e, int frameId, int64_t callIndex) const {
    session::CompileEntry ce;
    ce.compileId = e.compileId;
    ce.frameId = frameId;
    ce.causedByCall = callIndex;
    ce.graph = e.graph.describe(*e.sources, e.symNames);
    ce.guards = e.guards.tree;
    ce.opCount = e.graph.opCount();
    for (size_t i = 0; i < e.symNames.size(); ++i)
        if (std::find(ce.symbols.begin(), ce.symbols.end(), e.symNames[i]) == ce.symbols.end()) ce.symbols.push_back(e.symNames[i]);
    ce.hitCount = e.hits;
    // The TORCH_LOGS=guards tree text (dynamo-semantics §5.5).
    std::vector<int> depth(ce.guards.size(), 0);
    std::string text;
    for (const auto& g : ce.guards) {
        int d = g.parent < 0 ? 0 : depth[static_cast<size_t>(g.parent)] + 1;
        depth[static_cast<size_t>(g.id)] = d;
        std::string line;
        for (int k = 0; k < d; ++k) line += "| ";
        line += "+- " + g.kind;
        if (g.kind == "GuardManager") line += ": " + g.code;
        else if (!g.code.empty()) line += ": " + g.code;
        if (g.line > 0) {
            if (line.size() < 80) line.append(80 - line.size(), ' ');
            line += "  # " + g.userCode + "  # " + Provenance::shortPath(g.file) + ":" + std::to_string(g.line);
        }
        text += line + "\n";
    }
    ce.guardsText = text;
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
    // reported first, since the compile ids will repeat.
    for (auto& [code, cc] : caches_) retired_.push_back(std::move(cc));
    caches_.clear();
    flushHits();
    frameCounter_ = 0;
}

} // namespace gs::engine
