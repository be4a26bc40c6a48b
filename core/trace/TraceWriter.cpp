// exportTorchTrace (TraceReader.h): a session as a TORCH_TRACE log in PyTorch's format
// (torch-trace-format §1.3), in the reference event order of §1.3.7 per compile:
//   [artifact recompile_reasons] → [str …] → dynamo_start → describe_tensor/describe_source →
//   create_symbol / symbolic_shape_specialization / guard_added_fast → [dynamo_graph_break_reason]
//   → dynamo_output_graph → dynamo_cpp_guards_str → compilation_metrics
// A compile that hit the recompile limit is only its recompile_reasons artifact, as in PyTorch
// (reasons are logged before the limit check, dynamo-semantics §1.4). Payload lines start with a
// TAB and has_payload is the MD5 of the payload (§1.3.2).
#include "core/trace/TraceReader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <cctype>
#include <map>
#include <utility>
#include <vector>

#include "core/io/AtomicFile.h"
#include "core/io/IoError.h"
#include "core/session/GuardCount.h"
#include "core/trace/GraphText.h"
#include "core/trace/GuardTreeText.h"
#include "core/trace/JsonText.h"
#include "core/trace/Md5.h"

namespace gs::trace {
using namespace gs::session;

namespace {

struct CompileIdParts {
    int64_t ca = -1, frame = 0, fcid = 0;
};

// "F/N" or "!ca/F/N"; falls back to the entry's numbers.
CompileIdParts parseCompileId(const CompileEntry& c) {
    CompileIdParts p{-1, c.frameId, c.frameCompileId};
    std::string_view s = c.compileId;
    std::vector<int64_t> nums;
    bool ca = !s.empty() && s.front() == '!';
    if (ca) s.remove_prefix(1);
    int64_t v = 0;
    bool digit = false;
    for (char ch : s) {
        if (ch >= '0' && ch <= '9') {
            v = v * 10 + (ch - '0');
            digit = true;
        } else if (ch == '/' && digit) {
            nums.push_back(v);
            v = 0;
            digit = false;
        } else {
            return p;
        }
    }
    if (digit) nums.push_back(v);
    if (!ca && nums.size() == 2) return {-1, nums[0], nums[1]};
    if (ca && nums.size() == 3) return {nums[0], nums[1], nums[2]};
    return p;
}

std::string deviceRepr(const std::string& d) {
    size_t colon = d.find(':');
    if (colon == std::string::npos) return "device(type='" + d + "')";
    return "device(type='" + d.substr(0, colon) + "', index=" + d.substr(colon + 1) + ")";
}

std::string intList(const std::vector<int64_t>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

// "[2, s0]" → [2, "s0"]
std::string sizesJson(const std::string& shape) {
    std::string inner = shape.substr(1, shape.size() - 2), out = "[";
    size_t start = 0;
    bool first = true;
    while (start <= inner.size() && !inner.empty()) {
        size_t comma = inner.find(", ", start);
        std::string item = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        bool number = !item.empty() && item.find_first_not_of("-0123456789") == std::string::npos && item != "-";
        out += (first ? "" : ", ") + (number ? item : JsonText::quote(item));
        first = false;
        if (comma == std::string::npos) break;
        start = comma + 2;
    }
    return out + "]";
}

// PyTorch's guard_count (session::GuardCount), null when the compile installed none.
std::string countJson(std::optional<int64_t> n) { return n ? std::to_string(*n) : "null"; }

bool isExceptionName(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
    return true;
}

class Writer {
public:
    Writer(std::ostream& out, const Session& s) : out_(out), s_(s) {
        // glog has no year: MMDD and the time of the session's creation (ISO-8601)
        const std::string& c = s.info.created;
        if (c.size() >= 19 && c[4] == '-' && c[7] == '-' && c[10] == 'T') {
            date_ = c.substr(5, 2) + c.substr(8, 2);
            time_ = c.substr(11, 8) + ".000000";
        }
        auto r = s.info.metadata.find("rank");
        if (r != s.info.metadata.end() && !r->second.empty() && r->second.find_first_not_of("0123456789") == std::string::npos)
            rank_ = r->second;
    }

    void write() {
        std::map<std::string, std::vector<size_t>> recompilesById, shapesById, logsById;
        for (size_t i = 0; i < s_.recompiles.size(); ++i) recompilesById[s_.recompiles[i].compileId].push_back(i);
        for (size_t i = 0; i < s_.shapeEvents.size(); ++i) shapesById[s_.shapeEvents[i].compileId].push_back(i);
        for (size_t i = 0; i < s_.logs.size(); ++i) logsById[s_.logs[i].compileId].push_back(i);
        std::map<int64_t, const Call*> callByIndex;
        for (const auto& c : s_.calls) callByIndex[c.index] = &c;
        std::map<std::string, size_t> seen; // compile id → occurrences written
        bool configWritten = false;
        std::map<int, int64_t> entriesOfFrame;
        // The program's file first (so that even a session without compiles gives a log with a
        // record), then shape events outside compiles (torch.export-style, no context keys).
        intern(s_.info.sourcePath.empty() ? s_.info.title : s_.info.sourcePath);
        if (auto sit = shapesById.find(""); sit != shapesById.end()) {
            std::vector<std::string> ignored;
            for (size_t i : sit->second) writeShape(s_.shapeEvents[i], "", ignored);
        }

        for (const CompileEntry& c : s_.compiles) {
            size_t occurrence = seen[c.compileId]++;
            CompileIdParts id = parseCompileId(c);
            const Frame* f = s_.frameOf(c); // ids restart after reset(): the record of c's epoch
            Frame frame = f ? *f : Frame{c.frameId, "<unknown>", "", 0};
            auto rit = recompilesById.find(c.compileId);
            const Recompile* rec = rit != recompilesById.end() && occurrence < rit->second.size() ? &s_.recompiles[rit->second[occurrence]] : nullptr;
            const Call* call = callByIndex.count(c.causedByCall) ? callByIndex[c.causedByCall] : nullptr;
            std::string ctx0 = context(id, 0), ctx = context(id, c.attempt);

            if (rec || c.status == EntryStatus::LimitHit) {
                std::vector<std::string> items;
                if (rec)
                    for (const auto& r : rec->reasons) items.push_back(JsonText::quote(r.failedEntryId.empty() ? r.text : r.failedEntryId + ": " + r.text));
                record("torch/_dynamo/guards.py:3564", "{\"artifact\": {\"name\": \"recompile_reasons\", \"encoding\": \"json\"}" + ctx0,
                       JsonText::pythonListPayload(items));
            }
            if (c.status == EntryStatus::LimitHit) continue;

            std::string stack = "[";
            if (!c.stack.empty()) {
                // The compile's own user stack: {"line", "name", "filename", "loc"} as
                // convert_frame.py writes it (no "loc" on the compiled function's frame).
                for (size_t k = 0; k < c.stack.size(); ++k) {
                    const StackFrame& f = c.stack[k];
                    if (k) stack += ", ";
                    stack += "{\"line\": " + std::to_string(f.line) + ", \"name\": " + JsonText::quote(f.function) +
                             ", \"filename\": " + std::to_string(intern(f.file));
                    if (!f.text.empty()) stack += ", \"loc\": " + JsonText::quote(f.text);
                    stack += "}";
                }
                stack += "]";
            } else {
                // Sessions recorded before compiles kept their stack: the call site and the function.
                if (call && call->line > 0) {
                    int src = intern(s_.info.sourcePath.empty() ? frame.file : s_.info.sourcePath);
                    stack += "{\"line\": " + std::to_string(call->line) + ", \"name\": \"<module>\", \"filename\": " + std::to_string(src) + "}, ";
                }
                int file = intern(frame.file);
                stack += "{\"line\": " + std::to_string(frame.firstLine) + ", \"name\": " + JsonText::quote(frame.name) +
                         ", \"filename\": " + std::to_string(file) + "}]";
            }
            record("torch/_dynamo/convert_frame.py:1123", "{\"dynamo_start\": {\"stack\": " + stack + "}" + ctx0);

            if (call) {
                int64_t k = 0;
                for (const auto& a : call->args) {
                    if (a.kind != "tensor") continue;
                    std::string t = "{\"describe_tensor\": {\"id\": " + std::to_string(k) + ", \"ndim\": " + std::to_string(a.shape.size()) +
                                    ", \"dtype\": " + JsonText::quote("torch." + a.dtype) + ", \"device\": " + JsonText::quote(deviceRepr(a.device)) +
                                    ", \"size\": " + intList(a.shape) + ", \"is_leaf\": true" + (a.requiresGrad ? ", \"requires_grad\": true" : "") +
                                    (a.type == "Parameter" ? ", \"is_parameter\": true" : "") + ", \"stride\": " + intList(a.stride) +
                                    ", \"storage\": " + std::to_string(k) + ", \"describer_id\": " + std::to_string(describer_) + "}";
                    record("torch/_subclasses/meta_utils.py:489", t + ctx0);
                    record("torch/_subclasses/meta_utils.py:1899", "{\"describe_source\": {\"describer_id\": " + std::to_string(describer_) +
                                                                       ", \"id\": " + std::to_string(k) + ", \"source\": " + JsonText::quote(a.source) + "}" + ctx0);
                    ++k;
                }
                ++describer_;
            }

            std::vector<std::string> symbolsWritten;
            if (auto sit = shapesById.find(c.compileId); sit != shapesById.end())
                for (size_t i : sit->second) {
                    const ShapeEvent& e = s_.shapeEvents[i];
                    if (c.causedByCall >= 0 && e.callIndex != c.causedByCall) continue;
                    writeShape(e, ctx, symbolsWritten);
                }
            for (const auto& sym : c.symbols)
                if (std::find(symbolsWritten.begin(), symbolsWritten.end(), sym) == symbolsWritten.end())
                    record("torch/fx/experimental/symbolic_shapes.py:4244", "{\"create_symbol\": {\"symbol\": " + JsonText::quote(sym) + "}" + ctx);
            if (auto lit = logsById.find(c.compileId); lit != logsById.end())
                for (size_t i : lit->second) {
                    const LogLine& l = s_.logs[i];
                    if (l.channel != "graph_breaks" || l.text.rfind("restart: ", 0) == 0) continue;
                    if (c.causedByCall >= 0 && l.callIndex != c.causedByCall) continue;
                    record("torch/_dynamo/symbolic_convert.py:444",
                           "{\"artifact\": {\"name\": \"dynamo_graph_break_reason\", \"encoding\": \"string\"}" + ctx, l.text);
                }

            int64_t inputs = 0;
            if (!c.graph.empty()) {
                std::string sizes = "{";
                for (const auto& [name, shape] : GraphText::sizesOf(c.graph))
                    sizes += (sizes.size() > 1 ? ", " : "") + JsonText::quote(name) + ": " + sizesJson(shape);
                record("torch/_dynamo/output_graph.py:1685", "{\"dynamo_output_graph\": {\"sizes\": " + sizes + "}}" + ctx,
                       GraphText::render(c.graph, frame.file, frame.name));
                for (const auto& n : c.graph) inputs += n.op == "placeholder";
            }
            if (!c.guards.empty()) {
                bool textMatches = c.guardsText.find("TREE_GUARD_MANAGER:") != std::string::npos &&
                                   GuardTreeText::parse(c.guardsText).guards == c.guards;
                record("torch/_dynamo/guards.py:3029", "{\"dynamo_cpp_guards_str\": {}" + ctx,
                       textMatches ? c.guardsText : GuardTreeText::render(c.guards));

            }

            std::string failType = "null", failReason = "null";
            if (c.status == EntryStatus::Failed) {
                size_t colon = c.failReason.find(": ");
                if (colon != std::string::npos && isExceptionName(std::string_view(c.failReason).substr(0, colon))) {
                    failType = JsonText::quote(c.failReason.substr(0, colon));
                    failReason = JsonText::quote(c.failReason.substr(colon + 2));
                } else {
                    failReason = JsonText::quote(c.failReason);
                }
            }
            // PyTorch's field names and order (torch/_dynamo/utils.py CompilationMetrics); only
            // what the engine knows: frame_key counts frames from 1; both cache sizes are the
            // entries of this frame's cache before this compile (convert_frame.py's
            // num_cache_entries; cache_size would count only entries with the same ID_MATCHed
            // objects, which the export does not split); the time is the engine's own compile
            // time (no separate backend or inductor time: left out).
            const int64_t us = static_cast<int64_t>(c.compileTimeUs);
            const std::string cacheSize = std::to_string(entriesOfFrame[c.frameId]);
            const std::vector<std::pair<const char*, std::string>> fields = {
                {"compile_id", JsonText::quote(std::to_string(id.frame) + "/" + std::to_string(id.fcid))},
                {"frame_key", JsonText::quote(std::to_string(c.frameId + 1))},
                {"co_name", JsonText::quote(frame.name)},
                {"co_filename", JsonText::quote(frame.file)},
                {"co_firstlineno", std::to_string(frame.firstLine)},
                {"cache_size", cacheSize},
                {"accumulated_cache_size", cacheSize},
                {"guard_count", countJson(GuardCount::of(c))},
                {"shape_env_guard_count", countJson(GuardCount::shapeEnvOf(c))},
                {"graph_op_count", std::to_string(c.opCount)},
                {"graph_node_count", std::to_string(c.graph.size())},
                {"graph_input_count", std::to_string(inputs)},
                {"entire_frame_compile_time_s", JsonText::number(c.compileTimeUs / 1e6)},
                {"fail_type", failType},
                {"fail_reason", failReason},
                {"restart_reasons", "[]"},
                {"dynamo_time_before_restart_s", "0.0"},
                {"has_guarded_code", c.status == EntryStatus::Ok ? "true" : "false"},
                {"duration_us", std::to_string(us)},
                {"dynamo_cumulative_compile_time_us", std::to_string(us)}};
            std::string m = "{\"compilation_metrics\": {";
            for (size_t i = 0; i < fields.size(); ++i) {
                if (i) m += ", ";
                m += JsonText::quote(fields[i].first);
                m += ": ";
                m += fields[i].second;
            }
            if (rec && !rec->reasons.empty()) {
                const auto& r0 = rec->reasons.front();
                m += ", \"recompile_reason\": " + JsonText::quote(r0.failedEntryId.empty() ? r0.text : r0.failedEntryId + ": " + r0.text);
            }
            if (!configWritten && !s_.info.configJson.empty()) {
                m += ", \"dynamo_config\": " + JsonText::quote(s_.info.configJson);
                configWritten = true;
            }
            record("torch/_dynamo/utils.py:1601", m + "}" + ctx);
            if (c.status == EntryStatus::Ok) ++entriesOfFrame[c.frameId];
        }
    }

private:
    std::string context(const CompileIdParts& id, int attempt) const {
        std::string s;
        if (!rank_.empty()) s += ", \"rank\": " + rank_;
        if (id.ca >= 0) s += ", \"compiled_autograd_id\": " + std::to_string(id.ca);
        s += ", \"frame_id\": " + std::to_string(id.frame) + ", \"frame_compile_id\": " + std::to_string(id.fcid) +
             ", \"attempt\": " + std::to_string(attempt);
        return s;
    }

    void writeShape(const ShapeEvent& e, const std::string& ctx, std::vector<std::string>& symbols) {
        const std::string path = "torch/fx/experimental/symbolic_shapes.py:4244";
        // PyTorch names the size itself: L['x'].size()[0]
        const std::string source = e.dim >= 0 && e.source.find(".size()[") == std::string::npos
                                       ? e.source + ".size()[" + std::to_string(e.dim) + "]" : e.source;
        switch (e.kind) {
        case ShapeEventKind::CreateSymbol:
            record(path, "{\"create_symbol\": {\"symbol\": " + JsonText::quote(e.symbol) + ", \"val\": " + JsonText::quote(std::to_string(e.hint)) +
                             ", \"vr\": " + JsonText::quote(e.range) + ", \"source\": " + JsonText::quote(source) +
                             ", \"user_stack\": null, \"stack\": null}" + ctx);
            symbols.push_back(e.symbol);
            break;
        case ShapeEventKind::Specialization:
            record(path, "{\"symbolic_shape_specialization\": {\"symbol\": " + JsonText::quote(e.symbol) + ", \"sources\": [" +
                             JsonText::quote(source) + "], \"value\": " + JsonText::quote(std::to_string(e.hint)) +
                             ", \"reason\": " + JsonText::quote(e.text) + ", \"stack\": null, \"user_stack\": null}" + ctx);
            break;
        case ShapeEventKind::GuardAdded:
            record(path, "{\"guard_added_fast\": {\"expr\": " + JsonText::quote(e.text) + ", \"stack\": null, \"user_stack\": null}" + ctx);
            break;
        case ShapeEventKind::Promotion:
        case ShapeEventKind::DuckSizing:
            break; // no TORCH_TRACE event carries these (automatic dynamic is a TORCH_LOGS message)
        }
    }

    int intern(const std::string& s) {
        auto it = strings_.find(s);
        if (it != strings_.end()) return it->second;
        int idx = static_cast<int>(strings_.size());
        strings_[s] = idx;
        header("torch/_logging/structured.py:28");
        out_ << "{\"str\": [" << JsonText::quote(s) << ", " << idx << "]}\n";
        return idx;
    }

    void header(const std::string& path) { out_ << 'V' << date_ << ' ' << time_ << " 0 " << path << "] "; }

    // `json` is the envelope without its closing brace when there is a payload to announce.
    void record(const std::string& path, const std::string& json) {
        header(path);
        out_ << json << "}\n";
    }
    void record(const std::string& path, const std::string& json, const std::string& payload) {
        header(path);
        out_ << json << ", \"has_payload\": \"" << Md5::hex(payload) << "\"}\n";
        size_t start = 0;
        for (;;) {
            size_t nl = payload.find('\n', start);
            out_ << '\t' << std::string_view(payload).substr(start, nl == std::string::npos ? std::string::npos : nl - start) << '\n';
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }

    std::ostream& out_;
    const Session& s_;
    std::string date_ = "0101", time_ = "00:00:00.000000", rank_;
    std::map<std::string, int> strings_;
    int64_t describer_ = 0;
};

} // namespace

void exportTorchTrace(const Session& s, const std::string& outPath) {
    // Temporary file + rename: a failed export leaves the old file (or none), never a part.
    try {
        io::AtomicFile out(outPath);
        Writer(out.stream(), s).write();
        out.commit();
    } catch (const io::IoError& e) {
        throw TraceError(e.what());
    }
}

void exportTraceRecords(const Session& s, const std::string& outPath) {
    bool given = false;
    exportTraceRecords([&]() -> std::vector<TraceRecord> {
        if (given) return {};
        given = true;
        return s.records;
    }, outPath);
}

void exportTraceRecords(const std::function<std::vector<TraceRecord>()>& nextPage, const std::string& outPath) {
    try {
        io::AtomicFile out(outPath);
        std::ostream& os = out.stream();
        for (auto page = nextPage(); !page.empty(); page = nextPage())
            for (const TraceRecord& r : page) {
                if (r.hasPayload && !r.payloadKept)
                    throw TraceError(outPath + ": record " + std::to_string(r.seq) + " (line " + std::to_string(r.line) +
                                     " of the imported log) had a payload too large to keep; the log cannot be written back "
                                     "verbatim. Nothing was written.");
                // §1.3.2: the header line, then every payload line after one TAB; "\n" line ends
                os << r.prefix << r.body << '\n';
                if (!r.hasPayload) continue;
                size_t start = 0;
                for (;;) {
                    const size_t nl = r.payload.find('\n', start);
                    os << '\t';
                    os.write(r.payload.data() + start, std::streamsize((nl == std::string::npos ? r.payload.size() : nl) - start));
                    os << '\n';
                    if (nl == std::string::npos) break;
                    start = nl + 1;
                }
            }
        out.commit();
    } catch (const io::IoError& e) {
        throw TraceError(e.what());
    }
}

} // namespace gs::trace
