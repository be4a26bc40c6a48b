#pragma once
// Sessions built in memory for model tests, GUI tests and benchmarks — shaped like what the
// engine records for the seed (shared/seeds/test_recompiles.py, dynamo-semantics §4): frames,
// calls with hits / compiles / recompiles / run-only, guard trees with provenance lines,
// reasons with categories and fixes, symbols, logs and test results.
#include <cstdint>
#include <string>

#include "core/session/Session.h"

namespace gs::testdata {

// Scenario line numbers used by seedLike(), so tests can assert on provenance.
struct SeedLines {
    static constexpr int fooBody = 5;       // "return x * y" of the automatic-dynamic foo
    static constexpr int boolIf = 21;       // "if x:" of the bool-flip foo
    static constexpr int dropout = 40;      // "return self.dropout(self.linear(x))"
    static constexpr int stepUse = 55;      // "return x + step" (global int)
    static constexpr int failingAssert = 62;// the failing assertEqual of the train/eval test
};

// Four frames: automatic dynamic (R1c), bool flip (R2b), train/eval alternation (R10) and a
// global int that runs into the recompile limit (run-only afterwards). 3 tests, one failing.
session::Session seedLike();

// `calls` calls spread over `frames` frames with `recompiles` recompiles in total (size
// changes, dtype changes, bool flips ... in turn). Deterministic.
session::Session big(int64_t calls, int recompiles, int frames = 20);
// The same, sent to a sink as it is made (a store's recorder: sessions of millions of calls).
void bigInto(int64_t calls, int recompiles, int frames, session::EventSink& sink);

// A TORCH_TRACE-like session as the importer makes it: one call per compile.
session::Session traceLike();

// A session whose one frame has an entry with an `n`-node guard tree (benchmarks).
session::Session wideGuardTree(int n);

// The scenario text matching seedLike()'s line numbers (for the editor).
std::string seedLikeSource();

} // namespace gs::testdata
