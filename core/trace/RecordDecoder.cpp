#include "core/trace/RecordDecoder.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "core/trace/JsonText.h"
#include "core/trace/Md5.h"

namespace gs::trace {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Event keys of the catalogue (torch-trace-format §1.3.5); anything else is counted as unknown.
constexpr std::array<std::string_view, 39> kKnownEvents{
    "str", "dynamo_start", "artifact", "dynamo_output_graph", "dynamo_guards", "dynamo_cpp_guards_str",
    "compilation_metrics", "compilation_metrics_runtime", "bwd_compilation_metrics",
    "aot_autograd_backward_compilation_metrics", "aot_forward_graph", "aot_backward_graph", "aot_inference_graph",
    "aot_joint_graph", "inductor_pre_grad_graph", "inductor_post_grad_graph", "compiled_autograd_graph",
    "optimize_ddp_split_graph", "exported_program", "optimize_ddp_split_child", "inductor_output_code", "graph_dump",
    "link", "dump_file", "chromium_event", "describe_storage", "describe_tensor", "describe_source", "create_symbol",
    "create_unbacked_symbol", "symbolic_shape_specialization", "guard_added_fast", "guard_added",
    "propagate_real_tensors_provenance", "expression_created", "missing_fake_kernel", "mismatched_fake_kernel",
    "memoizer_artifacts", "string_table"};

// Envelope keys that are context, never event names (§1.3.3; P-int reserved names).
bool isContextKey(std::string_view k) {
    return k == "rank" || k == "compiled_autograd_id" || k == "frame_id" || k == "frame_compile_id" || k == "attempt" ||
           k == "stack" || k == "has_payload" || k == "subgraph_name" || k == "severity" || k == "timestamp" ||
           k == "pathname" || k == "thread";
}

std::optional<int64_t> asInt(element e) {
    switch (e.type()) {
    case element_type::INT64: return int64_t(e.get_int64().value_unsafe());
    case element_type::UINT64: {
        uint64_t u = e.get_uint64().value_unsafe();
        if (u <= uint64_t(INT64_MAX)) return int64_t(u);
        return std::nullopt;
    }
    case element_type::DOUBLE: {
        double d = e.get_double().value_unsafe();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e18) return int64_t(d);
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

std::optional<double> asDouble(element e) {
    switch (e.type()) {
    case element_type::INT64: return double(e.get_int64().value_unsafe());
    case element_type::UINT64: return double(e.get_uint64().value_unsafe());
    case element_type::DOUBLE: return e.get_double().value_unsafe();
    default: return std::nullopt;
    }
}

// simdjson::minify(e), without its string builder for the scalars most metrics fields are:
// an integer, a bool or null minifies to the same text as the value's own digits or name
// (simdjson prints the parsed value, not the input text); a string gets minify's escapes
// (JsonText::appendMinifiedString). Doubles, arrays and objects go through minify (its number
// format is its own).
std::string minified(element e) {
    char buf[24];
    switch (e.type()) {
    case element_type::STRING: {
        std::string out;
        JsonText::appendMinifiedString(out, e.get_string().value_unsafe());
        return out;
    }
    case element_type::INT64: return std::string(buf, std::to_chars(buf, buf + sizeof buf, e.get_int64().value_unsafe()).ptr);
    case element_type::UINT64: return std::string(buf, std::to_chars(buf, buf + sizeof buf, e.get_uint64().value_unsafe()).ptr);
    case element_type::BOOL: return e.get_bool().value_unsafe() ? "true" : "false";
    case element_type::NULL_VALUE: return "null";
    default: return simdjson::minify(e);
    }
}

std::string_view asString(element e) {
    std::string_view s;
    if (e.get_string().get(s)) return {};
    return s;
}

bool isString(element e) { return e.type() == element_type::STRING; }

// A string, or the JSON text of a number/bool (create_symbol's "val" is "5" in new logs).
std::string asText(element e) {
    if (isString(e)) return std::string(asString(e));
    if (e.is_null()) return {};
    return minified(e);
}

std::optional<std::string> asOptString(element e) {
    if (e.is_null()) return std::nullopt;
    return asText(e);
}

} // namespace

struct RecordDecoder::Impl {
    explicit Impl(ImportProblems& p) : problems(p) {}
    ImportProblems& problems;
    simdjson::dom::parser envelopeParser, payloadParser;
    std::unordered_map<int64_t, std::string> strings; // §1.3.4: index -> string, per file
    int64_t line = 0;
    bool badIndexReported = false;

    std::string resolve(element filename) {
        if (isString(filename)) return std::string(asString(filename));
        auto idx = asInt(filename);
        if (idx) {
            auto it = strings.find(*idx);
            if (it != strings.end()) return it->second;
        }
        if (!badIndexReported) {
            problems.add("bad_string_index", line, "stack frame filename " + asText(filename) + " is not in the string table");
            badIndexReported = true; // once per record
        }
        return "<unknown file " + asText(filename) + ">";
    }

    StackFrame frame(element f) {
        StackFrame sf;
        simdjson::dom::object o;
        if (f.get_object().get(o)) return sf;
        for (auto field : o) {
            if (field.key == "line") sf.line = static_cast<int>(std::clamp<int64_t>(asInt(field.value).value_or(0), INT32_MIN, INT32_MAX));
            else if (field.key == "name") sf.function = std::string(asString(field.value));
            else if (field.key == "filename") sf.file = resolve(field.value);
            else if (field.key == "loc") sf.text = std::string(asString(field.value));
        }
        return sf;
    }

    std::vector<StackFrame> stack(element e) {
        std::vector<StackFrame> out;
        simdjson::dom::array a;
        if (e.get_array().get(a)) return out;
        for (element f : a) out.push_back(frame(f));
        return out;
    }

    void metrics(simdjson::dom::object o, CompileMetrics& m) {
        for (auto field : o) {
            std::string_view k = field.key;
            element v = field.value;
            m.all.push_back({std::string(k), minified(v)});
            if (k == "compile_id") m.compileId = asText(v);
            else if (k == "co_name") m.coName = asText(v);
            else if (k == "co_filename") m.coFilename = asText(v);
            else if (k == "co_firstlineno") m.coFirstLine = asInt(v).value_or(-1);
            else if (k == "cache_size") m.cacheSize = asInt(v).value_or(-1);
            else if (k == "guard_count") m.guardCount = asInt(v).value_or(-1);
            else if (k == "graph_op_count") m.graphOpCount = asInt(v).value_or(-1);
            else if (k == "graph_node_count") m.graphNodeCount = asInt(v).value_or(-1);
            else if (k == "entire_frame_compile_time_s") m.compileTimeS = asDouble(v).value_or(-1);
            else if (k == "duration_us") m.durationUs = asInt(v).value_or(-1);
            else if (k == "dynamo_cumulative_compile_time_us") m.dynamoCumulativeUs = asInt(v).value_or(-1);
            else if (k == "fail_type") m.failType = asOptString(v);
            else if (k == "fail_reason") m.failReason = asOptString(v);
            else if (k == "recompile_reason") m.recompileReason = asOptString(v);
            else if (k == "dynamo_config") m.dynamoConfig = isString(v) ? std::string(asString(v)) : asText(v);
            else if (k == "python_version") m.pythonVersion = asText(v);
            else if (k == "log_format_version") m.logFormatVersion = asInt(v).value_or(-1);
            else if (k == "restart_reasons") {
                simdjson::dom::array a;
                if (!v.get_array().get(a))
                    for (element r : a) m.restartReasons.push_back(asText(r));
            }
        }
    }

    bool configDecoded = false;

    // The knobs of dynamo_config (a JSON string) that matter for recompiles, once per file.
    void configKnobs(CompileMetrics& m) {
        if (configDecoded || m.dynamoConfig.empty()) return;
        configDecoded = true;
        static constexpr std::array<std::string_view, 13> kKnobs{
            "recompile_limit", "cache_size_limit", "accumulated_recompile_limit", "accumulated_cache_size_limit",
            "automatic_dynamic_shapes", "assume_static_by_default", "specialize_int", "specialize_float",
            "force_parameter_static_shapes", "inline_inbuilt_nn_modules", "fail_on_recompile_limit_hit",
            "error_on_recompile", "allow_unspec_int_on_nn_module"};
        simdjson::dom::parser p;
        element root;
        if (p.parse(m.dynamoConfig).get(root)) {
            problems.add("bad_payload", line, "compilation_metrics.dynamo_config is not valid JSON");
            return;
        }
        for (auto knob : kKnobs) {
            element v;
            if (!root[knob].get(v)) m.configKnobs.emplace_back(std::string(knob), minified(v));
        }
    }

    void shape(simdjson::dom::object o, ShapeInfo& s) {
        for (auto field : o) {
            std::string_view k = field.key;
            element v = field.value;
            if (k == "symbol") s.symbol = asText(v);
            else if (k == "source") s.source = asText(v);
            else if (k == "val" || k == "value") s.val = asText(v);
            else if (k == "vr") s.vr = asText(v);
            else if (k == "reason") s.reason = asText(v);
            else if (k == "expr") s.expr = asText(v);
            else if (k == "prefix") s.prefix = asText(v);
            else if (k == "sources") {
                simdjson::dom::array a;
                if (!v.get_array().get(a))
                    for (element x : a) s.sources.push_back(asText(x));
            }
        }
    }

    static void intList(element v, std::vector<int64_t>& out) {
        simdjson::dom::array a;
        if (v.get_array().get(a)) return;
        for (element x : a) out.push_back(asInt(x).value_or(-1)); // symbolic entries ("s0") → -1
    }

    void tensor(simdjson::dom::object o, TensorInfo& t) {
        for (auto field : o) {
            std::string_view k = field.key;
            element v = field.value;
            if (k == "id") t.id = asInt(v).value_or(-1);
            else if (k == "describer_id") t.describerId = asInt(v).value_or(-1);
            else if (k == "dtype") t.dtype = asText(v);
            else if (k == "device") t.device = asText(v);
            else if (k == "size") intList(v, t.size);
            else if (k == "stride") intList(v, t.stride);
            else if (k == "requires_grad") t.requiresGrad = v.type() == element_type::BOOL && v.get_bool().value_unsafe();
            else if (k == "is_parameter") t.isParameter = v.type() == element_type::BOOL && v.get_bool().value_unsafe();
        }
    }

    // "sizes": {"l_x_": [2, "s0"]} → ("l_x_", "[2, s0]")
    static void sizes(element v, std::vector<std::pair<std::string, std::string>>& out) {
        simdjson::dom::object o;
        if (v.get_object().get(o)) return;
        for (auto field : o) {
            std::string dims = "[";
            simdjson::dom::array a;
            if (!field.value.get_array().get(a)) {
                bool first = true;
                for (element d : a) {
                    if (!first) dims += ", ";
                    first = false;
                    dims += asText(d);
                }
            }
            dims += "]";
            out.emplace_back(std::string(field.key), std::move(dims));
        }
    }

    // Payload JSON; nullopt (and a bad_payload problem) when it does not parse.
    std::optional<element> payloadJson(const std::string& payload, std::string_view what) {
        element root;
        auto err = payloadParser.parse(payload.data(), payload.size(), payload.capacity() < payload.size() + simdjson::SIMDJSON_PADDING).get(root);
        if (err) {
            problems.add("bad_payload", line, std::string(what) + " payload is not valid JSON (" + simdjson::error_message(err) + ")");
            return std::nullopt;
        }
        return root;
    }

    // {"key": ..., "cache_state": "hit", "cache_status_detailed": ..., "reason": ...} (the payload of
    // fx_graph_cache_* / aotautograd_cache_* artifacts; older logs name fewer of these).
    static void cacheInfo(element root, CacheInfo& c) {
        simdjson::dom::object o;
        if (root.get_object().get(o)) return;
        for (auto f : o) {
            if (f.key == "key") c.key = asText(f.value);
            else if (f.key == "cache_state") c.state = asText(f.value);
            else if (f.key == "cache_status_detailed" || (f.key == "reason" && c.detail.empty())) c.detail = asText(f.value);
        }
    }

    // ["torch.ops._c10d_functional.all_reduce_.default", ...]: the collectives of the graph, in order.
    static void collectiveSchedule(element root, session::InductorSummary& s) {
        simdjson::dom::array ops;
        if (root.get_array().get(ops)) return;
        s.hasCollectives = true;
        for (auto op : ops) s.collectives.push_back(asText(op));
    }

    // {"ops": [{"name", "type", "estimated_runtime_ns", "outputs": [{"shape", "stride", "dtype"}]}]}:
    // the runtime is the sum of the estimates (as tlparse's runtime analysis adds them); the
    // fingerprint covers what must agree across ranks — each op's name, type and outputs — and
    // not the estimates, which may differ a little without any desync.
    static void runtimeAndTensorMeta(element root, session::InductorSummary& s) {
        simdjson::dom::array ops;
        if (root["ops"].get_array().get(ops)) return;
        double ns = 0;
        std::string canonical;
        for (auto op : ops) {
            simdjson::dom::object o;
            if (op.get_object().get(o)) continue;
            element v;
            if (!o["estimated_runtime_ns"].get(v)) ns += asDouble(v).value_or(0.0);
            canonical += o["name"].get(v) ? std::string() : asText(v);
            canonical += '\x1f';
            canonical += o["type"].get(v) ? std::string() : asText(v);
            canonical += '\x1f';
            if (!o["outputs"].get(v)) canonical += simdjson::minify(v);
            canonical += '\n';
        }
        s.runtimeMs = ns / 1e6;
        s.tensorMeta = Md5::hex(canonical).substr(0, 16);
    }

    void recompileReasons(const std::string& payload, bool jsonEncoding, TraceEvent& out) {
        // A JSON list of strings, or (newest PyTorch, one reason) a bare string (§1.3.5).
        std::string_view trimmed = payload;
        while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\n')) trimmed.remove_prefix(1);
        bool looksJson = !trimmed.empty() && (trimmed.front() == '[' || trimmed.front() == '"');
        if (!jsonEncoding && !looksJson) {
            out.reasons.push_back(payload);
            out.reasonsValid = true;
            return;
        }
        auto root = payloadJson(payload, "recompile_reasons");
        if (!root) return;
        if (isString(*root)) {
            out.reasons.emplace_back(asString(*root));
        } else {
            simdjson::dom::array a;
            if (root->get_array().get(a)) {
                problems.add("bad_payload", line, "recompile_reasons payload is neither a list nor a string");
                return;
            }
            for (element r : a) out.reasons.push_back(asText(r));
        }
        out.reasonsValid = true;
    }

    void dynamoGuards(const std::string& payload, TraceEvent& out) {
        auto root = payloadJson(payload, "dynamo_guards");
        if (!root) return;
        simdjson::dom::array a;
        if (root->get_array().get(a)) {
            problems.add("bad_payload", line, "dynamo_guards payload is not a list");
            return;
        }
        for (element g : a) {
            JsonGuard jg;
            simdjson::dom::object o;
            if (g.get_object().get(o)) continue;
            std::optional<StackFrame> user, stack;
            for (auto field : o) {
                if (field.key == "code") jg.code = asText(field.value);
                else if (field.key == "user_stack" || field.key == "stack") {
                    auto frames = this->stack(field.value);
                    if (!frames.empty()) (field.key == "user_stack" ? user : stack) = frames.back();
                }
            }
            jg.where = user ? user : stack;
            out.jsonGuards.push_back(std::move(jg));
        }
        out.jsonGuardsValid = true;
    }
};

RecordDecoder::RecordDecoder(ImportProblems& problems) : impl_(std::make_unique<Impl>(problems)) {}
RecordDecoder::~RecordDecoder() = default;

size_t RecordDecoder::strings() const { return impl_->strings.size(); }

bool RecordDecoder::isKnownEvent(std::string_view key) {
    return std::find(kKnownEvents.begin(), kKnownEvents.end(), key) != kKnownEvents.end();
}

bool RecordDecoder::decode(int64_t line, std::string_view envelope, const std::string* payload, bool payloadComplete,
                           std::string_view payloadMd5, TraceEvent& out) {
    Impl& d = *impl_;
    d.line = line;
    d.badIndexReported = false;
    out.clear();
    out.line = line;
    element root;
    if (auto err = d.envelopeParser.parse(envelope.data(), envelope.size(), false).get(root)) {
        d.problems.add("bad_json", line, std::string("envelope is not valid JSON (") + simdjson::error_message(err) + ")");
        return false;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
        d.problems.add("bad_envelope", line, "envelope is not a JSON object");
        return false;
    }
    std::optional<element> event, stackContext;
    std::string_view md5;
    std::vector<std::pair<std::string_view, element>> others; // keys that are not context: the event, and fields we do not know
    for (auto field : obj) {
        std::string_view k = field.key;
        element v = field.value;
        if (!isContextKey(k)) {
            others.emplace_back(k, v);
            continue;
        }
        if (k == "stack") stackContext = v;
        else if (k == "has_payload") md5 = asString(v);
        else if (k == "subgraph_name" || k == "severity" || k == "timestamp" || k == "pathname" || k == "thread") continue;
        else if (!v.is_null()) {
            auto n = asInt(v);
            if (!n) {
                d.problems.add("bad_envelope", line, "context key '" + std::string(k) + "' is not an integer");
                continue;
            }
            if (k == "rank") out.rank = n;
            else if (k == "compiled_autograd_id") out.compiledAutogradId = n;
            else if (k == "frame_id") out.frameId = n;
            else if (k == "frame_compile_id") out.frameCompileId = n;
            else if (k == "attempt") out.attempt = n;
        }
    }
    if (others.empty()) {
        d.problems.add("bad_envelope", line, "envelope has no event key");
        return false;
    }
    // Newer PyTorch adds envelope fields (graph_id, ...), as tlparse expects: the record is read
    // with the one event we know, or else the first whose metadata is an object or a list (an
    // event's metadata always is; an extra field is usually a number, a string or null). The
    // other keys go with the event (TraceEvent::unknownFields: counted per name, like unknown
    // events, and not a problem: a newer PyTorch is not damage), and the record is kept.
    size_t pick = others.size();
    for (size_t i = 0; i < others.size() && pick == others.size(); ++i)
        if (isKnownEvent(others[i].first)) pick = i;
    for (size_t i = 0; i < others.size() && pick == others.size(); ++i)
        if (others[i].second.is_object() || others[i].second.is_array()) pick = i;
    if (pick == others.size()) pick = 0;
    out.key = std::string(others[pick].first);
    event = others[pick].second;
    for (size_t i = 0; i < others.size(); ++i)
        if (i != pick) out.unknownFields.emplace_back(std::string(others[i].first), simdjson::minify(others[i].second).substr(0, 200));
    out.known = isKnownEvent(out.key);
    out.stackContext = stackContext.has_value();
    if (payload) {
        out.hasPayload = true;
        out.payload = *payload;
        out.payloadComplete = payloadComplete;
        if (md5.empty()) {
            d.problems.add("unexpected_payload", line, "payload lines after a record without has_payload");
            out.hasPayload = false;
            out.payload = {};
        } else if (!payloadMd5.empty() && md5 != payloadMd5) {
            d.problems.add("md5_mismatch", line, "payload MD5 " + std::string(payloadMd5) + " does not match has_payload " + std::string(md5));
        }
    }

    const std::string_view key = out.key; // compared below as a view: lengths first
    element ev = *event;
    simdjson::dom::object meta;
    bool isObject = !ev.get_object().get(meta);
    if (key == "str") {
        simdjson::dom::array a;
        if (ev.get_array().get(a) || a.size() != 2 || !isString(a.at(0).value_unsafe()) || !asInt(a.at(1).value_unsafe())) {
            d.problems.add("bad_envelope", line, "str record is not [string, index]");
            return false;
        }
        d.strings[*asInt(a.at(1).value_unsafe())] = std::string(asString(a.at(0).value_unsafe()));
        return true;
    }
    if (!out.known) {
        out.metadataText = simdjson::minify(ev);
        return true;
    }
    if (!isObject) {
        d.problems.add("bad_envelope", line, "metadata of '" + out.key + "' is not an object");
        return false;
    }
    auto field = [&](std::string_view name) -> std::optional<element> {
        element v;
        if (meta[name].get(v)) return std::nullopt;
        return v;
    };
    const bool havePayload = out.hasPayload && payloadComplete;
    if (key == "dynamo_start") {
        if (auto s = field("stack")) out.stack = d.stack(*s);
    } else if (key == "artifact") {
        if (auto n = field("name")) out.artifactName = asText(*n);
        if (auto e = field("encoding")) out.artifactEncoding = asText(*e);
        if (havePayload) {
            if (out.artifactName == "recompile_reasons") d.recompileReasons(*payload, out.artifactEncoding == "json", out);
            else if (out.artifactEncoding == "json") {
                auto root = d.payloadJson(*payload, "artifact " + out.artifactName);
                if (root && out.artifactName.find("_cache_") != std::string::npos) Impl::cacheInfo(*root, out.cache);
                else if (root && out.artifactName == "inductor_collective_schedule") Impl::collectiveSchedule(*root, out.inductor);
                else if (root && out.artifactName == "inductor_runtime_and_tensor_meta") Impl::runtimeAndTensorMeta(*root, out.inductor);
            }
        }
    } else if (key == "inductor_output_code" || key == "dump_file" || key == "graph_dump" || key == "optimize_ddp_split_child") {
        if (auto n = field(key == "inductor_output_code" ? "filename" : "name")) out.detail = asText(*n);
    } else if (key == "link") {
        if (auto n = field("name")) out.artifactName = asText(*n);
        if (auto u = field("url")) out.detail = asText(*u);
    } else if (key == "dynamo_output_graph") {
        if (auto s = field("sizes")) Impl::sizes(*s, out.sizes);
    } else if (key == "dynamo_guards") {
        if (havePayload) d.dynamoGuards(*payload, out);
    } else if (key == "compilation_metrics") {
        d.metrics(meta, out.metrics);
        d.configKnobs(out.metrics);
    } else if (key == "create_symbol" || key == "create_unbacked_symbol" || key == "symbolic_shape_specialization" ||
               key == "guard_added_fast" || key == "guard_added") {
        d.shape(meta, out.shape);
    } else if (key == "describe_tensor") {
        d.tensor(meta, out.tensor);
    } else if (key == "describe_source") {
        for (auto f : meta) {
            if (f.key == "id") out.source.id = asInt(f.value).value_or(-1);
            else if (f.key == "describer_id") out.source.describerId = asInt(f.value).value_or(-1);
            else if (f.key == "source") out.source.source = asText(f.value);
        }
    } else if (key == "chromium_event") {
        if (havePayload) {
            auto root = d.payloadJson(*payload, "chromium_event");
            element n, ph;
            if (root && !(*root)["name"].get(n)) {
                out.detail = asText(n);
                if (!(*root)["ph"].get(ph)) out.detail += " " + asText(ph);
            }
        }
    }
    return true;
}

#define GS_TRACE_STR2(x) #x
#define GS_TRACE_STR(x) GS_TRACE_STR2(x)
const char* simdjsonVersion() { return GS_TRACE_STR(SIMDJSON_VERSION); }

} // namespace gs::trace
