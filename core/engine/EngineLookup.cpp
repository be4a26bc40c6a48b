// Cache lookup (dynamo-semantics §1.2 step 2) and run-only mode (§1.4): which entry serves a
// call, and how callees of a run-only frame keep using their own compiled entries.
#include <algorithm>

#include "core/engine/Engine.h"
#include "core/engine/HitVerifier.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"
#include "core/runtime/Ops.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Str.h"

namespace gs::engine {

using runtime::Value;

namespace {

// BACKEND_MATCH: the same backend object, or equal backend names ("eager" == "eager").
bool sameBackend(const Value& a, const Value& b) {
    if (a.is(b)) return true;
    auto* sa = dynamic_cast<runtime::Str*>(a.obj());
    auto* sb = dynamic_cast<runtime::Str*>(b.obj());
    return sa && sb && sa->s() == sb->s();
}

} // namespace

std::string Engine::entryMismatch(const CacheEntry& e, CompiledFunction* cf) {
    if (!cf) return {};
    if (!sameBackend(e.backend, cf->backend))
        return "BACKEND_MATCH failure: torch.compile detected different backend callables. If this is unexpected, wrap "
               "your backend in functools.partial (or reuse the same backend object) to avoid recompilation";
    const auto& now = effectiveConfig(cf);
    if (e.config && e.config->hash() != now->hash()) {
        std::string changed;
        for (const auto& d : now->differences(*e.config)) changed += (changed.empty() ? "" : ", ") + d;
        return "CONFIG_HASH_MATCH failure: the entry was compiled under another torch._dynamo.config (" + changed + ")";
    }
    return {};
}

std::optional<Value> Engine::tryEntries(CodeCache& cc, CompiledFunction* cf, runtime::Function* fn, const runtime::CallArgs& args,
                                        const CallFrame& frame, int64_t callIndex, session::Call* call,
                                        std::vector<Value>& cache, uint64_t serial) {
    // `cache`: the sources guards read, per entry; the caller's scratch (a hit allocates nothing).
    // Entries of another backend or config are not candidates (PyTorch checks the backend
    // before the guards); the hash comparison is cheap.
    const DynamoConfig* now = cf ? effectiveConfig(cf).get() : nullptr;
    bool triedCleared = false;  // call->tried may still hold the previous call's (describeCall)
    auto clearTried = [&] {
        if (!triedCleared) call->tried.clear();
        triedCleared = true;
    };
    for (size_t i = 0; i < cc.entries.size(); ++i) {
        CacheEntry& e = *cc.entries[i];
        cache.clear();
        bool candidate = !cf || ((!e.config || e.config->hash() == now->hash()) && (e.backend.is(cf->backend) || entryMismatch(e, cf).empty()));
        if (candidate && e.guards.check(frame, cache)) {
            ++e.hits;
            if (i != 0) std::rotate(cc.entries.begin(), cc.entries.begin() + static_cast<long>(i), cc.entries.begin() + static_cast<long>(i) + 1);
            Value result;
            if (e.graph.hasGraphBreak || e.graph.rerunOnHit || e.graph.hasSideEffects || options.replayDisabled) {
                ++eagerHitDepth_;
                runtime::Function* savedSkip = skipIntercept_;
                skipIntercept_ = fn;
                try {
                    result = interp.callFunction(fn, args);
                } catch (...) {
                    --eagerHitDepth_;
                    skipIntercept_ = savedSkip;
                    throw;
                }
                skipIntercept_ = savedSkip;
                --eagerHitDepth_;
            } else {
                std::vector<int64_t> symVals;
                e.guards.symbolValues(frame, cache, symVals);
                if (options.verify) result = replayVerified(e, fn, args, frame, cache, symVals, call, callIndex);
                else result = e.graph.replay(ctx, *e.sources, frame, cache, symVals);
            }
            if (e.marksDynamicOutputs) markDynamicOutputs(e.graph.output, result);
            if (call) {
                call->outcome = session::CallOutcome::Hit;
                call->entryId = e.compileId;
                const int evaluated = static_cast<int>(e.guards.checks.size());
                const auto& t = call->tried;
                const bool same = !triedCleared && t.size() == 1 && t[0].passed && sameText(t[0].compileId, e.compileId) &&
                                  t[0].firstFailedGuard == -1 && t[0].reason.empty() && t[0].failedGuards.empty() &&
                                  t[0].evaluated == evaluated;
                if (!same) {
                    clearTried();
                    call->tried.push_back({e.compileId, true, -1, "", {}, evaluated});
                }
                sendCall(cc, *call, serial);
            }
            return result;
        }
        if (call) {
            clearTried();
            auto ex = e.guards.explain(frame);
            session::GuardEval ge;
            ge.compileId = e.compileId;
            if (ex.firstFailed >= 0) {
                ge.firstFailedGuard = e.guards.checks[static_cast<size_t>(ex.firstFailed)].sessionGuard;
                ge.reason = ex.reasons.front();
                for (int f : ex.failed) ge.failedGuards.push_back(e.guards.checks[static_cast<size_t>(f)].sessionGuard);
            } else {
                ge.reason = entryMismatch(e, cf);
            }
            ge.evaluated = ex.firstFailed + 1;
            call->tried.push_back(std::move(ge));
        }
    }
    if (call) clearTried();
    return std::nullopt;
}

__attribute__((noinline)) Value Engine::replayVerified(CacheEntry& e, runtime::Function* fn, const runtime::CallArgs& args,
                                                       const CallFrame& frame, std::vector<Value>& cache,
                                                       const std::vector<int64_t>& symVals, session::Call* call, int64_t callIndex) {
    if (!verifier_) verifier_ = std::make_unique<HitVerifier>(*this);
    HitVerifier::Reference ref = verifier_->runEager(fn, args, frame, e, cache);
    Value result = e.graph.replay(ctx, *e.sources, frame, cache, symVals);
    if (call) call->verified = true;
    std::string diff = verifier_->compare(ref, result);
    if (!diff.empty()) reportStale(e, call, callIndex, diff);
    return result;
}

Value Engine::runEager(runtime::Function* fn, const runtime::CallArgs& args, bool runOnly, bool frameToo) {
    if (!runOnly) return interp.callFunction(fn, args);
    // Run-only (§1.4): the frame runs eagerly and its callees run under run-only too, using
    // their own cached entries (interceptRunOnly) but never compiling.
    ++runOnlyDepth_;
    if (!interceptor_)
        interceptor_ = [this](runtime::Function* f, Value* slots, Value& result) { return interceptRunOnly(f, slots, result); };
    auto* previous = interp.callInterceptor();
    interp.setCallInterceptor(&interceptor_);
    runtime::Function* savedSkip = skipIntercept_;
    skipIntercept_ = frameToo ? nullptr : fn;
    auto restore = [&] {
        --runOnlyDepth_;
        interp.setCallInterceptor(previous);
        skipIntercept_ = savedSkip;
    };
    try {
        Value v = interp.callFunction(fn, args);
        restore();
        return v;
    } catch (...) {
        restore();
        throw;
    }
}

bool Engine::interceptRunOnly(runtime::Function* fn, Value* slots, Value& result) {
    if (fn == skipIntercept_) {
        skipIntercept_ = nullptr;  // only the call itself, not recursive calls of the same function
        return false;
    }
    // HitVerifier's reference run is plain eager: callees must not serve compiled entries there.
    if (tracer_ || disabledDepth > 0 || verifyDepth_ > 0 || std::string_view(stance) == "force_eager") return false;
    auto it = caches_.find(fn->code);
    if (it == caches_.end() || it->second->entries.empty() || it->second->strategy == Strategy::Skip) return false;
    CodeCache& cc = *it->second;
    CallFrame frame;
    frame.fn = fn;
    size_t nparams = fn->code->paramNames.size();
    frame.slots.resize(nparams);
    for (size_t i = 0; i < nparams; ++i) {
        // Parameters captured by inner functions already sit in their cells.
        if (auto* cell = dynamic_cast<runtime::Cell*>(slots[i].obj()); cell && slots[i].obj()->type() == interp.types.cell)
            frame.slots[i] = cell->value;
        else frame.slots[i] = slots[i];
    }
    // The call's arguments again, for re-running the function (an entry with a graph break):
    // positional parameters, *args, keyword-only parameters and **kwargs from their slots.
    const runtime::CodeInfo* code = fn->code;
    std::vector<Value> pos(frame.slots.begin(), frame.slots.begin() + std::min<size_t>(nparams, static_cast<size_t>(code->nargs)));
    std::vector<runtime::KwArg> kw;
    if (code->varargSlot >= 0)
        if (auto* t = dynamic_cast<runtime::Tuple*>(frame.slots[static_cast<size_t>(code->varargSlot)].obj()))
            pos.insert(pos.end(), t->items.begin(), t->items.end());
    for (size_t i = static_cast<size_t>(code->nargs); i < nparams; ++i) {
        if (static_cast<int>(i) == code->varargSlot || static_cast<int>(i) == code->kwargSlot || !code->paramNames[i]) continue;
        kw.push_back({code->paramNames[i], frame.slots[i]});
    }
    if (code->kwargSlot >= 0)
        if (auto* d = dynamic_cast<runtime::Dict*>(frame.slots[static_cast<size_t>(code->kwargSlot)].obj()))
            for (const Value& k : d->keys())
                if (auto* ks = dynamic_cast<runtime::Str*>(k.obj())) kw.push_back({interp.intern(ks->view()), d->get(k)});
    runtime::CallArgs args{std::span<const Value>(pos), std::span<const runtime::KwArg>(kw)};
    int64_t callIndex = callIndex_++;
    session::Call call;
    if (options.recordCalls) describeCall(call, callIndex, cc, fn, frame);
    std::vector<Value> cache;
    auto hit = tryEntries(cc, nullptr, fn, args, frame, callIndex, options.recordCalls ? &call : nullptr, cache);
    if (!hit) {
        if (options.recordCalls) {
            call.outcome = session::CallOutcome::RunOnly;
            sendCall(cc, call);
        }
        return false;
    }
    result = *hit;
    return true;
}

void Engine::bumpCounter(const char* group, const std::string& key, int64_t n) {
    // torch._dynamo.utils.counters, only when a scenario looked at it (imported the module).
    runtime::Module* utils = interp.findModule("torch._dynamo.utils");
    if (!utils) return;
    try {
        Value counters = utils->dict->getStr("counters");
        Value bucket = runtime::ops::getItem(counters, interp.newStr(group));
        Value k = interp.newStr(key);
        Value cur = runtime::ops::getItem(bucket, k);
        runtime::ops::setItem(bucket, k, runtime::ops::binary(runtime::BinOpKind::Add, cur, Value::integer(n)));
    } catch (runtime::PyError&) {
        // A scenario that replaced counters with something else keeps its object untouched.
    }
}

} // namespace gs::engine
