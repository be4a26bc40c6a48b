#include "core/session/GuardDiff.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/session/ReasonClassifier.h"

namespace gs::session {
namespace {

using Key = std::pair<std::string, std::string>; // (kind, source)

Key keyOf(const Guard& g) { return {g.kind, GuardDiff::matchSource(g)}; }

std::string label(const Guard& g) {
    std::string s = g.kind;
    std::string src = GuardDiff::matchSource(g);
    if (!src.empty()) s += " " + src;
    return s;
}

} // namespace

bool GuardDiff::isManager(std::string_view kind) {
    return kind.size() >= 7 && kind.substr(kind.size() - 7) == "Manager";
}

std::string GuardDiff::normalizeCode(std::string_view code) {
    std::string_view c = ReasonClassifier::stripComment(code);
    std::string out;
    out.reserve(c.size());
    char quote = 0;
    bool pendingSpace = false;
    for (size_t i = 0; i < c.size(); ++i) {
        char ch = c[i];
        if (quote) {
            out.push_back(ch);
            if (ch == '\\' && i + 1 < c.size()) out.push_back(c[++i]);
            else if (ch == quote) quote = 0;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty()) out.push_back(' ');
        pendingSpace = false;
        if (ch == '\'' || ch == '"') quote = ch;
        out.push_back(ch);
    }
    return out;
}

std::string GuardDiff::matchSource(const Guard& g) {
    if (!g.source.empty()) return g.source;
    std::string_view code = ReasonClassifier::stripComment(g.code);
    std::string ref = ReasonClassifier::firstSourceReference(code); // e.g. L['x'] in "2 <= L['x'].size()[0]"
    if (!ref.empty()) return ref;
    return std::string(ReasonClassifier::leadingSource(code));
}

std::string GuardDiff::describeChange(std::string_view beforeCode, std::string_view afterCode) {
    std::string a = normalizeCode(beforeCode), b = normalizeCode(afterCode);
    auto calleeOf = [](const std::string& s) { return s.substr(0, s.find('(')); };
    auto argsA = ReasonClassifier::callArguments(a), argsB = ReasonClassifier::callArguments(b);
    bool calls = !argsA.empty() && !argsB.empty() && calleeOf(a) == calleeOf(b);
    if (!calls && argsA.empty() && argsB.empty()) { // "source=…, accessed_by=…" of managers
        argsA = ReasonClassifier::splitTopLevel(a, ", ");
        argsB = ReasonClassifier::splitTopLevel(b, ", ");
        calls = argsA.size() > 1 && argsA.size() == argsB.size();
    }
    if (calls) {
        std::string out;
        for (size_t i = 0; i < std::max(argsA.size(), argsB.size()); ++i) {
            std::string_view x = i < argsA.size() ? argsA[i] : std::string_view("(none)");
            std::string_view y = i < argsB.size() ? argsB[i] : std::string_view("(none)");
            if (x == y) continue;
            if (!out.empty()) out += "; ";
            out += std::string(x) + " → " + std::string(y);
        }
        if (!out.empty()) return out;
    }
    return a + " → " + b;
}

GuardDiffResult GuardDiff::diff(const std::vector<Guard>& older, const std::vector<Guard>& newer) {
    return diff(older, newer, Options{});
}

GuardDiffResult GuardDiff::diff(const std::vector<Guard>& older, const std::vector<Guard>& newer, Options options) {
    auto relevant = [&](const Guard& g) { return options.includeManagers || !isManager(g.kind); };
    // older guards by key, in order; each is used at most once
    std::map<Key, std::vector<size_t>> olderByKey;
    std::vector<std::string> olderCode(older.size());
    std::vector<bool> olderUsed(older.size(), false);
    for (size_t i = 0; i < older.size(); ++i) {
        if (!relevant(older[i])) continue;
        olderByKey[keyOf(older[i])].push_back(i);
        olderCode[i] = normalizeCode(older[i].code);
    }

    GuardDiffResult out;
    std::vector<size_t> pending; // newer guards without an identical older guard
    for (size_t j = 0; j < newer.size(); ++j) {
        if (!relevant(newer[j])) continue;
        auto it = olderByKey.find(keyOf(newer[j]));
        bool same = false;
        if (it != olderByKey.end()) {
            std::string code = normalizeCode(newer[j].code);
            for (size_t i : it->second)
                if (!olderUsed[i] && olderCode[i] == code) {
                    olderUsed[i] = true;
                    same = true;
                    break;
                }
        }
        if (same) ++out.unchanged;
        else pending.push_back(j);
    }
    for (size_t j : pending) {
        auto it = olderByKey.find(keyOf(newer[j]));
        bool paired = false;
        if (it != olderByKey.end())
            for (size_t i : it->second)
                if (!olderUsed[i]) {
                    olderUsed[i] = true;
                    out.changed.push_back({older[i], newer[j], describeChange(older[i].code, newer[j].code)});
                    paired = true;
                    break;
                }
        if (!paired) out.added.push_back(newer[j]);
    }
    for (size_t i = 0; i < older.size(); ++i)
        if (relevant(older[i]) && !olderUsed[i]) out.removed.push_back(older[i]);
    return out;
}

std::string GuardDiff::toText(const GuardDiffResult& d) {
    std::string out;
    for (const auto& c : d.changed) out += "~ " + label(c.after) + ": " + c.summary + "\n";
    for (const auto& g : d.added) out += "+ " + label(g) + ": " + normalizeCode(g.code) + "\n";
    for (const auto& g : d.removed) out += "- " + label(g) + ": " + normalizeCode(g.code) + "\n";
    return out;
}

} // namespace gs::session
