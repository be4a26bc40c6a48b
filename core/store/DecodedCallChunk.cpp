#include "core/store/DecodedCallChunk.h"

#include <unordered_map>

#include "core/store/CallChunk.h"
#include "core/store/ChunkReader.h"

namespace gs::store {

using namespace gs::session;

// A call in full after its index delta and frame: line, outcome, entry, the arguments (table
// ref and object id: absolute in formats 1 and 2, else relative to the same argument of `base`,
// the frame's previous call in the chunk, or to 0) and the guard evaluations tried.
void DecodedCallChunk::readCall(ChunkReader& r, Record& c, const Record* base) {
    c.line = r.i32();
    const uint64_t outcome = r.var();
    if (outcome > uint64_t(CallOutcome::Failed)) ChunkReader::damaged("a call has an unknown outcome");
    c.outcome = CallOutcome(outcome);
    const uint64_t entry = r.var();
    if (entry >= strings_.size()) ChunkReader::damaged("a string reference is out of range");
    c.entry = uint32_t(entry);
    c.nargs = uint32_t(r.count(r.left()));
    c.args = uint32_t(argRefs_.size());
    c.objectIds = uint32_t(objectIds_.size());
    for (uint32_t i = 0; i < c.nargs; ++i) {
        const uint64_t id = r.var();
        if (id >= nargs_) ChunkReader::damaged("an argument reference is out of range");
        argRefs_.push_back(uint32_t(id));
        const int64_t from = base && i < base->nargs ? objectIds_[base->objectIds + i] : 0;
        objectIds_.push_back(r.sig() + from);
    }
    c.nevals = uint32_t(r.count(r.left()));
    c.evals = uint32_t(evalRefs_.size());
    for (uint32_t i = 0; i < c.nevals; ++i) {
        const uint64_t id = r.var();
        if (id >= nevals_) ChunkReader::damaged("a guard evaluation reference is out of range");
        evalRefs_.push_back(uint32_t(id));
    }
}

DecodedCallChunk DecodedCallChunk::decode(std::string_view data, int64_t firstIndex, bool tables) {
    int version = 0;
    ChunkReader r = ChunkReader::open(data, version);
    DecodedCallChunk out;
    out.strings_.resize(r.count(r.left()));
    for (auto& s : out.strings_) s = std::string(r.bytes(r.count(r.left())));
    auto string = [&]() -> uint32_t {
        const uint64_t i = r.var();
        if (i >= out.strings_.size()) ChunkReader::damaged("a string reference is out of range");
        return uint32_t(i);
    };
    auto ints64 = [&](std::vector<int64_t>& v) {
        v.resize(r.count(r.left()));
        for (auto& x : v) x = r.sig();
    };
    // The tables: read and checked whether kept or not (one rule for both).
    ArgDesc scratchArg;
    GuardEval scratchEval;
    out.nargs_ = r.count(r.left());
    if (tables) out.args_.resize(out.nargs_);
    for (size_t i = 0; i < out.nargs_; ++i) {
        ArgDesc& a = tables ? out.args_[i] : scratchArg;
        const uint32_t source = string(), kind = string(), type = string();
        ints64(a.shape);
        ints64(a.stride);
        const uint32_t dtype = string(), device = string();
        a.requiresGrad = r.var() != 0;
        a.aliasOf = r.i32();
        const uint32_t value = string();
        if (!tables) continue;
        a.source = out.strings_[source];
        a.kind = out.strings_[kind];
        a.type = out.strings_[type];
        a.dtype = out.strings_[dtype];
        a.device = out.strings_[device];
        a.value = out.strings_[value];
    }
    out.nevals_ = r.count(r.left());
    if (tables) out.evals_.resize(out.nevals_);
    for (size_t i = 0; i < out.nevals_; ++i) {
        GuardEval& g = tables ? out.evals_[i] : scratchEval;
        const uint32_t compileId = string();
        g.passed = r.var() != 0;
        g.firstFailedGuard = r.i32();
        const uint32_t reason = string();
        g.failedGuards.resize(r.count(r.left()));
        for (auto& x : g.failedGuards) x = r.i32();
        g.evaluated = r.i32();
        if (!tables) continue;
        g.compileId = out.strings_[compileId];
        g.reason = out.strings_[reason];
    }
    auto& calls = out.calls_;
    int64_t index = firstIndex - 1;
    if (version <= 2) {
        calls.resize(r.count(r.left()));
        for (auto& c : calls) {
            index += r.sig() + 1;
            c.index = index;
            c.frameId = r.i32();
            out.readCall(r, c, nullptr);
        }
    } else {
        const size_t n = r.count(r.left() + size_t(kCallsPerChunk));
        calls.reserve(n);
        std::unordered_map<int, size_t> lastOfFrame;  // the frame's previous call in `calls`
        while (calls.size() < n) {
            const uint64_t head = r.var();
            if ((head & 3) == kRecordRun) {
                const uint64_t run = head >> 2;
                if (calls.empty() || run == 0 || run > n - calls.size()) ChunkReader::damaged("a run of calls is out of range");
                lastOfFrame[calls.back().frameId] = calls.size() + run - 1;
                Record same = calls.back();
                same.verified = false;  // verify results come by position, below
                same.stale = 0;
                for (uint64_t k = 0; k < run; ++k) {
                    same.index = ++index;
                    calls.push_back(same);
                }
                continue;
            }
            if (head != kRecordFull && head != kRecordRepeat) ChunkReader::damaged("a call record has an unknown kind");
            index += r.sig() + 1;
            const int frameId = r.i32();
            auto last = lastOfFrame.find(frameId);
            if (head == kRecordRepeat) {
                if (last == lastOfFrame.end()) ChunkReader::damaged("a call repeats a call that is not there");
                Record c = calls[last->second];
                c.index = index;
                c.verified = false;
                c.stale = 0;
                const uint32_t from = c.objectIds;
                c.objectIds = uint32_t(out.objectIds_.size());
                for (uint32_t i = 0; i < c.nargs; ++i) {
                    const int64_t id = out.objectIds_[from + i] + r.sig();
                    out.objectIds_.push_back(id);
                }
                calls.push_back(c);
                last->second = calls.size() - 1;
                continue;
            }
            Record c;
            c.index = index;
            c.frameId = frameId;
            out.readCall(r, c, last == lastOfFrame.end() ? nullptr : &calls[last->second]);
            calls.push_back(c);
            lastOfFrame[frameId] = calls.size() - 1;
        }
    }
    if (version == 2 || version == 4) {
        size_t position = 0;
        for (size_t n = r.count(r.left()); n > 0; --n) {
            position += size_t(r.var());
            const uint64_t v = r.var();
            if (position >= calls.size()) ChunkReader::damaged("a verify result names a call out of range");
            Record& c = calls[position];
            c.verified = (v & 1) != 0;
            if (const uint64_t report = v >> 1; report != 0) {
                if (report - 1 >= out.strings_.size()) ChunkReader::damaged("a string reference is out of range");
                c.stale = uint32_t(report);
            }
        }
    }
    if (r.left() != 0) ChunkReader::damaged("it has bytes after its last call");
    return out;
}

Call DecodedCallChunk::call(size_t offset) const {
    const Record& r = calls_.at(offset);
    Call c;
    c.index = r.index;
    c.frameId = r.frameId;
    c.line = r.line;
    c.outcome = r.outcome;
    c.entryId = strings_[r.entry];
    c.args.resize(r.nargs);
    for (uint32_t i = 0; i < r.nargs; ++i) {
        c.args[i] = args_.at(argRefs_[r.args + i]);
        c.args[i].objectId = objectIds_[r.objectIds + i];
    }
    c.tried.reserve(r.nevals);
    for (uint32_t i = 0; i < r.nevals; ++i) c.tried.push_back(evals_.at(evalRefs_[r.evals + i]));
    c.verified = r.verified;
    if (r.stale != 0) c.stale = strings_[r.stale - 1];
    return c;
}

std::vector<Call> DecodedCallChunk::calls() const {
    std::vector<Call> out;
    out.reserve(calls_.size());
    for (size_t i = 0; i < calls_.size(); ++i) out.push_back(call(i));
    return out;
}

CallBriefs DecodedCallChunk::briefs() && {
    CallBriefs out;
    out.calls.reserve(calls_.size());
    for (const Record& r : calls_) out.calls.push_back({r.index, r.frameId, r.outcome, r.entry});
    out.strings = std::move(strings_);
    return out;
}

std::vector<Call> decodeCallChunk(std::string_view data, int64_t firstIndex) {
    return DecodedCallChunk::decode(data, firstIndex).calls();
}

CallBriefs decodeCallBriefs(std::string_view data, int64_t firstIndex) {
    return DecodedCallChunk::decode(data, firstIndex, false).briefs();
}

} // namespace gs::store
