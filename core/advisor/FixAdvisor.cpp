#include "core/advisor/FixAdvisor.h"

#include <algorithm>
#include <stdexcept>

#include "core/advisor/ScenarioFacts.h"

namespace gs::advisor {
namespace {

std::string lastLine(const std::string& text) {
    size_t end = text.find_last_not_of(" \n\r\t");
    if (end == std::string::npos) return {};
    size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string firstGraphBreak(const RunMeasure& m) {
    for (const auto& l : m.session.logs)
        if (l.channel == "graph_breaks" && l.text.rfind("restart: ", 0) != 0) return l.text;
    return {};
}

void judge(const RunMeasure& before, FixResult& r) {
    const RunMeasure& after = r.after;
    r.recompilesRemoved = before.recompiles - after.recompiles;
    bool newError = !after.errorType.empty() && after.errorType != before.errorType;
    if (newError) r.problems.push_back("raises " + lastLine(after.error));
    if (after.graphBreaks > before.graphBreaks) {
        int64_t n = after.graphBreaks - before.graphBreaks;
        r.problems.push_back(std::to_string(n) + (n == 1 ? " new graph break: " : " new graph breaks: ") + firstGraphBreak(after));
    }
    if (!newError && after.compiles >= before.compiles)
        r.problems.push_back("no fewer compiles (" + std::to_string(before.compiles) + " before, " + std::to_string(after.compiles) +
                             " after)");
    // A graph replayed after what it depends on changed is a wrong answer, whatever the counts say.
    if (after.staleHits > before.staleHits)
        r.problems.push_back("replays a stale graph (a guard is missing in the engine): " + firstLine(after.staleReport));
    r.resultsDiff = TrialRun::compareResults(before, after);
    r.sameResults = r.resultsDiff.empty();
    if (!r.sameResults && !newError) r.problems.push_back("results changed: " + r.resultsDiff);
    r.recommended = r.problems.empty();
}

} // namespace

const FixResult* FixReport::best() const {
    for (const auto& f : fixes)
        if (f.recommended) return &f;
    return nullptr;
}

FixReport FixAdvisor::advise(const std::string& fileName, const std::string& source, const AdvisorOptions& options) {
    FixReport report;
    report.fileName = fileName;
    if (options.progress) options.progress(0, 1, "running the scenario as it is");
    report.before = TrialRun::run(fileName, source, options.trial);
    if (report.before.exitCode == 2) {
        report.error = report.before.error;
        return report;
    }
    report.pictures = RecompilePicture::of(report.before.session);
    ScenarioFacts facts(source, fileName);
    if (!facts.parsed()) {
        report.error = facts.error();
        return report;
    }
    Plan plan = FixPlanner::plan(facts, report.pictures);
    report.notes = std::move(plan.notes);
    int total = std::min<int>(static_cast<int>(plan.candidates.size()), options.maxTrials);
    report.untried = static_cast<int>(plan.candidates.size()) - total;
    for (int i = 0; i < total; ++i) {
        if (options.trial.cancelled && options.trial.cancelled()) {
            report.untried += total - i;
            break;
        }
        FixResult r;
        r.fix = std::move(plan.candidates[static_cast<size_t>(i)]);
        if (options.progress) options.progress(i + 1, total + 1, r.fix.title);
        try {
            r.fixedSource = facts.text().apply(r.fix.edits);
        } catch (const std::invalid_argument& e) {
            r.problems.push_back(std::string("the edit could not be applied: ") + e.what());
            report.fixes.push_back(std::move(r));
            continue;
        }
        r.after = TrialRun::run(fileName, r.fixedSource, options.trial);
        judge(report.before, r);
        r.after.session = {};  // the counts are kept; the recorded run is not needed any more
        report.fixes.push_back(std::move(r));
    }
    if (options.progress) options.progress(total + 1, total + 1, "done");
    std::stable_sort(report.fixes.begin(), report.fixes.end(), [](const FixResult& a, const FixResult& b) {
        if (a.recommended != b.recommended) return a.recommended;
        if (a.recompilesRemoved != b.recompilesRemoved) return a.recompilesRemoved > b.recompilesRemoved;
        if (a.after.compiles != b.after.compiles) return a.after.compiles < b.after.compiles;
        return a.fix.lesson < b.fix.lesson;
    });
    return report;
}

} // namespace gs::advisor
