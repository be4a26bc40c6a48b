#include "core/store/SessionReader.h"

#include "core/store/CompileDetailCodec.h"
#include "core/store/Database.h"
#include "core/store/CallChunk.h"
#include "core/store/RecordArchive.h"
#include "core/store/ValueCodec.h"
#include "core/store/WriterIdentity.h"

namespace gs::store {

using namespace gs::session;

namespace {

constexpr std::string_view kRowColumns =
    "SELECT id, title, kind, created, status, grp, n_calls, n_compiles, n_recompiles, writer_host, writer_pid, "
    "writer_token FROM sessions";

} // namespace

void SessionReader::damaged(std::string_view what) const {
    throw StoreError("'" + db_.path() + "' is damaged (" + std::string(what) +
                     "). Move it aside and Guardscope will start a new database, or restore it from a backup.");
}

// A `running` session whose writer process is gone was cut off (crash, kill -9): show it as
// `interrupted` (issue 4).
static SessionStatus effectiveStatus(SessionStatus stored, const Statement& st, int hostCol) {
    if (stored != SessionStatus::Running) return stored;
    WriterIdentity w{st.text(hostCol), st.int64(hostCol + 1), st.text(hostCol + 2)};
    return w.alive() ? SessionStatus::Running : SessionStatus::Interrupted;
}

static std::optional<SessionRow> readRow(const Statement& st) {
    SessionRow r;
    r.id = st.int64(0);
    r.title = st.text(1);
    auto kind = sessionKindFromString(st.textView(2));
    auto status = sessionStatusFromString(st.textView(4));
    if (!kind || !status) return std::nullopt;
    r.kind = *kind;
    r.created = st.text(3);
    r.status = effectiveStatus(*status, st, 9);
    r.group = st.text(5);
    r.calls = st.int64(6);
    r.compiles = st.int64(7);
    r.recompiles = st.int64(8);
    return r;
}

std::vector<SessionRow> SessionReader::list() {
    auto& st = db_.cached(std::string(kRowColumns) + " ORDER BY id");
    std::vector<SessionRow> out;
    while (st.step()) {
        auto r = readRow(st);
        if (!r) damaged("session " + std::to_string(st.int64(0)) + " has an unknown kind or status");
        out.push_back(std::move(*r));
    }
    return out;
}

std::optional<SessionRow> SessionReader::row(int64_t id) {
    auto& st = db_.cached(std::string(kRowColumns) + " WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    auto r = readRow(st);
    if (!r) damaged("session " + std::to_string(id) + " has an unknown kind or status");
    st.reset();
    return r;
}

SessionInfo SessionReader::info(int64_t id) {
    auto& st = db_.cached("SELECT id, kind, title, created, source_path, source_text, engine_version, config_json, "
                          "status, grp, writer_host, writer_pid, writer_token FROM sessions WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        throw StoreError("there is no session " + std::to_string(id) + " in '" + db_.path() +
                         "'. Run `guardscope-cli sessions list` to see the ids.");
    SessionInfo i;
    i.id = st.int64(0);
    auto kind = sessionKindFromString(st.textView(1));
    auto status = sessionStatusFromString(st.textView(8));
    if (!kind || !status) damaged("session " + std::to_string(id) + " has an unknown kind or status");
    i.kind = *kind;
    i.title = st.text(2);
    i.created = st.text(3);
    i.sourcePath = st.text(4);
    i.sourceText = st.text(5);
    i.engineVersion = st.text(6);
    i.configJson = st.text(7);
    i.status = effectiveStatus(*status, st, 10);
    i.group = st.text(9);
    st.reset();
    auto& md = db_.cached("SELECT key, value FROM session_metadata WHERE session_id = ? ORDER BY key");
    md.bind(1, id);
    while (md.step()) i.metadata.emplace(md.text(0), md.text(1));
    return i;
}

std::vector<CompileEntry> SessionReader::compiles(int64_t id) {
    std::vector<CompileEntry> out;
    auto& st = db_.cached("SELECT seq, compile_id, frame_id, frame_compile_id, attempt, caused_by_call, status, "
                          "fail_reason, op_count, symbols, hit_count, compile_time_us, guards_text, stack, metrics, "
                          "cache, artifacts, inductor FROM compiles WHERE session_id = ? ORDER BY seq");
    st.bind(1, id);
    CompileDetailCodec details; // metrics refer to the previous compile's (CompileDetailCodec)
    while (st.step()) {
        if (st.int64(0) != static_cast<int64_t>(out.size())) damaged("compile entries are out of sequence");
        CompileEntry c;
        c.compileId = st.text(1);
        c.frameId = st.integer(2);
        c.frameCompileId = st.integer(3);
        c.attempt = st.integer(4);
        c.causedByCall = st.int64(5);
        auto status = entryStatusFromString(st.textView(6));
        auto symbols = ValueCodec::decodeStrings(st.textView(9));
        if (!status || !symbols) damaged("compile entry " + c.compileId + " cannot be decoded");
        c.status = *status;
        c.failReason = st.text(7);
        c.opCount = st.integer(8);
        c.symbols = std::move(*symbols);
        c.hitCount = st.int64(10);
        c.compileTimeUs = st.real(11);
        c.guardsText = st.text(12);
        auto stack = CompileDetailCodec::decodeStack(st.textView(13));
        auto metrics = details.decodeMetrics(st.textView(14));
        auto cache = CompileDetailCodec::decodeCache(st.textView(15));
        auto artifacts = CompileDetailCodec::decodeArtifacts(st.textView(16));
        auto inductor = CompileDetailCodec::decodeInductor(st.textView(17));
        if (!stack || !metrics || !cache || !artifacts || !inductor) damaged("compile entry " + c.compileId + " has details that cannot be decoded");
        c.stack = std::move(*stack);
        c.metrics = std::move(*metrics);
        c.cache = std::move(*cache);
        c.artifacts = std::move(*artifacts);
        c.inductor = std::move(*inductor);
        out.push_back(std::move(c));
    }
    auto& nodes = db_.cached("SELECT compile_seq, node_id, name, op, target, args, shape, dtype, line, stride, device, "
                             "file, function, code FROM "
                             "graph_nodes WHERE session_id = ? ORDER BY compile_seq, pos");
    nodes.bind(1, id);
    while (nodes.step()) {
        const int64_t seq = nodes.int64(0);
        auto args = ValueCodec::decodeStrings(nodes.textView(5));
        if (seq < 0 || seq >= static_cast<int64_t>(out.size()) || !args) damaged("a graph node cannot be decoded");
        out[static_cast<size_t>(seq)].graph.push_back(GraphNode{nodes.integer(1), nodes.text(2), nodes.text(3),
                                                                nodes.text(4), std::move(*args), nodes.text(6),
                                                                nodes.text(7), nodes.integer(8), nodes.text(9),
                                                                nodes.text(10), nodes.text(11), nodes.text(12),
                                                                nodes.text(13)});
    }
    auto& guards = db_.cached("SELECT compile_seq, guard_id, parent, kind, source, code, user_code, file, line "
                              "FROM guards WHERE session_id = ? ORDER BY compile_seq, pos");
    guards.bind(1, id);
    while (guards.step()) {
        const int64_t seq = guards.int64(0);
        if (seq < 0 || seq >= static_cast<int64_t>(out.size())) damaged("a guard belongs to no compile entry");
        out[static_cast<size_t>(seq)].guards.push_back(Guard{guards.integer(1), guards.integer(2), guards.text(3),
                                                             guards.text(4), guards.text(5), guards.text(6),
                                                             guards.text(7), guards.integer(8)});
    }
    return out;
}

std::vector<Recompile> SessionReader::recompiles(int64_t id) {
    std::vector<Recompile> out;
    auto& st = db_.cached("SELECT seq, compile_id, frame_id, call_index, limit_hit FROM recompiles "
                          "WHERE session_id = ? ORDER BY seq");
    st.bind(1, id);
    while (st.step()) {
        if (st.int64(0) != static_cast<int64_t>(out.size())) damaged("recompiles are out of sequence");
        out.push_back(Recompile{st.text(1), st.integer(2), st.int64(3), st.int64(4) != 0, {}});
    }
    auto& rs = db_.cached("SELECT recompile_seq, failed_entry_id, text, category, guard_kind, source, expected, "
                          "actual, dim, fix, all_failures FROM recompile_reasons WHERE session_id = ? "
                          "ORDER BY recompile_seq, pos");
    rs.bind(1, id);
    while (rs.step()) {
        const int64_t seq = rs.int64(0);
        auto category = reasonCategoryFromString(rs.textView(3));
        auto all = ValueCodec::decodeStrings(rs.textView(10));
        if (seq < 0 || seq >= static_cast<int64_t>(out.size()) || !category || !all)
            damaged("a recompile reason cannot be decoded");
        out[static_cast<size_t>(seq)].reasons.push_back(RecompileReason{rs.text(1), rs.text(2), *category,
                                                                        rs.text(4), rs.text(5), rs.text(6),
                                                                        rs.text(7), rs.integer(8), rs.text(9),
                                                                        std::move(*all)});
    }
    return out;
}

Session SessionReader::loadWithoutCalls(int64_t id) {
    Session s;
    s.info = info(id);
    auto& fr = db_.cached("SELECT frame_id, name, file, first_line FROM frames WHERE session_id = ? ORDER BY seq");
    fr.bind(1, id);
    while (fr.step()) s.frames.push_back(Frame{fr.integer(0), fr.text(1), fr.text(2), fr.integer(3)});
    s.compiles = compiles(id);
    s.recompiles = recompiles(id);
    auto& se = db_.cached("SELECT kind, compile_id, call_index, symbol, source, dim, hint, range, sizes_seen, text, "
                          "line FROM shape_events WHERE session_id = ? ORDER BY seq");
    se.bind(1, id);
    while (se.step()) {
        auto kind = shapeEventKindFromString(se.textView(0));
        if (!kind) damaged("a shape event has an unknown kind");
        s.shapeEvents.push_back(ShapeEvent{*kind, se.text(1), se.int64(2), se.text(3), se.text(4), se.integer(5),
                                           se.int64(6), se.text(7), se.text(8), se.text(9), se.integer(10)});
    }
    auto& lg = db_.cached("SELECT channel, compile_id, call_index, text FROM logs WHERE session_id = ? ORDER BY seq");
    lg.bind(1, id);
    while (lg.step()) s.logs.push_back(LogLine{lg.text(0), lg.text(1), lg.int64(2), lg.text(3)});
    auto& ts = db_.cached("SELECT name, class_name, status, message, file, line FROM tests WHERE session_id = ? "
                          "ORDER BY seq");
    ts.bind(1, id);
    while (ts.step()) {
        auto status = testStatusFromString(ts.textView(2));
        if (!status) damaged("a test result has an unknown status");
        s.tests.push_back(TestResult{ts.text(0), ts.text(1), *status, ts.text(3), ts.text(4), ts.integer(5)});
    }
    auto& rs = db_.cached("SELECT call_index, line, frames, compiles FROM resets WHERE session_id = ? ORDER BY seq");
    rs.bind(1, id);
    while (rs.step()) s.resets.push_back(Reset{rs.int64(0), rs.integer(1), rs.int64(2), rs.int64(3)});
    // Stored before schema 5 (no reset rows): the repeated ids tell where the resets were.
    if (s.resets.empty()) s.resets = inferResets(s);
    return s;
}

int64_t SessionReader::recordCount(int64_t id) {
    auto& st = db_.cached("SELECT coalesce(sum(n_records), 0) FROM trace_chunks WHERE session_id = ?");
    st.bind(1, id);
    st.step();
    const int64_t n = st.int64(0);
    st.reset();
    return n;
}

std::vector<TraceRecord> SessionReader::records(int64_t id, int64_t firstSeq, int64_t count) {
    std::vector<TraceRecord> out;
    if (count <= 0) return out;
    // Chunks in seq order from the first that can hold firstSeq; each is decompressed whole.
    auto& st = db_.cached("SELECT first_seq, n_records, raw_bytes, codec, data FROM trace_chunks WHERE session_id = ? "
                          "AND last_seq >= ? ORDER BY first_seq, rowid");
    st.bind(1, id).bind(2, firstSeq);
    std::vector<TraceRecord> chunk;
    while (static_cast<int64_t>(out.size()) < count && st.step()) {
        if (st.textView(3) != "zstd") damaged("a record chunk uses an unknown codec");
        auto raw = RecordArchive::decompress(st.blobView(4), st.int64(2));
        chunk.clear();
        if (!raw || !RecordArchive::unpack(*raw, chunk) || static_cast<int64_t>(chunk.size()) != st.int64(1))
            damaged("a chunk of imported log records cannot be decoded");
        for (auto& r : chunk) {
            if (r.seq < firstSeq) continue;
            out.push_back(std::move(r));
            if (static_cast<int64_t>(out.size()) == count) break;
        }
    }
    st.reset();
    return out;
}

int64_t SessionReader::callCount(int64_t id) {
    auto& st = db_.cached("SELECT (SELECT coalesce(sum(n_calls), 0) FROM call_chunks WHERE session_id = ?1) + "
                          "(SELECT count(*) FROM calls WHERE session_id = ?1)");
    st.bind(1, id);
    st.step();
    const int64_t n = st.int64(0);
    st.reset();
    return n;
}

CallChunkCounts SessionReader::callCounts(int64_t id) {
    CallChunkCounts c;
    auto& st = db_.cached("SELECT coalesce(sum(n_calls), 0), coalesce(sum(n_hits), 0), coalesce(sum(n_run_only), 0), "
                          "coalesce(sum(n_stale), 0) FROM call_chunks WHERE session_id = ?");
    st.bind(1, id);
    st.step();
    c.calls = st.int64(0);
    c.hits = st.int64(1);
    c.runOnly = st.int64(2);
    c.stale = st.int64(3);
    st.reset();
    return c;
}

// Calls are in chunks (schema 5 on) or in rows (sessions recorded before): a session has one or
// the other. A chunk's calls have ascending indexes, and chunks follow each other.
std::vector<Call> SessionReader::calls(int64_t id, int64_t firstIndex, int64_t count) {
    std::vector<Call> out;
    if (count <= 0) return out;
    auto& start = db_.cached("SELECT max(first_idx) FROM call_chunks WHERE session_id = ? AND first_idx <= ?");
    start.bind(1, id).bind(2, firstIndex);
    start.step();
    const bool before = !start.isNull(0);
    const int64_t from = before ? start.int64(0) : firstIndex;
    start.reset();
    auto& chunks = db_.cached("SELECT first_idx, data FROM call_chunks WHERE session_id = ? AND first_idx >= ? "
                              "ORDER BY first_idx");
    chunks.bind(1, id).bind(2, from);
    bool any = false;
    while (static_cast<int64_t>(out.size()) < count && chunks.step()) {
        any = true;
        for (auto& c : decodeCallChunk(chunks.blobView(1), chunks.int64(0))) {
            if (c.index < firstIndex) continue;
            if (static_cast<int64_t>(out.size()) == count) break;
            out.push_back(std::move(c));
        }
    }
    chunks.reset();
    if (any || before) return out;
    return callRows(id, firstIndex, count);
}

std::vector<CallChunkInfo> SessionReader::callChunks(int64_t id) {
    std::vector<CallChunkInfo> out;
    auto& st = db_.cached("SELECT first_idx, last_idx, n_calls, n_hits, n_run_only, summary, n_stale, hit_spans "
                          "FROM call_chunks WHERE session_id = ? ORDER BY first_idx");
    st.bind(1, id);
    while (st.step()) {
        ChunkSummary sum = decodeSummary(st.blobView(5), st.int64(7) != 0);
        for (const auto& h : sum.spans)
            if (h.last >= st.int64(2)) damaged("a chunk's summary places a hit after its last call");
        out.push_back({st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4), std::move(sum.frames),
                       std::move(sum.entries), st.int64(6), std::move(sum.spans)});
    }
    st.reset();
    return out;
}

CallBriefs SessionReader::callBriefs(int64_t id, int64_t firstIndex) { return callChunk(id, firstIndex, false).briefs(); }

DecodedCallChunk SessionReader::callChunk(int64_t id, int64_t firstIndex, bool tables) {
    auto& st = db_.cached("SELECT data FROM call_chunks WHERE session_id = ? AND first_idx = ?");
    st.bind(1, id).bind(2, firstIndex);
    if (!st.step()) {
        st.reset();
        damaged("no chunk of calls starts at " + std::to_string(firstIndex));
    }
    DecodedCallChunk c = DecodedCallChunk::decode(st.blobView(0), firstIndex, tables);
    st.reset();
    return c;
}

std::vector<Call> SessionReader::callRows(int64_t id, int64_t firstIndex, int64_t count) {
    std::vector<Call> out;
    auto& st = db_.cached("SELECT idx, frame_id, line, outcome, entry_id FROM calls WHERE session_id = ? AND "
                          "idx >= ? ORDER BY idx LIMIT ?");
    st.bind(1, id).bind(2, firstIndex).bind(3, count);
    while (st.step()) {
        auto outcome = callOutcomeFromString(st.textView(3));
        if (!outcome) damaged("call " + std::to_string(st.int64(0)) + " has an unknown outcome");
        Call c;
        c.index = st.int64(0);
        c.frameId = st.integer(1);
        c.line = st.integer(2);
        c.outcome = *outcome;
        c.entryId = st.text(4);
        out.push_back(std::move(c));
    }
    if (out.empty()) return out;
    const int64_t last = out.back().index;
    // Calls are sorted by index, so each child row finds its call by a forward walk.
    auto attach = [&](Statement& q, auto&& add) {
        q.bind(1, id).bind(2, firstIndex).bind(3, last);
        size_t i = 0;
        while (q.step()) {
            const int64_t idx = q.int64(0);
            while (i < out.size() && out[i].index < idx) ++i;
            if (i == out.size() || out[i].index != idx) damaged("a call argument belongs to no call");
            add(out[i], q);
        }
    };
    attach(db_.cached("SELECT call_idx, source, kind, type, shape, stride, dtype, device, requires_grad, object_id, "
                      "alias_of, value FROM call_args WHERE session_id = ? AND call_idx BETWEEN ? AND ? "
                      "ORDER BY call_idx, pos"),
           [&](Call& c, Statement& q) {
               auto shape = ValueCodec::decodeInt64s(q.textView(4));
               auto stride = ValueCodec::decodeInt64s(q.textView(5));
               if (!shape || !stride) damaged("a call argument's shape cannot be decoded");
               c.args.push_back(ArgDesc{q.text(1), q.text(2), q.text(3), std::move(*shape), std::move(*stride),
                                        q.text(6), q.text(7), q.int64(8) != 0, q.int64(9), q.integer(10),
                                        q.text(11)});
           });
    attach(db_.cached("SELECT call_idx, compile_id, passed, first_failed, reason, failed_guards, evaluated FROM "
                      "guard_evals WHERE session_id = ? AND call_idx BETWEEN ? AND ? ORDER BY call_idx, pos"),
           [&](Call& c, Statement& q) {
               auto failed = ValueCodec::decodeInts(q.textView(5));
               if (!failed) damaged("a guard evaluation cannot be decoded");
               c.tried.push_back(GuardEval{q.text(1), q.int64(2) != 0, q.integer(3), q.text(4), std::move(*failed),
                                           q.integer(6)});
           });
    return out;
}

} // namespace gs::store
