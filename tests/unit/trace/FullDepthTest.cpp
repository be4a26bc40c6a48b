// Issue 11 item 2: an import keeps every record of the log verbatim, and per compile its user
// stack, every compilation_metrics field, its cache lookups and the list of its artifacts in
// log order (tlparse's per-compile directory). Synthetic logs for what the samples lack (cache
// bypass, records before dynamo_start and after the metrics, unreadable records); the samples
// from ../shared are checked when present.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tests/unit/trace/TraceTestUtil.h"

using namespace gs::session;
using namespace gs::trace;
using namespace gs::trace::test;

namespace {

std::string payload(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out += "\t" + l + "\n";
    return out;
}

std::vector<std::string> names(const CompileEntry& c, bool withChromium = false) {
    std::vector<std::string> out;
    for (const auto& a : c.artifacts)
        if (withChromium || a.kind != "chromium_event") out.push_back(a.name);
    return out;
}

const std::string kStart =
    R"J({"dynamo_start": {"stack": [{"line": 31, "name": "<module>", "filename": 0, "loc": "main()"}, {"line": 6, "name": "kernel", "filename": 0}]}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})J";

// A compile with records around it: a chromium event before its dynamo_start, a cache bypass,
// an unknown artifact, its metrics, then the chromium end event and runtime metrics after.
std::string cacheLog() {
    std::string log;
    log += rec(R"({"chromium_event": {}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("{\"name\": \"dynamo\", \"ph\": \"B\", \"ts\": 1.0}");
    log += rec(R"({"str": ["/home/u/gen.py", 0]})");
    log += rec(kStart);
    log += rec(R"({"artifact": {"name": "fx_graph_cache_bypass", "encoding": "json"}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("{\"cache_state\": \"bypass\", \"cache_bypass_reason\": \"unsupported\", \"key\": \"fkey\"}");
    log += rec(R"({"artifact": {"name": "aotautograd_cache_miss", "encoding": "json"}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("{\"cache_state\": \"miss\", \"key\": \"akey\", \"components\": [\"a\"]}");
    log += rec(R"({"artifact": {"name": "autotuning_results", "encoding": "string"}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("mm: triton 0.1 ms\nmm: aten 0.2 ms");
    log += rec(R"({"inductor_output_code": {"filename": "/tmp/cx.py"}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("def call(args):\n    return (args[0],)");
    log += rec(R"({"compilation_metrics": {"compile_id": "0/0", "co_name": "kernel", "co_filename": "/home/u/gen.py", "co_firstlineno": 6, "guard_count": 8, "fail_type": null, "restart_reasons": []}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})");
    log += rec(R"({"chromium_event": {}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})");
    log += payload("{\"name\": \"dynamo\", \"ph\": \"E\", \"ts\": 2.0}");
    log += rec(R"({"chromium_event": {}, "has_payload": "x"})");
    log += payload("{\"name\": \"gc\", \"ph\": \"i\", \"ts\": 3.0}");
    log += rec(R"({"compilation_metrics_runtime": {"compile_id": "0/0", "runtime_triton_autotune_time_us": 5}, "frame_id": 0, "frame_compile_id": 0})");
    log += "I0718 15:30:02.000000 1337 torch/_dynamo/x.py:1] some TORCH_LOGS text\n";
    log += rec("{not json");
    return log;
}

} // namespace

TEST(FullDepth, EveryRecordIsKeptVerbatimInFileOrder) {
    TempDir dir;
    const std::string log = cacheLog();
    Imported im = importFile(dir.write("c.log", log));
    // Writing the records back gives the file again (it has no CRLF and no blank lines).
    std::string back;
    for (size_t i = 0; i < im.session.records.size(); ++i) {
        const TraceRecord& r = im.session.records[i];
        EXPECT_EQ(r.seq, int64_t(i));
        back += r.prefix + r.body + "\n";
        if (r.hasPayload) back += payload(r.payload);
    }
    EXPECT_EQ(back, log);
    EXPECT_EQ(im.session.records.at(3).compileId, "0/0");
    EXPECT_EQ(im.session.records.at(1).compileId, "");
    EXPECT_EQ(im.session.records.at(0).line, 1);
    EXPECT_EQ(im.session.records.back().body, "{not json"); // unreadable, still kept
}

TEST(FullDepth, ACompileKnowsItsStackMetricsCacheAndArtifacts) {
    TempDir dir;
    Imported im = importFile(dir.write("c.log", cacheLog()));
    ASSERT_EQ(im.session.compiles.size(), 1u);
    const CompileEntry& c = im.session.compiles[0];
    ASSERT_EQ(c.stack.size(), 2u);
    EXPECT_EQ(c.stack[0], (StackFrame{"/home/u/gen.py", 31, "<module>", "main()"}));
    EXPECT_EQ(c.stack[1].function, "kernel");
    EXPECT_EQ(c.stack[1].text, "");
    ASSERT_EQ(c.metrics.size(), 7u);
    EXPECT_EQ(c.metrics[0], (Metric{"compile_id", "\"0/0\""}));
    EXPECT_EQ(c.metrics[4], (Metric{"guard_count", "8"}));
    EXPECT_EQ(c.metrics[5], (Metric{"fail_type", "null"}));
    EXPECT_EQ(c.metrics[6], (Metric{"restart_reasons", "[]"}));
    ASSERT_EQ(c.cache.size(), 2u);
    EXPECT_EQ(c.cache[0].kind, "fx_graph");
    EXPECT_EQ(c.cache[0].result, "bypass");
    EXPECT_EQ(c.cache[0].key, "fkey");
    EXPECT_EQ(c.cache[1].kind, "aot_autograd");
    EXPECT_EQ(c.cache[1].result, "miss");
    EXPECT_EQ(c.cache[1].key, "akey");
    // the chromium events before the start and after the metrics belong to the compile too
    EXPECT_EQ(names(c, true), (std::vector<std::string>{"chromium_event", "fx_graph_cache_bypass", "aotautograd_cache_miss",
                                                        "autotuning_results", "inductor_output_code", "compilation_metrics",
                                                        "chromium_event", "compilation_metrics_runtime"}));
    const Artifact& code = c.artifacts[4];
    EXPECT_EQ(code.kind, "code");
    EXPECT_EQ(code.format, "python");
    EXPECT_EQ(code.detail, "/tmp/cx.py");
    EXPECT_EQ(code.bytes, int64_t(std::string("def call(args):\n    return (args[0],)").size()));
    EXPECT_EQ(im.session.records.at(size_t(code.record)).payload, "def call(args):\n    return (args[0],)");
    EXPECT_EQ(c.artifacts[0].detail, "dynamo B");
    EXPECT_EQ(c.artifacts[6].detail, "dynamo E");
    EXPECT_EQ(c.artifacts[3].kind, "data");
    // what is kept but not modelled is counted by name
    EXPECT_EQ(im.session.info.metadata.at("kept.chromium_event"), "3");
    EXPECT_EQ(im.session.info.metadata.at("kept.autotuning_results"), "1");
    EXPECT_EQ(im.session.info.metadata.count("kept.fx_graph_cache_bypass"), 0u);
}

TEST(FullDepth, RecordsBeforeTheFirstReadableRecordAreKeptInOrder) {
    TempDir dir;
    std::string log = "I0718 15:30:00.000000 1337 torch/x.py:1] early text\n" + rec("{bad json") + rec(kStart) +
                      rec(R"({"str": ["/a.py", 0]})");
    Imported im = importFile(dir.write("e.log", log));
    ASSERT_EQ(im.session.records.size(), 4u);
    EXPECT_EQ(im.session.records[0].body, "early text");
    EXPECT_EQ(im.session.records[1].body, "{bad json");
    EXPECT_EQ(im.session.records[2].body, kStart);
    EXPECT_EQ(im.session.records[3].seq, 3);
}

TEST(FullDepth, SampleCompilesListWhatTlparseListsPerCompile) {
    const std::string path = sample("dedicated_log_torch_trace_rank_1.log");
    if (!std::ifstream(path)) GTEST_SKIP() << "../shared is absent: " << path;
    Imported im = importFile(path);
    ASSERT_EQ(im.session.compiles.size(), 15u);
    // tlparse 0.4.3's compile_directory.json for [0/0] and [0/1] of this log
    EXPECT_EQ(names(im.session.compiles[0]),
              (std::vector<std::string>{"dynamo_output_graph", "before_pre_grad_graph", "after_pre_grad_graph",
                                        "aot_forward_graph_fw_metadata", "aot_inference_graph", "fx_graph_runnable",
                                        "inductor_post_grad_graph", "inductor_output_code", "fx_graph_cache_hit",
                                        "aotautograd_cache_hit", "dynamo_cpp_guards_str", "compilation_metrics"}));
    std::vector<std::string> second = names(im.session.compiles[1]);
    EXPECT_EQ(second.front(), "recompile_reasons");
    EXPECT_EQ(second.size(), 13u);
    for (const auto& c : im.session.compiles) {
        EXPECT_EQ(c.stack.size(), 3u);
        EXPECT_EQ(c.stack.back().function, "kernel");
        EXPECT_EQ(c.stack.front().text, "run_many_iters(args.iters)");
        EXPECT_EQ(c.metrics.size(), 84u);
        ASSERT_EQ(c.cache.size(), 2u);
        EXPECT_FALSE(c.cache[0].key.empty());
    }
    EXPECT_EQ(im.session.compiles[0].cache[0].result, "hit");
    // every record of the file is kept: 810 JSON records, no text lines
    EXPECT_EQ(im.session.records.size(), 810u);
    int64_t chromium = 0;
    for (const auto& c : im.session.compiles)
        chromium += std::count_if(c.artifacts.begin(), c.artifacts.end(), [](const Artifact& a) { return a.kind == "chromium_event"; });
    EXPECT_EQ(chromium, 534); // the other 10 of the 544 name no compile
    EXPECT_EQ(im.session.info.metadata.at("kept.chromium_event"), "544");
}

// The importer hands each finished compile over with takeCompile (the store's recorder keeps it
// without copying it); a sink that takes it gets the whole entry, and the guard diff logged with
// a recompile is worked out from the entry before it is handed over.
TEST(FullDepth, CompilesAreHandedOverWholeWithTheirGuardDiffs) {
    const std::string path = sample("dedicated_log_torch_trace_rank_1.log");
    if (!std::ifstream(path)) GTEST_SKIP() << "../shared is absent: " << path;
    struct Taking : SessionBuilder {
        int taken = 0;
        void takeCompile(CompileEntry&& c) override {
            ++taken;
            SessionBuilder::compile(c);
            c = CompileEntry{}; // taken: what the importer does with it afterwards must not need it
        }
    } taking;
    importTraceFile(path, taking);
    const Session viaTake = taking.take();
    const Session viaCopy = importFile(path).session;
    EXPECT_EQ(taking.taken, static_cast<int>(viaCopy.compiles.size()));
    ASSERT_FALSE(viaCopy.compiles.empty());
    EXPECT_EQ(viaTake.compiles, viaCopy.compiles);
    EXPECT_EQ(viaTake.logs, viaCopy.logs);
    size_t diffs = 0;
    for (const auto& l : viaTake.logs) diffs += l.channel == "guard_diff";
    EXPECT_GT(diffs, 0u) << "the sample's recompiles compare guards";
}

namespace {

// One compile with Inductor's multi-rank artifacts: the collective schedule before the metrics,
// the runtime/tensor-meta dump after them (the compile is then lingering), a second schedule.
std::string inductorLog(const std::string& shape, double mmNs) {
    const std::string ids = R"(, "rank": 0, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})";
    std::string log = rec(R"({"str": ["/home/u/gen.py", 0]})") + rec(kStart);
    log += rec(R"({"artifact": {"name": "inductor_collective_schedule", "encoding": "json"})" + ids);
    log += payload("[\n\"torch.ops._c10d_functional.all_reduce_.default\",\n\"torch.ops._c10d_functional.wait_tensor.default\"\n]");
    log += rec(R"({"compilation_metrics": {"compile_id": "0/0", "co_name": "kernel", "guard_count": 8}, "frame_id": 0, "frame_compile_id": 0, "attempt": 0})");
    log += rec(R"({"artifact": {"name": "inductor_runtime_and_tensor_meta", "encoding": "json"})" + ids);
    log += payload("{\"ops\": [\n{\"name\": \"extern_kernels.mm\", \"type\": \"compute\", \"estimated_runtime_ns\": " + std::to_string(mmNs) +
                   ", \"outputs\": [{\"shape\": " + shape + ", \"stride\": [8, 1], \"dtype\": \"float16\"}]},\n"
                   "{\"name\": \"torch.ops._c10d_functional.all_reduce_.default\", \"type\": \"collective\", \"estimated_runtime_ns\": 500000, \"outputs\": []}\n]}");
    log += rec(R"({"artifact": {"name": "inductor_collective_schedule", "encoding": "json"})" + ids);
    log += payload("[]");
    return log;
}

} // namespace

// tlparse's all-ranks report reads, per compile, the first collective schedule and the first
// runtime/tensor-meta dump; the import keeps them on the compile (session::InductorSummary).
TEST(FullDepth, ACompileKeepsItsCollectivesRuntimeAndTensorMeta) {
    TempDir dir;
    Imported im = importFile(dir.write("i.log", inductorLog("[8, 8]", 1500000)));
    ASSERT_EQ(im.session.compiles.size(), 1u);
    const InductorSummary& s = im.session.compiles[0].inductor;
    EXPECT_TRUE(s.hasCollectives);
    EXPECT_EQ(s.collectives, (std::vector<std::string>{"torch.ops._c10d_functional.all_reduce_.default",
                                                       "torch.ops._c10d_functional.wait_tensor.default"}));
    EXPECT_DOUBLE_EQ(s.runtimeMs, 2.0); // 1.5 ms + 0.5 ms
    ASSERT_EQ(s.tensorMeta.size(), 16u);
    // the fingerprint follows the outputs, not the estimates
    Imported slower = importFile(dir.write("j.log", inductorLog("[8, 8]", 2500000)));
    Imported other = importFile(dir.write("k.log", inductorLog("[8, 16]", 1500000)));
    EXPECT_EQ(slower.session.compiles.at(0).inductor.tensorMeta, s.tensorMeta);
    EXPECT_DOUBLE_EQ(slower.session.compiles.at(0).inductor.runtimeMs, 3.0);
    EXPECT_NE(other.session.compiles.at(0).inductor.tensorMeta, s.tensorMeta);
    // a compile without them has none
    Imported plain = importFile(dir.write("c.log", cacheLog()));
    EXPECT_TRUE(plain.session.compiles.at(0).inductor.empty());
}

// A log that holds a compile's artifacts only — no dynamo_start, no compilation_metrics (vLLM's
// graph dumps, a log begun mid-compile): the compile exists with them, as tlparse lists its
// directory, incomplete. An id already compiled in the epoch does not start again (no reset).
TEST(FullDepth, ArtifactsWithoutAStartMakeAnIncompleteCompile) {
    TempDir dir;
    const std::string ids = R"(, "frame_id": 0, "frame_compile_id": 0, "attempt": 0, "has_payload": "x"})";
    std::string log = rec(R"({"graph_dump": {"name": "vllm_patterns.FusionPass"}, "rank": 0)" + ids) + payload("def pattern_0(): pass");
    log += rec(R"({"artifact": {"name": "before_post_grad_graph", "encoding": "string"})" + ids) + payload("def forward(self, x): return x");
    log += rec(R"({"artifact": {"name": "inductor_collective_schedule", "encoding": "json"})" + ids) + payload("[]");
    Imported im = importFile(dir.write("v.log", log));
    ASSERT_EQ(im.session.compiles.size(), 1u);
    const CompileEntry& c = im.session.compiles[0];
    EXPECT_EQ(c.compileId, "0/0");
    EXPECT_EQ(c.status, EntryStatus::Failed);
    EXPECT_NE(c.failReason.find("incomplete"), std::string::npos);
    EXPECT_EQ(names(c), (std::vector<std::string>{"graph_dump_vllm_patterns.FusionPass", "before_post_grad_graph", "inductor_collective_schedule"}));
    EXPECT_TRUE(c.inductor.hasCollectives); // held with the artifacts
    EXPECT_EQ(im.problem("incomplete_compile"), 1);
    EXPECT_TRUE(im.session.resets.empty());
    // trailing records of a finished compile stay with it: no second 0/0
    Imported done = importFile(dir.write("c.log", cacheLog()));
    EXPECT_EQ(done.session.compiles.size(), 1u);
    EXPECT_TRUE(done.session.resets.empty());
}
