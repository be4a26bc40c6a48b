// Compiled function bodies (core/runtime/Compiler.h) against the tree-walking Evaluator: the
// same program must print the same output, the same traceback (file, line, function, source
// text) and hit limits at the same line. An observer makes every call run in the tree-walker
// (a tracer must see every step), so a no-op observer gives the reference run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "RuntimeTestUtil.h"
#include "core/runtime/Dict.h"
#include "core/runtime/Function.h"
#include "core/runtime/Module.h"

using namespace gs::runtime;

namespace {

struct NoOpObserver : TraceObserver {};

struct Outcome {
    std::string out, err;
    int rc = 0;
};

Outcome runIn(const std::string& source, const std::string& file, bool treeWalker, int64_t maxSteps = 0) {
    Interpreter I;
    NoOpObserver obs;
    if (treeWalker) I.setObserver(&obs);
    if (maxSteps) I.limits().maxSteps = maxSteps;
    auto c = test::run(I, source, file);
    return {c.out, c.err, c.rc};
}

void expectSame(const std::string& source, const std::string& file, int64_t maxSteps = 0) {
    Outcome compiled = runIn(source, file, false, maxSteps);
    Outcome tree = runIn(source, file, true, maxSteps);
    EXPECT_EQ(compiled.out, tree.out) << file;
    EXPECT_EQ(compiled.err, tree.err) << file;
    EXPECT_EQ(compiled.rc, tree.rc) << file;
}

} // namespace

TEST(CompiledCode, FunctionBodiesAreCompiledOnFirstCall) {
    Interpreter I;
    InterpreterScope scope(I);
    Module* m = I.runSource("c.py", "def f(n):\n    return n + 1\ndef g():\n    yield 1\nf(1)\nlist(g())\n");
    auto* f = m->dict->getStr("f").dyn<Function>();
    auto* g = m->dict->getStr("g").dyn<Function>();
    ASSERT_TRUE(f && g);
    EXPECT_NE(f->code->compiled, nullptr);
    EXPECT_EQ(g->code->compiled, nullptr);  // generators run in the tree-walker
}

TEST(CompiledCode, TracebacksNameTheSameLinesAsTheTreeWalker) {
    // an error in an argument on the second line of a call, in a method reached through a
    // cached call site, in a loop body after many iterations, and an unbound local operand
    expectSame("def div(a, b):\n    return a // b\n\ndef f(xs):\n    total = 0\n    for x in xs:\n"
               "        total += div(10,\n                     x)\n    return total\n\nprint(f([1, 2, 5]))\nf([1, 0])\n",
               "args.py");
    expectSame("class C:\n    def __init__(self):\n        self.n = 0\n    def add(self, k):\n"
               "        self.n += k\n        return self\n\nc = C()\ndef run():\n    for i in range(100):\n"
               "        c.add(i)\n    c.add('x')\nrun()\n",
               "method.py");
    expectSame("def f():\n    if True:\n        y = x * 2\n    x = 1\n\nf()\n", "unbound.py");
    expectSame("def f(d):\n    while d['k'] < 10:\n        d['k'] += 1\n    return d['missing']\n\nf({'k': 0})\n",
               "while.py");
}

TEST(CompiledCode, StepAndDepthLimitsStopAtTheSameLine) {
    expectSame("def spin():\n    i = 0\n    while True:\n        i += 1\n\nspin()\n", "spin.py", 5000);
    expectSame("def loop(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n\nprint(loop(10))\nloop(10**6)\n",
               "for.py", 20000);
    expectSame("def down(n):\n    return down(n + 1)\n\ndown(0)\n", "deep.py");
}

// Every conformance script, compiled and tree-walked: stdout, tracebacks and exit codes agree.
TEST(CompiledCode, SameOutputAsTheTreeWalkerOnEveryConformanceScript) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(GS_SOURCE_DIR) / "tests/conformance/python";
    int scripts = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".py") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        SCOPED_TRACE(entry.path().filename().string());
        expectSame(text.str(), entry.path().filename().string());
        ++scripts;
    }
    EXPECT_GT(scripts, 50);
}
