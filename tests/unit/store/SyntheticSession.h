#pragma once
// Rich synthetic sessions for store tests and benchmarks: every struct of core/session/Session.h
// with every field set to a non-default value, plus text that stresses encoding (quotes,
// separators, newlines, UTF-8).
#include <cstdint>
#include <string>

#include "core/session/Session.h"

namespace gs::testing {

inline session::ArgDesc syntheticArg(int64_t call, int pos) {
    session::ArgDesc a;
    a.source = "L['x" + std::to_string(pos) + "']";
    a.kind = pos % 2 ? "int" : "tensor";
    a.type = pos % 2 ? "int" : "Parameter";
    a.shape = {2 + call % 7, 3, -1};
    a.stride = {3, 1, 0};
    a.dtype = "float32";
    a.device = "cuda:0";
    a.requiresGrad = true;
    a.objectId = 1000 + call * 4 + pos;
    a.aliasOf = pos > 0 ? 0 : 7;
    a.value = "3:\"q\",\n";
    return a;
}

inline session::Call syntheticCall(int64_t index, int frameId, bool rich = true) {
    session::Call c;
    c.index = index;
    c.frameId = frameId;
    c.line = 10 + static_cast<int>(index % 50);
    c.outcome = index % 3 == 0 ? session::CallOutcome::Recompiled : session::CallOutcome::Hit;
    c.entryId = std::to_string(frameId) + "/" + std::to_string(index % 4);
    c.args.push_back(syntheticArg(index, 0));
    if (rich) c.args.push_back(syntheticArg(index, 1));
    session::GuardEval g;
    g.compileId = std::to_string(frameId) + "/0";
    g.passed = false;
    g.firstFailedGuard = 2;
    g.reason = "tensor 'x' size mismatch at index 0. expected 2, actual " + std::to_string(index);
    g.failedGuards = {2, 5};
    g.evaluated = 6;
    c.tried.push_back(g);
    if (rich) {
        g.compileId = std::to_string(frameId) + "/1";
        g.passed = true;
        g.firstFailedGuard = 0;  // non-default even where meaningless: the store must not care
        g.failedGuards = {};
        c.tried.push_back(g);
    }
    return c;
}

inline session::CompileEntry syntheticCompile(int frameId, int n, int64_t causedBy) {
    session::CompileEntry e;
    e.compileId = std::to_string(frameId) + "/" + std::to_string(n);
    e.frameId = frameId;
    e.frameCompileId = n;
    e.attempt = 1;
    e.causedByCall = causedBy;
    e.status = n == 3 ? session::EntryStatus::LimitHit : session::EntryStatus::Ok;
    e.failReason = "cache_size_limit reached";
    for (int i = 0; i < 3; ++i)
        e.graph.push_back(session::GraphNode{i, "n" + std::to_string(i), "call_function", "torch.mul",
                                             {"l_x_", "2", ""}, "[s0, 3]", "float32", 5 + i});
    for (int i = 0; i < 4; ++i)
        e.guards.push_back(session::Guard{i, i - 1, i ? "TENSOR_MATCH" : "RootGuardManager", "L['x']",
                                          "check_tensor(L['x'], Tensor, ...)", "y = f(x)  # ünïcödé", "demo.py",
                                          7 + i});
    e.opCount = 2;
    e.symbols = {"s0", "s1", "a:b,c"};
    e.hitCount = 42 + n;
    e.compileTimeUs = 1234.5;
    e.guardsText = "TREE_GUARD_MANAGER:\n+- RootGuardManager\n| +- TENSOR_MATCH";
    e.stack = {{"/home/u/train.py", 12, "<module>", "main()"}, {"/home/u/model.py", 40 + n, "forward", "y = self.f(x)  # \"q\" ü"},
               {"demo.py", 3, "fn_" + std::to_string(frameId), ""}};
    // minified JSON values, as the importer keeps them; the long config repeats in every compile
    e.metrics = {{"compile_id", "\"" + e.compileId + "\""}, {"guard_count", std::to_string(8 + n)},
                 {"fail_type", "null"}, {"restart_reasons", "[\"graph break\",\"a,b:c\"]"},
                 {"dynamo_config", "\"{\\\"recompile_limit\\\": 8, \\\"automatic_dynamic_shapes\\\": false}\""},
                 {"feature_usage", "{\"dynamo.automatic_dynamic_shapes\":false}"}, {"entire_frame_compile_time_s", "1.25"}};
    e.cache = {{"fx_graph", n % 2 ? "hit" : "miss", "fkey" + std::to_string(n), "", 5 + n}, {"aot_autograd", "bypass", "", "reason: x", -1}};
    e.artifacts = {{4, "dynamo_output_graph", "graph", "python", "", 321}, {5 + n, "fx_graph_cache_miss", "cache", "json", "", 9000},
                   {9, "inductor_output_code", "code", "python", "cabc.py", 0}};
    // Inductor's multi-rank artifacts on every other compile: an empty schedule on one of them
    if (n % 2 == 0) {
        e.inductor.hasCollectives = true;
        if (n % 4 == 0) e.inductor.collectives = {"torch.ops._c10d_functional.all_reduce_.default", "wait_tensor \"x\""};
        e.inductor.runtimeMs = 13.805841870239033 + n;
        e.inductor.tensorMeta = "8b02c5a7ef265dcc";
    }
    return e;
}

inline session::Recompile syntheticRecompile(int frameId, int n, int64_t callIndex) {
    session::Recompile r;
    r.compileId = std::to_string(frameId) + "/" + std::to_string(n);
    r.frameId = frameId;
    r.callIndex = callIndex;
    r.limitHit = n == 3;
    for (int k = n - 1; k >= 0; --k) {
        session::RecompileReason x;
        x.failedEntryId = std::to_string(frameId) + "/" + std::to_string(k);
        x.text = "tensor 'x' size mismatch at index 0. expected " + std::to_string(k + 2) + ", actual 9";
        x.category = k % 2 ? session::ReasonCategory::TrainEval : session::ReasonCategory::SizeChange;
        x.guardKind = "TENSOR_MATCH";
        x.source = "x";
        x.expected = std::to_string(k + 2);
        x.actual = "9";
        x.dim = 0;
        x.fix = "mark the dimension dynamic: torch._dynamo.mark_dynamic(x, 0)";
        x.allFailures = {x.text, "second failure", ""};
        r.reasons.push_back(x);
    }
    return r;
}

// A session with `frames` frames, `calls` calls and up to four compiles per frame.
inline session::Session syntheticSession(const std::string& title, int frames = 2, int64_t calls = 20) {
    using namespace gs::session;
    Session s;
    s.info.kind = SessionKind::TorchTrace;
    s.info.title = title;
    s.info.created = "2026-11-28T10:00:00Z";
    s.info.sourcePath = "/tmp/demo.py";
    s.info.sourceText = "import torch\n\n@torch.compile\ndef f(x):\n    return x * 2  # \"quoted\" \\ ünïcödé 🙂\n";
    s.info.engineVersion = "0.1.0";
    s.info.configJson = "{\"cache_size_limit\": 8}";
    s.info.status = SessionStatus::Complete;
    s.info.group = "rank-group";
    s.info.metadata = {{"rank", "0"}, {"warnings", "2"}, {"empty", ""}};
    for (int f = 0; f < frames; ++f) s.frames.push_back(Frame{f, "fn_" + std::to_string(f), "demo.py", 3 + f});
    for (int f = 0; f < frames; ++f)
        for (int n = 0; n < 4; ++n) {
            const int64_t at = n * 3 + f;
            if (n > 0) s.recompiles.push_back(syntheticRecompile(f, n, at));
            s.compiles.push_back(syntheticCompile(f, n, at));
        }
    for (int64_t i = 0; i < calls; ++i) s.calls.push_back(syntheticCall(i, static_cast<int>(i % frames)));
    s.shapeEvents.push_back(ShapeEvent{ShapeEventKind::Promotion, "0/1", 1, "s0", "L['x']", 0, 3, "[2, int_oo]",
                                       "2 -> 3", "create_symbol s0 = 3 for L['x'].size()[0]", 12});
    s.shapeEvents.push_back(ShapeEvent{ShapeEventKind::Specialization, "1/0", 2, "s1", "L['y']", 1, 1, "[1, 1]",
                                       "1", "specialized", 13});
    s.logs.push_back(LogLine{"recompiles", "0/1", 1, "Recompiling function f in demo.py:3\n    triggered by..."});
    s.logs.push_back(LogLine{"guards", "0/0", 0, "TREE_GUARD_MANAGER:\n\ttab\x01" "ctl"});
    s.tests.push_back(TestResult{"test_a", "T", TestStatus::Fail, "AssertionError: 2 != 3", "demo.py", 40});
    s.tests.push_back(TestResult{"test_b", "T", TestStatus::Skip, "skipped 'no cuda'", "demo.py", 44});
    return s;
}

} // namespace gs::testing
