// index.html of one session: the summary a teammate reads first.
#include "core/report/IndexPage.h"

#include <algorithm>
#include <map>

#include "core/report/Html.h"
#include "core/report/StackTrie.h"
#include "core/session/CategoryColor.h"

namespace gs::report {

using namespace gs::session;

namespace {

std::string card(int64_t n, const std::string& label, const char* cls = "") {
    return std::string("<div class=\"card ") + cls + "\"><div class=\"n\">" + std::to_string(n) + "</div><div class=\"l\">" +
           Html::escape(label) + "</div></div>";
}

std::string categoryLabel(ReasonCategory c) {
    std::string s(toString(c));
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string categoryChip(ReasonCategory c) {
    return std::string("<span class=\"cat\" style=\"background:") + CategoryColor::hex(c) + "\">" + Html::escape(categoryLabel(c)) +
           "</span>";
}

std::string summaryCards(const Session& s) {
    const Summary sum = s.summary();
    std::string out = "<div class=\"cards\">";
    out += card(sum.frames, "frames");
    if (s.info.kind == SessionKind::Scenario) out += card(sum.calls, "calls");
    out += card(sum.compiles, "compiles", "ok");
    out += card(sum.recompiles, "recompiles", sum.recompiles ? "warn" : "");
    if (s.info.kind == SessionKind::Scenario) out += card(sum.cacheHits, "cache hits");
    out += card(sum.failures, "failed compiles", sum.failures ? "bad" : "");
    out += card(sum.limitHits, "recompile limit hits", sum.limitHits ? "bad" : "");
    if (sum.runOnly) out += card(sum.runOnly, "calls run eagerly");
    if (sum.testsPassed + sum.testsFailed + sum.testsSkipped > 0) {
        out += card(sum.testsPassed, "tests passed", "ok");
        out += card(sum.testsFailed, "tests failed", sum.testsFailed ? "bad" : "");
    }
    return out + "</div>\n";
}

std::string whyItRecompiled(const Session& s) {
    std::map<ReasonCategory, int64_t> byCategory;
    std::map<std::string, std::pair<int64_t, ReasonCategory>> fixes;
    for (const auto& r : s.recompiles) {
        if (r.reasons.empty()) continue;
        const auto& first = r.reasons.front();
        ++byCategory[first.category];
        if (!first.fix.empty()) {
            auto& f = fixes[first.fix];
            ++f.first;
            f.second = first.category;
        }
    }
    if (byCategory.empty()) return section("Why it recompiled", "<p class=\"lead\">Nothing was compiled twice.</p>");
    int64_t most = 0;
    for (const auto& [c, n] : byCategory) most = std::max(most, n);
    std::string bars = "<div class=\"panel bars\">";
    std::vector<std::pair<int64_t, ReasonCategory>> order;
    for (const auto& [c, n] : byCategory) order.emplace_back(n, c);
    std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (const auto& [n, c] : order)
        bars += "<div class=\"row\"><span>" + categoryChip(c) + "</span><div class=\"bar\" style=\"width:" +
                std::to_string(std::max<int64_t>(2, n * 100 / most)) + "%;background:" + CategoryColor::hex(c) +
                "\"></div><span class=\"num\">" + std::to_string(n) + "</span></div>";
    bars += "</div>";
    std::string fixList;
    for (const auto& [fix, info] : fixes)
        fixList += "<div class=\"fix\">" + categoryChip(info.second) + " " + Html::escape(fix) + " <span class=\"muted\">(" +
                   std::to_string(info.first) + (info.first == 1 ? " recompile" : " recompiles") + ")</span></div>";
    return section("Why it recompiled", bars + (fixList.empty() ? "" : "<h3>Suggested fixes</h3>" + fixList),
                   "Each recompile is counted by the category of its first reason (the newest cache entry that rejected the call).");
}

std::string chains(const ReportContext& ctx) {
    const Session& s = ctx.s;
    std::string out;
    std::vector<int> frames;
    for (const auto& c : s.compiles)
        if (std::find(frames.begin(), frames.end(), c.frameId) == frames.end()) frames.push_back(c.frameId);
    for (int f : frames) {
        out += "<div class=\"panel\"><h3>Frame " + std::to_string(f) + ": <span class=\"mono\">" + Html::escape(ctx.frameLabel(f)) +
               "</span></h3><div class=\"chain\">";
        bool first = true;
        for (size_t i = 0; i < s.compiles.size(); ++i) {
            const auto& c = s.compiles[i];
            if (c.frameId != f) continue;
            // After torch._dynamo.reset(), ids start again at F/0: a new row, not one more arrow.
            if (!first) out += c.frameCompileId == 0 ? "</div><div class=\"chain\">" : "<span class=\"arrow\">→</span>";
            first = false;
            std::string title = std::string(toString(c.status));
            if (ctx.recompileOf[i] && !ctx.recompileOf[i]->reasons.empty()) title += ": " + ctx.recompileOf[i]->reasons.front().text;
            out += "<a class=\"pill\" style=\"background:" + ctx.colourOf(i) + "\" href=\"" + ctx.pageOf[i] + "\" title=\"" +
                   Html::escape(title) + "\">" + Html::escape(c.compileId) + "</a>";
        }
        out += "</div>";
        std::string rows;
        for (size_t i = 0; i < s.compiles.size(); ++i) {
            const Recompile* r = ctx.recompileOf[i];
            if (s.compiles[i].frameId != f || !r || r->reasons.empty()) continue;
            const auto& first = r->reasons.front();
            rows += "<tr><td><a href=\"" + ctx.pageOf[i] + "\">" + Html::escape(s.compiles[i].compileId) + "</a> " + ctx.statusBadge(i) +
                    "</td><td class=\"num\">" + (r->callIndex >= 0 ? "#" + std::to_string(r->callIndex) : "") + "</td><td>" +
                    categoryChip(first.category) + "</td><td class=\"mono\">" + Html::escape(first.failedEntryId) + ": " +
                    Html::escape(first.text) + (r->reasons.size() > 1 ? " <span class=\"muted\">(+" + std::to_string(r->reasons.size() - 1) +
                                                                            " older entries)</span>" : "") +
                    "</td><td>" + Html::escape(first.fix) + "</td></tr>";
        }
        if (!rows.empty())
            out += "<table><tr><th>compile</th><th class=\"num\">at call</th><th>category</th><th>first reason</th><th>suggested fix</th></tr>" +
                   rows + "</table>";
        out += "</div>\n";
    }
    if (out.empty()) out = "<p class=\"lead\">No compiles were recorded.</p>";
    return section("Recompile chains", out,
                   "Every compile of each function, oldest first; a pill's colour is why it was compiled (blue: first compile, red: failed, "
                   "brown: stopped by the recompile limit). Click one for its guards, graph and reasons.");
}

std::string tests(const Session& s) {
    if (s.tests.empty()) return {};
    std::string rows;
    for (const auto& t : s.tests)
        rows += "<tr><td class=\"mono\">" + Html::escape(t.className + "." + t.name) + "</td><td>" +
                Html::escape(std::string(toString(t.status))) + "</td><td>" + Html::escape(t.message) + "</td></tr>";
    return section("Tests", "<table><tr><th>test</th><th>result</th><th>message</th></tr>" + rows + "</table>");
}

std::string logs(const Session& s) {
    if (s.logs.empty()) return {};
    std::string text;
    size_t shown = 0;
    for (const auto& l : s.logs) {
        if (++shown > 2000) {
            text += "… " + std::to_string(s.logs.size() - 2000) + " more lines\n";
            break;
        }
        text += "[" + l.channel + (l.compileId.empty() ? "" : " " + l.compileId) + "] " + l.text + "\n";
    }
    return section("Log", "<details><summary>" + std::to_string(s.logs.size()) + " lines (TORCH_LOGS-style)</summary><pre>" +
                              Html::escape(text) + "</pre></details>");
}

std::string config(const Session& s) {
    std::string body;
    if (!s.info.configJson.empty())
        body += "<details><summary>torch._dynamo.config at the start</summary><pre>" + Html::escape(s.info.configJson) + "</pre></details>";
    if (!s.info.metadata.empty()) {
        body += "<div class=\"kv panel\">";
        for (const auto& [k, v] : s.info.metadata)
            body += "<span class=\"k\">" + Html::escape(k) + "</span><span class=\"mono\">" + Html::escape(v) + "</span>";
        body += "</div>";
    }
    return body.empty() ? std::string() : section("Config and metadata", body);
}

} // namespace

std::string IndexPage::render(const ReportContext& ctx, int depth) {
    const Session& s = ctx.s;
    std::string body = "<h1>" + Html::escape(s.info.title.empty() ? "Session" : s.info.title) + "</h1>\n<p class=\"lead\">" +
                       Html::escape(std::string(s.info.kind == SessionKind::Scenario ? "Scenario run" : "Imported TORCH_TRACE log") +
                                    " · " + std::string(toString(s.info.status)) + (s.info.created.empty() ? "" : " · " + s.info.created) +
                                    (s.info.sourcePath.empty() ? "" : " · " + s.info.sourcePath)) +
                       "</p>\n";
    body += summaryCards(s);
    body += whyItRecompiled(s);
    body += chains(ctx);
    body += StackTrie::section(ctx);
    body += tests(s);
    body += config(s);
    body += logs(s);
    return Html::page(s.info.title.empty() ? "Session" : s.info.title, std::string(toString(s.info.kind)), body, depth);
}

} // namespace gs::report
