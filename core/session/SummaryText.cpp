#include "core/session/SummaryText.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "core/session/GuardCount.h"
#include "core/session/TypeNames.h"

namespace gs::session {
namespace {

std::string plural(int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string frameLabel(const Frame& f) {
    return f.name + "  " + f.file + ":" + std::to_string(f.firstLine);
}

// Long reason texts and multi-line log texts are shown on one line each.
std::string oneLine(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

std::string totalsLine(const Summary& s) {
    std::string line = plural(s.frames, "frame", "frames") + " · " + plural(s.calls, "call", "calls") + " · " +
                       plural(s.compiles, "compile", "compiles") + " · " +
                       plural(s.recompiles, "recompile", "recompiles") + " · " +
                       plural(s.cacheHits, "cache hit", "cache hits");
    if (s.runOnly) line += " · " + std::to_string(s.runOnly) + " run-only";
    if (s.limitHits) line += " · " + plural(s.limitHits, "recompile limit hit", "recompile limit hits");
    if (s.failures) line += " · " + plural(s.failures, "failed compile", "failed compiles");
    if (s.staleHits) line += " · " + plural(s.staleHits, "STALE hit (--verify: a guard is missing)", "STALE hits (--verify: a guard is missing)");
    return line;
}

std::string categoriesLine(const Summary& s) {
    std::vector<std::pair<std::string, int64_t>> cats(s.recompilesByCategory.begin(), s.recompilesByCategory.end());
    std::stable_sort(cats.begin(), cats.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [name, n] : cats) line += (line.empty() ? "" : " · ") + name + " " + std::to_string(n);
    return line;
}

// `fixesShown`: the fixes already printed for this frame and the recompile that printed them, so
// a fix repeated by every entry and every recompile is one line, then "as for 0/1" (issue 13:
// no repeated lines).
void renderRecompile(std::ostringstream& out, const Session& s, const Recompile& r,
                     std::vector<std::pair<std::string, std::string>>& fixesShown) {
    out << "    " << r.compileId << "  at call #" << r.callIndex;
    if (r.limitHit) out << "  — recompile limit hit: no new entry, the frame runs without compiling";
    out << "\n";
    std::vector<std::string> here;  // fixes already named under this recompile
    for (const auto& reason : r.reasons) {
        out << "      [" << toString(reason.category) << "]  ";
        if (!reason.failedEntryId.empty()) out << reason.failedEntryId << ": ";
        // A type change reads as the types (int → Tensor), not as a TYPE_MATCH guard's type id.
        std::string types = reason.category == ReasonCategory::TypeChange ? TypeNames::changeText(s, r, reason) : "";
        if (!types.empty()) out << "type of " << (reason.source.empty() ? "an input" : reason.source) << " changed: " << types << "\n";
        else out << oneLine(reason.text) << "\n";
        if (reason.allFailures.size() > 1)
            out << "        (" << plural(static_cast<int64_t>(reason.allFailures.size()), "failing guard", "failing guards")
                << " in that entry)\n";
        if (reason.fix.empty() || std::find(here.begin(), here.end(), reason.fix) != here.end()) continue;
        here.push_back(reason.fix);
        auto seen = std::find_if(fixesShown.begin(), fixesShown.end(), [&](const auto& f) { return f.first == reason.fix; });
        if (seen == fixesShown.end()) {
            fixesShown.emplace_back(reason.fix, r.compileId);
            out << "        fix: " << reason.fix << "\n";
        } else {
            out << "        fix: as for " << seen->second << " above\n";
        }
    }
}

} // namespace

size_t SummaryText::width(const std::string& text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xc0) != 0x80) ++n;
    return n;
}

std::string SummaryText::alignColumns(const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
    std::vector<size_t> widths;
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], width(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line = indent;
        for (size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - width(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string SummaryText::render(const Session& s) { return render(s, s.summary()); }

std::string SummaryText::render(const Session& s, const Summary& summary) {
    std::ostringstream out;
    const SessionInfo& i = s.info;
    out << "Session " << i.id << ": " << (i.title.empty() ? "(untitled)" : i.title) << "\n";
    out << "  " << toString(i.kind) << " · " << toString(i.status) << " · " << (i.created.empty() ? "?" : i.created);
    if (!i.sourcePath.empty()) out << " · " << i.sourcePath;
    out << "\n";
    if (i.status == SessionStatus::Interrupted)
        out << "  (the recording was cut off — crash, kill or full disk — so what follows is incomplete)\n";

    std::set<int> shown;
    auto frameBlock = [&](int frameId, const std::string& label) {
        out << "\nFrame " << frameId << ": " << label << "\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : s.compiles) {
            if (c.frameId != frameId) continue;
            rows.push_back({c.compileId, std::string(toString(c.status)), plural(c.hitCount, "hit", "hits"),
                            plural(c.opCount, "op", "ops"),
                            plural(GuardCount::of(c).value_or(0), "guard", "guards"),
                            c.causedByCall >= 0 ? "compiled at call #" + std::to_string(c.causedByCall) : ""});
            if (c.status == EntryStatus::Failed && !c.failReason.empty()) rows.back().back() += "  (" + oneLine(c.failReason) + ")";
        }
        if (rows.empty()) {
            out << "  no cache entries\n";
        } else {
            out << "  Cache entries (" << rows.size() << "):\n" << alignColumns(rows, "    ");
        }
        bool header = false;
        std::vector<std::pair<std::string, std::string>> fixesShown;
        for (const auto& r : s.recompiles) {
            if (r.frameId != frameId) continue;
            if (!header) out << "  Recompiles:\n";
            header = true;
            renderRecompile(out, s, r, fixesShown);
        }
    };
    for (const auto& f : s.frames) {
        if (!shown.insert(f.id).second) continue;
        frameBlock(f.id, frameLabel(f));
    }
    // Entries or recompiles of frames the session never described (imported traces may do that).
    for (const auto& c : s.compiles)
        if (shown.insert(c.frameId).second) frameBlock(c.frameId, "(unknown function)");
    for (const auto& r : s.recompiles)
        if (shown.insert(r.frameId).second) frameBlock(r.frameId, "(unknown function)");

    if (!s.tests.empty()) {
        out << "\nTests: " << summary.testsPassed << " passed, " << summary.testsFailed << " failed, "
            << summary.testsSkipped << " skipped\n";
        for (const auto& t : s.tests) {
            if (t.status == TestStatus::Pass) continue;
            std::string where = t.file.empty() ? "" : " (" + t.file + ":" + std::to_string(t.line) + ")";
            out << "  " << toString(t.status) << "  " << (t.className.empty() ? "" : t.className + ".") << t.name
                << where << (t.message.empty() ? "" : ": " + oneLine(t.message)) << "\n";
        }
    }
    out << "\nTotals: " << totalsLine(summary) << "\n";
    if (!summary.recompilesByCategory.empty()) out << "Recompiles by first reason: " << categoriesLine(summary) << "\n";
    return out.str();
}

std::string SummaryText::diff(const Session& a, const Summary& sa, const Session& b, const Summary& sb) {
    std::ostringstream out;
    // (Strings are built by append: GCC 12 gives a false -Wrestrict on "lit" + std::string.)
    auto name = [](const Session& s) {
        std::string t = "#";
        t += std::to_string(s.info.id);
        t += ' ';
        t += s.info.title.empty() ? "(untitled)" : s.info.title;
        return t;
    };
    out << "Comparing session " << name(a) << " (A) with session " << name(b) << " (B)\n\n";
    auto n = [](int64_t v) { return std::to_string(v); };
    auto delta = [](int64_t x, int64_t y) {
        if (x == y) return std::string("same");
        std::string t = y > x ? "+" : "";
        t += std::to_string(y - x);
        return t;
    };
    std::vector<std::vector<std::string>> totals{
        {"", "A", "B", "B - A"},
        {"status", std::string(toString(a.info.status)), std::string(toString(b.info.status)), ""},
        {"frames", n(sa.frames), n(sb.frames), delta(sa.frames, sb.frames)},
        {"calls", n(sa.calls), n(sb.calls), delta(sa.calls, sb.calls)},
        {"compiles", n(sa.compiles), n(sb.compiles), delta(sa.compiles, sb.compiles)},
        {"recompiles", n(sa.recompiles), n(sb.recompiles), delta(sa.recompiles, sb.recompiles)},
        {"cache hits", n(sa.cacheHits), n(sb.cacheHits), delta(sa.cacheHits, sb.cacheHits)},
        {"run-only calls", n(sa.runOnly), n(sb.runOnly), delta(sa.runOnly, sb.runOnly)},
        {"limit hits", n(sa.limitHits), n(sb.limitHits), delta(sa.limitHits, sb.limitHits)}};
    out << alignColumns(totals, "  ");

    // Frames are matched by function name and file (ids may differ between runs).
    auto key = [](const Frame& f) { return f.name + "  " + f.file; };
    std::vector<std::string> order;
    std::map<std::string, std::pair<const Frame*, const Frame*>> frames;
    for (const auto& f : a.frames) if (!frames.count(key(f))) order.push_back(key(f)), frames[key(f)].first = &f;
    for (const auto& f : b.frames) {
        if (!frames.count(key(f))) order.push_back(key(f));
        if (!frames[key(f)].second) frames[key(f)].second = &f;
    }
    auto compiles = [](const Session& s, const Frame* f) -> std::string {
        if (!f) return "—";
        int64_t ok = 0;
        for (const auto& c : s.compiles) if (c.frameId == f->id && c.status == EntryStatus::Ok) ++ok;
        return plural(ok, "compile", "compiles");
    };
    std::vector<std::vector<std::string>> frameRows{{"frame", "A", "B"}};
    for (const auto& k : order) {
        const auto& [fa, fb] = frames[k];
        const Frame* f = fa ? fa : fb;
        frameRows.push_back({frameLabel(*f), compiles(a, fa), compiles(b, fb)});
    }
    out << "\nFrames (compiles per frame; — = not in that session):\n" << alignColumns(frameRows, "  ");

    std::map<std::string, std::pair<int64_t, int64_t>> cats;
    for (const auto& [c, v] : sa.recompilesByCategory) cats[c].first = v;
    for (const auto& [c, v] : sb.recompilesByCategory) cats[c].second = v;
    out << "\nRecompiles by first reason:\n";
    if (cats.empty()) out << "  none in either session\n";
    else {
        std::vector<std::vector<std::string>> rows{{"category", "A", "B"}};
        for (const auto& [c, v] : cats) rows.push_back({c, n(v.first), n(v.second)});
        out << alignColumns(rows, "  ");
    }

    // Reason texts (with their fix) present in one session and not the other say what changed.
    std::map<std::string, std::pair<int64_t, int64_t>> texts;
    std::map<std::string, std::string> fixes;
    auto collect = [&](const Session& s, bool second) {
        for (const auto& r : s.recompiles)
            for (const auto& x : r.reasons) {
                std::string t = "[";
                t += toString(x.category);
                t += "] ";
                t += oneLine(x.text);
                (second ? texts[t].second : texts[t].first)++;
                if (!x.fix.empty()) fixes[t] = x.fix;
            }
    };
    collect(a, false);
    collect(b, true);
    out << "\nRecompile reasons (count in A → count in B):\n";
    if (texts.empty()) out << "  none in either session\n";
    for (const auto& [t, v] : texts) {
        out << "  " << v.first << " → " << v.second << "  " << t << "\n";
        if (fixes.count(t)) out << "        fix: " << fixes[t] << "\n";
    }
    return out.str();
}

} // namespace gs::session
