#include "core/trace/ChromeTrace.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/trace/JsonText.h"

namespace gs::trace {

using namespace gs::session;

namespace {

// The number a compilation_metrics field holds, if it is one.
bool metric(const CompileEntry& c, const char* name, double& out) {
    for (const auto& m : c.metrics) {
        if (m.name != name) continue;
        if (m.json.empty() || m.json == "null") return false;
        char* end = nullptr;
        out = std::strtod(m.json.c_str(), &end);
        return end && *end == '\0';
    }
    return false;
}

std::string span(const std::string& name, double ts, double dur, int64_t pid, const std::string& args) {
    return "{\"name\": " + JsonText::quote(name) + ", \"cat\": \"dynamo_timed\", \"ph\": \"X\", \"ts\": " + JsonText::number(ts) +
           ", \"dur\": " + JsonText::number(dur) + ", \"pid\": " + std::to_string(pid) + ", \"tid\": 0, \"args\": " + args + "}";
}

} // namespace

void ChromeTrace::addRecord(const TraceRecord& r) {
    // The envelope key comes first in every record PyTorch writes: {"chromium_event": {}, ...}.
    if (r.body.rfind("{\"chromium_event\"", 0) != 0) return;
    if (!r.hasPayload || !r.payloadKept) {
        ++skipped_;
        return;
    }
    simdjson::dom::parser parser;
    simdjson::dom::element e;
    if (parser.parse(r.payload).get(e) || !e.is_object()) {
        ++skipped_;  // PyTorch's log lines can be cut; tlparse drops such events too
        return;
    }
    events_.push_back(simdjson::minify(e));
}

std::string ChromeTrace::finish(const Session& s) const {
    int64_t pid = 0;
    if (auto it = s.info.metadata.find("rank"); it != s.info.metadata.end()) pid = std::atoll(it->second.c_str());
    std::string out = "{\"traceEvents\": [\n";
    bool first = true;
    auto add = [&](const std::string& e) {
        out += (first ? "" : ",\n") + e;
        first = false;
    };
    add("{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": " + std::to_string(pid) + ", \"tid\": 0, \"args\": {\"name\": " +
        JsonText::quote(s.info.title.empty() ? "torch.compile" : s.info.title) + "}}");
    if (!events_.empty()) {
        for (const auto& e : events_) add(e);
    } else {
        std::map<std::string, std::string> reasonOf;  // compile id -> first reason (first occurrence)
        for (const auto& r : s.recompiles)
            if (!r.reasons.empty()) reasonOf.emplace(r.compileId, r.reasons.front().failedEntryId + ": " + r.reasons.front().text);
        double clock = 0;
        for (const auto& c : s.compiles) {
            double start = 0, dur = 0, seconds = 0;
            if (!metric(c, "duration_us", dur)) dur = metric(c, "entire_frame_compile_time_s", seconds) ? seconds * 1e6 : c.compileTimeUs;
            if (!metric(c, "start_time_us", start)) start = clock;
            clock = start + dur;
            const Frame* f = s.frame(c.frameId);
            std::string args = "{\"compile_id\": " + JsonText::quote(c.compileId) + ", \"fn_name\": " +
                               JsonText::quote(f ? f->name : std::string()) + ", \"status\": " +
                               JsonText::quote(std::string(toString(c.status)));
            auto reason = reasonOf.find(c.compileId);
            if (reason != reasonOf.end()) args += ", \"recompile_reason\": " + JsonText::quote(reason->second);
            if (!c.failReason.empty()) args += ", \"fail_reason\": " + JsonText::quote(c.failReason);
            args += "}";
            if (reason != reasonOf.end())
                add("{\"name\": \"recompile\", \"cat\": \"dynamo_timed\", \"ph\": \"i\", \"s\": \"p\", \"ts\": " + JsonText::number(start) +
                    ", \"pid\": " + std::to_string(pid) + ", \"tid\": 0, \"args\": " + args + "}");
            add(span("dynamo", start, dur, pid, args));
            // Phases nested at the end of the span, each inside the one before (PyTorch runs
            // code generation last in the inductor compile, inductor last in the backend).
            const std::string idArgs = "{\"compile_id\": " + JsonText::quote(c.compileId) + "}";
            double end = start + dur;
            for (const char* phase : {"backend_compile", "inductor_compile", "code_gen"}) {
                double t = 0;
                if (!metric(c, (std::string(phase) + "_time_s").c_str(), t) || t <= 0) break;
                const double d = std::min(t * 1e6, end - start);
                add(span(phase, end - d, d, pid, idArgs));
                start = end - d;
            }
        }
    }
    return out + "\n], \"displayTimeUnit\": \"ms\"}\n";
}

} // namespace gs::trace
