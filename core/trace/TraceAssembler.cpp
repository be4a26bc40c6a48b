#include "core/trace/TraceAssembler.h"

#include <algorithm>
#include <cmath>

#include "core/session/GuardDiff.h"
#include "core/session/ReasonClassifier.h"
#include "core/trace/GraphText.h"
#include "core/trace/GuardTreeText.h"

namespace gs::trace {

using namespace gs::session;

namespace {

// The int a shape event's "val" text holds: every int64 (all 19 digits), a leading '-'; digits
// past int64 (Python ints are unbounded) saturate. `anyDigits`: skip non-digit characters (a
// specialization's value may be printed with decoration) instead of stopping at the first.
int64_t hintOf(const std::string& val, bool anyDigits) {
    const bool neg = !val.empty() && val[0] == '-';
    uint64_t mag = 0;
    const uint64_t limit = neg ? uint64_t{1} << 63 : static_cast<uint64_t>(INT64_MAX);
    for (size_t c = neg ? 1 : 0; c < val.size(); ++c) {
        if (val[c] < '0' || val[c] > '9') {
            if (anyDigits) continue;
            break;
        }
        const uint64_t d = static_cast<uint64_t>(val[c] - '0');
        if (mag > (limit - d) / 10) {
            mag = limit;
            break;
        }
        mag = mag * 10 + d;
    }
    return neg ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

constexpr size_t kMaxOpenCompiles = 64;     // compiles in flight before the oldest is closed
constexpr size_t kMaxUnknownKinds = 100;    // distinct unknown event keys kept as log lines

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
    return std::string(s);
}

// A frame of PyTorch itself (eval_frame, nn.Module.__call__, ...), not of the user's program.
bool isFrameworkFile(std::string_view f) {
    // "<torch/nn/modules.py>": Guardscope's own torch sources (the engine's call line skips
    // every "<...>" file too).
    return f.find("/torch/") != std::string_view::npos || f.substr(0, 6) == "torch/" || f.substr(0, 7) == "<torch/";
}

// The user's call site in a dynamo_start stack (outermost first): the frame below the compiled
// function when the stack ends in it, else the innermost user frame.
int callSiteLine(const std::vector<StackFrame>& stack, const std::string& coName) {
    if (stack.empty()) return 0;
    size_t end = stack.size();
    if (!coName.empty() && stack.back().function == coName) --end;
    for (size_t i = end; i-- > 0;)
        if (!isFrameworkFile(stack[i].file)) return static_cast<int>(stack[i].line);
    return 0;
}

// "torch.float32" → "float32"; "device(type='cuda', index=0)" → "cuda:0".
std::string dtypeName(std::string_view d) { return std::string(d.substr(0, 6) == "torch." ? d.substr(6) : d); }
std::string deviceName(std::string_view d) {
    size_t t = d.find("type='");
    if (t == std::string_view::npos) return std::string(d);
    size_t e = d.find('\'', t + 6);
    std::string out(d.substr(t + 6, e == std::string_view::npos ? std::string_view::npos : e - t - 6));
    size_t i = d.find("index=");
    if (i != std::string_view::npos) {
        size_t j = i + 6;
        while (j < d.size() && d[j] >= '0' && d[j] <= '9') ++j;
        out += ":" + std::string(d.substr(i + 6, j - i - 6));
    }
    return out;
}

int dimOfSource(std::string_view src) {
    size_t p = src.rfind(".size()[");
    if (p == std::string_view::npos) return -1;
    int v = 0;
    size_t i = p + 8;
    if (i >= src.size() || src[i] < '0' || src[i] > '9') return -1;
    for (; i < src.size() && src[i] >= '0' && src[i] <= '9' && v < 100000000; ++i) v = v * 10 + (src[i] - '0');
    return v;
}

constexpr size_t kMaxPreStartArtifacts = 4096; // artifacts held for compiles not started yet
constexpr size_t kMaxArtifactsPerCompile = 100000;

bool endsWith(std::string_view s, std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; }
bool startsWith(std::string_view s, std::string_view t) { return s.substr(0, t.size()) == t; }

// Records that the session model holds in its own terms (a compile's stack, graph, guards,
// metrics, reasons, inputs, symbols, cache lookups); every other record is kept verbatim only
// and counted as such in the import summary.
bool isModelled(const TraceEvent& e) {
    static constexpr std::string_view kKeys[] = {"str", "dynamo_start", "dynamo_output_graph", "dynamo_guards", "dynamo_cpp_guards_str",
                                        "compilation_metrics", "describe_tensor", "describe_source", "create_symbol",
                                        "create_unbacked_symbol", "symbolic_shape_specialization", "guard_added_fast", "guard_added"};
    for (std::string_view k : kKeys)
        if (e.is(k)) return true;
    if (!e.is("artifact")) return false;
    const std::string_view n = e.artifactName;
    return n == "recompile_reasons" || n == "dynamo_error" || n == "dynamo_graph_break_reason" ||
           startsWith(n, "fx_graph_cache_") || startsWith(n, "aotautograd_cache_");
}

// fx_graph_cache_hit → (fx_graph, hit); aotautograd_cache_bypass → (aot_autograd, bypass).
std::optional<std::pair<std::string, std::string>> cacheKindOf(std::string_view name) {
    for (auto [prefix, kind] : {std::pair<std::string_view, std::string_view>{"fx_graph_cache_", "fx_graph"}, {"aotautograd_cache_", "aot_autograd"}})
        if (startsWith(name, prefix)) {
            std::string_view result = name.substr(prefix.size());
            if (result == "hit" || result == "miss" || result == "bypass" || result == "hash")
                return std::make_pair(std::string(kind), std::string(result));
        }
    return std::nullopt;
}

// The artifact a compile's record is, for the Compile artifacts view (tlparse's per-compile
// directory, torch-trace-format §1.3.5); nullopt for records modelled as something else
// (its start and stack, input descriptions, shape events, the string table).
std::optional<Artifact> artifactOf(const TraceEvent& e) {
    const std::string_view key = e.key;
    if (key == "str" || key == "dynamo_start" || startsWith(key, "describe_") || key == "create_symbol" ||
        key == "create_unbacked_symbol" || key == "symbolic_shape_specialization" || key == "guard_added_fast" ||
        key == "guard_added" || key == "expression_created" || key == "propagate_real_tensors_provenance")
        return std::nullopt;
    Artifact a;
    a.record = e.record;
    a.bytes = e.bytes;
    a.name = key;
    a.detail = e.detail;
    a.format = e.hasPayload ? "text" : "json";
    if (key == "artifact") {
        const std::string_view n = e.artifactName;
        a.name = n;
        a.format = e.artifactEncoding == "json" ? "json" : "text";
        if (n == "recompile_reasons") a.kind = "reasons";
        else if (cacheKindOf(n)) a.kind = "cache";
        else if (n == "dynamo_error" || n == "dynamo_graph_break_reason") a.kind = "error";
        else if (n == "fx_graph_runnable" || (n.find("graph") != std::string_view::npos && e.artifactEncoding != "json")) {
            a.kind = n == "fx_graph_runnable" ? "code" : "graph";
            a.format = "python";
        } else a.kind = "data";
    } else if (key == "dynamo_output_graph" || endsWith(key, "_graph") || key == "exported_program" ||
               key == "optimize_ddp_split_child" || key == "graph_dump") {
        a.kind = "graph";
        a.format = "python";
        if (!e.detail.empty() && key != "dynamo_output_graph") a.name = std::string(key) + "_" + e.detail;
    } else if (key == "inductor_output_code" || key == "dump_file") {
        a.kind = "code";
        a.format = "python";
    } else if (key == "dynamo_cpp_guards_str" || key == "dynamo_guards") {
        a.kind = "guards";
        a.format = key == "dynamo_guards" ? "json" : "text";
    } else if (key.find("compilation_metrics") != std::string_view::npos) {
        a.kind = "metrics";
        a.format = "json";
    } else if (key == "link") {
        a.kind = "link";
        a.name = e.artifactName.empty() ? key : e.artifactName;
        a.format = "json";
    } else if (key == "chromium_event") {
        a.kind = "chromium_event";
        a.format = "json";
    } else {
        a.kind = "data";
        a.format = e.hasPayload ? "text" : "json";
    }
    return a;
}

} // namespace

struct TraceAssembler::Pending {
    Key key;
    std::string compileId;
    bool started = false, metricsSeen = false, treeGuards = false, limitHit = false;
    int64_t attempt = 0, line = 0;
    std::vector<StackFrame> stack;
    CompileEntry entry;
    std::optional<std::vector<std::string>> reasons;
    CompileMetrics metrics;
    std::vector<ShapeEvent> shapes;
    std::vector<LogLine> logs;
    std::map<std::pair<int64_t, int64_t>, TensorInfo> tensors;
    std::vector<ArgDesc> args;
    std::vector<Artifact> artifacts;
    std::vector<CacheEvent> cache;
};

TraceAssembler::TraceAssembler(EventSink& sink, SessionInfo info, ImportProblems& problems, ImportReport& report)
    : sink_(sink), info_(std::move(info)), problems_(problems), report_(report) {}

TraceAssembler::~TraceAssembler() = default;

void TraceAssembler::begin() {
    if (begun_) return;
    begun_ = true;
    sink_.beginSession(info_);
}

std::string TraceAssembler::compileIdOf(const Key& k) {
    std::string id = k.ca >= 0 ? "!" + std::to_string(k.ca) + "/" : std::string();
    return id + std::to_string(k.frame) + "/" + std::to_string(k.fcid);
}

TraceAssembler::Pending* TraceAssembler::findOpen(const Key& k) {
    for (auto& p : open_)
        if (p->key == k) return p.get();
    return nullptr;
}

std::string TraceAssembler::compileIdOf(const TraceEvent& e) {
    if (e.hasCompileId()) return compileIdOf(Key{e.compiledAutogradId.value_or(-1), *e.frameId, *e.frameCompileId});
    if (e.compiledAutogradId) return "!" + std::to_string(*e.compiledAutogradId) + "/-/-";
    return {};
}

int64_t TraceAssembler::onRecord(TraceRecord& r) {
    begin();
    r.seq = nextRecord_++;
    sink_.record(r);
    return r.seq;
}

void TraceAssembler::countKept(const TraceEvent& e) {
    if (!isModelled(e)) ++kept_[e.is("artifact") && !e.artifactName.empty() ? e.artifactName : e.key];
}

void TraceAssembler::linger(Pending* p) {
    auto it = std::find_if(open_.begin(), open_.end(), [&](const auto& q) { return q.get() == p; });
    if (it == open_.end()) return;
    std::unique_ptr<Pending> keep = std::move(*it);
    open_.erase(it);
    finalizeLingering();
    lingering_ = std::move(keep);
}

void TraceAssembler::finalizeLingering() {
    if (!lingering_) return;
    std::unique_ptr<Pending> p = std::move(lingering_);
    finalize(*p);
}

// The count of `name` in `counts`: a damaged log may make up any number of names (unknown event
// keys, envelope fields), so past kMaxUnknownKinds names the others count as one, "(others)".
static int64_t& countCapped(std::map<std::string, int64_t>& counts, const std::string& name) {
    auto it = counts.find(name);
    if (it == counts.end()) it = counts.emplace(counts.size() < kMaxUnknownKinds ? name : std::string("(others)"), 0).first;
    return it->second;
}

// The first schedule and the first runtime/tensor-meta dump of a compile, as tlparse reads them
// (one file per compile directory); kept also past the artifact list's cap.
static void mergeInductor(InductorSummary& mine, const InductorSummary& theirs) {
    if (theirs.hasCollectives && !mine.hasCollectives) {
        mine.collectives = theirs.collectives;
        mine.hasCollectives = true;
    }
    if (theirs.runtimeMs >= 0 && mine.runtimeMs < 0) {
        mine.runtimeMs = theirs.runtimeMs;
        mine.tensorMeta = theirs.tensorMeta;
    }
}

void TraceAssembler::addArtifact(Pending& p, const TraceEvent& e) {
    mergeInductor(p.entry.inductor, e.inductor);
    auto a = artifactOf(e);
    if (!a || p.artifacts.size() >= kMaxArtifactsPerCompile) return;
    if (auto kind = cacheKindOf(a->name); kind && e.is("artifact"))
        p.cache.push_back({kind->first, e.cache.state.empty() || kind->second != "hash" ? kind->second : e.cache.state, e.cache.key,
                           e.cache.detail, e.record});
    p.artifacts.push_back(std::move(*a));
}

void TraceAssembler::holdPreStart(const Key& k, const TraceEvent& e) {
    if (preStartCount_ >= kMaxPreStartArtifacts) return; // still in the records, only not listed with the compile
    auto a = artifactOf(e);
    if (!a) return;
    Held& held = preStart_[k];
    if (held.artifacts.empty()) held.line = e.line;
    mergeInductor(held.inductor, e.inductor);
    held.artifacts.push_back(std::move(*a));
    ++preStartCount_;
}

void TraceAssembler::takePreStart(Pending& p) {
    auto it = preStart_.find(p.key);
    if (it == preStart_.end()) return;
    preStartCount_ -= it->second.artifacts.size();
    std::vector<Artifact> mine = std::move(it->second.artifacts);
    mergeInductor(p.entry.inductor, it->second.inductor);
    preStart_.erase(it);
    for (auto& a : p.artifacts) mine.push_back(std::move(a));
    p.artifacts = std::move(mine);
    for (const auto& a : p.artifacts)
        if (auto kind = cacheKindOf(a.name); kind && std::none_of(p.cache.begin(), p.cache.end(), [&](const CacheEvent& c) { return c.record == a.record; }))
            p.cache.push_back({kind->first, kind->second, "", "", a.record});
}

void TraceAssembler::onEvent(const TraceEvent& e) {
    begin();
    flushText();
    ++eventCounts_[e.key];
    countKept(e);
    if (e.rank) {
        if (!rank_) rank_ = e.rank;
        else if (*e.rank != *rank_ && !rankChangeReported_) {
            rankChangeReported_ = true;
            problems_.add("rank_conflict", e.line, "the envelope says rank " + std::to_string(*e.rank) + ", earlier records said rank " +
                                                       std::to_string(*rank_));
        }
    }
    for (const auto& [name, value] : e.unknownFields) {
        if (++countCapped(report_.unknownFields, name) == 1 && report_.unknownFields.size() <= kMaxUnknownKinds) {
            std::string text = name;
            text.append(": ").append(value).append(" (beside ").append(e.key).append(", line ").append(std::to_string(e.line)).append(")");
            sink_.log({"unknown_field", "", -1, std::move(text)});
        }
    }
    if (!e.known) {
        if (++countCapped(report_.unknownEvents, e.key) == 1 && report_.unknownEvents.size() <= kMaxUnknownKinds)
            sink_.log({"unknown_event", "", -1, e.key + ": " + e.metadataText.substr(0, 2000)});
        return;
    }
    if (e.is("str")) return;
    if (e.hasCompileId()) {
        Key k{e.compiledAutogradId.value_or(-1), *e.frameId, *e.frameCompileId};
        // A finished compile keeps the records of its id that follow its metrics (the `dynamo`
        // chromium end event, compilation_metrics_runtime) until another compile's record comes.
        if (lingering_ && !(lingering_->key == k)) finalizeLingering();
        if (e.is("dynamo_start")) {
            finalizeLingering();
            startCompile(k, e);
            return;
        }
        if (e.is("artifact") && e.artifactIs("recompile_reasons")) {
            if (Pending* p = findOpen(k)) addArtifact(*p, e);
            else holdPreStart(k, e);
            onReasons(k, e);
            return;
        }
        Pending* p = findOpen(k);
        if (!p && lingering_ && !e.is("dynamo_output_graph") && !e.is("dynamo_cpp_guards_str") && !e.is("dynamo_guards") &&
            !e.is("compilation_metrics")) {
            addArtifact(*lingering_, e);
            return;
        }
        // events that only a compile produces open one even without its dynamo_start (a log
        // that starts mid-compile); anything else before a compile's start (its first chromium
        // events) is held for it
        if (!p && (e.is("dynamo_output_graph") || e.is("dynamo_cpp_guards_str") || e.is("dynamo_guards") ||
                   e.is("compilation_metrics")))
            p = &startCompile(k, e);
        if (p) {
            addArtifact(*p, e);
            apply(*p, e);
        } else {
            holdPreStart(k, e);
        }
        return;
    }
    // no compile id (torch.export traces, `stack` envelopes): shape events and messages only
    if (e.is("create_symbol") || e.is("create_unbacked_symbol") || e.is("symbolic_shape_specialization") ||
        e.is("guard_added_fast") || e.is("guard_added")) {
        sink_.shapeEvent(shapeEvent(e));
    } else if (e.is("artifact") && e.hasPayload && e.artifactIs("dynamo_graph_break_reason")) {
        sink_.log({"graph_breaks", "", -1, trimmed(e.payload)});
    } else if (e.is("artifact") && e.hasPayload && e.artifactIs("dynamo_error")) {
        sink_.log({"error", "", -1, trimmed(e.payload)});
    }
}

TraceAssembler::Pending& TraceAssembler::startCompile(const Key& k, const TraceEvent& e) {
    resolveOrphanReasons(&k);
    // The same id again, not as a restarted attempt: torch._dynamo.reset() emptied the caches
    // and the counters (dynamo-semantics §1.6), so ids start over (torch-trace-format §1.3.3).
    const bool restart = e.attempt.value_or(0) > 0;
    if (!restart && !epochKeys_.insert(k).second) {
        startEpoch();
        epochKeys_.insert(k);
    }
    if (Pending* old = findOpen(k)) closeOpen(old); // a restarted attempt replaces the open one
    auto p = std::make_unique<Pending>();
    p->key = k;
    p->compileId = compileIdOf(k);
    p->line = e.line;
    ++occurrences_[k];
    auto it = pendingReasons_.find(k);
    if (it != pendingReasons_.end()) {
        p->reasons = std::move(it->second.first);
        pendingReasons_.erase(it);
    }
    if (e.is("dynamo_start")) {
        p->started = true;
        p->stack = e.stack;
    }
    takePreStart(*p);
    open_.push_back(std::move(p));
    if (open_.size() > kMaxOpenCompiles) closeOpen(open_.front().get());
    return *open_.back();
}

// A reset is sent where the log shows it, so that the live view, the store and every reader
// see epochs as the engine's sessions have them (session::Reset). Everything of the old epoch
// is sent first: nothing compiled before reset() can go on after it.
void TraceAssembler::startEpoch() {
    finalizeLingering();
    while (!open_.empty()) closeOpen(open_.front().get());
    epochKeys_.clear();
    Reset r;
    r.callIndex = nextCall_; // the call of the next compile; frames/compiles are set by the receiver
    sink_.reset(r);
    ++resetsSent_;
}

void TraceAssembler::onReasons(const Key& k, const TraceEvent& e) {
    if (!e.reasonsValid) return; // reported by the decoder
    if (Pending* p = findOpen(k); p && !p->reasons) {
        p->reasons = e.reasons;
        return;
    }
    if (pendingReasons_.count(k)) resolveOrphanReasons(nullptr); // an earlier one was never compiled
    pendingReasons_[k] = {e.reasons, e.line};
}

void TraceAssembler::resolveOrphanReasons(const Key* except) {
    for (auto it = pendingReasons_.begin(); it != pendingReasons_.end();) {
        if (except && it->first == *except) {
            ++it;
            continue;
        }
        Pending p;
        p.key = it->first;
        p.compileId = compileIdOf(p.key);
        p.line = it->second.second;
        p.reasons = std::move(it->second.first);
        p.limitHit = true;
        ++occurrences_[p.key];
        takePreStart(p);
        finalize(p);
        it = pendingReasons_.erase(it);
    }
}

ShapeEvent TraceAssembler::shapeEvent(const TraceEvent& e) const {
    ShapeEvent s;
    const ShapeInfo& i = e.shape;
    s.symbol = i.symbol;
    if (e.is("create_symbol") || e.is("create_unbacked_symbol")) {
        s.kind = ShapeEventKind::CreateSymbol;
        s.source = i.source;
        s.range = i.vr;
        s.hint = hintOf(i.val, false);
        s.text = e.is("create_symbol") ? "create_symbol " + i.symbol + " = " + i.val + " for " + i.source + " " + i.vr
                                          : "create_unbacked_symbol " + i.symbol + " " + i.vr;
    } else if (e.is("symbolic_shape_specialization")) {
        s.kind = ShapeEventKind::Specialization;
        s.source = !i.sources.empty() ? i.sources.front() : i.source;
        s.text = i.reason;
        s.hint = hintOf(i.val, true);
    } else {
        s.kind = ShapeEventKind::GuardAdded;
        s.text = i.expr;
    }
    s.dim = dimOfSource(s.source);
    return s;
}

void TraceAssembler::apply(Pending& p, const TraceEvent& e) {
    if (e.attempt) p.attempt = std::max(p.attempt, *e.attempt);
    const std::string_view key = e.key;
    if (key == "dynamo_output_graph") {
        if (!e.hasPayload || !e.payloadComplete) return;
        GraphParse g = GraphText::parse(e.payload, e.sizes);
        if (!g.found) problems_.add("bad_graph", e.line, "dynamo_output_graph payload has no forward()");
        p.entry.graph = std::move(g.nodes);
    } else if (key == "dynamo_cpp_guards_str") {
        if (!e.hasPayload || !e.payloadComplete) return;
        GuardTreeParse t = GuardTreeText::parse(e.payload);
        if (t.badLines > 0)
            problems_.add("bad_guards", e.line, std::to_string(t.badLines) + " guard tree line(s) not understood, first: " + t.firstBadLine);
        p.entry.guards = std::move(t.guards);
        p.entry.guardsText = std::string(e.payload);
        p.treeGuards = true;
    } else if (key == "dynamo_guards") {
        if (p.treeGuards || !e.jsonGuardsValid) return; // the tree is richer when both are logged
        std::vector<Guard> guards;
        Guard root;
        root.kind = "RootGuardManager";
        guards.push_back(root);
        for (const JsonGuard& jg : e.jsonGuards) {
            Guard g;
            g.id = static_cast<int>(guards.size());
            g.parent = 0;
            g.code = jg.code;
            g.kind = ReasonClassifier::guardKindOfCode(jg.code);
            if (g.kind.empty()) g.kind = "LAMBDA_GUARD";
            // a flat list: every guard is root-level, so no source (as in trees; GuardDiff
            // matches root-level guards by the source named in their code)
            if (jg.where) {
                g.file = jg.where->file;
                g.line = static_cast<int>(jg.where->line);
                g.userCode = jg.where->text;
            }
            guards.push_back(std::move(g));
        }
        p.entry.guards = std::move(guards);
    } else if (key == "compilation_metrics") {
        p.metrics = e.metrics;
        p.metricsSeen = true;
        if (e.attempt) p.attempt = *e.attempt; // logged with the final attempt (§1.3.5)
        if (configJson_.empty() && !e.metrics.dynamoConfig.empty()) configJson_ = e.metrics.dynamoConfig;
        if (configKnobs_.empty()) configKnobs_ = e.metrics.configKnobs;
        if (pythonVersion_.empty()) pythonVersion_ = e.metrics.pythonVersion;
        if (logFormatVersion_ < 0) logFormatVersion_ = e.metrics.logFormatVersion;
        linger(&p);
    } else if (key == "create_symbol" || key == "create_unbacked_symbol" || key == "symbolic_shape_specialization" ||
               key == "guard_added_fast" || key == "guard_added") {
        ShapeEvent s = shapeEvent(e);
        if (s.kind == ShapeEventKind::CreateSymbol && !s.symbol.empty() &&
            std::find(p.entry.symbols.begin(), p.entry.symbols.end(), s.symbol) == p.entry.symbols.end())
            p.entry.symbols.push_back(s.symbol);
        p.shapes.push_back(std::move(s));
    } else if (key == "describe_tensor") {
        p.tensors[{e.tensor.describerId, e.tensor.id}] = e.tensor;
    } else if (key == "describe_source") {
        auto it = p.tensors.find({e.source.describerId, e.source.id});
        if (it == p.tensors.end()) return;
        const TensorInfo& t = it->second;
        ArgDesc a;
        a.source = e.source.source;
        a.kind = "tensor";
        a.type = t.isParameter ? "Parameter" : "Tensor";
        a.shape = t.size;
        a.stride = t.stride;
        a.dtype = dtypeName(t.dtype);
        a.device = deviceName(t.device);
        a.requiresGrad = t.requiresGrad;
        p.args.push_back(std::move(a));
    } else if (key == "artifact" && e.hasPayload) {
        if (e.artifactIs("dynamo_graph_break_reason")) p.logs.push_back({"graph_breaks", p.compileId, -1, trimmed(e.payload)});
        else if (e.artifactIs("dynamo_error")) p.logs.push_back({"error", p.compileId, -1, trimmed(e.payload)});
    }
}

TraceAssembler::FrameState& TraceAssembler::frameFor(const Pending& p) {
    Frame f;
    if (p.metricsSeen && !p.metrics.coName.empty()) {
        f.name = p.metrics.coName;
        f.file = p.metrics.coFilename;
        f.firstLine = static_cast<int>(std::clamp<int64_t>(p.metrics.coFirstLine, 0, INT32_MAX));
    } else if (!p.stack.empty()) {
        f.name = p.stack.back().function;
        f.file = p.stack.back().file;
        f.firstLine = static_cast<int>(std::clamp<int64_t>(p.stack.back().line, 0, INT32_MAX));
    }
    auto key = std::make_pair(p.key.ca, p.key.frame);
    auto it = frames_.find(key);
    bool known = !f.name.empty();
    if (it != frames_.end()) {
        const Frame& old = it->second.frame;
        // after torch._dynamo.reset() a frame id can name another code object: a new frame
        if (!known || (old.name == f.name && old.file == f.file && old.firstLine == f.firstLine)) return it->second;
    }
    if (!known) f.name = "<unknown>";
    int id = static_cast<int>(std::clamp<int64_t>(p.key.frame, 0, INT32_MAX));
    if (p.key.ca >= 0 || usedFrameIds_.count(id)) {
        id = usedFrameIds_.empty() ? 0 : usedFrameIds_.rbegin()->first;
        if (id < INT32_MAX) ++id;
        else
            for (id = 0; usedFrameIds_.count(id); ++id) {} // ids near INT32_MAX in a hostile log
    }
    usedFrameIds_[id] = true;
    FrameState& st = frames_[key];
    st = FrameState{};
    st.sessionId = id;
    st.frame = f;
    st.frame.id = id;
    sink_.frame(st.frame);
    ++framesSent_;
    return st;
}

void TraceAssembler::closeOpen(Pending* p) {
    auto it = std::find_if(open_.begin(), open_.end(), [&](const auto& q) { return q.get() == p; });
    if (it == open_.end()) return;
    std::unique_ptr<Pending> keep = std::move(*it);
    open_.erase(it);
    finalize(*keep);
}

void TraceAssembler::finalize(Pending& p) {
    FrameState& fs = frameFor(p);
    const int64_t callIndex = nextCall_++;
    CompileEntry& c = p.entry;
    c.compileId = p.compileId;
    c.frameId = fs.sessionId;
    c.frameCompileId = static_cast<int>(std::clamp<int64_t>(p.key.fcid, 0, INT32_MAX));
    c.attempt = static_cast<int>(std::clamp<int64_t>(p.attempt, 0, INT32_MAX));
    c.causedByCall = callIndex;
    c.stack = std::move(p.stack);
    c.metrics = std::move(p.metrics.all);
    c.cache = std::move(p.cache);
    c.artifacts = std::move(p.artifacts);
    const CompileMetrics& m = p.metrics;
    if (p.limitHit) {
        c.status = EntryStatus::LimitHit;
        c.failReason = "recompile limit hit: recompile reasons were logged but no compile followed";
    } else if (!p.metricsSeen) {
        c.status = EntryStatus::Failed;
        c.failReason = "incomplete: the log has no compilation_metrics for this compile (truncated log or crashed compile)";
        ++incomplete_;
        problems_.add("incomplete_compile", p.line, "compile " + p.compileId + " has no compilation_metrics");
    } else if (m.failType || m.failReason) {
        std::string type = m.failType.value_or(""), reason = m.failReason.value_or("");
        bool limit = type.find("RecompileLimit") != std::string::npos || type.find("CacheLimit") != std::string::npos;
        c.status = limit ? EntryStatus::LimitHit : EntryStatus::Failed;
        c.failReason = type.empty() ? reason : reason.empty() ? type : type + ": " + reason;
    }
    if (c.status == EntryStatus::Failed) ++failures_;
    if (c.status == EntryStatus::LimitHit) ++limitHits_;
    int64_t calls = 0;
    for (const auto& n : c.graph) calls += n.op.rfind("call_", 0) == 0;
    c.opCount = static_cast<int>(m.graphOpCount >= 0 ? std::min<int64_t>(m.graphOpCount, INT32_MAX) : calls);
    if (m.compileTimeS >= 0) c.compileTimeUs = m.compileTimeS * 1e6;
    else if (m.durationUs >= 0) c.compileTimeUs = double(m.durationUs);
    else if (m.dynamoCumulativeUs >= 0) c.compileTimeUs = double(m.dynamoCumulativeUs);
    if (p.attempt > 0 || !m.restartReasons.empty()) {
        ++restarts_;
        for (const auto& r : m.restartReasons) p.logs.push_back({"graph_breaks", p.compileId, -1, "restart: " + r});
    }
    if (c.status == EntryStatus::Failed && p.metricsSeen) p.logs.push_back({"error", p.compileId, -1, c.failReason});

    std::vector<std::string> reasonTexts;
    if (p.reasons) reasonTexts = *p.reasons;
    else if (p.key.fcid > 0 && m.recompileReason) reasonTexts.push_back(*m.recompileReason);
    const bool isRecompile = p.key.fcid > 0 || p.reasons.has_value();
    Call call;
    call.index = callIndex;
    call.frameId = fs.sessionId;
    call.line = callSiteLine(c.stack, fs.frame.name);
    call.args = std::move(p.args);
    if (isRecompile) {
        Recompile r;
        r.compileId = p.compileId;
        r.frameId = fs.sessionId;
        r.callIndex = callIndex;
        r.limitHit = c.status == EntryStatus::LimitHit;
        for (const auto& text : reasonTexts) {
            r.reasons.push_back(ReasonClassifier::classify(text));
            call.tried.push_back({r.reasons.back().failedEntryId, false, -1, r.reasons.back().text, {}, 0});
        }
        ReasonClassifier::refine(r);
        sink_.recompile(r);
        if (!r.limitHit) ++recompilesSent_;
    }
    for (auto& s : p.shapes) {
        s.compileId = p.compileId;
        s.callIndex = callIndex;
        sink_.shapeEvent(s);
    }
    // What is needed of the entry once it is sent is taken first: the sink takes it (no copy).
    const EntryStatus status = c.status;
    if (status == EntryStatus::Ok && !c.guards.empty()) {
        if (isRecompile && !fs.lastGuards.empty()) {
            GuardDiffResult d = GuardDiff::diff(fs.lastGuards, c.guards);
            std::string text = "guards of " + p.compileId + " compared with " + fs.lastCompileId + ":";
            text += d.empty() ? std::string(" no differences") : "\n" + GuardDiff::toText(d);
            p.logs.push_back({"guard_diff", p.compileId, -1, trimmed(text)}); // sent below, after the call
        }
        fs.lastGuards = c.guards;
        fs.lastCompileId = p.compileId;
    }
    sink_.takeCompile(std::move(c));
    ++compilesSent_;
    if (status == EntryStatus::Ok) call.outcome = isRecompile ? CallOutcome::Recompiled : CallOutcome::Compiled;
    else if (p.limitHit) call.outcome = CallOutcome::RunOnly;
    else call.outcome = CallOutcome::Failed;
    if (status == EntryStatus::Ok) call.entryId = p.compileId;
    sink_.call(call);
    if (status == EntryStatus::Ok) ++fs.entries;
    for (auto& l : p.logs) {
        l.compileId = p.compileId;
        l.callIndex = callIndex;
        sink_.log(l);
    }
}

void TraceAssembler::onText(char level, std::string_view prefixKey, std::string_view content) {
    begin();
    finalizeLingering();
    if (!text_.empty() && prefixKey == textKey_ && level == textLevel_) {
        text_ += "\n";
        text_ += content;
        return;
    }
    flushText();
    textKey_ = std::string(prefixKey);
    textLevel_ = level;
    text_ = std::string(content);
}

void TraceAssembler::flushText() {
    if (text_.empty()) return;
    LogLine l;
    l.channel = textLevel_ == 'W' ? "warning" : (textLevel_ == 'E' || textLevel_ == 'C') ? "error" : "output";
    std::string_view t = text_;
    // "[0/8] torch._dynamo hit config.recompile_limit (8)": the tag names the compile
    if (t.size() > 2 && t.front() == '[') {
        size_t close = t.find("] ");
        if (close != std::string_view::npos && close < 24 && t.substr(1, close - 1).find('/') != std::string_view::npos) {
            l.compileId = std::string(t.substr(1, close - 1));
            t.remove_prefix(close + 2);
        }
    }
    l.text = std::string(t);
    sink_.log(l);
    text_.clear();
    textKey_.clear();
}

void TraceAssembler::addMetadata(SessionInfo& info) const {
    auto& md = info.metadata;
    md["source_format"] = "torch_trace";
    // The rank comes from the file name where it has one (TORCH_TRACE names each process's file);
    // the envelope's rank only where the name has none. A disagreement is a problem (finish()).
    if (rank_) {
        if (md.count("rank") && md["rank"] != std::to_string(*rank_)) md["envelope_rank"] = std::to_string(*rank_);
        else md["rank"] = std::to_string(*rank_);
    }
    md["lines"] = std::to_string(report_.lines);
    md["records"] = std::to_string(report_.records);
    md["bytes"] = std::to_string(report_.bytes);
    int64_t problems = 0;
    for (const auto& [k, n] : report_.problems) {
        md["problem." + k] = std::to_string(n);
        problems += n;
    }
    md["problems"] = std::to_string(problems);
    for (const auto& [k, n] : report_.unknownEvents) md["unknown_event." + k] = std::to_string(n);
    for (const auto& [k, n] : report_.unknownFields) md["unknown_field." + k] = std::to_string(n);
    // what the log holds that the model does not (kept verbatim in the records, shown as artifacts)
    for (const auto& [k, n] : kept_) md["kept." + k] = std::to_string(n);
    std::string counts = "{";
    for (const auto& [k, n] : eventCounts_) counts += (counts.size() > 1 ? ", \"" : "\"") + k + "\": " + std::to_string(n);
    md["event_counts"] = counts + "}";
    md["restarts"] = std::to_string(restarts_);
    md["failures"] = std::to_string(failures_);
    md["limit_hits"] = std::to_string(limitHits_);
    md["incomplete_compiles"] = std::to_string(incomplete_);
    for (const auto& [k, v] : configKnobs_) md["dynamo_config." + k] = v;
    if (!pythonVersion_.empty()) md["python_version"] = pythonVersion_;
    if (logFormatVersion_ >= 0) md["log_format_version"] = std::to_string(logFormatVersion_);
    if (!configJson_.empty()) info.configJson = configJson_;
}

void TraceAssembler::finish(SessionStatus status) {
    if (!begun_) return;
    flushText();
    finalizeLingering();
    resolveOrphanReasons(nullptr);
    // Compile ids that only artifacts name — no dynamo_start, no metrics: a log that begins
    // mid-compile, or that holds Inductor's artifacts alone (vLLM's graph dumps) — are compiles of
    // their own, as tlparse lists their directories; without metrics they end incomplete. An id
    // compiled earlier in this epoch is not started again (that would read as a reset).
    while (!preStart_.empty()) {
        const auto it = preStart_.begin();
        if (epochKeys_.count(it->first)) {
            preStartCount_ -= it->second.artifacts.size();
            preStart_.erase(it);
            continue;
        }
        TraceEvent held;
        held.key = "artifact";
        held.line = it->second.line;
        const Key k = it->first;
        startCompile(k, held); // takes the held artifacts
        preStart_.erase(k);    // (already gone: no second round for it)
    }
    while (!open_.empty()) closeOpen(open_.front().get());
    // Frames at (or over) the recompile limit (torch-trace-format §6 item 6).
    int64_t limit = -1;
    for (const auto& [k, v] : configKnobs_)
        if ((k == "recompile_limit" || (k == "cache_size_limit" && limit < 0)) && !v.empty() && v.find_first_not_of("0123456789") == std::string::npos && v.size() < 18)
            limit = std::stoll(v);
    if (limit > 0)
        for (const auto& [key, fs] : frames_)
            if (fs.entries >= limit)
                sink_.log({"warning", fs.lastCompileId, -1,
                           "'" + fs.frame.name + "' (" + fs.frame.file + ":" + std::to_string(fs.frame.firstLine) + ") has " +
                               std::to_string(fs.entries) + " cache entries, the recompile_limit is " + std::to_string(limit)});
    if (auto it = info_.metadata.find("rank"); rank_ && it != info_.metadata.end() && it->second != std::to_string(*rank_))
        problems_.add("rank_conflict", 0, "the file name says rank " + it->second + " but its records say rank " + std::to_string(*rank_) +
                                              "; the file name's rank is used");
    for (const auto& w : report_.warnings) sink_.log({"warning", "", -1, w});
    SessionInfo info = info_;
    addMetadata(info);
    sink_.updateInfo(info);
    sink_.endSession(status);
}

} // namespace gs::trace
