#include "core/store/CallChunk.h"

#include <algorithm>
#include <functional>

#include "core/store/SessionStore.h"

namespace gs::store {

using namespace gs::session;

// Every field of Call, ArgDesc and GuardEval is in the format above: a new field must be
// encoded too (then update these sizes).
static_assert(sizeof(Call) == 144, "session::Call changed: encode the new field in CallChunk");
static_assert(sizeof(GuardEval) == 104, "session::GuardEval changed: encode the new field in CallChunk");
static_assert(sizeof(ArgDesc) == 264, "session::ArgDesc changed: encode the new field in CallChunk");

namespace {

// Format 2 (`run --verify`, issue 10) adds, after the calls, the verify results of the calls
// that have one: a count, then per such call its position (delta from the previous one) and its
// result. A chunk with no verified call is written as format 1, so runs without --verify pay
// nothing; both are read.
// Formats 3 and 4 (schema 10) are 1 and 2 with the calls as records (runs, repeats, object id
// deltas: CallChunk.h).
constexpr char kMagic0 = 'G', kMagic1 = 'C', kVersion = 4;
constexpr uint64_t kFull = 0, kRun = 1, kRepeat = 2;

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

// FNV-1a over the chunk, stored as its last 8 bytes: a damaged chunk is an error, never calls
// that were not recorded.
uint64_t checksum(std::string_view d) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : d) h = (h ^ uint8_t(c)) * 0x100000001b3ULL;
    return h;
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

// Reads the format; every read is bounds-checked.
class Reader {
public:
    explicit Reader(std::string_view d) : d_(d) {}
    uint64_t var() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= d_.size()) damaged("it ends early");
            auto b = uint8_t(d_[p_++]);
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        damaged("a number is too long");
    }
    int64_t sig() {
        uint64_t v = var();
        return int64_t(v >> 1) ^ -int64_t(v & 1);
    }
    int32_t i32() {
        int64_t v = sig();
        if (v < INT32_MIN || v > INT32_MAX) damaged("a number is out of range");
        return int32_t(v);
    }
    size_t count(size_t atMost) {
        uint64_t n = var();
        if (n > atMost) damaged("a count is larger than the data");
        return size_t(n);
    }
    std::string_view bytes(size_t n) {
        if (n > d_.size() - p_) damaged("it ends early");
        std::string_view s = d_.substr(p_, n);
        p_ += n;
        return s;
    }
    size_t left() const { return d_.size() - p_; }
    [[noreturn]] static void damaged(const std::string& what) {
        throw StoreError("a chunk of recorded calls is damaged (" + what + "); the database may be corrupt");
    }

private:
    std::string_view d_;
    size_t p_ = 0;
};

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
    putVar(calls_bytes_, kRun | uint64_t(run_) << 2);
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
    putVar(out, kFull);
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
        putVar(out, kRepeat);
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
    out.push_back(kMagic0);
    out.push_back(kMagic1);
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
    if (run_ != 0) putVar(out, kRun | uint64_t(run_) << 2);  // the run still open
    if (verified_ != 0) {
        putVar(out, uint64_t(verified_));
        out += verify_bytes_;
    }
    uint64_t sum = checksum(out);
    for (int i = 0; i < 8; ++i) out.push_back(char(sum >> (8 * i)));
    return out;
}

void CallChunkWriter::clear() { *this = CallChunkWriter(legacy_); }

namespace {
// The chunk without its checksum, positioned after the mark and version; checks both.
Reader open(std::string_view data, int& version) {
    if (data.size() < 11) Reader::damaged("it is too short");
    uint64_t stored = 0;
    for (int i = 0; i < 8; ++i) stored |= uint64_t(uint8_t(data[data.size() - 8 + size_t(i)])) << (8 * i);
    data.remove_suffix(8);
    if (checksum(data) != stored) Reader::damaged("its checksum does not match");
    Reader r(data);
    std::string_view head = r.bytes(3);
    if (head[0] != kMagic0 || head[1] != kMagic1) Reader::damaged("it does not start with the chunk mark");
    if (head[2] < 1 || head[2] > kVersion) Reader::damaged("unknown chunk version " + std::to_string(int(head[2])));
    version = head[2];
    return r;
}
} // namespace

std::vector<Call> decodeCallChunk(std::string_view data, int64_t firstIndex) {
    int version = 0;
    Reader r = open(data, version);
    std::vector<std::string> strings(r.count(r.left()));
    for (auto& s : strings) s = std::string(r.bytes(r.count(r.left())));
    auto string = [&]() -> const std::string& {
        uint64_t i = r.var();
        if (i >= strings.size()) Reader::damaged("a string reference is out of range");
        return strings[size_t(i)];
    };
    auto ints64 = [&](std::vector<int64_t>& v) {
        v.resize(r.count(r.left()));
        for (auto& x : v) x = r.sig();
    };
    std::vector<ArgDesc> args(r.count(r.left()));
    for (auto& a : args) {
        a.source = string();
        a.kind = string();
        a.type = string();
        ints64(a.shape);
        ints64(a.stride);
        a.dtype = string();
        a.device = string();
        a.requiresGrad = r.var() != 0;
        a.aliasOf = r.i32();
        a.value = string();
    }
    std::vector<GuardEval> evals(r.count(r.left()));
    for (auto& g : evals) {
        g.compileId = string();
        g.passed = r.var() != 0;
        g.firstFailedGuard = r.i32();
        g.reason = string();
        g.failedGuards.resize(r.count(r.left()));
        for (auto& x : g.failedGuards) x = r.i32();
        g.evaluated = r.i32();
    }
    std::vector<Call> calls;
    int64_t index = firstIndex - 1;
    if (version <= 2) {
        calls.resize(r.count(r.left()));
        for (auto& c : calls) {
            index += r.sig() + 1;
            c.index = index;
            c.frameId = r.i32();
            c.line = r.i32();
            uint64_t outcome = r.var();
            if (outcome > uint64_t(CallOutcome::Failed)) Reader::damaged("a call has an unknown outcome");
            c.outcome = CallOutcome(outcome);
            c.entryId = string();
            c.args.resize(r.count(r.left()));
            for (auto& a : c.args) {
                uint64_t id = r.var();
                if (id >= args.size()) Reader::damaged("an argument reference is out of range");
                a = args[size_t(id)];
                a.objectId = r.sig();
            }
            c.tried.resize(r.count(r.left()));
            for (auto& g : c.tried) {
                uint64_t id = r.var();
                if (id >= evals.size()) Reader::damaged("a guard evaluation reference is out of range");
                g = evals[size_t(id)];
            }
        }
    } else {
        const size_t n = r.count(r.left() + size_t(kCallsPerChunk));
        calls.reserve(n);
        std::unordered_map<int, size_t> lastOfFrame;  // the frame's previous call in `calls`
        while (calls.size() < n) {
            const uint64_t head = r.var();
            if ((head & 3) == kRun) {
                const uint64_t run = head >> 2;
                if (calls.empty() || run == 0 || run > n - calls.size()) Reader::damaged("a run of calls is out of range");
                lastOfFrame[calls.back().frameId] = calls.size() + run - 1;
                for (uint64_t k = 0; k < run; ++k) {
                    calls.push_back(calls.back());
                    calls.back().index = ++index;
                    calls.back().verified = false;  // verify results come by position, below
                    calls.back().stale.clear();
                }
                continue;
            }
            if (head != kFull && head != kRepeat) Reader::damaged("a call record has an unknown kind");
            index += r.sig() + 1;
            const int frameId = r.i32();
            auto last = lastOfFrame.find(frameId);
            if (head == kRepeat) {
                if (last == lastOfFrame.end()) Reader::damaged("a call repeats a call that is not there");
                calls.push_back(calls[last->second]);
                Call& c = calls.back();
                c.index = index;
                c.verified = false;
                c.stale.clear();
                for (auto& a : c.args) a.objectId += r.sig();
                last->second = calls.size() - 1;
                continue;
            }
            const Call* before = last == lastOfFrame.end() ? nullptr : &calls[last->second];
            Call c;
            c.index = index;
            c.frameId = frameId;
            c.line = r.i32();
            uint64_t outcome = r.var();
            if (outcome > uint64_t(CallOutcome::Failed)) Reader::damaged("a call has an unknown outcome");
            c.outcome = CallOutcome(outcome);
            c.entryId = string();
            c.args.resize(r.count(r.left()));
            for (size_t i = 0; i < c.args.size(); ++i) {
                uint64_t id = r.var();
                if (id >= args.size()) Reader::damaged("an argument reference is out of range");
                c.args[i] = args[size_t(id)];
                c.args[i].objectId = r.sig() + (before && i < before->args.size() ? before->args[i].objectId : 0);
            }
            c.tried.resize(r.count(r.left()));
            for (auto& g : c.tried) {
                uint64_t id = r.var();
                if (id >= evals.size()) Reader::damaged("a guard evaluation reference is out of range");
                g = evals[size_t(id)];
            }
            calls.push_back(std::move(c));
            lastOfFrame[frameId] = calls.size() - 1;
        }
    }
    if (version == 2 || version == 4) {
        size_t position = 0;
        for (size_t n = r.count(r.left()); n > 0; --n) {
            position += size_t(r.var());
            uint64_t v = r.var();
            if (position >= calls.size()) Reader::damaged("a verify result names a call out of range");
            Call& c = calls[position];
            c.verified = (v & 1) != 0;
            if (uint64_t report = v >> 1; report != 0) {
                if (report - 1 >= strings.size()) Reader::damaged("a string reference is out of range");
                c.stale = strings[size_t(report - 1)];
            }
        }
    }
    if (r.left() != 0) Reader::damaged("it has bytes after its last call");
    return calls;
}

CallBriefs decodeCallBriefs(std::string_view data, int64_t firstIndex) {
    int version = 0;
    Reader r = open(data, version);
    CallBriefs out;
    out.strings.resize(r.count(r.left()));
    for (auto& s : out.strings) s = std::string(r.bytes(r.count(r.left())));
    auto skipInts = [&] {
        for (size_t n = r.count(r.left()); n > 0; --n) r.var();
    };
    const size_t nargs = r.count(r.left());
    for (size_t i = 0; i < nargs; ++i) {
        r.var(), r.var(), r.var();
        skipInts();
        skipInts();
        r.var(), r.var(), r.var(), r.var(), r.var();
    }
    const size_t nevals = r.count(r.left());
    for (size_t i = 0; i < nevals; ++i) {
        r.var(), r.var(), r.var(), r.var();
        skipInts();
        r.var();
    }
    int64_t index = firstIndex - 1;
    auto fullCall = [&](CallBriefs::Brief& c) {
        r.sig();  // line
        uint64_t outcome = r.var();
        if (outcome > uint64_t(CallOutcome::Failed)) Reader::damaged("a call has an unknown outcome");
        c.outcome = CallOutcome(outcome);
        uint64_t entry = r.var();
        if (entry >= out.strings.size()) Reader::damaged("a string reference is out of range");
        c.entry = uint32_t(entry);
        const size_t n = r.count(r.left());
        for (size_t k = n; k > 0; --k) {
            if (r.var() >= nargs) Reader::damaged("an argument reference is out of range");
            r.var();
        }
        for (size_t k = r.count(r.left()); k > 0; --k)
            if (r.var() >= nevals) Reader::damaged("a guard evaluation reference is out of range");
        return n;
    };
    if (version <= 2) {
        out.calls.resize(r.count(r.left()));
        for (auto& c : out.calls) {
            index += r.sig() + 1;
            c.index = index;
            c.frameId = r.i32();
            fullCall(c);
        }
    } else {
        const size_t n = r.count(r.left() + size_t(kCallsPerChunk));
        out.calls.reserve(n);
        // The frame's previous call: its place in out.calls and its argument count.
        std::unordered_map<int, std::pair<size_t, size_t>> lastOfFrame;
        while (out.calls.size() < n) {
            const uint64_t head = r.var();
            if ((head & 3) == kRun) {
                const uint64_t run = head >> 2;
                if (out.calls.empty() || run == 0 || run > n - out.calls.size()) Reader::damaged("a run of calls is out of range");
                lastOfFrame[out.calls.back().frameId].first = out.calls.size() + run - 1;
                for (uint64_t k = 0; k < run; ++k) {
                    out.calls.push_back(out.calls.back());
                    out.calls.back().index = ++index;
                }
                continue;
            }
            if (head != kFull && head != kRepeat) Reader::damaged("a call record has an unknown kind");
            index += r.sig() + 1;
            const int frameId = r.i32();
            auto last = lastOfFrame.find(frameId);
            if (head == kRepeat) {
                if (last == lastOfFrame.end()) Reader::damaged("a call repeats a call that is not there");
                out.calls.push_back(out.calls[last->second.first]);
                out.calls.back().index = index;
                for (size_t k = last->second.second; k > 0; --k) r.sig();
                last->second.first = out.calls.size() - 1;
                continue;
            }
            CallBriefs::Brief c;
            c.index = index;
            c.frameId = frameId;
            const size_t args = fullCall(c);
            out.calls.push_back(c);
            lastOfFrame[frameId] = {out.calls.size() - 1, args};
        }
    }
    if (version == 2 || version == 4)  // verify results: not part of a brief
        for (size_t n = r.count(r.left()); n > 0; --n) r.var(), r.var();
    if (r.left() != 0) Reader::damaged("it has bytes after its last call");
    return out;
}

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
    Reader r(data);
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
        if (r.count(r.left()) != s.entries.size()) Reader::damaged("its summary's hit spans do not match its entries");
        s.spans.resize(s.entries.size());
        for (size_t e = 0; e < s.spans.size(); ++e) {
            s.spans[e].first = r.i32();
            s.spans[e].last = r.i32();
            if (s.spans[e].first < 0 || s.spans[e].last < s.spans[e].first || s.entries[e].hits <= 0)
                Reader::damaged("its summary has a hit span out of order");
        }
    }
    if (r.left() != 0) Reader::damaged("its summary has extra bytes");
    return s;
}

} // namespace gs::store
