// Every sample log in shared/traces/torch_trace, with counts verified by hand once (reading the
// files and an independent Python scan; see the numbers in the comments).
#include <gtest/gtest.h>

#include "tests/unit/SharedData.h"
#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

std::vector<std::string> kinds(const CompileEntry& c) {
    std::vector<std::string> k;
    for (const auto& g : c.guards) k.push_back(g.kind);
    return k;
}

int64_t meta(const Session& s, const std::string& key) {
    auto it = s.info.metadata.find(key);
    return it == s.info.metadata.end() ? -1 : std::stoll(it->second);
}

TEST(SampleLogs, Rank1IsOneFrameCompiled15TimesWith14SizeChangeRecompiles) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("dedicated_log_torch_trace_rank_1.log")); // CRLF throughout
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 25720);
    EXPECT_EQ(r.report.records, 810);
    EXPECT_EQ(r.problems(), 0);
    EXPECT_TRUE(r.report.unknownEvents.empty());
    ASSERT_EQ(s.frames.size(), 1u);
    EXPECT_EQ(s.frames[0].name, "kernel");
    EXPECT_EQ(s.frames[0].file, "/Users/skarjala/Desktop/tlparse/tests/gen_many_frames.py");
    EXPECT_EQ(s.frames[0].firstLine, 6);
    ASSERT_EQ(s.compiles.size(), 15u);
    ASSERT_EQ(s.recompiles.size(), 14u);
    ASSERT_EQ(s.calls.size(), 15u);
    Summary sum = s.summary();
    EXPECT_EQ(sum.compiles, 15);
    EXPECT_EQ(sum.recompiles, 14);
    EXPECT_EQ(sum.failures, 0);
    EXPECT_EQ(sum.recompilesByCategory, (std::map<std::string, int64_t>{{"size_change", 14}}));
    for (int k = 0; k < 15; ++k) {
        const CompileEntry& c = s.compiles[size_t(k)];
        EXPECT_EQ(c.compileId, "0/" + std::to_string(k));
        EXPECT_EQ(c.status, EntryStatus::Ok);
        EXPECT_EQ(c.guards.size(), 9u); // root, 4 ambient guards, x manager, TENSOR_MATCH, NO_HASATTR, x.sum manager
        EXPECT_EQ(leafGuards(c), 6);
        EXPECT_EQ(c.graph.size(), 3u); // l_x_, sum_1, output
        EXPECT_EQ(c.opCount, 1);
        EXPECT_EQ(s.calls[size_t(k)].outcome, k == 0 ? CallOutcome::Compiled : CallOutcome::Recompiled);
        EXPECT_EQ(s.calls[size_t(k)].line, 25); // kernel(x) in run_many_iters
        EXPECT_EQ(s.calls[size_t(k)].args.size(), 1u);
    }
    EXPECT_EQ(s.compiles[0].guards[6].code,
              "check_tensor(L['x'], Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch.float32, "
              "device=None, requires_grad=False, size=[2, 2], stride=[2, 1])");
    // recompile k lists the k older entries, newest first: "0/(k-1): ... expected k+1, actual k+2"
    for (int k = 1; k < 15; ++k) {
        const Recompile& rc = s.recompiles[size_t(k - 1)];
        EXPECT_EQ(rc.compileId, "0/" + std::to_string(k));
        ASSERT_EQ(rc.reasons.size(), size_t(k));
        for (int j = 0; j < k; ++j) {
            const RecompileReason& reason = rc.reasons[size_t(j)];
            EXPECT_EQ(reason.failedEntryId, "0/" + std::to_string(k - 1 - j));
            EXPECT_EQ(reason.category, ReasonCategory::SizeChange);
            EXPECT_EQ(reason.guardKind, "TENSOR_MATCH");
            EXPECT_EQ(reason.source, "x");
            EXPECT_EQ(reason.dim, 0);
            EXPECT_EQ(reason.expected, std::to_string(k + 1 - j));
            EXPECT_EQ(reason.actual, std::to_string(k + 2));
        }
    }
    EXPECT_EQ(s.recompiles[13].reasons[0].text, "tensor 'x' size mismatch at index 0. expected 15, actual 16");
    EXPECT_EQ(r.logs("guard_diff"), 14u);
    EXPECT_EQ(s.logs.front().text, "guards of 0/1 compared with 0/0:\n~ TENSOR_MATCH L['x']: size=[2, 2] → size=[3, 3]; stride=[2, 1] → stride=[3, 1]");
    EXPECT_EQ(r.logs("warning"), 0u);
    EXPECT_EQ(s.info.metadata.at("rank"), "1"); // from the file name: the envelopes have no rank
    EXPECT_EQ(s.info.metadata.at("dynamo_config.recompile_limit"), "1000000");
    EXPECT_EQ(s.info.metadata.at("dynamo_config.automatic_dynamic_shapes"), "false");
    EXPECT_EQ(meta(s, "restarts"), 0);
    EXPECT_NE(s.info.configJson.find("\"recompile_limit\": 1000000"), std::string::npos);
}

TEST(SampleLogs, Rank0RecompilesAreObjectIdentityFailures) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("dedicated_log_torch_trace_rank_0.log"));
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 15158);
    EXPECT_EQ(r.report.records, 504);
    // 6 payloads whose MD5 does not match (torch-trace-format §1.3.2, cause not investigated)
    EXPECT_EQ(r.problems(), 6);
    EXPECT_EQ(r.problem("md5_mismatch"), 6);
    EXPECT_EQ(r.logs("warning"), 6u);
    ASSERT_EQ(s.frames.size(), 1u);
    EXPECT_EQ(s.frames[0].name, "inner");
    EXPECT_EQ(s.frames[0].firstLine, 66);
    ASSERT_EQ(s.compiles.size(), 4u);
    ASSERT_EQ(s.recompiles.size(), 3u);
    EXPECT_EQ(s.summary().recompilesByCategory, (std::map<std::string, int64_t>{{"object_identity", 3}}));
    const size_t nodes[] = {85, 121, 121, 121};
    const int leaves[] = {43, 64, 64, 64};
    const size_t graph[] = {12, 23, 23, 23};
    const int ops[] = {8, 16, 16, 16};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(s.compiles[i].compileId, "0/" + std::to_string(i));
        EXPECT_EQ(s.compiles[i].guards.size(), nodes[i]);
        EXPECT_EQ(leafGuards(s.compiles[i]), leaves[i]);
        EXPECT_EQ(s.compiles[i].graph.size(), graph[i]);
        EXPECT_EQ(s.compiles[i].opCount, ops[i]);
        EXPECT_EQ(s.calls[i].line, i == 0 ? 164 : 165);
    }
    for (const auto& rc : s.recompiles) {
        ASSERT_EQ(rc.reasons.size(), 1u);
        const RecompileReason& reason = rc.reasons[0];
        EXPECT_EQ(reason.failedEntryId, "0/0");
        EXPECT_EQ(reason.text, "___check_obj_id(fn, 140439264606080)");
        EXPECT_EQ(reason.category, ReasonCategory::ObjectIdentity);
        EXPECT_EQ(reason.guardKind, "ID_MATCH");
        EXPECT_EQ(reason.source, "fn");
        EXPECT_EQ(reason.expected, "140439264606080");
    }
    EXPECT_EQ(s.info.metadata.at("rank"), "0");
    // the guard diff of 0/1 against 0/0 names the replaced function object first
    EXPECT_EQ(s.logs[0].channel, "guard_diff");
    EXPECT_EQ(s.logs[0].text.rfind("guards of 0/1 compared with 0/0:\n~ ID_MATCH L['fn']: 140439264606080 → 140439651757056\n", 0), 0u)
        << s.logs[0].text;
    EXPECT_EQ(s.logs[1].text, "guards of 0/2 compared with 0/1: no differences");
    // the epilogue LAMBDA_GUARD is printed at depth 0: a second top-level node
    const CompileEntry& c0 = s.compiles[0];
    EXPECT_EQ(c0.guards.back().kind, "LAMBDA_GUARD");
    EXPECT_EQ(c0.guards.back().parent, -1);
    EXPECT_EQ(c0.guards.back().userCode, "a = F.silu(a)");
    EXPECT_EQ(c0.guards.back().file, "test2.py");
    EXPECT_EQ(c0.guards.back().line, 106);
    // the first frame's tensors: lin2 weight (Parameter, requires_grad), args[0], lin1 weight
    ASSERT_EQ(s.calls[0].args.size(), 3u);
    EXPECT_EQ(s.calls[0].args[0].source, "L['fn'].__self__._modules['lin2']._parameters['weight']");
    EXPECT_EQ(s.calls[0].args[0].type, "Parameter");
    EXPECT_TRUE(s.calls[0].args[0].requiresGrad);
    EXPECT_EQ(s.calls[0].args[0].dtype, "float16");
    EXPECT_EQ(s.calls[0].args[0].device, "cuda:0");
    EXPECT_EQ(s.calls[0].args[1].shape, (std::vector<int64_t>{1024, 1024}));
}

TEST(SampleLogs, CompMetricsHasThreeFramesAndTwoGraphBreakRestarts) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("comp_metrics.log")); // Apr 2024: dynamo_guards JSON, thread id
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 65);
    EXPECT_EQ(r.report.records, 26);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(s.frames.size(), 3u);
    EXPECT_EQ(s.frames[0].name, "fn");
    EXPECT_EQ(s.frames[1].name, "torch_dynamo_resume_in_fn_at_9551");
    EXPECT_EQ(s.frames[2].name, "torch_dynamo_resume_in_fn_at_9553");
    ASSERT_EQ(s.compiles.size(), 3u);
    EXPECT_EQ(s.recompiles.size(), 0u);
    EXPECT_EQ(s.compiles[0].attempt, 1);
    EXPECT_EQ(s.compiles[1].attempt, 1);
    EXPECT_EQ(s.compiles[2].attempt, 0);
    EXPECT_EQ(meta(s, "restarts"), 2);
    EXPECT_EQ(r.logs("graph_breaks"), 2u);
    EXPECT_EQ(s.logs[0].text, "restart: 'skip function graph_break in file /data/users/jjwu/a/pytorch/torch/_dynamo/decorators.py'");
    for (const auto& c : s.compiles) {
        EXPECT_EQ(c.status, EntryStatus::Ok);
        EXPECT_EQ(kinds(c), (std::vector<std::string>{"RootGuardManager", "NO_HASATTR", "DEFAULT_DEVICE", "TENSOR_MATCH"}));
        EXPECT_EQ(c.guards[3].source, ""); // a flat JSON list: root-level guards
        EXPECT_EQ(c.graph.size(), 3u);
    }
    // the JSON dump's stack gives provenance: init_ambient_guards in output_graph.py:425
    EXPECT_EQ(s.compiles[0].guards[2].file, "/data/users/jjwu/a/pytorch/torch/_dynamo/output_graph.py");
    EXPECT_EQ(s.compiles[0].guards[2].line, 425);
    EXPECT_EQ(s.calls[0].line, 9559);
    EXPECT_EQ(s.calls[1].line, 9551);
    EXPECT_EQ(s.calls[2].line, 9553);
    EXPECT_NEAR(s.compiles[0].compileTimeUs, 12439.489, 0.01);
}

TEST(SampleLogs, CompFailureIsOneFailedCompileWithItsTraceback) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("comp_failure.log")); // "compiled_autograd_id": null on every envelope
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 178);
    EXPECT_EQ(r.report.records, 21);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(s.compiles.size(), 1u);
    const CompileEntry& c = s.compiles[0];
    EXPECT_EQ(c.compileId, "0/0");
    EXPECT_EQ(c.status, EntryStatus::Failed);
    EXPECT_EQ(c.failReason, "BackendCompilerFailed: backend='broken_backend' raised:\nRuntimeError: broken backend");
    EXPECT_TRUE(c.guards.empty());
    EXPECT_EQ(c.graph.size(), 3u);
    EXPECT_EQ(c.compileTimeUs, 157247); // dynamo_cumulative_compile_time_us
    EXPECT_EQ(s.summary().failures, 1);
    EXPECT_EQ(s.summary().compiles, 0);
    ASSERT_EQ(s.calls.size(), 1u);
    EXPECT_EQ(s.calls[0].outcome, CallOutcome::Failed);
    EXPECT_EQ(s.calls[0].entryId, "");
    ASSERT_EQ(s.calls[0].args.size(), 1u);
    EXPECT_EQ(s.calls[0].args[0].source, "L['x']");
    EXPECT_EQ(s.calls[0].args[0].shape, (std::vector<int64_t>{4, 4}));
    EXPECT_EQ(r.logs("error"), 2u); // the dynamo_error traceback and the failure
    EXPECT_EQ(s.logs[0].text.rfind("Traceback (most recent call last):", 0), 0u);
    EXPECT_EQ(s.info.metadata.at("dynamo_config.cache_size_limit"), "8"); // the old knob name
}

TEST(SampleLogs, ArtifactsLogPrefersTheTreeWhenBothGuardFormatsArePresent) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("artifacts.log"));
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 53);
    EXPECT_EQ(r.report.records, 20);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(s.compiles.size(), 1u);
    const CompileEntry& c = s.compiles[0];
    EXPECT_EQ(kinds(c), (std::vector<std::string>{"RootGuardManager", "DEFAULT_DEVICE", "GLOBAL_STATE", "GuardManager", "TENSOR_MATCH",
                                                  "NO_HASATTR", "NO_TENSOR_ALIASING", "GuardManager", "TENSOR_MATCH", "NO_HASATTR",
                                                  "NO_TENSOR_ALIASING"}));
    EXPECT_EQ(leafGuards(c), 8);
    EXPECT_EQ(c.guards[1].code, "utils_device.CURRENT_DEVICE == None");
    EXPECT_EQ(c.guards[1].file, "_dynamo/output_graph.py");
    EXPECT_EQ(c.guards[1].line, 457);
    EXPECT_EQ(c.guards[3].source, "L['x']");
    EXPECT_EQ(c.guards[3].code, "source=L['x'], accessed_by=DictGetItemGuardAccessor(x)");
    EXPECT_EQ(c.guards[9].source, "L['y']");
    EXPECT_EQ(c.guards[9].parent, 7);
    ASSERT_EQ(c.graph.size(), 4u);
    EXPECT_EQ(c.graph[2].name, "mul");
    EXPECT_EQ(c.graph[2].target, "operator.mul");
    EXPECT_EQ(c.graph[2].args, (std::vector<std::string>{"l_x_", "l_y_"}));
    EXPECT_EQ(c.graph[2].shape, "[5, 5]");
    EXPECT_EQ(c.graph[2].dtype, "float32");
    EXPECT_EQ(c.graph[2].line, 440);
}

TEST(SampleLogs, LinksLogHasOneCompileWithAGetAttrAndTwoAdds) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("links.log"));
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 160);
    EXPECT_EQ(r.report.records, 12);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(s.compiles.size(), 1u);
    const CompileEntry& c = s.compiles[0];
    EXPECT_EQ(c.guards.size(), 24u);
    EXPECT_EQ(leafGuards(c), 13);
    ASSERT_EQ(c.graph.size(), 7u);
    std::vector<std::string> ops, targets;
    for (const auto& n : c.graph) {
        ops.push_back(n.op);
        targets.push_back(n.target);
    }
    EXPECT_EQ(ops, (std::vector<std::string>{"placeholder", "placeholder", "get_attr", "call_function", "call_function", "call_function", "output"}));
    EXPECT_EQ(targets, (std::vector<std::string>{"L_x_", "G_global_state_tensor_", "L__self___param", "torch.sin", "operator.add", "operator.add", "output"}));
    EXPECT_EQ(c.opCount, 3);
    EXPECT_EQ(s.frames[0].name, "forward");
    EXPECT_EQ(s.calls[0].line, 15);
}

TEST(SampleLogs, SimpleLogIsOneInductorCompile) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("simple.log"));
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 2224);
    EXPECT_EQ(r.report.records, 76);
    EXPECT_EQ(r.problems(), 0);
    ASSERT_EQ(s.frames.size(), 1u);
    EXPECT_EQ(s.frames[0].firstLine, 11123);
    ASSERT_EQ(s.compiles.size(), 1u);
    EXPECT_EQ(s.compiles[0].guards.size(), 68u);
    EXPECT_EQ(leafGuards(s.compiles[0]), 34);
    EXPECT_EQ(s.compiles[0].graph.size(), 5u);
    EXPECT_EQ(s.compiles[0].opCount, 3);
    EXPECT_EQ(s.compiles[0].compileTimeUs, 1659332);
    EXPECT_EQ(s.calls[0].line, 11160);
    EXPECT_EQ(s.logs.size(), 0u);
}

TEST(SampleLogs, CorruptedJsonImportsWithExactlyOneBadPayload) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("simple_corrupted_json.log"));
    Imported good = importFile(sample("simple.log"));
    EXPECT_EQ(r.report.lines, 2223);
    EXPECT_EQ(r.report.records, 76);
    // the one chromium_event payload that lost its "}," line: invalid JSON and a different MD5
    EXPECT_EQ(r.problem("bad_payload"), 1);
    EXPECT_EQ(r.problem("md5_mismatch"), 1);
    EXPECT_EQ(r.problems(), 2);
    ASSERT_EQ(r.report.warnings.size(), 2u);
    EXPECT_NE(r.report.warnings[0].find("simple_corrupted_json.log:13: md5_mismatch"), std::string::npos);
    EXPECT_NE(r.report.warnings[1].find("simple_corrupted_json.log:13: bad_payload"), std::string::npos);
    EXPECT_EQ(r.logs("warning"), 2u);
    // everything else reads as in simple.log
    EXPECT_EQ(r.session.compiles, good.session.compiles);
    EXPECT_EQ(r.session.frames, good.session.frames);
}

TEST(SampleLogs, ExportLogHasNoCompilesButShapeEvents) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("export.log")); // torch.export: no compile ids, 6 blank lines
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 84);
    EXPECT_EQ(r.report.records, 60);
    EXPECT_EQ(r.problem("md5_mismatch"), 1); // exported_program with raw blank lines in its payload
    EXPECT_EQ(r.problems(), 1);
    EXPECT_TRUE(s.frames.empty());
    EXPECT_TRUE(s.compiles.empty());
    ASSERT_EQ(s.shapeEvents.size(), 8u);
    EXPECT_EQ(s.shapeEvents[0].kind, ShapeEventKind::CreateSymbol);
    EXPECT_EQ(s.shapeEvents[0].symbol, "u0");
    EXPECT_EQ(s.shapeEvents[0].range, "[-int_oo, int_oo]");
    for (size_t i = 1; i < 8; ++i) EXPECT_EQ(s.shapeEvents[i].kind, ShapeEventKind::GuardAdded);
    EXPECT_EQ(s.shapeEvents[1].text, "(((-u0)//3)) + 5 >= 0");
}

TEST(SampleLogs, ExportGuardAddedHasStackEnvelopesAndABlankLineInAPayload) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    Imported r = importFile(sample("export_guard_added.log"));
    const Session& s = r.session;
    EXPECT_EQ(r.report.lines, 48);
    EXPECT_EQ(r.report.records, 39);
    EXPECT_EQ(r.problem("md5_mismatch"), 1);
    EXPECT_EQ(r.problems(), 1);
    ASSERT_EQ(s.shapeEvents.size(), 1u);
    EXPECT_EQ(s.shapeEvents[0].text, "Eq(s0, 3)");
    EXPECT_TRUE(s.compiles.empty());
}

TEST(SampleLogs, DirectoryOfTheSamplesImportsBothRanksAsOneGroup) {
    GS_SKIP_WITHOUT_SHARED(sample(""));  // the sample logs live in ../shared
    TempDir dir;
    std::filesystem::create_symlink(sample("dedicated_log_torch_trace_rank_1.log"), dir.file("dedicated_log_torch_trace_rank_1.log"));
    std::filesystem::create_symlink(sample("dedicated_log_torch_trace_rank_0.log"), dir.file("dedicated_log_torch_trace_rank_0.log"));
    std::filesystem::create_symlink(sample("simple.log"), dir.file("simple.log")); // not a per-rank file: ignored
    std::vector<std::unique_ptr<SessionBuilder>> sinks;
    auto reports = importTracePath(dir.path().string(), [&](const std::string&) -> EventSink& {
        sinks.push_back(std::make_unique<SessionBuilder>());
        return *sinks.back();
    });
    ASSERT_EQ(reports.size(), 2u);
    ASSERT_EQ(sinks.size(), 2u);
    const Session& rank0 = sinks[0]->session();
    const Session& rank1 = sinks[1]->session();
    EXPECT_EQ(rank0.info.metadata.at("rank"), "0");
    EXPECT_EQ(rank1.info.metadata.at("rank"), "1");
    EXPECT_EQ(rank0.compiles.size(), 4u);
    EXPECT_EQ(rank1.compiles.size(), 15u);
    EXPECT_EQ(rank0.info.group, dir.path().string());
    EXPECT_EQ(rank0.info.group, rank1.info.group);
    EXPECT_EQ(rank0.info.kind, SessionKind::TorchTrace);
    EXPECT_EQ(rank0.info.status, SessionStatus::Complete);
}

} // namespace
