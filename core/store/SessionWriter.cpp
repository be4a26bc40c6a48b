#include "core/store/SessionWriter.h"

#include "core/store/Database.h"
#include "core/store/ValueCodec.h"
#include "core/store/WriterIdentity.h"

namespace gs::store {

using namespace gs::session;

int64_t SessionWriter::begin(const SessionInfo& info, SessionStatus status) {
    const bool running = status == SessionStatus::Running;
    const WriterIdentity none;
    const WriterIdentity& w = running ? WriterIdentity::self() : none;
    auto& st = db_.cached(
        "INSERT INTO sessions (kind, title, created, source_path, source_text, engine_version, config_json, "
        "status, grp, writer_host, writer_pid, writer_token) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, toString(info.kind)).bind(2, info.title).bind(3, info.created).bind(4, info.sourcePath);
    st.bind(5, info.sourceText).bind(6, info.engineVersion).bind(7, info.configJson).bind(8, toString(status));
    st.bind(9, info.group).bind(10, w.host).bind(11, w.pid).bind(12, w.token);
    st.run();
    id_ = db_.lastInsertId();
    auto& md = db_.cached("INSERT INTO session_metadata (session_id, key, value) VALUES (?,?,?)");
    for (const auto& [k, v] : info.metadata) md.bind(1, id_).bind(2, k).bind(3, v).run();
    frameSeq_ = compileSeq_ = recompileSeq_ = shapeSeq_ = logSeq_ = testSeq_ = resetSeq_ = 0;
    details_.reset();
    newCalls_ = newCompiles_ = newRecompiles_ = 0;
    chunk_.clear();
    full_.clear();
    return id_;
}

void SessionWriter::updateInfo(const SessionInfo& info) {
    db_.cached("UPDATE sessions SET kind = ?, title = ?, created = coalesce(nullif(?, ''), created), "
               "source_path = ?, source_text = ?, engine_version = ?, config_json = ?, grp = ? WHERE id = ?")
        .bind(1, toString(info.kind)).bind(2, info.title).bind(3, info.created).bind(4, info.sourcePath)
        .bind(5, info.sourceText).bind(6, info.engineVersion).bind(7, info.configJson).bind(8, info.group)
        .bind(9, id_).run();
    db_.cached("DELETE FROM session_metadata WHERE session_id = ?").bind(1, id_).run();
    auto& md = db_.cached("INSERT INTO session_metadata (session_id, key, value) VALUES (?,?,?)");
    for (const auto& [k, v] : info.metadata) md.bind(1, id_).bind(2, k).bind(3, v).run();
}

void SessionWriter::frame(const Frame& f) {
    db_.cached("INSERT INTO frames (session_id, seq, frame_id, name, file, first_line) VALUES (?,?,?,?,?,?)")
        .bind(1, id_).bind(2, frameSeq_++).bind(3, f.id).bind(4, f.name).bind(5, f.file).bind(6, f.firstLine)
        .run();
}

void SessionWriter::call(const Call& c) {
    chunk_.add(c);
    chunkAdded();
}

void SessionWriter::repeatCall(const Call& c) {
    chunk_.addRepeat(c);
    chunkAdded();
}

void SessionWriter::chunkAdded() {
    if (chunk_.size() >= kCallsPerChunk) {
        full_.push_back({chunk_.firstIndex(), chunk_.lastIndex(), chunk_.counts(), encodeSummary(chunk_.summary()),
                         chunk_.encode()});
        chunk_.clear();
    }
    ++newCalls_;
}

void SessionWriter::writeChunk(const FullChunk& c) {
    // The writer's summaries carry hit spans (schema 9).
    db_.cached("INSERT OR REPLACE INTO call_chunks (session_id, first_idx, last_idx, n_calls, n_hits, n_run_only, "
               "n_stale, summary, data, hit_spans) VALUES (?,?,?,?,?,?,?,?,?,1)")
        .bind(1, id_).bind(2, c.first).bind(3, c.last).bind(4, c.counts.calls).bind(5, c.counts.hits)
        .bind(6, c.counts.runOnly).bind(7, c.counts.stale).bindBlob(8, c.summary).bindBlob(9, c.data).run();
}

SessionWriter::TakenCalls SessionWriter::takeCalls() {
    TakenCalls taken;
    if (newCalls_ == 0) return taken;
    taken.chunks.swap(full_);
    if (!chunk_.empty())
        taken.chunks.push_back({chunk_.firstIndex(), chunk_.lastIndex(), chunk_.counts(), encodeSummary(chunk_.summary()),
                                chunk_.encode()});
    taken.calls = newCalls_;
    newCalls_ = 0;
    return taken;
}

void SessionWriter::compile(const CompileEntry& c) {
    const int64_t seq = compileSeq_++;
    const std::string symbols = ValueCodec::encodeStrings(c.symbols);
    const std::string stack = CompileDetailCodec::encodeStack(c.stack), metrics = details_.encodeMetrics(c.metrics);
    const std::string cache = CompileDetailCodec::encodeCache(c.cache), artifacts = CompileDetailCodec::encodeArtifacts(c.artifacts);
    const std::string inductor = CompileDetailCodec::encodeInductor(c.inductor);
    db_.cached("INSERT INTO compiles (session_id, seq, compile_id, frame_id, frame_compile_id, attempt, "
               "caused_by_call, status, fail_reason, op_count, symbols, hit_count, compile_time_us, guards_text, "
               "stack, metrics, cache, artifacts, inductor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, id_).bind(2, seq).bind(3, c.compileId).bind(4, c.frameId).bind(5, c.frameCompileId)
        .bind(6, c.attempt).bind(7, c.causedByCall).bind(8, toString(c.status)).bind(9, c.failReason)
        .bind(10, c.opCount).bind(11, symbols).bind(12, c.hitCount).bind(13, c.compileTimeUs)
        .bind(14, c.guardsText).bind(15, stack).bind(16, metrics).bind(17, cache).bind(18, artifacts).bind(19, inductor).run();
    auto& nodes = db_.cached("INSERT INTO graph_nodes (session_id, compile_seq, pos, node_id, name, op, target, "
                             "args, shape, dtype, line, stride, device, file, function, code) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int pos = 0;
    for (const auto& n : c.graph) {
        const std::string args = ValueCodec::encodeStrings(n.args);
        nodes.bind(1, id_).bind(2, seq).bind(3, pos++).bind(4, n.id).bind(5, n.name).bind(6, n.op);
        nodes.bind(7, n.target).bind(8, args).bind(9, n.shape).bind(10, n.dtype).bind(11, n.line).bind(12, n.stride);
        nodes.bind(13, n.device).bind(14, n.file).bind(15, n.function).bind(16, n.code).run();
    }
    auto& guards = db_.cached("INSERT INTO guards (session_id, compile_seq, pos, guard_id, parent, kind, source, "
                              "code, user_code, file, line) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    pos = 0;
    for (const auto& g : c.guards) {
        guards.bind(1, id_).bind(2, seq).bind(3, pos++).bind(4, g.id).bind(5, g.parent).bind(6, g.kind);
        guards.bind(7, g.source).bind(8, g.code).bind(9, g.userCode).bind(10, g.file).bind(11, g.line).run();
    }
    if (c.status == EntryStatus::Ok) ++newCompiles_;
}

void SessionWriter::recompile(const Recompile& r) {
    const int64_t seq = recompileSeq_++;
    db_.cached("INSERT INTO recompiles (session_id, seq, compile_id, frame_id, call_index, limit_hit) "
               "VALUES (?,?,?,?,?,?)")
        .bind(1, id_).bind(2, seq).bind(3, r.compileId).bind(4, r.frameId).bind(5, r.callIndex)
        .bind(6, r.limitHit).run();
    auto& st = db_.cached("INSERT INTO recompile_reasons (session_id, recompile_seq, pos, failed_entry_id, text, "
                          "category, guard_kind, source, expected, actual, dim, fix, all_failures) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int pos = 0;
    for (const auto& x : r.reasons) {
        const std::string all = ValueCodec::encodeStrings(x.allFailures);
        st.bind(1, id_).bind(2, seq).bind(3, pos++).bind(4, x.failedEntryId).bind(5, x.text);
        st.bind(6, toString(x.category)).bind(7, x.guardKind).bind(8, x.source).bind(9, x.expected);
        st.bind(10, x.actual).bind(11, x.dim).bind(12, x.fix).bind(13, all).run();
    }
    if (!r.limitHit) ++newRecompiles_;
}

void SessionWriter::shapeEvent(const ShapeEvent& e) {
    db_.cached("INSERT INTO shape_events (session_id, seq, kind, compile_id, call_index, symbol, source, dim, "
               "hint, range, sizes_seen, text, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, id_).bind(2, shapeSeq_++).bind(3, toString(e.kind)).bind(4, e.compileId).bind(5, e.callIndex)
        .bind(6, e.symbol).bind(7, e.source).bind(8, e.dim).bind(9, e.hint).bind(10, e.range)
        .bind(11, e.sizesSeen).bind(12, e.text).bind(13, e.line).run();
}

void SessionWriter::log(const LogLine& l) {
    db_.cached("INSERT INTO logs (session_id, seq, channel, compile_id, call_index, text) VALUES (?,?,?,?,?,?)")
        .bind(1, id_).bind(2, logSeq_++).bind(3, l.channel).bind(4, l.compileId).bind(5, l.callIndex)
        .bind(6, l.text).run();
}

void SessionWriter::test(const TestResult& t) {
    db_.cached("INSERT INTO tests (session_id, seq, name, class_name, status, message, file, line) "
               "VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, id_).bind(2, testSeq_++).bind(3, t.name).bind(4, t.className).bind(5, toString(t.status))
        .bind(6, t.message).bind(7, t.file).bind(8, t.line).run();
}

void SessionWriter::chunk(const RecordChunk& c) {
    db_.cached("INSERT INTO trace_chunks (session_id, first_seq, last_seq, n_records, raw_bytes, codec, data) "
               "VALUES (?,?,?,?,?,'zstd',?)")
        .bind(1, id_).bind(2, c.firstSeq).bind(3, c.lastSeq).bind(4, c.count).bind(5, c.rawBytes).bindBlob(6, c.data)
        .run();
}

void SessionWriter::entryHits(const std::string& compileId, int64_t hits) {
    db_.cached("UPDATE compiles SET hit_count = ?3 WHERE session_id = ?1 AND seq = "
               "(SELECT max(seq) FROM compiles WHERE session_id = ?1 AND compile_id = ?2)")
        .bind(1, id_).bind(2, compileId).bind(3, hits).run();
}

void SessionWriter::reset(const Reset& r) {
    db_.cached("INSERT INTO resets (session_id, seq, call_index, line, frames, compiles) VALUES (?,?,?,?,?,?)")
        .bind(1, id_).bind(2, resetSeq_++).bind(3, r.callIndex).bind(4, r.line).bind(5, r.frames)
        .bind(6, r.compiles).run();
}

void SessionWriter::updateCounts() { writeCounts(takeCalls()); }

void SessionWriter::writeCounts(const TakenCalls& calls) {
    if (calls.calls == 0 && newCompiles_ == 0 && newRecompiles_ == 0) return;
    for (const auto& c : calls.chunks) writeChunk(c);
    db_.cached("UPDATE sessions SET n_calls = n_calls + ?, n_compiles = n_compiles + ?, "
               "n_recompiles = n_recompiles + ? WHERE id = ?")
        .bind(1, calls.calls).bind(2, newCompiles_).bind(3, newRecompiles_).bind(4, id_).run();
    newCompiles_ = newRecompiles_ = 0;
}

void SessionWriter::finish(SessionStatus status) {
    updateCounts();
    const WriterIdentity none;
    const WriterIdentity& w = status == SessionStatus::Running ? WriterIdentity::self() : none;
    db_.cached("UPDATE sessions SET status = ?, writer_host = ?, writer_pid = ?, writer_token = ? WHERE id = ?")
        .bind(1, toString(status)).bind(2, w.host).bind(3, w.pid).bind(4, w.token).bind(5, id_).run();
}

} // namespace gs::store
