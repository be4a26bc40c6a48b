#pragma once
// The guarded-compilation engine (dynamo-semantics §1): per-code-object caches of entries
// (most recently used first), guard evaluation, tracing on a miss, recompile reasons, the
// recompile limit and run-only mode, and every event sent to the session sink.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/engine/DynamoConfig.h"
#include "core/engine/FrameState.h"
#include "core/engine/Graph.h"
#include "core/engine/Guards.h"
#include "core/engine/Source.h"
#include "core/engine/TorchRelease.h"
#include "core/torch/TorchBindings.h"
#include "core/runtime/Interpreter.h"
#include "core/session/Session.h"

namespace gs::engine {

class Tracer;
class HitVerifier;

struct EngineOptions {
    bool compileDisabled = false;          // every compiled call runs eagerly, nothing is recorded
    bool replayDisabled = false;           // hits run the Python function instead of the graph
    bool recordCalls = true;               // describe every call for the session (off: benchmarks)
    bool verify = false;                   // every replayed hit is checked against an eager run (HitVerifier)
    std::vector<std::string> logChannels;  // printed: recompiles, recompiles_verbose, guards, dynamic, graph_breaks
    std::function<void(std::string_view)> logOut;
    // Called with what every outermost call of a compiled function returned (hit, compile,
    // run-only or eager), in call order: how core/advisor checks that a fix keeps the results.
    std::function<void(const runtime::Value&)> onResult;
    TorchRelease release = TorchRelease::newest();  // where PyTorch releases differ (TorchRelease.h)
};

// How a compiled wrapper was made (torch.compile / torch._dynamo.optimize arguments).
struct CompileOptions {
    runtime::Value backend;       // CompileCounter instance, a callable, or a str
    bool fullgraph = false;
    std::optional<bool> dynamic;  // dynamic=None/True/False
    runtime::Value guardFailFn;
    // The config at wrapper creation (save_config=True, PyTorch's default): the knobs that
    // shape a trace are read from here, not from the live config, at every call.
    std::shared_ptr<const DynamoConfig> savedConfig;
    std::optional<int64_t> recompileLimit;  // torch.compile(recompile_limit=N) (newest)
};

// What torch.compile / torch._dynamo.optimize returned.
struct CodeCache;

// Equal texts, compared in line: the hit path compares short compile ids ("0/0") a few times
// per call, where a memcmp call through the PLT costs more than the comparison.
inline bool sameText(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

class CompiledFunction : public runtime::Object {
public:
    CompiledFunction(runtime::Type* t) : runtime::Object(t) {}
    runtime::Value target;        // the function, or the nn.Module for OptimizedModule
    bool isModule = false;
    runtime::Value backend;
    bool fullgraph = false;
    std::optional<bool> dynamic;
    runtime::Value guardFailFn;
    std::shared_ptr<const DynamoConfig> savedConfig;
    std::optional<int64_t> recompileLimit;
    // The effective config (saved or live, with dynamic= applied) and its hash, recomputed when
    // the live config changes (generation).
    std::shared_ptr<const DynamoConfig> effective;
    uint64_t effectiveGeneration = 0;
    // The last call's target function and code cache, so a hot loop skips the dynamic_cast and
    // the hash lookup (Engine::callCompiled). `memoTarget` is a strong reference: its address
    // cannot be reused while the memo names it; the cache is trusted only for the same code
    // and the engine's cache generation (a reset retires every cache).
    runtime::Value memoTarget;
    runtime::Function* memoFunction = nullptr;
    const runtime::CodeInfo* memoCode = nullptr;
    CodeCache* memoCache = nullptr;
    uint64_t memoGeneration = 0;
    std::string repr() override;
    bool callable() const override { return true; }
    runtime::Value call(const runtime::CallArgs& args) override;
    runtime::Value getAttr(runtime::Str* name) override;
    runtime::Value getAttrFallback(runtime::Str* name) override;
    bool setAttr(runtime::Str* name, const runtime::Value& v) override;
    void clearRefs() override {
        target = backend = guardFailFn = memoTarget = runtime::Value();
        memoFunction = nullptr;
        memoCache = nullptr;
    }
};

struct CacheEntry {
    std::string compileId;
    std::unique_ptr<SourceTable> sources;
    GuardSet guards;
    Graph graph;
    std::vector<std::string> symNames;
    runtime::Value backend;
    // The config the entry was traced under (dynamo-semantics §1.2: an entry serves only calls
    // made under the same config hash and backend).
    std::shared_ptr<const DynamoConfig> config;
    // nn.Module locals the entry ID_MATCHes (parameter slot, object): recompile_limit counts
    // only the entries made for the same such objects (cache_size.py _has_same_id_matched_objs).
    std::vector<std::pair<int, const runtime::Object*>> idMatchedLocals;
    int64_t hits = 0;
    // The backend runs AOTAutograd (every string backend but "eager") and some output tensor has
    // a symbolic dim: each call's returned tensors get those dims as _dynamo_weak_dynamic_indices.
    bool marksDynamicOutputs = false;
};

enum class Strategy : uint8_t { Default, RunOnly, Skip };

struct CodeCache {
    std::vector<std::unique_ptr<CacheEntry>> entries;  // MRU first
    Strategy strategy = Strategy::Default;
    int frameId = -1;
    int nextCompile = 0;
    FrameState frameState;
    std::string name, file;
    int firstLine = 0;
    std::vector<std::string> argSources;  // "L['x']" per local slot, made once
    // Names this cache for the call descriptions kept per nesting level (an address could be
    // reused after a reset).
    const uint64_t uid = nextUid();
    // The last call sent for this frame when it may be repeated (a hit with one passed guard
    // evaluation and no stale report): its description serial, else 0 (Engine::sendCall).
    struct LastSent {
        uint64_t serial = 0;
        int frameId = 0, line = 0, evaluated = 0;
        bool verified = false;
        std::string entryId;
    } lastSent;

private:
    static uint64_t nextUid() {
        static std::atomic<uint64_t> next{1};
        return next.fetch_add(1, std::memory_order_relaxed);
    }
};

class Engine {
public:
    Engine(runtime::Interpreter& interp, torch::TorchContext& ctx, session::EventSink& sink, EngineOptions options);
    ~Engine();
    static Engine* current();  // of the current interpreter (set while it runs)

    runtime::Interpreter& interp;
    torch::TorchContext& ctx;
    session::EventSink& sink;
    EngineOptions options;
    DynamoConfig config;
    runtime::Type* scalarProxyType = nullptr;
    runtime::Type* compiledFunctionType = nullptr;

    // Installs torch.compile, torch._dynamo.*, torch.compiler.* (after installTorch).
    void install();
    runtime::Value compile(runtime::Value target, CompileOptions options);
    runtime::Value callCompiled(CompiledFunction* cf, const runtime::CallArgs& args);
    void reset();                                  // torch._dynamo.reset()
    // torch.compiler.set_stance: "default", "force_eager", "eager_on_recompile", "fail_on_recompile".
    std::string stance = "default";
    // Depth of torch._dynamo.disable'd calls: compiled functions called inside run eagerly.
    int disabledDepth = 0;
    // The config a call of `cf` traces under (saved or live config, dynamic= applied).
    const std::shared_ptr<const DynamoConfig>& effectiveConfig(CompiledFunction* cf);
    // True while tracing, and while a hit re-runs the Python code in place of the graph (the
    // graph was captured with is_compiling() == True).
    bool isCompiling() const { return tracer_ != nullptr || eagerHitDepth_ > 0 || verifyDepth_ > 0; }
    Tracer* tracer() const { return tracer_.get(); }
    // Ends the session's bookkeeping: final hit counts.
    void flushHits();
    int64_t callCount() const { return callIndex_; }
    // `run --verify`: hits whose replay disagreed with the eager run (stale entries).
    int64_t staleHits() const { return staleHits_; }
    // Benchmark support: ns per evaluation of the MRU entry's guards for `compiled(args)`.
    double benchGuardCheck(const runtime::Value& compiled, const runtime::CallArgs& args, int64_t iterations);
    // One log message (dynamo-semantics §5): recorded in the session and written as a record on
    // PyTorch's logger for it through torch._logging (TorchLogging.cpp), whose handler prints it.
    void log(const std::string& channel, const std::string& compileId, const std::string& text, int64_t callIndex);
    // The handler's output: TORCH_LOGS-style lines on options.logOut.
    void printLogRecord(int64_t level, const std::string& logger, const std::string& compileId, const std::string& channel,
                        const std::string& text);
    // True when TORCH_LOGS (or --log, or torch._logging.set_logs) enabled the artifact.
    bool artifactEnabled(std::string_view name) const;
    // The same, after torch._logging read TORCH_LOGS (it does on first import; a trace asks
    // before anything was logged).
    bool artifactEnabledNow(std::string_view name);

private:
    // runOnly: callees (and, with `frameToo`, fn itself: torch._dynamo.run) use their cached
    // entries but never compile.
    runtime::Value runEager(runtime::Function* fn, const runtime::CallArgs& args, bool runOnly, bool frameToo = false);
    // The lookup (dynamo-semantics §1.2 step 2): the first entry of the same backend and config
    // whose guards pass runs (moved to the front); misses are recorded in `call`. `cf` null:
    // a run-only lookup (any backend and config, as PyTorch's run mode).
    std::optional<runtime::Value> tryEntries(CodeCache& cc, CompiledFunction* cf, runtime::Function* fn,
                                             const runtime::CallArgs& args, const CallFrame& frame, int64_t callIndex,
                                             session::Call* call, std::vector<runtime::Value>& cache, uint64_t serial = 0);
    // Why an entry whose guards pass does not serve this call (backend or config), or "".
    std::string entryMismatch(const CacheEntry& e, CompiledFunction* cf);
    // Run-only mode (§1.4): every scenario-function call is offered to its code's cache.
    bool interceptRunOnly(runtime::Function* fn, runtime::Value* slots, runtime::Value& result);
    // GuardFail / recompile reason of one entry for this call, in PyTorch's words.
    std::vector<std::string> failureReasons(const CacheEntry& e, CompiledFunction* cf, const CallFrame& frame);
    void bumpCounter(const char* group, const std::string& key, int64_t n = 1);
    // torch._dynamo.utils.compilation_time_metrics: seconds per timed compile phase (PyTorch's
    // dynamo_timed names), phases in the order they were first entered, each phase's times in
    // the order the phases ended. Returns the phase's index in compileTimes_, adding it if new.
    size_t compileTimePhase(std::string_view phase);
    runtime::Value compileAndRun(CodeCache& cc, CompiledFunction* cf, runtime::Function* fn, const runtime::CallArgs& args,
                                 const CallFrame& frame, const std::vector<bool>& fromDefault, int64_t callIndex,
                                 session::Call* call);
    // What describeCall knows of the description it left in a scratch's call: for which cache,
    // its serial number (a new one whenever it changed), and per argument what it was made
    // from, so that unchanged arguments (same tensor metadata, same scalar) keep their strings.
    struct SlotKey {
        const runtime::Type* type = nullptr;  // a tensor's type (fast: a tensor)
        uint8_t tag = 0;                      // runtime::Tag of the value
        bool fast = false;                    // None, bool, int, float or tensor: checked here
        uint64_t bits = 0;                    // the scalar's bits
        tensor::DType dtype{};
        tensor::Device device;
        bool requiresGrad = false;
    };
    struct Description {
        uint64_t cache = 0;                   // CodeCache::uid it was made for, 0: none
        uint64_t serial = 0;
        std::vector<SlotKey> keys;
    };
    // Describes a call into `c`, reusing its storage (a hot loop allocates nothing). With `d`
    // (the scratch's), arguments that did not change since the description `d` names keep
    // their strings; returns the description's serial (the same while nothing changed), or
    // 0 without `d`.
    uint64_t describeCall(session::Call& c, int64_t index, CodeCache& cc, runtime::Function* fn, const CallFrame& frame,
                          Description* d = nullptr);
    void describeArg(session::ArgDesc& a, const runtime::Value& v, const std::string& source, SlotKey* key);
    bool sameAsKey(const SlotKey& k, const runtime::Value& v, const session::ArgDesc& a) const;
    // Sends a call of `cc`'s frame: as EventSink::repeatCall when it is the same as the last
    // one sent for the frame but for index and object ids (`serial`: describeCall's), else
    // as call. Every call of a frame goes through here.
    void sendCall(CodeCache& cc, const session::Call& c, uint64_t serial = 0);
    // What one callCompiled needs, kept per nesting level (a graph break or an eager run may call
    // compiled functions again before the outer call is done) so that a hot loop of hits
    // allocates nothing; the Values are released when the call ends.
    struct CallScratch {
        session::Call call;
        Description description;
        CallFrame frame;
        std::vector<bool> fromDefault;
        std::vector<runtime::Value> cache;
        std::vector<int64_t> symVals;
    };
    CallScratch& scratch();
    session::CompileEntry entrySnapshot(const CacheEntry& e, int frameId, int64_t callIndex) const;
    // See CacheEntry::marksDynamicOutputs; `result` is what the call returns to the scenario.
    static void markDynamicOutputs(const ArgTemplate& t, const runtime::Value& result);
    void callBackend(const runtime::Value& backend, const CacheEntry& e, int segment);
    std::string recompileMessage(const CodeCache& cc, const std::vector<std::string>& reasons) const;
    void installLogging();
    void installDynamoPreludes();
    void installTestingPreludes();
    void installDynamoFunctions();
    void installStance();

    std::unordered_map<const runtime::CodeInfo*, std::unique_ptr<CodeCache>> caches_;
    // Unique among all engines, renewed when caches_ forgets its caches (reset): a
    // CompiledFunction's memo of a CodeCache holds only for the engine and generation it names.
    uint64_t cachesGeneration_ = 0;
    std::vector<std::unique_ptr<CodeCache>> retired_;  // after reset(): kept for final hit counts
    std::vector<std::pair<std::string, std::vector<double>>> compileTimes_;  // see addCompileTime
    int frameCounter_ = 0;
    int64_t callIndex_ = 0;
    uint64_t descriptionSerial_ = 0;  // describeCall's last serial
    int runOnlyDepth_ = 0;
    runtime::Interpreter::CallInterceptor interceptor_;
    runtime::Function* skipIntercept_ = nullptr;  // the run-only call being run eagerly now
    int eagerHitDepth_ = 0;
    std::vector<std::unique_ptr<CallScratch>> scratch_;
    size_t scratchDepth_ = 0;
    const CompiledFunction* hooksRunFor_ = nullptr;  // its hooks already ran: call forward only
    int verifyDepth_ = 0;       // > 0 while HitVerifier runs a function eagerly
    int64_t staleHits_ = 0;
    std::unique_ptr<HitVerifier> verifier_;
    friend class HitVerifier;
    // --verify on a hit: the replay's result `result` against the eager reference.
    void reportStale(const CacheEntry& e, session::Call* call, int64_t callIndex, const std::string& difference);
    // A hit's replay under --verify: the eager reference run first, then the replay compared
    // with it (out of line: a plain hit does not set up the reference's frame).
    runtime::Value replayVerified(CacheEntry& e, runtime::Function* fn, const runtime::CallArgs& args, const CallFrame& frame,
                                  std::vector<runtime::Value>& cache, const std::vector<int64_t>& symVals, session::Call* call,
                                  int64_t callIndex);
    std::shared_ptr<Tracer> tracer_;
    Engine* previous_ = nullptr;
    std::vector<std::string> enabledArtifacts_;  // set by torch._logging._init_logs
};

} // namespace gs::engine
