#include "core/advisor/FixReportText.h"

#include <algorithm>
#include <sstream>

#include "core/advisor/ScenarioText.h"
#include "core/session/SessionJson.h"

namespace gs::advisor {
namespace {

std::string lastLine(const std::string& text) {
    size_t end = text.find_last_not_of(" \n\r\t");
    if (end == std::string::npos) return {};
    size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
}

std::string plural(int64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string indented(const std::string& text, const std::string& indent) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        out += indent + text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string groupKey(const FixCandidate& c) {
    std::string k = c.frame + " — " + std::string(session::toString(c.category)) + ": ";
    k += c.recompiles.size() == 1 ? "recompile " : "recompiles ";
    for (size_t i = 0; i < c.recompiles.size(); ++i) k += (i ? ", " : "") + c.recompiles[i];
    return k;
}

class Json {
public:
    explicit Json(std::ostream& os) : os_(os) {}
    void str(std::string_view s) { session::writeJsonString(os_, s); }
    void key(const char* k) {
        str(k);
        os_ << ": ";
    }
    void strings(const std::vector<std::string>& v) {
        os_ << "[";
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) os_ << ", ";
            str(v[i]);
        }
        os_ << "]";
    }
    void edit(const Edit& e) {
        os_ << "{";
        if (!e.config.empty()) {
            key("config");
            str(e.config);
            os_ << ", ";
        }
        key("line");
        os_ << e.line << ", ";
        key("end_line");
        os_ << e.endLine << ", ";
        key("before");
        str(e.before);
        os_ << ", ";
        key("after");
        str(e.after);
        os_ << "}";
    }
    void errors(const RunMeasure& m) {
        std::vector<std::string> v;
        if (!m.error.empty()) v.push_back(lastLine(m.error));
        strings(v);
    }
    std::ostream& os() { return os_; }

private:
    std::ostream& os_;
};

} // namespace

std::string FixReportText::effect(const FixReport& report, const FixResult& f) {
    const RunMeasure& b = report.before;
    const RunMeasure& a = f.after;
    std::string out = "compiles " + std::to_string(b.compiles) + " → " + std::to_string(a.compiles) + ", recompiles " +
                      std::to_string(b.recompiles) + " → " + std::to_string(a.recompiles) + ", graph breaks " +
                      std::to_string(b.graphBreaks) + " → " + std::to_string(a.graphBreaks);
    if (b.limitHits > 0 || a.limitHits > 0)
        out += ", recompile limit " + std::string(b.limitHits > 0 ? "hit" : "not hit") + " → " + (a.limitHits > 0 ? "hit" : "not hit");
    if (!a.errorType.empty() && a.errorType != b.errorType) out += ", raises " + a.errorType;
    out += f.sameResults ? ", same results" : ", results differ";
    return out;
}

std::string FixReportText::text(const FixReport& r) {
    std::ostringstream os;
    os << r.fileName << ": " << plural(r.before.compiles, "compile") << ", " << plural(r.before.recompiles, "recompile") << ", "
       << plural(r.before.graphBreaks, "graph break");
    if (!r.before.errorType.empty()) os << ", ends with " << lastLine(r.before.error);
    os << "\n";
    if (!r.error.empty()) {
        os << "cannot suggest fixes: " << r.error << "\n";
        return os.str();
    }
    if (r.fixes.empty() && r.notes.empty()) {
        os << (r.before.recompiles == 0 ? "no recompiles: nothing to fix\n" : "no fix found\n");
        return os.str();
    }
    // Groups in the order their best fix ranks.
    std::vector<std::string> keys;
    for (const auto& f : r.fixes)
        if (std::find(keys.begin(), keys.end(), groupKey(f.fix)) == keys.end()) keys.push_back(groupKey(f.fix));
    for (const auto& key : keys) {
        os << "\n" << key << "\n";
        int n = 0;
        for (const auto& f : r.fixes) {
            if (groupKey(f.fix) != key) continue;
            os << "  " << ++n << ". " << (f.recommended ? "[recommended] " : f.fix.lesson ? "[lesson] " : "[not proven] ") << f.fix.title
               << "\n";
            os << "     " << effect(r, f) << "\n";
            for (const auto& p : f.problems) os << "     ✗ " << p << "\n";
            os << indented(f.fix.explanation, "     ");
            os << indented(ScenarioText::diff(f.fix.edits), "       ");
        }
    }
    for (const auto& note : r.notes) {
        os << "\n" << note.frame << " — " << session::toString(note.category) << ": ";
        for (size_t i = 0; i < note.recompiles.size(); ++i) os << (i ? ", " : "") << note.recompiles[i];
        os << "\n  no edit to try: " << note.text << "\n";
    }
    if (r.untried > 0) os << "\n" << plural(r.untried, "more candidate") << " not tried (trial budget)\n";
    if (const FixResult* best = r.best()) os << "\nbest proven fix: " << best->fix.title << " (" << effect(r, *best) << ")\n";
    else os << "\nno candidate was proven by its re-run\n";
    return os.str();
}

std::string FixReportText::json(const FixReport& r) {
    std::ostringstream os;
    Json j(os);
    os << "{";
    j.key("file");
    j.str(r.fileName);
    os << ", ";
    j.key("before");
    os << "{\"compiles\": " << r.before.compiles << ", \"recompiles\": " << r.before.recompiles
       << ", \"graph_breaks\": " << r.before.graphBreaks << ", \"errors\": ";
    j.errors(r.before);
    os << "}, ";
    if (!r.error.empty()) {
        j.key("error");
        j.str(r.error);
        os << ", ";
    }
    j.key("fixes");
    os << "[";
    for (size_t i = 0; i < r.fixes.size(); ++i) {
        const FixResult& f = r.fixes[i];
        os << (i ? ",\n  " : "\n  ") << "{";
        j.key("frame");
        j.str(f.fix.frame);
        os << ", ";
        j.key("recompiles");
        j.strings(f.fix.recompiles);
        os << ", ";
        j.key("category");
        j.str(session::toString(f.fix.category));
        os << ", ";
        j.key("kind");
        j.str(f.fix.kind);
        os << ", ";
        j.key("title");
        j.str(f.fix.title);
        os << ", ";
        j.key("explanation");
        j.str(f.fix.explanation);
        os << ", ";
        j.key("edit");
        if (f.fix.edits.empty()) os << "null";
        else j.edit(f.fix.edits.front());
        os << ", ";
        j.key("edits");
        os << "[";
        for (size_t k = 0; k < f.fix.edits.size(); ++k) {
            if (k) os << ", ";
            j.edit(f.fix.edits[k]);
        }
        os << "], ";
        os << "\"before\": {\"compiles\": " << r.before.compiles << ", \"recompiles\": " << r.before.recompiles << "}, ";
        os << "\"after\": {\"compiles\": " << f.after.compiles << ", \"recompiles\": " << f.after.recompiles
           << ", \"graph_breaks\": " << f.after.graphBreaks << ", \"stale_hits\": " << f.after.staleHits << ", \"errors\": ";
        j.errors(f.after);
        os << "}, \"same_results\": " << (f.sameResults ? "true" : "false") << ", \"recommended\": " << (f.recommended ? "true" : "false")
           << ", \"lesson\": " << (f.fix.lesson ? "true" : "false") << ", ";
        j.key("problems");
        j.strings(f.problems);
        os << "}";
    }
    os << (r.fixes.empty() ? "]" : "\n]") << ", ";
    j.key("notes");
    os << "[";
    for (size_t i = 0; i < r.notes.size(); ++i) {
        const PlanNote& n = r.notes[i];
        os << (i ? ", " : "") << "{";
        j.key("frame");
        j.str(n.frame);
        os << ", ";
        j.key("category");
        j.str(session::toString(n.category));
        os << ", ";
        j.key("recompiles");
        j.strings(n.recompiles);
        os << ", ";
        j.key("text");
        j.str(n.text);
        os << "}";
    }
    os << "], \"untried\": " << r.untried << "}\n";
    return os.str();
}

} // namespace gs::advisor
