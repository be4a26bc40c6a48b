#include "core/report/ReportContext.h"

#include "core/report/Html.h"
#include "core/session/CategoryColor.h"

namespace gs::report {

using namespace gs::session;

ReportContext::ReportContext(const Session& session) : s(session) {
    const size_t n = s.compiles.size();
    pageOf.resize(n);
    recompileOf.assign(n, nullptr);
    failedGuards.resize(n);
    previousOf.assign(n, -1);
    // Compile ids repeat after torch._dynamo.reset(): the k-th compile with an id goes with the
    // k-th recompile with that id (as the TORCH_TRACE writer pairs them).
    std::map<std::string, int> seen;
    std::map<std::string, std::vector<const Recompile*>> recompiles;
    for (const auto& r : s.recompiles) recompiles[r.compileId].push_back(&r);
    std::map<std::pair<std::string, int>, size_t> byIdOccurrence;
    std::map<int, int> lastOfFrame;
    for (size_t i = 0; i < n; ++i) {
        const CompileEntry& c = s.compiles[i];
        const int occurrence = seen[c.compileId]++;
        pageOf[i] = "compile/" + Html::compileFileName(c.compileId, occurrence) + ".html";
        auto it = recompiles.find(c.compileId);
        if (it != recompiles.end() && occurrence < static_cast<int>(it->second.size())) recompileOf[i] = it->second[occurrence];
        byIdOccurrence[{c.compileId, occurrence}] = i;
        // A first compile (N = 0) starts a new chain, also after a reset.
        if (c.frameCompileId == 0) lastOfFrame.erase(c.frameId);
        auto last = lastOfFrame.find(c.frameId);
        if (last != lastOfFrame.end()) previousOf[i] = last->second;
        if (c.status == EntryStatus::Ok) lastOfFrame[c.frameId] = static_cast<int>(i);
    }
    // Guards that rejected a call: every failing guard of every evaluation of the entry.
    std::map<std::string, size_t> latest;  // compile id -> newest compile index so far
    size_t next = 0;
    for (const auto& call : s.calls) {
        while (next < n && (s.compiles[next].causedByCall < 0 || s.compiles[next].causedByCall <= call.index)) {
            latest[s.compiles[next].compileId] = next;
            ++next;
        }
        for (const auto& ge : call.tried) {
            if (ge.passed) continue;
            auto it = latest.find(ge.compileId);
            if (it == latest.end()) continue;
            const auto& guards = s.compiles[it->second].guards;
            for (int g : ge.failedGuards)
                if (g >= 0 && g < static_cast<int>(guards.size())) failedGuards[it->second].insert(guards[static_cast<size_t>(g)].id);
        }
    }
}

std::string ReportContext::colourOf(size_t i) const {
    const CompileEntry& c = s.compiles[i];
    if (c.status == EntryStatus::Failed) return "#c5221f";
    if (c.status == EntryStatus::LimitHit) return "#b06000";
    if (recompileOf[i] && !recompileOf[i]->reasons.empty()) return CategoryColor::hex(recompileOf[i]->reasons.front().category);
    return "#2f6fc6";
}

std::string ReportContext::frameLabel(int frameId) const {
    const Frame* f = s.frame(frameId);
    std::string out;
    if (!f) return out.append("frame ").append(std::to_string(frameId));
    out.append(f->name).append("  ").append(f->file);
    if (f->firstLine > 0) out.append(":").append(std::to_string(f->firstLine));
    return out;
}

std::string ReportContext::statusBadge(size_t i) const {
    const std::string st(toString(s.compiles[i].status));
    return "<span class=\"badge " + st + "\">" + Html::escape(st) + "</span>";
}

std::string section(const std::string& title, const std::string& body, const std::string& lead) {
    return "<h2>" + Html::escape(title) + "</h2>\n" + (lead.empty() ? "" : "<p class=\"lead\">" + Html::escape(lead) + "</p>\n") + body +
           "\n";
}

} // namespace gs::report
