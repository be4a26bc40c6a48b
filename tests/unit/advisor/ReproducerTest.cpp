// Reproducer: a scenario written from a recorded run reproduces its recompile chain, for a
// synthetic session and for every sample log in ../shared/traces/torch_trace with recompiles.
#include "core/advisor/Reproducer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/advisor/TrialRun.h"
#include "core/session/ReasonClassifier.h"
#include "core/trace/TraceReader.h"

using namespace gs::advisor;
using namespace gs::session;

namespace {

ArgDesc tensorArg(const std::string& source, std::vector<int64_t> shape, const std::string& dtype = "float32") {
    ArgDesc a;
    a.source = source;
    a.kind = "tensor";
    a.type = "Tensor";
    a.shape = shape;
    a.dtype = dtype;
    a.device = "cpu";
    return a;
}

// A recorded run as the importer builds it: one call per compile, reasons per recompile.
Session recordedSizes() {
    Session s;
    s.info.kind = SessionKind::TorchTrace;
    s.info.metadata["dynamo_config.automatic_dynamic_shapes"] = "false";
    s.frames.push_back({0, "kernel", "/home/u/model.py", 10});
    for (int k = 0; k < 4; ++k) {
        Call c;
        c.index = k;
        c.frameId = 0;
        c.outcome = k ? CallOutcome::Recompiled : CallOutcome::Compiled;
        c.entryId = "0/" + std::to_string(k);
        c.args = {tensorArg("L['x']", {k + 2, 4})};
        s.calls.push_back(c);
        CompileEntry e;
        e.compileId = c.entryId;
        e.frameCompileId = k;
        s.compiles.push_back(e);
        if (k == 0) continue;
        Recompile r;
        r.compileId = c.entryId;
        r.callIndex = k;
        for (int old = k - 1; old >= 0; --old)
            r.reasons.push_back(ReasonClassifier::classify("0/" + std::to_string(old) + ": tensor 'x' size mismatch at index 0. expected " +
                                                           std::to_string(old + 2) + ", actual " + std::to_string(k + 2)));
        s.recompiles.push_back(r);
    }
    return s;
}

void expectReproduced(const Session& recorded, const std::string& name) {
    Reproduction r = Reproducer::reproduce(recorded);
    RunMeasure m = TrialRun::run(name, r.scenario);
    EXPECT_TRUE(m.error.empty()) << m.error << "\n" << r.scenario;
    EXPECT_EQ(Reproducer::compareChains(recorded, m.session), "") << r.scenario;
    EXPECT_EQ(m.compiles, recorded.summary().compiles);
}

} // namespace

TEST(Reproducer, SizesAndConfigOfARecordedRunGiveTheSameChain) {
    Session s = recordedSizes();
    Reproduction r = Reproducer::reproduce(s);
    EXPECT_NE(r.scenario.find("torch._dynamo.config.automatic_dynamic_shapes = False\n"), std::string::npos) << r.scenario;
    EXPECT_NE(r.scenario.find("def kernel(x):"), std::string::npos) << r.scenario;
    EXPECT_NE(r.scenario.find("opt_kernel(torch.randn(5, 4))  # 0/3: size_change"), std::string::npos) << r.scenario;
    expectReproduced(s, "sizes.py");
    // without the config line the sizes would turn dynamic: the chain would differ
    Session noConfig = s;
    noConfig.info.metadata.clear();
    RunMeasure m = TrialRun::run("nocfg.py", Reproducer::reproduce(noConfig).scenario);
    EXPECT_NE(Reproducer::compareChains(s, m.session), "");
}

TEST(Reproducer, CompareChainsNamesTheFirstDifference) {
    Session a = recordedSizes(), b = recordedSizes();
    EXPECT_EQ(Reproducer::compareChains(a, b), "");
    b.recompiles[1].reasons[0].category = ReasonCategory::DtypeChange;
    EXPECT_EQ(Reproducer::compareChains(a, b), "recompile 2 is dtype_change instead of size_change");
    b.compiles.pop_back();
    EXPECT_EQ(Reproducer::compareChains(a, b), "3 compiles instead of the log's 4");
}

TEST(Reproducer, IntsBoolsAndAliasedTensorsAreModelled) {
    Session s;
    s.frames.push_back({0, "step", "m.py", 1});
    auto call = [&](int k, std::vector<ArgDesc> args) {
        Call c;
        c.index = k;
        c.outcome = k ? CallOutcome::Recompiled : CallOutcome::Compiled;
        c.entryId = "0/" + std::to_string(k);
        c.args = std::move(args);
        s.calls.push_back(c);
        CompileEntry e;
        e.compileId = c.entryId;
        e.frameCompileId = k;
        s.compiles.push_back(e);
    };
    ArgDesc flagT{"L['flag']", "bool", "bool", {}, {}, "", "", false, 0, -1, "True"};
    ArgDesc flagF = flagT;
    flagF.value = "False";
    ArgDesc a = tensorArg("L['a']", {3}), b = tensorArg("L['b']", {3});
    ArgDesc bAliased = b;
    bAliased.aliasOf = 1;
    call(0, {flagT, a, b});
    call(1, {flagF, a, b});
    call(2, {flagF, a, bAliased});
    Recompile r1{"0/1", 0, 1, false, {ReasonClassifier::classify("0/0: flag == True")}};
    Recompile r2{"0/2", 0, 2, false, {ReasonClassifier::classify("0/1: Duplicate tensors found: [\"a\", \"b\"]"),
                                      ReasonClassifier::classify("0/0: flag == True")}};
    s.recompiles = {r1, r2};
    Reproduction rep = Reproducer::reproduce(s);
    EXPECT_NE(rep.scenario.find("t1 = torch.randn(3)\nopt_step(t1, t1, False)"), std::string::npos) << rep.scenario;
    expectReproduced(s, "flags.py");
}

TEST(Reproducer, EverySampleLogWithRecompilesIsReproduced) {
    std::filesystem::path dir = std::filesystem::path(GS_SHARED_DIR) / "traces" / "torch_trace";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "../shared/traces/torch_trace is absent: the sample logs are not part of the project";
    int withRecompiles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".log") continue;
        SessionBuilder b;
        gs::trace::importTraceFile(entry.path().string(), b);
        Session recorded = b.take();
        if (recorded.recompiles.empty()) continue;
        ++withRecompiles;
        SCOPED_TRACE(entry.path().filename().string());
        expectReproduced(recorded, entry.path().filename().string() + ".py");
    }
    EXPECT_GE(withRecompiles, 2);  // dedicated_log_torch_trace_rank_0.log and _rank_1.log
}
