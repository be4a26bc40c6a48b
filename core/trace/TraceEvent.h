#pragma once
// One decoded TORCH_TRACE record (torch-trace-format §1.3.3-§1.3.5): the event key, the
// context keys and the fields of the events the importer uses, as plain values. Produced by
// RecordDecoder (which owns simdjson), consumed by TraceAssembler. Reused between records.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/session/Session.h"

namespace gs::trace {

// Stack frames are the model's (file resolved through the string table, `loc` as text).
using StackFrame = session::StackFrame;

struct CompileMetrics {
    std::string compileId;                 // compilation_metrics.compile_id (may disagree with the envelope)
    std::string coName, coFilename;
    int64_t coFirstLine = -1;
    int64_t cacheSize = -1, guardCount = -1, graphOpCount = -1, graphNodeCount = -1;
    double compileTimeS = -1;              // entire_frame_compile_time_s
    int64_t durationUs = -1;
    int64_t dynamoCumulativeUs = -1;       // dynamo_cumulative_compile_time_us (Dec 2024 logs)
    std::optional<std::string> failType, failReason;
    std::vector<std::string> restartReasons;
    std::optional<std::string> recompileReason;
    std::string dynamoConfig;              // JSON text (a string field in the log)
    std::string pythonVersion;
    int64_t logFormatVersion = -1;
    // Every field in log order, the value as minified JSON (CompileEntry::metrics).
    std::vector<session::Metric> all;
    // A few recompile-relevant knobs of dynamo_config (recompile_limit, automatic_dynamic_shapes,
    // ...) as JSON text, decoded for the first compile only.
    std::vector<std::pair<std::string, std::string>> configKnobs;
};

struct ShapeInfo {                         // create_symbol, symbolic_shape_specialization, guard_added*
    std::string symbol, source, val, vr, reason, expr, prefix;
    std::vector<std::string> sources;
};

struct TensorInfo {                        // describe_tensor
    int64_t id = -1, describerId = -1;
    std::string dtype, device;
    std::vector<int64_t> size, stride;     // -1 for a symbolic entry
    bool requiresGrad = false, isParameter = false;
};

struct SourceInfo {                        // describe_source
    int64_t id = -1, describerId = -1;
    std::string source;
};

struct JsonGuard {                         // one entry of the older `dynamo_guards` payload
    std::string code;
    std::optional<StackFrame> where;       // innermost frame of user_stack, else of stack
};

struct CacheInfo {                         // fx_graph_cache_* / aotautograd_cache_* artifact payloads
    std::string key, state, detail;
};

struct TraceEvent {
    int64_t line = 0;                      // file line of the header
    int64_t record = -1;                   // TraceRecord::seq of this record (set by the assembler)
    std::string key;                       // event key, e.g. dynamo_start
    bool known = false;                    // in the catalogue (§1.3.5)
    std::string metadataText;              // the event's metadata as JSON, for unknown events only
    // Envelope keys beside the event that are neither context nor the event (fields of a newer
    // PyTorch): name and value as minified JSON (at most 200 bytes).
    std::vector<std::pair<std::string, std::string>> unknownFields;
    std::optional<int64_t> rank, compiledAutogradId, frameId, frameCompileId, attempt;
    bool stackContext = false;             // `stack` instead of compile ids
    bool hasPayload = false;
    std::string_view payload;              // valid during the callback only
    bool payloadComplete = true;           // false when a payload was too large to keep
    int64_t bytes = 0;                     // payload size, or the envelope's without a payload

    std::vector<StackFrame> stack;                              // dynamo_start
    std::string artifactName, artifactEncoding;                 // artifact
    std::string detail;        // inductor_output_code filename, link url, chromium event "name ph", graph_dump name
    CacheInfo cache;                                            // cache artifacts
    session::InductorSummary inductor;                          // inductor_collective_schedule / _runtime_and_tensor_meta
    std::vector<std::pair<std::string, std::string>> sizes;     // dynamo_output_graph: node -> "[2, s0]"
    std::vector<std::string> reasons;                           // artifact recompile_reasons
    bool reasonsValid = false;
    std::vector<JsonGuard> jsonGuards;                          // dynamo_guards
    bool jsonGuardsValid = false;
    CompileMetrics metrics;                                     // compilation_metrics
    ShapeInfo shape;
    TensorInfo tensor;
    SourceInfo source;

    bool hasCompileId() const { return frameId.has_value() && frameCompileId.has_value(); }
    // key == k and artifactName == n, lengths compared first: `std::string == "literal"` measures
    // the literal and compares through an out-of-line call, and the assembler asks dozens of
    // these per record (a tenth of its time on a log of chromium events).
    bool is(std::string_view k) const { return std::string_view(key) == k; }
    bool artifactIs(std::string_view n) const { return std::string_view(artifactName) == n; }
    void clear() { *this = TraceEvent{}; }
};

} // namespace gs::trace
