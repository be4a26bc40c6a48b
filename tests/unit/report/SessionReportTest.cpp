// The static HTML report (core/report): what a session's pages say and link to.
#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "core/report/Html.h"
#include "core/report/SessionReport.h"

using namespace gs;
using namespace gs::session;

namespace {

Guard guard(int id, int parent, std::string kind, std::string source, std::string code) {
    Guard g;
    g.id = id;
    g.parent = parent;
    g.kind = std::move(kind);
    g.source = std::move(source);
    g.code = std::move(code);
    return g;
}

// f(x) compiled for x of size 2, then recompiled when x became size 3.
Session sizeChange() {
    Session s;
    s.info.title = "size <change> & co";
    s.info.kind = SessionKind::Scenario;
    s.info.status = SessionStatus::Complete;
    s.info.sourcePath = "demo.py";
    s.frames.push_back({0, "f", "demo.py", 3});
    for (int n = 0; n < 2; ++n) {
        CompileEntry c;
        c.compileId = "0/" + std::to_string(n);
        c.frameCompileId = n;
        c.causedByCall = n;
        c.opCount = 1;
        c.guards = {guard(0, -1, "RootGuardManager", "", ""), guard(1, 0, "GuardManager", "L['x']", "source=L['x']"),
                    guard(2, 1, "TENSOR_MATCH", "L['x']",
                          "check_tensor(L['x'], Tensor, DispatchKeySet(CPU), torch.float32, device=None, requires_grad=False, size=[" +
                              std::to_string(n + 2) + "], stride=[1])")};
        GraphNode x;
        x.id = 0, x.name = "l_x_", x.op = "placeholder", x.target = "L_x_", x.shape = "[" + std::to_string(n + 2) + "]", x.dtype = "float32";
        GraphNode mul;
        mul.id = 1, mul.name = "mul", mul.op = "call_function", mul.target = "operator.mul", mul.args = {"l_x_", "2"};
        mul.shape = x.shape, mul.dtype = "float32", mul.line = 4, mul.file = "demo.py", mul.function = "f", mul.code = "return x * 2";
        GraphNode out;
        out.id = 2, out.name = "output", out.op = "output", out.target = "output", out.args = {"mul"};
        c.graph = {x, mul, out};
        s.compiles.push_back(c);
        Call call;
        call.index = n;
        call.line = 7 + n;
        call.outcome = CallOutcome::Compiled;
        call.entryId = c.compileId;
        ArgDesc a;
        a.source = "L['x']", a.kind = "tensor", a.type = "Tensor", a.shape = {n + 2}, a.dtype = "float32";
        call.args = {a};
        if (n == 1) call.tried = {{"0/0", false, 2, "tensor 'x' size mismatch at index 0. expected 2, actual 3", {2}, 1}};
        s.calls.push_back(call);
    }
    Recompile r;
    r.compileId = "0/1";
    r.callIndex = 1;
    RecompileReason why;
    why.failedEntryId = "0/0";
    why.text = "tensor 'x' size mismatch at index 0. expected 2, actual 3";
    why.category = ReasonCategory::SizeChange;
    why.fix = "mark x dynamic: torch._dynamo.mark_dynamic(x, 0)";
    r.reasons = {why};
    s.recompiles.push_back(r);
    return s;
}

std::map<std::string, std::string> byPath(const std::vector<report::ReportPage>& pages) {
    std::map<std::string, std::string> out;
    for (const auto& p : pages) EXPECT_TRUE(out.emplace(p.path, p.html).second) << "two files at " << p.path;
    return out;
}

} // namespace

TEST(SessionReport, OneSessionHasAnIndexAndAPagePerCompile) {
    auto pages = byPath(report::SessionReport::build({sizeChange()}));
    ASSERT_EQ(pages.size(), 3u);
    ASSERT_TRUE(pages.count("index.html"));
    ASSERT_TRUE(pages.count("compile/0_0.html"));
    ASSERT_TRUE(pages.count("compile/0_1.html"));
    const std::string& index = pages["index.html"];
    // Titles are escaped; compiles are linked; the reason and the fix are shown.
    EXPECT_NE(index.find("size &lt;change&gt; &amp; co"), std::string::npos);
    EXPECT_NE(index.find("href=\"compile/0_1.html\""), std::string::npos);
    EXPECT_NE(index.find("tensor &#39;x&#39; size mismatch at index 0. expected 2, actual 3"), std::string::npos);
    EXPECT_NE(index.find("torch._dynamo.mark_dynamic(x, 0)"), std::string::npos);
    EXPECT_EQ(index.find("<script"), std::string::npos);
}

TEST(SessionReport, ACompilePageExplainsTheRecompile) {
    auto pages = byPath(report::SessionReport::build({sizeChange()}));
    const std::string& page = pages["compile/0_1.html"];
    EXPECT_NE(page.find("Why it was compiled"), std::string::npos);
    EXPECT_NE(page.find("0/0: tensor &#39;x&#39; size mismatch"), std::string::npos);
    // The guard diff names the changed size; the tree is a picture; the guard that rejected
    // call 1 is the older entry's, so 0/0's page draws it red, not 0/1's.
    EXPECT_NE(page.find("Guards changed since 0/0"), std::string::npos);
    EXPECT_NE(page.find("size=[2] → size=[3]"), std::string::npos) << page;
    EXPECT_NE(page.find("<svg"), std::string::npos);
    EXPECT_EQ(page.find("#fdecea"), std::string::npos);
    EXPECT_NE(pages["compile/0_0.html"].find("#fdecea"), std::string::npos);
    // The graph as PyTorch prints it, with the call that caused the compile.
    EXPECT_NE(page.find("GraphModule"), std::string::npos);
    EXPECT_NE(page.find("mul: <span class=\"hl-s\">&quot;f32[3]&quot;</span> = l_x_ * <span class=\"hl-n\">2</span>"), std::string::npos) << page;
    EXPECT_NE(page.find("Call #1 at line 8"), std::string::npos);
    // Back to the entry before, and to the root index.
    EXPECT_NE(page.find("href=\"../compile/0_0.html\""), std::string::npos);
    EXPECT_NE(page.find("href=\"../index.html\""), std::string::npos);
}

TEST(SessionReport, ImportedArtifactsBecomeFilesBesideThePages) {
    Session s = sizeChange();
    s.info.kind = SessionKind::TorchTrace;
    TraceRecord rec;
    rec.seq = 0;
    rec.compileId = "0/1";
    rec.prefix = "V1206 15:18:15.925000 1 torch/_inductor/graph.py:1] ";
    rec.body = "{\"artifact\": {\"name\": \"fx_graph_runnable\", \"encoding\": \"string\"}, \"has_payload\": \"x\"}";
    rec.hasPayload = true;
    rec.payload = "import torch\n<&>";
    s.records.push_back(rec);
    s.compiles[1].artifacts.push_back({0, "fx_graph_runnable", "code", "python", "", 16});
    auto pages = byPath(report::SessionReport::build({s}));
    ASSERT_TRUE(pages.count("artifacts/0_1/0_fx_graph_runnable.py"));
    EXPECT_EQ(pages["artifacts/0_1/0_fx_graph_runnable.py"], "import torch\n<&>");  // the file is the text, not HTML
    EXPECT_NE(pages["compile/0_1.html"].find("href=\"../artifacts/0_1/0_fx_graph_runnable.py\""), std::string::npos);
    EXPECT_NE(pages["compile/0_1.html"].find("&lt;&amp;&gt;"), std::string::npos);
}

TEST(SessionReport, RanksGetTheirOwnFoldersAndAnOverview) {
    Session a = sizeChange(), b = sizeChange();
    a.info.metadata["rank"] = "0";
    b.info.metadata["rank"] = "1";
    b.recompiles.front().reasons.front().category = ReasonCategory::DtypeChange;
    b.recompiles.front().reasons.front().text = "tensor 'x' dtype mismatch. expected Float, actual Half";
    auto pages = byPath(report::SessionReport::build({a, b}));
    ASSERT_TRUE(pages.count("index.html"));
    ASSERT_TRUE(pages.count("rank-0/index.html"));
    ASSERT_TRUE(pages.count("rank-1/compile/0_1.html"));
    const std::string& index = pages["index.html"];
    EXPECT_NE(index.find("href=\"rank-1/index.html\""), std::string::npos);
    EXPECT_NE(index.find("recompile_reasons"), std::string::npos) << index;
    // A rank's pages link home to the root index, two folders up from a compile page.
    EXPECT_NE(pages["rank-1/compile/0_1.html"].find("href=\"../../index.html\""), std::string::npos);
}

TEST(ReportHtml, EscapesAndNamesFiles) {
    EXPECT_EQ(report::Html::escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    EXPECT_EQ(report::Html::escape(std::string("x\x01y", 3)), "x\xEF\xBF\xBDy");  // no control characters in XML
    EXPECT_EQ(report::Html::compileFileName("0/1", 0), "0_1");
    EXPECT_EQ(report::Html::compileFileName("!2/0/1", 0), "ca2_0_1");
    EXPECT_EQ(report::Html::compileFileName("0/1", 2), "0_1-2");
}
