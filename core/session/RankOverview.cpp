#include "core/session/RankOverview.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <map>

namespace gs::session {

namespace {

int64_t rankOf(const SessionInfo& i) {
    auto it = i.metadata.find("rank");
    int64_t r = -1;
    if (it == i.metadata.end()) return r;
    auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), r);
    return ec == std::errc() && p == it->second.data() + it->second.size() ? r : -1;
}

std::string hex(size_t h) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 15];
    return out;
}

// Node op, target and shape: what makes two ranks run different kernels. Names and line numbers
// are left out (they differ without consequence).
std::string graphFingerprint(const CompileEntry& c) {
    std::string all;
    for (const auto& n : c.graph) all += n.op + "|" + n.target + "|" + n.shape + "|" + n.dtype + "\n";
    return c.graph.empty() ? std::string("-") : hex(std::hash<std::string>{}(all));
}

// `refHas` says whose sequence `theirs` is: "the majority has", or "rank 0 has" without one.
std::string describe(const std::string& aspect, const std::vector<std::string>& mine, const std::vector<std::string>& theirs,
                     const std::string& refHas) {
    size_t i = 0;
    while (i < mine.size() && i < theirs.size() && mine[i] == theirs[i]) ++i;
    const std::string what = aspect == "compiles"          ? "compile"
                             : aspect == "recompile_reasons" ? "recompile reason of compile"
                             : aspect == "graphs"            ? "graph of compile"
                             : aspect == "cache"             ? "cache results of compile"
                             : aspect == "collectives"       ? "collectives of compile"
                                                             : "tensor metadata of compile";
    if (i < mine.size() && i < theirs.size())
        return what + " #" + std::to_string(i + 1) + ": " + (mine[i].empty() ? "(none)" : mine[i]) + " where " + refHas + " " +
               (theirs[i].empty() ? "(none)" : theirs[i]);
    if (mine.size() > theirs.size())
        return std::to_string(mine.size()) + " compiles where " + refHas + " " + std::to_string(theirs.size()) + "; the first extra: " +
               (aspect == "compiles" ? mine[i] : "#" + std::to_string(i + 1));
    return std::to_string(mine.size()) + " compiles where " + refHas + " " + std::to_string(theirs.size()) + "; the first missing: " +
           (aspect == "compiles" ? theirs[i] : "#" + std::to_string(i + 1));
}

// "torch.ops._c10d_functional.all_reduce_.default" -> "all_reduce_.default": the namespaces are
// the same on every rank and make the detail unreadable.
std::string shortOp(const std::string& op) {
    if (op.rfind("torch.ops.", 0) != 0) return op;
    const size_t ns = op.find('.', 10);
    return ns == std::string::npos ? op : op.substr(ns + 1);
}

} // namespace

RankProfile::RankProfile(const Session& s) {
    beginSession(s.info);
    sessionId = s.info.id;
    // replay's order is causal: a recompile before its entry
    size_t r = 0;
    for (const auto& f : s.frames) frame(f);
    for (const auto& c : s.compiles) {
        while (r < s.recompiles.size() && s.recompiles[r].callIndex <= c.causedByCall) recompile(s.recompiles[r++]);
        compile(c);
    }
    status = s.info.status;
}

void RankProfile::beginSession(const SessionInfo& i) {
    rank = rankOf(i);
    title = i.title;
    path = i.sourcePath;
    sessionId = i.id;
    status = i.status;
}

void RankProfile::updateInfo(const SessionInfo& i) {
    const int64_t id = sessionId;
    beginSession(i);
    if (i.id == 0) sessionId = id;
}

void RankProfile::frame(const Frame& f) { frames_.push_back(f); }

void RankProfile::recompile(const Recompile& r) {
    if (!r.limitHit) ++recompiles;
    std::string why;
    if (!r.reasons.empty()) {
        const RecompileReason& x = r.reasons.front();
        // category and what failed, not the text: ids in ___check_obj_id differ per process
        why = std::string(toString(x.category)) + (x.guardKind.empty() ? "" : " " + x.guardKind) + (x.source.empty() ? "" : " " + x.source);
    }
    reasons_.emplace_back(r.compileId, why);
}

void RankProfile::compile(const CompileEntry& c) {
    if (c.status == EntryStatus::Ok) ++compiles;
    else if (c.status == EntryStatus::Failed) ++failures;
    else ++limitHits;
    compileTimeS += c.compileTimeUs / 1e6;
    std::string cache;
    for (const auto& e : c.cache) {
        if (e.result == "hit") ++cacheHits;
        else if (e.result == "miss") ++cacheMisses;
        cache += (cache.empty() ? "" : " ") + e.kind + ":" + e.result;
    }
    std::string name = "?";
    for (const auto& f : frames_)
        if (f.id == c.frameId) name = f.name;
    compileSeq.push_back(c.compileId + " " + name + (c.status == EntryStatus::Ok ? "" : " (" + std::string(toString(c.status)) + ")"));
    std::string why;
    auto it = std::find_if(reasons_.begin(), reasons_.end(), [&](const auto& p) { return p.first == c.compileId; });
    if (it != reasons_.end()) {
        why = it->second;
        reasons_.erase(it);
    }
    reasonSeq.push_back(why);
    graphSeq.push_back(graphFingerprint(c));
    cacheSeq.push_back(cache);
    std::string collectives = c.inductor.hasCollectives ? "" : "-";
    for (const auto& op : c.inductor.collectives) collectives += (collectives.empty() ? "" : " ") + shortOp(op);
    if (c.inductor.hasCollectives && c.inductor.collectives.empty()) collectives = "(none)";
    collectiveSeq.push_back(collectives);
    tensorMetaSeq.push_back(c.inductor.tensorMeta.empty() ? "-" : c.inductor.tensorMeta);
    compileIds.push_back(c.compileId);
    runtimeSeq.push_back(c.inductor.runtimeMs);
    if (c.inductor.runtimeMs >= 0) runtimeMs = (runtimeMs < 0 ? 0 : runtimeMs) + c.inductor.runtimeMs;
}

std::vector<Divergence> RankOverview::divergences(const std::vector<RankProfile>& ranks) {
    std::vector<Divergence> out;
    std::vector<const RankProfile*> ok;
    for (const auto& r : ranks)
        if (r.error.empty()) ok.push_back(&r);
    std::stable_sort(ok.begin(), ok.end(), [](const RankProfile* a, const RankProfile* b) { return a->rank < b->rank; });
    if (ok.size() < 2) return out;
    const std::pair<const char*, std::vector<std::string> RankProfile::*> aspects[] = {
        {"compiles", &RankProfile::compileSeq}, {"recompile_reasons", &RankProfile::reasonSeq},
        {"graphs", &RankProfile::graphSeq}, {"cache", &RankProfile::cacheSeq},
        {"collectives", &RankProfile::collectiveSeq}, {"tensor_meta", &RankProfile::tensorMetaSeq}};
    for (const auto& aspectAndSeq : aspects) {
        // Not a structured binding: clang 14 (Debian 12's) cannot capture one in a lambda.
        const char* const aspect = aspectAndSeq.first;
        const auto seq = aspectAndSeq.second;
        // groups of ranks with identical sequences, in order of their lowest rank
        std::vector<std::vector<const RankProfile*>> groups;
        for (const RankProfile* r : ok) {
            auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& grp) { return grp.front()->*seq == r->*seq; });
            if (g == groups.end()) groups.push_back({r});
            else g->push_back(r);
        }
        if (groups.size() < 2) continue;
        auto names = [](const std::vector<const RankProfile*>& g) {
            std::string s = g.size() == 1 ? "rank " : "ranks ";
            for (size_t i = 0; i < g.size(); ++i) s += (i ? ", " : "") + std::to_string(g[i]->rank);
            return s;
        };
        // groups are in order of their lowest rank (ok is in rank order); the largest one is a
        // majority only when it holds more than half of the ranks
        auto major = std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
        Divergence d;
        d.aspect = aspect;
        d.noMajority = major->size() * 2 <= ok.size();
        if (d.noMajority) {
            major = groups.begin(); // the reference the others are described against, not a culprit
            for (auto* r : ok) d.ranks.push_back(r->rank);
        } else {
            for (auto* r : *major) d.majority.push_back(r->rank);
        }
        const std::string refHas = d.noMajority ? names(*major) + (major->size() == 1 ? " has" : " have") : std::string("the majority has");
        for (auto g = groups.begin(); g != groups.end(); ++g) {
            if (g == major) continue;
            if (!d.noMajority)
                for (auto* r : *g) d.ranks.push_back(r->rank);
            d.difference += (d.difference.empty() ? "" : "; ") + names(*g) + ": " + describe(aspect, g->front()->*seq, major->front()->*seq, refHas);
        }
        d.detail = d.noMajority ? names(ok) + " differ, no majority; " + d.difference : d.difference;
        std::sort(d.ranks.begin(), d.ranks.end());
        std::sort(d.majority.begin(), d.majority.end());
        out.push_back(std::move(d));
    }
    return out;
}

std::string RankOverview::millis(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", ms);
    return buf;
}

std::vector<GraphRuntime> RankOverview::runtimes(const std::vector<RankProfile>& ranks) {
    std::vector<const RankProfile*> ok;
    for (const auto& r : ranks)
        if (r.error.empty()) ok.push_back(&r);
    std::stable_sort(ok.begin(), ok.end(), [](const RankProfile* a, const RankProfile* b) { return a->rank < b->rank; });
    std::vector<GraphRuntime> out;
    for (const RankProfile* r : ok)
        for (size_t i = 0; i < r->compileIds.size() && i < r->runtimeSeq.size(); ++i) {
            const double ms = r->runtimeSeq[i];
            if (ms < 0) continue;
            auto g = std::find_if(out.begin(), out.end(), [&](const GraphRuntime& x) { return x.compileId == r->compileIds[i]; });
            if (g == out.end()) {
                out.push_back({r->compileIds[i], {}, r->rank, r->rank, ms, ms});
                g = out.end() - 1;
            } else if (std::any_of(g->ranks.begin(), g->ranks.end(), [&](const auto& p) { return p.first == r->rank; })) {
                continue; // a compile id again on the same rank (after a reset): the first one counts
            }
            g->ranks.emplace_back(r->rank, ms);
            if (ms < g->fastestMs) {
                g->fastestMs = ms;
                g->fastestRank = r->rank;
            }
            if (ms > g->slowestMs) {
                g->slowestMs = ms;
                g->slowestRank = r->rank;
            }
        }
    return out;
}

} // namespace gs::session
