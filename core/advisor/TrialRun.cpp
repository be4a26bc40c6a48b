#include "core/advisor/TrialRun.h"

#include <cmath>
#include <sstream>

#include "core/engine/ScenarioRunner.h"
#include "core/torch/TorchBindings.h"
#include "core/runtime/Containers.h"
#include "core/runtime/Str.h"
#include "core/tensor/DType.h"

namespace gs::advisor {
namespace {

// Tensors larger than this keep their first elements and a sum: enough to tell a changed
// result apart without holding a copy of every big output.
constexpr size_t kMaxValues = 4096;

void flatten(const runtime::Value& v, std::vector<ResultLeaf>& out, int depth = 0) {
    ResultLeaf leaf;
    if (depth > 8) {
        leaf.kind = "other";
        leaf.text = "<nested too deep>";
    } else if (v.isNull() || v.isNone()) {
        leaf.kind = "none";
    } else if (v.isBool()) {
        leaf.kind = "bool";
        leaf.values.push_back(v.asBool() ? 1 : 0);
    } else if (v.isInt()) {
        leaf.kind = "int";
        leaf.values.push_back(static_cast<double>(v.asInt()));
    } else if (v.isFloat()) {
        leaf.kind = "float";
        leaf.values.push_back(v.asFloat());
    } else if (auto* t = torch::asTensorObject(v)) {
        leaf.kind = "tensor";
        const tensor::Tensor& x = t->tensor;
        leaf.shape.assign(x.sizes().begin(), x.sizes().end());
        leaf.dtype = std::string(tensor::dtypeName(x.dtype()));
        std::vector<double> all = x.toDoubles();
        if (all.size() > kMaxValues) {
            double sum = 0;
            for (double d : all) sum += d;
            all.resize(kMaxValues);
            all.push_back(sum);
        }
        leaf.values = std::move(all);
    } else if (auto* tup = dynamic_cast<runtime::Tuple*>(v.obj())) {
        for (const auto& item : tup->items) flatten(item, out, depth + 1);
        return;
    } else if (auto* list = dynamic_cast<runtime::List*>(v.obj())) {
        for (const auto& item : list->items) flatten(item, out, depth + 1);
        return;
    } else if (auto* s = dynamic_cast<runtime::Str*>(v.obj())) {
        leaf.kind = "str";
        leaf.text = std::string(s->view());
    } else {
        leaf.kind = "other";
        leaf.text = v.obj() ? v.obj()->repr() : "";
    }
    out.push_back(std::move(leaf));
}

bool close(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (a == b) return true;
    return std::fabs(a - b) <= 1e-8 + 1e-5 * std::fabs(b);
}

std::string describe(const ResultLeaf& l) {
    std::ostringstream os;
    os << l.kind;
    if (l.kind == "tensor") {
        os << "[";
        for (size_t i = 0; i < l.shape.size(); ++i) os << (i ? ", " : "") << l.shape[i];
        os << "] " << l.dtype;
    }
    return os.str();
}

} // namespace

std::string TrialRun::errorTypeOf(const std::string& error) {
    // The exception line is the first line after a traceback's frames that is not indented
    // ("Type: message"); its message may go on over more lines, so it is not always the last
    // line. With chained exceptions the last such line is the one that ended the run. Without
    // a traceback the last line is taken.
    auto typeOf = [](const std::string& line) -> std::string {
        size_t colon = line.find(':');
        // "Type: message" or a bare "Type"; "file.py:1:6: error: ..." is a location, not a type.
        if (colon != std::string::npos && colon + 1 < line.size() && line[colon + 1] != ' ') return {};
        std::string type = line.substr(0, colon);
        if (type.empty()) return {};
        for (char c : type)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return {};
        size_t dot = type.rfind('.');
        return dot == std::string::npos ? type : type.substr(dot + 1);
    };
    std::string found;
    bool inFrames = false;
    std::string lastLine;
    size_t pos = 0;
    while (pos < error.size()) {
        size_t nl = error.find('\n', pos);
        std::string line = error.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? error.size() : nl + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        lastLine = line;
        if (line.rfind("Traceback (most recent call last):", 0) == 0) {
            inFrames = true;
        } else if (inFrames && line[0] != ' ' && line[0] != '\t') {
            inFrames = false;
            if (std::string t = typeOf(line); !t.empty()) found = t;
        }
    }
    return found.empty() ? typeOf(lastLine) : found;
}

RunMeasure TrialRun::run(const std::string& fileName, const std::string& source, const TrialOptions& options) {
    RunMeasure m;
    session::SessionBuilder builder;
    engine::RunOptions ro;
    ro.limits.maxSeconds = options.maxSeconds;
    ro.limits.maxSteps = options.maxSteps;
    ro.out = [&m](std::string_view s) {
        if (m.output.size() < (1u << 20)) m.output.append(s);
    };
    ro.logOut = [](std::string_view) {};
    ro.cancelled = options.cancelled;
    ro.verify = options.verify;
    ro.onResult = [&m](const runtime::Value& v) {
        std::vector<ResultLeaf> leaves;
        flatten(v, leaves);
        m.results.push_back(std::move(leaves));
    };
    engine::RunResult r = engine::runScenario(fileName, source, builder, ro);
    m.session = builder.take();
    session::Summary s = m.session.summary();
    m.compiles = s.compiles;
    m.recompiles = s.recompiles;
    m.cacheHits = s.cacheHits;
    m.runOnly = s.runOnly;
    m.limitHits = s.limitHits;
    m.calls = s.calls;
    for (const auto& l : m.session.logs)
        if (l.channel == "graph_breaks" && l.text.rfind("restart: ", 0) != 0) ++m.graphBreaks;
    m.staleHits = r.staleHits;
    for (const auto& l : m.session.logs)
        if (l.channel == "verify") {
            m.staleReport = l.text;
            break;
        }
    // Stale hits are reported on their own (RunMeasure::staleHits), not as how the run ended.
    m.exitCode = r.failedOnlyByStaleHits ? 0 : r.exitCode;
    m.error = r.failedOnlyByStaleHits ? std::string() : r.error;
    if (!m.error.empty()) m.errorType = r.exitCode == 3 ? "limit" : errorTypeOf(r.error);
    m.testsPassed = r.testsPassed;
    m.testsFailed = r.testsFailed;
    return m;
}

std::string TrialRun::compareResults(const RunMeasure& before, const RunMeasure& after) {
    if (before.results.size() != after.results.size())
        return "the compiled function was called " + std::to_string(after.results.size()) + " times instead of " +
               std::to_string(before.results.size());
    for (size_t i = 0; i < before.results.size(); ++i) {
        const auto& a = before.results[i];
        const auto& b = after.results[i];
        std::string call = "compiled call " + std::to_string(i + 1);
        if (a.size() != b.size()) return call + " returned " + std::to_string(b.size()) + " values instead of " + std::to_string(a.size());
        for (size_t j = 0; j < a.size(); ++j) {
            if (a[j].kind != b[j].kind || a[j].shape != b[j].shape || a[j].dtype != b[j].dtype)
                return call + " returned " + describe(b[j]) + " instead of " + describe(a[j]);
            if (a[j].text != b[j].text) return call + " returned " + b[j].text + " instead of " + a[j].text;
            if (a[j].values.size() != b[j].values.size()) return call + " returned other values";
            for (size_t k = 0; k < a[j].values.size(); ++k)
                if (!close(b[j].values[k], a[j].values[k])) {
                    std::ostringstream os;
                    os << call << " returned other values (" << b[j].values[k] << " instead of " << a[j].values[k] << ")";
                    return os.str();
                }
        }
    }
    if (after.testsFailed > before.testsFailed)
        return std::to_string(after.testsFailed - before.testsFailed) + " more test(s) fail";
    return {};
}

} // namespace gs::advisor
