#pragma once
// What "equal" means for export → import (issue 6): exportTorchTrace then importTraceFile gives
// back a session that RoundTrip::differences() finds no difference in. Compared, because a
// TORCH_TRACE log can carry it:
//  1. the frame of each compile (Session::frameOf): name, file, first line; frame ids (here and
//     below) only before the first reset, since an engine session restarts them after
//     torch._dynamo.reset() and the importer keeps them unique;
//  2. compile entries, in order: compile id, frame, N, attempt, status, fail reason, graph
//     (every GraphNode field; a placeholder's empty target equals its name; the output node's
//     frame is not printed by FX, so its line/file/function/code are not compared; a node
//     without a file gets its frame's file and function in the export), guard tree (every
//     Guard field), op count, symbols, compile time (±1 µs). For LimitHit entries only the id,
//     frame and status: PyTorch logs nothing but the reasons for them;
//  3. recompiles, in order: compile id, frame, limitHit, and per reason every field but
//     allFailures (a trace holds one string per failed entry, `text`; the engine's list of all
//     failing guards is more than PyTorch logs unless the text itself is the verbose form);
//  4. shape events with a compile id of kind create_symbol (symbol, source, dim, hint, range),
//     specialization (symbol, source, dim, hint, text) and guard_added (text), per compile;
//  5. for each compile, the call that caused it: frame, call-site line, outcome and its tensor
//     arguments (source, type Tensor/Parameter, shape, stride, dtype, device, requires_grad);
//     for LimitHit entries only frame and outcome (run_only and failed count as the same).
// Not compared (no TORCH_TRACE event holds them): SessionInfo, calls that hit a cache entry,
// GuardEval details, hit counts, guardsText (a rendering of the guards), log lines, test
// results, promotion / duck-sizing shape events, non-tensor arguments.
#include <string>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

class RoundTrip {
public:
    // Human-readable differences ("compiles[3].guards[2].code: '…' != '…'"); empty when equal.
    static std::vector<std::string> differences(const session::Session& original, const session::Session& reimported,
                                                size_t maxDifferences = 50);
};

} // namespace gs::trace
