#include "tests/gui/TestSessions.h"

#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gs::testdata {

using namespace gs::session;

namespace {

ArgDesc tensor(const std::string& name, std::vector<int64_t> shape, int64_t objectId, const std::string& dtype = "float32") {
    ArgDesc a;
    a.source = "L['" + name + "']";
    a.kind = "tensor";
    a.type = "Tensor";
    a.shape = shape;
    a.stride.assign(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;) a.stride[i - 1] = a.stride[i] * shape[i];
    a.dtype = dtype;
    a.device = "cpu";
    a.objectId = objectId;
    return a;
}

ArgDesc scalar(const std::string& source, const std::string& kind, const std::string& value) {
    ArgDesc a;
    a.source = source;
    a.kind = kind;
    a.type = kind;
    a.value = value;
    return a;
}

std::string sizeList(const std::vector<int64_t>& shape, bool dynamic) {
    std::ostringstream o;
    o << '[';
    for (size_t i = 0; i < shape.size(); ++i) o << (i ? ", " : "") << (dynamic ? std::string("None") : std::to_string(shape[i]));
    o << ']';
    return o.str();
}

// Builds an entry's guard tree the way TREE_GUARD_MANAGER prints it (dynamo-semantics §5.5).
struct GuardTreeBuilder {
    std::vector<Guard> guards;
    std::map<std::string, int> tensorMatch; // source -> TENSOR_MATCH id
    std::map<std::string, int> valueMatch;  // source -> BOOL/EQUALS_MATCH id

    GuardTreeBuilder() {
        add(-1, "RootGuardManager", "", "", 0, "");
        add(0, "GLOBAL_STATE", "", "___check_global_state()", 0, "");
        add(0, "DEFAULT_DEVICE", "", "utils_device.CURRENT_DEVICE == None", 0, "");
    }
    int add(int parent, const std::string& kind, const std::string& source, const std::string& code, int line,
            const std::string& userCode) {
        Guard g;
        g.id = int(guards.size());
        g.parent = parent;
        g.kind = kind;
        g.source = source;
        g.code = code;
        g.line = line;
        g.userCode = userCode;
        g.file = "scenario.py";
        guards.push_back(g);
        return g.id;
    }
    void tensorArg(const ArgDesc& a, bool dynamic, int line, const std::string& userCode) {
        const int m = add(0, "GuardManager", a.source, "source=" + a.source + ", accessed_by=FrameLocalsGuardAccessor", 0, "");
        tensorMatch[a.source] = add(m, "TENSOR_MATCH", a.source,
                                    "check_tensor(" + a.source + ", Tensor, DispatchKeySet(CPU, BackendSelect, ADInplaceOrView, AutogradCPU), torch." +
                                        a.dtype + ", device=None, requires_grad=False, size=" + sizeList(a.shape, dynamic) + ", stride=" +
                                        sizeList(a.stride, dynamic) + ")",
                                    line, userCode);
        add(m, "NO_HASATTR", a.source, "hasattr(" + a.source + ", '_dynamo_dynamic_indices') == False", line, userCode);
    }
    void valueArg(const std::string& source, const std::string& kind, const std::string& code, int line, const std::string& userCode) {
        const int m = add(0, "GuardManager", source, "source=" + source, 0, "");
        valueMatch[source] = add(m, kind, source, code, line, userCode);
    }
};

std::string treeText(const std::vector<Guard>& guards) {
    std::ostringstream o;
    o << "TREE_GUARD_MANAGER:\n";
    std::vector<int> depth(guards.size(), 0);
    for (const auto& g : guards) {
        if (g.parent >= 0) depth[size_t(g.id)] = depth[size_t(g.parent)] + 1;
        o << std::string(size_t(depth[size_t(g.id)]) * 2, ' ') << "+- " << g.kind << (g.code.empty() ? "" : ": " + g.code) << '\n';
    }
    return o.str();
}

// Accumulates a session in event order.
struct Maker {
    Session s;
    std::map<int, int> nextN; // frame -> next compile number

    int frame(int id, const std::string& name, int line) {
        s.frames.push_back({id, name, "scenario.py", line});
        return id;
    }
    int64_t callsMade = 0;  // s.calls may be handed on (bigInto) and cleared
    int64_t nextCall() const { return callsMade; }

    CompileEntry& compile(int frameId, GuardTreeBuilder gt, std::vector<GraphNode> graph, std::vector<std::string> symbols) {
        CompileEntry c;
        const int n = nextN[frameId]++;
        c.compileId = std::to_string(frameId) + "/" + std::to_string(n);
        c.frameId = frameId;
        c.frameCompileId = n;
        c.causedByCall = nextCall();
        c.guards = std::move(gt.guards);
        c.graph = std::move(graph);
        c.opCount = 0;
        for (const auto& g : c.graph) c.opCount += g.op == "call_function" || g.op == "call_method" || g.op == "call_module";
        c.symbols = std::move(symbols);
        c.guardsText = treeText(c.guards);
        c.compileTimeUs = 850 + 37 * double(s.compiles.size() % 11);
        s.compiles.push_back(c);
        s.logs.push_back({"guards", c.compileId, c.causedByCall, "GUARDS:\n" + c.guardsText});
        return s.compiles.back();
    }
    void call(int frameId, std::vector<ArgDesc> args, CallOutcome outcome, const std::string& entry, std::vector<GuardEval> tried,
              int line) {
        Call c;
        c.index = nextCall();
        c.frameId = frameId;
        c.line = line;
        c.args = std::move(args);
        c.outcome = outcome;
        c.entryId = entry;
        c.tried = std::move(tried);
        s.calls.push_back(std::move(c));
        ++callsMade;
    }
    void recompile(int frameId, const std::string& newId, std::vector<RecompileReason> reasons, bool limitHit = false) {
        Recompile r;
        r.compileId = newId;
        r.frameId = frameId;
        r.callIndex = nextCall();
        r.limitHit = limitHit;
        r.reasons = reasons;
        s.recompiles.push_back(r);
        const Frame* f = s.frame(frameId);
        std::string text = "Recompiling function " + f->name + " in scenario.py:" + std::to_string(f->firstLine) +
                           "\n    triggered by the following guard failure(s):";
        for (const auto& rr : reasons) text += "\n    - " + rr.failedEntryId + ": " + rr.text;
        s.logs.push_back({"recompiles", newId, r.callIndex, text});
    }
};

GuardEval passed(const std::string& id, int evaluated) { return {id, true, -1, "", {}, evaluated}; }
GuardEval failed(const std::string& id, int guard, const std::string& reason) { return {id, false, guard, reason, {guard}, guard + 1}; }

RecompileReason reason(const std::string& entry, const std::string& text, ReasonCategory cat, const std::string& kind,
                       const std::string& source, const std::string& expected, const std::string& actual, int dim,
                       const std::string& fix) {
    RecompileReason r;
    r.failedEntryId = entry;
    r.text = text;
    r.category = cat;
    r.guardKind = kind;
    r.source = source;
    r.expected = expected;
    r.actual = actual;
    r.dim = dim;
    r.fix = fix;
    r.allFailures = {text};
    return r;
}

std::vector<GraphNode> mulGraph(const std::string& shape, int line) {
    return {{0, "l_x_", "placeholder", "l_x_", {}, shape, "float32", 0},
            {1, "l_y_", "placeholder", "l_y_", {}, shape, "float32", 0},
            {2, "mul", "call_function", "operator.mul", {"l_x_", "l_y_"}, shape, "float32", line},
            {3, "output", "output", "output", {"mul"}, shape, "float32", line}};
}

const char* kSizeFix = "Mark the dimension dynamic with torch._dynamo.mark_dynamic(x, 0), or compile with dynamic=True.";

} // namespace

Session seedLike() {
    Maker m;
    m.s.info.title = "test_recompiles.py (synthetic)";
    m.s.info.kind = SessionKind::Scenario;
    m.s.info.created = "2026-11-28T06:00:00Z";
    m.s.info.sourcePath = "scenario.py";
    m.s.info.sourceText = seedLikeSource();
    m.s.info.engineVersion = "synthetic";
    m.s.info.status = SessionStatus::Complete;
    const int L = SeedLines::fooBody;

    // --- Frame 0: automatic dynamic (R1c): static entry, then one dynamic entry for all sizes.
    const int f0 = m.frame(0, "foo", L - 1);
    int64_t obj = 100;
    {
        auto x = tensor("x", {2}, obj++), y = tensor("y", {2}, obj++);
        GuardTreeBuilder gt;
        gt.tensorArg(x, false, L, "return x * y");
        gt.tensorArg(y, false, L, "return x * y");
        gt.add(0, "NO_TENSOR_ALIASING", "", "check_no_aliasing(L['x'], L['y'])", L, "return x * y");
        m.compile(f0, gt, mulGraph("[2]", L), {});
        m.call(f0, {x, y}, CallOutcome::Compiled, "0/0", {}, 18);
    }
    {
        auto x = tensor("x", {3}, obj++), y = tensor("y", {3}, obj++);
        const int tm = 4; // TENSOR_MATCH of x in 0/0
        const std::string text = "tensor 'x' size mismatch at index 0. expected 2, actual 3";
        m.recompile(f0, "0/1", {reason("0/0", text, ReasonCategory::SizeChange, "TENSOR_MATCH", "L['x']", "2", "3", 0, kSizeFix)});
        GuardTreeBuilder gt;
        gt.tensorArg(x, true, L, "return x * y");
        gt.tensorArg(y, true, L, "return x * y");
        gt.add(0, "NO_TENSOR_ALIASING", "", "check_no_aliasing(L['x'], L['y'])", L, "return x * y");
        gt.add(0, "SHAPE_ENV", "", "L['y'].size()[0] == L['x'].size()[0]", L, "return x * y");
        gt.add(0, "SHAPE_ENV", "", "2 <= L['x'].size()[0]", L, "return x * y");
        m.compile(f0, gt, mulGraph("[s0]", L), {"s0"});
        const int64_t at = m.nextCall();
        m.s.shapeEvents.push_back({ShapeEventKind::Promotion, "0/1", at, "", "L['x']", 0, 3, "", "2 -> 3",
                                   "automatic dynamic size L['x'] size(0) 3 != 2", L});
        m.s.shapeEvents.push_back({ShapeEventKind::Promotion, "0/1", at, "", "L['y']", 0, 3, "", "2 -> 3",
                                   "automatic dynamic size L['y'] size(0) 3 != 2", L});
        m.s.shapeEvents.push_back({ShapeEventKind::CreateSymbol, "0/1", at, "s0", "L['x'].size()[0]", 0, 3, "[2, int_oo]", "",
                                   "create_symbol s0 = 3 for L['x'].size()[0] [2, int_oo]", L});
        m.s.shapeEvents.push_back({ShapeEventKind::DuckSizing, "0/1", at, "s0", "L['y'].size()[0]", 0, 3, "", "",
                                   "create_symbol s0 duck sized L['y'].size()[0]", L});
        m.s.shapeEvents.push_back({ShapeEventKind::GuardAdded, "0/1", at, "s0", "", -1, 0, "", "", "eval 2 <= s0 [guard added]", L});
        for (const auto& l : {"automatic dynamic size L['x'] size(0) 3 != 2", "create_symbol s0 = 3 for L['x'].size()[0] [2, int_oo]",
                              "create_symbol s0 duck sized L['y'].size()[0]"})
            m.s.logs.push_back({"dynamic", "0/1", at, l});
        m.call(f0, {x, y}, CallOutcome::Recompiled, "0/1", {failed("0/0", tm, text)}, 21);
    }
    for (int64_t size : {4, 4, 5, 5, 6}) {
        auto x = tensor("x", {size}, obj++), y = tensor("y", {size}, obj++);
        m.call(f0, {x, y}, CallOutcome::Hit, "0/1", {passed("0/1", 12)}, 24);
    }

    // --- Frame 1: bool flip (R2b): x == True / x == False, then a size change.
    const int f1 = m.frame(1, "foo", SeedLines::boolIf - 1);
    const int B = SeedLines::boolIf;
    auto boolEntry = [&](bool flag, const ArgDesc& y, bool dynamic) {
        GuardTreeBuilder gt;
        gt.valueArg("L['x']", "BOOL_MATCH", std::string("L['x'] == ") + (flag ? "True" : "False"), B, "if x:");
        gt.tensorArg(y, dynamic, B + 1, flag ? "return y * 2" : "return y * y");
        if (dynamic) gt.add(0, "SHAPE_ENV", "", "2 <= L['y'].size()[0]", B + 1, "return y * 2");
        std::vector<GraphNode> g = {{0, "l_y_", "placeholder", "l_y_", {}, dynamic ? "[s0]" : "[2]", "float32", 0},
                                    {1, "mul", "call_function", "operator.mul", {"l_y_", flag ? "2" : "l_y_"}, dynamic ? "[s0]" : "[2]", "float32", B + 1},
                                    {2, "output", "output", "output", {"mul"}, dynamic ? "[s0]" : "[2]", "float32", B + 1}};
        return m.compile(f1, gt, g, dynamic ? std::vector<std::string>{"s0"} : std::vector<std::string>{}).compileId;
    };
    {
        auto y = tensor("y", {2}, obj++);
        boolEntry(true, y, false);
        m.call(f1, {scalar("L['x']", "bool", "True"), y}, CallOutcome::Compiled, "1/0", {}, 30);
    }
    {
        auto y = tensor("y", {2}, obj++);
        const std::string text = "L['x'] == True";
        m.recompile(f1, "1/1", {reason("1/0", "x == True", ReasonCategory::BoolFlip, "BOOL_MATCH", "L['x']", "True", "False", -1,
                                       "Each value of a bool argument gets its own graph; pass a tensor (torch.tensor(flag)) to branch at run time.")});
        boolEntry(false, y, false);
        m.call(f1, {scalar("L['x']", "bool", "False"), y}, CallOutcome::Recompiled, "1/1", {failed("1/0", 4, text)}, 33);
    }
    {
        auto y = tensor("y", {3}, obj++);
        m.recompile(f1, "1/2",
                    {reason("1/1", "x == False", ReasonCategory::BoolFlip, "BOOL_MATCH", "L['x']", "False", "True", -1,
                            "Each value of a bool argument gets its own graph; pass a tensor (torch.tensor(flag)) to branch at run time."),
                     reason("1/0", "tensor 'y' size mismatch at index 0. expected 2, actual 3", ReasonCategory::SizeChange, "TENSOR_MATCH",
                            "L['y']", "2", "3", 0, kSizeFix)});
        boolEntry(true, y, true);
        const int64_t at = m.nextCall();
        m.s.shapeEvents.push_back({ShapeEventKind::Promotion, "1/2", at, "", "L['y']", 0, 3, "", "2 -> 3",
                                   "automatic dynamic size L['y'] size(0) 3 != 2", B + 1});
        m.s.shapeEvents.push_back({ShapeEventKind::CreateSymbol, "1/2", at, "s0", "L['y'].size()[0]", 0, 3, "[2, int_oo]", "",
                                   "create_symbol s0 = 3 for L['y'].size()[0] [2, int_oo]", B + 1});
        m.call(f1, {scalar("L['x']", "bool", "True"), y}, CallOutcome::Recompiled, "1/2",
               {failed("1/1", 4, "x == False"), failed("1/0", 6, "tensor 'y' size mismatch at index 0. expected 2, actual 3")}, 36);
    }
    for (int64_t size : {4, 5}) {
        auto y = tensor("y", {size}, obj++);
        m.call(f1, {scalar("L['x']", "bool", "True"), y}, CallOutcome::Hit, "1/2", {passed("1/2", 9)}, 38);
    }

    // --- Frame 2: train/eval alternation (R10): two entries, then hits in LRU order.
    const int f2 = m.frame(2, "forward", SeedLines::dropout - 1);
    const int D = SeedLines::dropout;
    const std::string trainingSrc = "L['self']._modules['dropout'].training";
    auto modEntry = [&](bool training) {
        GuardTreeBuilder gt;
        gt.valueArg(trainingSrc, "BOOL_MATCH", trainingSrc + (training ? " == True" : " == False"), D,
                    "return self.dropout(self.linear(x))");
        gt.tensorArg(tensor("x", {10}, 7), false, D, "return self.dropout(self.linear(x))");
        std::vector<GraphNode> g = {{0, "l_x_", "placeholder", "l_x_", {}, "[10]", "float32", 0},
                                    {1, "linear", "call_module", "self.linear", {"l_x_"}, "[1]", "float32", D},
                                    {2, "dropout", training ? "call_function" : "call_module", training ? "torch.nn.functional.dropout" : "self.dropout",
                                     {"linear"}, "[1]", "float32", D},
                                    {3, "output", "output", "output", {"dropout"}, "[1]", "float32", D}};
        return m.compile(f2, gt, g, {}).compileId;
    };
    const ArgDesc modArg = [] {
        ArgDesc a = scalar("L['self']", "module", "");
        a.type = "SimpleDropout";
        a.objectId = 7;
        return a;
    }();
    for (int i = 0; i < 6; ++i) {
        const bool training = i % 2 == 1;
        auto x = tensor("x", {10}, 7);
        std::vector<ArgDesc> args = {modArg, x};
        if (i == 0) {
            modEntry(false);
            m.call(f2, args, CallOutcome::Compiled, "2/0", {}, 45);
        } else if (i == 1) {
            const std::string text = "self._modules['dropout'].training == False";
            m.recompile(f2, "2/1", {reason("2/0", text, ReasonCategory::TrainEval, "BOOL_MATCH", trainingSrc, "False", "True", -1,
                                           "Compile after model.eval() / model.train() settle, or compile one model per mode.")});
            modEntry(true);
            m.call(f2, args, CallOutcome::Recompiled, "2/1", {failed("2/0", 4, text)}, 47);
        } else {
            // MRU order: the entry used last is tried first.
            const std::string mine = training ? "2/1" : "2/0", other = training ? "2/0" : "2/1";
            m.call(f2, args, CallOutcome::Hit, mine,
                   {failed(other, 4, other == "2/1" ? "self._modules['dropout'].training == True" : "self._modules['dropout'].training == False"),
                    passed(mine, 8)},
                   training ? 47 : 45);
        }
    }

    // --- Frame 3: a global int guarded by value until the recompile limit (§1.4), then run-only.
    const int f3 = m.frame(3, "step_fn", SeedLines::stepUse - 1);
    const int S = SeedLines::stepUse;
    for (int step = 0; step < 10; ++step) {
        auto x = tensor("x", {4}, 500);
        std::vector<ArgDesc> args = {x, scalar("G['step']", "int", std::to_string(step))};
        if (step == 0) {
            GuardTreeBuilder gt;
            gt.tensorArg(x, false, S, "return x + step");
            gt.valueArg("G['step']", "EQUALS_MATCH", "G['step'] == 0", S, "return x + step");
            m.compile(f3, gt, mulGraph("[4]", S), {});
            m.call(f3, args, CallOutcome::Compiled, "3/0", {}, 58);
            continue;
        }
        std::vector<RecompileReason> reasons;
        std::vector<GuardEval> tried;
        for (int prev = std::min(step, 8) - 1; prev >= 0; --prev) {
            const std::string id = "3/" + std::to_string(prev);
            const std::string text = "G['step'] == " + std::to_string(prev);
            reasons.push_back(reason(id, text, ReasonCategory::IntValueChange, "EQUALS_MATCH", "G['step']", std::to_string(prev),
                                     std::to_string(step), -1, "Globals are always specialized; pass step as an argument or a tensor."));
            tried.push_back(failed(id, 7, text));
        }
        if (step < 8) {
            m.recompile(f3, "3/" + std::to_string(step), reasons);
            GuardTreeBuilder gt;
            gt.tensorArg(x, false, S, "return x + step");
            gt.valueArg("G['step']", "EQUALS_MATCH", "G['step'] == " + std::to_string(step), S, "return x + step");
            m.compile(f3, gt, mulGraph("[4]", S), {});
            m.call(f3, args, CallOutcome::Recompiled, "3/" + std::to_string(step), tried, 58);
        } else {
            if (step == 8) {
                m.recompile(f3, "3/8", reasons, true);
                m.s.logs.push_back({"warning", "3/8", m.nextCall(),
                                    "torch._dynamo hit config.recompile_limit (8)\n   function: 'step_fn' (scenario.py:54)\n   last reason: 3/7: G['step'] == 7"});
            }
            m.call(f3, args, CallOutcome::RunOnly, "", step == 8 ? tried : std::vector<GuardEval>{}, 58);
        }
    }

    m.s.tests = {{"test_automatic_dynamic_reduce_recompiles", "RecompileTests", TestStatus::Pass, "", "scenario.py", 12},
                 {"test_recompiles_true_false_flop", "RecompileTests", TestStatus::Pass, "", "scenario.py", 27},
                 {"test_simple_module_recompile", "RecompileTests", TestStatus::Fail, "AssertionError: 3 != 2", "scenario.py",
                  SeedLines::failingAssert}};
    for (auto& c : m.s.compiles) {
        c.hitCount = 0;
        for (const auto& call : m.s.calls)
            if (call.outcome == CallOutcome::Hit && call.entryId == c.compileId) ++c.hitCount;
    }
    return m.s;
}

std::string seedLikeSource() {
    // Line numbers line up with SeedLines.
    std::vector<std::string> lines(70, "");
    lines[0] = "import torch";
    lines[1] = "import torch._dynamo.testing";
    lines[3] = "def foo(x, y):";
    lines[4] = "    return x * y";
    lines[11] = "class RecompileTests(torch._dynamo.test_case.TestCase):";
    lines[17] = "opt(torch.randn([2]), torch.randn([2]))";
    lines[19] = "def bar(x, y):";
    lines[20] = "    if x:";
    lines[21] = "        return y * 2";
    lines[22] = "    return y * y";
    lines[38] = "class SimpleDropout(torch.nn.Module):";
    lines[39] = "    def forward(self, x): return self.dropout(self.linear(x))";
    lines[53] = "def step_fn(x):";
    lines[54] = "    return x + step";
    lines[61] = "        self.assertEqual(counter.frame_count, 2)";
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

void bigInto(int64_t calls, int recompiles, int frames, EventSink& sink) {
    Maker m;
    m.s.info.title = "synthetic " + std::to_string(calls) + " calls";
    m.s.info.status = SessionStatus::Complete;
    sink.beginSession(m.s.info);
    for (int f = 0; f < frames; ++f) m.frame(f, "fn_" + std::to_string(f), 10 + f * 10);
    // Hands on what each step made, in causal order (frames, recompile, compile, logs, call).
    size_t sentFrames = 0, sentRecompiles = 0, sentCompiles = 0, sentLogs = 0;
    auto handOn = [&] {
        for (; sentFrames < m.s.frames.size(); ++sentFrames) sink.frame(m.s.frames[sentFrames]);
        for (; sentRecompiles < m.s.recompiles.size(); ++sentRecompiles) sink.recompile(m.s.recompiles[sentRecompiles]);
        for (; sentCompiles < m.s.compiles.size(); ++sentCompiles) sink.compile(m.s.compiles[sentCompiles]);
        for (; sentLogs < m.s.logs.size(); ++sentLogs) sink.log(m.s.logs[sentLogs]);
        for (const auto& c : m.s.calls) sink.call(c);
        m.s.calls.clear();
    };
    static const ReasonCategory cats[] = {ReasonCategory::SizeChange, ReasonCategory::DtypeChange, ReasonCategory::BoolFlip,
                                          ReasonCategory::StrideChange, ReasonCategory::TrainEval, ReasonCategory::IntValueChange};
    // Recompiles are spread evenly over the calls; each frame compiles once first.
    const int64_t every = std::max<int64_t>(1, calls / std::max(1, recompiles + frames));
    std::vector<int> entries(size_t(frames), 0);
    std::vector<int64_t> size(size_t(frames), 2);
    int made = 0;
    for (int64_t i = 0; i < calls; ++i) {
        const int f = int(i % frames);
        auto x = tensor("x", {size[size_t(f)], 8}, i * 2), y = tensor("y", {size[size_t(f)], 8}, i * 2 + 1);
        const int line = 10 + f * 10 + 1;
        if (entries[size_t(f)] == 0 || (i % every == 0 && made < recompiles)) {
            const bool first = entries[size_t(f)] == 0;
            if (!first) {
                ++made;
                const ReasonCategory cat = cats[size_t(made) % std::size(cats)];
                std::vector<RecompileReason> rs;
                for (int prev = entries[size_t(f)] - 1; prev >= std::max(0, entries[size_t(f)] - 4); --prev)
                    rs.push_back(reason(std::to_string(f) + "/" + std::to_string(prev),
                                        "tensor 'x' size mismatch at index 0. expected " + std::to_string(size[size_t(f)]) + ", actual " +
                                            std::to_string(size[size_t(f)] + 1),
                                        cat, "TENSOR_MATCH", "L['x']", std::to_string(size[size_t(f)]), std::to_string(size[size_t(f)] + 1), 0,
                                        kSizeFix));
                ++size[size_t(f)];
                x.shape[0] = y.shape[0] = size[size_t(f)];
                m.recompile(f, std::to_string(f) + "/" + std::to_string(entries[size_t(f)]), rs);
            }
            GuardTreeBuilder gt;
            gt.tensorArg(x, false, line, "return x * y");
            gt.tensorArg(y, false, line, "return x * y");
            m.compile(f, gt, mulGraph("[" + std::to_string(size[size_t(f)]) + ", 8]", line), {});
            const std::string id = std::to_string(f) + "/" + std::to_string(entries[size_t(f)]++);
            m.call(f, {x, y}, first ? CallOutcome::Compiled : CallOutcome::Recompiled, id, {}, line);
        } else {
            const std::string id = std::to_string(f) + "/" + std::to_string(entries[size_t(f)] - 1);
            m.call(f, {x, y}, CallOutcome::Hit, id, {passed(id, 9)}, line);
        }
        handOn();
    }
    // Keep the log to compiles only (one line per call would dwarf the session).
    sink.endSession(SessionStatus::Complete);
}

Session big(int64_t calls, int recompiles, int frames) {
    SessionBuilder b;
    bigInto(calls, recompiles, frames, b);
    return b.take();
}

Session traceLike() {
    Session s = seedLike();
    s.info.kind = SessionKind::TorchTrace;
    s.info.title = "dedicated_log_torch_trace_rank_0.log (synthetic)";
    s.info.sourceText.clear();
    s.tests.clear();
    // As core/trace's importer sends it: a log records compiles, not calls, so there is one call
    // per compile (Compiled for a frame's first, Recompiled after), and the recompile, shape
    // events and log lines of a compile are stamped with that call.
    s.calls.clear();
    std::unordered_map<std::string, int64_t> stepOf;
    std::unordered_set<int> framesSeen;
    for (size_t i = 0; i < s.compiles.size(); ++i) {
        auto& c = s.compiles[i];
        c.causedByCall = int64_t(i);
        stepOf[c.compileId] = int64_t(i);
        Call call;
        call.index = int64_t(i);
        call.frameId = c.frameId;
        call.outcome = framesSeen.insert(c.frameId).second ? CallOutcome::Compiled : CallOutcome::Recompiled;
        if (c.status == EntryStatus::Ok) call.entryId = c.compileId;
        else call.outcome = c.status == EntryStatus::LimitHit ? CallOutcome::RunOnly : CallOutcome::Failed;
        s.calls.push_back(std::move(call));
    }
    auto stamp = [&](const std::string& compileId) {
        auto it = stepOf.find(compileId);
        return it == stepOf.end() ? int64_t(-1) : it->second;
    };
    for (auto& r : s.recompiles) {
        r.callIndex = stamp(r.compileId);
        if (r.callIndex >= 0 && s.calls[size_t(r.callIndex)].outcome == CallOutcome::Compiled)
            s.calls[size_t(r.callIndex)].outcome = CallOutcome::Recompiled;
    }
    for (auto& e : s.shapeEvents) e.callIndex = stamp(e.compileId);
    for (auto& l : s.logs) l.callIndex = stamp(l.compileId);
    return s;
}

Session wideGuardTree(int n) {
    Maker m;
    m.s.info.title = "guard tree of " + std::to_string(n) + " nodes";
    m.frame(0, "wide", 1);
    GuardTreeBuilder gt;
    // Managers with a few leaves each, like a model with many parameters (§2.1 sources).
    int parent = 0;
    while (int(gt.guards.size()) < n) {
        const int i = int(gt.guards.size());
        if (i % 5 == 3) {
            parent = gt.add(0, "GuardManager", "L['self']._modules['layer" + std::to_string(i) + "']", "source=...", 0, "");
        } else {
            const std::string src = "L['self']._modules['layer" + std::to_string(parent) + "']._parameters['weight']";
            gt.add(parent, "TENSOR_MATCH", src, "check_tensor(" + src + ", Parameter, ..., size=[64, 64], stride=[64, 1])", 3, "y = layer(y)");
        }
    }
    m.compile(0, gt, {}, {});
    m.call(0, {tensor("x", {64}, 1)}, CallOutcome::Compiled, "0/0", {}, 2);
    return m.s;
}

} // namespace gs::testdata
