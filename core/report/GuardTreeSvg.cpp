#include "core/report/GuardTreeSvg.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/layout/GraphvizLayout.h"
#include "core/report/Html.h"
#include "core/session/GuardDiff.h"

namespace gs::report {
namespace {

constexpr double kCharWidth = 6.7;  // DejaVu Sans Mono at 11px
constexpr double kLineHeight = 14;
constexpr size_t kMaxChars = 72;

std::string cut(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    // Cut on a UTF-8 character boundary.
    if (line.size() <= kMaxChars) return line;
    size_t n = kMaxChars - 1;
    while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
    return line.substr(0, n) + "…";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Border colour by what a guard checks (managers are grey).
const char* borderOf(const std::string& kind) {
    if (kind == "TENSOR_MATCH" || kind == "NO_HASATTR" || kind == "DYNAMIC_INDICES") return "#2f6fc6";
    if (kind == "LAMBDA_GUARD") return "#d9822b";
    if (kind == "ID_MATCH" || kind == "TYPE_MATCH") return "#00897b";
    if (kind == "EQUALS_MATCH" || kind == "BOOL_MATCH" || kind == "NONE_MATCH" || kind == "SEQUENCE_LENGTH" ||
        kind == "LENGTH_CHECK")
        return "#2e7d32";
    if (kind == "NO_TENSOR_ALIASING" || kind == "DUPLICATE_INPUT" || kind == "OBJECT_ALIASING") return "#c28f00";
    return "#6a5acd";
}

// "g12": the layout id of guard 12 (std::string's append, not "g" + to_string(): GCC 12 warns
// wrongly about the latter, bug 105329).
std::string nodeId(int guard) {
    std::string id = std::to_string(guard);
    id.insert(id.begin(), 'g');
    return id;
}

} // namespace

std::string GuardTreeSvg::render(const std::vector<session::Guard>& guards, const std::set<int>& failed) {
    if (guards.empty()) return {};
    struct Label {
        std::vector<std::string> lines;
        bool manager = false;
    };
    std::map<std::string, Label> labels;
    layout::LayoutRequest req;
    req.direction = layout::Direction::LeftToRight;
    req.rankSep = 36;
    req.nodeSep = 8;
    std::set<int> ids;
    for (const auto& g : guards) ids.insert(g.id);
    for (const auto& g : guards) {
        Label l;
        l.manager = session::GuardDiff::isManager(g.kind);
        l.lines.push_back(g.kind);
        if (!g.source.empty()) l.lines.push_back(cut(g.source));
        if (!l.manager && !g.code.empty()) l.lines.push_back(cut(g.code));
        size_t chars = 0;
        for (const auto& s : l.lines) chars = std::max(chars, s.size());
        const std::string id = nodeId(g.id);
        req.nodes.push_back({id, static_cast<double>(chars) * kCharWidth + 16, static_cast<double>(l.lines.size()) * kLineHeight + 10});
        labels.emplace(id, std::move(l));
        if (g.parent >= 0 && ids.count(g.parent))
            req.edges.push_back({"e" + id, nodeId(g.parent), id});
    }
    layout::LayoutResult r = layout::GraphvizLayout::layout(req);
    if (!r.error.empty()) return "<p class=\"muted\">The guard tree could not be laid out: " + Html::escape(r.error) + "</p>";
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(r.width + 8) + "\" height=\"" + num(r.height + 8) +
                      "\" viewBox=\"-4 -4 " + num(r.width + 8) + " " + num(r.height + 8) +
                      "\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"11\">";
    for (const auto& e : r.edges) {
        if (e.bezier.empty()) continue;
        std::string d(1, 'M');
        d += num(e.bezier[0].x) + "," + num(e.bezier[0].y);
        for (size_t i = 1; i + 2 < e.bezier.size(); i += 3)
            d += " C" + num(e.bezier[i].x) + "," + num(e.bezier[i].y) + " " + num(e.bezier[i + 1].x) + "," +
                 num(e.bezier[i + 1].y) + " " + num(e.bezier[i + 2].x) + "," + num(e.bezier[i + 2].y);
        svg += "<path d=\"" + d + "\" fill=\"none\" stroke=\"#9aa7b6\" stroke-width=\"1.2\"/>";
    }
    for (const auto& n : r.nodes) {
        const Label& l = labels.at(n.id);
        const bool bad = failed.count(std::stoi(n.id.substr(1))) != 0;
        const std::string fill = bad ? "#fdecea" : l.manager ? "#eef2f7" : "#ffffff";
        const std::string stroke = bad ? "#c5221f" : l.manager ? "#9aa7b6" : borderOf(l.lines.front());
        svg += "<g><title>" + Html::escape(l.lines.back()) + "</title><rect x=\"" + num(n.left()) + "\" y=\"" + num(n.top()) +
               "\" width=\"" + num(n.width) + "\" height=\"" + num(n.height) + "\" rx=\"5\" fill=\"" + fill + "\" stroke=\"" +
               stroke + "\" stroke-width=\"" + (bad ? "2.2" : "1.3") + "\"/>";
        for (size_t i = 0; i < l.lines.size(); ++i) {
            const double y = n.top() + 5 + kLineHeight * static_cast<double>(i) + 11;
            svg += "<text x=\"" + num(n.left() + 8) + "\" y=\"" + num(y) + "\"" +
                   (i == 0 ? std::string(" font-weight=\"bold\" fill=\"") + (bad ? "#c5221f" : "#1d2430") + "\"" : " fill=\"#3d4a5c\"") + ">" +
                   Html::escape(l.lines[i]) + "</text>";
        }
        svg += "</g>";
    }
    return svg + "</svg>";
}

} // namespace gs::report
