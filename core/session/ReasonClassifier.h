#pragma once
// Turns a recompile reason text into a RecompileReason: category, parsed parts, suggested fix.
// The single place that does this — the engine and the TORCH_TRACE importer both call it, so a
// scenario session and an imported trace classify the same text the same way.
// Formats: dynamo-semantics §2.2 (failure wording per guard), §5.1/§5.2 (recompiles and
// recompiles_verbose), torch-trace-format §1.3.5 (`recompile_reasons` artifact).
#include <string>
#include <string_view>
#include <vector>

#include "core/session/Session.h"

namespace gs::session {

class ReasonClassifier {
public:
    // Parses one reason as PyTorch logs it, e.g.
    //   "0/0: tensor 'x' size mismatch at index 0. expected 3, actual 4"
    // The "F/N: " prefix is optional (→ failedEntryId). Several failing guards joined by "; "
    // (recompiles_verbose) go to allFailures; category and parts come from the first one.
    // Trailing user-stack text ("\nUser stack trace: ...") and "  # <user line>" comments are
    // not part of the classified guard. `text` keeps what was printed (prefix removed, trailing
    // whitespace trimmed). Never throws; unknown text becomes ReasonCategory::Other.
    static RecompileReason classify(std::string_view reason);

    // strip_local_scope of guards.py (dynamo-semantics §2.1): every match of
    // L\[\s*['"](.*?)['"]\s*\] is replaced by the inner name, so L['x'] → x and
    // L['self']._modules['d'] → self._modules['d']; G[...] is left alone.
    static std::string stripLocalScope(std::string_view text);

    // The guard kind a code part belongs to, in the names TREE_GUARD_MANAGER prints
    // (TENSOR_MATCH, ID_MATCH, TYPE_MATCH, EQUALS_MATCH, ...); SHAPE_ENV for symbolic shape
    // guards; "" when unknown. Used for the older `dynamo_guards` JSON dump, which has no kinds.
    static std::string guardKindOfCode(std::string_view code);

    // Removes a trailing "  # <user line>  # <file>:<line> in <fn>" comment (get_verbose_code_part)
    // and surrounding whitespace. Quote-aware: a "#" inside a string literal is kept.
    static std::string_view stripComment(std::string_view code);

    // Splits at `separator` outside string literals and brackets; views into `text`.
    static std::vector<std::string_view> splitTopLevel(std::string_view text, std::string_view separator);

    // Top-level arguments of a guard call "f(a, g(b, c), 'x, y')" → {a, g(b, c), 'x, y'};
    // empty when `call` is not a call. Views into `call`.
    static std::vector<std::string_view> callArguments(std::string_view call);

    // The leading source of an expression: "L['x'].size()[0] == 3" → "L['x']",
    // "G['m'].F.relu is None" → "G['m'].F.relu"; empty when the expression starts otherwise.
    static std::string_view leadingSource(std::string_view expr);

    // The first L[…] / G[…] reference in a code part with its accessors:
    // "2 <= L['x'].size()[0]" → "L['x']"; "" when the code names no such source.
    static std::string firstSourceReference(std::string_view code);

    // One sentence telling the user what to do, for a classified reason.
    static std::string suggestedFix(const RecompileReason& r);

    // Refines the reasons of one recompile in the light of each other: a size that fell to 0 or
    // 1 fails the dynamic entry's `2 <=` bound and the static entries' sizes; all of those are
    // 0/1 specialization. Both writers (engine, trace importer) call it before sending.
    static void refine(Recompile& recompile);

    // The cause of one recompile from all its reasons: 0/1 specialization or duck sizing when any
    // entry failed for it (they explain the others), else the first reason's category (the
    // first one that is not `other`). What the timeline colours a recompile by.
    static ReasonCategory recompileCategory(const Recompile& recompile);
};

} // namespace gs::session
