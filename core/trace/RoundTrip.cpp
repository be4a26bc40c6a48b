#include "core/trace/RoundTrip.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace gs::trace {
using namespace gs::session;

namespace {

template <class T>
std::string show(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}
template <class T>
std::string show(const std::vector<T>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + show(v[i]);
    return s;
}

class Differ {
public:
    explicit Differ(size_t max) : max_(max) {}
    template <class T>
    void eq(const std::string& what, const T& a, const T& b) {
        if (a == b) return;
        add(what + ": '" + show(a) + "' != '" + show(b) + "'");
    }
    void add(std::string s) {
        if (out_.size() < max_) out_.push_back(std::move(s));
    }
    bool full() const { return out_.size() >= max_; }
    std::vector<std::string> take() { return std::move(out_); }

private:
    size_t max_;
    std::vector<std::string> out_;
};

const Call* callAt(const Session& s, int64_t index) {
    for (const auto& c : s.calls)
        if (c.index == index) return &c;
    return nullptr;
}

// Shape events that a trace can carry, ordered by the position of their compile.
std::vector<const ShapeEvent*> representableShapes(const Session& s) {
    std::vector<std::pair<size_t, const ShapeEvent*>> v;
    for (const auto& e : s.shapeEvents) {
        if (e.compileId.empty()) continue;
        if (e.kind != ShapeEventKind::CreateSymbol && e.kind != ShapeEventKind::Specialization && e.kind != ShapeEventKind::GuardAdded)
            continue;
        size_t pos = s.compiles.size();
        for (size_t i = 0; i < s.compiles.size(); ++i)
            if (s.compiles[i].compileId == e.compileId && (e.callIndex < 0 || s.compiles[i].causedByCall == e.callIndex)) {
                pos = i;
                break;
            }
        if (pos == s.compiles.size()) continue; // belongs to no compile: not exported
        v.emplace_back(pos, &e);
    }
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const ShapeEvent*> out;
    for (const auto& [pos, e] : v) out.push_back(e);
    return out;
}

// "L['x']" with dim 0 and "L['x'].size()[0]" name the same size (the writer spells the latter).
std::string sizeSource(const ShapeEvent& e) {
    if (e.dim < 0 || e.source.find(".size()[") != std::string::npos) return e.source;
    return e.source + ".size()[" + std::to_string(e.dim) + "]";
}

} // namespace

std::vector<std::string> RoundTrip::differences(const Session& a, const Session& b, size_t maxDifferences) {
    Differ d(maxDifferences);
    // 1. frames with compiles. Frame ids restart after torch._dynamo.reset() in an engine
    // session (session::Reset) while the importer keeps them unique, so a compile's frame is
    // compared as the function it names (Session::frameOf), and ids only before any reset.
    std::set<std::pair<const Frame*, const Frame*>> framesSeen;
    for (size_t i = 0; i < std::min(a.compiles.size(), b.compiles.size()) && !d.full(); ++i) {
        const Frame *fa = a.frameOf(a.compiles[i]), *fb = b.frameOf(b.compiles[i]);
        if (!framesSeen.insert({fa, fb}).second) continue;
        const int epoch = a.epochOfCompile(i);
        std::string w = "frame " + std::to_string(a.compiles[i].frameId) + (epoch > 0 ? " after reset " + std::to_string(epoch) : "");
        if (!fa || !fb) {
            d.add(w + ": missing in the " + (fa ? "reimported" : "original") + " session");
            continue;
        }
        d.eq(w + ".name", fa->name, fb->name);
        d.eq(w + ".file", fa->file, fb->file);
        d.eq(w + ".firstLine", fa->firstLine, fb->firstLine);
    }
    auto idsComparable = [&](size_t compile) { return a.epochOfCompile(compile) == 0 && b.epochOfCompile(compile) == 0; };
    // 2. compile entries and 5. the calls that caused them
    d.eq(std::string("compiles.size"), a.compiles.size(), b.compiles.size());
    for (size_t i = 0; i < std::min(a.compiles.size(), b.compiles.size()) && !d.full(); ++i) {
        const CompileEntry &x = a.compiles[i], &y = b.compiles[i];
        std::string w = "compiles[" + std::to_string(i) + "] (" + x.compileId + ")";
        d.eq(w + ".compileId", x.compileId, y.compileId);
        if (idsComparable(i)) d.eq(w + ".frameId", x.frameId, y.frameId);
        d.eq(w + ".status", std::string(toString(x.status)), std::string(toString(y.status)));
        const bool limit = x.status == EntryStatus::LimitHit;
        if (!limit) {
            d.eq(w + ".frameCompileId", x.frameCompileId, y.frameCompileId);
            d.eq(w + ".attempt", x.attempt, y.attempt);
            d.eq(w + ".failReason", x.failReason, y.failReason);
            d.eq(w + ".opCount", x.opCount, y.opCount);
            d.eq(w + ".symbols", x.symbols, y.symbols);
            if (std::fabs(x.compileTimeUs - y.compileTimeUs) > 1.0) d.eq(w + ".compileTimeUs", x.compileTimeUs, y.compileTimeUs);
            d.eq(w + ".graph.size", x.graph.size(), y.graph.size());
            for (size_t n = 0; n < std::min(x.graph.size(), y.graph.size()); ++n) {
                const GraphNode &p = x.graph[n], &q = y.graph[n];
                std::string wn = w + ".graph[" + std::to_string(n) + "]";
                d.eq(wn + ".id", p.id, q.id);
                d.eq(wn + ".name", p.name, q.name);
                d.eq(wn + ".op", p.op, q.op);
                std::string pt = p.op == "placeholder" && p.target.empty() ? p.name : p.target;
                std::string qt = q.op == "placeholder" && q.target.empty() ? q.name : q.target;
                d.eq(wn + ".target", pt, qt);
                d.eq(wn + ".args", p.args, q.args);
                d.eq(wn + ".shape", p.shape, q.shape);
                d.eq(wn + ".dtype", p.dtype, q.dtype);
                d.eq(wn + ".stride", p.stride, q.stride);
                d.eq(wn + ".device", p.device, q.device);
                if (p.op == "output") continue;  // FX prints no frame for the output node
                d.eq(wn + ".line", p.line, q.line);
                if (p.file.empty()) continue;  // the exporter names the frame's file for such nodes
                d.eq(wn + ".file", p.file, q.file);
                d.eq(wn + ".function", p.function, q.function);
                d.eq(wn + ".code", p.code, q.code);
            }
            d.eq(w + ".guards.size", x.guards.size(), y.guards.size());
            for (size_t n = 0; n < std::min(x.guards.size(), y.guards.size()); ++n) {
                const Guard &p = x.guards[n], &q = y.guards[n];
                std::string wn = w + ".guards[" + std::to_string(n) + "]";
                d.eq(wn + ".id", p.id, q.id);
                d.eq(wn + ".parent", p.parent, q.parent);
                d.eq(wn + ".kind", p.kind, q.kind);
                d.eq(wn + ".source", p.source, q.source);
                d.eq(wn + ".code", p.code, q.code);
                d.eq(wn + ".userCode", p.userCode, q.userCode);
                d.eq(wn + ".file", p.file, q.file);
                d.eq(wn + ".line", p.line, q.line);
            }
        }
        const Call* ca = x.causedByCall >= 0 ? callAt(a, x.causedByCall) : nullptr;
        const Call* cb = y.causedByCall >= 0 ? callAt(b, y.causedByCall) : nullptr;
        if (!ca) continue; // the original does not say which call caused it
        if (!cb) {
            d.add(w + ": the reimported session has no call for this compile");
            continue;
        }
        std::string wc = w + ".call";
        if (idsComparable(i)) d.eq(wc + ".frameId", ca->frameId, cb->frameId);
        auto outcome = [&](CallOutcome o) {
            return limit && (o == CallOutcome::RunOnly || o == CallOutcome::Failed) ? std::string("run_only|failed") : std::string(toString(o));
        };
        d.eq(wc + ".outcome", outcome(ca->outcome), outcome(cb->outcome));
        if (limit) continue; // nothing but the reasons is logged for it
        d.eq(wc + ".line", ca->line, cb->line);
        std::vector<const ArgDesc*> ta, tb;
        for (const auto& arg : ca->args)
            if (arg.kind == "tensor") ta.push_back(&arg);
        for (const auto& arg : cb->args)
            if (arg.kind == "tensor") tb.push_back(&arg);
        d.eq(wc + ".tensorArgs.size", ta.size(), tb.size());
        for (size_t k = 0; k < std::min(ta.size(), tb.size()); ++k) {
            std::string wa = wc + ".tensorArgs[" + std::to_string(k) + "]";
            d.eq(wa + ".source", ta[k]->source, tb[k]->source);
            if (ta[k]->type == "Tensor" || ta[k]->type == "Parameter") d.eq(wa + ".type", ta[k]->type, tb[k]->type);
            d.eq(wa + ".shape", ta[k]->shape, tb[k]->shape);
            d.eq(wa + ".stride", ta[k]->stride, tb[k]->stride);
            d.eq(wa + ".dtype", ta[k]->dtype, tb[k]->dtype);
            d.eq(wa + ".device", ta[k]->device, tb[k]->device);
            d.eq(wa + ".requiresGrad", ta[k]->requiresGrad, tb[k]->requiresGrad);
        }
    }
    // 3. recompiles
    d.eq(std::string("recompiles.size"), a.recompiles.size(), b.recompiles.size());
    for (size_t i = 0; i < std::min(a.recompiles.size(), b.recompiles.size()) && !d.full(); ++i) {
        const Recompile &x = a.recompiles[i], &y = b.recompiles[i];
        std::string w = "recompiles[" + std::to_string(i) + "] (" + x.compileId + ")";
        d.eq(w + ".compileId", x.compileId, y.compileId);
        if (a.epochOfCall(x.callIndex) == 0 && b.epochOfCall(y.callIndex) == 0) d.eq(w + ".frameId", x.frameId, y.frameId);
        d.eq(w + ".limitHit", x.limitHit, y.limitHit);
        d.eq(w + ".reasons.size", x.reasons.size(), y.reasons.size());
        for (size_t k = 0; k < std::min(x.reasons.size(), y.reasons.size()); ++k) {
            const RecompileReason &p = x.reasons[k], &q = y.reasons[k];
            std::string wr = w + ".reasons[" + std::to_string(k) + "]";
            d.eq(wr + ".failedEntryId", p.failedEntryId, q.failedEntryId);
            d.eq(wr + ".text", p.text, q.text);
            d.eq(wr + ".category", std::string(toString(p.category)), std::string(toString(q.category)));
            d.eq(wr + ".guardKind", p.guardKind, q.guardKind);
            d.eq(wr + ".source", p.source, q.source);
            d.eq(wr + ".expected", p.expected, q.expected);
            d.eq(wr + ".actual", p.actual, q.actual);
            d.eq(wr + ".dim", p.dim, q.dim);
            d.eq(wr + ".fix", p.fix, q.fix);
        }
    }
    // 4. shape events of a compile
    auto sa = representableShapes(a), sb = representableShapes(b);
    d.eq(std::string("shapeEvents(representable).size"), sa.size(), sb.size());
    for (size_t i = 0; i < std::min(sa.size(), sb.size()) && !d.full(); ++i) {
        const ShapeEvent &p = *sa[i], &q = *sb[i];
        std::string w = "shapeEvents[" + std::to_string(i) + "] (" + p.compileId + " " + std::string(toString(p.kind)) + ")";
        d.eq(w + ".kind", std::string(toString(p.kind)), std::string(toString(q.kind)));
        d.eq(w + ".compileId", p.compileId, q.compileId);
        if (p.kind == ShapeEventKind::GuardAdded) {
            d.eq(w + ".text", p.text, q.text);
            continue;
        }
        d.eq(w + ".symbol", p.symbol, q.symbol);
        d.eq(w + ".source", sizeSource(p), sizeSource(q));
        d.eq(w + ".dim", p.dim, q.dim);
        d.eq(w + ".hint", p.hint, q.hint);
        if (p.kind == ShapeEventKind::CreateSymbol) d.eq(w + ".range", p.range, q.range);
        else d.eq(w + ".text", p.text, q.text);
    }
    return d.take();
}

} // namespace gs::trace
