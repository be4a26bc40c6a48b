#pragma once
// The session model: the one contract between the writers (engine, trace importer) and the
// readers (store, GUI, CLI, trace exporter). Plain value types, no Qt (ARCHITECTURE.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gs::session {

enum class SessionKind { Scenario, TorchTrace };
enum class SessionStatus { Running, Complete, Failed, Interrupted };

// Outcome of one call of a compiled function (dynamo-semantics §1.2).
enum class CallOutcome {
    Hit,       // an existing entry's guards passed; its graph ran
    Compiled,  // first compile of the frame
    Recompiled,// a compile after at least one existing entry failed
    RunOnly,   // the code object is RUN_ONLY (recompile limit hit): ran eagerly, no compile
    Skipped,   // SKIP strategy (no-op frame) or compilation disabled: ran eagerly
    Failed     // the compile raised (e.g. FailOnRecompileLimitHit under fullgraph)
};

enum class EntryStatus { Ok, LimitHit, Failed };

// Why an older entry rejected a call (ARCHITECTURE.md "Recompile").
enum class ReasonCategory {
    SizeChange, StrideChange, RankChange, DtypeChange, DeviceChange, RequiresGradChange,
    TypeChange, Alias, BoolFlip, IntValueChange, ConstantChange, ObjectIdentity, TrainEval,
    GlobalState, ShapeGuard, DynamicIndices,
    DuckSizing,             // a duck-sizing equality (equal sizes shared one symbol) failed, dynamo-semantics §3.5
    ZeroOneSpecialization,  // a size became 0 or 1 after it was symbolic (the `2 <=` bound), §3.4/§3.5
    Other
};

enum class TestStatus { Pass, Fail, Error, Skip };

enum class ShapeEventKind {
    CreateSymbol,    // a symbol allocated for a size or int (create_symbol)
    Promotion,       // automatic dynamic: a source's dim seen with two values became dynamic
    Specialization,  // a symbol/dim replaced by a constant (0/1, guard, mark_static)
    DuckSizing,      // a dim reused an existing symbol of equal size
    GuardAdded       // a shape-env guard (e.g. 2 <= s0, Eq(s0, s1))
};

std::string_view toString(SessionKind);
std::string_view toString(SessionStatus);
std::string_view toString(CallOutcome);
std::string_view toString(EntryStatus);
std::string_view toString(ReasonCategory);
std::string_view toString(TestStatus);
std::string_view toString(ShapeEventKind);
// Inverse of toString; nullopt for unknown text.
std::optional<SessionKind> sessionKindFromString(std::string_view);
std::optional<SessionStatus> sessionStatusFromString(std::string_view);
std::optional<CallOutcome> callOutcomeFromString(std::string_view);
std::optional<EntryStatus> entryStatusFromString(std::string_view);
std::optional<ReasonCategory> reasonCategoryFromString(std::string_view);
std::optional<TestStatus> testStatusFromString(std::string_view);
std::optional<ShapeEventKind> shapeEventKindFromString(std::string_view);
const std::vector<ReasonCategory>& allReasonCategories();

// A code object: one cache of entries (dynamo-semantics §1.1).
struct Frame {
    int id = 0;            // F of compile ids F/N
    std::string name;      // co_name
    std::string file;      // co_filename
    int firstLine = 0;     // co_firstlineno
    bool operator==(const Frame&) const = default;
};

// One argument (or other guarded input) of a call, described for the user.
struct ArgDesc {
    std::string source;    // e.g. L['x'], G['g'], L['self']._modules['d'].training
    std::string kind;      // tensor | int | float | bool | str | none | module | list | tuple | dict | function | object
    std::string type;      // Python type name, e.g. Tensor, Parameter, int, SimpleDropout
    std::vector<int64_t> shape;
    std::vector<int64_t> stride;
    std::string dtype;     // float32, int64, ...
    std::string device;    // cpu, cuda:0
    bool requiresGrad = false;
    int64_t objectId = 0;  // identity within the session (same object => same id)
    int aliasOf = -1;      // index of an earlier arg that is the same object, else -1
    std::string value;     // repr for scalars/bools/strings, empty otherwise
    bool operator==(const ArgDesc&) const = default;
};

// How one cache entry judged one call.
struct GuardEval {
    std::string compileId;          // the entry tried, F/N
    bool passed = false;
    int firstFailedGuard = -1;      // index into CompileEntry::guards, -1 if passed
    std::string reason;             // the reason text as PyTorch words it (without "F/N: ")
    std::vector<int> failedGuards;  // all failing guards (indices), not only the first
    int evaluated = 0;              // guards evaluated before the decision
    bool operator==(const GuardEval&) const = default;
};

struct Call {
    int64_t index = 0;              // 0-based, session-wide order of calls
    int frameId = 0;
    int line = 0;                   // scenario line of the call site (0 if unknown)
    std::vector<ArgDesc> args;
    CallOutcome outcome = CallOutcome::Hit;
    std::string entryId;            // entry that ran (hit) or was created (compiled); empty otherwise
    std::vector<GuardEval> tried;   // entries tried, in cache order (MRU first)
    // `run --verify`: a hit whose replay was compared with an eager run of the function.
    bool verified = false;
    // Non-empty when that comparison failed: the entry was stale (a guard is missing). Holds
    // the report, e.g. "stale entry 0/0 at call #3 (demo.py:12): a guard is missing\n<detail>".
    std::string stale;
    bool operator==(const Call&) const = default;
};

// A node of an entry's guard tree (TREE_GUARD_MANAGER order, dynamo-semantics §1.3 / §5.5).
struct Guard {
    int id = 0;                     // index within the entry
    int parent = -1;                // -1 for the root manager
    std::string kind;               // RootGuardManager, GuardManager, TENSOR_MATCH, BOOL_MATCH, ...
    std::string source;             // L['x'] (empty for root/ambient guards)
    std::string code;               // code part as printed, e.g. check_tensor(L['x'], ...)
    std::string userCode;           // scenario line text that created it (provenance)
    std::string file;               // provenance file
    int line = 0;                   // provenance line (0: framework-created)
    bool operator==(const Guard&) const = default;
};

struct GraphNode {
    int id = 0;
    std::string name;               // l_x_, mul, output
    std::string op;                 // placeholder | call_function | call_method | call_module | get_attr | output
    std::string target;             // e.g. torch.mul, add_
    std::vector<std::string> args;  // names of input nodes or constant reprs
    std::string shape;              // e.g. [s0, 3]
    std::string dtype;
    int line = 0;                   // scenario line that produced it
    // FX print_readable's annotation parts and source comment (torch-trace-format §1.3.6):
    // `mul: "f32[s77][1]cpu" = …` after `# File: <file>:<line> in <function>, code: <code>`.
    std::string stride;             // e.g. [3, 1], [s52, 1]; empty when unknown
    std::string device;             // cpu, cuda:0; empty when unknown
    std::string file;               // the user frame that produced the node (empty: none)
    std::string function;
    std::string code;               // that line's source text
    bool operator==(const GraphNode&) const = default;
};

// One frame of a user stack (torch-trace-format §1.3.4: dynamo_start `stack`, frames outermost
// first, the most recent call last).
struct StackFrame {
    std::string file;               // resolved through the log's string table
    int line = 0;
    std::string function;           // the frame's `name`
    std::string text;               // the source line as logged (`loc`, 2025 logs), may be empty
    bool operator==(const StackFrame&) const = default;
};

// One field of a compile's metrics (compilation_metrics, torch-trace-format §1.3.5), under
// PyTorch's field name, with the value as minified JSON text (`null`, `8`, `"0/3"`, `[...]`).
struct Metric {
    std::string name;
    std::string json;
    bool operator==(const Metric&) const = default;
};

// A lookup in one of PyTorch's compile caches, from the fx_graph_cache_* / aotautograd_cache_*
// artifacts.
struct CacheEvent {
    std::string kind;               // fx_graph | aot_autograd
    std::string result;             // hit | miss | bypass | hash (a key computed, no lookup logged)
    std::string key;                // the cache key, empty when the log has none
    std::string detail;             // cache_status_detailed / bypass reason, may be empty
    int64_t record = -1;            // TraceRecord::seq of the artifact, -1 if none
    bool operator==(const CacheEvent&) const = default;
};

// What Inductor logged about the kernels of one compile for multi-rank analysis (tlparse's
// all-ranks report): the `inductor_collective_schedule` artifact (the collectives the graph issues,
// in order) and the `inductor_runtime_and_tensor_meta` one (per op an estimated runtime and its
// outputs' shapes, strides and dtypes). The first of each per compile, as tlparse reads them.
struct InductorSummary {
    std::vector<std::string> collectives; // op names, e.g. torch.ops._c10d_functional.all_reduce_.default
    bool hasCollectives = false;          // the schedule was logged (an empty one included)
    double runtimeMs = -1;                // sum of estimated_runtime_ns / 1e6; -1 when not logged
    std::string tensorMeta;               // fingerprint of the ops' names, types and outputs; empty when not logged
    bool empty() const { return !hasCollectives && runtimeMs < 0 && tensorMeta.empty(); }
    bool operator==(const InductorSummary&) const = default;
};

// A product of one compile (tlparse's per-compile directory): a graph, generated code, the guard
// dump, the metrics, a cache lookup, a link, a chromium event... Its text is the payload (or,
// without one, the metadata) of TraceRecord `record` of the same session.
struct Artifact {
    int64_t record = -1;            // TraceRecord::seq
    std::string name;               // artifact name or event key: dynamo_output_graph, fx_graph_runnable, ...
    std::string kind;               // graph | code | guards | metrics | cache | reasons | error | link | chromium_event | data
    std::string format;             // python | json | text: how to show (highlight) the text
    std::string detail;             // e.g. inductor_output_code's filename, a link's url, a chromium event's name
    int64_t bytes = 0;              // size of the text
    bool operator==(const Artifact&) const = default;
};

struct CompileEntry {
    std::string compileId;          // F/N
    int frameId = 0;
    int frameCompileId = 0;         // N
    int attempt = 0;
    int64_t causedByCall = -1;      // Call::index, -1 if unknown (imported traces)
    EntryStatus status = EntryStatus::Ok;
    std::string failReason;
    std::vector<GraphNode> graph;
    std::vector<Guard> guards;
    int opCount = 0;
    std::vector<std::string> symbols;   // symbols created by this compile, e.g. s0
    int64_t hitCount = 0;
    double compileTimeUs = 0;
    std::string guardsText;         // the TREE_GUARD_MANAGER text as printed
    std::vector<StackFrame> stack;  // user stack that reached the frame, outermost first (dynamo_start)
    std::vector<Metric> metrics;    // compilation_metrics fields in log order (empty when not logged)
    std::vector<CacheEvent> cache;  // cache lookups of this compile, in log order
    std::vector<Artifact> artifacts;// every product of this compile, in log order
    InductorSummary inductor;       // collectives, estimated runtime, tensor meta (imported logs)
    bool operator==(const CompileEntry&) const = default;
};

struct RecompileReason {
    std::string failedEntryId;      // the older entry, F/N
    std::string text;               // as PyTorch prints it, without the "F/N: " prefix
    ReasonCategory category = ReasonCategory::Other;
    std::string guardKind;          // TENSOR_MATCH, BOOL_MATCH, ...
    std::string source;             // x, self._modules['dropout'].training, G['g']
    std::string expected;
    std::string actual;
    int dim = -1;
    std::string fix;                // suggested fix, one sentence
    std::vector<std::string> allFailures; // every failing guard of that entry (texts)
    bool operator==(const RecompileReason&) const = default;
};

struct Recompile {
    std::string compileId;          // the new compile, F/N
    int frameId = 0;
    int64_t callIndex = -1;
    bool limitHit = false;          // this attempt hit the recompile limit (no entry created)
    std::vector<RecompileReason> reasons;   // one per older entry, newest first
    bool operator==(const Recompile&) const = default;
};

struct ShapeEvent {
    ShapeEventKind kind = ShapeEventKind::CreateSymbol;
    std::string compileId;
    int64_t callIndex = -1;
    std::string symbol;             // s0
    std::string source;             // L['x'] (with the dim in `dim`) or L['x'].size()[0]
    int dim = -1;
    int64_t hint = 0;               // value when created
    std::string range;              // [2, int_oo]
    std::string sizesSeen;          // promotion: "2 -> 3"
    std::string text;               // the TORCH_LOGS=dynamic line
    int line = 0;
    bool operator==(const ShapeEvent&) const = default;
};

struct LogLine {
    std::string channel;            // recompiles | guards | dynamic | warning | graph_breaks | output | error
    std::string compileId;          // [F/N] tag, may be empty
    int64_t callIndex = -1;
    std::string text;               // may contain newlines
    bool operator==(const LogLine&) const = default;
};

// torch._dynamo.reset() / torch.compiler.reset(): every cache emptied "as if you had started a
// fresh process" (dynamo-semantics §1.6), so frame ids and compile ids start again at 0 after
// it. The resets cut a session into epochs (0 before the first); an id names an entry only
// together with its epoch (Session::compile(id, epoch)).
struct Reset {
    int64_t callIndex = 0;          // Call::index of the first call after it (= calls before it)
    int line = 0;                   // scenario line of the reset() call (0 if unknown)
    // Where it falls in Session::frames and ::compiles: how many came before it. Set by the
    // receiver from what it has received (SessionBuilder, the store); writers leave them 0.
    int64_t frames = 0;
    int64_t compiles = 0;
    bool operator==(const Reset&) const = default;
};

struct TestResult {
    std::string name;               // test method
    std::string className;
    TestStatus status = TestStatus::Pass;
    std::string message;
    std::string file;
    int line = 0;
    bool operator==(const TestResult&) const = default;
};

// One record of an imported TORCH_TRACE log exactly as read (torch-trace-format §1.3.2): every
// glog line of the file (JSON records, text lines of TORCH_LOGS output) with its payload, in
// file order. The exporter writes them back verbatim; artifacts point into them.
struct TraceRecord {
    int64_t seq = 0;                // 0-based position among the session's records
    int64_t line = 0;               // header line in the source file
    std::string compileId;          // as the envelope names it ("0/1", "!0/0/1"), empty without one
    std::string prefix;             // glog prefix including the "] ": header line == prefix + body
    std::string body;               // the JSON envelope (or text) as written
    bool hasPayload = false;
    bool payloadKept = true;        // false when the payload was too large to keep (payload empty)
    std::string payload;            // the payload lines without their TAB, joined with "\n"
    bool operator==(const TraceRecord&) const = default;
};

struct Summary {
    int64_t frames = 0, calls = 0, compiles = 0, recompiles = 0, cacheHits = 0;
    int64_t runOnly = 0, limitHits = 0, failures = 0;
    int64_t staleHits = 0;          // `run --verify`: hits whose replay disagreed with an eager run
    int64_t testsPassed = 0, testsFailed = 0, testsSkipped = 0;
    std::map<std::string, int64_t> recompilesByCategory;  // category name -> count of reasons' first category
    bool operator==(const Summary&) const = default;
};

struct SessionInfo {
    int64_t id = 0;                 // store id; 0 = not stored
    SessionKind kind = SessionKind::Scenario;
    std::string title;
    std::string created;            // ISO-8601 UTC
    std::string sourcePath;
    std::string sourceText;         // the scenario text (empty for traces)
    std::string engineVersion;
    std::string configJson;         // snapshot of torch._dynamo.config at start
    SessionStatus status = SessionStatus::Running;
    std::string group;              // e.g. a TORCH_TRACE directory for per-rank sessions
    std::map<std::string, std::string> metadata; // free-form: rank, warnings, unknown event counts
    bool operator==(const SessionInfo&) const = default;
};

// SessionInfo::metadata key holding the PyTorch release a scenario session emulates ("2.10",
// `guardscope-cli run --torch-version`); imported traces do not have it.
inline constexpr std::string_view kTorchVersionKey = "torch_version";

// A whole session in memory (used by tests, the GUI for small sessions, exporters).
struct Session {
    SessionInfo info;
    std::vector<Frame> frames;
    std::vector<Call> calls;
    std::vector<CompileEntry> compiles;
    std::vector<Recompile> recompiles;
    std::vector<ShapeEvent> shapeEvents;
    std::vector<LogLine> logs;
    std::vector<TestResult> tests;
    std::vector<TraceRecord> records;   // imported sessions: the log as read, in file order
    std::vector<Reset> resets;      // in order; see Reset
    bool operator==(const Session&) const = default;

    // Counts derived from the vectors above.
    Summary summary() const;

    // Look-ups by id. Ids restart after each reset, so an id is looked up in an epoch (0 before
    // the first reset, resets.size() after the last). A compile id names the newest entry of
    // that epoch with the id (an id repeats for a restarted attempt); a frame id the newest
    // record announced before the epoch ended (a writer that keeps ids unique, like the trace
    // importer, does not announce an unchanged frame again). Without an epoch: the newest in
    // the whole session, as EventSink::entryHits and SessionIndex::resolveEntry(id, past the
    // last call) mean it.
    int epochOfCall(int64_t callIndex) const;     // resets at or before that call
    int epochOfFrame(size_t record) const;        // record: index into frames
    int epochOfCompile(size_t entry) const;       // entry: index into compiles
    const Frame* frame(int id, int epoch) const;
    const CompileEntry* compile(std::string_view compileId, int epoch) const;
    const Frame* frame(int id) const;
    const CompileEntry* compile(std::string_view compileId) const;
    // The code object an entry of `compiles` was compiled for (the frame record of its epoch).
    const Frame* frameOf(const CompileEntry& entry) const;
};

// Resets for a session recorded before resets were events (store schema < 5, session JSON
// without "resets"): compile ids are unique within an epoch, so the first compile that reuses
// an id starts a new one, and frame ids are handed out 0, 1, ... in each epoch, so a frame
// record whose id does not grow starts one in `frames`. Returns {} when no id repeats.
std::vector<Reset> inferResets(const Session& s);

// Where writers send events as they happen. Events arrive in causal order: a frame before its
// first call, a compile entry before the call that ran it, a recompile before its entry.
// A new event is added to SessionBuilder, TeeSink and ForwardingSink (ForwardingSink.h) too.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void beginSession(const SessionInfo&) {}
    virtual void frame(const Frame&) {}
    virtual void recompile(const Recompile&) {}
    virtual void compile(const CompileEntry&) {}
    // compile(c) from a writer that is done with `c`: a sink that keeps entries (the store's
    // recorder buffers them until its batch is written) may take it instead of copying it. A
    // sink that passes events on passes it on as takeCompile only where it does not look at
    // compile() itself (ForwardingSink does not: it calls compile(), which a filter overrides).
    virtual void takeCompile(CompileEntry&& c) { compile(c); }
    virtual void call(const Call&) {}
    // A call that equals, in every field but `index` and the arguments' `objectId`, the
    // previous call with the same frameId sent to this sink (a cache hit in a loop: the engine
    // sends it after a call() or repeatCall() of that frame, with nothing of that frame in
    // between). `c` is a whole call all the same: a sink that does not care takes it as call(c).
    // A sink that passes events on passes it on as repeatCall, or as call to all its sinks.
    virtual void repeatCall(const Call& c) { call(c); }
    virtual void shapeEvent(const ShapeEvent&) {}
    virtual void log(const LogLine&) {}
    virtual void test(const TestResult&) {}
    // A record of an imported log, sent as it is read (in seq order), before the compile whose
    // artifacts name it.
    virtual void record(const TraceRecord&) {}
    // Final hit counts, sent once per entry when the session ends (or before a reset()).
    virtual void entryHits(const std::string& /*compileId*/, int64_t /*hits*/) {}
    // torch._dynamo.reset(): sent after the entryHits of the entries it removed, before any
    // event of the next epoch.
    virtual void reset(const Reset&) {}
    // What a writer learned about the session after beginSession (the trace importer knows the
    // config, rank and problem counts only at the end). Sent at most a few times, before
    // endSession; replaces the SessionInfo given to beginSession (the store id stays).
    virtual void updateInfo(const SessionInfo&) {}
    virtual void endSession(SessionStatus) {}
};

// Builds a Session in memory from events.
class SessionBuilder : public EventSink {
public:
    void beginSession(const SessionInfo& info) override;
    void frame(const Frame& f) override;
    void recompile(const Recompile& r) override;
    void compile(const CompileEntry& c) override;
    void call(const Call& c) override;
    void repeatCall(const Call& c) override { call(c); }
    void shapeEvent(const ShapeEvent& e) override;
    void log(const LogLine& l) override;
    void test(const TestResult& t) override;
    void record(const TraceRecord& r) override;
    void entryHits(const std::string& compileId, int64_t hits) override;
    void reset(const Reset& r) override;
    void updateInfo(const SessionInfo& info) override { session_.info = info; }
    void endSession(SessionStatus s) override;

    const Session& session() const { return session_; }
    Session take() { return std::move(session_); }
    // Keep calls in memory? Off when they are recorded to a store and not needed here (a run of
    // millions of calls then holds no per-call memory); summary() still counts them.
    void setKeepCalls(bool keep) { keepCalls_ = keep; }
    // Keep the verbatim records of imported logs? (off when only the model is needed, e.g. JSON)
    void setKeepRecords(bool keep) { keepRecords_ = keep; }
    int64_t callsSeen() const { return callsSeen_; }
    // The session's summary, with the call counts of every call seen (kept or not).
    Summary summary() const;

private:
    Session session_;
    bool keepCalls_ = true;
    bool keepRecords_ = true;
    int64_t callsSeen_ = 0, hitsSeen_ = 0, runOnlySeen_ = 0;
};

// Forwards every event to several sinks (e.g. the builder and the SQLite writer).
class TeeSink : public EventSink {
public:
    void add(EventSink* s) { sinks_.push_back(s); }
    void beginSession(const SessionInfo& i) override { for (auto* s : sinks_) s->beginSession(i); }
    void frame(const Frame& f) override { for (auto* s : sinks_) s->frame(f); }
    void recompile(const Recompile& r) override { for (auto* s : sinks_) s->recompile(r); }
    void compile(const CompileEntry& c) override { for (auto* s : sinks_) s->compile(c); }
    // The last sink may take the entry; the others see it first.
    void takeCompile(CompileEntry&& c) override {
        for (size_t i = 0; i + 1 < sinks_.size(); ++i) sinks_[i]->compile(c);
        if (!sinks_.empty()) sinks_.back()->takeCompile(std::move(c));
    }
    void call(const Call& c) override { for (auto* s : sinks_) s->call(c); }
    void repeatCall(const Call& c) override { for (auto* s : sinks_) s->repeatCall(c); }
    void shapeEvent(const ShapeEvent& e) override { for (auto* s : sinks_) s->shapeEvent(e); }
    void log(const LogLine& l) override { for (auto* s : sinks_) s->log(l); }
    void test(const TestResult& t) override { for (auto* s : sinks_) s->test(t); }
    void record(const TraceRecord& r) override { for (auto* s : sinks_) s->record(r); }
    void entryHits(const std::string& id, int64_t h) override { for (auto* s : sinks_) s->entryHits(id, h); }
    void reset(const Reset& r) override { for (auto* s : sinks_) s->reset(r); }
    void updateInfo(const SessionInfo& i) override { for (auto* s : sinks_) s->updateInfo(i); }
    void endSession(SessionStatus st) override { for (auto* s : sinks_) s->endSession(st); }

private:
    std::vector<EventSink*> sinks_;
};

// Replays a whole in-memory session into a sink, in causal order.
void replay(const Session& s, EventSink& sink);

} // namespace gs::session
