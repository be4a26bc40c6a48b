#pragma once
// One run of a scenario text in the engine, measured for the fix advisor: compiles, recompiles,
// graph breaks, the error it ended with, test results, and what every compiled call returned —
// so a fixed copy can be compared with the original (same results?).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::advisor {

// One leaf of what a compiled call returned (a tensor, a number, a string; containers flattened).
struct ResultLeaf {
    std::string kind;            // tensor | int | float | bool | str | none | other
    std::vector<int64_t> shape;
    std::string dtype;
    std::vector<double> values;  // tensor elements (up to a cap) or the number
    std::string text;            // repr for everything that is not a tensor or a number
    bool operator==(const ResultLeaf&) const = default;
};

struct TrialOptions {
    double maxSeconds = 60;                  // per run
    int64_t maxSteps = 50'000'000;
    std::function<bool()> cancelled;         // polled by the engine
    // Every replayed cache hit is also run eagerly and compared (`run --verify`): a fix must not
    // make the engine replay a graph whose guards no longer hold (a stale entry).
    bool verify = true;
};

struct RunMeasure {
    int64_t compiles = 0, recompiles = 0, graphBreaks = 0, cacheHits = 0, runOnly = 0, limitHits = 0, calls = 0;
    int exitCode = 0;
    std::string error;                       // as the engine reported it
    std::string errorType;                   // e.g. ConstraintViolationError ("" when the run ended normally)
    int64_t testsPassed = 0, testsFailed = 0;
    int64_t staleHits = 0;                   // with verify: hits whose replay differed from the eager run
    std::string staleReport;                 // the first of them, as --verify reports it
    std::vector<std::vector<ResultLeaf>> results;  // per outermost compiled call, in order
    std::string output;                      // what the scenario printed
    session::Session session;                // the recorded run
};

class TrialRun {
public:
    static RunMeasure run(const std::string& fileName, const std::string& source, const TrialOptions& options = {});
    // "" when `after` returned the same as `before` for every compiled call (values compared
    // with a relative tolerance of 1e-5, NaN equal to NaN); otherwise what differs first.
    static std::string compareResults(const RunMeasure& before, const RunMeasure& after);
    // The exception type named on the last line of an engine error ("ValueError: boom").
    static std::string errorTypeOf(const std::string& error);
};

} // namespace gs::advisor
