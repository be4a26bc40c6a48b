#include "core/report/StackTrie.h"

#include <memory>
#include <tuple>

#include "core/report/Html.h"

namespace gs::report {

using namespace gs::session;

namespace {

struct Node {
    StackFrame frame;
    std::vector<std::unique_ptr<Node>> children;
    std::vector<size_t> compiles;
};

Node* child(Node& n, const StackFrame& f) {
    for (auto& c : n.children)
        if (std::tie(c->frame.file, c->frame.line, c->frame.function) == std::tie(f.file, f.line, f.function)) return c.get();
    n.children.push_back(std::make_unique<Node>());
    n.children.back()->frame = f;
    return n.children.back().get();
}

std::string frameHtml(const StackFrame& f) {
    std::string s = "<span class=\"mono\">" + Html::escape(f.file) + ":" + std::to_string(f.line) + " in " + Html::escape(f.function) +
                    "</span>";
    if (!f.text.empty()) s += "<br/><span class=\"mono src\">    " + Html::escape(f.text) + "</span>";
    return s;
}

// A run of single children is printed as one flat list, as tlparse does; a fork indents.
void render(const ReportContext& ctx, const Node& n, std::string& out) {
    const Node* cur = &n;
    for (;;) {
        out += "<li>" + frameHtml(cur->frame);
        if (!cur->compiles.empty()) {
            out += "<div class=\"chain\">";
            for (size_t i : cur->compiles)
                out += "<a class=\"pill\" style=\"background:" + ctx.colourOf(i) + "\" href=\"" + ctx.pageOf[i] + "\">" +
                       Html::escape(ctx.s.compiles[i].compileId) + "</a>";
            out += "</div>";
        }
        out += "</li>";
        if (cur->children.size() != 1) break;
        cur = cur->children.front().get();
    }
    if (cur->children.size() > 1) {
        out += "<li><ul>";
        for (const auto& c : cur->children) {
            out += "<li><ul>";
            render(ctx, *c, out);
            out += "</ul></li>";
        }
        out += "</ul></li>";
    }
}

} // namespace

std::vector<StackFrame> StackTrie::stackOf(const ReportContext& ctx, size_t i) {
    const CompileEntry& c = ctx.s.compiles[i];
    if (!c.stack.empty()) return c.stack;
    std::vector<StackFrame> out;
    const Frame* f = ctx.s.frame(c.frameId);
    if (!f) return out;
    for (const auto& call : ctx.s.calls)
        if (call.index == c.causedByCall && call.line > 0) {
            out.push_back({ctx.s.info.sourcePath.empty() ? f->file : ctx.s.info.sourcePath, call.line, "<module>", ""});
            break;
        }
    out.push_back({f->file, f->firstLine, f->name, ""});
    return out;
}

std::string StackTrie::section(const ReportContext& ctx) {
    Node root;
    bool any = false;
    for (size_t i = 0; i < ctx.s.compiles.size(); ++i) {
        if (ctx.s.compiles[i].status == EntryStatus::LimitHit) continue;  // never started: no stack logged
        auto stack = stackOf(ctx, i);
        if (stack.empty()) continue;
        any = true;
        Node* n = &root;
        for (const auto& f : stack) n = child(*n, f);
        n->compiles.push_back(i);
    }
    if (!any) return {};
    std::string out = "<div class=\"panel trie\"><ul>";
    for (const auto& c : root.children) render(ctx, *c, out);
    out += "</ul></div>";
    return report::section("Where the compiles come from", out,
                           "The user stacks that reached each compiled function, outermost first (most recent call last); where "
                           "stacks part, the list indents.");
}

} // namespace gs::report
