#include "core/session/GuardTreePrinter.h"

#include <unordered_map>

#include "core/session/GuardDiff.h"

namespace gs::session {

std::string GuardTreePrinter::print(const std::vector<Guard>& guards, const GuardTreeStyle& style) {
    std::unordered_map<int, int> depthOf; // guard id → depth
    std::string out;
    for (const Guard& g : guards) {
        int depth = 0;
        if (g.parent >= 0) {
            auto it = depthOf.find(g.parent);
            depth = it == depthOf.end() ? 0 : it->second + 1;
        }
        depthOf[g.id] = depth;
        std::string line;
        for (int i = 0; i < depth; ++i) line += "| ";
        line += "+- " + g.kind;
        const bool manager = GuardDiff::isManager(g.kind);
        const std::string text = manager && g.code.empty() && !g.source.empty() ? "source=" + g.source : g.code;
        if (!text.empty()) line += ": " + text;
        if (!manager && (!g.userCode.empty() || !g.file.empty())) {
            if (line.size() < style.commentColumn) line.append(style.commentColumn - line.size(), ' ');
            if (!g.userCode.empty()) line += "  # " + g.userCode;
            if (!g.file.empty()) line += "  # " + (style.path ? style.path(g.file) : g.file) + ":" + std::to_string(g.line);
        }
        out += line;
        out += '\n';
    }
    return out;
}

} // namespace gs::session
