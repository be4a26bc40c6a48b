#include "core/store/CallChunk.h"

#include <algorithm>
#include <functional>

#include "core/store/ChunkReader.h"
#include "core/store/SessionStore.h"

namespace gs::store {

using namespace gs::session;

// Every field of Call, ArgDesc and GuardEval is in the format above: a new field must be
// encoded too (then update these sizes).
static_assert(sizeof(Call) == 144, "session::Call changed: encode the new field in CallChunk");
static_assert(sizeof(GuardEval) == 104, "session::GuardEval changed: encode the new field in CallChunk");
static_assert(sizeof(ArgDesc) == 264, "session::ArgDesc changed: encode the new field in CallChunk");

namespace {

void putVar(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}
void putSigned(std::string& out, int64_t v) { putVar(out, (uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
void putInts(std::string& out, const std::vector<int64_t>& v) {
    putVar(out, v.size());
    for (int64_t x : v) putSigned(out, x);
}
void putInts(std::string& out, const std::vector<int>& v) {
    putVar(out, v.size());
    for (int x : v) putSigned(out, x);
}

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL + (h >> 29); }
uint64_t hashStr(uint64_t h, const std::string& s) { return mix(h, std::hash<std::string>{}(s)); }

uint64_t hashArg(const ArgDesc& a) {
    uint64_t h = 0xcbf29ce484222325ULL;
    h = hashStr(h, a.source);
    h = hashStr(h, a.kind);
    h = hashStr(h, a.type);
    for (int64_t x : a.shape) h = mix(h, uint64_t(x));
    h = mix(h, a.shape.size());
    for (int64_t x : a.stride) h = mix(h, uint64_t(x));
    h = hashStr(h, a.dtype);
    h = hashStr(h, a.device);
    h = mix(h, uint64_t(a.requiresGrad) | (uint64_t(uint32_t(a.aliasOf)) << 1));
    return hashStr(h, a.value);
}

// ArgDesc equality without the object id (stored per call).
bool sameArg(const ArgDesc& a, const ArgDesc& b) {
    return a.source == b.source && a.kind == b.kind && a.type == b.type && a.shape == b.shape && a.stride == b.stride &&
           a.dtype == b.dtype && a.device == b.device && a.requiresGrad == b.requiresGrad && a.aliasOf == b.aliasOf &&
           a.value == b.value;
}

uint64_t hashEval(const GuardEval& g) {
    uint64_t h = 0x84222325cbf29ce4ULL;
    h = hashStr(h, g.compileId);
    h = mix(h, uint64_t(g.passed) | (uint64_t(uint32_t(g.firstFailedGuard)) << 1));
    h = hashStr(h, g.reason);
    for (int x : g.failedGuards) h = mix(h, uint64_t(x));
    return mix(h, uint64_t(g.evaluated));
}

} // namespace

uint32_t CallChunkWriter::str(const std::string& s) {
    auto [it, inserted] = stringIds_.try_emplace(s, uint32_t(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
}

uint32_t CallChunkWriter::arg(const ArgDesc& a) {
    uint64_t h = hashArg(a);
    auto& bucket = argsByHash_[h];
    for (uint32_t id : bucket)
        if (sameArg(args_[id], a)) return id;
    auto id = uint32_t(args_.size());
    args_.push_back(a);
    args_.back().objectId = 0;
    bucket.push_back(id);
    // The table refers to its strings by number (encode()).
    for (const std::string* f : {&a.source, &a.kind, &a.type, &a.dtype, &a.device, &a.value}) str(*f);
    return id;
}

uint32_t CallChunkWriter::eval(const GuardEval& g) {
    uint64_t h = hashEval(g);
    auto& bucket = evalsByHash_[h];
    for (uint32_t id : bucket)
        if (evals_[id] == g) return id;
    auto id = uint32_t(evals_.size());
    evals_.push_back(g);
    bucket.push_back(id);
    str(g.compileId);
    str(g.reason);
    return id;
}

CallChunkWriter::FrameLast& CallChunkWriter::frameOf(int frameId) {
    if (lastFrame_ >= 0 && frames_[size_t(lastFrame_)].frameId == frameId) return frames_[size_t(lastFrame_)];
    auto [it, inserted] = frameSlots_.try_emplace(frameId, uint32_t(frames_.size()));
    if (inserted) {
        FrameLast& f = frames_.emplace_back();
        f.frameId = frameId;
        f.counts = uint32_t(summary_.frames.size());
        summary_.frames.push_back(FrameCounts{frameId});
    }
    return frames_[it->second];
}

// The counts and summary of one more call (of frame `f`); the verify results by position.
void CallChunkWriter::count(const Call& c, FrameLast& f) {
    // Bit 0: verified; above it 0 (not stale) or 1 + the string number of the stale report.
    if (uint64_t v = (c.stale.empty() ? 0 : (uint64_t(str(c.stale)) + 1) << 1) | uint64_t(c.verified); v != 0) {
        putVar(verify_bytes_, uint64_t(calls_ - lastVerified_));
        putVar(verify_bytes_, v);
        lastVerified_ = calls_;
        ++verified_;
    }
    FrameCounts& fc = summary_.frames[f.counts];
    if (c.outcome == CallOutcome::Hit) {
        ++fc.hits;
        const int32_t offset = int32_t(calls_);
        auto e = size_t(f.hitEntry);
        // The frame's last hit entry again (compared in line: compile ids are a few characters).
        const std::string& last = f.hitEntry < 0 ? c.entryId : summary_.entries[e].compileId;
        if (f.hitEntry < 0 || last.size() != c.entryId.size() ||
            !std::equal(last.begin(), last.end(), c.entryId.begin(), [](char x, char y) { return x == y; })) {
            e = 0;
            while (e < summary_.entries.size() && summary_.entries[e].compileId != c.entryId) ++e;
            if (e == summary_.entries.size()) {
                summary_.entries.push_back(EntryHits{c.entryId});
                summary_.spans.push_back(HitSpan{offset, offset});
            }
        }
        f.hitEntry = int32_t(e);
        ++summary_.entries[e].hits;
        summary_.spans[e].last = offset;
    } else {
        f.hitEntry = -1;
        if (c.outcome == CallOutcome::RunOnly || c.outcome == CallOutcome::Skipped) ++fc.eager;
        else ++fc.other;
    }
    lastIndex_ = c.index;
    ++calls_;
    ++counts_.calls;
    if (c.outcome == CallOutcome::Hit) ++counts_.hits;
    if (c.outcome == CallOutcome::RunOnly) ++counts_.runOnly;
    if (!c.stale.empty()) ++counts_.stale;
}

void CallChunkWriter::flushRun() {
    if (run_ == 0) return;
    putVar(calls_bytes_, kRecordRun | uint64_t(run_) << 2);
    run_ = 0;
}

void CallChunkWriter::add(const Call& c) {
    if (calls_ == 0) {
        firstIndex_ = c.index;
        lastIndex_ = c.index - 1;
    }
    if (legacy_) return addLegacy(c);
    FrameLast& f = frameOf(c.frameId);
    // The same descriptions as the previous call of this frame (compared, not hashed).
    argRefs_.resize(c.args.size());
    for (size_t i = 0; i < c.args.size(); ++i)
        argRefs_[i] = i < f.args.size() && sameArg(args_[f.args[i]], c.args[i]) ? f.args[i] : arg(c.args[i]);
    evalRefs_.resize(c.tried.size());
    for (size_t i = 0; i < c.tried.size(); ++i) evalRefs_[i] = eval(c.tried[i]);
    const uint32_t entry = str(c.entryId);
    // A call like the frame's previous one but for its index and object ids is a repeat,
    // whether the sender said so (addRepeat) or not.
    if (calls_ < kCallsPerChunk && f.hasCall && f.line == c.line && f.outcome == c.outcome && f.entry == entry &&
        f.args == argRefs_ && f.evals == evalRefs_)
        return putRepeat(c, f);
    flushRun();
    std::string& out = calls_bytes_;
    putVar(out, kRecordFull);
    putSigned(out, c.index - lastIndex_ - 1);
    putSigned(out, c.frameId);
    putSigned(out, c.line);
    putVar(out, uint64_t(c.outcome));
    putVar(out, entry);
    putVar(out, c.args.size());
    for (size_t i = 0; i < c.args.size(); ++i) {
        putVar(out, argRefs_[i]);
        putSigned(out, c.args[i].objectId - (i < f.objectIds.size() ? f.objectIds[i] : 0));
    }
    putVar(out, c.tried.size());
    for (uint32_t g : evalRefs_) putVar(out, g);
    f.hasCall = true;
    f.line = c.line;
    f.outcome = c.outcome;
    f.entry = entry;
    f.args.swap(argRefs_);
    f.evals.swap(evalRefs_);
    f.objectIds.resize(c.args.size());
    for (size_t i = 0; i < c.args.size(); ++i) f.objectIds[i] = c.args[i].objectId;
    lastFrame_ = int32_t(&f - frames_.data());
    count(c, f);
}

void CallChunkWriter::addRepeat(const Call& c) {
    // Runs only among the first kCallsPerChunk calls: a reader bounds a chunk's call count by
    // that plus its bytes (a damaged count never allocates more).
    if (legacy_ || calls_ == 0 || calls_ >= kCallsPerChunk) return add(c);
    FrameLast* f = nullptr;
    if (lastFrame_ >= 0 && frames_[size_t(lastFrame_)].frameId == c.frameId) f = &frames_[size_t(lastFrame_)];
    else if (auto it = frameSlots_.find(c.frameId); it != frameSlots_.end()) f = &frames_[it->second];
    if (!f || !f->hasCall || f->objectIds.size() != c.args.size()) return add(c);
    putRepeat(c, *f);
}

// `c` repeats `f`'s previous call: a run when it follows it with the same object ids, else a
// repeat record with the object id deltas.
void CallChunkWriter::putRepeat(const Call& c, FrameLast& f) {
    const auto slot = int32_t(&f - frames_.data());
    bool sameIds = slot == lastFrame_ && c.index == lastIndex_ + 1;
    for (size_t i = 0; i < c.args.size() && sameIds; ++i) sameIds = c.args[i].objectId == f.objectIds[i];
    if (sameIds) {
        ++run_;
    } else {
        flushRun();
        std::string& out = calls_bytes_;
        putVar(out, kRecordRepeat);
        putSigned(out, c.index - lastIndex_ - 1);
        putSigned(out, c.frameId);
        for (size_t i = 0; i < c.args.size(); ++i) {
            putSigned(out, c.args[i].objectId - f.objectIds[i]);
            f.objectIds[i] = c.args[i].objectId;
        }
        lastFrame_ = slot;
    }
    count(c, f);
}

// Formats 1 and 2: every call in full, object ids as they are.
void CallChunkWriter::addLegacy(const Call& c) {
    std::string& out = calls_bytes_;
    putSigned(out, c.index - lastIndex_ - 1);
    putSigned(out, c.frameId);
    putSigned(out, c.line);
    putVar(out, uint64_t(c.outcome));
    putVar(out, str(c.entryId));
    putVar(out, c.args.size());
    std::vector<uint32_t>& last = lastArgs_[c.frameId];
    last.resize(c.args.size(), UINT32_MAX);
    for (size_t i = 0; i < c.args.size(); ++i) {
        const ArgDesc& a = c.args[i];
        if (last[i] == UINT32_MAX || !sameArg(args_[last[i]], a)) last[i] = arg(a);
        putVar(out, last[i]);
        putSigned(out, a.objectId);
    }
    putVar(out, c.tried.size());
    for (const auto& g : c.tried) putVar(out, eval(g));
    count(c, frameOf(c.frameId));
}

std::string CallChunkWriter::encode() const {
    std::string out;
    out.reserve(calls_bytes_.size() + 64 * (strings_.size() + args_.size()) + 16);
    out.push_back(kChunkMagic0);
    out.push_back(kChunkMagic1);
    // Format 1 or 3 (legacy or records), + 1 with `run --verify` results: a chunk without
    // verified calls pays nothing for them.
    out.push_back(char((legacy_ ? 1 : 3) + (verified_ == 0 ? 0 : 1)));
    putVar(out, strings_.size());
    for (const auto& s : strings_) {
        putVar(out, s.size());
        out += s;
    }
    // String refs of the tables are looked up, not added: add(), arg() and eval() added them.
    auto ref = [&](const std::string& s) { return uint64_t(stringIds_.at(s)); };
    putVar(out, args_.size());
    for (const auto& a : args_) {
        putVar(out, ref(a.source));
        putVar(out, ref(a.kind));
        putVar(out, ref(a.type));
        putInts(out, a.shape);
        putInts(out, a.stride);
        putVar(out, ref(a.dtype));
        putVar(out, ref(a.device));
        putVar(out, a.requiresGrad ? 1 : 0);
        putSigned(out, a.aliasOf);
        putVar(out, ref(a.value));
    }
    putVar(out, evals_.size());
    for (const auto& g : evals_) {
        putVar(out, ref(g.compileId));
        putVar(out, g.passed ? 1 : 0);
        putSigned(out, g.firstFailedGuard);
        putVar(out, ref(g.reason));
        putInts(out, g.failedGuards);
        putSigned(out, g.evaluated);
    }
    putVar(out, uint64_t(calls_));
    out += calls_bytes_;
    if (run_ != 0) putVar(out, kRecordRun | uint64_t(run_) << 2);  // the run still open
    if (verified_ != 0) {
        putVar(out, uint64_t(verified_));
        out += verify_bytes_;
    }
    uint64_t sum = chunkChecksum(out);
    for (int i = 0; i < 8; ++i) out.push_back(char(sum >> (8 * i)));
    return out;
}

void CallChunkWriter::clear() { *this = CallChunkWriter(legacy_); }

std::string encodeSummary(const ChunkSummary& s) {
    std::string out;
    putVar(out, s.frames.size());
    for (const auto& f : s.frames) {
        putSigned(out, f.frameId);
        putVar(out, uint64_t(f.hits));
        putVar(out, uint64_t(f.eager));
        putVar(out, uint64_t(f.other));
    }
    putVar(out, s.entries.size());
    for (const auto& e : s.entries) {
        putVar(out, e.compileId.size());
        out += e.compileId;
        putVar(out, uint64_t(e.hits));
    }
    if (s.spans.size() != s.entries.size()) return out;  // a summary read from before schema 9
    putVar(out, s.spans.size());
    for (const auto& h : s.spans) {
        putSigned(out, h.first);
        putSigned(out, h.last);
    }
    return out;
}

ChunkSummary decodeSummary(std::string_view data, bool spansRequired) {
    ChunkReader r(data);
    ChunkSummary s;
    s.frames.resize(r.count(r.left()));
    for (auto& f : s.frames) {
        f.frameId = r.i32();
        f.hits = int64_t(r.var());
        f.eager = int64_t(r.var());
        f.other = int64_t(r.var());
    }
    s.entries.resize(r.count(r.left()));
    for (auto& e : s.entries) {
        e.compileId = std::string(r.bytes(r.count(r.left())));
        e.hits = int64_t(r.var());
    }
    if (spansRequired || r.left() != 0) {
        if (r.count(r.left()) != s.entries.size()) ChunkReader::damaged("its summary's hit spans do not match its entries");
        s.spans.resize(s.entries.size());
        for (size_t e = 0; e < s.spans.size(); ++e) {
            s.spans[e].first = r.i32();
            s.spans[e].last = r.i32();
            if (s.spans[e].first < 0 || s.spans[e].last < s.spans[e].first || s.entries[e].hits <= 0)
                ChunkReader::damaged("its summary has a hit span out of order");
        }
    }
    if (r.left() != 0) ChunkReader::damaged("its summary has extra bytes");
    return s;
}

} // namespace gs::store
