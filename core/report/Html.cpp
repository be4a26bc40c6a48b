#include "core/report/Html.h"

namespace gs::report {

std::string Html::escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters other than tab/newline are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += "\xEF\xBF\xBD";
            else if (c != '\r') out += c;
        }
    }
    return out;
}

std::string Html::element(std::string_view tag, std::string_view text, std::string_view attrs) {
    std::string out = "<";
    out.append(tag);
    if (!attrs.empty()) out.append(" ").append(attrs);
    out.append(">").append(escape(text)).append("</").append(tag).append(">");
    return out;
}

std::string Html::compileFileName(std::string_view compileId, int occurrence) {
    std::string out;
    std::string_view id = compileId;
    if (!id.empty() && id.front() == '!') {
        out = "ca";
        id.remove_prefix(1);
    }
    for (char c : id) out += (c >= '0' && c <= '9') ? c : '_';
    if (out.empty()) out = "compile";
    if (occurrence > 0) out.append("-").append(std::to_string(occurrence));
    return out;
}

std::string Html::page(const std::string& title, const std::string& subtitle, const std::string& body, int depth) {
    std::string up;
    for (int i = 0; i < depth; ++i) up += "../";
    return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
           escape(title) + " — Guardscope report</title>\n<style>\n" + css() + "</style>\n</head>\n<body>\n" +
           "<header class=\"top\"><a class=\"brand\" href=\"" + up + "index.html\">Guardscope</a><span class=\"crumb\">" +
           escape(title) + "</span>" + (subtitle.empty() ? "" : "<span class=\"sub\">" + escape(subtitle) + "</span>") +
           "</header>\n<main>\n" + body + "</main>\n<footer>Made by Guardscope from a recorded torch.compile session. "
           "Self-contained: no scripts, no network.</footer>\n</body>\n</html>\n";
}

const char* Html::css() {
    // No "<" or "&" in here: the sheet sits unescaped inside <style> in an XML document.
    return R"css(:root { --fg: #1d2430; --muted: #5f6b7a; --line: #dde3ea; --bg: #f6f8fb; --card: #ffffff;
  --accent: #2f6fc6; --ok: #1e8e3e; --bad: #c5221f; --warn: #b06000; --code: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "DejaVu Sans", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; align-items: baseline; gap: 14px; padding: 12px 28px; background: #1f2d3d; color: #fff; }
header.top a.brand { color: #fff; font-weight: 700; font-size: 17px; text-decoration: none; letter-spacing: .3px; }
header.top .crumb { font-size: 16px; }
header.top .sub { color: #aab7c6; font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 28px 40px; }
footer { text-align: center; color: var(--muted); font-size: 12px; padding: 16px; }
h1 { font-size: 22px; margin: 4px 0 14px; }
h2 { font-size: 17px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
p.lead { color: var(--muted); margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 10px; margin: 10px 0 6px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .n { font-size: 24px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .4px; }
.card.bad .n { color: var(--bad); } .card.warn .n { color: var(--warn); } .card.ok .n { color: var(--ok); }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: 6px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef2f7; font-weight: 600; font-size: 12px; color: #384456; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre, .mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; margin: 6px 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: #7a8796; }
.badge.ok { background: var(--ok); } .badge.failed { background: var(--bad); } .badge.limit_hit { background: var(--warn); }
.cat { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 12px; color: #fff; white-space: nowrap; }
.bars .row { display: grid; grid-template-columns: 190px 1fr 40px; align-items: center; gap: 8px; margin: 4px 0; }
.bars .bar { height: 16px; border-radius: 3px; }
.chain { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0 2px; }
.chain a.pill { display: inline-block; padding: 3px 9px; border-radius: 12px; color: #fff; font-size: 12.5px; font-weight: 600; }
.chain .arrow { color: var(--muted); }
.fix { border-left: 4px solid var(--ok); background: #eef8f0; padding: 6px 10px; margin: 6px 0; border-radius: 0 6px 6px 0; }
.reason { border-left: 4px solid var(--warn); background: #fff7ec; padding: 6px 10px; margin: 6px 0; border-radius: 0 6px 6px 0; }
.diff .add { color: var(--ok); } .diff .del { color: var(--bad); } .diff .chg { color: var(--warn); }
.trie ul { list-style: none; padding-left: 18px; margin: 2px 0; }
.trie > ul { padding-left: 0; }
.trie li { margin: 2px 0; }
.trie .src { color: var(--muted); }
.svgbox { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
details > summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
.kv .k { color: var(--muted); }
.hl-k { color: #8430ce; font-weight: 600; } .hl-s { color: #1a7f37; } .hl-c { color: #6e7781; font-style: italic; }
.hl-n { color: #b35900; } .hl-f { color: #0550ae; }
.muted { color: var(--muted); }
)css";
}

} // namespace gs::report
