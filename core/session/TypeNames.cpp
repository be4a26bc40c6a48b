#include "core/session/TypeNames.h"

#include "core/session/ReasonClassifier.h"

namespace gs::session {
namespace {

const ArgDesc* argOf(const Call* c, const std::string& strippedSource) {
    if (!c) return nullptr;
    for (const auto& a : c->args)
        if (ReasonClassifier::stripLocalScope(a.source) == strippedSource) return &a;
    return nullptr;
}

const Call* callAt(const Session& s, int64_t index) {
    if (index < 0) return nullptr;
    if (static_cast<size_t>(index) < s.calls.size() && s.calls[static_cast<size_t>(index)].index == index)
        return &s.calls[static_cast<size_t>(index)];
    for (const auto& c : s.calls)
        if (c.index == index) return &c;
    return nullptr;
}

// The newest entry with this id compiled before `beforeCall` (ids repeat after a reset).
const CompileEntry* entryBefore(const Session& s, const std::string& id, int64_t beforeCall) {
    const CompileEntry* found = nullptr;
    for (const auto& e : s.compiles)
        if (e.compileId == id && (beforeCall < 0 || e.causedByCall < 0 || e.causedByCall < beforeCall)) found = &e;
    return found;
}

// type=<class 'int'> on the GuardManager line of `source` in the entry's tree.
std::string managerType(const CompileEntry* e, const std::string& strippedSource) {
    if (!e) return {};
    for (const auto& g : e->guards) {
        if (g.kind != "GuardManager" || ReasonClassifier::stripLocalScope(g.source) != strippedSource) continue;
        size_t t = g.code.find("type=<class '");
        if (t == std::string::npos) continue;
        size_t end = g.code.find("'>", t);
        if (end != std::string::npos) return g.code.substr(t + 5, end + 2 - (t + 5));
    }
    return {};
}

} // namespace

std::string TypeNames::shortName(const std::string& t) {
    const std::string pre = "<class '", post = "'>";
    if (t.size() <= pre.size() + post.size() || t.compare(0, pre.size(), pre) != 0 || t.compare(t.size() - post.size(), post.size(), post) != 0)
        return t;
    std::string name = t.substr(pre.size(), t.size() - pre.size() - post.size());
    size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(dot + 1);
}

std::pair<std::string, std::string> TypeNames::change(const Session& s, const Recompile& r, const RecompileReason& reason) {
    std::string expected, actual;
    // "expected type of 'b' to be <class 'torch.Tensor'>, but found <class 'int'>" names both.
    if (reason.expected.rfind("<class '", 0) == 0) expected = shortName(reason.expected);
    if (reason.actual.rfind("<class '", 0) == 0) actual = shortName(reason.actual);
    const CompileEntry* entry = entryBefore(s, reason.failedEntryId, r.callIndex);
    if (expected.empty() && entry) {
        if (const ArgDesc* a = argOf(callAt(s, entry->causedByCall), reason.source)) expected = a->type;
        if (expected.empty()) expected = shortName(managerType(entry, reason.source));
    }
    if (actual.empty())
        if (const ArgDesc* a = argOf(callAt(s, r.callIndex), reason.source)) actual = a->type;
    if (actual.empty()) actual = shortName(managerType(s.compile(r.compileId), reason.source));
    return {expected, actual};
}

std::string TypeNames::changeText(const Session& s, const Recompile& r, const RecompileReason& reason) {
    auto [e, a] = change(s, r, reason);
    if (e.empty() && a.empty()) return {};
    return (e.empty() ? "?" : e) + " → " + (a.empty() ? "?" : a);
}

} // namespace gs::session
