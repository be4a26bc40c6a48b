// compile/<id>.html: one compile, everything the report knows about it.
#include "core/report/CompilePage.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/report/CodeHtml.h"
#include "core/report/GuardTreeSvg.h"
#include "core/report/Html.h"
#include "core/report/SessionReport.h"
#include "core/session/CategoryColor.h"
#include "core/session/GraphPrinter.h"
#include "core/session/GuardCount.h"
#include "core/session/GuardDiff.h"

namespace gs::report {

using namespace gs::session;

namespace {

// Pictures of bigger trees are unreadable and slow to lay out; the text is shown instead.
constexpr size_t kMaxGuardsInPicture = 400;
// An artifact bigger than this is written to its file but not shown inline.
constexpr size_t kMaxInline = 64 * 1024;

std::string chip(ReasonCategory c) {
    std::string label(toString(c));
    std::replace(label.begin(), label.end(), '_', ' ');
    return "<span class=\"cat\" style=\"background:" + CategoryColor::hex(c) + "\">" + Html::escape(label) + "</span>";
}

std::string pre(const std::string& text, bool python) {
    return "<pre>" + (python ? CodeHtml::python(text) : Html::escape(text)) + "</pre>";
}

std::string kv(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string out = "<div class=\"kv panel\">";
    for (const auto& [k, v] : rows) out += "<span class=\"k\">" + Html::escape(k) + "</span><span class=\"mono\">" + Html::escape(v) + "</span>";
    return out + "</div>";
}

std::string why(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    const Recompile* r = ctx.recompileOf[i];
    std::string body;
    if (c.status == EntryStatus::Failed)
        body += "<div class=\"reason\"><b>The compile failed.</b> " + Html::escape(c.failReason) + "</div>";
    if (c.status == EntryStatus::LimitHit)
        body += "<div class=\"reason\"><b>Stopped by the recompile limit</b>: no entry was made; the call ran eagerly. " +
                Html::escape(c.failReason) + "</div>";
    if (!r || r->reasons.empty()) {
        if (c.frameCompileId == 0) body += "<p class=\"lead\">The first compile of this function: nothing was cached for it yet.</p>";
        else body += "<p class=\"lead\">No recompile reason was recorded for this compile.</p>";
        return section("Why it was compiled", body);
    }
    body += "<p class=\"lead\">Every cache entry of the function rejected the call" +
            (r->callIndex >= 0 ? " #" + std::to_string(r->callIndex) : std::string()) +
            "; the newest entry first, each with the guard that failed first:</p>";
    for (const auto& reason : r->reasons) {
        body += "<div class=\"reason\">" + chip(reason.category) + " <span class=\"mono\">" + Html::escape(reason.failedEntryId) + ": " +
                Html::escape(reason.text) + "</span>";
        if (reason.allFailures.size() > 1) {
            body += "<details><summary>" + std::to_string(reason.allFailures.size()) + " guards of " + Html::escape(reason.failedEntryId) +
                    " failed</summary><pre>";
            for (const auto& f : reason.allFailures) body += Html::escape(f) + "\n";
            body += "</pre></details>";
        }
        body += "</div>";
        if (!reason.fix.empty()) body += "<div class=\"fix\"><b>Fix:</b> " + Html::escape(reason.fix) + "</div>";
    }
    return section("Why it was compiled", body);
}

std::string theCall(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    if (c.causedByCall < 0) return {};
    const Call* call = nullptr;
    for (const auto& k : ctx.s.calls)
        if (k.index == c.causedByCall) call = &k;
    if (!call || call->args.empty()) return {};
    std::string rows;
    for (const auto& a : call->args) {
        std::string what = a.type;
        if (a.kind == "tensor") {
            what += " " + a.dtype + "[";
            for (size_t d = 0; d < a.shape.size(); ++d) what += (d ? ", " : "") + std::to_string(a.shape[d]);
            what += "]";
            if (!a.device.empty() && a.device != "cpu") what += " " + a.device;
            if (a.requiresGrad) what += " requires_grad";
        } else if (!a.value.empty()) {
            what += " " + a.value;
        }
        if (a.aliasOf >= 0) what += "  (same object as argument " + std::to_string(a.aliasOf) + ")";
        rows += "<tr><td class=\"mono\">" + Html::escape(a.source) + "</td><td class=\"mono\">" + Html::escape(what) + "</td></tr>";
    }
    return section("The call", "<table><tr><th>input</th><th>value</th></tr>" + rows + "</table>",
                   "Call #" + std::to_string(call->index) + (call->line > 0 ? " at line " + std::to_string(call->line) : std::string()) +
                       " made this compile.");
}

std::string guardDiff(const ReportContext& ctx, size_t i) {
    const int prev = ctx.previousOf[i];
    const CompileEntry& c = ctx.s.compiles[i];
    if (prev < 0 || c.guards.empty()) return {};
    const CompileEntry& p = ctx.s.compiles[static_cast<size_t>(prev)];
    const GuardDiffResult d = GuardDiff::diff(p.guards, c.guards);
    std::string body;
    if (d.empty()) {
        body = "<p class=\"lead\">Same guards as " + Html::escape(p.compileId) + ".</p>";
    } else {
        body = "<pre class=\"diff\">";
        for (const auto& g : d.changed)
            body += "<span class=\"chg\">~ " + Html::escape(g.after.kind + " " + GuardDiff::matchSource(g.after) + ": " + g.summary) + "</span>\n";
        for (const auto& g : d.added)
            body += "<span class=\"add\">+ " + Html::escape(g.kind + " " + GuardDiff::matchSource(g) + ": " + GuardDiff::normalizeCode(g.code)) +
                    "</span>\n";
        for (const auto& g : d.removed)
            body += "<span class=\"del\">- " + Html::escape(g.kind + " " + GuardDiff::matchSource(g) + ": " + GuardDiff::normalizeCode(g.code)) +
                    "</span>\n";
        body += "</pre><p class=\"muted\">" + std::to_string(d.unchanged) + " guards unchanged.</p>";
    }
    return section("Guards changed since " + p.compileId, body,
                   "Against the function's entry before this one: ~ changed, + added, - dropped.");
}

std::string guards(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    if (c.guards.empty() && c.guardsText.empty()) return {};
    std::string body;
    if (!c.guards.empty() && c.guards.size() <= kMaxGuardsInPicture)
        body += "<div class=\"svgbox\">" + GuardTreeSvg::render(c.guards, ctx.failedGuards[i]) + "</div>";
    else if (!c.guards.empty())
        body += "<p class=\"muted\">" + std::to_string(c.guards.size()) + " guard tree nodes: too many to draw, see the text.</p>";
    if (!c.guardsText.empty())
        body += "<details" + std::string(c.guards.empty() ? " open=\"open\"" : "") + "><summary>TREE_GUARD_MANAGER as printed</summary>" +
                pre(c.guardsText, false) + "</details>";
    const auto count = GuardCount::of(c);
    return section("Guards", body,
                   (count ? std::to_string(*count) + " guards (PyTorch's guard_count). " : std::string()) +
                       "Guards that rejected a later call are drawn in red.");
}

std::string graph(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    if (c.graph.empty()) return {};
    const Frame* f = ctx.s.frame(c.frameId);
    const std::string text = GraphPrinter::readable(c.graph, ctx.s.info.sourcePath.empty() && f ? f->file : ctx.s.info.sourcePath,
                                                    f ? f->name : std::string());
    return section("Graph", pre(text, true), std::to_string(c.opCount) + " operations, as PyTorch's print_readable shows them.");
}

std::string symbols(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    std::string rows;
    for (const auto& e : ctx.s.shapeEvents) {
        if (e.compileId != c.compileId) continue;
        rows += "<tr><td>" + Html::escape(std::string(toString(e.kind))) + "</td><td class=\"mono\">" + Html::escape(e.symbol) +
                "</td><td class=\"mono\">" + Html::escape(e.source + (e.dim >= 0 ? " dim " + std::to_string(e.dim) : std::string())) +
                "</td><td class=\"mono\">" + Html::escape(e.sizesSeen.empty() ? e.range : e.sizesSeen) + "</td></tr>";
    }
    if (rows.empty() && c.symbols.empty()) return {};
    std::string body;
    if (!c.symbols.empty()) {
        std::string list;
        for (const auto& s : c.symbols) list += (list.empty() ? "" : ", ") + s;
        body += "<p>Symbols made by this compile: <span class=\"mono\">" + Html::escape(list) + "</span></p>";
    }
    if (!rows.empty())
        body += "<table><tr><th>event</th><th>symbol</th><th>source</th><th>range / sizes seen</th></tr>" + rows + "</table>";
    return section("Dynamic shapes", body);
}

std::string stack(const CompileEntry& c) {
    if (c.stack.empty()) return {};
    std::string out = "<div class=\"panel trie\"><ul>";
    for (const auto& f : c.stack) {
        out += "<li><span class=\"mono\">" + Html::escape(f.file) + ":" + std::to_string(f.line) + " in " + Html::escape(f.function) + "</span>";
        if (!f.text.empty()) out += "<br/><span class=\"mono src\">    " + Html::escape(f.text) + "</span>";
        out += "</li>";
    }
    return section("User stack", out + "</ul></div>", "Outermost first; the last frame is the compiled function.");
}

std::string metrics(const CompileEntry& c) {
    if (c.metrics.empty()) return {};
    std::string rows;
    for (const auto& m : c.metrics)
        rows += "<tr><td class=\"mono\">" + Html::escape(m.name) + "</td><td class=\"mono\">" + Html::escape(m.json) + "</td></tr>";
    return section("compilation_metrics", "<details><summary>" + std::to_string(c.metrics.size()) +
                                              " fields, in the log's order</summary><table><tr><th>field</th><th>value</th></tr>" + rows +
                                              "</table></details>");
}

std::string cache(const CompileEntry& c) {
    if (c.cache.empty()) return {};
    std::string rows;
    for (const auto& e : c.cache)
        rows += "<tr><td>" + Html::escape(e.kind) + "</td><td><span class=\"badge " + (e.result == "hit" ? "ok" : e.result == "miss" ? "failed" : "") +
                "\">" + Html::escape(e.result) + "</span></td><td class=\"mono\">" + Html::escape(e.key) + "</td><td>" + Html::escape(e.detail) +
                "</td></tr>";
    return section("Compile caches", "<table><tr><th>cache</th><th>result</th><th>key</th><th>detail</th></tr>" + rows + "</table>");
}

const TraceRecord* recordAt(const Session& s, int64_t seq) {
    if (seq < 0) return nullptr;
    if (static_cast<size_t>(seq) < s.records.size() && s.records[static_cast<size_t>(seq)].seq == seq) return &s.records[static_cast<size_t>(seq)];
    auto it = std::lower_bound(s.records.begin(), s.records.end(), seq, [](const TraceRecord& r, int64_t v) { return r.seq < v; });
    return it != s.records.end() && it->seq == seq ? &*it : nullptr;
}

std::string artifacts(const ReportContext& ctx, size_t i, int depth, const std::string& folder, std::vector<ReportPage>& files) {
    const CompileEntry& c = ctx.s.compiles[i];
    if (c.artifacts.empty()) return {};
    std::string base = ctx.pageOf[i];
    base = "artifacts/" + base.substr(base.find('/') + 1, base.size() - base.find('/') - 1 - 5) + "/";
    std::string rows, inlined;
    int n = 0, events = 0;
    for (const auto& a : c.artifacts) {
        // Timeline events are many and tiny: counted here, shown by `export --chrome-trace`.
        if (a.kind == "chromium_event") {
            ++events;
            continue;
        }
        const TraceRecord* r = recordAt(ctx.s, a.record);
        const std::string ext = a.format == "json" ? ".json" : a.format == "python" ? ".py" : ".txt";
        std::string name = std::to_string(n++) + "_";
        for (char ch : a.name) name += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-') ? ch : '_';
        name += ext;
        std::string link = Html::escape(a.name);
        if (r && r->payloadKept) {
            files.push_back({folder + base + name, r->hasPayload ? r->payload : r->body});
            link = "<a href=\"../" + base + name + "\">" + link + "</a>";
        }
        rows += "<tr><td class=\"mono\">" + link + "</td><td>" + Html::escape(a.kind) + "</td><td class=\"mono\">" + Html::escape(a.detail) +
                "</td><td class=\"num\">" + std::to_string(a.bytes) + "</td></tr>";
        const bool show = a.kind == "code" || a.name == "fx_graph_runnable" || a.kind == "error";
        if (show && r && r->hasPayload && r->payloadKept && r->payload.size() <= kMaxInline)
            inlined += "<details><summary>" + Html::escape(a.name + (a.detail.empty() ? "" : " " + a.detail)) + "</summary>" +
                       pre(r->payload, a.format == "python") + "</details>";
    }
    (void)depth;
    if (events > 0)
        inlined += "<p class=\"muted\">" + std::to_string(events) +
                   " chromium_event records (the compile\u2019s timeline): see <span class=\"mono\">guardscope-cli export --chrome-trace</span>.</p>";
    return section("Artifacts", "<table><tr><th>artifact</th><th>kind</th><th>detail</th><th class=\"num\">bytes</th></tr>" + rows +
                                    "</table>" + inlined,
                   "Everything the log holds for this compile, in the log's order; each is a file beside the report.");
}

std::string neighbours(const ReportContext& ctx, size_t i) {
    std::string out;
    const int prev = ctx.previousOf[i];
    if (prev >= 0)
        out += "<a href=\"../" + ctx.pageOf[static_cast<size_t>(prev)] + "\">← " + Html::escape(ctx.s.compiles[static_cast<size_t>(prev)].compileId) +
               "</a> ";
    for (size_t j = i + 1; j < ctx.s.compiles.size(); ++j)
        if (ctx.previousOf[j] == static_cast<int>(i)) {
            out += "<a href=\"../" + ctx.pageOf[j] + "\">" + Html::escape(ctx.s.compiles[j].compileId) + " →</a>";
            break;
        }
    return out.empty() ? out : "<p>" + out + "</p>";
}

} // namespace

std::string CompilePage::render(const ReportContext& ctx, size_t i, int depth, const std::string& folder, std::vector<ReportPage>& files) {
    const CompileEntry& c = ctx.s.compiles[i];
    std::vector<std::pair<std::string, std::string>> facts{{"function", ctx.frameLabel(c.frameId)}};
    if (c.compileTimeUs > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, c.compileTimeUs < 10000 ? "%.2f ms" : "%.0f ms", c.compileTimeUs / 1000);
        facts.emplace_back("compile time", buf);
    }
    if (c.hitCount > 0) facts.emplace_back("cache hits", std::to_string(c.hitCount));
    if (!c.graph.empty()) facts.emplace_back("graph operations", std::to_string(c.opCount));
    if (auto n = GuardCount::of(c)) facts.emplace_back("guards", std::to_string(*n));
    std::string body = "<h1>Compile " + Html::escape(c.compileId) + " " + ctx.statusBadge(i) + "</h1>\n" + neighbours(ctx, i) + kv(facts);
    body += why(ctx, i);
    body += theCall(ctx, i);
    body += guardDiff(ctx, i);
    body += guards(ctx, i);
    body += graph(ctx, i);
    body += symbols(ctx, i);
    body += stack(c);
    body += cache(c);
    body += metrics(c);
    body += artifacts(ctx, i, depth, folder, files);
    return Html::page("Compile " + c.compileId, ctx.s.info.title, body, depth);
}

} // namespace gs::report
