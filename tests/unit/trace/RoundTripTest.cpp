// exportTorchTrace → importTraceFile gives back an equal session (RoundTrip.h defines "equal").
#include <gtest/gtest.h>

#include "core/session/ReasonClassifier.h"
#include "core/trace/GuardTreeText.h"
#include "core/trace/RoundTrip.h"
#include "tests/unit/SharedData.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

Imported exportAndImport(const Session& s, TempDir& dir, const std::string& name = "out.log") {
    std::string path = dir.file(name);
    exportTorchTrace(s, path);
    ImportOptions strict;
    strict.strict = true; // what we write must have no problem at all (valid MD5s, known events)
    return importFile(path, strict);
}

ArgDesc tensorArg(const std::string& src, std::vector<int64_t> shape, std::vector<int64_t> stride, const std::string& dtype = "float32",
                  const std::string& device = "cpu", const std::string& type = "Tensor", bool rg = false) {
    ArgDesc a;
    a.source = src;
    a.kind = "tensor";
    a.type = type;
    a.shape = std::move(shape);
    a.stride = std::move(stride);
    a.dtype = dtype;
    a.device = device;
    a.requiresGrad = rg;
    return a;
}

Guard guard(int id, int parent, std::string kind, std::string source, std::string code, std::string user = "", std::string file = "", int line = 0) {
    return Guard{id, parent, std::move(kind), std::move(source), std::move(code), std::move(user), std::move(file), line};
}

// A scenario-like session with every kind of thing a trace can carry, and some it cannot.
Session richSession() {
    Session s;
    s.info.kind = SessionKind::Scenario;
    s.info.title = "rich";
    s.info.created = "2026-11-28T12:34:56Z";
    s.info.sourcePath = "/work/scen.py";
    s.info.configJson = "{\"recompile_limit\": 8, \"automatic_dynamic_shapes\": true}";
    s.info.status = SessionStatus::Complete;
    s.frames = {{0, "f", "/work/scen.py", 3}, {1, "g", "/work/scen.py", 20}};

    ArgDesc n;
    n.source = "L['n']";
    n.kind = "int";
    n.type = "int";
    n.value = "3";
    Call c0{0, 0, 30, {tensorArg("L['x']", {2, 3}, {3, 1}), n}, CallOutcome::Compiled, "0/0", {}};
    Call c1{1, 0, 31, {tensorArg("L['x']", {2, 3}, {3, 1}), n}, CallOutcome::Hit, "0/0", {{"0/0", true, -1, "", {}, 7}}};
    Call c2{2, 0, 32, {tensorArg("L['x']", {4, 3}, {3, 1})}, CallOutcome::Recompiled, "0/1", {}};
    Call c3{3, 1, 33, {tensorArg("L['self']._modules['lin']._parameters['weight']", {8, 4}, {4, 1}, "float16", "cuda:0", "Parameter", true)},
            CallOutcome::Compiled, "1/0", {}};
    Call c4{4, 0, 34, {tensorArg("L['x']", {1, 3}, {3, 1})}, CallOutcome::Failed, "", {}};
    Call c5{5, 0, 35, {tensorArg("L['x']", {0, 3}, {3, 1})}, CallOutcome::RunOnly, "", {}};
    s.calls = {c0, c1, c2, c3, c4, c5};

    CompileEntry e0;
    e0.compileId = "0/0";
    e0.frameId = 0;
    e0.causedByCall = 0;
    e0.graph = {{0, "l_x_", "placeholder", "L_x_", {}, "[2, 3]", "float32", 0},
                {1, "sum_1", "call_method", "sum", {"l_x_", "1"}, "[2]", "float32", 4},
                {2, "mul", "call_function", "operator.mul", {"sum_1", "3"}, "[2]", "float32", 4},
                {3, "output", "output", "output", {"mul"}, "", "", 4}};
    e0.guards = {guard(0, -1, "RootGuardManager", "", ""),
                 guard(1, 0, "GLOBAL_STATE", "", "___check_global_state()"),
                 guard(2, 0, "GuardManager", "L['x']", "source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)"),
                 guard(3, 2, "TENSOR_MATCH", "L['x']",
                       "check_tensor(L['x'], Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch.float32, "
                       "device=None, requires_grad=False, size=[2, 3], stride=[3, 1])",
                       "return x.sum(1) * n", "/work/scen.py", 4),
                 guard(4, 2, "NO_HASATTR", "L['x']", "hasattr(L['x'], '_dynamo_dynamic_indices') == False", "return x.sum(1) * n", "/work/scen.py", 4),
                 guard(5, 0, "GuardManager", "L['n']", "source=L['n'], accessed_by=FrameLocalsGuardAccessor(key='n', framelocals_idx=1)"),
                 guard(6, 5, "EQUALS_MATCH", "L['n']", "L['n'] == 3", "return x.sum(1) * n  # uses n", "/work/scen.py", 4)};
    e0.opCount = 2;
    e0.compileTimeUs = 1234.5;
    e0.hitCount = 1; // not in traces
    e0.guardsText = "whatever the engine printed";

    CompileEntry e1 = e0;
    e1.compileId = "0/1";
    e1.frameCompileId = 1;
    e1.attempt = 1;
    e1.causedByCall = 2;
    e1.graph[0].shape = "[s0, 3]";
    e1.graph[1].shape = "[s0]";
    e1.graph[2].shape = "[s0]";
    e1.guards[3].code = "check_tensor(L['x'], Tensor, DispatchKeySet(CPU), torch.float32, device=None, requires_grad=False, size=[None, 3], stride=[3, 1])";
    e1.guards.push_back(guard(7, -1, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]", "return x.sum(1) * n", "/work/scen.py", 4));
    e1.symbols = {"s0"};
    e1.compileTimeUs = 2000;
    e1.hitCount = 0;

    CompileEntry e2;
    e2.compileId = "1/0";
    e2.frameId = 1;
    e2.causedByCall = 3;
    e2.graph = {{0, "l_self_w", "placeholder", "l_self_w", {}, "[8, 4]", "float16", 0},
                {1, "b", "get_attr", "L__self___b", {}, "[4]", "float16", 21},
                {2, "lin", "call_module", "L__self___lin", {"l_self_w"}, "", "", 21},
                {3, "getitem", "call_function", "operator.getitem", {"lin", "0"}, "", "", 22},
                {4, "output", "output", "output", {"getitem", "b"}, "", "", 22}};
    e2.guards = {guard(0, -1, "RootGuardManager", "", ""), guard(1, 0, "DEFAULT_DEVICE", "", "utils_device.CURRENT_DEVICE == None", "", "_dynamo/output_graph.py", 631)};
    e2.opCount = 2;
    e2.compileTimeUs = 99.25;

    CompileEntry e3;
    e3.compileId = "0/2";
    e3.frameId = 0;
    e3.frameCompileId = 2;
    e3.causedByCall = 4;
    e3.status = EntryStatus::Failed;
    e3.failReason = "BackendCompilerFailed: backend='broken' raised:\nRuntimeError: boom";
    e3.graph = e0.graph;
    e3.opCount = 2;
    e3.compileTimeUs = 10;

    CompileEntry e4;
    e4.compileId = "0/3";
    e4.frameId = 0;
    e4.frameCompileId = 3;
    e4.causedByCall = 5;
    e4.status = EntryStatus::LimitHit;
    e4.failReason = "torch._dynamo hit config.recompile_limit (8)";
    s.compiles = {e0, e1, e2, e3, e4};

    auto reason = [](const char* text) { return ReasonClassifier::classify(text); };
    s.recompiles = {{"0/1", 0, 2, false, {reason("0/0: tensor 'x' size mismatch at index 0. expected 2, actual 4")}},
                    {"0/2", 0, 4, false, {reason("0/1: 2 <= x.size()[0]"), reason("0/0: tensor 'x' size mismatch at index 0. expected 2, actual 1; n == 3")}},
                    {"0/3", 0, 5, true, {reason("0/1: 2 <= x.size()[0]  # return x.sum(1) * n  # scen.py:4 in f"), reason("0/0: L['n'] == 3")}}};
    for (auto& r : s.recompiles) ReasonClassifier::refine(r);  // as every writer sends them (issue 13)

    ShapeEvent create{ShapeEventKind::CreateSymbol, "0/1", 2, "s0", "L['x']", 0, 4, "[2, int_oo]", "", "create_symbol s0 = 4 ...", 32};
    ShapeEvent promo{ShapeEventKind::Promotion, "0/1", 2, "", "L['x']", 0, 0, "", "2 -> 4", "automatic dynamic", 32};
    ShapeEvent guardAdded{ShapeEventKind::GuardAdded, "0/1", 2, "", "", -1, 0, "", "", "2 <= s0", 32};
    ShapeEvent spec{ShapeEventKind::Specialization, "0/1", 2, "s1", "L['x'].size()[1]", 1, 3, "", "", "0/1 specialization", 32};
    s.shapeEvents = {promo, create, guardAdded, spec};
    s.logs = {{"recompiles", "0/1", 2, "Recompiling function f in /work/scen.py:3"}};
    s.tests = {{"test_it", "T", TestStatus::Pass, "", "/work/scen.py", 40}};
    return s;
}

TEST(RoundTrip, RichSyntheticSessionComesBackEqual) {
    TempDir d;
    Session s = richSession();
    Imported r = exportAndImport(s, d);
    EXPECT_EQ(join(RoundTrip::differences(s, r.session)), "");
    EXPECT_EQ(r.problems(), 0);
    // and the reimport is stable: exporting it again gives the same file
    std::string again = d.file("again.log");
    exportTorchTrace(r.session, again);
    Imported r2 = importFile(again);
    EXPECT_EQ(join(RoundTrip::differences(r.session, r2.session)), "");
}

TEST(RoundTrip, TheComparatorSeesEveryCoveredChange) {
    TempDir d;
    Session s = richSession();
    Imported r = exportAndImport(s, d);
    auto changed = [&](auto mutate) {
        Session copy = r.session;
        mutate(copy);
        return RoundTrip::differences(s, copy).size();
    };
    EXPECT_GT(changed([](Session& x) { x.frames[0].firstLine = 4; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[1].guards[3].code += " "; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[0].guards[3].line = 5; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[0].graph[1].target = "mean"; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[1].symbols.clear(); }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[3].failReason = "other"; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.compiles[0].compileTimeUs += 2; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.recompiles[1].reasons[1].expected = "9"; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.recompiles[2].limitHit = false; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.shapeEvents.pop_back(); }), 0u);
    EXPECT_GT(changed([](Session& x) { x.calls[2].args[0].shape[0] = 5; }), 0u);
    EXPECT_GT(changed([](Session& x) { x.calls[3].line = 1; }), 0u);
    // not covered: hit counts, info, logs, the list of all failing guards
    EXPECT_EQ(changed([](Session& x) {
                  x.compiles[0].hitCount = 99;
                  x.info.title = "t";
                  x.logs.clear();
                  x.recompiles[1].reasons[1].allFailures.pop_back();
              }),
              0u);
}

TEST(RoundTrip, WhatTheWriterWritesIsPyTorchsFormat) {
    TempDir d;
    std::string path = d.file("fmt.log");
    exportTorchTrace(richSession(), path);
    std::ifstream in(path);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    // reasons of 0/1 come first? No: 0/0 has none, so the string table and dynamo_start of 0/0
    EXPECT_EQ(first, "V1128 12:34:56.000000 0 torch/_logging/structured.py:28] {\"str\": [\"/work/scen.py\", 0]}");
    EXPECT_EQ(second,
              "V1128 12:34:56.000000 0 torch/_dynamo/convert_frame.py:1123] {\"dynamo_start\": {\"stack\": [{\"line\": 30, \"name\": \"<module>\", "
              "\"filename\": 0}, {\"line\": 3, \"name\": \"f\", \"filename\": 0}]}, \"frame_id\": 0, \"frame_compile_id\": 0, \"attempt\": 0}");
    std::string all((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(all.find("{\"artifact\": {\"name\": \"recompile_reasons\", \"encoding\": \"json\"}, \"frame_id\": 0, \"frame_compile_id\": 1, "
                       "\"attempt\": 0, \"has_payload\": \""),
              std::string::npos);
    EXPECT_NE(all.find("\t[\n\t\"0/0: tensor 'x' size mismatch at index 0. expected 2, actual 4\"\n\t]\n"), std::string::npos);
    EXPECT_NE(all.find("\tTREE_GUARD_MANAGER:\n\t+- RootGuardManager\n\t| +- GLOBAL_STATE: ___check_global_state()\n"), std::string::npos);
    EXPECT_NE(all.find("{\"create_symbol\": {\"symbol\": \"s0\", \"val\": \"4\", \"vr\": \"[2, int_oo]\", \"source\": \"L['x'].size()[0]\""),
              std::string::npos);
    EXPECT_NE(all.find("{\"dynamo_output_graph\": {\"sizes\": {\"l_x_\": [\"s0\", 3], \"sum_1\": [\"s0\"], \"mul\": [\"s0\"]}}"), std::string::npos);
}

class SampleRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(SampleRoundTrip, ImportExportImportIsEqual) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    TempDir d;
    Imported original = importFile(sample(GetParam()));
    Imported again = exportAndImport(original.session, d);
    EXPECT_EQ(join(RoundTrip::differences(original.session, again.session)), "");
    EXPECT_EQ(again.session.compiles.size(), original.session.compiles.size());
}

INSTANTIATE_TEST_SUITE_P(AllSamples, SampleRoundTrip,
                         ::testing::Values("dedicated_log_torch_trace_rank_1.log", "dedicated_log_torch_trace_rank_0.log", "comp_metrics.log",
                                           "comp_failure.log", "artifacts.log", "links.log", "simple.log", "simple_corrupted_json.log",
                                           "export.log", "export_guard_added.log"));

} // namespace
