#include "core/report/SessionReport.h"

#include "core/report/CompilePage.h"
#include "core/report/Html.h"
#include "core/report/IndexPage.h"
#include "core/report/ReportContext.h"
#include "core/session/RankOverview.h"

namespace gs::report {

using namespace gs::session;

namespace {

std::string rankFolder(const Session& s, size_t position) {
    auto it = s.info.metadata.find("rank");
    return "rank-" + (it != s.info.metadata.end() && !it->second.empty() ? it->second : std::to_string(position)) + "/";
}

// index.html of a folder of ranks: one row per rank, then where the ranks disagree.
std::string ranksIndex(const std::vector<Session>& sessions) {
    std::vector<RankProfile> profiles;
    for (const auto& s : sessions) profiles.emplace_back(s);
    std::string rows;
    for (size_t i = 0; i < sessions.size(); ++i) {
        const RankProfile& p = profiles[i];
        const std::string link = rankFolder(sessions[i], i) + "index.html";
        rows += "<tr><td><a href=\"" + link + "\">" + Html::escape(rankFolder(sessions[i], i).substr(0, rankFolder(sessions[i], i).size() - 1)) +
                "</a></td><td class=\"mono\">" + Html::escape(sessions[i].info.sourcePath) + "</td><td>" +
                Html::escape(std::string(toString(p.status))) + "</td><td class=\"num\">" + std::to_string(p.compiles) +
                "</td><td class=\"num\">" + std::to_string(p.recompiles) + "</td><td class=\"num\">" + std::to_string(p.failures) +
                "</td><td class=\"num\">" + std::to_string(p.limitHits) + "</td><td class=\"num\">" + std::to_string(p.cacheHits) + " / " +
                std::to_string(p.cacheMisses) + "</td></tr>";
    }
    std::string body = "<h1>" + std::to_string(sessions.size()) + " ranks</h1>\n<p class=\"lead\">" +
                       Html::escape(sessions.empty() ? std::string() : sessions.front().info.group) + "</p>\n";
    body += section("Ranks", "<table><tr><th>rank</th><th>log</th><th>status</th><th class=\"num\">compiles</th><th class=\"num\">recompiles</th>"
                             "<th class=\"num\">failed</th><th class=\"num\">limit hits</th><th class=\"num\">cache hits / misses</th></tr>" +
                                 rows + "</table>");
    const auto div = RankOverview::divergences(profiles);
    std::string d;
    for (const auto& v : div) {
        std::string ranks, majority;
        for (auto r : v.ranks) ranks += (ranks.empty() ? "" : ", ") + std::to_string(r);
        for (auto r : v.majority) majority += (majority.empty() ? "" : ", ") + std::to_string(r);
        // without a strict majority no rank is the culprit, and the detail itself begins "ranks 0, 1
        // differ, no majority"
        d += "<div class=\"reason\"><b>" + Html::escape(v.aspect) + "</b>: " +
             (v.noMajority ? std::string() : "rank " + Html::escape(ranks) + " differ(s) from ranks " + Html::escape(majority) + ". ") +
             Html::escape(v.detail) + "</div>";
    }
    body += section("Where the ranks disagree", d.empty() ? "<p class=\"lead\">Every rank compiled the same frames for the same reasons, "
                                                            "with the same graphs and cache results.</p>"
                                                          : d,
                    "Ranks that compile different graphs or recompile for other reasons run different collectives: the desync "
                    "that hangs a distributed job.");
    // Inductor's estimated runtime of each compile on each rank (tlparse's graph runtime analysis)
    const auto runtimes = RankOverview::runtimes(profiles);
    if (!runtimes.empty()) {
        std::string t = "<table><tr><th>compile</th><th>estimated runtime per rank (ms)</th><th class=\"num\">fastest</th>"
                        "<th class=\"num\">slowest</th><th class=\"num\">delta (ms)</th></tr>";
        for (const auto& g : runtimes) {
            std::string per;
            for (const auto& [rank, v] : g.ranks) per += (per.empty() ? "" : ", ") + ("rank " + std::to_string(rank) + ": " + RankOverview::millis(v));
            t += "<tr><td>" + Html::escape(g.compileId) + "</td><td>" + Html::escape(per) + "</td><td class=\"num\">rank " +
                 std::to_string(g.fastestRank) + "</td><td class=\"num\">rank " + std::to_string(g.slowestRank) + "</td><td class=\"num\">" +
                 RankOverview::millis(g.deltaMs()) + "</td></tr>";
        }
        body += section("Estimated runtimes", t + "</table>",
                        "Inductor's estimate for one run of each compiled graph (inductor_runtime_and_tensor_meta): a rank far "
                        "slower than the others holds every collective up.");
    }
    return Html::page("Ranks", "TORCH_TRACE folder", body, 0);
}

} // namespace

std::vector<ReportPage> SessionReport::sessionPages(const Session& s, const std::string& folder, int depth) {
    std::vector<ReportPage> pages;
    ReportContext ctx(s);
    pages.push_back({folder + "index.html", IndexPage::render(ctx, depth)});
    for (size_t i = 0; i < s.compiles.size(); ++i) {
        std::vector<ReportPage> files;
        std::string html = CompilePage::render(ctx, i, depth + 1, folder, files);
        pages.push_back({folder + ctx.pageOf[i], std::move(html)});
        for (auto& f : files) pages.push_back(std::move(f));
    }
    return pages;
}

std::vector<ReportPage> SessionReport::build(const std::vector<Session>& sessions) {
    if (sessions.size() == 1) return sessionPages(sessions.front(), "", 0);
    std::vector<ReportPage> pages{{"index.html", ranksIndex(sessions)}};
    for (size_t i = 0; i < sessions.size(); ++i) {
        auto more = sessionPages(sessions[i], rankFolder(sessions[i], i), 1);
        for (auto& p : more) pages.push_back(std::move(p));
    }
    return pages;
}

} // namespace gs::report
