// The small parsers of the reader: MD5, glog prefix, guard tree text, FX graph text, JSON text.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <random>

#include "core/trace/GlogHeader.h"
#include "core/trace/GraphText.h"
#include "core/trace/GuardTreeText.h"
#include "core/trace/JsonText.h"
#include "core/trace/Md5.h"
#include "core/trace/Md5Lanes.h"
#include "core/trace/TraceEvent.h"

using namespace gs::trace;
using gs::session::GraphNode;
using gs::session::Guard;

namespace {

TEST(Md5, KnownVectors) {
    EXPECT_EQ(Md5::hex(""), "d41d8cd98f00b204e9800998ecf8427e");
    EXPECT_EQ(Md5::hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
    EXPECT_EQ(Md5::hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6");
    EXPECT_EQ(Md5::hex(std::string(1000000, 'a')), "7707d6ae4e027c70eea2a935c2296f21");
    // 55/56/64-byte edges of the padding
    EXPECT_EQ(Md5::hex(std::string(55, 'x')), "04364420e25c512fd958a70738aa8f72");
    EXPECT_EQ(Md5::hex(std::string(56, 'x')), "668a72d5ba17f08e62dabcafad6db14b");
    EXPECT_EQ(Md5::hex(std::string(64, 'x')), "c1bb4f81d892b2d57947682aeb252456");
}

TEST(Md5, PiecewiseUpdatesEqualOneShot) {
    std::mt19937 rng(7);
    std::string data(100000, '\0');
    for (auto& c : data) c = char(rng());
    Md5 m;
    size_t pos = 0;
    while (pos < data.size()) {
        size_t n = std::min<size_t>(rng() % 200, data.size() - pos);
        m.update(data.data() + pos, n);
        pos += n;
    }
    EXPECT_EQ(m.hexDigest(), Md5::hex(data));
}

// Multi-buffer MD5 gives each message the digest a single Md5 gives it: every padding edge,
// lanes of very different lengths that finish and start again at different steps, and a
// message left alone in the lanes (the scalar path).
void expectEveryLaneEqualsOneShot(Md5Lanes lanes, const std::vector<std::string>& messages);

TEST(Md5Lanes, EveryLaneEqualsOneShot) {
    EXPECT_EQ(Md5::hex(std::string(1000000, 'a')), "7707d6ae4e027c70eea2a935c2296f21");
    std::mt19937 rng(11);
    std::vector<std::string> messages;
    for (size_t n : {0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129}) messages.push_back(std::string(n, 'x'));
    for (int i = 0; i < 60; ++i) {
        std::string m(rng() % (i % 5 == 0 ? 20000 : 300), '\0');
        for (auto& c : m) c = char(rng());
        messages.push_back(std::move(m));
    }
    messages.push_back(std::string(1000000, 'a')); // last and longest: finishes alone
    for (auto simd : {Md5Lanes::Simd::Baseline, Md5Lanes::Simd::Avx2, Md5Lanes::Simd::Avx512}) {
        if (!Md5Lanes::supported(simd)) continue; // each variant is checked on the machines that run it
        SCOPED_TRACE("simd variant " + std::to_string(int(simd)));
        expectEveryLaneEqualsOneShot(Md5Lanes(simd), messages);
    }
}

void expectEveryLaneEqualsOneShot(Md5Lanes lanes, const std::vector<std::string>& messages) {
    int lane[Md5Lanes::kMaxLanes];
    std::vector<std::string> got(messages.size());
    size_t next = 0, finished = 0;
    while (finished < messages.size()) {
        for (int l = 0; l < lanes.lanes() && next < messages.size(); ++l)
            if (lanes.idle(l)) {
                lane[l] = int(next);
                lanes.start(l, messages[next++]);
            }
        ASSERT_GT(lanes.active(), 0);
        const unsigned done = lanes.step();
        for (int l = 0; l < lanes.lanes(); ++l)
            if (done & (1u << l)) {
                got[size_t(lane[l])] = lanes.hexDigest(l);
                ++finished;
            }
    }
    EXPECT_EQ(lanes.active(), 0);
    for (size_t i = 0; i < messages.size(); ++i) EXPECT_EQ(got[i], Md5::hex(messages[i])) << "message " << i << ", " << messages[i].size() << " bytes";
}

TEST(GlogHeader, ParsesEveryPart) {
    auto h = GlogHeader::parse("V0718 15:30:01.875000 1337 torch/_dynamo/utils.py:1900] {\"chromium_event\": {}}");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->level, 'V');
    EXPECT_EQ(h->date, "0718");
    EXPECT_EQ(h->time, "15:30:01.875000");
    EXPECT_EQ(h->pid, 1337);
    EXPECT_EQ(h->path, "torch/_dynamo/utils.py");
    EXPECT_EQ(h->line, 1900);
    EXPECT_EQ(h->content, "{\"chromium_event\": {}}");
    // 2024 logs: a thread id in place of the pid
    auto old = GlogHeader::parse("V0403 07:28:48.051000 139877824898048 torch/_logging/structured.py:19] {}");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->pid, 139877824898048);
    auto w = GlogHeader::parse("W0823 18:56:31.554000 40177 torch/_dynamo/convert_frame.py:1016] [0/8] torch._dynamo hit config.recompile_limit (8)");
    ASSERT_TRUE(w);
    EXPECT_EQ(w->level, 'W');
    EXPECT_EQ(w->content, "[0/8] torch._dynamo hit config.recompile_limit (8)");
}

TEST(GlogHeader, RejectsLinesWithoutThePrefix) {
    for (const char* s : {"", "hello", "{\"str\": [\"a\", 0]}", "X0718 15:30:01.875000 1337 a.py:1] {}", "V0718 15:30:01 1337 a.py:1] {}",
                          "V0718 15:30:01.875000 a.py:1] {}", "V0718 15:30:01.875000 1337 a.py] {}", "V0718 15:30:01.875000 1337 a.py:x] {}",
                          "V07 15:30:01.875000 1337 a.py:1] {}", "\tV0718 15:30:01.875000 1337 a.py:1] {}"})
        EXPECT_FALSE(GlogHeader::parse(s)) << s;
}

TEST(GuardTreeText, ParsesDepthKindSourceCodeAndProvenance) {
    const std::string text =
        "\nTREE_GUARD_MANAGER:\n"
        "+- RootGuardManager\n"
        "| +- DEFAULT_DEVICE: utils_device.CURRENT_DEVICE == None                           # _dynamo/output_graph.py:631 in init_ambient_guards\n"
        "| +- GuardManager: source=L['x'], accessed_by=FrameLocalsGuardAccessor(key='x', framelocals_idx=0)\n"
        "| | +- TENSOR_MATCH: check_tensor(L['x'], Tensor, DispatchKeySet(CPU), torch.float32, device=None, requires_grad=False, size=[3, 3], stride=[3, 1])  # return x + 1  # mp/ipykernel_231194/1068332425.py:3 in fn\n"
        "| | +- NO_HASATTR: hasattr(L['x'], '_dynamo_dynamic_indices') == False         \n"
        "+- LAMBDA_GUARD: 2 <= L['y'].size()[0]  # return y  # t.py:9 in f (user code shown is first use of this value)\n"
        "\n"
        "Guard latency = 15.88 us\n";
    GuardTreeParse p = GuardTreeText::parse(text);
    EXPECT_EQ(p.badLines, 0);
    ASSERT_EQ(p.guards.size(), 6u);
    const auto& g = p.guards;
    EXPECT_EQ(g[0].kind, "RootGuardManager");
    EXPECT_EQ(g[0].parent, -1);
    EXPECT_EQ(g[1].kind, "DEFAULT_DEVICE");
    EXPECT_EQ(g[1].parent, 0);
    EXPECT_EQ(g[1].code, "utils_device.CURRENT_DEVICE == None");
    EXPECT_EQ(g[1].userCode, "");
    EXPECT_EQ(g[1].file, "_dynamo/output_graph.py");
    EXPECT_EQ(g[1].line, 631);
    EXPECT_EQ(g[2].kind, "GuardManager");
    EXPECT_EQ(g[2].source, "L['x']");
    EXPECT_EQ(g[3].parent, 2);
    EXPECT_EQ(g[3].source, "L['x']");
    EXPECT_EQ(g[3].userCode, "return x + 1");
    EXPECT_EQ(g[3].file, "mp/ipykernel_231194/1068332425.py");
    EXPECT_EQ(g[3].line, 3);
    EXPECT_EQ(g[4].code, "hasattr(L['x'], '_dynamo_dynamic_indices') == False");
    EXPECT_EQ(g[4].line, 0);
    EXPECT_EQ(g[5].parent, -1);
    EXPECT_EQ(g[5].source, ""); // root-level: no manager
    EXPECT_EQ(g[5].userCode, "return y");
    EXPECT_EQ(g[5].line, 9);
}

TEST(GuardTreeText, CountsLinesThatAreNotNodes) {
    GuardTreeParse p = GuardTreeText::parse("TREE_GUARD_MANAGER:\n+- RootGuardManager\n| garbage here\n| | | +- X: y\n");
    EXPECT_EQ(p.badLines, 1);
    EXPECT_EQ(p.firstBadLine, "| garbage here");
    ASSERT_EQ(p.guards.size(), 2u);
    EXPECT_EQ(p.guards[1].parent, 0); // a skipped depth attaches to the deepest node
}

TEST(GuardTreeText, RenderParsesBackToTheSameGuards) {
    std::vector<Guard> guards(6);
    guards[0] = {0, -1, "RootGuardManager", "", "", "", "", 0};
    guards[1] = {1, 0, "GLOBAL_STATE", "", "___check_global_state()", "", "", 0};
    guards[2] = {2, 0, "GuardManager", "L['n']", "source=L['n'], accessed_by=FrameLocalsGuardAccessor(key='n', framelocals_idx=1)", "", "", 0};
    guards[3] = {3, 2, "EQUALS_MATCH", "L['n']", "L['n'] == 3", "if n == 3:  # note", "scen.py", 12};
    guards[4] = {4, 2, "TYPE_MATCH", "L['n']", "___check_type_id(L['n'], 7640416)", "y = n + 1", "", 0};
    guards[5] = {5, -1, "LAMBDA_GUARD", "", "2 <= L['x'].size()[0]", "", "scen.py", 4};
    GuardTreeParse p = GuardTreeText::parse(GuardTreeText::render(guards));
    EXPECT_EQ(p.badLines, 0);
    EXPECT_EQ(p.guards, guards);
}

TEST(GraphText, ParsesEveryNodeKind) {
    const std::string text =
        "class GraphModule(torch.nn.Module):\n"
        "    def forward(self, L_x_: \"f32[s0, 3][3, 1]cpu\", L_n_: \"Sym(s1)\", L_self_w: \"bf16[3]\"):\n"
        "        l_x_ = L_x_\n"
        "        \n"
        "         # File: /p/t.py:8 in fn, code: y = x.sum(1)\n"
        "        sum_1: \"f32[s0][1]cpu\" = l_x_.sum(1);  l_x_ = None\n"
        "        mul: \"f32[s0][1]cpu\" = sum_1 * 2\n"
        "        \n"
        "        # File: /p/t.py:9 in fn, code: z = self.lin(y)\n"
        "        l__self___b = self.L__self___b\n"
        "        lin = self.L__self___lin(mul)\n"
        "        neg = -lin\n"
        "        getitem = lin[0]\n"
        "        add = torch.add(neg, getitem, alpha=2)\n"
        "        return (add, mul)\n"
        "        \n"
        "    class inner(torch.nn.Module):\n"
        "        def forward(self, a):\n"
        "            return (a,)\n";
    GraphParse g = GraphText::parse(text, {{"l_x_", "[s0, 3]"}, {"mul", "[s0]"}});
    ASSERT_TRUE(g.found);
    ASSERT_EQ(g.nodes.size(), 11u);
    auto is = [&](size_t i, const char* name, const char* op, const char* target, std::vector<std::string> args, const char* shape,
                  const char* dtype, int line) {
        const GraphNode& n = g.nodes[i];
        EXPECT_EQ(n.id, int(i));
        EXPECT_EQ(n.name, name) << i;
        EXPECT_EQ(n.op, op) << i;
        EXPECT_EQ(n.target, target) << i;
        EXPECT_EQ(n.args, args) << i;
        EXPECT_EQ(n.shape, shape) << i;
        EXPECT_EQ(n.dtype, dtype) << i;
        EXPECT_EQ(n.line, line) << i;
    };
    is(0, "l_x_", "placeholder", "L_x_", {}, "[s0, 3]", "float32", 0);
    is(1, "L_n_", "placeholder", "L_n_", {}, "Sym(s1)", "", 0);
    is(2, "L_self_w", "placeholder", "L_self_w", {}, "[3]", "bfloat16", 0);
    is(3, "sum_1", "call_method", "sum", {"l_x_", "1"}, "[s0]", "float32", 8);
    is(4, "mul", "call_function", "operator.mul", {"sum_1", "2"}, "[s0]", "float32", 8);
    is(5, "l__self___b", "get_attr", "L__self___b", {}, "", "", 9);
    is(6, "lin", "call_module", "L__self___lin", {"mul"}, "", "", 9);
    is(7, "neg", "call_function", "operator.neg", {"lin"}, "", "", 9);
    is(8, "getitem", "call_function", "operator.getitem", {"lin", "0"}, "", "", 9);
    is(9, "add", "call_function", "torch.add", {"neg", "getitem", "alpha=2"}, "", "", 9);
    is(10, "output", "output", "output", {"add", "mul"}, "", "", 9);
}

TEST(GraphText, RenderParsesBackToTheSameNodes) {
    std::vector<GraphNode> nodes = {
        {0, "l_x_", "placeholder", "L_x_", {}, "[s0, 3]", "float32", 0},
        {1, "l_y_", "placeholder", "l_y_", {}, "[3]", "", 0},
        {2, "p", "get_attr", "w", {}, "[3]", "float16", 0},
        {3, "mul", "call_function", "operator.mul", {"l_x_", "l_y_"}, "[s0, 3]", "float32", 5, "", "", "scen.py", "f", "y = x * w"},
        {4, "s", "call_method", "sum", {"mul", "dim=1"}, "[s0]", "float32", 5, "", "", "scen.py", "f", "y = x * w"},
        {5, "r", "call_function", "torch.relu", {"s"}, "[s0]", "float32", 7, "[1]", "cpu", "scen.py", "f", ""},
        {6, "m", "call_module", "lin", {"r"}, "", "", 0},
        {7, "g", "call_function", "operator.getitem", {"m", "0"}, "", "", 7, "", "", "scen.py", "f", ""},
        {8, "output", "output", "output", {"g"}, "", "", 7}};
    std::string text = GraphText::render(nodes, "scen.py", "f");
    GraphParse g = GraphText::parse(text, GraphText::sizesOf(nodes));
    EXPECT_EQ(g.nodes, nodes) << text;
}

TEST(GraphText, OldStyleAnnotationsAndEmptyReturn) {
    GraphParse g = GraphText::parse("class GraphModule(torch.nn.Module):\n    def forward(self, L_x_ : torch.Tensor):\n"
                                    "        l_x_ = L_x_\n        \n        # File: /a.py:9550 in fn, code: x.cos()\n"
                                    "        cos = l_x_.cos();  l_x_ = None\n        return ()\n        \n",
                                    {{"l_x_", "[4, 4]"}, {"cos", "[4, 4]"}});
    ASSERT_EQ(g.nodes.size(), 3u);
    EXPECT_EQ(g.nodes[0].dtype, "");
    EXPECT_EQ(g.nodes[0].shape, "[4, 4]");
    EXPECT_EQ(g.nodes[1].target, "cos");
    EXPECT_EQ(g.nodes[1].line, 9550);
    EXPECT_TRUE(g.nodes[2].args.empty());
    EXPECT_FALSE(GraphText::parse("no graph here", {}).found);
}

TEST(JsonText, QuotesLikePythonJsonDumps) {
    EXPECT_EQ(JsonText::quote("a\"b\\c\n\t"), "\"a\\\"b\\\\c\\n\\t\"");
    EXPECT_EQ(JsonText::quote("\x01"), "\"\\u0001\"");
    EXPECT_EQ(JsonText::quote("é→😀"), "\"\\u00e9\\u2192\\ud83d\\ude00\"");
    EXPECT_EQ(JsonText::quote("\xff"), "\"\\ufffd\"");
    EXPECT_EQ(JsonText::number(1.5), "1.5");
    EXPECT_EQ(JsonText::number(2.0), "2.0");
    EXPECT_EQ(JsonText::pythonListPayload({"\"a\"", "\"b\""}), "[\n\"a\",\n\"b\"\n]");
    EXPECT_EQ(JsonText::pythonListPayload({}), "[\n\n]");
}

// compilation_metrics values are stored as simdjson::minify writes them; the string writer that
// replaced minify for strings must write the same bytes: every control character, quotes,
// backslashes, UTF-8, escapes at the start, middle and end, long runs without one.
TEST(JsonText, MinifiedStringIsWhatSimdjsonMinifyWrites) {
    std::vector<std::string> cases = {"", "plain", "\"", "\\", "a\"b\\c", "\"quoted\" \\ at both ends\"", "é→😀 and \u00e9 text",
                                      std::string(5000, 'x') + "\"" + std::string(3, '\n'), "{\"k\": [\"stride\", 1]}"};
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += std::string("a") + char(c);
    cases.push_back(controls + "\x7f");
    for (size_t at = 0; at < 40; ++at) // an escape at every offset of a 16-byte block, and the tail
        for (char c : {'"', '\\', '\n', '\x1f', '\x01'}) cases.push_back(std::string(at, 'x') + c + std::string(40 - at, 'y') + "é");
    cases.push_back("\xff\x80\x20 ~");
    simdjson::dom::parser parser;
    for (const std::string& s : cases) {
        simdjson::padded_string json(JsonText::quote(s));
        simdjson::dom::element e;
        ASSERT_FALSE(parser.parse(json).get(e)) << s;
        std::string mine = "prefix:";
        JsonText::appendMinifiedString(mine, e.get_string().value()); // the parsed string, as RecordDecoder passes it
        EXPECT_EQ(mine, "prefix:" + simdjson::minify(e)) << s;
    }
}

// The assembler's key tests: exactly string equality (no prefix or suffix matches).
TEST(TraceEvent, KeyAndArtifactNameTestsAreExactEquality) {
    TraceEvent e;
    e.key = "artifact";
    e.artifactName = "recompile_reasons";
    EXPECT_TRUE(e.is("artifact"));
    EXPECT_FALSE(e.is("artifacts"));
    EXPECT_FALSE(e.is("artifac"));
    EXPECT_FALSE(e.is(""));
    EXPECT_TRUE(e.artifactIs("recompile_reasons"));
    EXPECT_FALSE(e.artifactIs("recompile_reason"));
    e.key.clear();
    EXPECT_TRUE(e.is(""));
    EXPECT_FALSE(e.is("str"));
}

} // namespace
