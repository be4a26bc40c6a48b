#pragma once
// Guard-set diff between two cache entries of one frame: what guards the newer entry added,
// dropped or changed (torch-trace-format §1.4 / §6 item 3: "compare guards files" by hand is
// what users do today). Used by the GUI's "why it recompiled" view and by the trace importer.
#include <string>
#include <string_view>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

struct GuardChange {
    Guard before;            // in the older entry
    Guard after;             // in the newer entry
    std::string summary;     // the differing parts, e.g. "size=[2, 2] → size=[3, 3]"
    bool operator==(const GuardChange&) const = default;
};

struct GuardDiffResult {
    std::vector<Guard> added;          // only in the newer entry (newer's order)
    std::vector<Guard> removed;        // only in the older entry (older's order)
    std::vector<GuardChange> changed;  // same kind and source, different code (newer's order)
    int unchanged = 0;
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
    bool operator==(const GuardDiffResult&) const = default;
};

class GuardDiff {
public:
    struct Options {
        // Guard managers (RootGuardManager, GuardManager: source=…) only structure the tree;
        // by default only leaf guards are compared.
        bool includeManagers = false;
    };

    // Matches guards by (kind, source) — the source of a root-level guard is the leading source
    // of its code — and by normalised code. Equal code: unchanged; same kind and source but
    // different code: changed (paired in order); the rest: added / removed.
    static GuardDiffResult diff(const std::vector<Guard>& older, const std::vector<Guard>& newer);
    static GuardDiffResult diff(const std::vector<Guard>& older, const std::vector<Guard>& newer, Options options);

    // Code without the provenance comment and with whitespace runs collapsed (outside quotes).
    static std::string normalizeCode(std::string_view code);
    // The source a guard is matched by: Guard::source, else the leading source of its code.
    static std::string matchSource(const Guard& g);
    static bool isManager(std::string_view kind);
    // For calls with the same callee, the differing arguments ("size=[2, 2] → size=[3, 3]");
    // otherwise "old code → new code".
    static std::string describeChange(std::string_view beforeCode, std::string_view afterCode);
    // One line per difference: "+ KIND source: code", "- KIND source: code", "~ KIND source: summary".
    static std::string toText(const GuardDiffResult& d);
};

} // namespace gs::session
