#include "core/trace/GuardTreeText.h"

#include <cctype>
#include <charconv>
#include <unordered_map>

#include "core/session/GuardDiff.h"
#include "core/session/GuardTreePrinter.h"
#include "core/session/ReasonClassifier.h"

namespace gs::trace {
namespace {

using session::Guard;
using session::ReasonClassifier;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool isWord(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

// "<file>:<line>" optionally followed by " in <fn>..." → file and line.
bool parseLocation(std::string_view loc, std::string& file, int& line) {
    for (size_t colon = loc.find(':'); colon != std::string_view::npos; colon = loc.find(':', colon + 1)) {
        size_t d = colon + 1;
        while (d < loc.size() && loc[d] >= '0' && loc[d] <= '9') ++d;
        if (d == colon + 1 || colon == 0) continue;
        if (d != loc.size() && loc.substr(d, 4) != " in ") continue;
        int v = 0;
        auto [p, ec] = std::from_chars(loc.data() + colon + 1, loc.data() + d, v);
        if (ec != std::errc()) continue;
        (void)p;
        file = std::string(loc.substr(0, colon));
        line = v;
        return true;
    }
    return false;
}

} // namespace

void GuardTreeText::parseProvenance(std::string_view comment, Guard& g) {
    std::string_view c = trim(comment);
    size_t last = c.rfind("  # ");
    std::string_view user, loc;
    if (last != std::string_view::npos) {
        user = trim(c.substr(0, last));
        loc = trim(c.substr(last + 4));
    } else {
        loc = c;
    }
    if (parseLocation(loc, g.file, g.line)) {
        g.userCode = std::string(user);
    } else {
        g.userCode = std::string(c);
        g.file.clear();
        g.line = 0;
    }
}

GuardTreeParse GuardTreeText::parse(std::string_view text) {
    GuardTreeParse out;
    std::vector<int> parentAtDepth; // id of the last node at each depth
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;
        if (line.substr(0, 19) == "TREE_GUARD_MANAGER:" || line.substr(0, 13) == "Guard latency" ||
            line.substr(0, 18) == "Guard eval latency" || line.substr(0, 7) == "GUARDS:")
            continue;
        size_t i = 0;
        while (line.substr(i, 2) == "| ") i += 2;
        size_t depth = i / 2;
        if (line.substr(i, 3) != "+- ") {
            if (++out.badLines == 1) out.firstBadLine = std::string(line.substr(0, 200));
            continue;
        }
        std::string_view node = line.substr(i + 3);
        Guard g;
        g.id = static_cast<int>(out.guards.size());
        if (depth > parentAtDepth.size()) depth = parentAtDepth.size(); // a skipped level: attach to the deepest
        g.parent = depth == 0 ? -1 : parentAtDepth[depth - 1];
        parentAtDepth.resize(depth);
        parentAtDepth.push_back(g.id);

        std::string_view body;
        size_t colon = node.find(": ");
        if (colon != std::string_view::npos && isWord(node.substr(0, colon))) {
            g.kind = std::string(node.substr(0, colon));
            body = node.substr(colon + 2);
        } else if (isWord(trim(node))) {
            g.kind = std::string(trim(node));
        } else {
            size_t sp = node.find(' ');
            g.kind = std::string(node.substr(0, sp));
            body = sp == std::string_view::npos ? std::string_view() : node.substr(sp + 1);
        }
        if (session::GuardDiff::isManager(g.kind)) {
            g.code = std::string(trim(body));
            for (auto part : ReasonClassifier::splitTopLevel(g.code, ", "))
                if (part.substr(0, 7) == "source=") g.source = std::string(part.substr(7));
        } else {
            std::string_view code = ReasonClassifier::stripComment(body);
            g.code = std::string(code);
            if (!code.empty()) {
                std::string_view rest = body.substr(static_cast<size_t>(code.data() - body.data()) + code.size());
                rest = trim(rest);
                if (!rest.empty() && rest.front() == '#') parseProvenance(rest.substr(1), g);
            }
            // the nearest manager's source; root-level guards (ambient, shape-env epilogue) have
            // none, as the engine writes them (GuardDiff matches them by the source in their code)
            for (int p = g.parent; p >= 0; p = out.guards[static_cast<size_t>(p)].parent)
                if (!out.guards[static_cast<size_t>(p)].source.empty()) {
                    g.source = out.guards[static_cast<size_t>(p)].source;
                    break;
                }
        }
        out.guards.push_back(std::move(g));
    }
    return out;
}

std::string GuardTreeText::render(const std::vector<Guard>& guards) {
    return "\nTREE_GUARD_MANAGER:\n" + session::GuardTreePrinter::print(guards);
}

} // namespace gs::trace
